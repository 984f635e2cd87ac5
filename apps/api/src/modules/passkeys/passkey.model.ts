import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'One of my passkeys (a WebAuthn credential). Its key material is never shown.' })
export class Passkey {
  @Field(() => ID) id!: string;
  @Field() label!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) lastUsedAt!: Date | null;
  @Field({ description: 'Synced between devices (a multi-device credential), e.g. by a password manager.' })
  multiDevice!: boolean;
  @Field({ description: 'The authenticator says the passkey is backed up.' }) backedUp!: boolean;
}

@ObjectType({ description: 'A passkey ceremony begun: the options for the browser and the token to finish it with.' })
export class PasskeyCeremony {
  @Field({ description: 'Single-use; send it back with the browser’s answer.' }) token!: string;
  @Field(() => GraphQLISODateTime) expiresAt!: Date;
  @Field({
    description:
      'The options as JSON (PublicKeyCredentialCreationOptionsJSON or …RequestOptionsJSON), for @simplewebauthn/browser.',
  })
  optionsJson!: string;
}
