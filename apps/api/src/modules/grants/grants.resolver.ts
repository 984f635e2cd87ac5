import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { RequestActor } from '../../core/auth/actor';
import { CurrentActor } from '../../core/auth/auth.decorators';
import { IdArg } from '../../core/graphql/id-args';
import { listComplexity, PageArgs, toConnection } from '../../core/graphql/pagination';
import { GrantApplicationInput, GrantInput, GrantSearchInput } from './dto/grants.input';
import { Grant, GrantApplication, GrantApplicationConnection, GrantApplicationTotals, GrantConnection } from './grant.model';
import { GrantActivityService } from './grant-activity.service';
import { GrantsService } from './grants.service';
import { GrantSavedSearch, GrantSavedSearchConnection } from './saved-search.model';

@Resolver(() => Grant)
export class GrantsResolver {
  constructor(
    private readonly grants: GrantsService,
    private readonly activity: GrantActivityService,
  ) {}

  @Query(() => Grant, { description: "A grant listing: my network's published ones (my organisation's in any status) and every network's public ones." })
  grant(@CurrentActor() actor: RequestActor, @IdArg('id') id: string): Promise<Grant> {
    return this.grants.get(actor, id);
  }

  @Query(() => GrantConnection, {
    description: "Find grants in my network and public ones of every network: Japanese or English keywords, filters, and a sort.",
    complexity: listComplexity(10),
  })
  async searchGrants(
    @CurrentActor() actor: RequestActor,
    @Args() page: PageArgs,
    @Args('input', { type: () => GrantSearchInput, nullable: true }) input?: GrantSearchInput,
  ) {
    return toConnection(await this.grants.search(actor, input ?? {}, page.first, page.after));
  }

  @Query(() => GrantConnection, { description: "My organisation's listings in every status, newest first.", complexity: listComplexity(10) })
  async myGrants(
    @CurrentActor() actor: RequestActor,
    @Args() page: PageArgs,
  ) {
    return toConnection(await this.grants.mine(actor, page.first, page.after));
  }

  @Mutation(() => Grant, { description: 'A new draft listing of my organisation (grant editors of intermediary bodies and municipalities).' })
  createGrant(@CurrentActor() actor: RequestActor, @Args('input') input: GrantInput): Promise<Grant> {
    return this.grants.create(actor, input);
  }

  @Mutation(() => Grant, { description: 'Replace every field of a draft or published listing.' })
  updateGrant(@CurrentActor() actor: RequestActor, @IdArg('id') id: string, @Args('input') input: GrantInput): Promise<Grant> {
    return this.grants.update(actor, id, input);
  }

  @Mutation(() => Grant, { description: 'DRAFT → PUBLISHED.' })
  publishGrant(@CurrentActor() actor: RequestActor, @IdArg('id') id: string): Promise<Grant> {
    return this.grants.transition(actor, id, 'PUBLISH');
  }

  @Mutation(() => Grant, { description: 'PUBLISHED → CLOSED (also automatic when the window ends).' })
  closeGrant(@CurrentActor() actor: RequestActor, @IdArg('id') id: string): Promise<Grant> {
    return this.grants.transition(actor, id, 'CLOSE');
  }

  @Mutation(() => Grant, { description: 'CLOSED → PUBLISHED, while the window has not ended.' })
  reopenGrant(@CurrentActor() actor: RequestActor, @IdArg('id') id: string): Promise<Grant> {
    return this.grants.transition(actor, id, 'REOPEN');
  }

  @Mutation(() => Grant, { description: 'DRAFT, PUBLISHED or CLOSED → ARCHIVED (hidden from everyone but my organisation).' })
  archiveGrant(@CurrentActor() actor: RequestActor, @IdArg('id') id: string): Promise<Grant> {
    return this.grants.transition(actor, id, 'ARCHIVE');
  }

  @Mutation(() => Grant, { description: 'Attach a file my organisation uploaded.' })
  attachGrantFile(
    @CurrentActor() actor: RequestActor,
    @IdArg('grantId') grantId: string,
    @IdArg('fileId') fileId: string,
  ): Promise<Grant> {
    return this.grants.attachFile(actor, grantId, fileId);
  }

  @Mutation(() => Grant)
  detachGrantFile(
    @CurrentActor() actor: RequestActor,
    @IdArg('grantId') grantId: string,
    @IdArg('fileId') fileId: string,
  ): Promise<Grant> {
    return this.grants.detachFile(actor, grantId, fileId);
  }

  @Mutation(() => Grant)
  bookmarkGrant(@CurrentActor() actor: RequestActor, @IdArg('grantId') grantId: string): Promise<Grant> {
    return this.activity.bookmark(actor, grantId);
  }

  @Mutation(() => Grant)
  unbookmarkGrant(@CurrentActor() actor: RequestActor, @IdArg('grantId') grantId: string): Promise<Grant> {
    return this.activity.unbookmark(actor, grantId);
  }

  @Query(() => GrantConnection, { description: 'Listings I bookmarked (that I may still see), latest first.', complexity: listComplexity(10) })
  async myBookmarks(
    @CurrentActor() actor: RequestActor,
    @Args() page: PageArgs,
  ) {
    return toConnection(await this.activity.bookmarks(actor, page.first, page.after));
  }

  @Mutation(() => GrantApplication, { description: "Record (or replace) my organisation's application to a grant; private to my organisation." })
  recordGrantApplication(@CurrentActor() actor: RequestActor, @Args('input') input: GrantApplicationInput): Promise<GrantApplication> {
    return this.activity.recordApplication(actor, input);
  }

  @Query(() => GrantApplicationConnection, { description: "My organisation's applications, latest change first.", complexity: listComplexity(10) })
  async myApplications(
    @CurrentActor() actor: RequestActor,
    @Args() page: PageArgs,
  ) {
    return toConnection(await this.activity.applications(actor, page.first, page.after));
  }

  @Query(() => GrantApplicationTotals, { description: "Applications to my network's grants: counts per status and the sum awarded (network admins)." })
  grantApplicationTotals(@CurrentActor() actor: RequestActor): Promise<GrantApplicationTotals> {
    return this.activity.totals(actor);
  }

  @Mutation(() => GrantSavedSearch, { description: 'Save a search; its new matches are mailed in a daily digest.' })
  saveGrantSearch(
    @CurrentActor() actor: RequestActor,
    @Args('name') name: string,
    @Args('criteria', { type: () => GrantSearchInput }) criteria: GrantSearchInput,
  ): Promise<GrantSavedSearch> {
    return this.activity.saveSearch(actor, name, criteria);
  }

  @Query(() => GrantSavedSearchConnection, { complexity: listComplexity(10) })
  async mySavedSearches(
    @CurrentActor() actor: RequestActor,
    @Args() page: PageArgs,
  ) {
    return toConnection(await this.activity.savedSearches(actor, page.first, page.after));
  }

  @Mutation(() => Boolean)
  async deleteSavedSearch(@CurrentActor() actor: RequestActor, @IdArg('id') id: string): Promise<boolean> {
    await this.activity.deleteSavedSearch(actor, id);
    return true;
  }
}
