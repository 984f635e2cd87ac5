// Small builders for accounts: networks, organisations and members made directly in the
// database (as the owner, through the same settings the seed uses), and signing in over HTTP.
import * as argon2 from 'argon2';
import type { OrganizationKind, Role } from '@tsunagu/domain';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ARGON2_OPTIONS } from '../../apps/api/src/core/auth/password-hasher';
import { clientWith, graphql, GraphQLResponse, type SignedInClient } from './graphql';

// The client itself lives beside graphql() so the e2e suite can use it without this file's database builders.
export { clientWith, type SignedInClient } from './graphql';

export const TEST_PASSWORD = 'a-long-test-passphrase-2026';
let passwordHash: Promise<string> | undefined;

export interface TestMember {
  readonly key: string;
  readonly email: string;
  readonly userId: string;
  readonly membershipId: string;
  readonly organizationId: string;
  readonly tenantId: string;
}

export interface TestNetwork {
  readonly tenantId: string;
  readonly organizations: Record<string, string>;
  readonly members: Record<string, TestMember>;
}

export interface NetworkSpec {
  readonly slug: string;
  readonly organizations: Record<string, OrganizationKind>;
  /** key → [organisation key, roles] */
  readonly members: Record<string, [string, Role[]]>;
}

export async function createNetwork(ownerUrl: string, spec: NetworkSpec): Promise<TestNetwork> {
  const dataSource = await new DataSource({ type: 'postgres', url: ownerUrl, extra: { max: 1 } }).initialize();
  passwordHash ??= argon2.hash(TEST_PASSWORD, ARGON2_OPTIONS);
  const hash = await passwordHash;
  try {
    return await dataSource.transaction(async (manager) => {
      const tenantId = randomUUID();
      await manager.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.auth', 'on', true)`, [tenantId]);
      await manager.query(`INSERT INTO networks (id, slug, name) VALUES ($1, $2, $3)`, [tenantId, spec.slug, spec.slug]);
      const organizations: Record<string, string> = {};
      for (const [key, kind] of Object.entries(spec.organizations)) {
        const [row]: Array<{ id: string }> = await manager.query(
          `INSERT INTO organizations (tenant_id, kind, name) VALUES ($1, $2, $3) RETURNING id`,
          [tenantId, kind, `${spec.slug} ${key}`],
        );
        organizations[key] = row.id;
      }
      const members: Record<string, TestMember> = {};
      for (const [key, [organizationKey, roles]] of Object.entries(spec.members)) {
        const email = `${key}.${spec.slug}@example.jp`.toLowerCase();
        const [user]: Array<{ id: string }> = await manager.query(
          `INSERT INTO users (email, display_name, password_hash) VALUES ($1, $2, $3) RETURNING id`,
          [email, key, hash],
        );
        const organizationId = organizations[organizationKey];
        const [membership]: Array<{ id: string }> = await manager.query(
          `INSERT INTO memberships (tenant_id, user_id, organization_id, roles) VALUES ($1, $2, $3, $4) RETURNING id`,
          [tenantId, user.id, organizationId, roles],
        );
        members[key] = { key, email, userId: user.id, membershipId: membership.id, organizationId, tenantId };
      }
      return { tenantId, organizations, members };
    });
  } finally {
    await dataSource.destroy();
  }
}

const LOGIN = `mutation Login($email: String!, $password: String!) {
  login(input: { email: $email, password: $password }) { auth { accessToken me { id } } }
}`;

export function refreshCookieFrom(headers: Headers): string {
  const cookie = headers.getSetCookie().find((value) => value.startsWith('tsunagu_refresh='));
  if (!cookie) throw new Error('No refresh cookie was set');
  return cookie;
}

export async function signIn(url: string, email: string, password = TEST_PASSWORD): Promise<SignedInClient> {
  const response = await graphql<{ login: { auth: { accessToken: string } | null } }>(url, LOGIN, { variables: { email, password } });
  if (!response.body.data?.login.auth) throw new Error(`Sign-in failed: ${JSON.stringify(response.body.errors)}`);
  const cookie = refreshCookieFrom(response.headers).split(';')[0];
  return clientWith(url, response.body.data.login.auth.accessToken, cookie);
}

/** The stable code of the first error, or 'OK'. */
export function outcome(response: GraphQLResponse): string {
  return String(response.body.errors?.[0]?.extensions?.['code'] ?? 'OK');
}

/** The reason of the first error (extensions.reason), when it gives one. */
export function reasonOf(response: GraphQLResponse): string | undefined {
  return response.body.errors?.[0]?.extensions?.['reason'] as string | undefined;
}
