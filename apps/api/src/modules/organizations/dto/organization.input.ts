import { Field, ID, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
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

@InputType({
  description:
    'Only the fields given are changed; null clears an optional field. The kind is not among them: it changes only ' +
    'through changeOrganizationKind (network admins, after its preview).',
})
export class UpdateOrganizationInput extends PartialType(OmitType(CreateOrganizationInput, ['kind'] as const)) {
  @Field(() => ID)
  id!: string;

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
}

@InputType({ description: 'Change an organisation’s kind (network admins), confirming the effect shown by organizationKindChangePreview.' })
export class ChangeOrganizationKindInput {
  @Field(() => ID)
  id!: string;

  @Field(() => OrganizationKindEnum)
  kind!: OrganizationKind;

  @Field(() => Int, { description: 'peopleNoLongerReadable as shown in the preview the admin confirmed.' })
  confirmedPeopleNoLongerReadable!: number;

  @Field(() => Int, { description: 'peopleNewlyReadable as shown in the preview the admin confirmed.' })
  confirmedPeopleNewlyReadable!: number;
}
