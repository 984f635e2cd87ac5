// The audit trail: every mutation records who, what, when and which fields changed — field
// names only, never values, so personal data and secrets stay out of it. Written in the same
// transaction as the change (the row exists exactly when the change does); the application role
// cannot update or delete it.
import type { EntityManager } from 'typeorm';

/** Who acted: a request actor fits as it is; jobs act as the system of one network. */
export interface AuditActor {
  readonly tenantId: string;
  readonly userId: string | null;
  readonly membershipId: string | null;
  readonly organizationId: string | null;
}

/** What changed. `organizationId` defaults to the actor's organisation. */
export interface AuditEntry {
  readonly entity: string;
  readonly entityId: string;
  readonly action: string;
  readonly changedFields?: readonly string[];
  readonly organizationId?: string | null;
}

/** A scheduled job acting on one network: no user, no membership. */
export function systemActor(tenantId: string, organizationId: string | null = null): AuditActor {
  return { tenantId, userId: null, membershipId: null, organizationId };
}

export async function recordAudit(manager: EntityManager, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await manager.query(
    `INSERT INTO audit_log (tenant_id, actor_user_id, actor_membership_id, organization_id, entity, entity_id, action, changed_fields)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      actor.tenantId,
      actor.userId,
      actor.membershipId,
      entry.organizationId === undefined ? actor.organizationId : entry.organizationId,
      entry.entity,
      entry.entityId,
      entry.action,
      [...new Set(entry.changedFields ?? [])].sort(),
    ],
  );
}
