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
  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  postalCode?: string | null;

  @Field(() => String, { nullable: true })
  address?: string | null;

  @Field(() => String, { nullable: true })
  website?: string | null;

  @Field(() => String, { nullable: true })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'https URL of a logo image.' })
  logoUrl?: string | null;

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
