import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import type { RequestActor } from '../../core/auth/actor';
import { CurrentActor } from '../../core/auth/auth.decorators';
import { toConnection } from '../../core/graphql/pagination';
import { AuditEntry, AuditEntryConnection } from './audit-entry.model';
import { AuditService } from './audit.service';

@Resolver(() => AuditEntry)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditEntryConnection, {
    description: 'Recorded changes, newest first (admins).',
    complexity: ({ args, childComplexity }) => 1 + (args.first ?? 50) * childComplexity,
  })
  async auditLog(
    @CurrentActor() actor: RequestActor,
    @Args('organizationId', { type: () => ID, nullable: true }) organizationId?: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ): Promise<AuditEntryConnection> {
    return toConnection(await this.audit.list(actor, { organizationId, first, after }));
  }
}
