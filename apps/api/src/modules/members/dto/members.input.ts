import { Field, ID, InputType } from '@nestjs/graphql';
import type { Role } from '@tsunagu/domain';
import { RoleEnum } from '../membership.model';

@InputType()
export class InviteMemberInput {
  @Field(() => ID, { nullable: true, description: "Omitted: the inviter's own organisation." })
  organizationId?: string | null;

  @Field()
  email!: string;

  @Field(() => [RoleEnum])
  roles!: Role[];

  @Field(() => String, { nullable: true, description: 'Language of the invitation mail: ja (default) or en.' })
  language?: string | null;
}

@InputType()
export class UpdateMemberRolesInput {
  @Field(() => ID)
  membershipId!: string;

  @Field(() => [RoleEnum])
  roles!: Role[];
}

@InputType()
export class AcceptInvitationInput {
  @Field()
  token!: string;

  @Field(() => String, { description: 'For a new account: the name colleagues will see.', nullable: true })
  displayName?: string | null;

  @Field({ description: 'New account: the password to set. Existing account: its current password.' })
  password!: string;

  @Field(() => String, { nullable: true, description: 'ja or en (new accounts).' })
  preferredLanguage?: string | null;
}
