import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  AGE_BANDS,
  FREE_TEXT_WITHHELD_REASONS,
  FreeTextWithheldReason,
  WithheldReason,
  AgeBand,
  NOTIFICATION_DELIVERIES,
  NOTIFICATION_KINDS,
  NotificationDelivery,
  NotificationKind,
  PersonalDataCategory,
  REFERRAL_ACTIONS,
  REFERRAL_STATUSES,
  REFERRAL_URGENCIES,
  ReferralAction,
  ReferralSide,
  ReferralStatus,
  ReferralUrgency,
  ServiceCategory,
} from '@tsunagu/domain';
import { graphqlEnum } from '../../core/graphql/enum-of';
import { Connection } from '../../core/graphql/pagination';
import { ServiceCategoryEnum } from '../directory/service.model';
import { GenderEnum, NamedRef, Person, PersonalDataCategoryEnum, WithheldReasonEnum } from '../people/people.model';

export const ReferralStatusEnum = graphqlEnum(REFERRAL_STATUSES.codes, { name: 'ReferralStatus' });
export const ReferralUrgencyEnum = graphqlEnum(REFERRAL_URGENCIES.codes, { name: 'ReferralUrgency' });
export const ReferralActionEnum = graphqlEnum(REFERRAL_ACTIONS.codes, { name: 'ReferralAction' });
export const AgeBandEnum = graphqlEnum(AGE_BANDS.codes, { name: 'AgeBand' });
export const ReferralSideEnum = graphqlEnum(['SENDER', 'RECEIVER'], { name: 'ReferralSide', description: 'Which side of the referral my organisation is on.' });
export const NotificationKindEnum = graphqlEnum(NOTIFICATION_KINDS.codes, { name: 'NotificationKind' });
export const NotificationDeliveryEnum = graphqlEnum(NOTIFICATION_DELIVERIES.codes, { name: 'NotificationDelivery' });
export const FreeTextWithheldReasonEnum = graphqlEnum(FREE_TEXT_WITHHELD_REASONS.codes, {
  name: 'ReferralTextWithheldReason',
  description: "Why a referral's free text (consultation data) is not shown or does not travel.",
});
export const ReferralBoxEnum = graphqlEnum(['INBOX', 'OUTBOX'], { name: 'ReferralBox', description: 'INBOX: referrals to my organisation. OUTBOX: from it.' });
export type ReferralBox = keyof typeof ReferralBoxEnum;
export const ReferralSortEnum = graphqlEnum(['NEWEST', 'DEADLINE'], {
  name: 'ReferralSort',
  description: 'NEWEST: newest first. DEADLINE: the reply deadline of those awaiting a reply (SENT), soonest (overdue) first; every other referral, having no deadline to meet, last.',
});
export type ReferralSort = keyof typeof ReferralSortEnum;

@ObjectType({ description: 'A case referred without personal data.' })
export class AnonymousCase {
  @Field(() => AgeBandEnum) ageBand!: AgeBand;
  @Field(() => GenderEnum, { nullable: true }) gender!: string | null;
  @Field(() => String, { nullable: true }) municipalityCode!: string | null;
}

@ObjectType({ description: 'One step on the timeline: who did what, when and why.' })
export class ReferralEvent {
  @Field(() => ID) id!: string;
  @Field() action!: string;
  @Field(() => ReferralStatusEnum, { nullable: true }) fromStatus!: ReferralStatus | null;
  @Field(() => ReferralStatusEnum, { nullable: true }) toStatus!: ReferralStatus | null;
  @Field(() => String, { nullable: true, description: 'Null: the system (deadlines).' }) actorName!: string | null;
  @Field(() => NamedRef, { nullable: true }) actorOrganization!: NamedRef | null;
  @Field(() => String, { nullable: true, description: 'Reason, outcome or note given. Null when none, or withheld from me (textWithheldReason says why).' })
  note!: string | null;
  @Field(() => FreeTextWithheldReasonEnum, { nullable: true, description: 'Set when the note is withheld from me (e.g. a special-care referral seen by STAFF).' })
  textWithheldReason!: FreeTextWithheldReason | null;
  @Field(() => ID, { nullable: true, description: 'For FORWARD: the new referral.' }) relatedReferralId!: string | null;
  @Field(() => [PersonalDataCategoryEnum], { description: 'REQUEST_CATEGORIES / SHARE_CATEGORIES: the categories asked for or shared.' })
  categories!: PersonalDataCategory[];
  @Field(() => GraphQLISODateTime) at!: Date;
}

@ObjectType()
export class ReferralMessage {
  @Field(() => ID) id!: string;
  @Field() authorName!: string;
  @Field(() => NamedRef) authorOrganization!: NamedRef;
  @Field() mine!: boolean;
  @Field(() => String, { nullable: true, description: 'Null only when withheld from me (textWithheldReason says why).' }) body!: string | null;
  @Field(() => FreeTextWithheldReasonEnum, { nullable: true, description: 'Set when the body is withheld from me (e.g. a special-care referral seen by STAFF).' })
  textWithheldReason!: FreeTextWithheldReason | null;
  @Field(() => GraphQLISODateTime) sentAt!: Date;
}

@ObjectType({ description: 'A referral (つなぎ) between two organisations of my network.' })
export class Referral {
  @Field(() => ID) id!: string;
  @Field(() => ReferralStatusEnum) status!: ReferralStatus;
  @Field(() => ReferralUrgencyEnum) urgency!: ReferralUrgency;
  @Field(() => [ServiceCategoryEnum]) needs!: ServiceCategory[];
  @Field(() => String, {
    nullable: true,
    description: 'Null only when withheld from me (textWithheldReason says why). After erasure: a marker with the date, in my language.',
  })
  reason!: string | null;
  @Field(() => String, { nullable: true }) notes!: string | null;
  @Field(() => FreeTextWithheldReasonEnum, {
    nullable: true,
    description: 'Set when reason, notes and outcome are withheld from me (e.g. a special-care referral seen by STAFF).',
  })
  textWithheldReason!: FreeTextWithheldReason | null;
  @Field(() => NamedRef) senderOrganization!: NamedRef;
  @Field() senderName!: string;
  @Field(() => NamedRef) receiverOrganization!: NamedRef;
  @Field(() => ID, { nullable: true, description: 'Null when the service has left the directory.' }) serviceId!: string | null;
  @Field() serviceName!: string;
  @Field(() => ID, { nullable: true }) personId!: string | null;
  @Field(() => String, { nullable: true }) personPseudonym!: string | null;
  @Field(() => AnonymousCase, { nullable: true }) anonymousCase!: AnonymousCase | null;
  @Field(() => [PersonalDataCategoryEnum], {
    description: 'Categories the sender shares (each under an active consent); special-care ones left out for a role that may not see them.',
  })
  sharedCategories!: PersonalDataCategory[];
  @Field({ description: 'True when special-care categories are shared but hidden from my role: show one "special-care data (hidden)" marker.' })
  specialCareHidden!: boolean;
  @Field(() => GraphQLISODateTime, { nullable: true }) sentAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) responseDueAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) expiresAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) escalatedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) answeredAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) closedAt!: Date | null;
  @Field(() => String, { nullable: true }) outcome!: string | null;
  @Field({ description: 'Awaiting a reply past its deadline.' }) overdue!: boolean;
  @Field(() => ID, { nullable: true }) forwardedFromId!: string | null;
  @Field(() => [ReferralSideEnum]) mySides!: ReferralSide[];
  @Field(() => [ReferralActionEnum], { description: 'What I may do now.' }) availableActions!: ReferralAction[];
  @Field(() => Int, { description: 'Messages from others I have not read.' }) unreadMessages!: number;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}

@ObjectType()
export class ReferralConnection extends Connection(Referral, 'Referral') {}

@ObjectType({
  description:
    'Where a forwarded case went last: the end of the forwarding chain from this referral. Its status and outcome are shown to every sender up the chain.',
})
export class OnwardReferral {
  @Field(() => ID) id!: string;
  @Field(() => NamedRef) receiverOrganization!: NamedRef;
  @Field() serviceName!: string;
  @Field(() => ReferralStatusEnum) status!: ReferralStatus;
  @Field(() => String, { nullable: true }) outcome!: string | null;
  @Field(() => FreeTextWithheldReasonEnum, { nullable: true, description: 'Set when the outcome is withheld from me (e.g. a special-care referral seen by STAFF).' })
  textWithheldReason!: FreeTextWithheldReason | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) closedAt!: Date | null;
  @Field(() => Int, { description: 'Forwards between this referral and that one (1: forwarded once).' }) hops!: number;
}

@ObjectType({ description: 'A referral with its person (as consent allows), timeline and messages.' })
export class ReferralDetail {
  @Field(() => Referral) referral!: Referral;
  @Field(() => Person, { nullable: true, description: 'Read for the purpose REFERRAL; categories not shared are WITHHELD.' }) person!: Person | null;
  @Field(() => [ReferralEvent]) events!: ReferralEvent[];
  @Field(() => [ReferralMessage]) messages!: ReferralMessage[];
  @Field(() => OnwardReferral, { nullable: true, description: 'Set when this referral was forwarded.' }) onward!: OnwardReferral | null;
}

@ObjectType({ description: 'One category received, and whether it may travel on to the third organisation.' })
export class ForwardCategoryPreview {
  @Field(() => PersonalDataCategoryEnum) category!: PersonalDataCategory;
  @Field({ description: "True when an active consent of the person covers the third organisation, REFERRAL and this category." }) travels!: boolean;
  @Field(() => WithheldReasonEnum, { nullable: true }) withheldReason!: WithheldReason | null;
}

@ObjectType({ description: 'What a forward to a service would carry to its organisation, before the forwarder confirms.' })
export class ReferralForwardPreview {
  @Field(() => NamedRef) receiverOrganization!: NamedRef;
  @Field(() => ID) serviceId!: string;
  @Field() serviceName!: string;
  @Field(() => [ForwardCategoryPreview], { description: 'Each category this referral shares with me.' }) categories!: ForwardCategoryPreview[];
  @Field(() => String, { nullable: true, description: "The original referral's notes: what travels if chosen and allowed. Null when there are none." })
  freeText!: string | null;
  @Field(() => PersonalDataCategoryEnum, { nullable: true, description: 'The category the free text belongs to (CONSULTATION; none for an anonymous case).' })
  freeTextCategory!: PersonalDataCategory | null;
  @Field({ description: 'Whether the free text may travel if the forwarder chooses it.' }) freeTextMayTravel!: boolean;
  @Field(() => FreeTextWithheldReasonEnum, { nullable: true }) freeTextWithheldReason!: FreeTextWithheldReason | null;
}

@ObjectType()
export class ReferralStatusCount {
  @Field(() => ReferralStatusEnum) status!: ReferralStatus;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class ReferralCounts {
  @Field(() => [ReferralStatusCount]) byStatus!: ReferralStatusCount[];
  @Field(() => Int) overdue!: number;
  @Field(() => Int, { description: 'Open referrals (sent, accepted, in progress) with messages I have not read.' }) withUnreadMessages!: number;
}

@ObjectType()
export class ReferralDeadlines {
  @Field(() => Int) urgentHours!: number;
  @Field(() => Int) highHours!: number;
  @Field(() => Int) normalHours!: number;
  @Field(() => Int, { description: 'Hours after the reply deadline before an unanswered referral expires.' }) expiryGraceHours!: number;
}

@ObjectType()
export class Notification {
  @Field(() => ID) id!: string;
  @Field(() => NotificationKindEnum) kind!: NotificationKind;
  @Field(() => ID, { nullable: true }) referralId!: string | null;
  @Field(() => String, { nullable: true, description: 'The other organisation of the referral.' }) counterpartName!: string | null;
  @Field(() => String, { nullable: true }) serviceName!: string | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) readAt!: Date | null;
}

@ObjectType()
export class NotificationConnection extends Connection(Notification, 'Notification') {}

@ObjectType()
export class NotificationPreference {
  @Field(() => NotificationKindEnum) kind!: NotificationKind;
  @Field(() => NotificationDeliveryEnum) delivery!: NotificationDelivery;
}
