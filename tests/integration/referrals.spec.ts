// Referrals end to end against the real API and PostgreSQL: the life cycle, consent on what is
// shared, the timeline, messages, and isolation.
import { DataSource } from 'typeorm';
import { createNetwork, outcome, signIn, SignedInClient, TestNetwork } from '../support/accounts';
import { RunningApi, startApi } from '../support/api';
import { createPerson, dataOf, fullPersonInput, recordConsent, superuserConnection } from '../support/people';
import { createReceivingService, createReferral, REFERRAL_DETAIL, transition } from '../support/referrals';
import { createTestDatabase, TestDatabase } from '../support/test-database';

let database: TestDatabase;
let api: RunningApi;
let sql: DataSource;
let network: TestNetwork;
const clients: Record<string, SignedInClient> = {};
let serviceOfB: string;

beforeAll(async () => {
  database = await createTestDatabase();
  api = await startApi(database);
  sql = await superuserConnection(database);
  network = await createNetwork(database.ownerUrl, {
    slug: 'referrals-a',
    organizations: { a: 'NPO', b: 'NPO', c: 'SOCIAL_WELFARE_COUNCIL' },
    members: {
      coordinatorA: ['a', ['COORDINATOR']],
      coordinatorB: ['b', ['COORDINATOR']],
      staffB: ['b', ['STAFF']],
      coordinatorC: ['c', ['COORDINATOR']],
    },
  });
  for (const key of Object.keys(network.members)) clients[key] = await signIn(api.url, network.members[key].email);
  serviceOfB = await createReceivingService(clients.coordinatorB, '住まいの相談窓口');
}, 60_000);

afterAll(async () => {
  await sql?.destroy();
  await api?.close();
  await database?.drop();
});

it('runs a referral from sending to completion, with the person shared under consent', async () => {
  const person = await createPerson(clients.coordinatorA, fullPersonInput('flow'));
  await recordConsent(clients.coordinatorA, {
    personId: person.id,
    categories: ['IDENTITY', 'CONTACT'],
    purposes: ['REFERRAL'],
    recipientOrganizationIds: [network.organizations.b],
  });
  const sent = await createReferral(clients.coordinatorA, { serviceId: serviceOfB, personId: person.id, sharedCategories: ['IDENTITY'] });
  expect(sent).toMatchObject({ status: 'SENT', mySides: ['SENDER'], availableActions: ['CANCEL'], sharedCategories: ['IDENTITY'] });

  const seen = dataOf(await clients.coordinatorB.request<{ referral: { referral: { availableActions: string[] }; person: Record<string, { access: string; withheldReason: string | null }> } }>(REFERRAL_DETAIL, { id: sent.id }));
  expect(seen.referral.referral.availableActions).toEqual(['ACCEPT', 'DECLINE', 'FORWARD']);
  expect(seen.referral.person.identity.access).toBe('DISCLOSED');
  expect(seen.referral.person.contact).toMatchObject({ access: 'WITHHELD', withheldReason: 'NOT_SHARED' });

  expect(outcome(await transition(clients.coordinatorB, sent.id, 'ACCEPT'))).toBe('OK');
  expect(outcome(await transition(clients.coordinatorB, sent.id, 'START'))).toBe('OK');
  expect(outcome(await transition(clients.coordinatorB, sent.id, 'COMPLETE'))).toBe('BAD_USER_INPUT');
  const done = await transition(clients.coordinatorB, sent.id, 'COMPLETE', '住まいが決まりました');
  expect(done.body.data!.transitionReferral).toMatchObject({ status: 'COMPLETED', outcome: '住まいが決まりました' });

  const timeline = dataOf(await clients.coordinatorA.request<{ referral: { events: Array<{ action: string; toStatus: string }> } }>(REFERRAL_DETAIL, { id: sent.id }));
  expect(timeline.referral.events.map((event) => `${event.action}→${event.toStatus}`)).toEqual([
    'CREATE→DRAFT',
    'SEND→SENT',
    'ACCEPT→ACCEPTED',
    'START→IN_PROGRESS',
    'COMPLETE→COMPLETED',
  ]);
  const [{ count }]: Array<{ count: number }> = await sql.query(
    `SELECT count(*)::int AS count FROM provision_records WHERE context = $1`,
    [`REFERRAL:${sent.id}`],
  );
  expect(count).toBe(1);
});

it('refuses to share a category no consent covers, naming it, and writes nothing', async () => {
  const person = await createPerson(clients.coordinatorA, fullPersonInput('refused'));
  const response = await clients.coordinatorA.request(
    `mutation { createReferral(input: { serviceId: "${serviceOfB}", personId: "${person.id}", reason: "x", sharedCategories: [CONTACT] }) { id } }`,
  );
  expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'CONSENT_REQUIRED' });
  const [{ count }]: Array<{ count: number }> = await sql.query(`SELECT count(*)::int AS count FROM referrals WHERE person_id = $1`, [person.id]);
  expect(count).toBe(0);
});
