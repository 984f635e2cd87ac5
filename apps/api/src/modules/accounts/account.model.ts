import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Membership } from '../members/membership.model';

@ObjectType({ description: 'The signed-in user.' })
export class Me {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field() displayName!: string;
  @Field({ description: 'ja or en.' }) preferredLanguage!: string;
  @Field(() => Membership, { description: 'The membership this session acts as.' }) activeMembership!: Membership;
  @Field(() => [Membership], { description: 'Every active membership, in every network.' }) memberships!: Membership[];
}

@ObjectType()
export class AuthPayload {
  @Field({ description: 'Send as `Authorization: Bearer …`. The refresh token is set as an httpOnly cookie.' }) accessToken!: string;
  @Field(() => GraphQLISODateTime) accessTokenExpiresAt!: Date;
  @Field(() => Me) me!: Me;
}

export enum SecondFactorMethod {
  TOTP = 'TOTP',
  PASSKEY = 'PASSKEY',
  RECOVERY_CODE = 'RECOVERY_CODE',
}
registerEnumType(SecondFactorMethod, { name: 'SecondFactorMethod', description: 'A way to prove a sign-in a second time.' });

@ObjectType({ description: 'The pending second step of a sign-in whose password was right.' })
export class SecondFactorChallenge {
  @Field({ description: 'Single-use; send it back with the code or the passkey answer.' }) token!: string;
  @Field(() => GraphQLISODateTime) expiresAt!: Date;
  @Field(() => [SecondFactorMethod], { description: 'The factors this account has enrolled.' })
  methods!: SecondFactorMethod[];
}

@ObjectType({ description: 'Signed in (auth), or a second factor is needed first (secondFactor). Exactly one is set.' })
export class SignInResult {
  @Field(() => AuthPayload, { nullable: true }) auth!: AuthPayload | null;
  @Field(() => SecondFactorChallenge, { nullable: true }) secondFactor!: SecondFactorChallenge | null;
}
