import { Field, ID, InputType, Int } from '@nestjs/graphql';
import type { CapacityState, ChannelKind, FeeKind, ServiceCategory, TargetGroup, Weekday } from '@tsunagu/domain';
import {
  CapacityStateEnum,
  ChannelKindEnum,
  FeeKindEnum,
  ServiceCategoryEnum,
  TargetGroupEnum,
  WeekdayEnum,
} from '../service.model';

@InputType()
export class OpeningPeriodInput {
  @Field(() => WeekdayEnum)
  day!: Weekday;

  @Field()
  opens!: string;

  @Field()
  closes!: string;
}

@InputType()
export class ServiceChannelInput {
  @Field(() => ChannelKindEnum)
  kind!: ChannelKind;

  @Field()
  value!: string;

  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field({ defaultValue: true })
  public!: boolean;
}

@InputType({ description: 'Every field of a service; an update replaces them all.' })
export class ServiceInput {
  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  nameKana?: string | null;

  @Field({ defaultValue: '' })
  description!: string;

  @Field(() => [ServiceCategoryEnum])
  categories!: ServiceCategory[];

  @Field(() => [TargetGroupEnum], { defaultValue: [] })
  targetGroups!: TargetGroup[];

  @Field(() => String, { nullable: true })
  eligibility?: string | null;

  @Field(() => Int, { nullable: true })
  ageMin?: number | null;

  @Field(() => Int, { nullable: true })
  ageMax?: number | null;

  @Field({ defaultValue: false })
  nationwide!: boolean;

  @Field(() => [String], { defaultValue: [] })
  areaCodes!: string[];

  @Field(() => [String], { defaultValue: ['ja'] })
  languages!: string[];

  @Field({ defaultValue: false })
  open24h!: boolean;

  @Field(() => [OpeningPeriodInput], { defaultValue: [] })
  openingHours!: OpeningPeriodInput[];

  @Field(() => [ServiceChannelInput], { defaultValue: [] })
  channels!: ServiceChannelInput[];

  @Field(() => FeeKindEnum, { defaultValue: 'FREE' })
  fee!: FeeKind;

  @Field(() => String, { nullable: true })
  feeNote?: string | null;

  @Field(() => CapacityStateEnum, { defaultValue: 'ACCEPTING' })
  capacity!: CapacityState;

  @Field(() => String, { nullable: true })
  waitlistNote?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  waitlistExpectedOn?: string | null;

  @Field({ defaultValue: true })
  acceptsReferrals!: boolean;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  lastReviewedOn?: string | null;
}

@InputType({ description: 'Directory search: every given filter must hold.' })
export class DirectorySearchInput {
  @Field(() => String, { nullable: true, description: 'Words in Japanese or English; each must match.' })
  keywords?: string | null;

  @Field(() => [ServiceCategoryEnum], { nullable: true, description: 'Any of these categories.' })
  categories?: ServiceCategory[] | null;

  @Field(() => [TargetGroupEnum], { nullable: true })
  targetGroups?: TargetGroup[] | null;

  @Field(() => String, { nullable: true, description: 'Serves this municipality (or nationwide).' })
  areaCode?: string | null;

  @Field(() => [ChannelKindEnum], { nullable: true })
  channels?: ChannelKind[] | null;

  @Field(() => [String], { nullable: true })
  languages?: string[] | null;

  @Field({ nullable: true, description: 'Open at this moment (Japan time), or 24 hours.' })
  openNow?: boolean;

  @Field({ nullable: true })
  open24h?: boolean;

  @Field({ nullable: true })
  acceptingReferrals?: boolean;

  @Field(() => ID, { nullable: true })
  organizationId?: string | null;
}
