// GraphQL types of the network reports, the network map and the annual evaluation. Every count
// that concerns people is a ReportCount of the protected fiscal year (report-protection.ts: 1–4
// hidden, and complementary cells hidden so that none can be subtracted back; all shown as "x");
// counts of grants and partnerships by plainCount (never suppressed).
import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type { OrganizationKind, PartnershipStatus, PartnershipType } from '@tsunagu/domain';
import { OrganizationKindEnum } from '../organizations/organization.model';
// The partnership enums are registered once, by the partnerships API.
import { PartnershipStatusEnum, PartnershipTypeEnum } from '../partnerships/partnership.model';

@ObjectType({
  description:
    'A count; when it concerns people, 1–4 is hidden, and so is any other cell that would let a hidden one be worked out by subtraction (value null, display "x", as e-Stat marks 秘匿).',
})
export class ReportCount {
  @Field(() => Int, { nullable: true, description: 'Null when suppressed.' }) value!: number | null;
  @Field() suppressed!: boolean;
  @Field({ description: 'The figure as shown: the number, or "x" when hidden.' }) display!: string;
}

@ObjectType()
export class LabeledCount {
  @Field({ description: 'A stable code (a status, a category, NONE for referrals naming no need).' }) key!: string;
  @Field({ description: "The code's label in the caller's language." }) label!: string;
  @Field(() => ReportCount) count!: ReportCount;
}

@ObjectType()
export class MonthCount {
  @Field({ description: 'A Japan month, "2026-04".' }) month!: string;
  @Field(() => ReportCount) count!: ReportCount;
}

@ObjectType()
export class OrganizationCount {
  @Field(() => ID) organizationId!: string;
  @Field() organizationName!: string;
  @Field(() => ReportCount) count!: ReportCount;
}

@ObjectType({ description: 'Referrals sent in the range (by the Japan day of sending), from the report aggregates.' })
export class ReferralFigures {
  @Field(() => ReportCount) total!: ReportCount;
  @Field(() => [LabeledCount], { description: 'Every status a sent referral can have, in the life-cycle order, with zeros.' }) byStatus!: LabeledCount[];
  @Field(() => [LabeledCount], { description: 'Per need (a referral naming several counts once for each); NONE for none.' }) byCategory!: LabeledCount[];
  @Field(() => [MonthCount], { description: 'Every Japan month the range touches, with zeros.' }) byMonth!: MonthCount[];
  @Field(() => [OrganizationCount], { description: 'Senders with referrals in the range, most first.' }) bySender!: OrganizationCount[];
  @Field(() => [OrganizationCount], { description: 'Receivers with referrals in the range, most first.' }) byReceiver!: OrganizationCount[];
  @Field(() => Int, { nullable: true, description: 'Whole hours from sending to acceptance; null when fewer than 5 were accepted or an accepted status is hidden.' })
  medianHoursToAcceptance!: number | null;
  @Field(() => Int, { nullable: true, description: 'The 90th percentile (nearest rank); null as the median.' }) p90HoursToAcceptance!: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'COMPLETED / accepted (ACCEPTED, IN_PROGRESS, COMPLETED, CLOSED_UNRESOLVED), %; null under 5 accepted, when a count it uses is hidden, or when it would give a count of 1–4 back.',
  })
  completionRatePercent!: number | null;
  @Field(() => Int, { nullable: true, description: 'CLOSED_UNRESOLVED / accepted, %; null as the completion rate.' }) unresolvedRatePercent!: number | null;
  @Field(() => ReportCount, { description: 'Referrals awaiting a reply past their deadline now, whenever sent (a current state, not bounded by the range).' })
  overdue!: ReportCount;
}

@ObjectType({ description: 'Grants published in the range and applications made in the range (listings and organisations: never suppressed).' })
export class GrantFigures {
  @Field(() => ReportCount) published!: ReportCount;
  @Field(() => ReportCount) applications!: ReportCount;
  @Field(() => ReportCount, { description: 'Applications made in the range that are awarded now.' }) awarded!: ReportCount;
  @Field(() => Float) awardedAmountYen!: number;
  @Field(() => [LabeledCount]) applicationsByStatus!: LabeledCount[];
}

@ObjectType({ description: "Training of the network's members (or the organisation's)." })
export class TrainingFigures {
  @Field(() => ReportCount, { description: 'Enrolments made in the range.' }) enrolments!: ReportCount;
  @Field(() => ReportCount, { description: 'Courses completed in the range.' }) completions!: ReportCount;
  @Field(() => Int, { nullable: true, description: "Share of the period's enrolments completed by now, %; null under 5 enrolments, when enrolments or completions are hidden, or when it would give a count of 1–4 back." })
  completionRatePercent!: number | null;
}

@ObjectType({
  description: 'Partnerships in effect during the range: recorded before its end, their period (open ends allowed) overlapping it; by current type and status.',
})
export class PartnershipFigures {
  @Field(() => ReportCount) total!: ReportCount;
  @Field(() => [LabeledCount]) byType!: LabeledCount[];
  @Field(() => [LabeledCount]) byStatus!: LabeledCount[];
}

@ObjectType()
export class NetworkReport {
  @Field(() => GraphQLISODateTime, { description: 'Start of the range used (inclusive): 00:00 Japan time of its first day.' }) from!: Date;
  @Field(() => GraphQLISODateTime, { description: 'End of the range used (exclusive): 00:00 Japan time after its last day.' }) to!: Date;
  @Field(() => ID, { nullable: true, description: 'The organisation filter, when any.' }) organizationId!: string | null;
  @Field(() => ReferralFigures) referrals!: ReferralFigures;
  @Field(() => GrantFigures) grants!: GrantFigures;
  @Field(() => TrainingFigures) training!: TrainingFigures;
  @Field(() => PartnershipFigures) partnerships!: PartnershipFigures;
}

@InputType({
  description:
    'The period [from, to): counts about people are published for fixed periods only, so it must be exactly one Japan month (00:00 Japan time on the first day ' +
    'to the first day of the next month) or one fiscal year (1 April to the next 1 April, Japan time); anything else, or one end only, is BAD_USER_INPUT ' +
    '(reason REPORT_PERIOD_NOT_FIXED). Default (neither end): the current fiscal year. ' +
    'organizationId narrows to the figures that organisation is party to; org admins always get their own organisation.',
})
export class ReportInput {
  @Field(() => GraphQLISODateTime, { nullable: true }) from?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) to?: Date | null;
  @Field(() => ID, { nullable: true }) organizationId?: string | null;
}

@ObjectType()
export class NetworkMapNode {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => OrganizationKindEnum) kind!: OrganizationKind;
}

@ObjectType()
export class NetworkMapEdge {
  @Field({ description: '"PARTNERSHIP" (municipality -> partner) or "REFERRALS" (sender -> receiver).' }) kind!: 'PARTNERSHIP' | 'REFERRALS';
  @Field(() => ID) sourceId!: string;
  @Field(() => ID) targetId!: string;
  @Field(() => PartnershipTypeEnum, { nullable: true }) partnershipType!: PartnershipType | null;
  @Field(() => PartnershipStatusEnum, { nullable: true }) partnershipStatus!: PartnershipStatus | null;
  @Field(() => ReportCount, { nullable: true, description: 'For REFERRALS edges: the referrals sent over the range.' }) referrals!: ReportCount | null;
}

@ObjectType()
export class NetworkMap {
  @Field(() => GraphQLISODateTime) from!: Date;
  @Field(() => GraphQLISODateTime) to!: Date;
  @Field(() => [NetworkMapNode]) nodes!: NetworkMapNode[];
  @Field(() => [NetworkMapEdge]) edges!: NetworkMapEdge[];
}
