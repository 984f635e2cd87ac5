import { Field, GraphQLISODateTime, ID, InputType, Int } from '@nestjs/graphql';
import type { AgeBand, Gender, PersonalDataCategory, ReferralStatus, ReferralUrgency, ServiceCategory } from '@tsunagu/domain';
import { ServiceCategoryEnum } from '../../directory/service.model';
import { GenderEnum, PersonalDataCategoryEnum } from '../../people/people.model';
import { AgeBandEnum, ReferralStatusEnum, ReferralUrgencyEnum } from '../referral.model';

@InputType({ description: 'A case referred without personal data: nothing identifying.' })
export class AnonymousCaseInput {
  @Field(() => AgeBandEnum) ageBand!: AgeBand;
  @Field(() => GenderEnum, { nullable: true }) gender?: Gender | null;
  @Field(() => String, { nullable: true, description: 'JIS X 0402, five digits.' }) municipalityCode?: string | null;
}

@InputType()
export class ReferralInput {
  @Field(() => ID, { description: "The receiving service, from the directory; its organisation receives the referral." })
  serviceId!: string;
  @Field(() => ID, { nullable: true, description: 'A person my organisation registered. Give this or anonymousCase.' })
  personId?: string | null;
  @Field(() => AnonymousCaseInput, { nullable: true }) anonymousCase?: AnonymousCaseInput | null;
  @Field(() => [ServiceCategoryEnum], { defaultValue: [] }) needs!: ServiceCategory[];
  @Field(() => ReferralUrgencyEnum, { defaultValue: 'NORMAL' }) urgency!: ReferralUrgency;
  @Field() reason!: string;
  @Field(() => String, { nullable: true }) notes?: string | null;
  @Field(() => [PersonalDataCategoryEnum], {
    defaultValue: [],
    description: "Categories of the person's data to share; each needs an active consent for the receiver and REFERRAL.",
  })
  sharedCategories!: PersonalDataCategory[];
}

@InputType()
export class ForwardReferralInput {
  @Field(() => ID, { description: "The third organisation's service." }) serviceId!: string;
  @Field() reason!: string;
  @Field(() => ReferralUrgencyEnum, { nullable: true, description: 'Default: the urgency of the referral forwarded.' })
  urgency?: ReferralUrgency | null;
  @Field(() => [PersonalDataCategoryEnum], { defaultValue: [], description: 'Checked against consent again.' })
  sharedCategories!: PersonalDataCategory[];
  @Field(() => Boolean, {
    defaultValue: false,
    description:
      "Pass on the original referral's notes. They are consultation data (CONSULTATION): they travel only with an active consent of the person for the third organisation and REFERRAL (see referralForwardPreview), and a provision record names them.",
  })
  forwardOriginalText!: boolean;
}

@InputType()
export class ReferralFilter {
  @Field(() => [ReferralStatusEnum], { nullable: true }) statuses?: ReferralStatus[] | null;
  @Field(() => [ReferralUrgencyEnum], { nullable: true }) urgencies?: ReferralUrgency[] | null;
  @Field(() => ServiceCategoryEnum, { nullable: true, description: 'Referrals with this need.' }) need?: ServiceCategory | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) createdFrom?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) createdTo?: Date | null;
  @Field(() => Boolean, { nullable: true, description: 'Only referrals awaiting a reply past their deadline.' }) overdue?: boolean | null;
}

@InputType()
export class ReferralDeadlinesInput {
  @Field(() => Int) urgentHours!: number;
  @Field(() => Int) highHours!: number;
  @Field(() => Int) normalHours!: number;
  @Field(() => Int) expiryGraceHours!: number;
}
