import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Membership } from '../members/membership.model';

export enum SecondFactorMethod {
  TOTP = 'TOTP',
  PASSKEY = 'PASSKEY',
  RECOVERY_CODE = 'RECOVERY_CODE',
}
registerEnumType(SecondFactorMethod, { name: 'SecondFactorMethod', description: 'A way to prove a sign-in a second time.' });

@ObjectType({ description: 'My second factors and what the policy of my active network asks of me.' })
export class SecondFactorStatus {
  @Field({ description: 'At least one factor (TOTP or passkey) is enrolled.' }) enrolled!: boolean;
  @Field(() => [SecondFactorMethod], { description: 'The factors enrolled (TOTP, PASSKEY).' }) methods!: SecondFactorMethod[];
  @Field(() => Int, { description: 'Unused recovery codes.' }) recoveryCodesLeft!: number;
  @Field({ description: 'The network policy covers my roles (a factor must stay enrolled).' }) requiredByPolicy!: boolean;
  @Field({ description: 'The policy asks me to enrol (I have no factor yet); may be postponed until dueBy.' })
  enrolmentRequired!: boolean;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'End of the grace period, when there is one.' })
  dueBy!: Date | null;
  @Field({ description: 'This session may only enrol a factor (the grace period is over).' }) blocked!: boolean;
}

@ObjectType({ description: 'The signed-in user.' })
export class Me {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field() displayName!: string;
  @Field({ description: 'ja or en.' }) preferredLanguage!: string;
  @Field(() => Membership, { description: 'The membership this session acts as.' }) activeMembership!: Membership;
  @Field(() => [Membership], { description: 'Every active membership, in every network.' }) memberships!: Membership[];
  /** The session asking (not a field): `secondFactor` is resolved only when a client asks for it. */
  sessionId!: string;
}

@ObjectType()
export class AuthPayload {
  @Field({ description: 'Send as `Authorization: Bearer …`. The refresh token is set as an httpOnly cookie.' }) accessToken!: string;
  @Field(() => GraphQLISODateTime) accessTokenExpiresAt!: Date;
  @Field(() => Me) me!: Me;
}


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
