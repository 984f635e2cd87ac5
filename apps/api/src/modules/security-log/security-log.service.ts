// Reading the security log: a user's own events (/account), and a network admin's view of their
// network's members. Row-level security decides which rows exist for each reader (migration
// 1764540000000): the user's own rows through app.user_id; for the network, only events in that
// network or of the account itself (network_id NULL), of users who are its members. The network
// view therefore runs in the tenant alone, without the admin's user id, so the admin's own
// events in another network do not slip in through the "own rows" policy.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestActor } from '../../core/auth/actor';
import { describeDevice } from '../../core/auth/device';
import type { SecurityEventKind } from '../../core/auth/security-log';
import { assertCan, notFound } from '../../core/authz/authorize';
import { Conditions } from '../../core/database/conditions';
import { usableId } from '../../core/graphql/ids';
import { addKeysetCondition, decodeCursor, Page, pageSize, toPage } from '../../core/graphql/pagination';
import { runAsNetworkSecurityLogReader, runAsUser } from '../../core/tenancy/tenant-transaction';
import type { NetworkSecurityEvent, SecurityEvent } from './security-event.model';

interface EventRow {
  id: string;
  kind: SecurityEventKind;
  method: string | null;
  ip: string | null;
  user_agent: string | null;
  occurred_at: Date;
  cursor_key: string;
  network_name: string | null;
}

interface NetworkEventRow extends EventRow {
  user_id: string;
  display_name: string;
  email: string;
}

export interface PageOptions {
  readonly first?: number | null;
  readonly after?: string | null;
}

function toEvent(row: EventRow): SecurityEvent {
  return {
    id: row.id,
    kind: row.kind,
    method: row.method,
    ipAddress: row.ip,
    device: describeDevice(row.user_agent),
    occurredAt: row.occurred_at,
    networkName: row.network_name,
  };
}

/** Newest first, by (occurred_at, id): the indexes security_events_user_idx and _network_idx. */
async function eventPage<R extends EventRow>(
  manager: EntityManager,
  where: Conditions,
  options: PageOptions,
  extraColumns = '',
  extraJoins = '',
): Promise<Page<R>> {
  const size = pageSize(options.first);
  addKeysetCondition(where, decodeCursor(options.after), 'e.occurred_at', 'e.id', 'timestamptz');
  const rows: R[] = await manager.query(
    `SELECT e.id, e.kind, e.method, host(e.ip) AS ip, e.user_agent, e.occurred_at, e.occurred_at::text AS cursor_key,
            n.name AS network_name${extraColumns}
       FROM security_events e LEFT JOIN networks n ON n.id = e.network_id ${extraJoins}
      WHERE ${where.sql}
      ORDER BY e.occurred_at DESC, e.id DESC LIMIT ${where.param(size + 1)}`,
    where.params,
  );
  // The cursor keeps the database's microseconds (a JS Date would round them to milliseconds).
  return toPage(rows, size, (row) => ({ key: row.cursor_key, id: row.id }));
}

@Injectable()
export class SecurityLogService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** My own events, in every network and of the account itself. */
  mine(actor: RequestActor, options: PageOptions): Promise<Page<SecurityEvent>> {
    return runAsUser(this.dataSource, actor.userId, async (manager) => {
      const where = new Conditions();
      where.add(`e.user_id = ${where.param(actor.userId)}`);
      const page = await eventPage(manager, where, options);
      return { ...page, nodes: page.nodes.map(toEvent) };
    });
  }

  /** The network's members' events (network admins), optionally of one member. */
  ofNetwork(actor: RequestActor, options: PageOptions & { readonly userId?: string | null }): Promise<Page<NetworkSecurityEvent>> {
    assertCan(actor, 'read', 'SecurityLog');
    return runAsNetworkSecurityLogReader(this.dataSource, actor.tenantId, async (manager) => {
      const where = new Conditions();
      const tenant = where.param(actor.tenantId);
      where.add(`(e.network_id = ${tenant} OR e.network_id IS NULL)`);
      if (options.userId) {
        const member = usableId(options.userId)
          ? await manager.query(`SELECT 1 FROM memberships WHERE tenant_id = $1 AND user_id = $2 LIMIT 1`, [actor.tenantId, options.userId])
          : [];
        if (!member.length) throw notFound({ ja: 'メンバー', en: 'member' });
        where.add(`e.user_id = ${where.param(options.userId)}`);
      }
      const page = await eventPage<NetworkEventRow>(
        manager,
        where,
        options,
        ', e.user_id, u.display_name, u.email',
        'JOIN users u ON u.id = e.user_id',
      );
      return {
        ...page,
        nodes: page.nodes.map((row) => ({ ...toEvent(row), userId: row.user_id, userDisplayName: row.display_name, userEmail: row.email })),
      };
    });
  }
}
