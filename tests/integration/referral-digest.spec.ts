// The daily referral digest across networks: one network whose digest fails (its notifications
// refuse to be claimed, as a broken row or a lost lock would) does not stop the digests of the
// networks after it. Real API, PostgreSQL and SMTP; the failure is made in the database itself
// (a trigger on that network's notifications), not by replacing any code.
import type { ParsedMail } from 'mailparser';
import { DataSource } from 'typeorm';
import { ReferralDigest } from '../../apps/api/src/modules/referrals/referral-digest';
import { createNetwork, signIn, SignedInClient, TestNetwork } from '../support/accounts';
import { RunningApi, startApi, waitFor } from '../support/api';
import { FAST_JOBS_ENV } from '../support/harness';
import { dataOf, superuserConnection } from '../support/people';
import { createReceivingService, createReferral } from '../support/referrals';
import { startSmtpServer, TestSmtpServer } from '../support/smtp';
import { createTestDatabase, TestDatabase } from '../support/test-database';

let database: TestDatabase;
let smtp: TestSmtpServer;
let api: RunningApi;
let sql: DataSource;
/** The three networks in the order the job visits them (by id): the first one breaks. */
let networks: TestNetwork[];

const PREFERENCE = `mutation Set($kind: NotificationKind!, $delivery: NotificationDelivery!) {
  setNotificationPreference(kind: $kind, delivery: $delivery) { kind delivery } }`;

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = await startSmtpServer(0);
  api = await startApi(database, { SMTP_URL: smtp.url, ...FAST_JOBS_ENV });
  sql = await superuserConnection(database);
  const created: TestNetwork[] = [];
  for (const slug of ['digest-one', 'digest-two', 'digest-three']) {
    const network = await createNetwork(database.ownerUrl, {
      slug,
      organizations: { a: 'NPO', b: 'NPO' },
      members: { sender: ['a', ['COORDINATOR']], reader: ['b', ['COORDINATOR']] },
    });
    const sender: SignedInClient = await signIn(api.url, network.members.sender.email);
    const reader: SignedInClient = await signIn(api.url, network.members.reader.email);
    expect(dataOf(await reader.request(PREFERENCE, { kind: 'REFERRAL_RECEIVED', delivery: 'DAILY_DIGEST' }))).toEqual({
      setNotificationPreference: { kind: 'REFERRAL_RECEIVED', delivery: 'DAILY_DIGEST' },
    });
    const serviceId = await createReceivingService(reader, `${slug} 相談窓口`);
    await createReferral(sender, { serviceId, anonymousCase: { ageBand: 'AGE_50_64' } });
    created.push(network);
  }
  networks = created.sort((left, right) => (left.tenantId < right.tenantId ? -1 : 1));
  await outboxDrained();
}, 120_000);

afterAll(async () => {
  await sql?.query(`DROP TRIGGER IF EXISTS break_digest ON notifications`).catch(() => undefined);
  await sql?.destroy();
  await api?.close();
  await smtp?.close();
  await database?.drop();
});

async function outboxDrained(): Promise<void> {
  await waitFor(async () => {
    const [{ pending }]: Array<{ pending: number }> = await sql.query(`SELECT count(*)::int AS pending FROM mail_outbox WHERE status = 'PENDING'`);
    return pending === 0;
  }, 'the mail outbox to drain', 30_000);
}

function digestsTo(network: TestNetwork, since: number): ParsedMail[] {
  return smtp.mailsTo(network.members.reader.email, since).filter((mail) => mail.subject?.includes('まとめ'));
}

async function unmailed(network: TestNetwork): Promise<number> {
  const [{ count }]: Array<{ count: number }> = await sql.query(
    `SELECT count(*)::int AS count FROM notifications WHERE membership_id = $1 AND mailed_at IS NULL`,
    [network.members.reader.membershipId],
  );
  return count;
}

describe('the daily referral digest', () => {
  it("still sends the other networks' digests when one network's digest fails, and sends that one on the retry", async () => {
    const [broken, ...healthy] = networks;
    for (const network of networks) expect(await unmailed(network)).toBe(1);
    // The first network the job visits cannot claim its notifications.
    await sql.query(`CREATE OR REPLACE FUNCTION break_digest() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'digest broken for this test'; END $$`);
    await sql.query(`CREATE TRIGGER break_digest BEFORE UPDATE OF mailed_at ON notifications FOR EACH ROW
      WHEN (NEW.tenant_id = '${broken.tenantId}'::uuid) EXECUTE FUNCTION break_digest()`);
    const start = smtp.messages.length;
    const digest = api.app.get(ReferralDigest);

    const failure = await digest.run().then(
      () => null,
      (error: Error) => error.message,
    );
    await outboxDrained();
    for (const network of healthy) {
      expect(digestsTo(network, start)).toHaveLength(1);
      expect(digestsTo(network, start)[0].subject).toBe('【つなぐ】紹介の通知のまとめ（1件）');
      expect(await unmailed(network)).toBe(0);
    }
    // The broken network's claim rolled back: nothing sent, nothing lost.
    expect(digestsTo(broken, start)).toHaveLength(0);
    expect(await unmailed(broken)).toBe(1);
    // The run fails (so pg-boss retries it) only after every network had its turn.
    expect(failure).toBe('Referral digest failed for 1 network(s)');

    // Mended, the retry sends only what the failed network left.
    await sql.query(`DROP TRIGGER break_digest ON notifications`);
    const retried = smtp.messages.length;
    expect(await digest.run()).toBe(1);
    await outboxDrained();
    expect(digestsTo(broken, retried)).toHaveLength(1);
    expect(smtp.messages.length - retried).toBe(1);
    expect(await unmailed(broken)).toBe(0);
  });
});
