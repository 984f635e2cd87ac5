import { Field, Int, ObjectType } from '@nestjs/graphql';
import { graphqlEnum } from '../../core/graphql/enum-of';
import { HSDS_AUDIENCES } from './hsds.mapping';

export const HsdsAudienceEnum = graphqlEnum(HSDS_AUDIENCES, {
  name: 'HsdsAudience',
  description: 'Who an HSDS export is for: PUBLIC (no partner-only contact channels) or PARTNERS (network admins; not to be published).',
});

@ObjectType({ description: 'A problem found in an imported HSDS document.' })
export class HsdsImportError {
  @Field({ description: 'Where: a JSONPath into the document, e.g. $.services[2].schedules[0].' }) path!: string;
  @Field({ description: "In the caller's language (Accept-Language)." }) message!: string;
}

@ObjectType({ description: 'Outcome of an HSDS import: either every record was written, or none (errors).' })
export class HsdsImportResult {
  @Field() ok!: boolean;
  @Field(() => Int, { description: 'Organisations and services created.' }) created!: number;
  @Field(() => Int, { description: 'Organisations and services updated.' }) updated!: number;
  @Field(() => [HsdsImportError]) errors!: HsdsImportError[];
}
