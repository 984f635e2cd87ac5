// What background jobs carry, against the real API, PostgreSQL, pg-boss and an SMTP server (issue
// 14, finding 10). pg-boss's tables have no row-level security and the application role reads and
// writes them in full — pg-boss needs that to fetch and settle jobs — so the guarantee is in what
// goes in: ids and codes only (core/jobs/job-payload.ts). This test enumerates every queue the
// code works, runs real flows that send each of them a job (referral mail with free text, an
// invitation, a password reset, every scheduled job), and finds no personal value in any payload
// or result. The mail outbox does hold addresses and rendered mail: the application role cannot
// read it at all, in any network.
import { DataSource } from 'typeorm';
import { JobQueue } from '../../apps/api/src/core/jobs/job-queue';
import { personalValueIn } from '../../apps/api/src/core/jobs/job-payload';
import { outcome, TestNetwork } from '../support/accounts';
import { RunningApi, waitFor } from '../support/api';
import { FAST_JOBS_ENV, setupApiTest } from '../support/harness';
import { oneOrganizationNetwork } from '../support/networks';
import { createPerson, dataOf, fullPersonInput, recordConsent } from '../support/people';
import { createReceivingService, createReferral, transition } from '../support/referrals';
import { TestSmtpServer } from '../support/smtp';
import { TestDatabase } from '../support/test-database';

const SECRET = 'ジョブ秘匿QX';
const INVITEE = `invitee.${SECRET.length}qx@example.jp`;

/** Every queue the code registers: a new one fails this test until its payloads are checked here too. */
const QUEUES = [
  'accounts.password-reset',
  'grants.auto-close',
  'grants.deadline-reminders',
  'grants.saved-search-digest',
  'mail.send',
  'partnerships.reminders',
  'referrals.daily-digest',
  'referrals.deadlines',
  'search.readings',
  'security-log.retention',
];
/** pg-boss's own queues (its cron sender): their jobs name our queues, and are checked for personal values too. */
const isPgBossOwn = (name: string) => name.startsWith('__pgboss__');
/** The queues requests send to; every other queue is sent to by cron only (its schedule carries no data). */
const SENT_BY_REQUESTS = ['accounts.password-reset', 'mail.send'];
const SCHEDULED = QUEUES.filter((queue) => !SENT_BY_REQUESTS.includes(queue));

const t = setupApiTest({
  smtp: true,
  env: FAST_JOBS_ENV,
  networks: {
    network: {
      slug: 'jobs-a',
      organizations: { a: 'NPO', b: 'NPO' },
      members: { coordinatorA: ['a', ['COORDINATOR', 'ORG_ADMIN']], coordinatorB: ['b', ['COORDINATOR']] },
    },
    other: oneOrganizationNetwork('jobs-other', { x: 'NPO' }, { adminX: ['ORG_ADMIN'] }),
  },
});
let database: TestDatabase, smtp: TestSmtpServer, api: RunningApi, sql: DataSource, network: TestNetwork, other: TestNetwork;
const clients = t.clients;
let personalValues: string[];

beforeAll(async () => {
  ({ database, smtp, api, sql, networks: { network, other } } = t);
  const person = fullPersonInput(SECRET);
  personalValues = [
    SECRET,
    person.identity.familyName,
    '花子',
    person.contact.email,
    INVITEE,
    network.members.coordinatorA.email,
    network.members.coordinatorB.email,
    other.members.adminX.email,
  ];
}, 90_000);

const outboxDrained = () => t.outboxDrained();

describe('job payloads', () => {
  it('go to the queues the code registers, and to no other', async () => {
    const rows: Array<{ name: string }> = await sql.query(`SELECT name FROM pgboss.queue ORDER BY name`);
    expect(rows.map((row) => row.name).filter((name) => !isPgBossOwn(name))).toEqual(QUEUES);
    const schedules: Array<{ name: string; data: unknown }> = await sql.query(`SELECT name, data FROM pgboss.schedule ORDER BY name`);
    expect(schedules.map((row) => row.name)).toEqual(SCHEDULED);
    for (const schedule of schedules) expect({ name: schedule.name, data: schedule.data }).toEqual({ name: schedule.name, data: null });
  });

  it('carry ids and codes only, through real flows with names, addresses and free text, in every queue', async () => {
    // A referral with a person and free text: received, message, accepted, completed (mail each).
    const serviceOfB = await createReceivingService(clients.coordinatorB, '住まいの相談窓口');
    const person = await createPerson(clients.coordinatorA, fullPersonInput(SECRET));
    await recordConsent(clients.coordinatorA, {
      personId: person.id,
      categories: ['IDENTITY', 'CONTACT'],
      purposes: ['REFERRAL'],
      recipientOrganizationIds: [network.organizations.b],
    });
    const sent = await createReferral(clients.coordinatorA, {
      serviceId: serviceOfB,
      personId: person.id,
      sharedCategories: ['IDENTITY', 'CONTACT'],
      urgency: 'URGENT',
      reason: `理由${SECRET}`,
      notes: `メモ${SECRET}`,
    });
    expect(outcome(await clients.coordinatorB.request(`mutation P($id: ID!, $body: String!) { postReferralMessage(id: $id, body: $body) { id } }`, { id: sent.id, body: `本文${SECRET}` }))).toBe('OK');
    expect(outcome(await transition(clients.coordinatorB, sent.id, 'ACCEPT'))).toBe('OK');
    expect(outcome(await transition(clients.coordinatorB, sent.id, 'START'))).toBe('OK');
    expect(outcome(await transition(clients.coordinatorB, sent.id, 'COMPLETE', `結果${SECRET}`))).toBe('OK');
    // An invitation to an address, and a password reset.
    dataOf(await clients.coordinatorA.request(`mutation I($input: InviteMemberInput!) { inviteMember(input: $input) { id } }`, { input: { email: INVITEE, roles: ['STAFF'] } }));
    expect(outcome(await clients.coordinatorA.request(`mutation R($email: String!) { requestPasswordReset(email: $email) }`, { email: network.members.coordinatorB.email }))).toBe('OK');
    await t.queueDrained('accounts.password-reset');
    await outboxDrained();
    expect(smtp.messages.length).toBeGreaterThanOrEqual(5);

    // Every scheduled job, once, as its cron would send it.
    const boss = api.app.get(JobQueue).instance();
    const ids: string[] = [];
    for (const queue of SCHEDULED) ids.push((await boss.send(queue, null)) as string);
    await waitFor(async () => {
      const rows: Array<{ state: string }> = await sql.query(`SELECT state FROM pgboss.job WHERE id = ANY($1::uuid[])`, [ids]);
      return rows.length === ids.length && rows.every((row) => row.state === 'completed');
    }, 'every scheduled job to complete', 30_000);

    const jobs: Array<{ name: string; data: unknown; output: unknown }> = await sql.query(`SELECT name, data, output FROM pgboss.job ORDER BY created_on`);
    // Each queue was sent at least one job by these flows.
    expect([...new Set(jobs.map((job) => job.name))].filter((name) => !isPgBossOwn(name)).sort()).toEqual(QUEUES);
    expect(jobs.filter((job) => job.name === 'mail.send').length).toBeGreaterThanOrEqual(5);
    for (const job of jobs) {
      if (!isPgBossOwn(job.name)) expect({ queue: job.name, problem: personalValueIn(job.data) }).toEqual({ queue: job.name, problem: null });
      const stored = JSON.stringify([job.data, job.output]);
      for (const value of personalValues) expect({ queue: job.name, holds: stored.includes(value) ? value : null }).toEqual({ queue: job.name, holds: null });
    }
    // The mail itself did carry them (so the check above looked for values that really travelled).
    const [{ outbox }]: Array<{ outbox: string }> = await sql.query(`SELECT string_agg(recipient || ' ' || text_body, ' ') AS outbox FROM mail_outbox`);
    expect(outbox).toContain(INVITEE);
    expect(outbox).toContain(network.members.coordinatorB.email);
  });

  it('cannot be sent with a personal value: the queue refuses it before it is stored', async () => {
    const queue = api.app.get(JobQueue);
    const before: Array<{ count: number }> = await sql.query(`SELECT count(*)::int AS count FROM pgboss.job WHERE name = 'referrals.deadlines'`);
    await expect(queue.send('referrals.deadlines', { email: network.members.coordinatorA.email })).rejects.toThrow(/ids and codes only/);
    const after: Array<{ count: number }> = await sql.query(`SELECT count(*)::int AS count FROM pgboss.job WHERE name = 'referrals.deadlines'`);
    expect(after[0].count).toBe(before[0].count);
  });
});

describe('the mail outbox', () => {
  it('holds addresses and rendered mail that the application role cannot read, in its own network or another', async () => {
    const app = await new DataSource({ type: 'postgres', url: database.appUrl, extra: { max: 1 } }).initialize();
    try {
      for (const tenantId of [network.tenantId, other.tenantId, null]) {
        const attempt = app.transaction(async (manager) => {
          if (tenantId) await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
          return manager.query(`SELECT recipient, text_body FROM mail_outbox`);
        });
        await expect(attempt).rejects.toThrow(/permission denied/);
      }
      await expect(app.query(`UPDATE mail_outbox SET recipient = 'x@example.jp'`)).rejects.toThrow(/permission denied/);
      await expect(app.query(`DELETE FROM mail_outbox`)).rejects.toThrow(/permission denied/);
    } finally {
      await app.destroy();
    }
  });
});
