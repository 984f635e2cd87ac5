import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '../../core/graphql/pagination';
import { GrantSearchInput } from './dto/grants.input';

@ObjectType({ description: 'A grant search I saved; new matches are mailed to me in a daily digest.' })
export class GrantSavedSearch {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => GrantSearchInput) criteria!: GrantSearchInput;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
}

@ObjectType()
export class GrantSavedSearchConnection extends Connection(GrantSavedSearch, 'GrantSavedSearch') {}
