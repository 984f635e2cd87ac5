// The one way to touch data behind row-level security: a transaction that first sets the
// per-transaction settings the policies read (see migrations/lib/tenant-owned-table.ts and
// the accounts migration). set_config(..., true) is transaction-local, so a pooled connection
// never carries one request's tenant or user into the next. Features never set them by hand.
import { isUuid } from '@tsunagu/domain';
import type { DataSource, EntityManager } from 'typeorm';


export interface TenantScope {
  /** The network of the active membership. */
  readonly tenantId: string;
  /** The authenticated user, for the rows that belong to them across networks. */
  readonly userId?: string;
}

function assertUuid(value: string, what: string): void {
  if (!isUuid(value)) throw new Error(`${what} must be a UUID taken from an authenticated membership`);
}

/** Work on one network's rows (and, with userId, the user's own rows). */
export async function runInTenant<T>(
  dataSource: DataSource,
  scope: TenantScope | string,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const { tenantId, userId } = typeof scope === 'string' ? { tenantId: scope, userId: undefined } : scope;
  assertUuid(tenantId, 'tenantId');
  if (userId !== undefined) assertUuid(userId, 'userId');
  return dataSource.transaction(async (manager) => {
    await manager.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true)`, [
      tenantId,
      userId ?? '',
    ]);
    return work(manager);
  });
}

/** Work on the authenticated user's own rows, outside any network (sessions, memberships). */
export async function runAsUser<T>(
  dataSource: DataSource,
  userId: string,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  assertUuid(userId, 'userId');
  return dataSource.transaction(async (manager) => {
    await manager.query(`SELECT set_config('app.user_id', $1, true)`, [userId]);
    return work(manager);
  });
}

/**
 * Authentication flows only (login, refresh, invitation acceptance, password reset): they must
 * find a user or a token before any tenant or user is known. Used by core/auth and the
 * account flows; nothing else may call it.
 */
export async function runInAuthContext<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return dataSource.transaction(async (manager) => {
    await manager.query(`SELECT set_config('app.auth', 'on', true)`);
    return work(manager);
  });
}

/**
 * The public portal: finds a network whose admins published its directory, by slug, and runs
 * `work` as that network's tenant. Null when there is no such published network.
 */
export async function runInPortal<T>(
  dataSource: DataSource,
  slug: string,
  work: (manager: EntityManager, network: { id: string; name: string; slug: string }) => Promise<T>,
): Promise<T | null> {
  return dataSource.transaction(async (manager) => {
    await manager.query(`SELECT set_config('app.portal', 'on', true)`);
    const [network]: Array<{ id: string; name: string; slug: string }> = await manager.query(
      `SELECT id, name, slug FROM networks WHERE slug = $1 AND portal_enabled`,
      [slug],
    );
    await manager.query(`SELECT set_config('app.portal', '', true)`);
    if (!network) return null;
    await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [network.id]);
    return work(manager, network);
  });
}
