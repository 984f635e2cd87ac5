import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import type {
  ApplicationStatus,
  FunderKind,
  GrantStatus,
  GrantType,
  GrantVisibility,
  LegalForm,
  OrganizationKind,
  ServiceCategory,
} from '@tsunagu/domain';
import { ServiceCategoryEnum } from '../../directory/service.model';
import { OrganizationKindEnum } from '../../organizations/organization.model';
import {
  FunderKindEnum,
  GrantApplicationStatusEnum,
  GrantSort,
  GrantSortEnum,
  GrantStatusEnum,
  GrantTypeEnum,
  GrantVisibilityEnum,
  LegalFormEnum,
} from '../grant.model';

@InputType({ description: 'Every field of a grant listing; an update replaces them all. Amounts in yen.' })
export class GrantInput {
  @Field() title!: string;
  @Field() funderName!: string;
  @Field(() => FunderKindEnum) funderKind!: FunderKind;
  @Field({ defaultValue: '' }) summary!: string;
  @Field({ defaultValue: '', description: 'Rich text (HTML); sanitised by the server.' }) detailsHtml!: string;
  @Field(() => GrantTypeEnum) grantType!: GrantType;
  @Field(() => Float, { nullable: true }) amountMin?: number | null;
  @Field(() => Float, { nullable: true }) amountMax?: number | null;
  @Field({ defaultValue: false }) amountUnlimited!: boolean;
  @Field(() => Float, { nullable: true }) subsidyRatePercent?: number | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) windowOpensAt?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) windowClosesAt?: Date | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) projectStartsOn?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) projectEndsOn?: string | null;
  @Field(() => [OrganizationKindEnum], { defaultValue: [] }) eligibleKinds!: OrganizationKind[];
  @Field(() => [LegalFormEnum], { defaultValue: [] }) legalForms!: LegalForm[];
  @Field({ defaultValue: false }) nationwide!: boolean;
  @Field(() => [String], { defaultValue: [] }) regionCodes!: string[];
  @Field(() => [ServiceCategoryEnum], { defaultValue: [] }) themes!: ServiceCategory[];
  @Field(() => String, { nullable: true }) applicationUrl?: string | null;
  @Field(() => String, { nullable: true }) contact?: string | null;
  @Field(() => GrantVisibilityEnum, { defaultValue: 'NETWORK' }) visibility!: GrantVisibility;
}

/**
 * What to look for. The same class is the stored criteria of a saved search (an object type
 * for reading them back), so a saved search is exactly a search input.
 */
@ObjectType('GrantSearchCriteria')
@InputType('GrantSearchInput')
export class GrantSearchInput {
  @Field(() => String, { nullable: true, description: 'Japanese or English words; every word must match.' })
  keywords?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'Published and within its application window now.' })
  openNow?: boolean | null;
  @Field(() => Int, { nullable: true, description: 'Window closes within this many days from now.' })
  closingWithinDays?: number | null;
  @Field(() => [ServiceCategoryEnum], { nullable: true }) themes?: ServiceCategory[] | null;
  @Field(() => String, { nullable: true, description: 'A municipality code: grants covering it, its prefecture, or nationwide.' })
  municipalityCode?: string | null;
  @Field(() => [OrganizationKindEnum], { nullable: true, description: 'Open to one of these organisation kinds (or to any).' })
  organizationKinds?: OrganizationKind[] | null;
  @Field(() => [LegalFormEnum], { nullable: true, description: 'Open to one of these legal forms (or to any).' })
  legalForms?: LegalForm[] | null;
  @Field(() => Float, { nullable: true, description: 'Amount range (yen): grants whose range overlaps it.' })
  amountFrom?: number | null;
  @Field(() => Float, { nullable: true }) amountTo?: number | null;
  @Field(() => [FunderKindEnum], { nullable: true }) funderKinds?: FunderKind[] | null;
  @Field(() => [GrantTypeEnum], { nullable: true }) grantTypes?: GrantType[] | null;
  @Field(() => [GrantStatusEnum], { nullable: true, description: 'Default: PUBLISHED and CLOSED.' })
  statuses?: GrantStatus[] | null;
  @Field(() => GrantSortEnum, { nullable: true, description: 'Default: DEADLINE.' }) sort?: GrantSort | null;
}

@InputType({ description: "My organisation's application to a grant (created or replaced)." })
export class GrantApplicationInput {
  @Field(() => ID) grantId!: string;
  @Field(() => GrantApplicationStatusEnum) status!: ApplicationStatus;
  @Field(() => Float, { nullable: true }) amountRequested?: number | null;
  @Field(() => Float, { nullable: true, description: 'Only when AWARDED.' }) amountAwarded?: number | null;
  @Field(() => String, { nullable: true }) notes?: string | null;
}
