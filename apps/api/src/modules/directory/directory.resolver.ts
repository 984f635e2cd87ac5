import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { RequestActor } from '../../core/auth/actor';
import { CurrentActor, Public } from '../../core/auth/auth.decorators';
import { IdArg } from '../../core/graphql/id-args';
import { listComplexity, PageArgs, toConnection } from '../../core/graphql/pagination';
import { DirectoryService } from './directory.service';
import { DirectorySearchInput, ServiceInput } from './dto/directory.input';
import { DirectorySearchResult, PortalDirectory, Service } from './service.model';

@Resolver(() => Service)
export class DirectoryResolver {
  constructor(private readonly directory: DirectoryService) {}

  @Query(() => DirectorySearchResult, {
    description: "Search my network's directory: keywords (Japanese or English) and filters, with facet counts.",
    complexity: listComplexity(10),
  })
  async searchDirectory(
    @CurrentActor() actor: RequestActor,
    @Args() page: PageArgs,
    @Args('input', { type: () => DirectorySearchInput, nullable: true }) input?: DirectorySearchInput,
  ): Promise<DirectorySearchResult> {
    const { page: found, facets } = await this.directory.search(actor, input ?? {}, page.first, page.after);
    return { services: toConnection(found), facets };
  }

  @Query(() => Service)
  service(@CurrentActor() actor: RequestActor, @IdArg('id') id: string): Promise<Service> {
    return this.directory.get(actor, id);
  }

  @Mutation(() => Service, { description: "Add a service to an organisation's directory entry (its admins and coordinators)." })
  createService(
    @CurrentActor() actor: RequestActor,
    @Args('input') input: ServiceInput,
    @IdArg('organizationId', { nullable: true, description: 'Default: my organisation.' })
    organizationId?: string,
  ): Promise<Service> {
    return this.directory.create(actor, organizationId, input);
  }

  @Mutation(() => Service, { description: 'Replace every field of a service.' })
  updateService(
    @CurrentActor() actor: RequestActor,
    @IdArg('id') id: string,
    @Args('input') input: ServiceInput,
  ): Promise<Service> {
    return this.directory.update(actor, id, input);
  }

  @Mutation(() => Boolean)
  async deleteService(@CurrentActor() actor: RequestActor, @IdArg('id') id: string): Promise<boolean> {
    await this.directory.delete(actor, id);
    return true;
  }

  @Query(() => Boolean, { description: "Whether my network's directory is published on the public portal." })
  portalEnabled(@CurrentActor() actor: RequestActor): Promise<boolean> {
    return this.directory.portalEnabled(actor);
  }

  @Mutation(() => Boolean, { description: "Publish (or withdraw) my network's directory at /p/<slug> (network admins)." })
  setPortalEnabled(@CurrentActor() actor: RequestActor, @Args('enabled') enabled: boolean): Promise<boolean> {
    return this.directory.setPortalEnabled(actor, enabled);
  }

  @Public()
  @Query(() => PortalDirectory, { description: 'The published one-stop page of a network (no sign-in; public fields only).' })
  portalDirectory(@Args('networkSlug') networkSlug: string): Promise<PortalDirectory> {
    return this.directory.portal(networkSlug);
  }
}
