// The consent rule end to end, against the real API and PostgreSQL: every category × recipient
// relation (owner, consented organisation, organisation of a consented kind, other
// organisation, other network) × purpose × consent state (active, expired, revoked, not yet
// valid) gives the values or WITHHELD with the right reason, through every GraphQL path that
// reaches a person. Plus revocation on the very next request, the access log and provision
// records (outside reads only), roles within an organisation, and isolation between networks.
import { PERSONAL_DATA_CATEGORIES, PersonalDataCategory } from '@tsunagu/domain';
import { DataSource } from 'typeorm';
import { PersonalDataProvision } from '../../apps/api/src/core/personal-data/provision';
import { runInTenant } from '../../apps/api/src/core/tenancy/tenant-transaction';
import { outcome, SignedInClient, TestNetwork } from '../support/accounts';
import { RunningApi } from '../support/api';
import { setupApiTest } from '../support/harness';
import { oneOrganizationNetwork } from '../support/networks';
import {
  CREATE_PERSON,
  createPerson as createPersonAs,
  fullPersonInput,
  PERSON_FIELDS,
  PERSON_QUERY as PERSON,
  PersonResult,
  readPerson,
  RECORD_CONSENT,
  recordConsent,
  Section,
} from '../support/people';
import { TestDatabase } from '../support/test-database';

type State = 'active' | 'expired' | 'revoked' | 'pending';
type Relation = 'owner' | 'named' | 'kind' | 'other';
type Purpose = 'REFERRAL' | 'CASE_CONFERENCE' | 'STATISTICS';

const STATES: State[] = ['active', 'expired', 'revoked', 'pending'];
const PURPOSES: Purpose[] = ['REFERRAL', 'CASE_CONFERENCE', 'STATISTICS'];
const CATEGORIES = PERSONAL_DATA_CATEGORIES.codes;
const ORDINARY_CONSENTED: PersonalDataCategory[] = ['IDENTITY', 'CONTACT', 'CONSULTATION'];
const DAY = 24 * 60 * 60 * 1000;

/** Superuser connection (row-level security does not apply): for counting kept records. */
const t = setupApiTest({
  networks: {
    network: {
      slug: 'people-a',
      organizations: { owner: 'NPO', named: 'NPO', kind: 'MUNICIPALITY', other: 'SOCIAL_WELFARE_COUNCIL' },
      members: {
        ownerAdmin: ['owner', ['ORG_ADMIN']],
        ownerCoordinator: ['owner', ['COORDINATOR']],
        ownerStaff: ['owner', ['STAFF']],
        ownerTrainer: ['owner', ['TRAINER']],
        namedCoordinator: ['named', ['COORDINATOR']],
        namedStaff: ['named', ['STAFF']],
        kindCoordinator: ['kind', ['COORDINATOR']],
        otherCoordinator: ['other', ['COORDINATOR']],
      },
    },
    otherNetwork: oneOrganizationNetwork('people-b', { npo: 'NPO' }, { outsider: ['NETWORK_ADMIN', 'ORG_ADMIN', 'COORDINATOR'] }),
  },
});
let database: TestDatabase, api: RunningApi, sql: DataSource, network: TestNetwork, otherNetwork: TestNetwork;
const clients = t.clients;
const people: Record<State, string> = {} as Record<State, string>;
const consentsByState: Record<State, string[]> = { active: [], expired: [], revoked: [], pending: [] };

const SHARED = `query Shared($purpose: ConsentPurpose!) { sharedPeople(purpose: $purpose) { nodes { ${PERSON_FIELDS} } } }`;
const OWN = `query Own($search: String) { people(search: $search) { nodes { ${PERSON_FIELDS} } pageInfo { hasNextPage } } }`;
const RECORD = RECORD_CONSENT;
const CREATE = CREATE_PERSON;
const REVOKE = `mutation Revoke($id: ID!, $reason: String!) { revokeConsent(id: $id, reason: $reason) { id state revokedAt revocationReason revokedBy { name } } }`;

const sectionKey = (category: PersonalDataCategory) => category.toLowerCase() as Lowercase<PersonalDataCategory>;

let registered = 0;

function personInput(label: string) {
  // A different birth date each time: the same kana and birth date would (rightly) be refused
  // as a possible duplicate.
  return fullPersonInput(label, { birthDate: `${1950 + registered++}-05-01` });
}

function validity(state: State): { validFrom: string; validUntil: string | null } {
  const now = Date.now();
  if (state === 'expired') return { validFrom: new Date(now - 30 * DAY).toISOString(), validUntil: new Date(now - DAY).toISOString() };
  if (state === 'pending') return { validFrom: new Date(now + 10 * DAY).toISOString(), validUntil: null };
  return { validFrom: new Date(now - DAY).toISOString(), validUntil: new Date(now + 365 * DAY).toISOString() };
}

/** The rule, written out independently of libs/domain for this fixture. */
function expected(relation: Relation, purpose: Purpose, category: PersonalDataCategory, state: State): string {
  // A STATISTICS read gives no category's values, even to the owner: only the projection (issue 14).
  if (relation === 'owner') return purpose === 'STATISTICS' ? 'STATISTICS_ONLY' : 'DISCLOSED';
  const consentsForRecipientAndPurpose: PersonalDataCategory[][] = [];
  // The ordinary consent: IDENTITY, CONTACT, CONSULTATION to the named organisation and to
  // every MUNICIPALITY, for REFERRAL. The special-care consent: HEALTH to the named
  // organisation, for REFERRAL and CASE_CONFERENCE.
  if ((relation === 'named' || relation === 'kind') && purpose === 'REFERRAL') consentsForRecipientAndPurpose.push(ORDINARY_CONSENTED);
  if (relation === 'named' && purpose !== 'STATISTICS') consentsForRecipientAndPurpose.push(['HEALTH']);
  if (consentsForRecipientAndPurpose.some((categories) => categories.includes(category))) {
    return { active: 'DISCLOSED', expired: 'CONSENT_EXPIRED', revoked: 'CONSENT_REVOKED', pending: 'CONSENT_NOT_YET_VALID' }[state];
  }
  if (consentsForRecipientAndPurpose.length > 0 && state === 'active') return 'CATEGORY_NOT_COVERED';
  return 'NO_CONSENT';
}

function outcomeOf(section: Section): string {
  if (section.access === 'DISCLOSED') {
    expect(section.withheldReason).toBeNull();
    return 'DISCLOSED';
  }
  // Withheld is never a silent null: a reason always comes with it.
  expect(section.values).toBeNull();
  expect(section.withheldReason).toEqual(expect.any(String));
  return section.withheldReason as string;
}

async function createPerson(client: SignedInClient, label: string): Promise<string> {
  return (await createPersonAs(client, personInput(label))).id;
}

async function accessCount(personId: string): Promise<number> {
  const [row]: Array<{ count: number }> = await sql.query(
    `SELECT count(*)::int AS count FROM person_access_log WHERE person_id = $1`,
    [personId],
  );
  return row.count;
}

beforeAll(async () => {
  ({ database, api, sql, networks: { network, otherNetwork } } = t);

  for (const state of STATES) {
    people[state] = await createPerson(clients.ownerCoordinator, state);
    const base = { personId: people[state], method: 'WRITTEN', ...validity(state) };
    consentsByState[state].push(
      await recordConsent(clients.ownerCoordinator, {
        ...base,
        categories: ORDINARY_CONSENTED,
        purposes: ['REFERRAL'],
        recipientOrganizationIds: [network.organizations.named],
        recipientKinds: ['MUNICIPALITY'],
        evidenceNote: `同意書 ${state}`,
      }),
      await recordConsent(clients.ownerCoordinator, {
        ...base,
        categories: ['HEALTH'],
        purposes: ['REFERRAL', 'CASE_CONFERENCE'],
        recipientOrganizationIds: [network.organizations.named],
        specialCareExplained: true,
      }),
    );
    if (state === 'revoked') {
      for (const id of consentsByState[state]) {
        const revoked = await clients.ownerCoordinator.request(REVOKE, { id, reason: '本人の申し出' });
        expect(outcome(revoked)).toBe('OK');
      }
    }
  }
}, 120_000);

describe('the consent matrix through person(id, purpose)', () => {
  const readers: Record<Relation, string> = {
    owner: 'ownerCoordinator',
    named: 'namedCoordinator',
    kind: 'kindCoordinator',
    other: 'otherCoordinator',
  };
  for (const relation of Object.keys(readers) as Relation[]) {
    for (const state of STATES) {
      it(`${relation} organisation, consent ${state}: every category × purpose`, async () => {
        const seen: Record<string, string> = {};
        const wanted: Record<string, string> = {};
        for (const purpose of PURPOSES) {
          const person = await readPerson(clients[readers[relation]], people[state], purpose);
          for (const category of CATEGORIES) {
            const section = person[sectionKey(category)] as Section;
            const key = `${purpose} ${category}`;
            seen[key] = outcomeOf(section);
            wanted[key] = expected(relation, purpose, category, state);
            // The summary agrees with the section.
            const summary = person.categories.find((entry) => entry.category === category)!;
            expect(summary.access).toBe(section.access);
            expect(summary.withheldReason).toBe(section.withheldReason);
            if (section.access === 'DISCLOSED' && category === 'IDENTITY') {
              expect(section.values).toMatchObject({ familyName: `試験${state}`, givenNameKana: 'ハナコ' });
            }
            if (section.access === 'DISCLOSED' && category === 'HEALTH') {
              expect(section.values).toMatchObject({ conditions: `病名${state}` });
            }
          }
        }
        expect(seen).toEqual(wanted);
      });
    }
  }

  it('outside the owner, a read without a purpose discloses nothing and says why', async () => {
    const person = await readPerson(clients.namedCoordinator, people.active);
    for (const category of CATEGORIES) {
      expect(outcomeOf(person[sectionKey(category)] as Section)).toBe('PURPOSE_NOT_STATED');
    }
  });

  it('another network finds no such person, whatever the purpose', async () => {
    for (const purpose of [undefined, ...PURPOSES]) {
      const response = await clients.outsider.request(PERSON, { id: people.active, purpose });
      expect(outcome(response)).toBe('NOT_FOUND');
      expect(response.body.data).toBeNull();
    }
  });
});

describe('the other paths that reach a person', () => {
  it('sharedPeople lists exactly the people an active consent shares, each as person() shows them', async () => {
    for (const [reader, relation] of [
      ['namedCoordinator', 'named'],
      ['kindCoordinator', 'kind'],
      ['otherCoordinator', 'other'],
      ['outsider', 'other'],
    ] as const) {
      for (const purpose of PURPOSES) {
        const response = await clients[reader].request<{ sharedPeople: { nodes: PersonResult[] } }>(SHARED, { purpose });
        expect(outcome(response)).toBe('OK');
        const nodes = response.body.data!.sharedPeople.nodes.filter((node) => Object.values(people).includes(node.id));
        const shouldList = relation !== 'other' && CATEGORIES.some((category) => expected(relation, purpose, category, 'active') === 'DISCLOSED');
        expect(nodes.map((node) => node.id)).toEqual(shouldList ? [people.active] : []);
        for (const node of nodes) {
          for (const category of CATEGORIES) {
            expect(`${purpose} ${category} ${outcomeOf(node[sectionKey(category)] as Section)}`).toBe(
              `${purpose} ${category} ${expected(relation, purpose, category, 'active')}`,
            );
          }
        }
      }
    }
  });

  it("the owner's list shows its own people with every category, and nobody else's", async () => {
    const response = await clients.ownerCoordinator.request<{ people: { nodes: PersonResult[] } }>(OWN, {});
    const ids = response.body.data!.people.nodes.map((node) => node.id);
    expect(ids).toEqual(expect.arrayContaining(Object.values(people)));
    for (const node of response.body.data!.people.nodes) {
      for (const category of CATEGORIES) expect(outcomeOf(node[sectionKey(category)] as Section)).toBe('DISCLOSED');
    }
    for (const reader of ['namedCoordinator', 'kindCoordinator', 'outsider']) {
      const theirs = await clients[reader].request<{ people: { nodes: PersonResult[] } }>(OWN, {});
      expect(theirs.body.data!.people.nodes.map((node) => node.id)).not.toEqual(expect.arrayContaining([people.active]));
      expect(theirs.body.data!.people.nodes).toEqual([]);
    }
  });

  it('the owner finds people by name or kana, typed in hiragana or katakana', async () => {
    for (const search of ['試験active', 'シケン', 'しけん はなこ', 'しけんはなこ']) {
      const response = await clients.ownerCoordinator.request<{ people: { nodes: PersonResult[] } }>(OWN, { search });
      expect(response.body.data!.people.nodes.map((node) => node.id)).toContain(people.active);
    }
    const none = await clients.ownerCoordinator.request<{ people: { nodes: PersonResult[] } }>(OWN, { search: 'やまだ' });
    expect(none.body.data!.people.nodes).toEqual([]);
  });
});

describe('roles within an organisation', () => {
  it("the owner's staff see every category but the special-care ones", async () => {
    const person = await readPerson(clients.ownerStaff, people.active);
    for (const category of CATEGORIES) {
      const special = ['HEALTH', 'DISABILITY', 'LEGAL'].includes(category);
      expect(`${category} ${outcomeOf(person[sectionKey(category)] as Section)}`).toBe(
        `${category} ${special ? 'ROLE_NOT_PERMITTED' : 'DISCLOSED'}`,
      );
    }
  });

  it("a recipient's staff do not see special-care data even under consent", async () => {
    const person = await readPerson(clients.namedStaff, people.active, 'REFERRAL');
    expect(outcomeOf(person.health as Section)).toBe('ROLE_NOT_PERMITTED');
    expect(outcomeOf(person.identity as Section)).toBe('DISCLOSED');
  });

  it('roles without case work (e.g. a trainer) cannot open people at all', async () => {
    expect(outcome(await clients.ownerTrainer.request(PERSON, { id: people.active }))).toBe('FORBIDDEN');
    expect(outcome(await clients.ownerTrainer.request(OWN, {}))).toBe('FORBIDDEN');
  });

  it('staff may register people but neither special-care values nor consents', async () => {
    const input = personInput('staff-special');
    expect(outcome(await clients.ownerStaff.request(CREATE, { input }))).toBe('FORBIDDEN');
    const { health: _h, disability: _d, legal: _l, ...ordinary } = input;
    const created = await clients.ownerStaff.request<{ createPerson: PersonResult }>(CREATE, {
      input: { ...ordinary, identity: { ...ordinary.identity, familyNameKana: 'すたっふ', birthDate: '1980-01-01' } },
    });
    expect(outcome(created)).toBe('OK');
    const consent = await clients.ownerStaff.request(RECORD, {
      input: { personId: created.body.data!.createPerson.id, categories: ['IDENTITY'], purposes: ['REFERRAL'], recipientKinds: ['NPO'], method: 'VERBAL', ...validity('active') },
    });
    expect(outcome(consent)).toBe('FORBIDDEN');
  });

  it('special-care categories need a consent of their own, explicitly explained', async () => {
    const base = { personId: people.active, purposes: ['REFERRAL'], recipientKinds: ['NPO'], method: 'WRITTEN', ...validity('active') };
    const mixed = await clients.ownerCoordinator.request(RECORD, { input: { ...base, categories: ['IDENTITY', 'HEALTH'], specialCareExplained: true } });
    expect(outcome(mixed)).toBe('BAD_USER_INPUT');
    expect(mixed.body.errors![0].extensions!['fields']).toHaveProperty('categories');
    const unexplained = await clients.ownerCoordinator.request(RECORD, { input: { ...base, categories: ['LEGAL'] } });
    expect(outcome(unexplained)).toBe('BAD_USER_INPUT');
    expect(unexplained.body.errors![0].extensions!['fields']).toHaveProperty('specialCareExplained');
    const [{ count }]: Array<{ count: number }> = await sql.query(
      `SELECT count(*)::int AS count FROM consents WHERE person_id = $1`,
      [people.active],
    );
    expect(count).toBe(2);
  });

  it('another organisation cannot record, revoke or list consents for a person it does not own', async () => {
    const input = { personId: people.active, categories: ['IDENTITY'], purposes: ['REFERRAL'], recipientKinds: ['NPO'], method: 'WRITTEN', ...validity('active') };
    expect(outcome(await clients.namedCoordinator.request(RECORD, { input }))).toBe('FORBIDDEN');
    expect(outcome(await clients.namedCoordinator.request(REVOKE, { id: consentsByState.active[0], reason: 'x' }))).toBe('NOT_FOUND');
    expect(outcome(await clients.namedCoordinator.request(`query { consents(personId: "${people.active}") { id } }`))).toBe('FORBIDDEN');
  });
});

describe('revocation', () => {
  it('takes effect on the very next request', async () => {
    const personId = await createPerson(clients.ownerCoordinator, 'revoke-now');
    const consentId = await recordConsent(clients.ownerCoordinator, {
      personId,
      categories: ['IDENTITY', 'CONTACT'],
      purposes: ['REFERRAL'],
      recipientOrganizationIds: [network.organizations.named],
      method: 'VERBAL',
      ...validity('active'),
    });
    const before = await readPerson(clients.namedCoordinator, personId, 'REFERRAL');
    expect(outcomeOf(before.contact as Section)).toBe('DISCLOSED');

    const revoked = await clients.ownerCoordinator.request<{ recordConsent: unknown; revokeConsent: Record<string, unknown> }>(REVOKE, {
      id: consentId,
      reason: '本人から撤回の申し出（電話）',
    });
    expect(revoked.body.data!.revokeConsent).toMatchObject({ state: 'REVOKED', revocationReason: '本人から撤回の申し出（電話）', revokedBy: { name: 'ownerCoordinator' } });

    const after = await readPerson(clients.namedCoordinator, personId, 'REFERRAL');
    expect(outcomeOf(after.identity as Section)).toBe('CONSENT_REVOKED');
    expect(outcomeOf(after.contact as Section)).toBe('CONSENT_REVOKED');
    expect((after.identity as Section).consentId).toBe(consentId);

    // Revoked stays revoked, and the record itself cannot be edited.
    const again = await clients.ownerCoordinator.request(REVOKE, { id: consentId, reason: 'again' });
    expect(again.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_REVOKED' });
  });

  it('a superseding consent revokes the one it replaces in the same step', async () => {
    const personId = await createPerson(clients.ownerCoordinator, 'supersede');
    const base = { personId, purposes: ['REFERRAL'], recipientOrganizationIds: [network.organizations.named], method: 'WRITTEN', ...validity('active') };
    const first = await recordConsent(clients.ownerCoordinator, { ...base, categories: ['IDENTITY'] });
    const second = await recordConsent(clients.ownerCoordinator, { ...base, categories: ['IDENTITY', 'CONTACT'], supersedesId: first });
    const response = await clients.ownerCoordinator.request<{ consents: Array<{ id: string; state: string; supersedesId: string | null; supersededById: string | null }> }>(
      `query { consents(personId: "${personId}") { id state supersedesId supersededById } }`,
    );
    expect(response.body.data!.consents).toEqual([
      { id: second, state: 'ACTIVE', supersedesId: first, supersededById: null },
      { id: first, state: 'REVOKED', supersedesId: null, supersededById: second },
    ]);
  });
});

describe('access log and provision records', () => {
  it('are written for outside reads and not for the owner’s', async () => {
    const personId = await createPerson(clients.ownerCoordinator, 'logged');
    const consentId = await recordConsent(clients.ownerCoordinator, {
      personId,
      categories: ['IDENTITY', 'CONSULTATION'],
      purposes: ['CASE_CONFERENCE'],
      recipientKinds: ['MUNICIPALITY'],
      method: 'ELECTRONIC',
      ...validity('active'),
    });
    await readPerson(clients.ownerCoordinator, personId);
    await readPerson(clients.ownerStaff, personId);
    expect(await accessCount(personId)).toBe(0);
    const [{ provisions: none }]: Array<{ provisions: number }> = await sql.query(
      `SELECT count(*)::int AS provisions FROM provision_records WHERE person_id = $1`,
      [personId],
    );
    expect(none).toBe(0);

    await readPerson(clients.kindCoordinator, personId, 'CASE_CONFERENCE');
    await readPerson(clients.otherCoordinator, personId, 'CASE_CONFERENCE');
    expect(await accessCount(personId)).toBe(2);

    const log = await clients.ownerCoordinator.request<{
      personAccessLog: { nodes: Array<{ organization: { id: string }; userName: string; categories: string[]; purpose: string; consentIds: string[] }> };
    }>(`query { personAccessLog(personId: "${personId}") { nodes { organization { id } userName categories purpose consentIds } } }`);
    expect(log.body.data!.personAccessLog.nodes).toEqual([
      { organization: { id: network.organizations.other }, userName: 'otherCoordinator', categories: [], purpose: 'CASE_CONFERENCE', consentIds: [] },
      { organization: { id: network.organizations.kind }, userName: 'kindCoordinator', categories: ['IDENTITY', 'CONSULTATION'], purpose: 'CASE_CONFERENCE', consentIds: [consentId] },
    ]);

    const provided = await clients.ownerCoordinator.request<{
      provisionRecords: { nodes: Array<{ recipient: { id: string }; provider: { id: string }; categories: string[]; consentIds: string[]; purpose: string; providerAcquisition: string }> };
    }>(`query { provisionRecords(filter: { side: PROVIDED, personId: "${personId}" }) { nodes { recipient { id } provider { id } categories consentIds purpose providerAcquisition } } }`);
    expect(provided.body.data!.provisionRecords.nodes).toEqual([
      {
        provider: { id: network.organizations.owner },
        recipient: { id: network.organizations.kind },
        categories: ['IDENTITY', 'CONSULTATION'],
        consentIds: [consentId],
        purpose: 'CASE_CONFERENCE',
        providerAcquisition: expect.stringContaining('ELECTRONIC'),
      },
    ]);
    // The recipient keeps the same provision as its confirmation record (Art. 30).
    const received = await clients.kindCoordinator.request<{ provisionRecords: { nodes: Array<{ personId: string }> } }>(
      `query { provisionRecords(filter: { side: RECEIVED }) { nodes { personId } } }`,
    );
    expect(received.body.data!.provisionRecords.nodes.map((node) => node.personId)).toContain(personId);

    // Reading again the same day under the same consent is the same provision, but another access.
    await readPerson(clients.kindCoordinator, personId, 'CASE_CONFERENCE');
    expect(await accessCount(personId)).toBe(3);
    const [{ provisions }]: Array<{ provisions: number }> = await sql.query(
      `SELECT count(*)::int AS provisions FROM provision_records WHERE person_id = $1`,
      [personId],
    );
    expect(provisions).toBe(1);
  });

  it('are the owner’s admins’ and coordinators’ to read, not staff’s or other organisations’', async () => {
    const query = `query { personAccessLog(personId: "${people.active}") { nodes { id } } }`;
    expect(outcome(await clients.ownerAdmin.request(query))).toBe('OK');
    expect(outcome(await clients.ownerStaff.request(query))).toBe('FORBIDDEN');
    expect(outcome(await clients.namedCoordinator.request(query))).toBe('FORBIDDEN');
    expect(outcome(await clients.outsider.request(query))).toBe('NOT_FOUND');
  });
});

describe('the provision gate referrals use', () => {
  it('refuses categories no active consent covers, naming them, and records what it provides', async () => {
    const provision = api.app.get(PersonalDataProvision);
    const dataSource = api.app.get(DataSource);
    const request = {
      tenantId: network.tenantId,
      personId: people.active,
      providerOrganizationId: network.organizations.owner,
      recipient: { organizationId: network.organizations.named, organizationKind: 'NPO' as const },
      purpose: 'REFERRAL' as const,
      context: 'REFERRAL:test',
    };
    const refused = runInTenant(dataSource, network.tenantId, (manager) =>
      provision.provide(manager, { ...request, categories: ['IDENTITY', 'HOUSEHOLD', 'FINANCIAL'] }),
    );
    await expect(refused).rejects.toMatchObject({
      extensions: { code: 'FORBIDDEN', reason: 'CONSENT_REQUIRED' },
      message: expect.stringContaining('Household'),
    });
    const [{ count: before }]: Array<{ count: number }> = await sql.query(
      `SELECT count(*)::int AS count FROM provision_records WHERE context = 'REFERRAL:test'`,
    );
    expect(before).toBe(0);

    const used = await runInTenant(dataSource, network.tenantId, (manager) =>
      provision.provide(manager, { ...request, categories: ['IDENTITY', 'HEALTH'] }),
    );
    expect(used.sort()).toEqual([...consentsByState.active].sort());
    const [row]: Array<{ categories: string[]; consent_ids: string[] }> = await sql.query(
      `SELECT categories, consent_ids FROM provision_records WHERE context = 'REFERRAL:test'`,
    );
    expect(row.categories).toEqual(['IDENTITY', 'HEALTH']);
  });
});

describe('isolation between networks', () => {
  const operations: Array<[string, () => string]> = [
    ['person', () => `{ person(id: "${people.active}", purpose: REFERRAL) { id } }`],
    ['consents', () => `{ consents(personId: "${people.active}") { id } }`],
    ['consentEvidence', () => `{ consentEvidence(consentId: "${consentsByState.active[0]}") { fileName } }`],
    ['personAccessLog', () => `{ personAccessLog(personId: "${people.active}") { nodes { id } } }`],
    ['personCorrections', () => `{ personCorrections(personId: "${people.active}") { id } }`],
    ['personDisclosure', () => `{ personDisclosure(personId: "${people.active}") { json { content } } }`],
    ['provisionRecords', () => `{ provisionRecords(filter: { personId: "${people.active}" }) { nodes { id } } }`],
    ['correctPerson', () => `mutation { correctPerson(id: "${people.active}", input: { contact: null }, reason: "x") { id } }`],
    ['ceasePersonUse', () => `mutation { ceasePersonUse(id: "${people.active}", reason: "x") { id } }`],
    ['erasePerson', () => `mutation { erasePerson(id: "${people.active}", confirmPseudonym: "x") { id } }`],
    ['revokeConsent', () => `mutation { revokeConsent(id: "${consentsByState.active[0]}", reason: "x") { id } }`],
    [
      'recordConsent',
      () =>
        `mutation { recordConsent(input: { personId: "${people.active}", categories: [IDENTITY], purposes: [REFERRAL], recipientKinds: [NPO], method: WRITTEN, validFrom: "2026-01-01T00:00:00Z" }) { id } }`,
    ],
  ];

  it.each(operations)('%s answers NOT_FOUND for another network’s ids, and for ids that are not UUIDs', async (_name, query) => {
    const response = await clients.outsider.request(query());
    if (_name === 'provisionRecords') {
      // A filter, not a lookup: the other network simply has no such records.
      expect(outcome(response)).toBe('OK');
      expect((response.body.data as { provisionRecords: { nodes: unknown[] } }).provisionRecords.nodes).toEqual([]);
    } else {
      expect(outcome(response)).toBe('NOT_FOUND');
    }
    const garbled = query().replaceAll(people.active, 'not-a-uuid').replaceAll(consentsByState.active[0], 'not-a-uuid');
    expect(outcome(await clients.ownerAdmin.request(garbled))).toBe('NOT_FOUND');
  });

  it('left network A exactly as it was', async () => {
    const person = await readPerson(clients.ownerCoordinator, people.active);
    expect(person.status).toBe('ACTIVE');
    expect(outcomeOf(person.contact as Section)).toBe('DISCLOSED');
    const [{ revoked }]: Array<{ revoked: number }> = await sql.query(
      `SELECT count(*)::int AS revoked FROM consents WHERE person_id = $1 AND revoked_at IS NOT NULL`,
      [people.active],
    );
    expect(revoked).toBe(0);
  });
});
