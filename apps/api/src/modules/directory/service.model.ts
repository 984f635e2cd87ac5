import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  CAPACITY_STATES,
  CapacityState,
  CHANNEL_KINDS,
  ChannelKind,
  FEE_KINDS,
  FeeKind,
  SERVICE_CATEGORIES,
  ServiceCategory,
  TARGET_GROUPS,
  TargetGroup,
  WEEKDAYS,
  Weekday,
} from '@tsunagu/domain';
import { graphqlEnum } from '../../core/graphql/enum-of';
import { Connection } from '../../core/graphql/pagination';

export const ServiceCategoryEnum = graphqlEnum(SERVICE_CATEGORIES.codes, { name: 'ServiceCategory' });
export const TargetGroupEnum = graphqlEnum(TARGET_GROUPS.codes, { name: 'TargetGroup' });
export const ChannelKindEnum = graphqlEnum(CHANNEL_KINDS.codes, { name: 'ChannelKind' });
export const WeekdayEnum = graphqlEnum(WEEKDAYS, { name: 'Weekday', description: 'ISO weekdays as in iCalendar BYDAY (MO … SU).' });
export const CapacityStateEnum = graphqlEnum(CAPACITY_STATES, { name: 'CapacityState' });
export const FeeKindEnum = graphqlEnum(FEE_KINDS, { name: 'FeeKind' });

@ObjectType({ description: 'An opening period on one weekday, Japan time.' })
export class OpeningPeriod {
  @Field(() => WeekdayEnum) day!: Weekday;
  @Field({ description: 'HH:MM' }) opens!: string;
  @Field({ description: 'HH:MM, after opens' }) closes!: string;
}

@ObjectType({ description: 'A way to reach a service.' })
export class ServiceChannel {
  @Field(() => ChannelKindEnum) kind!: ChannelKind;
  @Field({ description: 'Phone number, LINE id or URL, chat URL, email address, or where to go.' }) value!: string;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field({ description: 'Shown on the public portal.' }) public!: boolean;
}

@ObjectType({ description: 'The organisation offering a service, as shown with it.' })
export class ServiceProvider {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) nameKana!: string | null;
}

@ObjectType({ description: 'A service in the directory (支援機関・サービス名簿).' })
export class Service {
  @Field(() => ID) id!: string;
  @Field(() => ServiceProvider) organization!: ServiceProvider;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) nameKana!: string | null;
  @Field() description!: string;
  @Field(() => [ServiceCategoryEnum]) categories!: ServiceCategory[];
  @Field(() => [TargetGroupEnum]) targetGroups!: TargetGroup[];
  @Field(() => String, { nullable: true }) eligibility!: string | null;
  @Field(() => Int, { nullable: true }) ageMin!: number | null;
  @Field(() => Int, { nullable: true }) ageMax!: number | null;
  @Field() nationwide!: boolean;
  @Field(() => [String], { description: 'Municipality codes (JIS X 0402) served, unless nationwide.' }) areaCodes!: string[];
  @Field(() => [String], { description: 'Languages (BCP 47; ja-simple = やさしい日本語).' }) languages!: string[];
  @Field() open24h!: boolean;
  @Field(() => [OpeningPeriod]) openingHours!: OpeningPeriod[];
  @Field(() => [ServiceChannel]) channels!: ServiceChannel[];
  @Field(() => FeeKindEnum) fee!: FeeKind;
  @Field(() => String, { nullable: true }) feeNote!: string | null;
  @Field(() => CapacityStateEnum) capacity!: CapacityState;
  @Field(() => String, { nullable: true }) waitlistNote!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) waitlistExpectedOn!: string | null;
  @Field() acceptsReferrals!: boolean;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) lastReviewedOn!: string | null;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}

@ObjectType()
export class ServiceConnection extends Connection(Service, 'Service') {}

@ObjectType({ description: 'How many results carry one filter value.' })
export class FacetCount {
  @Field() value!: string;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'Counts for each filter over the current search.' })
export class DirectoryFacets {
  @Field(() => Int) total!: number;
  @Field(() => [FacetCount]) categories!: FacetCount[];
  @Field(() => [FacetCount]) targetGroups!: FacetCount[];
  @Field(() => [FacetCount]) channels!: FacetCount[];
  @Field(() => [FacetCount]) languages!: FacetCount[];
  @Field(() => Int) acceptingReferrals!: number;
  @Field(() => Int) open24h!: number;
}

@ObjectType()
export class DirectorySearchResult {
  @Field(() => ServiceConnection) services!: ServiceConnection;
  @Field(() => DirectoryFacets) facets!: DirectoryFacets;
}

@ObjectType({ description: 'What the public portal shows of a service: public fields only.' })
export class PortalService {
  @Field(() => ID) id!: string;
  @Field() organizationName!: string;
  @Field() name!: string;
  @Field() description!: string;
  @Field(() => [ServiceCategoryEnum]) categories!: ServiceCategory[];
  @Field(() => [TargetGroupEnum]) targetGroups!: TargetGroup[];
  @Field(() => [String]) languages!: string[];
  @Field() open24h!: boolean;
  @Field(() => [OpeningPeriod]) openingHours!: OpeningPeriod[];
  @Field(() => [ServiceChannel], { description: 'Public channels only.' }) channels!: ServiceChannel[];
  @Field(() => FeeKindEnum) fee!: FeeKind;
}

@ObjectType({ description: "A network's published one-stop page of consultation windows." })
export class PortalDirectory {
  @Field() networkName!: string;
  @Field(() => [PortalService]) services!: PortalService[];
}
