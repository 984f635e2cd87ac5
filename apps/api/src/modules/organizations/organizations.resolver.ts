import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { RequestActor } from '../../core/auth/actor';
import { CurrentActor } from '../../core/auth/auth.decorators';
import { Can } from '../../core/authz/can.guard';
import { IdArg } from '../../core/graphql/id-args';
import { listComplexity, PageArgs, toConnection } from '../../core/graphql/pagination';
import type { OrganizationKind } from '@tsunagu/domain';
import { ChangeOrganizationKindInput, CreateOrganizationInput, UpdateOrganizationInput } from './dto/organization.input';
import { OrganizationKindChangePreview } from './organization-kind-change.model';
import { OrganizationKindService } from './organization-kind.service';
import { Organization, OrganizationConnection, OrganizationKindEnum } from './organization.model';
import { OrganizationsService } from './organizations.service';

@Resolver(() => Organization)
export class OrganizationsResolver {
  constructor(
    private readonly organizationsService: OrganizationsService,
    private readonly organizationKindService: OrganizationKindService,
  ) {}

  @Query(() => OrganizationConnection, {
    description: 'Organisations of my network, by name.',
    complexity: listComplexity(1),
  })
  async organizations(
    @CurrentActor() actor: RequestActor,
    @Args() page: PageArgs,
  ): Promise<OrganizationConnection> {
    return toConnection(await this.organizationsService.list(actor, page.first, page.after));
  }

  @Query(() => Organization)
  organization(@CurrentActor() actor: RequestActor, @IdArg('id') id: string): Promise<Organization> {
    return this.organizationsService.get(actor, id);
  }

  @Can('create', 'Organization')
  @Mutation(() => Organization, { description: 'Admit an organisation to my network (network admins).' })
  createOrganization(
    @CurrentActor() actor: RequestActor,
    @Args('input') input: CreateOrganizationInput,
  ): Promise<Organization> {
    return this.organizationsService.create(actor, input);
  }

  @Query(() => OrganizationKindChangePreview, {
    description: 'What changing an organisation’s kind would do to whose data it can read, and what blocks it (network admins).',
  })
  organizationKindChangePreview(
    @CurrentActor() actor: RequestActor,
    @IdArg('id') id: string,
    @Args('kind', { type: () => OrganizationKindEnum }) kind: OrganizationKind,
  ): Promise<OrganizationKindChangePreview> {
    return this.organizationKindService.preview(actor, id, kind);
  }

  @Mutation(() => Organization, {
    description: 'Change an organisation’s kind (network admins), confirming the preview’s people counts; audited.',
  })
  changeOrganizationKind(
    @CurrentActor() actor: RequestActor,
    @Args('input') input: ChangeOrganizationKindInput,
  ): Promise<Organization> {
    return this.organizationKindService.change(actor, input);
  }

  @Mutation(() => Organization, { description: 'Edit an organisation’s name and profile (its admins, or network admins); not its kind.' })
  updateOrganization(
    @CurrentActor() actor: RequestActor,
    @Args('input') input: UpdateOrganizationInput,
  ): Promise<Organization> {
    return this.organizationsService.update(actor, input);
  }
}
