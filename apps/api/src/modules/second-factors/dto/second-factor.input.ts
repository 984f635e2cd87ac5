import { Field, InputType, Int } from '@nestjs/graphql';

@InputType()
export class CompleteSignInInput {
  @Field({ description: 'The challenge token from login (or acceptInvitation).' })
  token!: string;

  @Field(() => String, { nullable: true, description: 'The 6-digit code of the authenticator app.' })
  code?: string | null;

  @Field(() => String, { nullable: true, description: 'One unused recovery code, instead of a code.' })
  recoveryCode?: string | null;
}

@InputType()
export class ReauthenticateInput {
  @Field()
  password!: string;

  @Field(() => String, { nullable: true, description: 'Needed when the account has a TOTP authenticator.' })
  code?: string | null;
}

@InputType()
export class SetSecondFactorPolicyInput {
  @Field()
  required!: boolean;

  @Field(() => Int, { nullable: true, description: 'Days members may postpone enrolment (0 to 90).' })
  graceDays?: number | null;
}
