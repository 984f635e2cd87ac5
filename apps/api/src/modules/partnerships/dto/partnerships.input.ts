import { Field, Float, ID, InputType } from '@nestjs/graphql';
import type { ContactSide, InteractionKind, PartnershipStatus, PartnershipType } from '@tsunagu/domain';
import { ContactSideEnum, InteractionKindEnum, PartnershipStatusEnum, PartnershipTypeEnum } from '../partnership.model';

@InputType({ description: 'A contact person; the list given replaces the stored one (at most 20).' })
export class PartnershipContactInput {
  @Field(() => ContactSideEnum) side!: ContactSide;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) jobTitle?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
}

@InputType({ description: 'Every field of a partnership; an update replaces them (contacts only when given).' })
export class PartnershipInput {
  @Field(() => ID, { description: 'Another organisation of my network.' }) partnerOrganizationId!: string;
  @Field(() => PartnershipTypeEnum) type!: PartnershipType;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) startsOn?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, not before startsOn' }) endsOn?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) reviewOn?: string | null;
  @Field(() => Float, { nullable: true, description: 'Whole yen, 0 or more.' }) budgetYen?: number | null;
  @Field(() => [PartnershipContactInput], { nullable: true, description: 'Replaces the list when given.' })
  contacts?: PartnershipContactInput[] | null;
}

@InputType()
export class PartnershipSearchInput {
  @Field(() => String, { nullable: true, description: 'Words in the title, description or partner name (every word must match).' })
  keyword?: string | null;
  @Field(() => PartnershipStatusEnum, { nullable: true }) status?: PartnershipStatus | null;
  @Field(() => PartnershipTypeEnum, { nullable: true }) type?: PartnershipType | null;
  @Field(() => ID, { nullable: true }) partnerOrganizationId?: string | null;
}

@InputType({ description: 'A follow-up; with the id of an existing one of the interaction it is kept (and its done mark).' })
export class FollowUpInput {
  @Field(() => ID, { nullable: true, description: 'An existing follow-up of this interaction (updateInteraction only).' }) id?: string | null;
  @Field() description!: string;
  @Field({ description: 'YYYY-MM-DD' }) dueOn!: string;
  @Field(() => ID, { nullable: true, description: 'A member of the managing municipality (see partnershipAssignees).' })
  assigneeMembershipId?: string | null;
}

@InputType({ description: 'An interaction; on update the follow-ups given replace the interaction\'s (when given).' })
export class InteractionInput {
  @Field(() => InteractionKindEnum) kind!: InteractionKind;
  @Field({ description: 'YYYY-MM-DD' }) occurredOn!: string;
  @Field(() => String, { nullable: true }) attendees?: string | null;
  @Field(() => String, { nullable: true }) notes?: string | null;
  @Field(() => [FollowUpInput], { nullable: true }) followUps?: FollowUpInput[] | null;
}
