// @ts-check
// Accounts: the health check (no sign-in), the signed-in user, and a page of an organisation's members.
import { BENCH_ORGANIZATION } from '../fixtures.mjs';
import { connectionOf, loadActorRaw, rawMembership, transaction } from '../raw-sql.mjs';

/** @param {ReturnType<typeof rawMembership>} membership */
function pickMembership(membership) {
  return { id: membership.id, roles: membership.roles, organization: membership.organization, network: membership.network };
}

/** @type {import('./scenario.mjs').Scenario[]} */
export const accountScenarios = [
  {
    name: 'health',
    description: 'query Health: one SELECT 1 on the application pool, no sign-in',
    graphql: {
      operationName: 'Health',
      query: 'query Health { health { status database version environment checkedAt } }',
    },
    check: (body) => body?.data?.health?.status === 'UP' && body.data.health.database === 'UP',
    raw: async (pool, context) => {
      await pool.query('SELECT 1');
      return {
        data: {
          health: {
            status: 'UP',
            database: 'UP',
            version: context.version,
            environment: context.environment,
            checkedAt: new Date().toISOString(),
          },
        },
      };
    },
  },
  {
    name: 'me',
    description: 'query Me: signed in; the actor check plus the user and their memberships',
    needsSignIn: true,
    graphql: {
      operationName: 'Me',
      query: `query Me { me { id email displayName
        activeMembership { id roles organization { id name } network { id name } }
        memberships { id roles organization { id name } network { id name } } } }`,
    },
    check: (body) => body?.data?.me?.memberships?.length === 1,
    raw: async (pool, context, code) => {
      await loadActorRaw(pool, context, code);
      const { user, memberships } = await transaction(pool, { userId: context.userId }, async (client) => ({
        user: (await client.query(`SELECT email, display_name, preferred_language FROM users WHERE id = $1`, [context.userId])).rows[0],
        memberships: (
          await client.query(
            `SELECT ${code.members.MEMBERSHIP_COLUMNS} FROM memberships m ${code.members.MEMBERSHIP_JOINS}
              WHERE m.user_id = $1 AND m.disabled_at IS NULL ORDER BY n.name, o.name, m.id`,
            [context.userId],
          )
        ).rows.map(rawMembership),
      }));
      const active = memberships.find((membership) => membership.id === context.membershipId);
      if (!active) throw new Error('the active membership is not listed');
      return {
        data: {
          me: {
            id: context.userId,
            email: user.email,
            displayName: user.display_name,
            activeMembership: pickMembership(active),
            memberships: memberships.map(pickMembership),
          },
        },
      };
    },
  },
  {
    name: 'members',
    description: 'query Members: signed in; one page of 100 of an organisation with 1,000 members',
    needsSignIn: true,
    graphql: {
      operationName: 'Members',
      query: `query Members($organizationId: ID!) { members(organizationId: $organizationId, first: 100) {
        nodes { id roles disabled createdAt user { id displayName email } } pageInfo { endCursor hasNextPage } } }`,
      variables: { organizationId: BENCH_ORGANIZATION },
    },
    check: (body) => body?.data?.members?.nodes?.length === 100 && body.data.members.pageInfo.hasNextPage === true,
    raw: async (pool, context, code) => {
      await loadActorRaw(pool, context, code);
      const rows = await transaction(pool, { userId: context.userId }, async (client) => {
        await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [context.tenantId]);
        await client.query(`SELECT id, name FROM organizations WHERE tenant_id = $1 AND id = $2`, [
          context.tenantId,
          BENCH_ORGANIZATION,
        ]);
        return (
          await client.query(
            `SELECT ${code.members.MEMBERSHIP_COLUMNS}, m.created_at::text AS cursor_key FROM memberships m ${code.members.MEMBERSHIP_JOINS}
              WHERE m.tenant_id = $1 AND m.organization_id = $2
                AND ($3::timestamptz IS NULL OR (m.created_at, m.id) > ($3::timestamptz, $4::uuid))
              ORDER BY m.created_at, m.id LIMIT $5`,
            [context.tenantId, BENCH_ORGANIZATION, null, null, 101],
          )
        ).rows;
      });
      const members = connectionOf(rows, 100, (row) => ({ key: row.cursor_key, id: row.id }), (row) => {
        const { id, roles, disabled, createdAt, user } = rawMembership(row);
        return { id, roles, disabled, createdAt, user };
      });
      return { data: { members } };
    },
  },
];
