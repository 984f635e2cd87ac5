// updatePerson — the everyday change of a person's details (a new phone number, a move), against
// the real API and PostgreSQL. It shares correctPerson's one write step (people.service.ts
// replaceCategories): the same owner, role and special-care rules, the same schema and field
// errors, the same consent reading; unlike 訂正 it takes no reason and keeps no correction record,
// and its audit row names the changed fields, never their values.
import { localizedMessage, PERSON_MESSAGES } from '@tsunagu/domain';
import { DataSource, type QueryRunner } from 'typeorm';
import { outcome, reasonOf, TestNetwork } from '../support/accounts';
import { waitFor } from '../support/api';
import { setupApiTest } from '../support/harness';
import { oneOrganizationNetwork, personSharingNetwork } from '../support/networks';
import { createPerson, dataOf, fullPersonInput, PERSON_FIELDS, PersonResult, readPerson, recordConsent } from '../support/people';

const t = setupApiTest({
  networks: {
    network: personSharingNetwork('people-update', {
      staff: ['npo', ['STAFF']],
      trainer: ['npo', ['TRAINER']],
      stranger: ['other', ['ORG_ADMIN', 'COORDINATOR']],
    }),
    otherNetwork: oneOrganizationNetwork('people-update-b', { npo: 'NPO' }, { outsider: ['NETWORK_ADMIN', 'ORG_ADMIN', 'COORDINATOR'] }),
  },
});
const clients = t.clients;
let sql: DataSource;
let network: TestNetwork;

const UPDATE = `mutation Update($id: ID!, $input: PersonInput!) { updatePerson(id: $id, input: $input) { ${PERSON_FIELDS} } }`;
const MARKER = 'UPD7Q';
const input = fullPersonInput(MARKER);

let person: PersonResult;

beforeAll(async () => {
  ({ sql, networks: { network } } = t);
  person = await createPerson(clients.coordinator, input);
  // The hub may read identity and contact for referral; nothing else.
  await recordConsent(clients.coordinator, {
    personId: person.id,
    categories: ['IDENTITY', 'CONTACT'],
    purposes: ['REFERRAL'],
    recipientOrganizationIds: [network.organizations.hub],
  });
});

async function auditRows(action: string): Promise<Array<{ changed_fields: string[]; whole: string }>> {
  return sql.query(
    `SELECT changed_fields, to_jsonb(a)::text AS whole FROM audit_log a WHERE entity = 'Person' AND entity_id = $1 AND action = $2 ORDER BY created_at`,
    [person.id, action],
  );
}

async function correctionCount(): Promise<number> {
  const [{ count }]: Array<{ count: number }> = await sql.query(`SELECT count(*)::int AS count FROM person_corrections WHERE person_id = $1`, [person.id]);
  return count;
}

function update(client: keyof typeof clients, changes: Record<string, unknown>) {
  return clients[client].request<{ updatePerson: PersonResult }>(UPDATE, { id: person.id, input: changes });
}

describe('updatePerson', () => {
  it('changes the values, audits the changed field names only, and keeps no correction record', async () => {
    const response = await update('coordinator', { contact: { ...input.contact, phone: '090-1111-2222', address: `東京都中央区（転居先）${MARKER}` } });
    expect(dataOf(response).updatePerson.contact.values).toMatchObject({ phone: '090-1111-2222', address: `東京都中央区（転居先）${MARKER}` });
    expect((await readPerson(clients.coordinator, person.id)).contact.values?.phone).toBe('090-1111-2222');

    const audit = await auditRows('UPDATED');
    expect(audit.map((row) => row.changed_fields)).toEqual([['contact.address', 'contact.phone']]);
    for (const value of ['090-1111-2222', '03-0000-1234', MARKER]) expect(audit[0].whole).not.toContain(value);
    expect(await correctionCount()).toBe(0);
    expect(await auditRows('CORRECTED')).toEqual([]);
  });

  it('writes nothing when nothing differs', async () => {
    const response = await update('coordinator', { contact: { ...input.contact, phone: '090-1111-2222', address: `東京都中央区（転居先）${MARKER}` } });
    expect(outcome(response)).toBe('OK');
    expect(await auditRows('UPDATED')).toHaveLength(1);
  });

  it('lets staff change ordinary categories, but special-care ones only as correction does (admins and coordinators)', async () => {
    const staffContact = await update('staff', { contact: { ...input.contact, phone: '090-3333-4444', address: `東京都中央区（転居先）${MARKER}` } });
    expect(outcome(staffContact)).toBe('OK');

    const staffHealth = await update('staff', { health: { ...input.health, conditions: `別の病名${MARKER}` } });
    expect(outcome(staffHealth)).toBe('FORBIDDEN');
    expect(reasonOf(staffHealth)).toBe('SPECIAL_CARE_ROLE_REQUIRED');
    const staffCorrection = await clients.staff.request(
      `mutation { correctPerson(id: "${person.id}", input: { health: null }, reason: "x") { id } }`,
    );
    expect(reasonOf(staffCorrection)).toBe('SPECIAL_CARE_ROLE_REQUIRED');
    expect((await readPerson(clients.coordinator, person.id)).health.values?.conditions).toBe(`病名${MARKER}`);

    const coordinatorHealth = await update('coordinator', { health: { ...input.health, conditions: `別の病名${MARKER}` } });
    expect(dataOf(coordinatorHealth).updatePerson.health.values?.conditions).toBe(`別の病名${MARKER}`);
    expect((await auditRows('UPDATED')).at(-1)?.changed_fields).toEqual(['health.conditions']);
  });

  it('refuses invalid input with the schema’s field errors and writes nothing', async () => {
    const before = await auditRows('UPDATED');
    const response = await update('coordinator', { contact: { ...input.contact, phone: 'call me' }, household: { ...input.household, householdSize: -1 } });
    expect(outcome(response)).toBe('BAD_USER_INPUT');
    const fields = response.body.errors?.[0].extensions?.['fields'] as Record<string, { ja: string; en: string }>;
    expect(fields['contact.phone']).toEqual(localizedMessage(PERSON_MESSAGES.phone));
    expect(Object.keys(fields)).toContain('household.householdSize');
    const after = await readPerson(clients.coordinator, person.id);
    expect(after.contact.values?.phone).toBe('090-3333-4444');
    expect(after.household.values?.householdSize).toBe(1);
    expect(await auditRows('UPDATED')).toEqual(before);
  });

  it('is refused to another organisation, roles without case work and another network, as correction is', async () => {
    const change = { contact: { ...input.contact, phone: '090-9999-9999' } };
    expect(outcome(await update('stranger', change))).toBe('FORBIDDEN');
    expect(outcome(await update('hub', change))).toBe('FORBIDDEN');
    expect(outcome(await update('trainer', change))).toBe('FORBIDDEN');
    expect(outcome(await update('outsider', change))).toBe('NOT_FOUND');
    expect(outcome(await clients.coordinator.request(UPDATE, { id: 'not-a-uuid', input: change }))).toBe('NOT_FOUND');
    // correctPerson answers the same to the same people.
    const correct = `mutation C($id: ID!, $input: PersonInput!) { correctPerson(id: $id, input: $input, reason: "x") { id } }`;
    expect(outcome(await clients.stranger.request(correct, { id: person.id, input: change }))).toBe('FORBIDDEN');
    expect(outcome(await clients.outsider.request(correct, { id: person.id, input: change }))).toBe('NOT_FOUND');
    expect((await readPerson(clients.coordinator, person.id)).contact.values?.phone).toBe('090-3333-4444');
  });

  it('never widens what another organisation sees: the consent decides, before and after the change', async () => {
    await update('coordinator', { household: { ...input.household, householdSize: 2 }, consultation: { ...input.consultation, summary: `新しい概要${MARKER}` } });
    const read = await readPerson(clients.hub, person.id, 'REFERRAL');
    expect(read.contact.values?.phone).toBe('090-3333-4444');
    for (const key of ['household', 'consultation', 'health'] as const) {
      expect({ key, access: read[key].access, values: read[key].values }).toEqual({ key, access: 'WITHHELD', values: null });
    }
    const [{ count }]: Array<{ count: number }> = await sql.query(`SELECT count(*)::int AS count FROM consents WHERE person_id = $1`, [person.id]);
    expect(count).toBe(1);
  });

  it('is refused, writing nothing, when the use of the record stops while the change waits for it', async () => {
    const other = await createPerson(clients.coordinator, fullPersonInput(`${MARKER}LOCK`), true);
    // Another transaction stops the use of the record and holds it until it commits.
    const stopping = sql.createQueryRunner();
    await stopping.connect();
    try {
      await stopping.startTransaction();
      await stopping.query(`UPDATE persons SET status = 'USE_CEASED' WHERE id = $1`, [other.id]);
      const change = clients.coordinator.request(UPDATE, { id: other.id, input: { contact: { ...input.contact, phone: '090-5555-6666' } } });
      // The change reaches the record and waits for its lock (not a sleep: the database says so).
      // Without the lock on the header it would read the record as active, wait only at its own
      // UPDATE, change nothing and still be audited as done.
      await waitForLockWait(stopping);
      await stopping.commitTransaction();
      const response = await change;
      expect([outcome(response), reasonOf(response)]).toEqual(['CONFLICT', 'PERSON_NOT_ACTIVE']);
    } finally {
      await stopping.release();
    }
    const [{ count }]: Array<{ count: number }> = await sql.query(`SELECT count(*)::int AS count FROM audit_log WHERE entity = 'Person' AND entity_id = $1 AND action = 'UPDATED'`, [other.id]);
    expect(count).toBe(0);
  });
});

/** Resolves once another session of this database waits for a lock (pg_stat_activity, asked on `runner`'s own connection). */
function waitForLockWait(runner: QueryRunner): Promise<void> {
  return waitFor(async () => {
    const [{ waiting }]: Array<{ waiting: number }> = await runner.query(
      `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'`,
    );
    return waiting > 0;
  }, 'the change to wait for the record');
}
