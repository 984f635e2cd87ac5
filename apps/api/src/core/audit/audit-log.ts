// The audit trail: every mutation records who, what, when and which fields changed — field
// names only, never values, so personal data and secrets stay out of it. Written in the same
// transaction as the change; the application role cannot update or delete it.
import type { EntityManager } from 'typeorm';

export interface AuditRecord {
  readonly tenantId: string;
  readonly actorUserId: string | null;
  readonly actorMembershipId: string | null;
  readonly organizationId: string | null;
  readonly entity: string;
  readonly entityId: string;
  readonly action: string;
  readonly changedFields?: readonly string[];
}

export async function recordAudit(manager: EntityManager, record: AuditRecord): Promise<void> {
  await manager.query(
    `INSERT INTO audit_log (tenant_id, actor_user_id, actor_membership_id, organization_id, entity, entity_id, action, changed_fields)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      record.tenantId,
      record.actorUserId,
      record.actorMembershipId,
      record.organizationId,
      record.entity,
      record.entityId,
      record.action,
      [...(record.changedFields ?? [])].sort(),
    ],
  );
}
