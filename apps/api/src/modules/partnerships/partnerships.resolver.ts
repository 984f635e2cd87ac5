import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestActor } from '../../core/auth/actor';
import { CurrentActor } from '../../core/auth/auth.decorators';
import { IdArg } from '../../core/graphql/id-args';
import { listComplexity, PageArgs, toConnection } from '../../core/graphql/pagination';
import type { PartnershipStatus } from '@tsunagu/domain';
import { InteractionInput, PartnershipInput, PartnershipSearchInput } from './dto/partnerships.input';
import { Partnership, PartnershipConnection, PartnershipInteractionConnection, PartnershipMember, PartnershipStatusEnum } from './partnership.model';
import { PartnershipLoaders } from './partnership-loaders';
import { PartnershipsService } from './partnerships.service';

@Resolver(() => Partnership)
export class PartnershipsResolver {
  constructor(
    private readonly service: PartnershipsService,
    private readonly loaders: PartnershipLoaders,
  ) {}

  @Query(() => PartnershipConnection, {
    description: "Newest first: a liaison's municipality's partnerships, and those my organisation is the partner of (read-only).",
    complexity: listComplexity(10),
  })
  async partnerships(
    @CurrentActor() actor: RequestActor,
    @Args() page: PageArgs,
    @Args('input', { type: () => PartnershipSearchInput, nullable: true }) input?: PartnershipSearchInput,
  ) {
    return toConnection(await this.service.list(actor, input ?? {}, page.first, page.after));
  }

  @Query(() => Partnership)
  partnership(@CurrentActor() actor: RequestActor, @IdArg('id') id: string): Promise<Partnership> {
    return this.service.get(actor, id);
  }

  @Query(() => [PartnershipMember], { description: 'Members of my municipality a follow-up can be assigned to (liaisons of a municipality).' })
  partnershipAssignees(@CurrentActor() actor: RequestActor): Promise<PartnershipMember[]> {
    return this.service.assignees(actor);
  }

  @ResolveField(() => PartnershipInteractionConnection, { description: 'Newest first (by date); batched for a page of partnerships.', complexity: listComplexity(10) })
  async interactions(
    @CurrentActor() actor: RequestActor,
    @Args() page: PageArgs,
    @Parent() partnership: Partnership,
  ) {
    return toConnection(await this.loaders.interactions(actor, partnership.id, page.first ?? null, page.after ?? null));
  }

  @Mutation(() => Partnership, { description: 'A new partnership of my municipality (liaisons of a municipality), PROPOSED.' })
  createPartnership(@CurrentActor() actor: RequestActor, @Args('input') input: PartnershipInput): Promise<Partnership> {
    return this.service.create(actor, input);
  }

  @Mutation(() => Partnership, { description: 'Replace its fields (and its contacts, when given).' })
  updatePartnership(@CurrentActor() actor: RequestActor, @IdArg('id') id: string, @Args('input') input: PartnershipInput): Promise<Partnership> {
    return this.service.update(actor, id, input);
  }

  @Mutation(() => Partnership, { description: 'Move to one of availableStatuses (CONFLICT INVALID_STATUS_CHANGE otherwise).' })
  setPartnershipStatus(
    @CurrentActor() actor: RequestActor,
    @IdArg('id') id: string,
    @Args('status', { type: () => PartnershipStatusEnum }) status: PartnershipStatus,
  ): Promise<Partnership> {
    return this.service.setStatus(actor, id, status);
  }

  @Mutation(() => Partnership, { description: 'Attach a file my municipality uploaded with purpose PARTNERSHIP_DOCUMENT.' })
  attachPartnershipDocument(
    @CurrentActor() actor: RequestActor,
    @IdArg('id') id: string,
    @IdArg('fileId') fileId: string,
  ): Promise<Partnership> {
    return this.service.attachDocument(actor, id, fileId);
  }

  @Mutation(() => Partnership)
  removePartnershipDocument(
    @CurrentActor() actor: RequestActor,
    @IdArg('id') id: string,
    @IdArg('documentId') documentId: string,
  ): Promise<Partnership> {
    return this.service.removeDocument(actor, id, documentId);
  }

  @Mutation(() => Partnership, { description: 'Record a meeting, call or visit, with its follow-ups.' })
  recordInteraction(
    @CurrentActor() actor: RequestActor,
    @IdArg('partnershipId') partnershipId: string,
    @Args('input') input: InteractionInput,
  ): Promise<Partnership> {
    return this.service.recordInteraction(actor, partnershipId, input);
  }

  @Mutation(() => Partnership)
  updateInteraction(@CurrentActor() actor: RequestActor, @IdArg('id') id: string, @Args('input') input: InteractionInput): Promise<Partnership> {
    return this.service.updateInteraction(actor, id, input);
  }

  @Mutation(() => Partnership, { description: 'Mark a follow-up done (or open again).' })
  completeFollowUp(
    @CurrentActor() actor: RequestActor,
    @IdArg('id') id: string,
    @Args('done', { type: () => Boolean }) done: boolean,
  ): Promise<Partnership> {
    return this.service.completeFollowUp(actor, id, done);
  }
}
