// The role matrix: every account mutation (and the admin queries) tried by every role, each
// allowed or FORBIDDEN as DESIGN.md specifies. Only an ORG_ADMIN manages its own
// organisation's members; only a NETWORK_ADMIN admits and edits any organisation and grants
// NETWORK_ADMIN; nobody edits another organisation's data; only a NETWORK_ADMIN changes an
// organisation's kind. Every role sits in a municipality, the one kind that allows them all
// (a LIAISON or GRANT_EDITOR in an NPO cannot exist: organization-kind-invariants.spec.ts).
import { ALL_ROLES, type Role } from '@tsunagu/domain';
import { randomUUID } from 'node:crypto';
import { outcome, SignedInClient, TestNetwork } from '../support/accounts';
import { RunningApi } from '../support/api';
import { setupApiTest } from '../support/harness';
import { TestDatabase } from '../support/test-database';

/** Every role there is (libs/domain): a role added to the product is tried by the matrix too. */
const ROLES = ALL_ROLES;

const t = setupApiTest({
  clients: false,
  networks: {
    network: {
      slug: 'matrix',
      organizations: { city: 'MUNICIPALITY', hub: 'INTERMEDIARY', spare: 'OTHER' },
      members: {
        // One member per role, named by it: the network admin in the hub, every other role in the municipality.
        ...Object.fromEntries(ROLES.map((role): [Role, [string, Role[]]] => [role, [role === 'NETWORK_ADMIN' ? 'hub' : 'city', [role]]])),
        targetCity: ['city', ['STAFF']],
        targetHub: ['hub', ['STAFF']],
        targetGrant: ['city', ['STAFF']],
      },
    },
  },
});
let database: TestDatabase, api: RunningApi, network: TestNetwork;
const clients = new Map<Role, SignedInClient>();

beforeAll(async () => {
  ({ database, api, networks: { network } } = t);
  for (const role of ROLES) clients.set(role, await t.client(network.members[role]));
});

type Expectation = 'OK' | 'FORBIDDEN';
const only = (...allowed: Role[]) =>
  Object.fromEntries(ROLES.map((role) => [role, allowed.includes(role) ? 'OK' : 'FORBIDDEN'])) as Record<Role, Expectation>;

const matrix: Array<[string, () => string, Record<Role, Expectation>]> = [
  [
    'createOrganization',
    () => `mutation { createOrganization(input: { kind: NPO, name: "new ${randomUUID()}" }) { id } }`,
    only('NETWORK_ADMIN'),
  ],
  [
    'updateOrganization (own organisation)',
    () => `mutation { updateOrganization(input: { id: "${network.organizations.city}", nameKana: "エヌピーオー" }) { id } }`,
    only('NETWORK_ADMIN', 'ORG_ADMIN'),
  ],
  [
    'updateOrganization (another organisation)',
    () => `mutation { updateOrganization(input: { id: "${network.organizations.hub}", nameKana: "ハブ" }) { id } }`,
    only('NETWORK_ADMIN'),
  ],
  [
    'organizationKindChangePreview (own organisation)',
    () => `{ organizationKindChangePreview(id: "${network.organizations.city}", kind: NPO) { peopleNewlyReadable } }`,
    only('NETWORK_ADMIN'),
  ],
  [
    'changeOrganizationKind (an organisation without kind-bound roles)',
    () =>
      `mutation { changeOrganizationKind(input: { id: "${network.organizations.spare}", kind: NPO, confirmedPeopleNoLongerReadable: 0, confirmedPeopleNewlyReadable: 0 }) { kind } }`,
    only('NETWORK_ADMIN'),
  ],
  [
    'inviteMember (own organisation, STAFF)',
    () =>
      `mutation { inviteMember(input: { organizationId: "${network.organizations.city}", email: "${randomUUID()}@example.jp", roles: [STAFF] }) { id } }`,
    only('NETWORK_ADMIN', 'ORG_ADMIN'),
  ],
  [
    'inviteMember (another organisation)',
    () =>
      `mutation { inviteMember(input: { organizationId: "${network.organizations.hub}", email: "${randomUUID()}@example.jp", roles: [STAFF] }) { id } }`,
    only('NETWORK_ADMIN'),
  ],
  [
    'inviteMember granting NETWORK_ADMIN',
    () =>
      `mutation { inviteMember(input: { organizationId: "${network.organizations.city}", email: "${randomUUID()}@example.jp", roles: [NETWORK_ADMIN] }) { id } }`,
    only('NETWORK_ADMIN'),
  ],
  [
    'updateMemberRoles (own organisation)',
    () => `mutation { updateMemberRoles(input: { membershipId: "${network.members.targetCity.membershipId}", roles: [COORDINATOR, STAFF] }) { id } }`,
    only('NETWORK_ADMIN', 'ORG_ADMIN'),
  ],
  [
    'updateMemberRoles giving LIAISON (own organisation, a municipality)',
    () => `mutation { updateMemberRoles(input: { membershipId: "${network.members.targetCity.membershipId}", roles: [LIAISON, STAFF] }) { id } }`,
    only('NETWORK_ADMIN', 'ORG_ADMIN'),
  ],
  [
    'updateMemberRoles (another organisation)',
    () => `mutation { updateMemberRoles(input: { membershipId: "${network.members.targetHub.membershipId}", roles: [COORDINATOR] }) { id } }`,
    only('NETWORK_ADMIN'),
  ],
  [
    'updateMemberRoles granting NETWORK_ADMIN',
    () => `mutation { updateMemberRoles(input: { membershipId: "${network.members.targetGrant.membershipId}", roles: [NETWORK_ADMIN, STAFF] }) { id } }`,
    only('NETWORK_ADMIN'),
  ],
  [
    'setMembershipDisabled (own organisation)',
    () => `mutation { setMembershipDisabled(membershipId: "${network.members.targetCity.membershipId}", disabled: false) { id } }`,
    only('NETWORK_ADMIN', 'ORG_ADMIN'),
  ],
  [
    'setMembershipDisabled (another organisation)',
    () => `mutation { setMembershipDisabled(membershipId: "${network.members.targetHub.membershipId}", disabled: false) { id } }`,
    only('NETWORK_ADMIN'),
  ],
  ['auditLog (the whole network, or one’s own organisation)', () => `{ auditLog { nodes { id } } }`, only('NETWORK_ADMIN', 'ORG_ADMIN')],
  [
    'auditLog (another organisation)',
    () => `{ auditLog(organizationId: "${network.organizations.hub}") { nodes { id } } }`,
    only('NETWORK_ADMIN'),
  ],
  [
    'invitations (own organisation)',
    () => `{ invitations(organizationId: "${network.organizations.city}") { id } }`,
    only('NETWORK_ADMIN', 'ORG_ADMIN'),
  ],
  ['members (own organisation)', () => `{ members(organizationId: "${network.organizations.city}") { nodes { id } } }`, only(...ROLES)],
  [
    'members (another organisation)',
    () => `{ members(organizationId: "${network.organizations.hub}") { nodes { id } } }`,
    only('NETWORK_ADMIN'),
  ],
];

describe.each(matrix)('%s', (_name, query, expected) => {
  it.each(ROLES)('as %s', async (role) => {
    const response = await clients.get(role)!.request(query());
    expect(outcome(response)).toBe(expected[role]);
  });
});

describe('revokeInvitation', () => {
  it.each(ROLES)('as %s', async (role) => {
    const admin = clients.get('NETWORK_ADMIN')!;
    const invited = await admin.request<{ inviteMember: { id: string } }>(
      `mutation { inviteMember(input: { organizationId: "${network.organizations.city}", email: "${randomUUID()}@example.jp", roles: [STAFF] }) { id } }`,
    );
    const response = await clients.get(role)!.request(`mutation { revokeInvitation(id: "${invited.body.data!.inviteMember.id}") { revokedAt } }`);
    expect(outcome(response)).toBe(only('NETWORK_ADMIN', 'ORG_ADMIN')[role]);
  });
});

describe('guards that hold for admins too', () => {
  it('nobody changes their own roles or disables themselves', async () => {
    const orgAdmin = clients.get('ORG_ADMIN')!;
    const own = await orgAdmin.request(
      `mutation { updateMemberRoles(input: { membershipId: "${network.members.ORG_ADMIN.membershipId}", roles: [STAFF] }) { id } }`,
    );
    expect(own.body.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SELF_CHANGE' });
  });

  it('an organisation admin cannot touch a network admin in their organisation', async () => {
    const admin = clients.get('NETWORK_ADMIN')!;
    await admin.request(
      `mutation { updateMemberRoles(input: { membershipId: "${network.members.targetCity.membershipId}", roles: [NETWORK_ADMIN, STAFF] }) { id } }`,
    );
    const orgAdmin = clients.get('ORG_ADMIN')!;
    const demote = await orgAdmin.request(
      `mutation { setMembershipDisabled(membershipId: "${network.members.targetCity.membershipId}", disabled: true) { id } }`,
    );
    expect(outcome(demote)).toBe('FORBIDDEN');
    await admin.request(
      `mutation { updateMemberRoles(input: { membershipId: "${network.members.targetCity.membershipId}", roles: [STAFF] }) { id } }`,
    );
  });

  it('every allowed mutation left an audit entry naming fields, never values', async () => {
    const admin = clients.get('NETWORK_ADMIN')!;
    const audit = await admin.request<{ auditLog: { nodes: Array<{ entity: string; action: string; changedFields: string[] }> } }>(
      '{ auditLog(first: 200) { nodes { entity action changedFields } } }',
    );
    const entries = audit.body.data!.auditLog.nodes;
    expect(entries).toEqual(
      expect.arrayContaining([
        { entity: 'Organization', action: 'CREATED', changedFields: expect.arrayContaining(['name']) },
        { entity: 'Organization', action: 'UPDATED', changedFields: ['nameKana'] },
        { entity: 'Invitation', action: 'CREATED', changedFields: ['email', 'roles'] },
        { entity: 'Invitation', action: 'REVOKED', changedFields: ['revokedAt'] },
        { entity: 'Membership', action: 'ROLES_CHANGED', changedFields: ['roles'] },
      ]),
    );
    expect(JSON.stringify(entries)).not.toMatch(/@example\.jp|エヌピーオー/);
  });
});
