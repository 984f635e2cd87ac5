import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { NETWORK_ROLES, ORGANIZATION_ROLES, Role } from '@tsunagu/domain';
import { graphqlEnum } from '../../core/graphql/enum-of';
import { Connection } from '../../core/graphql/pagination';
import { Network, Organization } from '../organizations/organization.model';

export const RoleEnum = graphqlEnum<Role>([...NETWORK_ROLES, ...ORGANIZATION_ROLES], { name: 'Role' });

@ObjectType({ description: 'The person behind a membership, as colleagues see them.' })
export class MemberUser {
  @Field(() => ID) id!: string;
  @Field() displayName!: string;
  @Field() email!: string;
}

@ObjectType({ description: "A user's place in one organisation, with its roles." })
export class Membership {
  @Field(() => ID) id!: string;
  @Field(() => [RoleEnum]) roles!: Role[];
  @Field({ description: 'A disabled membership cannot sign in or act.' }) disabled!: boolean;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => MemberUser) user!: MemberUser;
  @Field(() => Organization) organization!: Organization;
  @Field(() => Network) network!: Network;
}

@ObjectType()
export class MembershipConnection extends Connection(Membership, 'Membership') {}

@ObjectType({ description: 'A pending or past invitation to join an organisation.' })
export class Invitation {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field(() => [RoleEnum]) roles!: Role[];
  @Field(() => GraphQLISODateTime) expiresAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) acceptedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) revokedAt!: Date | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => ID) organizationId!: string;
}

@ObjectType({ description: 'What the invitee sees before accepting (no sign-in needed).' })
export class InvitationPreview {
  @Field() email!: string;
  @Field() organizationName!: string;
  @Field() networkName!: string;
  @Field(() => [RoleEnum]) roles!: Role[];
  @Field(() => GraphQLISODateTime) expiresAt!: Date;
  @Field({ description: 'True when this email already has an account: accepting then needs its password.' }) existingAccount!: boolean;
}
