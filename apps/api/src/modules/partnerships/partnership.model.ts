// GraphQL types of partnerships (連携管理): a partnership as a member sees it, its two
// organisations, contacts, documents, follow-ups and the interaction log.
import { Field, Float, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import {
  CONTACT_SIDES,
  ContactSide,
  INTERACTION_KINDS,
  InteractionKind,
  OrganizationKind,
  PARTNERSHIP_STATUSES,
  PARTNERSHIP_TYPES,
  PartnershipStatus,
  PartnershipType,
} from '@tsunagu/domain';
import { graphqlEnum } from '../../core/graphql/enum-of';
import { Connection } from '../../core/graphql/pagination';
import { StoredFileFields } from '../../core/graphql/stored-file.model';
import { OrganizationKindEnum } from '../organizations/organization.model';

export const PartnershipTypeEnum = graphqlEnum(PARTNERSHIP_TYPES.codes, { name: 'PartnershipType', description: 'CONTRACT 委託, SUBSIDY 補助, AGREEMENT 協定, COUNCIL 地域協議会, INFORMAL.' });
export const PartnershipStatusEnum = graphqlEnum(PARTNERSHIP_STATUSES.codes, { name: 'PartnershipStatus' });
export const InteractionKindEnum = graphqlEnum(INTERACTION_KINDS.codes, { name: 'InteractionKind' });
export const ContactSideEnum = graphqlEnum(CONTACT_SIDES.codes, { name: 'ContactSide' });

@ObjectType({ description: 'One side of a partnership.' })
export class PartnershipOrganization {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => OrganizationKindEnum) kind!: OrganizationKind;
}

@ObjectType({ description: 'A contact person of either side.' })
export class PartnershipContact {
  @Field(() => ID) id!: string;
  @Field(() => ContactSideEnum) side!: ContactSide;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) jobTitle!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
}

@ObjectType({ description: 'A stored file attached to a partnership (download through /api/files/<fileId>).' })
export class PartnershipDocument extends StoredFileFields {
  @Field(() => ID) id!: string;
  @Field(() => ID) fileId!: string;
  @Field(() => GraphQLISODateTime) uploadedAt!: Date;
}

@ObjectType({ description: 'A member of the managing municipality.' })
export class PartnershipMember {
  @Field(() => ID) membershipId!: string;
  @Field() displayName!: string;
}

@ObjectType({ description: 'Something to do after an interaction, with a due date (its assignee is reminded the day before).' })
export class PartnershipFollowUp {
  @Field(() => ID) id!: string;
  @Field() description!: string;
  @Field({ description: 'YYYY-MM-DD' }) dueOn!: string;
  @Field(() => PartnershipMember, { nullable: true }) assignee!: PartnershipMember | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) doneAt!: Date | null;
  @Field({ description: 'Open and due before today (Japan date).' }) overdue!: boolean;
  @Field(() => ID, { nullable: true }) interactionId!: string | null;
}

@ObjectType({ description: 'A meeting, call, visit or other contact with the partner.' })
export class PartnershipInteraction {
  @Field(() => ID) id!: string;
  @Field(() => InteractionKindEnum) kind!: InteractionKind;
  @Field({ description: 'YYYY-MM-DD' }) occurredOn!: string;
  @Field() attendees!: string;
  @Field() notes!: string;
  @Field(() => PartnershipMember, { nullable: true }) recordedBy!: PartnershipMember | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => [PartnershipFollowUp]) followUps!: PartnershipFollowUp[];
}

@ObjectType()
export class PartnershipInteractionConnection extends Connection(PartnershipInteraction, 'PartnershipInteraction') {}

@ObjectType({ description: "A partnership between a municipality (its liaisons manage it) and a partner organisation (which reads it)." })
export class Partnership {
  @Field(() => ID) id!: string;
  @Field(() => PartnershipOrganization, { description: 'The managing municipality.' }) municipality!: PartnershipOrganization;
  @Field(() => PartnershipOrganization) partner!: PartnershipOrganization;
  @Field(() => PartnershipTypeEnum) type!: PartnershipType;
  @Field() title!: string;
  @Field() description!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) startsOn!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) endsOn!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; liaisons are reminded 30 and 7 days before.' }) reviewOn!: string | null;
  @Field(() => PartnershipStatusEnum) status!: PartnershipStatus;
  @Field(() => Float, { nullable: true, description: 'Yen.' }) budgetYen!: number | null;
  @Field({ description: 'I am a liaison of the managing municipality.' }) mayManage!: boolean;
  @Field(() => [PartnershipStatusEnum], { description: 'Where it may move next (empty unless mayManage).' }) availableStatuses!: PartnershipStatus[];
  @Field(() => [PartnershipContact], { description: 'Municipality side first, each side in its order.' }) contacts!: PartnershipContact[];
  @Field(() => [PartnershipDocument]) documents!: PartnershipDocument[];
  @Field(() => [PartnershipFollowUp], { description: 'Not done yet, soonest due first.' }) openFollowUps!: PartnershipFollowUp[];
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}

@ObjectType()
export class PartnershipConnection extends Connection(Partnership, 'Partnership') {}
