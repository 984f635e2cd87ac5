// Partnership reminders with two API replicas on one database and a real SMTP server: every
// liaison of the municipality 30 and 7 days before a review date (a late run still sends the
// nearest one while the date has not passed), the assignee of an open follow-up the day before
// it is due — each mail exactly once however many workers run the job at the same moment, and
// again after the review date changes. Time moves by overriding the Clock, never by waiting.
import { DataSource } from 'typeorm';
import { Clock } from '../../apps/api/src/core/time/clock';
import { PartnershipReminders } from '../../apps/api/src/modules/partnerships/partnership-reminders';
import type { TestNetwork } from '../support/accounts';
import { APP_BASE_URL, mailJobsOptions, setupApiTest } from '../support/harness';
import {
  COMPLETE_FOLLOW_UP,
  createPartnership,
  japanDay,
  partnershipInput,
  recordMeeting,
  setPartnershipStatus,
  UPDATE_PARTNERSHIP,
} from '../support/partnerships';
import { dataOf } from '../support/people';
import type { TestSmtpServer } from '../support/smtp';


const t = setupApiTest({
  // Two replicas of the API on the same database, each with its own pg-boss workers and cron.
  replicas: 2,
  ...mailJobsOptions(),
  networks: {
    network: {
      slug: 'partnership-reminders',
      organizations: { muni: 'MUNICIPALITY', npo: 'NPO' },
      members: {
        liaison: ['muni', ['LIAISON']],
        liaisonEn: ['muni', ['LIAISON']],
        retired: ['muni', ['LIAISON']],
        clerk: ['muni', ['GRANT_EDITOR']],
        npoAdmin: ['npo', ['ORG_ADMIN']],
      },
    },
    other: {
      slug: 'partnership-reminders-b',
      organizations: { muniB: 'MUNICIPALITY', npoB: 'NPO' },
      members: { liaisonB: ['muniB', ['LIAISON']] },
    },
  },
  clients: (key) => key !== 'retired',
});
const c = t.clients;
let smtp: TestSmtpServer, sql: DataSource, network: TestNetwork, other: TestNetwork;

beforeAll(async () => {
  ({ smtp, sql, networks: { network, other } } = t);
  await sql.query(`UPDATE users SET preferred_language = 'en' WHERE id = $1`, [network.members.liaisonEn.userId]);
  await sql.query(`UPDATE memberships SET disabled_at = now() WHERE id = $1`, [network.members.retired.membershipId]);
});

afterEach(() => jest.restoreAllMocks());

/** Moves the Clock of both replicas to 10:00 in Japan on `day` (YYYY-MM-DD). */
function moveClockToJapanDay(day: string): void {
  jest.restoreAllMocks();
  jest.spyOn(Clock.prototype, 'now').mockReturnValue(new Date(`${day}T10:00:00+09:00`));
}

const outboxDrained = () => t.outboxDrained();

/** The job as pg-boss runs it, on each replica at once, twice over; mails queued per run. */
const runEverywhere = () => t.runOnEveryReplicaTwice(PartnershipReminders, (reminders) => reminders.run());

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/** Runs the job on `day`: it queues `queued` mails once, however often the replicas run; returns them as delivered. */
async function remindOn(day: string, queued: number) {
  const from = smtp.messages.length;
  moveClockToJapanDay(day);
  expect(sum(await runEverywhere())).toBe(queued);
  expect(await runEverywhere()).toEqual([0, 0, 0, 0]);
  await outboxDrained();
  return smtp.deliveredSince(from);
}


const link = (id: string) => `${APP_BASE_URL}/partnerships/${id}`;

it('reminds every active liaison 30 and 7 days before the review, once each; late runs still send; a new date arms it again', async () => {
  const reviewOn = japanDay(40);
  const { id } = await createPartnership(c.liaison, network.organizations.npo, '見守り訪問の委託', { reviewOn });
  const ended = await createPartnership(c.liaison, network.organizations.npo, '終了した連携', { reviewOn });
  await setPartnershipStatus(c.liaison, ended.id, 'ENDED');
  // Another network's partnership with the same review date reminds its own liaison only.
  const foreign = await createPartnership(c.liaisonB, other.organizations.npoB, '別ネットワークの連携', { reviewOn });
  await outboxDrained();
  const start = smtp.messages.length;
  const { liaison, liaisonEn } = network.members;
  const { liaisonB } = other.members;

  // 31 days before: nothing yet.
  moveClockToJapanDay(japanDay(9));
  expect(sum(await runEverywhere())).toBe(0);

  // 25 days before (the job missed the 30th day): the 30-day reminder, once per liaison.
  const month = await remindOn(japanDay(15), 3);
  expect(month.map(({ to, mail }) => [to, mail.subject]).sort()).toEqual(
    [
      [liaison.email, '【つなぐ】連携の見直し日が近づいています：「見守り訪問の委託」'],
      [liaisonEn.email, 'Partnership review due: 見守り訪問の委託 (Tsunagu)'],
      [liaisonB.email, '【つなぐ】連携の見直し日が近づいています：「別ネットワークの連携」'],
    ].sort(),
  );
  const [year, monthOfYear, date] = reviewOn.split('-').map(Number);
  const toLiaison = month.find(({ to }) => to === liaison.email)!.mail;
  expect(toLiaison.text).toContain('連携の見直し日が25日後です。');
  expect(toLiaison.text).toContain(`連携先: partnership-reminders npo\n見直し日: ${year}年${monthOfYear}月${date}日`);
  expect(toLiaison.text).toContain(link(id));
  expect(month.find(({ to }) => to === liaisonB.email)!.mail.text).toContain(link(foreign.id));
  expect(month.some(({ mail }) => (mail.text ?? '').includes(link(ended.id)))).toBe(false);

  // 5 days before (the 7th day missed too): the 7-day reminder only.
  const week = await remindOn(japanDay(35), 3);
  expect(week.map(({ to }) => to).sort()).toEqual([liaison.email, liaisonEn.email, liaisonB.email].sort());
  expect(week.find(({ to }) => to === liaisonEn.email)!.mail.text).toContain('A partnership is due for review in 5 days.');

  // The review date moves two weeks on: the nearest reminder goes out again for the new date.
  jest.restoreAllMocks();
  const moved = japanDay(54);
  dataOf(await c.liaison.request(UPDATE_PARTNERSHIP, { id, input: partnershipInput(network.organizations.npo, '見守り訪問の委託', { reviewOn: moved }) }));
  const again = await remindOn(japanDay(35), 2);
  expect(again.map(({ to }) => to).sort()).toEqual([liaison.email, liaisonEn.email].sort());
  expect(again.find(({ to }) => to === liaison.email)!.mail.text).toContain('連携の見直し日が19日後です。');

  // After the (old) date and on the day itself nothing more; the new date's 7-day mark still waits.
  moveClockToJapanDay(japanDay(41));
  expect(await runEverywhere()).toEqual([0, 0, 0, 0]);
  moveClockToJapanDay(japanDay(48));
  expect(sum(await runEverywhere())).toBe(2);
  await outboxDrained();

  expect(smtp.deliveredSince(start)).toHaveLength(3 + 3 + 2 + 2);
  const claims: Array<{ kind: string; days_before: number; count: number }> = await sql.query(
    `SELECT kind, days_before, count(*)::int AS count FROM partnership_reminders_sent GROUP BY kind, days_before ORDER BY kind, days_before`,
  );
  expect(claims).toEqual([
    { kind: 'REVIEW', days_before: 7, count: 3 },
    { kind: 'REVIEW', days_before: 30, count: 3 },
  ]);
});

it('reminds the assignee of an open follow-up the day before it is due, once', async () => {
  const { id } = await createPartnership(c.liaison, network.organizations.npo, '子ども食堂の協定');
  const dueOn = japanDay(6);
  const recorded = await recordMeeting(c.liaison, id, [
    { description: '会場の鍵を受け取る', dueOn, assigneeMembershipId: network.members.liaisonEn.membershipId },
    { description: '議事録を送る', dueOn, assigneeMembershipId: network.members.clerk.membershipId },
    { description: '担当者なしの対応', dueOn },
  ]);
  const sent = recorded.openFollowUps.find((followUp) => followUp.description === '議事録を送る')!;
  dataOf(await c.liaison.request(COMPLETE_FOLLOW_UP, { id: sent.id, done: true }));
  await outboxDrained();

  moveClockToJapanDay(japanDay(4));
  expect(await runEverywhere()).toEqual([0, 0, 0, 0]);
  const delivered = await remindOn(japanDay(5), 1);
  // On the day itself it was already sent.
  moveClockToJapanDay(dueOn);
  expect(await runEverywhere()).toEqual([0, 0, 0, 0]);

  expect(delivered.map(({ to, mail }) => [to, mail.subject])).toEqual([[network.members.liaisonEn.email, 'Follow-up due: 会場の鍵を受け取る (Tsunagu)']]);
  expect(delivered[0].mail.text).toContain('A partnership follow-up is due in 1 day.');
  expect(delivered[0].mail.text).toContain('Partnership: 子ども食堂の協定 (partnership-reminders npo)');
  expect(delivered[0].mail.text).toContain(link(id));
});
