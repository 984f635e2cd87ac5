// GraphQL types of two-step verification: TOTP enrolment, recovery codes, the network's policy
// and the list of who has enrolled (issue 18).
import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import type { Role } from '@tsunagu/domain';
import { Connection } from '../../core/graphql/pagination';
import { SecondFactorMethod } from '../accounts/account.model';
import { RoleEnum } from '../members/membership.model';

@ObjectType({ description: 'A TOTP secret waiting for its first code; shown once, to the user enrolling.' })
export class TotpEnrolment {
  @Field({ description: 'otpauth:// URI for the QR code (draw it locally: it holds the secret).' }) otpauthUri!: string;
  @Field({ description: 'The same secret in base32, for typing into an app by hand.' }) secret!: string;
}

@ObjectType({ description: 'New recovery codes: shown this once, stored only as hashes.' })
export class RecoveryCodes {
  @Field(() => [String], { description: 'Each works once, in place of a code from the app.' }) codes!: string[];
}

@ObjectType({ description: "The network's second-factor policy." })
export class SecondFactorPolicy {
  @Field({ description: 'Members in the covered roles must enrol a second factor.' }) required!: boolean;
  @Field(() => GraphQLISODateTime, { nullable: true }) requiredSince!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Until then members may postpone enrolment.' })
  graceUntil!: Date | null;
  @Field(() => [RoleEnum], { description: 'The roles the policy covers (they read personal data).' }) coveredRoles!: Role[];
}

@ObjectType({ description: 'Whether one member has enrolled a second factor (never the factor itself).' })
export class SecondFactorEnrolment {
  @Field(() => ID) membershipId!: string;
  @Field() displayName!: string;
  @Field() email!: string;
  @Field() organizationName!: string;
  @Field(() => [RoleEnum]) roles!: Role[];
  @Field({ description: 'Their roles fall under the policy (if the network turns it on).' }) coveredByPolicy!: boolean;
  @Field() enrolled!: boolean;
  @Field(() => [SecondFactorMethod]) methods!: SecondFactorMethod[];
}

@ObjectType()
export class SecondFactorEnrolmentConnection extends Connection(SecondFactorEnrolment, 'SecondFactorEnrolment') {}
