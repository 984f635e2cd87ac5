import { Field, Float, ObjectType } from '@nestjs/graphql';

/**
 * What every GraphQL type of a stored file shows of it (the files table): name, media type and
 * size. The types add how they name the file (id or fileId) and what they say about it.
 */
@ObjectType({ isAbstract: true })
export abstract class StoredFileFields {
  @Field() fileName!: string;
  @Field() mediaType!: string;
  @Field(() => Float) byteSize!: number;
}
