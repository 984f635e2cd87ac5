import { Field, ID, InputType } from '@nestjs/graphql';
import type { OrganizationKind } from '@tsunagu/domain';
import { OrganizationKindEnum } from '../organization.model';

@InputType()
export class CreateOrganizationInput {
  @Field(() => OrganizationKindEnum)
  kind!: OrganizationKind;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true })
  nameKana?: string | null;

  @Field(() => String, { nullable: true })
  corporateNumber?: string | null;

  @Field(() => String, { nullable: true })
  municipalityCode?: string | null;
}

@InputType({ description: 'Only the fields given are changed; null clears an optional field.' })
export class UpdateOrganizationInput {
  @Field(() => ID)
  id!: string;

  @Field(() => OrganizationKindEnum, { nullable: true })
  kind?: OrganizationKind | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  nameKana?: string | null;

  @Field(() => String, { nullable: true })
  corporateNumber?: string | null;

  @Field(() => String, { nullable: true })
  municipalityCode?: string | null;
}
