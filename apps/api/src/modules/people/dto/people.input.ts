import { Field, GraphQLISODateTime, ID, InputType } from '@nestjs/graphql';
import type { ConsentMethod, ConsentPurpose, Gender, OrganizationKind, PersonalDataCategory } from '@tsunagu/domain';
import { OrganizationKindEnum } from '../../organizations/organization.model';
import {
  ConsentMethodEnum,
  ConsentPurposeEnum,
  DisabilityValues,
  GenderEnum,
  HealthValues,
  HouseholdValues,
  PersonalDataCategoryEnum,
  ProvisionSide,
  ProvisionSideEnum,
} from '../people.model';

@InputType()
export class IdentityInput {
  @Field() familyName!: string;
  @Field() givenName!: string;
  @Field({ description: 'Katakana or hiragana.' }) familyNameKana!: string;
  @Field() givenNameKana!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) birthDate?: string | null;
  @Field(() => GenderEnum, { nullable: true }) gender?: Gender | null;
}

@InputType()
export class ContactInput {
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) postalCode?: string | null;
  @Field(() => String, { nullable: true }) address?: string | null;
  @Field(() => String, { nullable: true }) municipalityCode?: string | null;
  @Field(() => String, { nullable: true }) preferredChannel?: string | null;
  @Field(() => String, { nullable: true }) notes?: string | null;
}

@InputType()
export class FinancialInput {
  @Field(() => String, { nullable: true }) incomeSources?: string | null;
  @Field(() => Boolean, { nullable: true }) receivesPublicAssistance?: boolean | null;
  @Field(() => Boolean, { nullable: true }) hasDebt?: boolean | null;
  @Field(() => String, { nullable: true }) notes?: string | null;
}

@InputType()
export class LegalInput {
  @Field(() => String, { nullable: true }) criminalRecord?: string | null;
  @Field(() => String, { nullable: true }) victimisation?: string | null;
  @Field(() => Boolean, { nullable: true }) protectionOrder?: boolean | null;
  @Field(() => String, { nullable: true }) notes?: string | null;
}

@InputType()
export class ConsultationInput {
  @Field(() => [String], { defaultValue: [], description: 'ServiceCategory codes.' }) needs!: string[];
  @Field(() => String, { nullable: true }) summary?: string | null;
  @Field(() => String, { nullable: true }) notes?: string | null;
}

@InputType({
  description:
    'A person\'s values by category. On correction, an omitted category stays as it is and null clears it. ' +
    'Special-care categories (health, disability, legal) only from admins and coordinators.',
})
export class PersonInput {
  @Field(() => IdentityInput, { nullable: true, description: 'Required when registering.' }) identity?: IdentityInput | null;
  @Field(() => ContactInput, { nullable: true }) contact?: ContactInput | null;
  @Field(() => HouseholdValues, { nullable: true }) household?: HouseholdValues | null;
  @Field(() => HealthValues, { nullable: true }) health?: HealthValues | null;
  @Field(() => DisabilityValues, { nullable: true }) disability?: DisabilityValues | null;
  @Field(() => FinancialInput, { nullable: true }) financial?: FinancialInput | null;
  @Field(() => LegalInput, { nullable: true }) legal?: LegalInput | null;
  @Field(() => ConsultationInput, { nullable: true }) consultation?: ConsultationInput | null;
}

@InputType()
export class EvidenceFileInput {
  @Field() fileName!: string;
  @Field() mediaType!: string;
  @Field({ description: 'The file, base64-encoded (at most 4 MB).' }) contentBase64!: string;
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
  @Field(() => EvidenceFileInput, { nullable: true }) evidenceFile?: EvidenceFileInput | null;
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
