import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { ORGANIZATION_KINDS, OrganizationKind } from '@tsunagu/domain';
import { graphqlEnum } from '../../core/graphql/enum-of';
import { Connection } from '../../core/graphql/pagination';

export const OrganizationKindEnum = graphqlEnum(ORGANIZATION_KINDS, {
  name: 'OrganizationKind',
  description: 'NPO, 中間支援団体 (INTERMEDIARY), 自治体 (MUNICIPALITY), 社会福祉協議会 (SOCIAL_WELFARE_COUNCIL), other.',
});

@ObjectType({ description: 'A network (連携ネットワーク): the tenant.' })
export class Network {
  @Field(() => ID) id!: string;
  @Field() slug!: string;
  @Field() name!: string;
}

@ObjectType({ description: 'An organisation in a network.' })
export class Organization {
  @Field(() => ID) id!: string;
  @Field(() => OrganizationKindEnum) kind!: OrganizationKind;
  @Field() name!: string;
  @Field(() => String, { nullable: true, description: 'Name in katakana (フリガナ).' }) nameKana!: string | null;
  @Field(() => String, { nullable: true, description: '法人番号: 13 digits with a valid check digit.' }) corporateNumber!: string | null;
  @Field(() => String, { nullable: true, description: '全国地方公共団体コード, 5 digits (e.g. 13102 中央区).' }) municipalityCode!: string | null;
  @Field(() => String, { nullable: true, description: 'Public profile: what the organisation does.' }) description?: string | null;
  @Field(() => String, { nullable: true }) postalCode?: string | null;
  @Field(() => String, { nullable: true }) address?: string | null;
  @Field(() => String, { nullable: true }) website?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true, description: 'https URL of a logo image.' }) logoUrl?: string | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
}

@ObjectType()
export class OrganizationConnection extends Connection(Organization, 'Organization') {}
