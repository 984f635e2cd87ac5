import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../core/graphql/pagination';

@ObjectType({ description: 'One recorded change: who, what, when and which fields (names only).' })
export class AuditEntry {
  @Field(() => ID) id!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => String, { nullable: true }) actorName!: string | null;
  @Field(() => ID, { nullable: true }) actorUserId!: string | null;
  @Field(() => ID, { nullable: true }) organizationId!: string | null;
  @Field() entity!: string;
  @Field(() => ID) entityId!: string;
  @Field() action!: string;
  @Field(() => [String]) changedFields!: string[];
}

@ObjectType()
export class AuditEntryConnection extends Connection(AuditEntry, 'AuditEntry') {}
