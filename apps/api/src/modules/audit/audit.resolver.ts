import { Args, Query, Resolver } from '@nestjs/graphql';
import type { RequestActor } from '../../core/auth/actor';
import { CurrentActor } from '../../core/auth/auth.decorators';
import { IdArg } from '../../core/graphql/id-args';
import { listComplexity, PageArgs, toConnection } from '../../core/graphql/pagination';
import { AuditEntry, AuditEntryConnection } from './audit-entry.model';
import { AuditService } from './audit.service';

@Resolver(() => AuditEntry)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditEntryConnection, {
    description: 'Recorded changes, newest first (admins).',
    complexity: listComplexity(1),
  })
  async auditLog(
    @CurrentActor() actor: RequestActor,
    @Args() page: PageArgs,
    @IdArg('organizationId', { nullable: true }) organizationId?: string,
  ): Promise<AuditEntryConnection> {
    return toConnection(await this.audit.list(actor, { organizationId, ...page }));
  }
}
