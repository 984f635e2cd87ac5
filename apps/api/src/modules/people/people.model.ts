// The GraphQL face of people and consent. Each category of a person carries its own access
// state, so a client always knows whether a value is empty or withheld, and why.
import { Type } from '@nestjs/common';
import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import {
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  CONSENT_STATES,
  ConsentMethod,
  ConsentPurpose,
  ConsentState,
  DISABILITY_CERTIFICATES,
  DisabilityCertificate,
  Gender,
  GENDERS,
  LIVING_SITUATIONS,
  LivingSituation,
  OrganizationKind,
  PERSON_STATUSES,
  PERSONAL_DATA_CATEGORIES,
  PersonalDataCategory,
  PersonStatus,
  STATISTICS_AGE_BANDS,
  StatisticsAgeBand,
  WITHHELD_REASONS,
  WithheldReason,
} from '@tsunagu/domain';
import { graphqlEnum } from '../../core/graphql/enum-of';
import { Connection } from '../../core/graphql/pagination';
import { OrganizationKindEnum } from '../organizations/organization.model';

export const PersonalDataCategoryEnum = graphqlEnum(PERSONAL_DATA_CATEGORIES.codes, {
  name: 'PersonalDataCategory',
  description: 'HEALTH, DISABILITY and LEGAL are special-care data (要配慮個人情報).',
});
export const ConsentPurposeEnum = graphqlEnum(CONSENT_PURPOSES.codes, { name: 'ConsentPurpose' });
export const ConsentMethodEnum = graphqlEnum(CONSENT_METHODS.codes, { name: 'ConsentMethod' });
export const ConsentStateEnum = graphqlEnum(CONSENT_STATES.codes, { name: 'ConsentState' });
export const WithheldReasonEnum = graphqlEnum(WITHHELD_REASONS.codes, { name: 'WithheldReason' });
export const PersonStatusEnum = graphqlEnum(PERSON_STATUSES.codes, { name: 'PersonStatus' });
export const GenderEnum = graphqlEnum(GENDERS.codes, { name: 'Gender' });
export const LivingSituationEnum = graphqlEnum(LIVING_SITUATIONS.codes, { name: 'LivingSituation' });
export const DisabilityCertificateEnum = graphqlEnum(DISABILITY_CERTIFICATES.codes, { name: 'DisabilityCertificate' });
export const StatisticsAgeBandEnum = graphqlEnum(STATISTICS_AGE_BANDS.codes, {
  name: 'StatisticsAgeBand',
  description: 'Ten-year age band on the date of the read (Japan time); 90 and over is one band.',
});
export const CategoryAccessEnum = graphqlEnum(['DISCLOSED', 'WITHHELD'], {
  name: 'CategoryAccess',
  description: 'DISCLOSED: the values are given (they may still be empty). WITHHELD: see withheldReason.',
});
export type CategoryAccess = keyof typeof CategoryAccessEnum;
export const ProvisionSideEnum = graphqlEnum(['PROVIDED', 'RECEIVED'], {
  name: 'ProvisionSide',
  description: 'PROVIDED: records of my organisation giving data (Art. 29). RECEIVED: confirmation of data it received (Art. 30).',
});
export type ProvisionSide = keyof typeof ProvisionSideEnum;

// --- the values of each category ------------------------------------------------------------

// Every category is written with exactly the fields it is read with, so one class is both the
// values a section shows and the input that sets them (PersonInput).
@ObjectType()
@InputType('IdentityInput')
export class IdentityValues {
  @Field() familyName!: string;
  @Field() givenName!: string;
  @Field({ description: 'Katakana or hiragana.' }) familyNameKana!: string;
  @Field() givenNameKana!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) birthDate!: string | null;
  @Field(() => GenderEnum, { nullable: true }) gender!: Gender | null;
}

@ObjectType()
@InputType('ContactInput')
export class ContactValues {
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) postalCode!: string | null;
  @Field(() => String, { nullable: true }) address!: string | null;
  @Field(() => String, { nullable: true, description: 'JIS X 0402, five digits' }) municipalityCode!: string | null;
  @Field(() => String, { nullable: true }) preferredChannel!: string | null;
  @Field(() => String, { nullable: true }) notes!: string | null;
}

@ObjectType()
@InputType('HouseholdInput')
export class HouseholdValues {
  @Field(() => LivingSituationEnum, { nullable: true }) livingSituation!: LivingSituation | null;
  @Field(() => Int, { nullable: true }) householdSize!: number | null;
  @Field(() => String, { nullable: true }) dependents!: string | null;
  @Field(() => String, { nullable: true }) notes!: string | null;
}

@ObjectType()
@InputType('HealthInput')
export class HealthValues {
  @Field(() => String, { nullable: true }) conditions!: string | null;
  @Field(() => String, { nullable: true }) medications!: string | null;
  @Field(() => String, { nullable: true }) medicalInstitution!: string | null;
  @Field(() => String, { nullable: true }) notes!: string | null;
}

@ObjectType()
@InputType('DisabilityInput')
export class DisabilityValues {
  @Field(() => DisabilityCertificateEnum, { nullable: true }) certificate!: DisabilityCertificate | null;
  @Field(() => String, { nullable: true }) grade!: string | null;
  @Field(() => String, { nullable: true }) notes!: string | null;
}

@ObjectType()
@InputType('FinancialInput')
export class FinancialValues {
  @Field(() => String, { nullable: true }) incomeSources!: string | null;
  @Field(() => Boolean, { nullable: true, description: '生活保護' }) receivesPublicAssistance!: boolean | null;
  @Field(() => Boolean, { nullable: true }) hasDebt!: boolean | null;
  @Field(() => String, { nullable: true }) notes!: string | null;
}

@ObjectType()
@InputType('LegalInput')
export class LegalValues {
  @Field(() => String, { nullable: true }) criminalRecord!: string | null;
  @Field(() => String, { nullable: true, description: 'DV, abuse, crime victimisation' }) victimisation!: string | null;
  @Field(() => Boolean, { nullable: true, description: '保護命令' }) protectionOrder!: boolean | null;
  @Field(() => String, { nullable: true }) notes!: string | null;
}

@ObjectType()
@InputType('ConsultationInput')
export class ConsultationValues {
  @Field(() => [String], { defaultValue: [], description: 'ServiceCategory codes of the needs.' }) needs!: string[];
  @Field(() => String, { nullable: true }) summary!: string | null;
  @Field(() => String, { nullable: true }) notes!: string | null;
}

// --- one section per category: access state plus values ------------------------------------

export interface CategorySectionShape<V> {
  category: PersonalDataCategory;
  access: CategoryAccess;
  withheldReason: WithheldReason | null;
  consentId: string | null;
  values: V | null;
}

function CategorySection<V>(values: Type<V>, name: string) {
  @ObjectType(name, { description: 'One category of a person: its values, or WITHHELD with the reason.' })
  abstract class Section implements CategorySectionShape<V> {
    @Field(() => PersonalDataCategoryEnum) category!: PersonalDataCategory;
    @Field(() => CategoryAccessEnum) access!: CategoryAccess;
    @Field(() => WithheldReasonEnum, { nullable: true, description: 'Set when access is WITHHELD.' }) withheldReason!: WithheldReason | null;
    @Field(() => ID, { nullable: true, description: 'The consent that disclosed it, or the one that lapsed.' }) consentId!: string | null;
    @Field(() => values, { nullable: true, description: 'Null exactly when WITHHELD, or when nothing is recorded.' }) values!: V | null;
  }
  return Section;
}

@ObjectType() export class IdentitySection extends CategorySection(IdentityValues, 'IdentitySection') {}
@ObjectType() export class ContactSection extends CategorySection(ContactValues, 'ContactSection') {}
@ObjectType() export class HouseholdSection extends CategorySection(HouseholdValues, 'HouseholdSection') {}
@ObjectType() export class HealthSection extends CategorySection(HealthValues, 'HealthSection') {}
@ObjectType() export class DisabilitySection extends CategorySection(DisabilityValues, 'DisabilitySection') {}
@ObjectType() export class FinancialSection extends CategorySection(FinancialValues, 'FinancialSection') {}
@ObjectType() export class LegalSection extends CategorySection(LegalValues, 'LegalSection') {}
@ObjectType() export class ConsultationSection extends CategorySection(ConsultationValues, 'ConsultationSection') {}

@ObjectType({ description: 'A category without its values: the sharing state at a glance.' })
export class CategoryState {
  @Field(() => PersonalDataCategoryEnum) category!: PersonalDataCategory;
  @Field(() => CategoryAccessEnum) access!: CategoryAccess;
  @Field(() => WithheldReasonEnum, { nullable: true }) withheldReason!: WithheldReason | null;
  @Field(() => ID, { nullable: true }) consentId!: string | null;
  @Field({ description: 'Special-care data (要配慮個人情報).' }) specialCare!: boolean;
}

@ObjectType({
  description:
    'What a STATISTICS read yields instead of values (never a name, kana, birth date, contact, address, note or special-care value). ' +
    'A field is null when its source category was not disclosed for statistics or holds nothing; sourceCategories says which were.',
})
export class PersonStatistics {
  @Field(() => StatisticsAgeBandEnum, { nullable: true, description: 'From IDENTITY: the ten-year age band on the read date.' })
  ageBand!: StatisticsAgeBand | null;
  @Field(() => GenderEnum, { nullable: true, description: 'From IDENTITY.' }) gender!: Gender | null;
  @Field(() => String, { nullable: true, description: 'From CONTACT: JIS X 0402 municipality code, never the address.' })
  municipalityCode!: string | null;
  @Field(() => LivingSituationEnum, { nullable: true, description: 'From HOUSEHOLD.' }) livingSituation!: LivingSituation | null;
  @Field(() => [String], { nullable: true, description: 'From CONSULTATION: ServiceCategory codes of the needs, never the summary or notes.' })
  needs!: string[] | null;
  @Field(() => [PersonalDataCategoryEnum], { description: 'The categories disclosed for statistics that these fields were drawn from.' })
  sourceCategories!: PersonalDataCategory[];
}

@ObjectType({ description: 'A person supported (当事者), as the acting membership may see them.' })
export class Person {
  @Field(() => ID) id!: string;
  @Field({ description: 'Stable pseudonymous id; kept after erasure.' }) pseudonym!: string;
  @Field(() => PersonStatusEnum) status!: PersonStatus;
  @Field(() => ID) ownerOrganizationId!: string;
  @Field() ownerOrganizationName!: string;
  @Field({ description: 'Whether my organisation registered (owns) this person.' }) ownedByMe!: boolean;
  @Field(() => ConsentPurposeEnum, { nullable: true, description: 'The purpose this read was made for.' }) purpose!: ConsentPurpose | null;
  @Field(() => [CategoryState]) categories!: CategoryState[];
  @Field(() => IdentitySection) identity!: IdentitySection;
  @Field(() => ContactSection) contact!: ContactSection;
  @Field(() => HouseholdSection) household!: HouseholdSection;
  @Field(() => HealthSection) health!: HealthSection;
  @Field(() => DisabilitySection) disability!: DisabilitySection;
  @Field(() => FinancialSection) financial!: FinancialSection;
  @Field(() => LegalSection) legal!: LegalSection;
  @Field(() => ConsultationSection) consultation!: ConsultationSection;
  @Field(() => PersonStatistics, {
    nullable: true,
    description: 'Set exactly when the read was for STATISTICS: then every category is WITHHELD (STATISTICS_ONLY or another reason) and this is all that is given.',
  })
  statistics!: PersonStatistics | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}

@ObjectType()
export class PersonConnection extends Connection(Person, 'Person') {}

@ObjectType({ description: 'Someone my organisation already registered with the same kana name and birth date.' })
export class PossibleDuplicate {
  @Field(() => ID) id!: string;
  @Field() pseudonym!: string;
  @Field(() => PersonStatusEnum) status!: PersonStatus;
}

// --- consents ---------------------------------------------------------------------------------

@ObjectType()
export class NamedRef {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}

@ObjectType({ description: 'A consent: never edited, only revoked or superseded.' })
export class Consent {
  @Field(() => ID) id!: string;
  @Field(() => ID) personId!: string;
  @Field(() => ConsentStateEnum) state!: ConsentState;
  @Field(() => [PersonalDataCategoryEnum], {
    description: 'The categories I may know of: without special-care ones for a role that may not see them (see specialCareHidden).',
  })
  categories!: PersonalDataCategory[];
  @Field({ description: 'True when special-care categories were left out of categories for me: show one "special-care data (hidden)" marker.' })
  specialCareHidden!: boolean;
  @Field(() => [ConsentPurposeEnum]) purposes!: ConsentPurpose[];
  @Field(() => [NamedRef]) recipientOrganizations!: NamedRef[];
  @Field(() => [OrganizationKindEnum]) recipientKinds!: OrganizationKind[];
  @Field(() => GraphQLISODateTime) validFrom!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) validUntil!: Date | null;
  @Field(() => ConsentMethodEnum) method!: ConsentMethod;
  @Field(() => NamedRef, { description: 'The staff membership that obtained it (name: the user).' }) obtainedBy!: NamedRef;
  @Field(() => GraphQLISODateTime) obtainedAt!: Date;
  @Field(() => String, { nullable: true }) evidenceNote!: string | null;
  @Field(() => String, { nullable: true }) evidenceFileName!: string | null;
  @Field(() => WithheldReasonEnum, {
    nullable: true,
    description: 'Set when evidenceNote, evidenceFileName and revocationReason are withheld from me (a special-care consent): they are then null.',
  })
  textWithheldReason!: WithheldReason | null;
  @Field({ description: 'Covers special-care categories (its own, explicit consent).' }) specialCare!: boolean;
  @Field(() => ID, { nullable: true }) supersedesId!: string | null;
  @Field(() => ID, { nullable: true }) supersededById!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) revokedAt!: Date | null;
  @Field(() => NamedRef, { nullable: true }) revokedBy!: NamedRef | null;
  @Field(() => String, { nullable: true }) revocationReason!: string | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

// The evidence is uploaded (ConsentInput.evidenceFile) in the same shape it is read back in.
@ObjectType()
@InputType('EvidenceFileInput')
export class EvidenceFile {
  @Field() fileName!: string;
  @Field() mediaType!: string;
  @Field({ description: 'The file, base64-encoded (at most 4 MB).' }) contentBase64!: string;
}

// --- kept records -----------------------------------------------------------------------------

@ObjectType({ description: 'A read of the person by someone outside the owning organisation.' })
export class PersonAccess {
  @Field(() => ID) id!: string;
  @Field(() => GraphQLISODateTime) accessedAt!: Date;
  @Field(() => NamedRef) organization!: NamedRef;
  @Field(() => String, { nullable: true }) userName!: string | null;
  @Field(() => [PersonalDataCategoryEnum], { description: 'Categories disclosed (empty: everything was withheld).' })
  categories!: PersonalDataCategory[];
  @Field(() => ConsentPurposeEnum, { nullable: true }) purpose!: ConsentPurpose | null;
  @Field(() => [ID]) consentIds!: string[];
}

@ObjectType()
export class PersonAccessConnection extends Connection(PersonAccess, 'PersonAccess') {}

@ObjectType({ description: '第三者提供記録 (Art. 29) and, for the recipient, 確認記録 (Art. 30).' })
export class ProvisionRecord {
  @Field(() => ID) id!: string;
  @Field(() => GraphQLISODateTime) providedAt!: Date;
  @Field(() => ID) personId!: string;
  @Field() personPseudonym!: string;
  @Field(() => NamedRef) provider!: NamedRef;
  @Field(() => NamedRef) recipient!: NamedRef;
  @Field(() => [PersonalDataCategoryEnum]) categories!: PersonalDataCategory[];
  @Field(() => ConsentPurposeEnum) purpose!: ConsentPurpose;
  @Field(() => [ID]) consentIds!: string[];
  @Field({ description: 'How the provider obtained the data (for the recipient, Art. 30).' }) providerAcquisition!: string;
  @Field() context!: string;
}

@ObjectType()
export class ProvisionRecordConnection extends Connection(ProvisionRecord, 'ProvisionRecord') {}

@ObjectType()
export class PersonCorrection {
  @Field(() => ID) id!: string;
  @Field(() => GraphQLISODateTime) correctedAt!: Date;
  @Field(() => String, { nullable: true }) correctedByName!: string | null;
  @Field(() => [String], { description: 'category.field names; never values.' }) fields!: string[];
  @Field(() => String, { nullable: true, description: 'Cleared when the person is erased.' }) reason!: string | null;
}

@ObjectType({ description: 'A file to download: text, or binary as base64.' })
export class DownloadFile {
  @Field() fileName!: string;
  @Field() mediaType!: string;
  @Field() content!: string;
  @Field({ description: 'true: content is base64.' }) base64!: boolean;
}

@ObjectType({ description: "Everything held about a person (開示), as JSON and as a readable PDF." })
export class PersonDisclosure {
  @Field(() => DownloadFile) json!: DownloadFile;
  @Field(() => DownloadFile) pdf!: DownloadFile;
}
