// Referral deadlines with two API replicas on one database: an unanswered referral is escalated
// once and expired once, however many workers run the deadline job at the same moment — one
// ESCALATE and one EXPIRE on the timeline, one notification per member, one mail each. Time moves
// by overriding the Clock, never by sleeping.
import { DataSource } from 'typeorm';
import { JobQueue } from '../../apps/api/src/core/jobs/job-queue';
import { Clock } from '../../apps/api/src/core/time/clock';
import { REFERRAL_DEADLINES_QUEUE, ReferralDeadlines } from '../../apps/api/src/modules/referrals/referral-deadlines';
import { outcome, SignedInClient, TestNetwork } from '../support/accounts';
import { RunningApi, waitFor } from '../support/api';
import { APP_BASE_URL, mailJobsOptions, mintClient, setupApiTest } from '../support/harness';
import { twoNpoNetwork } from '../support/networks';
import { dataOf } from '../support/people';
import { createReceivingService, createReferral, REFERRAL_DETAIL, transition } from '../support/referrals';
import type { DeliveredMail, TestSmtpServer } from '../support/smtp';

const HOUR = 60 * 60 * 1000;

const t = setupApiTest({
  // Two replicas of the API on the same database, each with its own pg-boss workers and cron.
  replicas: 2,
  ...mailJobsOptions(),
  networks: {
    network: twoNpoNetwork('deadlines-a', { members: { adminB: ['b', ['ORG_ADMIN']], staffB: ['b', ['STAFF']] } }),
    // A second network whose referral is not yet due: the job must leave it alone.
    other: twoNpoNetwork('deadlines-other', { names: ['x', 'y'] }),
  },
  clients: false,
});
const clients: Record<string, SignedInClient> = {};
let smtp: TestSmtpServer, first: RunningApi, second: RunningApi, sql: DataSource, network: TestNetwork;
let serviceOfB: string;

beforeAll(async () => {
  let other: TestNetwork;
  ({ smtp, sql, apis: [first, second], networks: { network, other } } = t);
  await sql.query(`UPDATE users SET preferred_language = 'en' WHERE id = $1`, [network.members.adminB.userId]);
  // Requests reach both replicas: the other network's members use the second.
  for (const key of Object.keys(network.members)) clients[key] = await mintClient(first, network.members[key]);
  for (const key of Object.keys(other.members)) clients[key] = await mintClient(second, other.members[key]);
  serviceOfB = await createReceivingService(clients.coordinatorB, '緊急シェルター');
});

/** Moves the Clock of both replicas (and of every service in them) to `at`. */
function moveClockTo(at: Date): void {
  jest.restoreAllMocks();
  jest.spyOn(Clock.prototype, 'now').mockReturnValue(at);
}

const outboxDrained = () => t.outboxDrained();

/** The timeline's actions (CREATE and SEND share their transaction's timestamp). */
async function eventsOf(referralId: string): Promise<string[]> {
  const rows: Array<{ action: string }> = await sql.query(`SELECT action FROM referral_events WHERE referral_id = $1
      ORDER BY created_at, array_position(ARRAY['CREATE', 'SEND', 'ESCALATE', 'EXPIRE'], action), id`, [referralId]);
  return rows.map((row) => row.action);
}

function mailsAbout(referralId: string, since: number): DeliveredMail[] {
  return smtp.deliveredSince(since).filter(({ mail }) => (mail.text ?? '').includes(`${APP_BASE_URL}/referrals/${referralId}`));
}

/** The deadline job as pg-boss runs it, on each replica at once, several times over. */
async function runEverywhere(): Promise<void> {
  await t.runOnEveryReplicaTwice(ReferralDeadlines, (deadlines) => deadlines.run());
}

it('escalates an unanswered referral once and expires it once, with two workers running', async () => {
  const sent = await createReferral(clients.coordinatorA, {
    serviceId: serviceOfB,
    anonymousCase: { ageBand: 'AGE_18_29' },
    urgency: 'URGENT',
    reason: '理由は秘匿XY',
  });
  const notDue = await createReferral(clients.coordinatorX, { serviceId: await createReceivingService(clients.coordinatorY, '居場所'), anonymousCase: { ageBand: 'UNKNOWN' }, urgency: 'NORMAL' });
  const sentAt = new Date(String(sent.sentAt));
  const dueAt = new Date(String(sent.responseDueAt));
  const expiresAt = new Date(String(sent.expiresAt));
  expect(dueAt.getTime() - sentAt.getTime()).toBe(4 * HOUR);
  expect(expiresAt.getTime() - dueAt.getTime()).toBe(72 * HOUR);
  await outboxDrained();
  const start = smtp.messages.length;

  try {
    // Before the deadline: nothing happens.
    moveClockTo(new Date(dueAt.getTime() - 60_000));
    await runEverywhere();
    expect(await eventsOf(sent.id)).toEqual(['CREATE', 'SEND']);

    // Past the reply deadline: escalated once, whichever worker got there first.
    moveClockTo(new Date(dueAt.getTime() + 60_000));
    await runEverywhere();
    await runEverywhere();
    expect(await eventsOf(sent.id)).toEqual(['CREATE', 'SEND', 'ESCALATE']);
    // The other network's referral is NORMAL (72 h to reply): not due, untouched.
    expect(await eventsOf(notDue.id)).toEqual(['CREATE', 'SEND']);
    const notified: Array<{ membership_id: string; count: number }> = await sql.query(
      `SELECT membership_id, count(*)::int AS count FROM notifications WHERE referral_id = $1 AND kind = 'REFERRAL_ESCALATED' GROUP BY membership_id`,
      [sent.id],
    );
    const members = network.members;
    expect(notified).toHaveLength(3);
    expect(new Set(notified.map((row) => row.membership_id))).toEqual(
      new Set([members.coordinatorA.membershipId, members.coordinatorB.membershipId, members.adminB.membershipId]),
    );
    expect(notified.every((row) => row.count === 1)).toBe(true);

    await outboxDrained();
    const escalationMails = mailsAbout(sent.id, start);
    expect(escalationMails.map(({ recipients }) => recipients).sort()).toEqual(
      [[members.adminB.email], [members.coordinatorA.email], [members.coordinatorB.email]].sort(),
    );
    const mailTo = (email: string) => escalationMails.find(({ to }) => to === email)?.mail;
    const toAdmin = mailTo(members.adminB.email);
    expect(toAdmin?.subject).toBe('[Overdue] The referral to 緊急シェルター has not been answered (Tsunagu)');
    expect(toAdmin?.text).toContain('Other organisation: deadlines-a a');
    const toSender = mailTo(members.coordinatorA.email);
    expect(toSender?.subject).toBe('【つなぐ】【返答期限超過】「緊急シェルター」への紹介にまだ返答がありません');
    expect(toSender?.text).toContain('相手の団体: deadlines-a b');
    for (const { mail } of escalationMails) expect(`${mail.subject}${mail.text}${String(mail.html)}`).not.toContain('秘匿XY');

    // Past the expiry: expired once; the escalation is not repeated.
    moveClockTo(new Date(expiresAt.getTime() + 60_000));
    await runEverywhere();
    await runEverywhere();
    expect(await eventsOf(sent.id)).toEqual(['CREATE', 'SEND', 'ESCALATE', 'EXPIRE']);
    const [row]: Array<{ status: string; closed_at: Date }> = await sql.query(`SELECT status, closed_at FROM referrals WHERE id = $1`, [sent.id]);
    expect(row).toEqual({ status: 'EXPIRED', closed_at: new Date(expiresAt.getTime() + 60_000) });
    const [{ escalations }]: Array<{ escalations: number }> = await sql.query(
      `SELECT count(*)::int AS escalations FROM notifications WHERE referral_id = $1 AND kind = 'REFERRAL_ESCALATED'`,
      [sent.id],
    );
    expect(escalations).toBe(3);
    await outboxDrained();
    expect(mailsAbout(sent.id, start)).toHaveLength(3);
  } finally {
    jest.restoreAllMocks();
  }

  // The receiver can no longer answer; the sender sees EXPIRED on the timeline.
  expect(outcome(await transition(clients.coordinatorB, sent.id, 'ACCEPT'))).toBe('CONFLICT');
  const detail = dataOf(
    await clients.coordinatorA.request<{ referral: { referral: { status: string }; events: Array<{ action: string; toStatus: string }> } }>(
      REFERRAL_DETAIL,
      { id: sent.id },
    ),
  );
  expect(detail.referral.referral.status).toBe('EXPIRED');
  // Sorted: CREATE and SEND share a timestamp, so the timeline may show them either way round.
  expect(detail.referral.events.map((event) => event.action).sort()).toEqual(['CREATE', 'ESCALATE', 'EXPIRE', 'SEND']);
  expect(detail.referral.events.slice(2).map((event) => event.action)).toEqual(['ESCALATE', 'EXPIRE']);
});

it('expires a referral found past both deadlines at once after escalating it, once, through the pg-boss queue on both replicas', async () => {
  const sent = await createReferral(clients.coordinatorA, { serviceId: serviceOfB, anonymousCase: { ageBand: 'AGE_65_74' }, urgency: 'HIGH' });
  await outboxDrained();
  const start = smtp.messages.length;
  try {
    moveClockTo(new Date(new Date(String(sent.expiresAt)).getTime() + HOUR));
    // Jobs on the deadlines queue, as the cron files them; workers of both replicas take them.
    const boss = first.app.get(JobQueue).instance();
    const otherBoss = second.app.get(JobQueue).instance();
    const ids = (await Promise.all([boss.send(REFERRAL_DEADLINES_QUEUE, {}), otherBoss.send(REFERRAL_DEADLINES_QUEUE, {})])).filter(
      (id): id is string => id !== null,
    );
    expect(ids.length).toBeGreaterThanOrEqual(1);
    await waitFor(async () => (await eventsOf(sent.id)).includes('EXPIRE'), 'the referral to expire');
    // Whatever more runs, nothing changes.
    await runEverywhere();
    expect(await eventsOf(sent.id)).toEqual(['CREATE', 'SEND', 'ESCALATE', 'EXPIRE']);
  } finally {
    jest.restoreAllMocks();
  }
  await outboxDrained();
  expect(mailsAbout(sent.id, start).map(({ to }) => to).sort()).toEqual(
    [network.members.adminB.email, network.members.coordinatorA.email, network.members.coordinatorB.email].sort(),
  );
});
