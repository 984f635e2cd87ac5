import { Args, Context, Field, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { PersonalDataCategory, ReferralAction, renderFreeText } from '@tsunagu/domain';
import type { RequestActor } from '../../core/auth/actor';
import { CurrentActor } from '../../core/auth/auth.decorators';
import { IdArg } from '../../core/graphql/id-args';
import { listComplexity, PageArgs, toConnection } from '../../core/graphql/pagination';
import { HttpRequest, languageOf } from '../../core/graphql/request-language';
import { ForwardReferralInput, ReferralDeadlinesInput, ReferralFilter, ReferralInput } from './dto/referral.input';
import {
  Referral,
  ReferralActionEnum,
  ReferralBox,
  ReferralBoxEnum,
  ReferralConnection,
  ReferralCounts,
  ReferralDeadlines,
  OnwardReferral,
  ReferralDetail,
  ReferralEvent,
  ReferralForwardPreview,
  ReferralMessage,
  ReferralSort,
  ReferralSortEnum,
} from './referral.model';
import { PersonalDataCategoryEnum } from '../people/people.model';
import { ReferralsService } from './referrals.service';

@ObjectType()
class ForwardedReferral {
  @Field(() => Referral, { description: 'The referral forwarded (now FORWARDED).' }) forwarded!: Referral;
  @Field(() => Referral, { description: 'The new referral to the third organisation (SENT).' }) created!: Referral;
}

const ERASED_NOTE = 'After erasure of the person: a marker with the date, in my language.';

@Resolver(() => Referral)
export class ReferralsResolver {
  constructor(private readonly referrals: ReferralsService) {}

  @Query(() => ReferralConnection, {
    name: 'referrals',
    description: 'INBOX: referrals to my organisation. OUTBOX: from it (drafts included). Newest first, or by reply deadline (sort: DEADLINE).',
    complexity: listComplexity(10),
  })
  async referralList(
    @CurrentActor() actor: RequestActor,
    @Args() page: PageArgs,
    @Args('box', { type: () => ReferralBoxEnum }) box: ReferralBox,
    @Args('filter', { type: () => ReferralFilter, nullable: true }) filter?: ReferralFilter,
    @Args('sort', { type: () => ReferralSortEnum, defaultValue: 'NEWEST' }) sort: ReferralSort = 'NEWEST',
  ) {
    return toConnection(await this.referrals.list(actor, box, filter ?? {}, sort, page.first, page.after));
  }

  @Query(() => ReferralCounts, { description: 'Counts by status for my inbox or outbox, plus overdue and unread.' })
  referralCounts(@CurrentActor() actor: RequestActor, @Args('box', { type: () => ReferralBoxEnum }) box: ReferralBox): Promise<ReferralCounts> {
    return this.referrals.counts(actor, box);
  }

  @Query(() => ReferralDetail)
  referral(@CurrentActor() actor: RequestActor, @IdArg('id') id: string): Promise<ReferralDetail> {
    return this.referrals.detail(actor, id);
  }

  @Query(() => [Referral], { description: "A person's referral history (the organisation that registered them)." })
  personReferrals(@CurrentActor() actor: RequestActor, @IdArg('personId') personId: string): Promise<Referral[]> {
    return this.referrals.personReferrals(actor, personId);
  }

  @Query(() => ReferralDeadlines, { description: "My network's reply deadlines per urgency." })
  referralDeadlines(@CurrentActor() actor: RequestActor): Promise<ReferralDeadlines> {
    return this.referrals.deadlines(actor);
  }

  @Mutation(() => ReferralDeadlines, { description: 'Change the reply deadlines (network admins).' })
  setReferralDeadlines(@CurrentActor() actor: RequestActor, @Args('input') input: ReferralDeadlinesInput): Promise<ReferralDeadlines> {
    return this.referrals.setDeadlines(actor, input);
  }

  @Mutation(() => Referral, { description: 'Create a referral; sent at once unless send is false (a draft).' })
  createReferral(
    @CurrentActor() actor: RequestActor,
    @Args('input') input: ReferralInput,
    @Args('send', { defaultValue: true }) send: boolean,
  ): Promise<Referral> {
    return this.referrals.create(actor, input, send);
  }

  @Mutation(() => Referral, { description: 'Replace the fields of a draft.' })
  updateReferralDraft(
    @CurrentActor() actor: RequestActor,
    @IdArg('id') id: string,
    @Args('input') input: ReferralInput,
  ): Promise<Referral> {
    return this.referrals.updateDraft(actor, id, input);
  }

  @Mutation(() => Referral, {
    description: 'Take an action on a referral (see availableActions). DECLINE and CLOSE_UNRESOLVED need a reason, COMPLETE an outcome, in text.',
  })
  transitionReferral(
    @CurrentActor() actor: RequestActor,
    @IdArg('id') id: string,
    @Args('action', { type: () => ReferralActionEnum }) action: ReferralAction,
    @Args('text', { type: () => String, nullable: true }) text?: string,
  ): Promise<Referral> {
    return this.referrals.transition(actor, id, action, text);
  }

  @Mutation(() => ForwardedReferral, { description: 'Forward to a third organisation: consent is checked again and a new provision recorded.' })
  forwardReferral(
    @CurrentActor() actor: RequestActor,
    @IdArg('id') id: string,
    @Args('input') input: ForwardReferralInput,
  ): Promise<ForwardedReferral> {
    return this.referrals.forward(actor, id, input);
  }

  @Query(() => ReferralForwardPreview, {
    description:
      'What forwarding this referral to the service would carry to its organisation: each category (travels or withheld, and why) and the original free text (whether it may travel if chosen). Nothing is provided.',
  })
  referralForwardPreview(
    @CurrentActor() actor: RequestActor,
    @IdArg('id') id: string,
    @IdArg('serviceId') serviceId: string,
  ): Promise<ReferralForwardPreview> {
    return this.referrals.forwardPreview(actor, id, serviceId);
  }

  @Mutation(() => Referral, { description: 'As the receiver, ask the sender to share more categories (a timeline event; the sender is told and decides).' })
  requestReferralCategories(
    @CurrentActor() actor: RequestActor,
    @IdArg('id') id: string,
    @Args('categories', { type: () => [PersonalDataCategoryEnum] }) categories: PersonalDataCategory[],
    @Args('reason') reason: string,
  ): Promise<Referral> {
    return this.referrals.requestCategories(actor, id, categories, reason);
  }

  @Mutation(() => Referral, {
    description: "As the sender that registered the person, share more categories on a live referral: each needs an active consent for the receiver and REFERRAL; a provision record is written.",
  })
  shareReferralCategories(
    @CurrentActor() actor: RequestActor,
    @IdArg('id') id: string,
    @Args('categories', { type: () => [PersonalDataCategoryEnum] }) categories: PersonalDataCategory[],
  ): Promise<Referral> {
    return this.referrals.shareCategories(actor, id, categories);
  }

  @ResolveField('reason', () => String, { nullable: true, description: `Null only when withheld from me (textWithheldReason says why). ${ERASED_NOTE}` })
  reason(@Parent() referral: Referral, @Context('req') request: HttpRequest): string | null {
    return renderFreeText(referral.reason, languageOf(request));
  }

  @ResolveField('notes', () => String, { nullable: true, description: ERASED_NOTE })
  notes(@Parent() referral: Referral, @Context('req') request: HttpRequest): string | null {
    return renderFreeText(referral.notes, languageOf(request));
  }

  @ResolveField('outcome', () => String, { nullable: true, description: ERASED_NOTE })
  outcome(@Parent() referral: Referral, @Context('req') request: HttpRequest): string | null {
    return renderFreeText(referral.outcome, languageOf(request));
  }

  @Mutation(() => ReferralMessage)
  postReferralMessage(
    @CurrentActor() actor: RequestActor,
    @IdArg('id') id: string,
    @Args('body') body: string,
  ): Promise<ReferralMessage> {
    return this.referrals.postMessage(actor, id, body);
  }

  @Mutation(() => Referral, { description: "Mark the referral's messages read for me." })
  markReferralRead(@CurrentActor() actor: RequestActor, @IdArg('id') id: string): Promise<Referral> {
    return this.referrals.markRead(actor, id);
  }
}

/** Timeline notes are the person's consultation data too: erased ones render as the marker. */
@Resolver(() => ReferralEvent)
export class ReferralEventsResolver {
  @ResolveField('note', () => String, {
    nullable: true,
    description: `Reason, outcome or note given. Null when none, or withheld from me (textWithheldReason says why). ${ERASED_NOTE}`,
  })
  note(@Parent() event: ReferralEvent, @Context('req') request: HttpRequest): string | null {
    return renderFreeText(event.note, languageOf(request));
  }
}

/** Messages are the person's consultation data too: erased ones render as the marker. */
@Resolver(() => ReferralMessage)
export class ReferralMessagesResolver {
  @ResolveField('body', () => String, { nullable: true, description: `Null only when withheld from me (textWithheldReason says why). ${ERASED_NOTE}` })
  body(@Parent() message: ReferralMessage, @Context('req') request: HttpRequest): string | null {
    return renderFreeText(message.body, languageOf(request));
  }
}

/** The onward outcome is free text about the person too: erased ones render as the marker. */
@Resolver(() => OnwardReferral)
export class OnwardReferralsResolver {
  @ResolveField('outcome', () => String, { nullable: true, description: ERASED_NOTE })
  outcome(@Parent() onward: OnwardReferral, @Context('req') request: HttpRequest): string | null {
    return renderFreeText(onward.outcome, languageOf(request));
  }
}

/** The original notes a forward would carry are free text about the person too: erased ones render as the marker. */
@Resolver(() => ReferralForwardPreview)
export class ReferralForwardPreviewsResolver {
  @ResolveField('freeText', () => String, {
    nullable: true,
    description: `The original referral's notes: what travels if chosen and allowed. Null when there are none, or withheld from me. ${ERASED_NOTE}`,
  })
  freeText(@Parent() preview: ReferralForwardPreview, @Context('req') request: HttpRequest): string | null {
    return renderFreeText(preview.freeText, languageOf(request));
  }
}
