import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Membership } from '../members/membership.model';

@ObjectType({ description: 'The signed-in user.' })
export class Me {
  @Field(() => ID) id!: string;
  @Field() email!: string;
  @Field() displayName!: string;
  @Field({ description: 'ja or en.' }) preferredLanguage!: string;
  @Field(() => Membership, { description: 'The membership this session acts as.' }) activeMembership!: Membership;
  @Field(() => [Membership], { description: 'Every active membership, in every network.' }) memberships!: Membership[];
}

@ObjectType()
export class AuthPayload {
  @Field({ description: 'Send as `Authorization: Bearer …`. The refresh token is set as an httpOnly cookie.' }) accessToken!: string;
  @Field(() => GraphQLISODateTime) accessTokenExpiresAt!: Date;
  @Field(() => Me) me!: Me;
}

@ObjectType({ description: 'One signed-in device or browser.' })
export class SessionInfo {
  @Field(() => ID) id!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) lastUsedAt!: Date;
  @Field(() => GraphQLISODateTime) expiresAt!: Date;
  @Field(() => String, { nullable: true }) userAgent!: string | null;
  @Field({ description: 'The session making this request.' }) current!: boolean;
}
