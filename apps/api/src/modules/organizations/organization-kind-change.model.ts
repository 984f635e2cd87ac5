// What changing an organisation's kind would do, shown to the network admin before they confirm
// it (issue 14, finding 1): consents given "to municipalities" (say) reach an organisation
// because of its kind, so a kind change silently opens or closes people's data to it.
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { OrganizationKind, PersonalDataCategory, Role } from '@tsunagu/domain';
import { RoleEnum } from '../members/membership.model';
import { PersonalDataCategoryEnum } from '../people/people.model';
import { OrganizationKindEnum } from './organization.model';

@ObjectType({ description: 'People of other organisations whose data in one category this organisation could read before and after.' })
export class KindChangeCategoryEffect {
  @Field(() => PersonalDataCategoryEnum) category!: PersonalDataCategory;

  @Field(() => Int, { description: 'People whose data in this category would stop being readable by this organisation.' })
  peopleNoLongerReadable!: number;

  @Field(() => Int, { description: 'People whose data in this category would start being readable by this organisation.' })
  peopleNewlyReadable!: number;
}

@ObjectType({ description: 'A member (or pending invitation) holding roles the new kind does not allow.' })
export class KindChangeBlocker {
  @Field(() => ID, { description: 'The membership or invitation.' }) id!: string;
  @Field({ description: 'MEMBERSHIP or INVITATION.' }) type!: 'MEMBERSHIP' | 'INVITATION';
  @Field({ description: 'The member’s display name, or the invited address.' }) name!: string;
  @Field(() => [RoleEnum]) refusedRoles!: Role[];
}

@ObjectType({
  description:
    'The effect of changing an organisation’s kind, counted over the active consents of people of other organisations ' +
    '(any purpose). Confirm it with changeOrganizationKind, echoing the two people counts.',
})
export class OrganizationKindChangePreview {
  @Field(() => ID) organizationId!: string;
  @Field(() => OrganizationKindEnum) fromKind!: OrganizationKind;
  @Field(() => OrganizationKindEnum) toKind!: OrganizationKind;
  @Field(() => Int, { description: 'Active consents that name the current kind as a recipient.' }) activeConsentsNamingFromKind!: number;
  @Field(() => Int, { description: 'Active consents that name the new kind as a recipient.' }) activeConsentsNamingToKind!: number;
  @Field(() => Int, { description: 'People with at least one category that would stop being readable.' }) peopleNoLongerReadable!: number;
  @Field(() => Int, { description: 'People with at least one category that would start being readable.' }) peopleNewlyReadable!: number;

  @Field(() => [KindChangeCategoryEffect], { description: 'Per category; categories with no change are left out.' })
  categories!: KindChangeCategoryEffect[];

  @Field(() => [KindChangeBlocker], { description: 'While any is listed the change is refused: change their roles first.' })
  blockers!: KindChangeBlocker[];
}
