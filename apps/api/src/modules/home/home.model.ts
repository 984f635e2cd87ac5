// The home page's sections (issue 16): what needs doing for the signed-in member, each section
// present only for the roles it concerns (null otherwise), with counts computed in SQL and the
// top few items as their own lists show them (Referral, Grant, Enrolment, PartnershipFollowUp).
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Grant } from '../grants/grant.model';
import { PartnershipFollowUp } from '../partnerships/partnership.model';
import { Referral } from '../referrals/referral.model';
import { Enrolment } from '../training/learning/learning.model';

@ObjectType({ description: "My organisation's referrals: those waiting for our answer, and open ones with unread messages." })
export class HomeReferrals {
  @Field(() => Int, { description: 'Sent to my organisation and not yet answered.' }) waiting!: number;
  @Field(() => Int, { description: 'Of those, past their reply deadline.' }) overdue!: number;
  @Field(() => Int, { description: 'Accepted or in progress at my organisation: cases to follow to an outcome.' }) inProgress!: number;
  @Field(() => Int, { description: 'Open referrals (received or sent) with messages I have not read.' }) withUnreadMessages!: number;
  @Field(() => [Referral], { description: 'The waiting referrals with the nearest reply deadlines, nearest first.' }) nearest!: Referral[];
}

@ObjectType({ description: 'A partnership of my municipality whose review date is near or past.' })
export class HomePartnershipReview {
  @Field() partnershipId!: string;
  @Field() title!: string;
  @Field() partnerName!: string;
  @Field({ description: 'YYYY-MM-DD' }) reviewOn!: string;
  @Field({ description: 'The review date is before today (Japan date).' }) overdue!: boolean;
}

@ObjectType({ description: 'An open follow-up of one of my municipality’s partnerships.' })
export class HomeFollowUp {
  @Field() partnershipId!: string;
  @Field() partnershipTitle!: string;
  @Field(() => PartnershipFollowUp) followUp!: PartnershipFollowUp;
}

@ObjectType({ description: "My municipality's partnerships: reviews coming up and follow-ups due (liaisons)." })
export class HomePartnerships {
  @Field(() => Int, { description: 'Reviews due within reviewWindowDays, or past.' }) reviewsDue!: number;
  @Field(() => Int) reviewWindowDays!: number;
  @Field(() => [HomePartnershipReview], { description: 'The nearest reviews first.' }) reviews!: HomePartnershipReview[];
  @Field(() => Int, { description: 'Open follow-ups due within followUpWindowDays, or past.' }) followUpsDue!: number;
  @Field(() => Int, { description: 'Of those, past their due date.' }) followUpsOverdue!: number;
  @Field(() => Int) followUpWindowDays!: number;
  @Field(() => [HomeFollowUp], { description: 'The nearest first.' }) followUps!: HomeFollowUp[];
}

@ObjectType({ description: 'Grants I bookmarked whose application window closes soon.' })
export class HomeGrants {
  @Field(() => Int, { description: 'Bookmarked, published and closing within windowDays.' }) closingSoon!: number;
  @Field(() => Int) windowDays!: number;
  @Field(() => [Grant], { description: 'The nearest closing first.' }) grants!: Grant[];
}

@ObjectType({ description: 'Courses I am enrolled in or assigned to and have not completed.' })
export class HomeCourses {
  @Field(() => Int) active!: number;
  @Field(() => Int, { description: 'Of those, past their due date.' }) overdue!: number;
  @Field(() => [Enrolment], { description: 'The nearest due first, then the newest.' }) enrolments!: Enrolment[];
}

@ObjectType({ description: "The network's waiting work, for network admins: no referral or person is named." })
export class HomeNetwork {
  @Field(() => Int, { description: 'Referrals in the network sent and not yet answered.' }) waitingReferrals!: number;
  @Field(() => Int, { description: 'Of those, past their reply deadline.' }) overdueReferrals!: number;
  @Field(() => Int, { description: 'Of those, escalated (reported to the receiver and sender).' }) escalatedReferrals!: number;
}

@ObjectType({ description: 'What needs doing, for the signed-in member. A section is null when it does not concern my roles.' })
export class Home {
  @Field(() => HomeReferrals, { nullable: true, description: 'Case workers (organisation admins, coordinators, staff).' })
  referrals!: HomeReferrals | null;
  @Field(() => HomePartnerships, { nullable: true, description: 'Members who manage partnerships (municipal liaisons).' })
  partnerships!: HomePartnerships | null;
  @Field(() => HomeGrants) grants!: HomeGrants;
  @Field(() => HomeCourses) courses!: HomeCourses;
  @Field(() => HomeNetwork, { nullable: true, description: 'Network admins.' }) network!: HomeNetwork | null;
}
