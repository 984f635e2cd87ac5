// The daily referral digest across networks: one network whose digest fails (its notifications
// refuse to be claimed, as a broken row or a lost lock would) does not stop the digests of the
// networks after it. Real API, PostgreSQL and SMTP; the failure is made in the database itself
// (a trigger on that network's notifications), not by replacing any code.
import type { ParsedMail } from 'mailparser';
import { ReferralDigest } from '../../apps/api/src/modules/referrals/referral-digest';
import { NetworkSpec, TestNetwork } from '../support/accounts';
import { FAST_JOBS_ENV, setupApiTest } from '../support/harness';
import { dataOf } from '../support/people';
import { createReceivingService, createReferral } from '../support/referrals';

/** A network where `sender` can refer to `reader`, who takes referral notifications as a daily digest. */
function digestNetwork(slug: string): NetworkSpec {
  return { slug, organizations: { a: 'NPO', b: 'NPO' }, members: { sender: ['a', ['COORDINATOR']], reader: ['b', ['COORDINATOR']] } };
}

const t = setupApiTest({
  smtp: true,
  env: FAST_JOBS_ENV,
  clients: false,
  timeoutMs: 120_000,
  networks: { 'digest-one': digestNetwork('digest-one'), 'digest-two': digestNetwork('digest-two'), 'digest-three': digestNetwork('digest-three') },
});
/** The three networks in the order the job visits them (by id): the first one breaks. */
let networks: TestNetwork[];

const PREFERENCE = `mutation Set($kind: NotificationKind!, $delivery: NotificationDelivery!) {
  setNotificationPreference(kind: $kind, delivery: $delivery) { kind delivery } }`;

beforeAll(async () => {
  for (const [slug, network] of Object.entries(t.networks)) {
    // Every network has the same member keys, so each gets its own minted clients.
    const sender = await t.client(network.members.sender);
    const reader = await t.client(network.members.reader);
    expect(dataOf(await reader.request(PREFERENCE, { kind: 'REFERRAL_RECEIVED', delivery: 'DAILY_DIGEST' }))).toEqual({
      setNotificationPreference: { kind: 'REFERRAL_RECEIVED', delivery: 'DAILY_DIGEST' },
    });
    const serviceId = await createReceivingService(reader, `${slug} 相談窓口`);
    await createReferral(sender, { serviceId, anonymousCase: { ageBand: 'AGE_50_64' } });
  }
  networks = Object.values(t.networks).sort((left, right) => (left.tenantId < right.tenantId ? -1 : 1));
  await t.outboxDrained();
  t.onClose(() => t.sql.query(`DROP TRIGGER IF EXISTS break_digest ON notifications`).catch(() => undefined));
}, 120_000);

function digestsTo(network: TestNetwork, since: number): ParsedMail[] {
  return t.smtp.mailsTo(network.members.reader.email, since).filter((mail) => mail.subject?.includes('まとめ'));
}

async function unmailed(network: TestNetwork): Promise<number> {
  const [{ count }]: Array<{ count: number }> = await t.sql.query(
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
    await t.sql.query(`CREATE OR REPLACE FUNCTION break_digest() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'digest broken for this test'; END $$`);
    await t.sql.query(`CREATE TRIGGER break_digest BEFORE UPDATE OF mailed_at ON notifications FOR EACH ROW
      WHEN (NEW.tenant_id = '${broken.tenantId}'::uuid) EXECUTE FUNCTION break_digest()`);
    const start = t.smtp.messages.length;
    const digest = t.api.app.get(ReferralDigest);

    const failure = await digest.run().then(
      () => null,
      (error: Error) => error.message,
    );
    await t.outboxDrained();
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
    await t.sql.query(`DROP TRIGGER break_digest ON notifications`);
    const retried = t.smtp.messages.length;
    expect(await digest.run()).toBe(1);
    await t.outboxDrained();
    expect(digestsTo(broken, retried)).toHaveLength(1);
    expect(t.smtp.messages.length - retried).toBe(1);
    expect(await unmailed(broken)).toBe(0);
  });
});
