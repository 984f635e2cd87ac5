// The grants' scheduled jobs with two API replicas on one database and a real SMTP server: the
// automatic close after the application window, the 7-day and 1-day deadline reminders for
// bookmarked listings (also another network's public one), and the saved-search digest — each
// mail exactly once, however many workers run the job at the same moment. Time moves by
// overriding the Clock, never by waiting.
import type { ParsedMail } from 'mailparser';
import { DataSource } from 'typeorm';
import { formatTokyoTime } from '../../apps/api/src/core/mail/templates/mail-format';
import { Clock } from '../../apps/api/src/core/time/clock';
import { GrantJobs } from '../../apps/api/src/modules/grants/grant-jobs';
import type { SignedInClient, TestNetwork } from '../support/accounts';
import { bookmarkGrant, daysFromNow, GRANT_QUERY, publishedGrant, saveGrantSearch, transitionMutation } from '../support/grants';
import { APP_BASE_URL, mailJobsOptions, setupApiTest } from '../support/harness';
import { oneOrganizationNetwork } from '../support/networks';
import { dataOf } from '../support/people';
import type { DeliveredMail, TestSmtpServer } from '../support/smtp';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

const t = setupApiTest({
  // Two replicas of the API on the same database, each with its own pg-boss workers and cron.
  replicas: 2,
  ...mailJobsOptions(),
  networks: {
    a: {
      slug: 'grant-jobs-a',
      organizations: { inter: 'INTERMEDIARY', npo: 'NPO' },
      members: { editor: ['inter', ['GRANT_EDITOR']], npoAdmin: ['npo', ['ORG_ADMIN']], npoStaff: ['npo', ['STAFF']] },
    },
    b: oneOrganizationNetwork('grant-jobs-b', { npoB: 'NPO' }, { npoBAdmin: ['ORG_ADMIN'] }),
  },
});
const c = t.clients;
let smtp: TestSmtpServer, sql: DataSource, a: TestNetwork, b: TestNetwork;

beforeAll(async () => {
  ({ smtp, sql, networks: { a, b } } = t);
  await sql.query(`UPDATE users SET preferred_language = 'en' WHERE id = $1`, [a.members.npoStaff.userId]);
});

afterEach(() => jest.restoreAllMocks());

/** Moves the Clock of both replicas (and of every service in them) to `at`. */
function moveClockTo(at: Date): void {
  jest.restoreAllMocks();
  jest.spyOn(Clock.prototype, 'now').mockReturnValue(at);
}

const outboxDrained = () => t.outboxDrained();

/** A job as pg-boss runs it, on each replica at once, twice over; the results of every run. */
const runEverywhere = <T>(job: (jobs: GrantJobs) => Promise<T>) => t.runOnEveryReplicaTwice(GrantJobs, job);


function mailTo(delivered: DeliveredMail[], email: string): ParsedMail {
  const found = delivered.find(({ to }) => to === email);
  if (!found) throw new Error(`No mail to ${email}`);
  return found.mail;
}

const grantLink = (id: string) => `${APP_BASE_URL}/grants/${id}`;

async function statusOf(client: SignedInClient, id: string): Promise<string> {
  return dataOf(await client.request<{ grant: { status: string } }>(GRANT_QUERY, { id })).grant.status;
}

it('closes a published grant once its window has ended, once, with two workers', async () => {
  const closesAt = new Date(daysFromNow(2));
  const id = await publishedGrant(c.editor, '自動締切テスト助成', { windowClosesAt: closesAt.toISOString() });

  moveClockTo(new Date(closesAt.getTime() - 60_000));
  expect((await runEverywhere((jobs) => jobs.closeEnded())).flat()).not.toContain(id);
  expect(await statusOf(c.editor, id)).toBe('PUBLISHED');

  moveClockTo(new Date(closesAt.getTime() + 60_000));
  const closed = (await runEverywhere((jobs) => jobs.closeEnded())).flat();
  expect(closed.filter((closedId) => closedId === id)).toHaveLength(1);
  expect(await statusOf(c.editor, id)).toBe('CLOSED');
  const [{ count }]: Array<{ count: number }> = await sql.query(
    `SELECT count(*)::int AS count FROM audit_log WHERE entity = 'Grant' AND entity_id = $1 AND action = 'CLOSED_AUTOMATICALLY'`,
    [id],
  );
  expect(count).toBe(1);
});

it('reminds each bookmark 7 days and 1 day before closing, once each, also of another network’s public grant', async () => {
  const closesAt = new Date(Date.now() + 10 * DAY);
  const window = { windowClosesAt: closesAt.toISOString() };
  const own = await publishedGrant(c.editor, '締切通知テスト（ネットワーク内）', window);
  const shared = await publishedGrant(c.editor, '締切通知テスト（公開）', { ...window, visibility: 'PUBLIC' });
  const unbookmarked = await publishedGrant(c.editor, '締切通知テスト（ブックマークなし）', window);
  const closedEarly = await publishedGrant(c.editor, '締切通知テスト（受付終了）', window);
  const late = await publishedGrant(c.editor, '締切通知テスト（直前のブックマーク）', window);
  await bookmarkGrant(c.npoAdmin, own);
  await bookmarkGrant(c.npoAdmin, closedEarly);
  await bookmarkGrant(c.npoStaff, shared);
  // Network B's member follows network A's public listing.
  await bookmarkGrant(c.npoBAdmin, shared);
  dataOf(await c.editor.request(transitionMutation('closeGrant'), { id: closedEarly }));
  await outboxDrained();
  const start = smtp.messages.length;
  const { npoAdmin, npoStaff } = a.members;
  const { npoBAdmin } = b.members;

  try {
    // More than a week before: nothing.
    moveClockTo(new Date(closesAt.getTime() - 8 * DAY));
    expect((await runEverywhere((jobs) => jobs.sendReminders())).reduce((sum, n) => sum + n, 0)).toBe(0);

    // Six days before: the 7-day reminders, once each, whichever worker claimed them.
    moveClockTo(new Date(closesAt.getTime() - 6 * DAY));
    await runEverywhere((jobs) => jobs.sendReminders());
    expect(await runEverywhere((jobs) => jobs.sendReminders())).toEqual([0, 0, 0, 0]);
    await outboxDrained();
    const weekBefore = smtp.deliveredSince(start);
    expect(weekBefore.map(({ to, mail }) => [to, mail.subject]).sort()).toEqual(
      [
        [npoAdmin.email, '【つなぐ】締切7日前：「締切通知テスト（ネットワーク内）」'],
        [npoBAdmin.email, '【つなぐ】締切7日前：「締切通知テスト（公開）」'],
        [npoStaff.email, 'Closing in a week: 締切通知テスト（公開） (Tsunagu)'],
      ].sort(),
    );
    const toB = mailTo(weekBefore, npoBAdmin.email);
    expect(toB.text).toContain(grantLink(shared));
    expect(toB.text).toContain(`締切: ${formatTokyoTime(closesAt, 'ja')}`);
    expect(toB.text).toContain('実施主体: テスト財団');
    const toStaff = mailTo(weekBefore, npoStaff.email);
    expect(toStaff.text).toContain(`Closes: ${formatTokyoTime(closesAt, 'en')}`);

    // Less than a day before: a bookmark made now gets only the 1-day reminder.
    moveClockTo(new Date(closesAt.getTime() - 23 * HOUR));
    await bookmarkGrant(c.npoAdmin, late);
    const middle = smtp.messages.length;
    await runEverywhere((jobs) => jobs.sendReminders());
    expect(await runEverywhere((jobs) => jobs.sendReminders())).toEqual([0, 0, 0, 0]);
    await outboxDrained();
    expect(smtp.deliveredSince(middle).map(({ to, mail }) => [to, mail.subject]).sort()).toEqual(
      [
        [npoAdmin.email, '【つなぐ】締切1日前：「締切通知テスト（ネットワーク内）」'],
        [npoAdmin.email, '【つなぐ】締切1日前：「締切通知テスト（直前のブックマーク）」'],
        [npoBAdmin.email, '【つなぐ】締切1日前：「締切通知テスト（公開）」'],
        [npoStaff.email, 'Closing tomorrow: 締切通知テスト（公開） (Tsunagu)'],
      ].sort(),
    );

    // After the window: closed, and no more reminders.
    moveClockTo(new Date(closesAt.getTime() + 60_000));
    const closed = (await runEverywhere((jobs) => jobs.closeEnded())).flat();
    expect(closed).toEqual(expect.arrayContaining([own, shared, unbookmarked, late]));
    expect(await runEverywhere((jobs) => jobs.sendReminders())).toEqual([0, 0, 0, 0]);
    await outboxDrained();

    // Exactly once each on the SMTP server; nothing for the unbookmarked or closed listing.
    const all = smtp.deliveredSince(start);
    expect(all).toHaveLength(7);
    for (const id of [unbookmarked, closedEarly]) {
      expect(all.filter(({ mail }) => (mail.text ?? '').includes(grantLink(id)))).toEqual([]);
    }
    const sent: Array<{ days_before: number; count: number }> = await sql.query(
      `SELECT days_before, count(*)::int AS count FROM grant_reminders_sent GROUP BY days_before ORDER BY days_before`,
    );
    expect(sent).toEqual([
      { days_before: 1, count: 4 },
      { days_before: 7, count: 3 },
    ]);
  } finally {
    jest.restoreAllMocks();
  }
});

it('mails a saved search’s new matching grants once, in one mail per member, and nothing when there is nothing new', async () => {
  await saveGrantSearch(c.npoAdmin, '子ども食堂', { keywords: '子ども食堂' });
  await saveGrantSearch(c.npoAdmin, '居場所づくり', { keywords: '居場所づくり' });
  await saveGrantSearch(c.npoBAdmin, '子ども食堂（B）', { keywords: '子ども食堂' });
  const closesAt = new Date(daysFromNow(20));
  const window = { windowClosesAt: closesAt.toISOString() };
  const match = await publishedGrant(c.editor, '子ども食堂応援助成', { ...window, visibility: 'PUBLIC', funderName: 'こども未来財団' });
  const both = await publishedGrant(c.editor, '子ども食堂と居場所づくりの助成', window);
  const unrelated = await publishedGrant(c.editor, '農業振興の補助金', { ...window, visibility: 'PUBLIC' });
  await outboxDrained();
  const start = smtp.messages.length;
  const { npoAdmin } = a.members;
  const { npoBAdmin } = b.members;

  try {
    // The next morning's digest, on both replicas at once.
    moveClockTo(new Date(Date.now() + 10 * HOUR));
    await runEverywhere((jobs) => jobs.sendDigests());
    await outboxDrained();
    const digests = smtp.deliveredSince(start);
    expect(digests.map(({ to }) => to).sort()).toEqual([npoAdmin.email, npoBAdmin.email].sort());
    const toA = mailTo(digests, npoAdmin.email);
    expect(toA.subject).toBe('【つなぐ】検索条件に合う新しい助成金情報（3件）');
    expect(toA.text).toContain('■ 検索条件「子ども食堂」');
    expect(toA.text).toContain(`子ども食堂応援助成\n実施主体: こども未来財団\n締切: ${formatTokyoTime(closesAt, 'ja')}`);
    expect(toA.text).toContain('■ 検索条件「居場所づくり」');
    expect(toA.text).toContain(grantLink(match));
    expect(toA.text).toContain(grantLink(both));
    expect(toA.text).not.toContain(grantLink(unrelated));
    // Network B's member sees only the public listing (the other is network-only).
    const toB = mailTo(digests, npoBAdmin.email);
    expect(toB.subject).toBe('【つなぐ】検索条件に合う新しい助成金情報（1件）');
    expect(toB.text).toContain(grantLink(match));
    expect(toB.text).not.toContain(grantLink(both));

    // The next run finds nothing new: no mail.
    moveClockTo(new Date(Date.now() + 34 * HOUR));
    expect(await runEverywhere((jobs) => jobs.sendDigests())).toEqual([0, 0, 0, 0]);

    // A listing published later is mailed on its own.
    jest.restoreAllMocks();
    const later = await publishedGrant(c.editor, '子ども食堂の新規立ち上げ助成', { ...window, visibility: 'PUBLIC' });
    const middle = smtp.messages.length;
    moveClockTo(new Date(Date.now() + 58 * HOUR));
    await runEverywhere((jobs) => jobs.sendDigests());
    expect(await runEverywhere((jobs) => jobs.sendDigests())).toEqual([0, 0, 0, 0]);
    await outboxDrained();
    const next = smtp.deliveredSince(middle);
    expect(next.map(({ to }) => to).sort()).toEqual([npoAdmin.email, npoBAdmin.email].sort());
    for (const { mail } of next) {
      expect(mail.text).toContain(grantLink(later));
      expect(mail.text).not.toContain(grantLink(match));
      expect(mail.subject).toContain('（1件）');
    }
  } finally {
    jest.restoreAllMocks();
  }
});
