// The one way to touch data behind row-level security: a transaction that first sets the
// per-transaction settings the policies read (see migrations/lib/tenant-owned-table.ts and
// the accounts migration). set_config(..., true) is transaction-local, so a pooled connection
// never carries one request's tenant or user into the next. Features never set them by hand:
// each special context (authentication, invitations, certificate verification, the portal,
// jobs listing networks, the demo seed) has its named helper here, and only here
// (core/architecture.spec.ts checks it).
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

/** The settings the row-level security policies read. */
type SecuritySetting =
  | 'app.tenant_id'
  | 'app.user_id'
  | 'app.auth'
  | 'app.certificate_code'
  | 'app.portal'
  | 'app.security_log';

/** Sets the settings for the rest of the transaction (their values always travel as parameters). */
async function applySettings(manager: EntityManager, settings: Partial<Record<SecuritySetting, string>>): Promise<void> {
  const entries = Object.entries(settings);
  const calls = entries.map(([name], index) => `set_config('${name}', $${index + 1}, true)`);
  await manager.query(`SELECT ${calls.join(', ')}`, entries.map(([, value]) => value));
}

/** A transaction that runs `work` under the given settings. */
function transactionWith<T>(
  dataSource: DataSource,
  settings: Partial<Record<SecuritySetting, string>>,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return dataSource.transaction(async (manager) => {
    await applySettings(manager, settings);
    return work(manager);
  });
}

/**
 * Work on one network's rows (and, with userId, the user's own rows). Features pass the request
 * actor as it is; jobs pass the network id.
 */
export async function runInTenant<T>(
  dataSource: DataSource,
  scope: TenantScope | string,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const { tenantId, userId } = typeof scope === 'string' ? { tenantId: scope, userId: undefined } : scope;
  assertUuid(tenantId, 'tenantId');
  if (userId !== undefined) assertUuid(userId, 'userId');
  return transactionWith(dataSource, { 'app.tenant_id': tenantId, 'app.user_id': userId ?? '' }, work);
}

/** Work on the authenticated user's own rows, outside any network (sessions, memberships). */
export async function runAsUser<T>(
  dataSource: DataSource,
  userId: string,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  assertUuid(userId, 'userId');
  return transactionWith(dataSource, { 'app.user_id': userId }, work);
}

/**
 * Every network's id, for scheduled jobs that visit each network in turn (core/jobs
 * forEachNetwork, the key reseal). The networks policy lets an authentication-context
 * transaction list them, and this reads nothing else in that context.
 */
export async function listNetworkIds(dataSource: DataSource): Promise<string[]> {
  const rows: Array<{ id: string }> = await runInAuthContext(dataSource, (manager) => manager.query(`SELECT id FROM networks ORDER BY id`));
  return rows.map((row) => row.id);
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
  return transactionWith(dataSource, { 'app.auth': 'on' }, work);
}

/**
 * Invitation acceptance: inside the authentication-context transaction that found the invitation
 * (by its token), the rest of the work belongs to the invitation's network.
 */
export async function enterInvitedNetwork(manager: EntityManager, tenantId: string): Promise<void> {
  assertUuid(tenantId, 'tenantId');
  await applySettings(manager, { 'app.tenant_id': tenantId });
}

/**
 * Setting a network up from the command line (the demo seed): acts as the network and as an
 * authentication flow at once, since it creates the network's users too.
 */
export async function runAsNetworkSetup<T>(
  dataSource: DataSource,
  tenantId: string,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  assertUuid(tenantId, 'tenantId');
  return transactionWith(dataSource, { 'app.tenant_id': tenantId, 'app.auth': 'on' }, work);
}

/**
 * The network's security log, for a network admin (the caller checks the ability first): the
 * security_events_network policy shows other members' events only inside this context, so no
 * other query run as the network can read them.
 */
export async function runAsNetworkSecurityLogReader<T>(
  dataSource: DataSource,
  tenantId: string,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  assertUuid(tenantId, 'tenantId');
  return transactionWith(dataSource, { 'app.tenant_id': tenantId, 'app.security_log': 'on' }, work);
}

/**
 * Certificate verification, by anyone without signing in: the certificates policy shows the one
 * row whose code was typed, and nothing else.
 */
export async function runWithCertificateCode<T>(
  dataSource: DataSource,
  code: string,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return transactionWith(dataSource, { 'app.certificate_code': code }, work);
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
    await applySettings(manager, { 'app.portal': 'on' });
    const [network]: Array<{ id: string; name: string; slug: string }> = await manager.query(
      `SELECT id, name, slug FROM networks WHERE slug = $1 AND portal_enabled`,
      [slug],
    );
    await applySettings(manager, { 'app.portal': '' });
    if (!network) return null;
    await applySettings(manager, { 'app.tenant_id': network.id });
    return work(manager, network);
  });
}
