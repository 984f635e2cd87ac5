// Referral notifications against the real API, PostgreSQL and a real SMTP server: each event's
// mail arrives once, to the right member in their language, without personal data; an SMTP
// outage delays mail without losing it; preferences (immediately, daily digest, off); and the
// notification centre (mine only, unread count, mark read).
import type { ParsedMail } from 'mailparser';
import { DataSource } from 'typeorm';
import { JobQueue } from '../../apps/api/src/core/jobs/job-queue';
import { REFERRAL_DIGEST_QUEUE, ReferralDigest } from '../../apps/api/src/modules/referrals/referral-digest';
import { outcome, SignedInClient, TestNetwork } from '../support/accounts';
import { RunningApi, waitFor } from '../support/api';
import { APP_BASE_URL, mailJobsOptions, setupApiTest } from '../support/harness';
import { twoNpoNetwork } from '../support/networks';
import { createPerson, dataOf, fullPersonInput, recordConsent } from '../support/people';
import { createReceivingService, createReferral, POST_MESSAGE, transition } from '../support/referrals';
import { TestSmtpServer } from '../support/smtp';

const SECRET = '秘匿マーカーQZ';

const t = setupApiTest({
  ...mailJobsOptions(),
  networks: {
    network: twoNpoNetwork('notify-a', {
      members: { digestB: ['b', ['COORDINATOR']], offB: ['b', ['ORG_ADMIN']], staffB: ['b', ['STAFF']] },
    }),
    other: twoNpoNetwork('notify-other', { names: ['x', 'y'] }),
  },
});
const clients = t.clients;
let smtp: TestSmtpServer, api: RunningApi, sql: DataSource, network: TestNetwork, other: TestNetwork;
let serviceOfB: string;
let personName: string;

const NOTIFICATIONS = `query Notifications($first: Int, $after: String, $unreadOnly: Boolean) {
  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    nodes { id kind referralId counterpartName serviceName createdAt readAt }
    pageInfo { endCursor hasNextPage }
  }
}`;

interface NotificationNode {
  id: string;
  kind: string;
  referralId: string | null;
  counterpartName: string | null;
  serviceName: string | null;
  readAt: string | null;
}

beforeAll(async () => {
  ({ smtp, api, sql, networks: { network, other } } = t);
  // coordinatorB reads English; everyone else Japanese (the default).
  await sql.query(`UPDATE users SET preferred_language = 'en' WHERE id = $1`, [network.members.coordinatorB.userId]);
  serviceOfB = await createReceivingService(clients.coordinatorB, '住まいの相談窓口');

  const preference = `mutation Set($kind: NotificationKind!, $delivery: NotificationDelivery!) {
    setNotificationPreference(kind: $kind, delivery: $delivery) { kind delivery } }`;
  for (const kind of ['REFERRAL_RECEIVED', 'REFERRAL_ESCALATED']) {
    expect(dataOf(await clients.digestB.request(preference, { kind, delivery: 'DAILY_DIGEST' }))).toEqual({
      setNotificationPreference: { kind, delivery: 'DAILY_DIGEST' },
    });
    expect(outcome(await clients.offB.request(preference, { kind, delivery: 'OFF' }))).toBe('OK');
  }
  const input = fullPersonInput(SECRET);
  personName = input.identity.familyName;
}, 90_000);


/** Waits until the outbox has nothing pending, i.e. every mail queued so far went out. */
const outboxDrained = () => t.outboxDrained();

function mailsTo(member: string, since = 0): ParsedMail[] {
  return smtp.mailsTo(network.members[member].email, since);
}

function mailText(mail: ParsedMail): string {
  return `${mail.subject ?? ''}\n${mail.text ?? ''}\n${typeof mail.html === 'string' ? mail.html : ''}`;
}

function expectNoPersonalData(mail: ParsedMail): void {
  const text = mailText(mail);
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain(personName);
  expect(text).not.toContain('花子');
}

async function notificationsOf(member: string, referralId: string): Promise<Array<{ kind: string; mailed_at: Date | null }>> {
  return sql.query(`SELECT kind, mailed_at FROM notifications WHERE membership_id = $1 AND referral_id = $2 ORDER BY created_at, id`, [
    network.members[member].membershipId,
    referralId,
  ]);
}

describe('mail for each referral event', () => {
  it('mails received, message, accepted and completed once each, to the right member, in their language, without personal data', async () => {
    const start = smtp.messages.length;
    const person = await createPerson(clients.coordinatorA, fullPersonInput(SECRET));
    await recordConsent(clients.coordinatorA, {
      personId: person.id,
      categories: ['IDENTITY'],
      purposes: ['REFERRAL'],
      recipientOrganizationIds: [network.organizations.b],
    });
    const sent = await createReferral(clients.coordinatorA, {
      serviceId: serviceOfB,
      personId: person.id,
      sharedCategories: ['IDENTITY'],
      urgency: 'URGENT',
      reason: `理由${SECRET}`,
      notes: `メモ${SECRET}`,
    });
    await outboxDrained();

    // REFERRAL_RECEIVED: the receiving organisation's coordinators and admins, in English for B.
    const received = mailsTo('coordinatorB', start);
    expect(received).toHaveLength(1);
    expect(received[0].subject).toBe(`[Urgent] New referral to 住まいの相談窓口 from notify-a a (Tsunagu)`);
    expect(received[0].text).toContain(`${APP_BASE_URL}/referrals/${sent.id}`);
    expect(received[0].text).toContain('Urgency: Urgent');
    expect(received[0].text).toMatch(/Reply by: .*\(Japan time\)/);
    expectNoPersonalData(received[0]);
    // DAILY_DIGEST and OFF: no mail now, yet the notification is in the app; STAFF are not told.
    expect(mailsTo('digestB', start)).toHaveLength(0);
    expect(mailsTo('offB', start)).toHaveLength(0);
    expect(mailsTo('staffB', start)).toHaveLength(0);
    expect(mailsTo('coordinatorA', start)).toHaveLength(0);
    expect(await notificationsOf('digestB', sent.id)).toEqual([{ kind: 'REFERRAL_RECEIVED', mailed_at: null }]);
    expect(await notificationsOf('offB', sent.id)).toEqual([{ kind: 'REFERRAL_RECEIVED', mailed_at: null }]);
    expect(await notificationsOf('coordinatorB', sent.id)).toEqual([{ kind: 'REFERRAL_RECEIVED', mailed_at: expect.any(Date) }]);
    expect(await notificationsOf('staffB', sent.id)).toEqual([]);

    // REFERRAL_MESSAGE: the sender's side, in Japanese, without the body.
    const message = await clients.coordinatorB.request(
      `mutation Post($id: ID!, $body: String!) { postReferralMessage(id: $id, body: $body) { id } }`,
      { id: sent.id, body: `本文${SECRET}` },
    );
    expect(outcome(message)).toBe('OK');
    await outboxDrained();
    const messageMails = mailsTo('coordinatorA', start);
    expect(messageMails.map((mail) => mail.subject)).toEqual(['【つなぐ】「住まいの相談窓口」の紹介に「notify-a b」から新しいメッセージがあります']);
    expect(messageMails[0].text).toContain('メッセージの内容は画面でご確認ください。');

    // REFERRAL_ACCEPTED and REFERRAL_COMPLETED: the sender.
    expect(outcome(await transition(clients.coordinatorB, sent.id, 'ACCEPT'))).toBe('OK');
    expect(outcome(await transition(clients.coordinatorB, sent.id, 'START'))).toBe('OK');
    expect(outcome(await transition(clients.coordinatorB, sent.id, 'COMPLETE', `結果${SECRET}`))).toBe('OK');
    await outboxDrained();
    const toA = mailsTo('coordinatorA', start);
    expect(toA.map((mail) => mail.subject)).toEqual([
      '【つなぐ】「住まいの相談窓口」の紹介に「notify-a b」から新しいメッセージがあります',
      '【つなぐ】「notify-a b」が「住まいの相談窓口」への紹介を受け入れました',
      '【つなぐ】「住まいの相談窓口」への紹介の支援が完了しました',
    ]);
    for (const mail of toA) {
      expect(mail.text).toContain(`${APP_BASE_URL}/referrals/${sent.id}`);
      expect(mail.html).toContain('<html lang="ja">');
      expectNoPersonalData(mail);
    }
    // Nobody on B's side hears of B's own actions.
    expect(mailsTo('coordinatorB', start)).toHaveLength(1);
    expect(smtp.messages.length - start).toBe(4);
  });

  it('mails the sender once when the referral is declined, without the reason', async () => {
    const start = smtp.messages.length;
    const sent = await createReferral(clients.coordinatorA, { serviceId: serviceOfB, anonymousCase: { ageBand: 'AGE_30_39' } });
    expect(outcome(await transition(clients.coordinatorB, sent.id, 'DECLINE', `断り${SECRET}`))).toBe('OK');
    await outboxDrained();
    const declined = mailsTo('coordinatorA', start);
    expect(declined.map((mail) => mail.subject)).toEqual(['【つなぐ】「notify-a b」が「住まいの相談窓口」への紹介をお断りしました']);
    expect(declined[0].text).toContain('理由は画面でご確認ください。');
    expectNoPersonalData(declined[0]);
    expect(mailsTo('coordinatorB', start)).toHaveLength(1);
    expect(smtp.messages.length - start).toBe(2);
  });
});

describe('through an SMTP outage', () => {
  it('keeps the mail while SMTP is down and delivers it once when the server is back', async () => {
    const restartSmtp = await t.stopSmtp();
    let sentId: string;
    try {
      const sent = await createReferral(clients.coordinatorA, { serviceId: serviceOfB, anonymousCase: { ageBand: 'AGE_40_49' } });
      sentId = sent.id;
      await waitFor(
        async () => {
          const [{ attempts }]: Array<{ attempts: number }> = await sql.query(
            `SELECT coalesce(max(attempts), 0)::int AS attempts FROM mail_outbox WHERE status = 'PENDING'`,
          );
          return attempts >= 2;
        },
        'failed delivery attempts',
        30_000,
      );
      expect(await notificationsOf('coordinatorB', sent.id)).toEqual([{ kind: 'REFERRAL_RECEIVED', mailed_at: expect.any(Date) }]);
    } finally {
      smtp = await restartSmtp();
    }
    await outboxDrained();
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.recipients).toEqual([[network.members.coordinatorB.email]]);
    expect(smtp.messages[0].text).toContain(`${APP_BASE_URL}/referrals/${sentId}`);
  });
});

describe('the daily digest', () => {
  it('sends one digest to each member who chose it, once, and nothing to those who turned mail off', async () => {
    // Notifications for digestB waiting from the tests above (and one more now).
    const sent = await createReferral(clients.coordinatorA, { serviceId: serviceOfB, anonymousCase: { ageBand: 'AGE_50_64' } });
    await outboxDrained();
    const [{ waiting }]: Array<{ waiting: number }> = await sql.query(
      `SELECT count(*)::int AS waiting FROM notifications WHERE membership_id = $1 AND mailed_at IS NULL`,
      [network.members.digestB.membershipId],
    );
    expect(waiting).toBeGreaterThanOrEqual(3);
    const start = smtp.messages.length;

    // The scheduled job itself, through pg-boss, as the cron would run it.
    const boss = api.app.get(JobQueue).instance();
    const jobId = await boss.send(REFERRAL_DIGEST_QUEUE, {});
    await waitFor(async () => {
      const [row]: Array<{ state: string }> = await sql.query(`SELECT state FROM pgboss.job WHERE name = $1 AND id = $2`, [REFERRAL_DIGEST_QUEUE, jobId]);
      return row?.state === 'completed';
    }, 'the digest job to complete');
    await outboxDrained();
    const digests = mailsTo('digestB', start);
    expect(digests).toHaveLength(1);
    expect(digests[0].subject).toBe(`【つなぐ】紹介の通知のまとめ（${waiting}件）`);
    expect(digests[0].text).toContain(`${APP_BASE_URL}/referrals/${sent.id}`);
    expectNoPersonalData(digests[0]);
    expect(mailsTo('offB', start)).toHaveLength(0);
    expect(smtp.messages.length - start).toBe(1);
    const [{ unmailed }]: Array<{ unmailed: number }> = await sql.query(
      `SELECT count(*)::int AS unmailed FROM notifications WHERE membership_id = $1 AND mailed_at IS NULL`,
      [network.members.digestB.membershipId],
    );
    expect(unmailed).toBe(0);

    // Again, twice at once (two replicas): nothing left to send.
    const digest = api.app.get(ReferralDigest);
    expect(await Promise.all([digest.run(), digest.run()])).toEqual([0, 0]);
    await outboxDrained();
    expect(smtp.messages.length - start).toBe(1);
    // OFF: still in the app.
    const [{ off }]: Array<{ off: number }> = await sql.query(`SELECT count(*)::int AS off FROM notifications WHERE membership_id = $1`, [
      network.members.offB.membershipId,
    ]);
    expect(off).toBeGreaterThanOrEqual(3);
  });

  it('is scheduled with pg-boss: the deadlines every minute and the digest at 08:00 Japan time', async () => {
    const rows: Array<{ name: string; cron: string; timezone: string }> = await sql.query(
      `SELECT name, cron, timezone FROM pgboss.schedule WHERE name LIKE 'referrals.%' ORDER BY name`,
    );
    expect(rows).toEqual([
      { name: 'referrals.daily-digest', cron: '0 8 * * *', timezone: 'Asia/Tokyo' },
      { name: 'referrals.deadlines', cron: '* * * * *', timezone: 'UTC' },
    ]);
  });
});

describe('the notification centre', () => {
  const count = async (client: SignedInClient) => dataOf(await client.request<{ unreadNotificationCount: number }>(`{ unreadNotificationCount }`)).unreadNotificationCount;
  const list = async (client: SignedInClient, variables: Record<string, unknown> = {}) =>
    dataOf(await client.request<{ notifications: { nodes: NotificationNode[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } }>(NOTIFICATIONS, variables))
      .notifications;
  const markRead = (client: SignedInClient, ids: string[]) =>
    client.request<{ markNotificationsRead: number }>(`mutation Mark($ids: [ID!]!) { markNotificationsRead(ids: $ids) }`, { ids });

  it('lists mine newest first with the counterpart and service, page by page', async () => {
    const all = await list(clients.coordinatorA, { first: 200 });
    expect(all.nodes.length).toBeGreaterThanOrEqual(4);
    expect(all.nodes[0]).toMatchObject({ kind: 'REFERRAL_DECLINED', counterpartName: 'notify-a b', serviceName: '住まいの相談窓口', readAt: null });
    expect(all.nodes.map((node) => node.kind)).toEqual(expect.arrayContaining(['REFERRAL_MESSAGE', 'REFERRAL_ACCEPTED', 'REFERRAL_COMPLETED']));

    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof list>> = await list(clients.coordinatorA, { first: 1, after });
      seen.push(...page.nodes.map((node) => node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all.nodes.map((node) => node.id));

    // Seen from B, the counterpart is A.
    const ofB = await list(clients.coordinatorB, { first: 1 });
    expect(ofB.nodes[0]).toMatchObject({ kind: 'REFERRAL_RECEIVED', counterpartName: 'notify-a a' });
  });

  it('counts unread, marks read, and only ever touches my own notifications', async () => {
    const before = await count(clients.coordinatorA);
    expect(before).toBeGreaterThanOrEqual(4);
    const unread = (await list(clients.coordinatorA, { unreadOnly: true, first: 200 })).nodes;
    const [first] = unread;
    // The referral's other unread notifications go with it (see the next test), the rest stay.
    const sameReferral = unread.filter((node) => node.referralId === first.referralId).length;
    const second = unread.find((node) => node.referralId !== first.referralId);
    if (!second) throw new Error('coordinatorA needs unread notifications of two referrals');
    expect(dataOf(await markRead(clients.coordinatorA, [first.id, first.id]))).toEqual({ markNotificationsRead: before - sameReferral });
    expect(await count(clients.coordinatorA)).toBe(before - sameReferral);
    expect((await list(clients.coordinatorA, { unreadOnly: true })).nodes.map((node) => node.id)).not.toContain(first.id);

    // Another member's notification, another network's, or no such id: NOT_FOUND, nothing marked.
    const ofB = (await list(clients.coordinatorB)).nodes[0];
    expect(outcome(await markRead(clients.coordinatorA, [second.id, ofB.id]))).toBe('NOT_FOUND');
    expect(await count(clients.coordinatorA)).toBe(before - sameReferral);
    const [{ read_at }]: Array<{ read_at: Date | null }> = await sql.query(`SELECT read_at FROM notifications WHERE id = $1`, [ofB.id]);
    expect(read_at).toBeNull();
    expect(outcome(await markRead(clients.coordinatorX, [second.id]))).toBe('NOT_FOUND');
    expect(outcome(await markRead(clients.coordinatorA, ['00000000-0000-4000-8000-000000000000']))).toBe('NOT_FOUND');
    expect(outcome(await markRead(clients.coordinatorA, ['not-a-uuid']))).toBe('NOT_FOUND');
    expect(await count(clients.coordinatorA)).toBe(before - sameReferral);

    // Another network's member sees none of these.
    expect(await count(clients.coordinatorX)).toBe(0);
    expect((await list(clients.coordinatorX)).nodes).toEqual([]);

    const all = await clients.coordinatorA.request<{ markAllNotificationsRead: number }>(`mutation { markAllNotificationsRead }`);
    expect(dataOf(all)).toEqual({ markAllNotificationsRead: 0 });
    expect(await count(clients.coordinatorA)).toBe(0);
    expect(await count(clients.coordinatorB)).toBeGreaterThan(0);
  });

  it("marks a referral's other unread notifications read with the one opened: mine only, that referral only", async () => {
    const anonymousCase = { ageBand: 'AGE_30_39', gender: 'NOT_STATED', municipalityCode: '13102' };
    const opened = await createReferral(clients.coordinatorA, { serviceId: serviceOfB, anonymousCase });
    const untouched = await createReferral(clients.coordinatorA, { serviceId: serviceOfB, anonymousCase });
    expect(outcome(await clients.coordinatorA.request(POST_MESSAGE, { id: opened.id, body: '確認のご連絡です' }))).toBe('OK');
    const unreadOf = async (member: string, referralId: string) =>
      (
        await sql.query<Array<{ kind: string }>>(
          `SELECT kind FROM notifications WHERE membership_id = $1 AND referral_id = $2 AND read_at IS NULL ORDER BY created_at, id`,
          [network.members[member].membershipId, referralId],
        )
      ).map((row) => row.kind);
    expect(await unreadOf('coordinatorB', opened.id)).toEqual(['REFERRAL_RECEIVED', 'REFERRAL_MESSAGE']);
    expect(await unreadOf('digestB', opened.id)).toContain('REFERRAL_RECEIVED');

    const before = await count(clients.coordinatorB);
    const received = (await list(clients.coordinatorB, { unreadOnly: true, first: 200 })).nodes.find(
      (node) => node.referralId === opened.id && node.kind === 'REFERRAL_RECEIVED',
    );
    expect(dataOf(await markRead(clients.coordinatorB, [received?.id ?? '']))).toEqual({ markNotificationsRead: before - 2 });
    expect(await unreadOf('coordinatorB', opened.id)).toEqual([]);
    // Another referral's notice stays unread, and so do another member's of the same referral.
    expect(await unreadOf('coordinatorB', untouched.id)).toEqual(['REFERRAL_RECEIVED']);
    expect(await unreadOf('digestB', opened.id)).toContain('REFERRAL_RECEIVED');
    // Another network's member cannot reach them.
    expect(outcome(await markRead(clients.coordinatorX, [received?.id ?? '']))).toBe('NOT_FOUND');
  });

  it('lists every kind (referral and training) with defaults, and my choices only', async () => {
    const query = `{ notificationPreferences { kind delivery } }`;
    expect(dataOf(await clients.digestB.request<{ notificationPreferences: unknown }>(query)).notificationPreferences).toEqual([
      { kind: 'REFERRAL_RECEIVED', delivery: 'DAILY_DIGEST' },
      { kind: 'REFERRAL_ACCEPTED', delivery: 'IMMEDIATE' },
      { kind: 'REFERRAL_DECLINED', delivery: 'IMMEDIATE' },
      { kind: 'REFERRAL_COMPLETED', delivery: 'IMMEDIATE' },
      { kind: 'REFERRAL_MESSAGE', delivery: 'IMMEDIATE' },
      { kind: 'REFERRAL_ESCALATED', delivery: 'DAILY_DIGEST' },
      { kind: 'REFERRAL_CATEGORIES_REQUESTED', delivery: 'IMMEDIATE' },
      { kind: 'TRAINING_ASSIGNED', delivery: 'IMMEDIATE' },
      { kind: 'TRAINING_SESSION_PROMOTED', delivery: 'IMMEDIATE' },
    ]);
    const mine = dataOf(await clients.coordinatorA.request<{ notificationPreferences: Array<{ delivery: string }> }>(query));
    expect(mine.notificationPreferences.map((preference) => preference.delivery)).toEqual(Array(9).fill('IMMEDIATE'));
    expect(outcome(await clients.coordinatorA.request(`mutation { setNotificationPreference(kind: REFERRAL_MESSAGE, delivery: NEVER) { kind } }`))).not.toBe('OK');
  });
});
