// @ts-check
// What the raw-SQL baseline shares between scenarios: the API's transactions, the actor check
// behind every access token, and the rows it turns into answers.

/** @typedef {import('pg').Pool} Pool */
/** @typedef {import('pg').PoolClient} PoolClient */

/**
 * Facts about the API and the signed-in admin that the baseline echoes back.
 * @typedef {object} BaselineContext
 * @property {string} version
 * @property {string} environment
 * @property {string} userId
 * @property {string} sessionId
 * @property {string} membershipId
 * @property {string} tenantId
 * @property {string} organizationId
 * @property {import('../../libs/domain/src/index').Role[]} roles
 */

/**
 * A transaction as the API's runAsUser (no tenant) or runInTenant (with one) opens it.
 * @template T
 * @param {Pool} pool
 * @param {{ userId: string, tenantId?: string }} actor
 * @param {(client: PoolClient) => Promise<T>} work
 * @returns {Promise<T>}
 */
export async function transaction(pool, actor, work) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    if (actor.tenantId) {
      await client.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true)`, [actor.tenantId, actor.userId]);
    } else {
      await client.query(`SELECT set_config('app.user_id', $1, true)`, [actor.userId]);
    }
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * The API checks the session, user and membership behind every access token (ActorLoader).
 * @param {Pool} pool @param {BaselineContext} context @param {import('./api-code.mjs').ApiCode} code
 */
export async function loadActorRaw(pool, context, code) {
  await transaction(pool, { userId: context.userId }, (client) =>
    client.query(code.auth.ACTOR_SQL, [context.sessionId, context.userId, context.membershipId]),
  );
}

/**
 * A connection as the API's toPage makes it (core/graphql/pagination) from the `size` + 1 rows
 * a page statement returns: the first `size` as nodes, the end cursor from the last of them.
 * @template Row, Node
 * @param {Row[]} rows @param {number} size
 * @param {(row: Row) => { key: unknown, id: string }} cursor
 * @param {(row: Row) => Node} toNode
 */
export function connectionOf(rows, size, cursor, toNode) {
  const page = rows.slice(0, size);
  const last = cursor(page[page.length - 1]);
  return {
    nodes: page.map(toNode),
    pageInfo: { endCursor: Buffer.from(JSON.stringify([last.key, last.id]), 'utf8').toString('base64url'), hasNextPage: rows.length > size },
  };
}

/** @param {any} row a membership row (membership.mapper's MEMBERSHIP_COLUMNS) */
export function rawMembership(row) {
  return {
    id: row.id,
    roles: row.roles,
    disabled: row.disabled_at !== null,
    createdAt: row.created_at.toISOString(),
    user: { id: row.user_id, displayName: row.user_display_name, email: row.user_email },
    organization: { id: row.organization_id, name: row.organization_name },
    network: { id: row.network_id, name: row.network_name },
  };
}

/** @param {any} identity */
export function pickIdentity(identity) {
  const { familyName, givenName, familyNameKana, givenNameKana, birthDate } = identity;
  return { familyName, givenName, familyNameKana, givenNameKana, birthDate: birthDate ?? null };
}

/** @param {any} contact */
export function pickContact(contact) {
  return { phone: contact.phone ?? null, email: contact.email ?? null };
}
