// A person's own requests and what the law asks us to keep, against the real API and
// PostgreSQL (DESIGN.md "Personal data protection"): special-care values are sealed at rest and
// never shown as garbage under a wrong key; the kept records cannot be changed by the
// application role; disclosure returns everything held (JSON and a readable PDF); correction
// is recorded with field names and reason; erasure leaves no personal value in any table while
// the provision records and access log stay under the pseudonym; cessation stops every read;
// the provision-record CSV per person and period for both sides; the duplicate warning; and the
// demo seed read back through the API. The consent matrix itself is people-consent.spec.ts.
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { runInTenant } from '../../apps/api/src/core/tenancy/tenant-transaction';
import { DEMO_NETWORK } from '../../apps/api/src/seed/demo-networks';
import { DEMO_CONSENTS, DEMO_PEOPLE } from '../../apps/api/src/seed/demo-people';
import { outcome, SignedInClient, TestNetwork } from '../support/accounts';
import { startApi, TEST_PERSONAL_DATA_KEY } from '../support/api';
import { setupDemoApiTest, signInDemo } from '../support/demo';
import { mintClient, setupApiTest } from '../support/harness';
import { personSharingNetwork } from '../support/networks';
import {
  createPerson,
  CREATE_PERSON,
  dataOf,
  fullPersonInput,
  PERSON_QUERY,
  PersonResult,
  readPerson,
  recordConsent,
  REVOKE_CONSENT,
  tokyoToday,
} from '../support/people';
import { pdfText } from '../support/pdf';
import type { TestDatabase } from '../support/test-database';

const CATEGORY_KEYS = ['identity', 'contact', 'household', 'health', 'disability', 'financial', 'legal', 'consultation'] as const;

const t = setupApiTest({
  networks: {
    network: personSharingNetwork('people-records', { admin: ['npo', ['ORG_ADMIN']] }),
  },
});
let database: TestDatabase;
let network: TestNetwork;
let owner: DataSource;
let appRole: DataSource;
let sql: DataSource;
let admin: SignedInClient;
let coordinator: SignedInClient;
let hub: SignedInClient;
let stranger: SignedInClient;

const CORRECT = `mutation Correct($id: ID!, $input: PersonInput!, $reason: String!) {
  correctPerson(id: $id, input: $input, reason: $reason) { id contact { values { phone email } } }
}`;
const CEASE = `mutation Cease($id: ID!, $reason: String!) { ceasePersonUse(id: $id, reason: $reason) { id status } }`;
const ERASE = `mutation Erase($id: ID!, $confirm: String!) { erasePerson(id: $id, confirmPseudonym: $confirm) { id status pseudonym } }`;
const CORRECTIONS = `query Corrections($personId: ID!) { personCorrections(personId: $personId) { id fields reason correctedByName } }`;
const DISCLOSURE = `query Disclosure($personId: ID!, $language: String) {
  personDisclosure(personId: $personId, language: $language) {
    json { fileName mediaType content base64 }
    pdf { fileName mediaType content base64 }
  }
}`;
const CSV = `query Csv($filter: ProvisionRecordFilter, $language: String) {
  provisionRecordsCsv(filter: $filter, language: $language) { fileName mediaType content base64 }
}`;
const PROVISIONS = `query Provisions($filter: ProvisionRecordFilter) {
  provisionRecords(filter: $filter) { nodes { id personId personPseudonym purpose categories provider { id } recipient { id } } }
}`;
const ACCESS_LOG = `query Access($personId: ID!) { personAccessLog(personId: $personId) { nodes { id organization { id } categories purpose } } }`;
const DUPLICATES = `query Duplicates($identity: IdentityInput!) { possibleDuplicates(identity: $identity) { id pseudonym status } }`;

beforeAll(async () => {
  ({ database, sql, networks: { network }, clients: { admin, coordinator, hub, stranger } } = t);
  owner = await new DataSource({ type: 'postgres', url: database.ownerUrl, extra: { max: 2 } }).initialize();
  appRole = await new DataSource({ type: 'postgres', url: database.appUrl, extra: { max: 2 } }).initialize();
  t.onClose(() => Promise.all([owner.destroy(), appRole.destroy()]));
});

/** A consent to the hub organisation for referral, for the given categories. */
function consentToHub(personId: string, categories: string[], extra: Record<string, unknown> = {}) {
  return recordConsent(coordinator, {
    personId,
    categories,
    purposes: ['REFERRAL'],
    recipientOrganizationIds: [network.organizations.hub],
    specialCareExplained: categories.some((category) => ['HEALTH', 'DISABILITY', 'LEGAL'].includes(category)),
    ...extra,
  });
}

function withheldEverywhere(person: PersonResult, reason: string) {
  for (const key of CATEGORY_KEYS) {
    expect({ key, access: person[key].access, reason: person[key].withheldReason, values: person[key].values }).toEqual({
      key,
      access: 'WITHHELD',
      reason,
      values: null,
    });
  }
  expect(person.categories.every((category) => category.access === 'WITHHELD' && category.withheldReason === reason)).toBe(true);
}

/** Made by the first test; read again under a wrong key by the last describe. */
let sealedPersonId: string;

describe('special-care values at rest', () => {
  let personId: string;

  beforeAll(async () => {
    personId = (await createPerson(coordinator, fullPersonInput('SEAL7Q'))).id;
    sealedPersonId = personId;
  });

  it('never stores special-care plaintext: the raw row (as the owner role) holds only v1.<keyId>. envelopes', async () => {
    const [row] = await runInTenant(owner, network.tenantId, (manager) =>
      manager.query(`SELECT to_jsonb(p)::text AS whole, health_sealed, disability_sealed, legal_sealed FROM persons p WHERE id = $1`, [personId]),
    );
    for (const plaintext of ['病名SEAL7Q', '服薬SEAL7Q', '病院SEAL7Q', '健康メモSEAL7Q', '等級SEAL7Q', '障害メモSEAL7Q', '犯罪歴SEAL7Q', '被害歴SEAL7Q', '法的メモSEAL7Q']) {
      expect(row.whole).not.toContain(plaintext);
    }
    for (const column of ['health_sealed', 'disability_sealed', 'legal_sealed']) {
      expect(row[column]).toMatch(/^v1\.test-1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    }
    // Ordinary categories are stored as they are (for contrast: the test looks in the right place).
    expect(row.whole).toContain('試験SEAL7Q');
    // And the API gives them back to the coordinator.
    expect((await readPerson(coordinator, personId)).health.values?.conditions).toBe('病名SEAL7Q');
  });
});

describe('the application role and the kept records', () => {
  let personId: string;
  let consentId: string;

  beforeAll(async () => {
    personId = (await createPerson(coordinator, fullPersonInput('KEEP3R'))).id;
    consentId = await consentToHub(personId, ['IDENTITY', 'CONTACT']);
    // An outside read, so the access log and a provision record exist for this person.
    await readPerson(hub, personId, 'REFERRAL');
  });

  /** Runs one statement as the application role in the network; resolves to the error, if any. */
  async function asApp(statement: string, parameters: unknown[] = []): Promise<{ code?: string; message: string } | null> {
    try {
      await runInTenant(appRole, network.tenantId, (manager) => manager.query(statement, parameters));
      return null;
    } catch (error) {
      const failure = error as { code?: string; message: string };
      return { code: failure.code, message: failure.message };
    }
  }

  it('has the records to protect', async () => {
    const [counts] = await sql.query(
      `SELECT (SELECT count(*) FROM person_access_log WHERE person_id = $1)::int AS access,
              (SELECT count(*) FROM provision_records WHERE person_id = $1)::int AS provisions`,
      [personId],
    );
    expect(counts.access).toBeGreaterThan(0);
    expect(counts.provisions).toBeGreaterThan(0);
  });

  it.each([
    ['UPDATE person_access_log SET purpose = NULL WHERE person_id = $1'],
    ['DELETE FROM person_access_log WHERE person_id = $1'],
    ["UPDATE provision_records SET context = 'EDITED' WHERE person_id = $1"],
    ['DELETE FROM provision_records WHERE person_id = $1'],
    ['DELETE FROM persons WHERE id = $1'],
    ['DELETE FROM consents WHERE person_id = $1'],
    ['DELETE FROM person_corrections WHERE person_id = $1'],
  ])('refuses %s (permission denied)', async (statement) => {
    const failure = await asApp(statement, [personId]);
    expect(failure?.code).toBe('42501');
  });

  it('refuses to edit a consent (the trigger), but lets it be revoked once', async () => {
    const edit = await asApp(`UPDATE consents SET categories = ARRAY['IDENTITY','CONTACT','HOUSEHOLD'] WHERE id = $1`, [consentId]);
    expect(edit?.message).toMatch(/consents are never edited/);
    const widen = await asApp(`UPDATE consents SET valid_until = now() + interval '10 years' WHERE id = $1`, [consentId]);
    expect(widen?.message).toMatch(/consents are never edited/);
    const recipients = await asApp(`UPDATE consents SET recipient_organization_ids = ARRAY[$2::uuid] WHERE id = $1`, [
      consentId,
      network.organizations.other,
    ]);
    expect(recipients?.message).toMatch(/consents are never edited/);

    const revoke = await asApp(
      `UPDATE consents SET revoked_at = now(), revoked_by_membership_id = $2, revocation_reason = 'test' WHERE id = $1`,
      [consentId, network.members.coordinator.membershipId],
    );
    expect(revoke).toBeNull();
    const unrevoke = await asApp(
      `UPDATE consents SET revoked_at = NULL, revoked_by_membership_id = NULL, revocation_reason = NULL WHERE id = $1`,
      [consentId],
    );
    expect(unrevoke?.message).toMatch(/a revoked consent stays revoked/);
  });

  it('keeps the rows as they were', async () => {
    const rows = await sql.query(`SELECT purpose, context FROM provision_records WHERE person_id = $1`, [personId]);
    expect(rows).toEqual([{ purpose: 'REFERRAL', context: 'READ' }]);
    const [{ count }] = await sql.query(`SELECT count(*)::int AS count FROM persons WHERE id = $1`, [personId]);
    expect(count).toBe(1);
  });
});

describe('disclosure, correction and the provision CSV', () => {
  let person: PersonResult;
  let consentId: string;
  let specialConsentId: string;

  beforeAll(async () => {
    person = await createPerson(coordinator, fullPersonInput('DSCL5K', { familyName: '開示野', givenName: '光', familyNameKana: 'カイジノ', givenNameKana: 'ヒカル' }));
    consentId = await consentToHub(person.id, ['IDENTITY', 'CONTACT', 'CONSULTATION'], { evidenceNote: '同意書DSCL5K' });
    specialConsentId = await consentToHub(person.id, ['HEALTH']);
    const read = await readPerson(hub, person.id, 'REFERRAL');
    expect(read.identity.access).toBe('DISCLOSED');
    expect(read.health.values?.conditions).toBe('病名DSCL5K');
  });

  it('corrects a value, recording the field names and the reason, and audits field names only', async () => {
    const response = await coordinator.request<{ correctPerson: { contact: { values: { phone: string } } } }>(CORRECT, {
      id: person.id,
      input: { contact: { ...fullPersonInput('DSCL5K').contact, phone: '03-0000-5678' } },
      reason: '電話番号が変わったと本人から連絡DSCL5K',
    });
    expect(dataOf(response).correctPerson.contact.values.phone).toBe('03-0000-5678');
    expect((await readPerson(coordinator, person.id)).contact.values?.phone).toBe('03-0000-5678');

    const corrections = dataOf(await coordinator.request<{ personCorrections: Array<{ fields: string[]; reason: string; correctedByName: string }> }>(CORRECTIONS, { personId: person.id })).personCorrections;
    expect(corrections).toEqual([{ id: expect.any(String), fields: ['contact.phone'], reason: '電話番号が変わったと本人から連絡DSCL5K', correctedByName: 'coordinator' }]);

    const audit: Array<{ action: string; changed_fields: string[]; whole: string }> = await sql.query(
      `SELECT action, changed_fields, to_jsonb(a)::text AS whole FROM audit_log a WHERE entity = 'Person' AND entity_id = $1 AND action = 'CORRECTED'`,
      [person.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].changed_fields).toEqual(['contact.phone']);
    expect(audit[0].whole).not.toContain('03-0000-5678');
    expect(audit[0].whole).not.toContain('03-0000-1234');
    expect(audit[0].whole).not.toContain('DSCL5K');
  });

  it('discloses everything held as JSON: every value, consents, provisions, access log and corrections', async () => {
    const { json, pdf } = dataOf(await coordinator.request<{ personDisclosure: Record<'json' | 'pdf', { content: string; mediaType: string; base64: boolean; fileName: string }> }>(DISCLOSURE, { personId: person.id })).personDisclosure;
    expect(json.mediaType).toBe('application/json');
    expect(json.base64).toBe(false);
    const document = JSON.parse(json.content);
    expect(document.person.pseudonym).toBe(person.pseudonym);
    const expected = fullPersonInput('DSCL5K', { familyName: '開示野', givenName: '光', familyNameKana: 'カイジノ', givenNameKana: 'ヒカル' });
    const held = Object.fromEntries(document.categories.map((entry: { category: string; values: unknown }) => [entry.category, entry.values]));
    expect(Object.keys(held).sort()).toEqual(['CONSULTATION', 'CONTACT', 'DISABILITY', 'FINANCIAL', 'HEALTH', 'HOUSEHOLD', 'IDENTITY', 'LEGAL']);
    for (const key of CATEGORY_KEYS) {
      const values = { ...(expected[key] as Record<string, unknown>), ...(key === 'contact' ? { phone: '03-0000-5678' } : {}) };
      expect({ key, values: held[key.toUpperCase()] }).toEqual({ key, values: expect.objectContaining(values) });
    }
    expect(document.consents.map((consent: { id: string }) => consent.id).sort()).toEqual([consentId, specialConsentId].sort());
    expect(document.consents.find((consent: { id: string }) => consent.id === consentId).evidenceNote).toBe('同意書DSCL5K');
    expect(document.provisions.length).toBeGreaterThanOrEqual(1);
    expect(document.provisions[0]).toMatchObject({ recipientOrganizationName: 'people-records hub', purpose: 'REFERRAL' });
    expect(document.accessLog.length).toBeGreaterThanOrEqual(1);
    expect(document.accessLog[0]).toMatchObject({ organizationName: 'people-records hub', purpose: 'REFERRAL' });
    expect(document.corrections).toEqual([expect.objectContaining({ fields: ['contact.phone'], reason: '電話番号が変わったと本人から連絡DSCL5K' })]);

    expect(pdf.mediaType).toBe('application/pdf');
    expect(pdf.base64).toBe(true);
    const bytes = Buffer.from(pdf.content, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain('開示野');
    expect(text).toContain(person.pseudonym);
    expect(text).toContain('病名DSCL5K');
  });

  it('is not served to staff of another organisation, nor to the recipient', async () => {
    expect(outcome(await hub.request(DISCLOSURE, { personId: person.id }))).toMatch(/FORBIDDEN|NOT_FOUND/);
    expect(outcome(await stranger.request(DISCLOSURE, { personId: person.id }))).toMatch(/FORBIDDEN|NOT_FOUND/);
  });

  it('exports the provision as CSV per person and period, for the provider and (as received) the recipient only', async () => {
    const today = tokyoToday();
    const csvOf = async (client: SignedInClient, filter: Record<string, unknown>) => {
      const file = dataOf(await client.request<{ provisionRecordsCsv: { content: string; mediaType: string; base64: boolean; fileName: string } }>(CSV, { filter, language: 'ja' })).provisionRecordsCsv;
      expect(file.base64).toBe(false);
      expect(file.mediaType).toMatch(/^text\/csv/);
      expect(file.content.startsWith('\uFEFF')).toBe(true);
      const lines = file.content.slice(1).split('\r\n').filter(Boolean);
      expect(lines[0]).toBe('提供日,提供元,提供先,本人（仮名ID）,項目,目的,同意ID,取得の経緯');
      return { file, rows: lines.slice(1) };
    };

    const provided = await csvOf(coordinator, { personId: person.id, from: today, to: today, side: 'PROVIDED' });
    expect(provided.file.fileName).toBe(`provision-records-provided-${today}_${today}.csv`);
    expect(provided.rows).toHaveLength(1);
    expect(provided.rows[0]).toContain('people-records npo');
    expect(provided.rows[0]).toContain('people-records hub');
    expect(provided.rows[0]).toContain(person.pseudonym);
    expect(provided.rows[0]).toContain(consentId);
    expect(provided.rows[0]).toContain(specialConsentId);
    expect(provided.rows[0]).not.toContain('開示野');

    const received = await csvOf(hub, { personId: person.id, from: today, to: today, side: 'RECEIVED' });
    expect(received.rows).toHaveLength(1);
    expect(received.rows[0]).toContain(person.pseudonym);
    expect(received.rows[0]).toContain('people-records npo');
    // The hub provided nothing about this person.
    expect((await csvOf(hub, { personId: person.id, side: 'PROVIDED' })).rows).toEqual([]);
    // Another period has none.
    expect((await csvOf(coordinator, { personId: person.id, from: tokyoToday(1), side: 'PROVIDED' })).rows).toEqual([]);
    expect((await csvOf(coordinator, { personId: person.id, to: tokyoToday(-1), side: 'PROVIDED' })).rows).toEqual([]);
    // Another organisation sees neither side.
    for (const side of ['PROVIDED', 'RECEIVED']) {
      expect((await csvOf(stranger, { personId: person.id, side })).rows).toEqual([]);
      const list = dataOf(await stranger.request<{ provisionRecords: { nodes: unknown[] } }>(PROVISIONS, { filter: { side } })).provisionRecords;
      expect(list.nodes).toEqual([]);
    }
    // The list agrees with the CSV.
    const list = dataOf(await hub.request<{ provisionRecords: { nodes: Array<{ personId: string; provider: { id: string } }> } }>(PROVISIONS, { filter: { personId: person.id, side: 'RECEIVED' } })).provisionRecords;
    expect(list.nodes).toEqual([expect.objectContaining({ personId: person.id, provider: { id: network.organizations.npo } })]);
  });

  it('rejects a malformed date', async () => {
    expect(outcome(await coordinator.request(CSV, { filter: { from: '2026/01/01' } }))).toBe('BAD_USER_INPUT');
  });
});

describe('erasure', () => {
  const MARK = 'ERZ9W';
  const distinctive = {
    familyName: '消去野',
    givenName: '澄香',
    familyNameKana: 'ショウキョノ',
    givenNameKana: 'スミカ',
    birthDate: '1961-07-19',
    oldPhone: '03-0000-9875',
    phone: '03-0000-9876',
    email: `${MARK.toLowerCase()}@example.jp`,
    health: `病名${MARK}`,
    consultationNotes: `相談メモ${MARK}`,
    correctionReason: `訂正理由RT${MARK}`,
    evidenceNote: `同意書保管EV${MARK}`,
    revocationReason: `撤回理由RV${MARK}`,
  };
  let person: PersonResult;

  beforeAll(async () => {
    const input = fullPersonInput(MARK, {
      familyName: distinctive.familyName,
      givenName: distinctive.givenName,
      familyNameKana: distinctive.familyNameKana,
      givenNameKana: distinctive.givenNameKana,
      birthDate: distinctive.birthDate,
    });
    person = await createPerson(coordinator, { ...input, contact: { ...input.contact, phone: distinctive.oldPhone } });
    await consentToHub(person.id, ['IDENTITY', 'CONTACT', 'CONSULTATION'], { evidenceNote: distinctive.evidenceNote });
    await consentToHub(person.id, ['HEALTH'], { evidenceNote: distinctive.evidenceNote });
    const revocable = await consentToHub(person.id, ['HOUSEHOLD'], { evidenceNote: distinctive.evidenceNote });
    dataOf(await coordinator.request(REVOKE_CONSENT, { id: revocable, reason: distinctive.revocationReason }));
    dataOf(
      await coordinator.request(CORRECT, {
        id: person.id,
        input: { contact: { ...input.contact, phone: distinctive.phone } },
        reason: distinctive.correctionReason,
      }),
    );
    const read = await readPerson(hub, person.id, 'REFERRAL');
    expect(read.identity.values?.familyName).toBe(distinctive.familyName);
    expect(read.health.values?.conditions).toBe(distinctive.health);
    // Disclosure before erasure, so its audit entry exists too.
    dataOf(await coordinator.request(DISCLOSURE, { personId: person.id }));
  });

  /** Every row of every table in every schema of the database, as text, that mentions a value. */
  async function occurrences(values: string[]): Promise<Array<{ table: string; value: string }>> {
    const tables: Array<{ schema: string; name: string }> = await sql.query(
      `SELECT n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
        ORDER BY 1, 2`,
    );
    expect(tables.map((table) => table.name)).toEqual(
      expect.arrayContaining(['persons', 'consents', 'person_access_log', 'provision_records', 'person_corrections', 'audit_log']),
    );
    const found: Array<{ table: string; value: string }> = [];
    for (const table of tables) {
      const rows: Array<{ row: string }> = await sql.query(`SELECT t::text AS row FROM "${table.schema}"."${table.name}" t`);
      for (const { row } of rows) {
        for (const value of values) if (row.includes(value)) found.push({ table: `${table.schema}.${table.name}`, value });
      }
    }
    return found;
  }

  it('finds the values before erasure (the scan looks in the right places)', async () => {
    const found = await occurrences([distinctive.familyNameKana, distinctive.phone, distinctive.evidenceNote, distinctive.revocationReason, distinctive.correctionReason]);
    expect(new Set(found.map((hit) => hit.table))).toEqual(new Set(['public.persons', 'public.consents', 'public.person_corrections']));
  });

  it('refuses without the right pseudonym, and to a coordinator', async () => {
    expect(outcome(await admin.request(ERASE, { id: person.id, confirm: 'P-WRONG' }))).toBe('BAD_USER_INPUT');
    expect(outcome(await coordinator.request(ERASE, { id: person.id, confirm: person.pseudonym }))).toBe('FORBIDDEN');
  });

  it('removes every personal value from every table, keeping the provision records and access log under the pseudonym', async () => {
    const erased = dataOf(await admin.request<{ erasePerson: { status: string; pseudonym: string } }>(ERASE, { id: person.id, confirm: person.pseudonym })).erasePerson;
    expect(erased).toMatchObject({ status: 'ERASED', pseudonym: person.pseudonym });

    const found = await occurrences([
      distinctive.familyName,
      distinctive.givenName,
      distinctive.familyNameKana,
      distinctive.givenNameKana,
      distinctive.oldPhone,
      distinctive.phone,
      distinctive.email,
      distinctive.health,
      distinctive.consultationNotes,
      distinctive.correctionReason,
      distinctive.evidenceNote,
      distinctive.revocationReason,
      // Every other value this person had: all carry the marker (the search key normalises it to lower case).
      MARK,
      MARK.toLowerCase(),
    ]);
    expect(found).toEqual([]);

    const [kept] = await sql.query(
      `SELECT (SELECT count(*) FROM provision_records WHERE person_id = $1)::int AS provisions,
              (SELECT count(*) FROM person_access_log WHERE person_id = $1)::int AS access,
              (SELECT count(*) FROM consents WHERE person_id = $1)::int AS consents,
              (SELECT count(*) FROM person_corrections WHERE person_id = $1)::int AS corrections,
              (SELECT pseudonym FROM persons WHERE id = $1) AS pseudonym`,
      [person.id],
    );
    expect(kept.provisions).toBeGreaterThan(0);
    expect(kept.access).toBeGreaterThan(0);
    expect(kept.consents).toBe(3);
    expect(kept.corrections).toBe(1);
    expect(kept.pseudonym).toBe(person.pseudonym);

    // The recipient still finds its confirmation record, naming the pseudonym.
    const received = dataOf(await hub.request<{ provisionRecords: { nodes: Array<{ personId: string; personPseudonym: string }> } }>(PROVISIONS, { filter: { personId: person.id, side: 'RECEIVED' } })).provisionRecords;
    expect(received.nodes[0]).toMatchObject({ personId: person.id, personPseudonym: person.pseudonym });
    const log = dataOf(await coordinator.request<{ personAccessLog: { nodes: unknown[] } }>(ACCESS_LOG, { personId: person.id })).personAccessLog;
    expect(log.nodes.length).toBeGreaterThan(0);
  });

  it('reads as ERASED with every category withheld, for the owner and the former recipient', async () => {
    for (const client of [admin, coordinator]) {
      const read = await readPerson(client, person.id);
      expect(read.status).toBe('ERASED');
      withheldEverywhere(read, 'ERASED');
    }
    const outside = await readPerson(hub, person.id, 'REFERRAL');
    withheldEverywhere(outside, 'ERASED');
    const corrections = dataOf(await coordinator.request<{ personCorrections: Array<{ fields: string[]; reason: string | null }> }>(CORRECTIONS, { personId: person.id })).personCorrections;
    expect(corrections).toEqual([expect.objectContaining({ fields: ['contact.phone'], reason: null })]);
  });

  it('is idempotent, and nothing can be written to the erased person', async () => {
    expect(dataOf(await admin.request<{ erasePerson: { status: string } }>(ERASE, { id: person.id, confirm: person.pseudonym })).erasePerson.status).toBe('ERASED');
    expect(outcome(await coordinator.request(CORRECT, { id: person.id, input: { contact: { phone: '03-0000-1111' } }, reason: 'x' }))).toBe('CONFLICT');
  });
});

describe('cessation of use', () => {
  let personId: string;

  beforeAll(async () => {
    personId = (await createPerson(coordinator, fullPersonInput('CEAS8D'))).id;
    await consentToHub(personId, ['IDENTITY', 'CONTACT']);
    expect((await readPerson(hub, personId, 'REFERRAL')).identity.access).toBe('DISCLOSED');
  });

  it('is for org admins only', async () => {
    expect(outcome(await coordinator.request(CEASE, { id: personId, reason: '本人の申し出' }))).toBe('FORBIDDEN');
  });

  it('withholds every category for everyone, the owner too, with USE_CEASED', async () => {
    expect(dataOf(await admin.request<{ ceasePersonUse: { status: string } }>(CEASE, { id: personId, reason: '本人の申し出により利用停止' })).ceasePersonUse.status).toBe('USE_CEASED');
    for (const client of [admin, coordinator]) {
      const read = await readPerson(client, personId);
      expect(read.status).toBe('USE_CEASED');
      withheldEverywhere(read, 'USE_CEASED');
    }
    withheldEverywhere(await readPerson(hub, personId, 'REFERRAL'), 'USE_CEASED');
  });

  it('refuses corrections and new consents with CONFLICT, but the values stay held for disclosure', async () => {
    const correction = await coordinator.request(CORRECT, { id: personId, input: { contact: { phone: '03-0000-2222' } }, reason: '訂正' });
    expect(outcome(correction)).toBe('CONFLICT');
    expect(correction.body.errors?.[0]?.extensions?.['reason']).toBe('PERSON_NOT_ACTIVE');
    const consent = await coordinator.request(`mutation R($input: ConsentInput!) { recordConsent(input: $input) { id } }`, {
      input: { personId, categories: ['IDENTITY'], purposes: ['REFERRAL'], recipientOrganizationIds: [network.organizations.hub], method: 'WRITTEN', validFrom: new Date().toISOString() },
    });
    expect(outcome(consent)).toBe('CONFLICT');
    const disclosure = dataOf(await coordinator.request<{ personDisclosure: { json: { content: string } } }>(DISCLOSURE, { personId })).personDisclosure;
    expect(JSON.parse(disclosure.json.content).person.status).toBe('USE_CEASED');
    expect(disclosure.json.content).toContain('病名CEAS8D');
  });
});

describe('the duplicate warning', () => {
  const identity = { familyName: '山之内', givenName: '葉菜', familyNameKana: 'ヤマノウチ', givenNameKana: 'ハナ', birthDate: '1987-03-15' };

  it('answers CONFLICT POSSIBLE_DUPLICATE for the same kana (katakana vs spaced hiragana) and birth date, until acknowledged', async () => {
    const first = await createPerson(coordinator, { identity });
    const again = { identity: { ...identity, familyName: '山内', familyNameKana: 'やまの うち', givenNameKana: 'は な' } };

    const refused = await coordinator.request(CREATE_PERSON, { input: again });
    expect(outcome(refused)).toBe('CONFLICT');
    expect(refused.body.errors?.[0]?.extensions?.['reason']).toBe('POSSIBLE_DUPLICATE');
    expect(refused.body.errors?.[0]?.message).toContain(first.pseudonym);

    const duplicates = dataOf(await coordinator.request<{ possibleDuplicates: Array<{ id: string; pseudonym: string; status: string }> }>(DUPLICATES, { identity: again.identity })).possibleDuplicates;
    expect(duplicates).toEqual([{ id: first.id, pseudonym: first.pseudonym, status: 'ACTIVE' }]);

    const second = await createPerson(coordinator, again, true);
    expect(second.id).not.toBe(first.id);
    expect(second.identity.values?.familyNameKana).toBe('やまの うち');
    const both = dataOf(await coordinator.request<{ possibleDuplicates: Array<{ id: string }> }>(DUPLICATES, { identity })).possibleDuplicates;
    expect(both.map((duplicate) => duplicate.id)).toEqual([first.id, second.id]);
  });

  it('does not warn for another birth date, nor across organisations', async () => {
    const other = await createPerson(coordinator, { identity: { ...identity, birthDate: '1987-03-16' } });
    expect(other.status).toBe('ACTIVE');
    const elsewhere = await createPerson(stranger, { identity });
    expect(elsewhere.status).toBe('ACTIVE');
  });
});

describe('the demo seed', () => {
  const demo = setupDemoApiTest({ seedTwice: true });

  it('gives the coordinator the demo people, sealed values readable through the API, once each', async () => {
    const client = await signInDemo(demo.api.url, 'coordinator');
    const own = DEMO_PEOPLE.filter((person) => person.organizationId === DEMO_NETWORK.organizations[1].id);
    const list = dataOf(await client.request<{ people: { nodes: Array<{ id: string }> } }>(`{ people(first: 50) { nodes { id } } }`)).people;
    expect(list.nodes.map((node) => node.id).sort()).toEqual(own.map((person) => person.id).sort());

    const aoki = await readPerson(client, DEMO_PEOPLE[0].id);
    expect(aoki.identity.values).toMatchObject({ familyName: '青木', familyNameKana: 'アオキ' });
    expect(aoki.health.values).toMatchObject({ conditions: DEMO_PEOPLE[0].input.health?.conditions });

    const searched = dataOf(await client.request<{ people: { nodes: Array<{ id: string }> } }>(`{ people(search: "あおき") { nodes { id } } }`)).people;
    expect(searched.nodes.map((node) => node.id)).toEqual([DEMO_PEOPLE[0].id]);

    const [ceased] = DEMO_PEOPLE.filter((person) => person.useCeased);
    withheldEverywhere(await readPerson(client, ceased.id), 'USE_CEASED');

    const consents = dataOf(await client.request<{ consents: Array<{ id: string; state: string }> }>(
      `query C($id: ID!) { consents(personId: $id) { id state } }`,
      { id: DEMO_PEOPLE[3].id },
    )).consents;
    expect(consents).toEqual([{ id: DEMO_CONSENTS[4].id, state: 'REVOKED' }]);

    // The person the support centre shares with こもれび.
    const shared = dataOf(await client.request<{ sharedPeople: { nodes: Array<{ id: string }> } }>(`{ sharedPeople(purpose: REFERRAL) { nodes { id } } }`)).sharedPeople;
    expect(shared.nodes.map((node) => node.id)).toEqual([DEMO_PEOPLE[10].id]);
  });

  it('discloses the separate health consent to the support centre for referral, and holds each person once', async () => {
    const centre = await signInDemo(demo.api.url, 'admin');
    const aoki = await readPerson(centre, DEMO_PEOPLE[0].id, 'REFERRAL');
    expect(aoki.health.access).toBe('DISCLOSED');
    expect(aoki.health.consentId).toBe(DEMO_CONSENTS[1].id);
    expect(aoki.household).toMatchObject({ access: 'WITHHELD', withheldReason: 'CATEGORY_NOT_COVERED' });
    const [{ count }] = await demo.sql.query(`SELECT count(*)::int AS count FROM persons WHERE tenant_id = $1`, [DEMO_NETWORK.id]);
    expect(count).toBe(DEMO_PEOPLE.length);
  });
});

// Last, with the demo seed before it: both start a second API in this process, and passport
// keeps one 'jwt' strategy per process (the last app created wins). Once a second API closes,
// the first one's clients no longer verify, so nothing after these may use `t.api`.
describe('special-care values under a wrong key', () => {
  it('under a different key with the same id, reading answers a clear INTERNAL error, never garbage', async () => {
    let otherKey = randomBytes(32);
    while (otherKey.equals(TEST_PERSONAL_DATA_KEY)) otherKey = randomBytes(32);
    const wrongKeyApi = await startApi(database, { PERSONAL_DATA_KEYS: `test-1:${otherKey.toString('base64')}` });
    try {
      const client = await mintClient(wrongKeyApi, network.members.coordinator);
      const response = await client.request<{ person: PersonResult }>(PERSON_QUERY, { id: sealedPersonId, purpose: null });
      expect(response.body.data?.person ?? null).toBeNull();
      const [error] = response.body.errors ?? [];
      expect(error.extensions?.['code']).toBe('INTERNAL');
      expect(error.extensions?.['reason']).toBe('PERSONAL_DATA_KEY_MISMATCH');
      expect(error.message).toMatch(/PERSONAL_DATA_KEYS/);
      expect(error.message).toMatch(/復号できません|cannot be decrypted/);
      expect(JSON.stringify(response.body)).not.toContain('SEAL7Q');
    } finally {
      await wrongKeyApi.close();
    }
  });
});
