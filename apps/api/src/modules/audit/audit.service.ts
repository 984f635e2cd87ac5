import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RequestActor } from '../../core/auth/actor';
import { abilityFor, notFound } from '../../core/authz/authorize';
import { AppError } from '../../core/graphql/app-error';
import { decodeCursor, Page, pageSize, toPage } from '../../core/graphql/pagination';
import { runInTenant } from '../../core/tenancy/tenant-transaction';
import type { AuditEntry } from './audit-entry.model';
import { usableId } from '../../core/graphql/ids';

interface AuditRow {
  id: string;
  created_at: Date;
  cursor_key: string;
  actor_user_id: string | null;
  actor_name: string | null;
  organization_id: string | null;
  entity: string;
  entity_id: string;
  action: string;
  changed_fields: string[];
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Newest first. Network admins read the whole network; organisation admins their own. */
  list(
    actor: RequestActor,
    options: { organizationId?: string | null; first?: number | null; after?: string | null },
  ): Promise<Page<AuditEntry>> {
    const ability = abilityFor(actor);
    let organizationId = options.organizationId ?? null;
    if (!ability.can('read', { __typename: 'AuditEntry', organizationId })) {
      if (organizationId === null && ability.can('read', { __typename: 'AuditEntry', organizationId: actor.organizationId })) {
        organizationId = actor.organizationId;
      } else {
        throw new AppError('FORBIDDEN');
      }
    }
    const size = pageSize(options.first);
    const cursor = decodeCursor(options.after);
    return runInTenant(this.dataSource, actor, async (manager) => {
      if (organizationId !== null) {
        const known = usableId(organizationId)
          ? await manager.query(`SELECT 1 FROM organizations WHERE tenant_id = $1 AND id = $2`, [actor.tenantId, organizationId])
          : [];
        if (!known.length) throw notFound({ ja: '団体', en: 'organisation' });
      }
      const rows: AuditRow[] = await manager.query(
        `SELECT a.id, a.created_at, a.created_at::text AS cursor_key, a.actor_user_id, u.display_name AS actor_name, a.organization_id,
                a.entity, a.entity_id, a.action, a.changed_fields
           FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id
          WHERE a.tenant_id = $1 AND ($2::uuid IS NULL OR a.organization_id = $2)
            AND ($3::timestamptz IS NULL OR (a.created_at, a.id) < ($3::timestamptz, $4::uuid))
          ORDER BY a.created_at DESC, a.id DESC LIMIT $5`,
        [actor.tenantId, organizationId, cursor?.key ?? null, cursor?.id ?? null, size + 1],
      );
      // The cursor keeps the database's microseconds (a JS Date would round them to ms and
      // skip rows created within the same millisecond).
      const page = toPage(rows, size, (row) => ({ key: row.cursor_key, id: row.id }));
      const entries = page.nodes.map((row) => ({
        id: row.id,
        createdAt: row.created_at,
        actorUserId: row.actor_user_id,
        actorName: row.actor_name,
        organizationId: row.organization_id,
        entity: row.entity,
        entityId: row.entity_id,
        action: row.action,
        changedFields: row.changed_fields,
      }));
      return { ...page, nodes: entries };
    });
  }
}
