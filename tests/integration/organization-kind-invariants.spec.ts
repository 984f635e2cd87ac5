// Issue 14, findings 1 and 2: rights that depend on an organisation's kind are invariants.
// 1. An organisation admin can no longer change its own kind (and so open consents given "to
//    municipalities" to an NPO); only a network admin can, after a preview of the effect, audited,
//    and not while members hold roles the new kind does not allow.
// 2. LIAISON (and GRANT_EDITOR) cannot be given in an organisation of a kind that does not allow
//    them — by an org admin, by a network admin, through an invitation, or directly in the
//    database through the application role.
import { DataSource } from 'typeorm';
import { runInTenant } from '../../apps/api/src/core/tenancy/tenant-transaction';
import { outcome, reasonOf, SignedInClient, TestNetwork } from '../support/accounts';
import { setupApiTest } from '../support/harness';
import { createPerson, fullPersonInput, readPerson, recordConsent, REVOKE_CONSENT } from '../support/people';
import { TestDatabase } from '../support/test-database';

const t = setupApiTest({
  clients: false,
  networks: {
    network: {
      slug: 'kinds-a',
      organizations: { npo: 'NPO', city: 'MUNICIPALITY', hub: 'INTERMEDIARY', owner: 'NPO' },
      members: {
        netAdmin: ['hub', ['NETWORK_ADMIN', 'ORG_ADMIN']],
        npoAdmin: ['npo', ['ORG_ADMIN']],
        npoCoordinator: ['npo', ['COORDINATOR']],
        npoStaff: ['npo', ['STAFF']],
        cityCoordinator: ['city', ['COORDINATOR']],
        cityStaff: ['city', ['STAFF']],
        liaison: ['city', ['LIAISON']],
        ownerCoordinator: ['owner', ['COORDINATOR']],
      },
    },
    fixed: {
      slug: 'kinds-b',
      organizations: { hub: 'INTERMEDIARY', owner: 'NPO', target: 'NPO' },
      members: {
        netAdmin: ['hub', ['NETWORK_ADMIN']],
        ownerCoordinator: ['owner', ['COORDINATOR']],
        targetAdmin: ['target', ['ORG_ADMIN']],
        targetCoordinator: ['target', ['COORDINATOR']],
      },
    },
  },
});
let database: TestDatabase, sql: DataSource, network: TestNetwork, fixed: TestNetwork;
let app: DataSource;

beforeAll(async () => {
  ({ database, sql, networks: { network, fixed } } = t);
  app = await new DataSource({ type: 'postgres', url: database.appUrl, extra: { max: 2 } }).initialize();
  t.onClose(() => app.destroy());
});

// Both networks have a netAdmin and an ownerCoordinator, so clients are minted per member here.
const clients = new Map<string, SignedInClient>();
async function as(target: TestNetwork, key: string): Promise<SignedInClient> {
  const member = target.members[key];
  if (!clients.has(member.membershipId)) clients.set(member.membershipId, await t.client(member));
  return clients.get(member.membershipId)!;
}

async function kindOf(organizationId: string): Promise<string> {
  const [row]: Array<{ kind: string }> = await sql.query(`SELECT kind FROM organizations WHERE id = $1`, [organizationId]);
  return row.kind;
}

async function rolesOf(membershipId: string): Promise<string[]> {
  const [row]: Array<{ roles: string[] }> = await sql.query(`SELECT roles FROM memberships WHERE id = $1`, [membershipId]);
  return row.roles;
}

const UPDATE_ROLES = `mutation($membershipId: ID!, $roles: [Role!]!) {
  updateMemberRoles(input: { membershipId: $membershipId, roles: $roles }) { id roles }
}`;
const INVITE = `mutation($organizationId: ID, $email: String!, $roles: [Role!]!) {
  inviteMember(input: { organizationId: $organizationId, email: $email, roles: $roles }) { id roles }
}`;
const PREVIEW = `query($id: ID!, $kind: OrganizationKind!) {
  organizationKindChangePreview(id: $id, kind: $kind) {
    organizationId fromKind toKind activeConsentsNamingFromKind activeConsentsNamingToKind
    peopleNoLongerReadable peopleNewlyReadable
    categories { category peopleNoLongerReadable peopleNewlyReadable }
    blockers { id type name refusedRoles }
  }
}`;
const CHANGE_KIND = `mutation($input: ChangeOrganizationKindInput!) { changeOrganizationKind(input: $input) { id kind } }`;

describe('finding 1: an organisation admin changes its own kind', () => {
  it('is refused, the kind stays, and a consent "to municipalities" stays closed to the NPO', async () => {
    const owner = await as(network, 'ownerCoordinator');
    const person = await createPerson(owner, fullPersonInput('KindOne'));
    const base = { personId: person.id, purposes: ['CASE_CONFERENCE'], recipientKinds: ['MUNICIPALITY'] };
    await recordConsent(owner, { ...base, categories: ['IDENTITY'] });
    await recordConsent(owner, { ...base, categories: ['HEALTH'], specialCareExplained: true });
    const npoId = network.organizations['npo'];
    const npoAdmin = await as(network, 'npoAdmin');

    // The old way: the kind is no longer a field of updateOrganization, for anyone.
    const viaUpdate = await npoAdmin.request(`mutation($id: ID!) { updateOrganization(input: { id: $id, kind: MUNICIPALITY }) { kind } }`, { id: npoId });
    expect(viaUpdate.body.errors?.[0]?.message).toMatch(/kind/);
    expect(viaUpdate.body.data ?? null).toBeNull();
    const netAdmin = await as(network, 'netAdmin');
    const netViaUpdate = await netAdmin.request(`mutation($id: ID!) { updateOrganization(input: { id: $id, kind: MUNICIPALITY }) { kind } }`, { id: npoId });
    expect(netViaUpdate.body.data ?? null).toBeNull();

    // The new way is the network admin's only.
    const preview = await npoAdmin.request(PREVIEW, { id: npoId, kind: 'MUNICIPALITY' });
    expect(outcome(preview)).toBe('FORBIDDEN');
    const change = await npoAdmin.request(CHANGE_KIND, {
      input: { id: npoId, kind: 'MUNICIPALITY', confirmedPeopleNoLongerReadable: 0, confirmedPeopleNewlyReadable: 1 },
    });
    expect(outcome(change)).toBe('FORBIDDEN');
    expect(await kindOf(npoId)).toBe('NPO');

    const seenByNpo = await readPerson(await as(network, 'npoCoordinator'), person.id, 'CASE_CONFERENCE');
    expect(seenByNpo.identity).toMatchObject({ access: 'WITHHELD', values: null });
    expect(seenByNpo.health).toMatchObject({ access: 'WITHHELD', values: null });
    // The consent itself works: a municipality reads both.
    const seenByCity = await readPerson(await as(network, 'cityCoordinator'), person.id, 'CASE_CONFERENCE');
    expect(seenByCity.identity.access).toBe('DISCLOSED');
    expect(seenByCity.health).toMatchObject({ access: 'DISCLOSED', values: { conditions: '病名KindOne' } });
  });
});

describe('finding 1 through the directory exchange', () => {
  it('an HSDS import does not change a kind: it names the record and writes nothing', async () => {
    const netAdmin = await as(network, 'netAdmin');
    const exported = await netAdmin.request<{ exportDirectoryHsds: string }>(`query { exportDirectoryHsds }`);
    const document = JSON.parse(exported.body.data!.exportDirectoryHsds) as {
      organizations: Array<{ id: string; attributes: Array<{ link_type: string; value?: string }> }>;
    };
    const index = document.organizations.findIndex((organization) => organization.id === network.organizations['npo']);
    const kind = document.organizations[index].attributes.find((attribute) => attribute.link_type === 'tsunagu_field' && attribute.value === 'NPO');
    expect(kind).toBeDefined();
    kind!.value = 'MUNICIPALITY';
    const imported = await netAdmin.request<{ importDirectoryHsds: { ok: boolean; errors: Array<{ path: string; message: string }> } }>(
      `mutation($document: String!) { importDirectoryHsds(document: $document) { ok errors { path message } } }`,
      { document: JSON.stringify(document) },
    );
    expect(imported.body.data?.importDirectoryHsds.ok).toBe(false);
    expect(imported.body.data?.importDirectoryHsds.errors).toEqual([
      { path: `$.organizations[${index}].attributes`, message: expect.stringContaining('種別は取り込みでは変更できません') },
    ]);
    expect(await kindOf(network.organizations['npo'])).toBe('NPO');
  });
});

describe('finding 2: roles the organisation kind does not allow', () => {
  it('refuses an NPO admin giving LIAISON or GRANT_EDITOR, naming the role and the kind, and changes nothing', async () => {
    const npoAdmin = await as(network, 'npoAdmin');
    const staff = network.members['npoStaff'].membershipId;
    for (const role of ['LIAISON', 'GRANT_EDITOR']) {
      const response = await npoAdmin.request(UPDATE_ROLES, { membershipId: staff, roles: ['STAFF', role] });
      expect(outcome(response)).toBe('BAD_USER_INPUT');
      expect(reasonOf(response)).toBe('ROLE_NOT_ALLOWED_FOR_KIND');
      expect(response.body.errors?.[0]?.message).toContain(role);
      expect(response.body.errors?.[0]?.message).toContain('NPO');
    }
    const english = await npoAdmin.request(UPDATE_ROLES, { membershipId: staff, roles: ['LIAISON'] }, { 'accept-language': 'en' });
    expect(english.body.errors?.[0]?.message).toBe(
      'The role municipal liaison (LIAISON) cannot be given in an organisation of the kind “NPO”; only municipalities may hold it.',
    );
    expect(await rolesOf(staff)).toEqual(['STAFF']);
  });

  it('refuses the same roles through an invitation, and writes no invitation', async () => {
    const npoAdmin = await as(network, 'npoAdmin');
    for (const role of ['LIAISON', 'GRANT_EDITOR']) {
      const response = await npoAdmin.request(INVITE, { email: `new-${role.toLowerCase()}@example.jp`, roles: [role] });
      expect(reasonOf(response)).toBe('ROLE_NOT_ALLOWED_FOR_KIND');
    }
    const [{ count }]: Array<{ count: number }> = await sql.query(
      `SELECT count(*)::int AS count FROM invitations WHERE organization_id = $1`,
      [network.organizations['npo']],
    );
    expect(count).toBe(0);
  });

  it('refuses a network admin too, in an NPO, while letting them give LIAISON in a municipality', async () => {
    const netAdmin = await as(network, 'netAdmin');
    const staff = network.members['npoStaff'].membershipId;
    expect(reasonOf(await netAdmin.request(UPDATE_ROLES, { membershipId: staff, roles: ['LIAISON'] }))).toBe('ROLE_NOT_ALLOWED_FOR_KIND');
    expect(reasonOf(await netAdmin.request(INVITE, { organizationId: network.organizations['npo'], email: 'x@example.jp', roles: ['GRANT_EDITOR'] }))).toBe(
      'ROLE_NOT_ALLOWED_FOR_KIND',
    );
    // LIAISON is not allowed in an intermediary body either; GRANT_EDITOR is.
    expect(reasonOf(await netAdmin.request(INVITE, { organizationId: network.organizations['hub'], email: 'y@example.jp', roles: ['LIAISON'] }))).toBe(
      'ROLE_NOT_ALLOWED_FOR_KIND',
    );
    expect(await rolesOf(staff)).toEqual(['STAFF']);

    const cityStaff = network.members['cityStaff'].membershipId;
    const allowed = await netAdmin.request<{ updateMemberRoles: { roles: string[] } }>(UPDATE_ROLES, { membershipId: cityStaff, roles: ['STAFF', 'LIAISON'] });
    expect(allowed.body.data?.updateMemberRoles.roles).toEqual(['STAFF', 'LIAISON']);
    await netAdmin.request(UPDATE_ROLES, { membershipId: cityStaff, roles: ['STAFF'] });
  });

  it('is refused by the database itself, writing through the application role', async () => {
    const tenant = network.tenantId;
    const npoId = network.organizations['npo'];
    const attempt = (statement: string, parameters: unknown[]) =>
      runInTenant(app, tenant, (manager) => manager.query(statement, parameters)).then(
        () => 'written',
        (error: { message: string }) => error.message,
      );
    expect(
      await attempt(`INSERT INTO memberships (tenant_id, user_id, organization_id, roles) VALUES ($1, $2, $3, '{LIAISON}')`, [
        tenant,
        network.members['cityCoordinator'].userId,
        npoId,
      ]),
    ).toMatch(/LIAISON not allowed in an organisation of kind NPO/);
    expect(
      await attempt(`UPDATE memberships SET roles = '{STAFF,GRANT_EDITOR}' WHERE tenant_id = $1 AND id = $2`, [
        tenant,
        network.members['npoStaff'].membershipId,
      ]),
    ).toMatch(/GRANT_EDITOR not allowed in an organisation of kind NPO/);
    // A membership moved into an organisation whose kind does not allow its roles.
    expect(
      await attempt(`UPDATE memberships SET organization_id = $3 WHERE tenant_id = $1 AND id = $2`, [
        tenant,
        network.members['liaison'].membershipId,
        npoId,
      ]),
    ).toMatch(/LIAISON not allowed/);
    expect(
      await attempt(
        `INSERT INTO invitations (tenant_id, organization_id, email, roles, token_hash, invited_by_membership_id, expires_at)
         VALUES ($1, $2, 'z@example.jp', '{LIAISON}', '\\x01', $3, now() + interval '1 day')`,
        [tenant, npoId, network.members['npoAdmin'].membershipId],
      ),
    ).toMatch(/LIAISON not allowed/);
    expect(
      await attempt(`UPDATE organizations SET kind = 'NPO' WHERE tenant_id = $1 AND id = $2`, [tenant, network.organizations['city']]),
    ).toMatch(/kind NPO does not allow role\(s\) LIAISON/);
    expect(await kindOf(network.organizations['city'])).toBe('MUNICIPALITY');
    expect(await rolesOf(network.members['npoStaff'].membershipId)).toEqual(['STAFF']);
    expect(await rolesOf(network.members['liaison'].membershipId)).toEqual(['LIAISON']);
  });
});

describe('a network admin changes an organisation kind', () => {
  let people: Record<'p1' | 'p2' | 'p3' | 'p4' | 'p5', string>;

  beforeAll(async () => {
    const owner = await as(fixed, 'ownerCoordinator');
    const target = fixed.organizations['target'];
    people = {
      p1: (await createPerson(owner, fullPersonInput('PrevOne'))).id,
      p2: (await createPerson(owner, fullPersonInput('PrevTwo'))).id,
      p3: (await createPerson(owner, fullPersonInput('PrevThree'))).id,
      p4: (await createPerson(owner, fullPersonInput('PrevFour'))).id,
      p5: (await createPerson(owner, fullPersonInput('PrevFive'))).id,
    };
    const consent = (personId: string, categories: string[], extra: Record<string, unknown>) =>
      recordConsent(owner, { personId, categories, purposes: ['CASE_CONFERENCE'], ...extra });
    // p1: IDENTITY to municipalities → starts being readable.
    await consent(people.p1, ['IDENTITY'], { recipientKinds: ['MUNICIPALITY'] });
    // p2: IDENTITY + CONTACT to NPOs → stops being readable.
    await consent(people.p2, ['IDENTITY', 'CONTACT'], { recipientKinds: ['NPO'] });
    // p3: IDENTITY to NPOs and municipalities → readable before and after.
    await consent(people.p3, ['IDENTITY'], { recipientKinds: ['NPO', 'MUNICIPALITY'] });
    // p4: CONSULTATION to NPOs and to the target by name → readable before and after.
    await consent(people.p4, ['CONSULTATION'], { recipientKinds: ['NPO'], recipientOrganizationIds: [target] });
    // p5: HEALTH to municipalities → starts; IDENTITY to municipalities, revoked → counts nowhere.
    await consent(people.p5, ['HEALTH'], { recipientKinds: ['MUNICIPALITY'], specialCareExplained: true });
    const revoked = await consent(people.p5, ['IDENTITY'], { recipientKinds: ['MUNICIPALITY'] });
    expect(outcome(await owner.request(REVOKE_CONSENT, { id: revoked, reason: '本人の申し出' }))).toBe('OK');
  });

  it('previews the effect on consents by kind, as counted by hand', async () => {
    const netAdmin = await as(fixed, 'netAdmin');
    const response = await netAdmin.request<{ organizationKindChangePreview: unknown }>(PREVIEW, {
      id: fixed.organizations['target'],
      kind: 'MUNICIPALITY',
    });
    expect(response.body.data?.organizationKindChangePreview).toEqual({
      organizationId: fixed.organizations['target'],
      fromKind: 'NPO',
      toKind: 'MUNICIPALITY',
      activeConsentsNamingFromKind: 3, // p2, p3, p4
      activeConsentsNamingToKind: 3, // p1, p3, p5 HEALTH (the revoked one not)
      peopleNoLongerReadable: 1, // p2
      peopleNewlyReadable: 2, // p1, p5
      categories: [
        { category: 'IDENTITY', peopleNoLongerReadable: 1, peopleNewlyReadable: 1 },
        { category: 'CONTACT', peopleNoLongerReadable: 1, peopleNewlyReadable: 0 },
        { category: 'HEALTH', peopleNoLongerReadable: 0, peopleNewlyReadable: 1 },
      ],
      blockers: [],
    });
    expect(outcome(await (await as(fixed, 'targetAdmin')).request(PREVIEW, { id: fixed.organizations['target'], kind: 'MUNICIPALITY' }))).toBe(
      'FORBIDDEN',
    );
  });

  it('refuses a confirmation of another effect, then changes the kind, audited, with the effect shown', async () => {
    const netAdmin = await as(fixed, 'netAdmin');
    const target = fixed.organizations['target'];
    const stale = await netAdmin.request(CHANGE_KIND, {
      input: { id: target, kind: 'MUNICIPALITY', confirmedPeopleNoLongerReadable: 0, confirmedPeopleNewlyReadable: 2 },
    });
    expect(outcome(stale)).toBe('CONFLICT');
    expect(reasonOf(stale)).toBe('KIND_CHANGE_EFFECT_CHANGED');
    expect(await kindOf(target)).toBe('NPO');
    const before = await readPerson(await as(fixed, 'targetCoordinator'), people.p1, 'CASE_CONFERENCE');
    expect(before.identity.access).toBe('WITHHELD');

    const changed = await netAdmin.request(CHANGE_KIND, {
      input: { id: target, kind: 'MUNICIPALITY', confirmedPeopleNoLongerReadable: 1, confirmedPeopleNewlyReadable: 2 },
    });
    expect(changed.body.data).toEqual({ changeOrganizationKind: { id: target, kind: 'MUNICIPALITY' } });
    expect(await kindOf(target)).toBe('MUNICIPALITY');
    const audit: Array<{ action: string; changed_fields: string[]; actor_membership_id: string }> = await sql.query(
      `SELECT action, changed_fields, actor_membership_id FROM audit_log WHERE entity = 'Organization' AND entity_id = $1`,
      [target],
    );
    expect(audit).toEqual([
      { action: 'KIND_CHANGED:NPO:MUNICIPALITY', changed_fields: ['kind'], actor_membership_id: fixed.members['netAdmin'].membershipId },
    ]);
    // The preview said p1 starts and p2 stops being readable: so it is.
    const coordinator = await as(fixed, 'targetCoordinator');
    expect((await readPerson(coordinator, people.p1, 'CASE_CONFERENCE')).identity.access).toBe('DISCLOSED');
    expect((await readPerson(coordinator, people.p2, 'CASE_CONFERENCE')).identity.access).toBe('WITHHELD');
  });

  it('is refused while a liaison is a member, and the preview names who blocks it', async () => {
    const netAdmin = await as(network, 'netAdmin');
    const city = network.organizations['city'];
    const preview = await netAdmin.request<{ organizationKindChangePreview: { blockers: unknown[] } }>(PREVIEW, { id: city, kind: 'NPO' });
    expect(preview.body.data?.organizationKindChangePreview.blockers).toEqual([
      { id: network.members['liaison'].membershipId, type: 'MEMBERSHIP', name: 'liaison', refusedRoles: ['LIAISON'] },
    ]);
    const refused = await netAdmin.request(CHANGE_KIND, {
      input: { id: city, kind: 'NPO', confirmedPeopleNoLongerReadable: 0, confirmedPeopleNewlyReadable: 0 },
    });
    expect(outcome(refused)).toBe('CONFLICT');
    expect(reasonOf(refused)).toBe('ROLES_NOT_ALLOWED_FOR_NEW_KIND');
    expect(refused.body.errors?.[0]?.message).toContain('liaison（LIAISON）');
    expect(await kindOf(city)).toBe('MUNICIPALITY');
    const [{ count }]: Array<{ count: number }> = await sql.query(
      `SELECT count(*)::int AS count FROM audit_log WHERE entity = 'Organization' AND entity_id = $1`,
      [city],
    );
    expect(count).toBe(0);
  });
});
