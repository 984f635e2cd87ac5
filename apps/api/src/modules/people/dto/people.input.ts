import { Field, GraphQLISODateTime, ID, InputType } from '@nestjs/graphql';
import type { ConsentMethod, ConsentPurpose, OrganizationKind, PersonalDataCategory } from '@tsunagu/domain';
import { OrganizationKindEnum } from '../../organizations/organization.model';
import {
  ConsentMethodEnum,
  ConsentPurposeEnum,
  ConsultationValues,
  ContactValues,
  DisabilityValues,
  EvidenceFile,
  FinancialValues,
  HealthValues,
  HouseholdValues,
  IdentityValues,
  LegalValues,
  PersonalDataCategoryEnum,
  ProvisionSide,
  ProvisionSideEnum,
} from '../people.model';

@InputType({
  description:
    'A person\'s values by category. On update or correction, an omitted category stays as it is and null clears it. ' +
    'Special-care categories (health, disability, legal) only from admins and coordinators.',
})
export class PersonInput {
  @Field(() => IdentityValues, { nullable: true, description: 'Required when registering.' }) identity?: IdentityValues | null;
  @Field(() => ContactValues, { nullable: true }) contact?: ContactValues | null;
  @Field(() => HouseholdValues, { nullable: true }) household?: HouseholdValues | null;
  @Field(() => HealthValues, { nullable: true }) health?: HealthValues | null;
  @Field(() => DisabilityValues, { nullable: true }) disability?: DisabilityValues | null;
  @Field(() => FinancialValues, { nullable: true }) financial?: FinancialValues | null;
  @Field(() => LegalValues, { nullable: true }) legal?: LegalValues | null;
  @Field(() => ConsultationValues, { nullable: true }) consultation?: ConsultationValues | null;
}

@InputType({ description: 'A consent as the person gave it. Special-care categories go in a consent of their own.' })
export class ConsentInput {
  @Field(() => ID) personId!: string;
  @Field(() => [PersonalDataCategoryEnum]) categories!: PersonalDataCategory[];
  @Field(() => [ConsentPurposeEnum]) purposes!: ConsentPurpose[];
  @Field(() => [ID], { defaultValue: [], description: 'Named organisations of my network.' }) recipientOrganizationIds!: string[];
  @Field(() => [OrganizationKindEnum], { defaultValue: [], description: 'Every organisation of these kinds in my network.' })
  recipientKinds!: OrganizationKind[];
  @Field(() => GraphQLISODateTime) validFrom!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) validUntil?: Date | null;
  @Field(() => ConsentMethodEnum) method!: ConsentMethod;
  @Field(() => ID, { nullable: true, description: 'The staff membership that obtained it. Default: me.' })
  obtainedByMembershipId?: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Default: now.' }) obtainedAt?: Date | null;
  @Field(() => String, { nullable: true }) evidenceNote?: string | null;
  @Field(() => EvidenceFile, { nullable: true }) evidenceFile?: EvidenceFile | null;
  @Field({
    defaultValue: false,
    description: 'For special-care categories: the staff member confirms the person was told, separately, what these are and who gets them.',
  })
  specialCareExplained!: boolean;
  @Field(() => ID, { nullable: true, description: 'A consent this one replaces; it is revoked in the same step.' })
  supersedesId?: string | null;
}

@InputType()
export class ProvisionRecordFilter {
  @Field(() => ProvisionSideEnum, { defaultValue: 'PROVIDED' }) side!: ProvisionSide;
  @Field(() => ID, { nullable: true }) personId?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD (Japan), inclusive.' }) from?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD (Japan), inclusive.' }) to?: string | null;
}
