// Tenant isolation through the API: a network admin of network B, using ids from network A,
// gets NOT_FOUND (never FORBIDDEN, which would confirm the id exists) from every query and
// mutation that takes an id, and no list ever contains A's rows. Plus the catalog rule that
// every table with a tenant_id column has forced row-level security.
import { DataSource } from 'typeorm';
import { outcome, SignedInClient, TestNetwork } from '../support/accounts';
import { RunningApi } from '../support/api';
import { setupApiTest } from '../support/harness';
import { soleAdminNetwork } from '../support/networks';
import { TestDatabase } from '../support/test-database';

const t = setupApiTest({
  clients: false,
  networks: {
    a: {
      slug: 'tenant-a',
      organizations: { npo: 'NPO', hub: 'INTERMEDIARY' },
      members: { admin: ['hub', ['NETWORK_ADMIN', 'ORG_ADMIN']], staff: ['npo', ['STAFF']] },
    },
    b: soleAdminNetwork('tenant-b'),
  },
});
let database: TestDatabase, api: RunningApi, a: TestNetwork, b: TestNetwork;
let adminOfA: SignedInClient;
let adminOfB: SignedInClient;
let invitationOfA: string;

beforeAll(async () => {
  ({ database, api, networks: { a, b } } = t);
  adminOfA = await t.client(a.members.admin);
  adminOfB = await t.client(b.members.admin);
  const invited = await adminOfA.request<{ inviteMember: { id: string } }>(
    `mutation { inviteMember(input: { organizationId: "${a.organizations.npo}", email: "someone@example.jp", roles: [STAFF] }) { id } }`,
  );
  invitationOfA = invited.body.data!.inviteMember.id;
});

describe('every operation that takes an id answers NOT_FOUND for another network’s id', () => {
  const operations: Array<[string, () => string]> = [
    ['organization', () => `{ organization(id: "${a.organizations.npo}") { id name } }`],
    ['members', () => `{ members(organizationId: "${a.organizations.npo}") { nodes { id } } }`],
    ['invitations', () => `{ invitations(organizationId: "${a.organizations.npo}") { id } }`],
    ['auditLog', () => `{ auditLog(organizationId: "${a.organizations.npo}") { nodes { id } } }`],
    ['updateOrganization', () => `mutation { updateOrganization(input: { id: "${a.organizations.npo}", name: "taken" }) { id } }`],
    [
      'inviteMember',
      () =>
        `mutation { inviteMember(input: { organizationId: "${a.organizations.npo}", email: "x@example.jp", roles: [STAFF] }) { id } }`,
    ],
    ['revokeInvitation', () => `mutation { revokeInvitation(id: "${invitationOfA}") { id } }`],
    [
      'updateMemberRoles',
      () => `mutation { updateMemberRoles(input: { membershipId: "${a.members.staff.membershipId}", roles: [COORDINATOR] }) { id } }`,
    ],
    [
      'setMembershipDisabled',
      () => `mutation { setMembershipDisabled(membershipId: "${a.members.staff.membershipId}", disabled: true) { id } }`,
    ],
    ['switchMembership', () => `mutation { switchMembership(membershipId: "${a.members.staff.membershipId}") { accessToken } }`],
    ['revokeSession', () => `mutation { revokeSession(id: "${a.members.staff.membershipId}") }`],
  ];

  it.each(operations)('%s', async (_name, query) => {
    const response = await adminOfB.request(query());
    expect(outcome(response)).toBe('NOT_FOUND');
    expect(JSON.stringify(response.body.data ?? null)).not.toContain('tenant-a');
  });

  it.each([
    ['organization', '{ organization(id: "not-an-id") { id } }'],
    ['revokeSession', 'mutation { revokeSession(id: "not-an-id") }'],
    ['switchMembership', 'mutation { switchMembership(membershipId: "42") { accessToken } }'],
    ['revokeInvitation', 'mutation { revokeInvitation(id: "x") { id } }'],
    ['members', '{ members(organizationId: "x") { nodes { id } } }'],
  ])('%s answers NOT_FOUND for an id that is not one, without a server error', async (_name, query) => {
    expect(outcome(await adminOfB.request(query))).toBe('NOT_FOUND');
  });

  it('left network A unchanged', async () => {
    const members = await adminOfA.request<{ members: { nodes: Array<{ id: string; roles: string[]; disabled: boolean }> } }>(
      `{ members(organizationId: "${a.organizations.npo}") { nodes { id roles disabled } } }`,
    );
    expect(members.body.data!.members.nodes).toEqual([
      { id: a.members.staff.membershipId, roles: ['STAFF'], disabled: false },
    ]);
    const organization = await adminOfA.request<{ organization: { name: string } }>(
      `{ organization(id: "${a.organizations.npo}") { name } }`,
    );
    expect(organization.body.data!.organization.name).toBe('tenant-a npo');
    const invitations = await adminOfA.request<{ invitations: Array<{ id: string }> }>(
      `{ invitations(organizationId: "${a.organizations.npo}") { id } }`,
    );
    expect(invitations.body.data!.invitations.map((invitation) => invitation.id)).toEqual([invitationOfA]);
  });
});

describe('lists never contain another network’s rows', () => {
  it('organizations, audit log and my memberships', async () => {
    const organizations = await adminOfB.request<{ organizations: { nodes: Array<{ id: string }> } }>(
      '{ organizations(first: 200) { nodes { id } } }',
    );
    expect(organizations.body.data!.organizations.nodes.map((node) => node.id)).toEqual([b.organizations.npo]);
    const audit = await adminOfB.request<{ auditLog: { nodes: Array<{ entityId: string }> } }>(
      '{ auditLog(first: 200) { nodes { entityId } } }',
    );
    expect(audit.body.data!.auditLog.nodes.map((node) => node.entityId)).not.toContain(invitationOfA);
    const me = await adminOfB.request<{ me: { memberships: Array<{ network: { id: string } }> } }>(
      '{ me { memberships { network { id } } } }',
    );
    expect(me.body.data!.me.memberships.map((membership) => membership.network.id)).toEqual([b.tenantId]);
  });
});

describe('the schema', () => {
  it('has forced row-level security on every table with a tenant_id column', async () => {
    const owner = await new DataSource({ type: 'postgres', url: database.ownerUrl }).initialize();
    try {
      const tables: Array<{ table: string; rls: boolean; forced: boolean }> = await owner.query(
        `SELECT c.relname AS table, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
            AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
          ORDER BY 1`,
      );
      expect(tables.map((table) => table.table)).toEqual(
        expect.arrayContaining(['audit_log', 'invitations', 'memberships', 'organizations']),
      );
      expect(tables.filter((table) => !table.rls || !table.forced)).toEqual([]);
    } finally {
      await owner.destroy();
    }
  });

  it('takes no tenant or network from any input type', async () => {
    const schema = await adminOfB.request<{ __schema: { types: Array<{ name: string; inputFields: Array<{ name: string }> | null }> } }>(
      '{ __schema { types { name inputFields { name } } } }',
    );
    const fields = schema.body
      .data!.__schema.types.flatMap((type) => (type.inputFields ?? []).map((field) => `${type.name}.${field.name}`))
      .filter((field) => /tenant|network/i.test(field));
    expect(fields).toEqual([]);
  });
});
