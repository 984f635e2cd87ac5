// GraphQL types of grant listings (助成金・補助金情報): the listing as a member sees it, its
// files, the caller's own bookmark and application, and the counts only its publisher sees.
import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  APPLICATION_STATUSES,
  ApplicationStatus,
  FUNDER_KINDS,
  FunderKind,
  GRANT_STATUSES,
  GRANT_TYPES,
  GRANT_VISIBILITIES,
  GrantStatus,
  GrantType,
  GrantVisibility,
  LEGAL_FORMS,
  LegalForm,
  OrganizationKind,
  ServiceCategory,
} from '@tsunagu/domain';
import { graphqlEnum } from '../../core/graphql/enum-of';
import { Connection } from '../../core/graphql/pagination';
import { StoredFileFields } from '../../core/graphql/stored-file.model';
import { ServiceCategoryEnum } from '../directory/service.model';
import { OrganizationKindEnum } from '../organizations/organization.model';

export const FunderKindEnum = graphqlEnum(FUNDER_KINDS.codes, { name: 'FunderKind' });
export const GrantTypeEnum = graphqlEnum(GRANT_TYPES.codes, { name: 'GrantType' });
export const LegalFormEnum = graphqlEnum(LEGAL_FORMS.codes, { name: 'LegalForm' });
export const GrantStatusEnum = graphqlEnum(GRANT_STATUSES.codes, { name: 'GrantStatus' });
export const GrantVisibilityEnum = graphqlEnum(GRANT_VISIBILITIES.codes, { name: 'GrantVisibility', description: 'NETWORK: my network only; PUBLIC: every network.' });
export const GrantApplicationStatusEnum = graphqlEnum(APPLICATION_STATUSES.codes, { name: 'GrantApplicationStatus' });
export const GRANT_SORTS = ['DEADLINE', 'NEWEST', 'AMOUNT'] as const;
export type GrantSort = (typeof GRANT_SORTS)[number];
export const GrantSortEnum = graphqlEnum(GRANT_SORTS, {
  name: 'GrantSort',
  description: 'DEADLINE: open listings closing soonest first, then open ones without a deadline, then closed ones (closed or past their closing time); NEWEST: latest published first; AMOUNT: largest maximum first (no upper limit first).',
});

@ObjectType({ description: 'The organisation that published a grant listing.' })
export class GrantPublisher {
  @Field(() => ID) id!: string;
  @Field() name!: string;
}

@ObjectType({ description: 'A file attached to a grant listing (download through the files endpoint).' })
export class GrantAttachment extends StoredFileFields {
  @Field(() => ID) fileId!: string;
}

@ObjectType({ description: 'How many applications to a grant are in one status.' })
export class GrantApplicationStatusCount {
  @Field(() => GrantApplicationStatusEnum) status!: ApplicationStatus;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: "My organisation's own application to a grant (private to my organisation)." })
export class GrantApplication {
  @Field(() => ID) id!: string;
  @Field(() => ID) grantId!: string;
  @Field(() => GrantApplicationStatusEnum) status!: ApplicationStatus;
  @Field(() => Float, { nullable: true, description: 'Yen.' }) amountRequested!: number | null;
  @Field(() => Float, { nullable: true, description: 'Yen; only when AWARDED.' }) amountAwarded!: number | null;
  @Field(() => String, { nullable: true }) notes!: string | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
  @Field(() => Grant, { nullable: true, description: 'The grant, while I may still see it (filled in lists).' }) grant!: Grant | null;
}

@ObjectType({ description: 'A grant or subsidy listing (助成金・補助金情報). Amounts are yen (whole numbers).' })
export class Grant {
  @Field(() => ID) id!: string;
  @Field({ description: 'Published in my network (false: a public listing of another network).' }) inMyNetwork!: boolean;
  @Field({ description: 'Published by my organisation.' }) mine!: boolean;
  @Field(() => GrantPublisher) publisher!: GrantPublisher;
  @Field() title!: string;
  @Field() funderName!: string;
  @Field(() => FunderKindEnum) funderKind!: FunderKind;
  @Field() summary!: string;
  @Field({ description: 'Sanitised HTML: p, br, strong, em, ul, ol, li, a (http, https, mailto), h3, h4.' }) detailsHtml!: string;
  @Field(() => GrantTypeEnum) grantType!: GrantType;
  @Field(() => Float, { nullable: true }) amountMin!: number | null;
  @Field(() => Float, { nullable: true }) amountMax!: number | null;
  @Field({ description: 'No upper limit (amountMax is then null).' }) amountUnlimited!: boolean;
  @Field(() => Float, { nullable: true }) subsidyRatePercent!: number | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) windowOpensAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) windowClosesAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) projectStartsOn!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) projectEndsOn!: string | null;
  @Field(() => [OrganizationKindEnum], { description: 'Empty: any kind.' }) eligibleKinds!: OrganizationKind[];
  @Field(() => [LegalFormEnum], { description: 'Empty: any legal form.' }) legalForms!: LegalForm[];
  @Field() nationwide!: boolean;
  @Field(() => [String], { description: '5-digit local government codes; a prefecture is NN000.' }) regionCodes!: string[];
  @Field(() => [ServiceCategoryEnum]) themes!: ServiceCategory[];
  @Field(() => String, { nullable: true }) applicationUrl!: string | null;
  @Field(() => String, { nullable: true }) contact!: string | null;
  @Field(() => GrantStatusEnum) status!: GrantStatus;
  @Field(() => GrantVisibilityEnum) visibility!: GrantVisibility;
  @Field(() => GraphQLISODateTime, { nullable: true }) publishedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) closedAt!: Date | null;
  @Field({ description: 'MANUAL or JGRANTS (imported).' }) source!: string;
  @Field(() => String, { nullable: true, description: "The listing's id in the source it was imported from." }) sourceId!: string | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
  @Field(() => [GrantAttachment]) attachments!: GrantAttachment[];
  @Field({ description: 'Bookmarked by me.' }) myBookmark!: boolean;
  @Field(() => GrantApplication, { nullable: true, description: "My organisation's application, if it recorded one." })
  myApplication!: GrantApplication | null;
  @Field(() => [GrantApplicationStatusCount], {
    nullable: true,
    description: 'Applications per status, for the publishing organisation only (null for everyone else).',
  })
  applicationCounts!: GrantApplicationStatusCount[] | null;
}

@ObjectType()
export class GrantConnection extends Connection(Grant, 'Grant') {}

@ObjectType()
export class GrantApplicationConnection extends Connection(GrantApplication, 'GrantApplication') {}

@ObjectType({ description: "Applications to my network's grants, from every organisation that recorded one (totals only)." })
export class GrantApplicationTotals {
  @Field(() => [GrantApplicationStatusCount]) byStatus!: GrantApplicationStatusCount[];
  @Field(() => Float, { description: 'Sum of awarded amounts (yen).' }) awardedAmount!: number;
  @Field(() => Int, { description: 'Grants with at least one application.' }) grantsWithApplications!: number;
}
