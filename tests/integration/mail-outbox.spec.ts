// Mail goes out through the outbox: written in the transaction of the change that causes it,
// sent by a pg-boss job over real SMTP afterwards. A rolled-back change sends nothing; an SMTP
// outage delays mail without losing it or sending it twice; the application role can only
// write the outbox, never read it back.
import { DataSource } from 'typeorm';
import { JobQueue } from '../../apps/api/src/core/jobs/job-queue';
import { MailOutbox } from '../../apps/api/src/core/mail';
import { MAIL_QUEUE } from '../../apps/api/src/core/mail/mail-queue';
import { runInTenant } from '../../apps/api/src/core/tenancy/tenant-transaction';
import { waitFor } from '../support/api';
import { FAST_JOBS_ENV, setupApiTest } from '../support/harness';

const TENANT = '0a0a0a0a-0000-4000-8000-00000000000a';

const t = setupApiTest({ smtp: true, env: { ...FAST_JOBS_ENV, MAIL_FROM: 'つなぐ <no-reply@tsunagu.example.jp>' } });
let outbox: MailOutbox;
let dataSource: DataSource;

beforeAll(() => {
  outbox = t.api.app.get(MailOutbox);
  dataSource = t.api.app.get(DataSource);
});

function invitation(to: string) {
  return {
    to,
    language: 'ja' as const,
    template: {
      kind: 'invitation' as const,
      inviterName: '山田 花子',
      organizationName: 'NPO法人むすび',
      networkName: '中央区つながりネットワーク',
      acceptUrl: `https://tsunagu.example.jp/invitations/accept?token=${encodeURIComponent(to)}`,
      expiresAt: new Date('2030-04-01T03:00:00Z'),
    },
  };
}

async function outboxRow(id: string) {
  const rows = await t.sql.query(
    'SELECT status, attempts, last_error, message_id, sent_at FROM mail_outbox WHERE id = $1',
    [id],
  );
  return rows[0] as
    | { status: string; attempts: number; last_error: string | null; message_id: string | null; sent_at: Date | null }
    | undefined;
}

async function jobState(id: string): Promise<string | undefined> {
  const rows = await t.sql.query('SELECT state FROM pgboss.job WHERE name = $1 AND id = $2', [MAIL_QUEUE, id]);
  return rows[0]?.state;
}

describe('with an SMTP server up', () => {
  it('sends the mail of a committed transaction exactly once, with a stable Message-ID', async () => {
    const id = await runInTenant(dataSource, TENANT, (manager) => outbox.enqueue(manager, invitation('hanako@example.jp')));

    await waitFor(async () => (await jobState(id)) === 'completed', 'the mail job to complete');
    const mail = t.smtp.messages.find((message) => message.messageId === `<${id}@tsunagu.example.jp>`);
    expect(mail).toBeDefined();
    expect(mail!.subject).toBe('【つなぐ】山田 花子さんから「NPO法人むすび」への招待が届いています');
    expect(mail!.text).toContain('https://tsunagu.example.jp/invitations/accept?token=hanako%40example.jp');
    expect(mail!.html).toContain('href="https://tsunagu.example.jp/invitations/accept?token=hanako%40example.jp"');
    expect(t.smtp.recipients[t.smtp.messages.indexOf(mail!)]).toEqual(['hanako@example.jp']);
    expect(await outboxRow(id)).toMatchObject({
      status: 'SENT',
      attempts: 1,
      last_error: null,
      message_id: `<${id}@tsunagu.example.jp>`,
    });

    // Sending the same job again is a no-op: its id is the outbox id.
    const again = await dataSource.transaction((manager) =>
      t.api.app.get(JobQueue).sendInTransaction(manager, MAIL_QUEUE, { outboxId: id }, { id }),
    );
    expect(again).toBeNull();
    expect(t.smtp.messages.filter((message) => message.messageId === `<${id}@tsunagu.example.jp>`)).toHaveLength(1);
  });

  it('sends nothing, and keeps no outbox row, when the transaction rolls back', async () => {
    const before = t.smtp.messages.length;
    let enqueued: string | undefined;
    await expect(
      runInTenant(dataSource, TENANT, async (manager) => {
        enqueued = await outbox.enqueue(manager, invitation('taro@example.jp'));
        throw new Error('the change failed after the mail was queued');
      }),
    ).rejects.toThrow('the change failed');

    expect(enqueued).toMatch(/^[0-9a-f-]{36}$/);
    expect(await outboxRow(enqueued!)).toBeUndefined();
    expect(await jobState(enqueued!)).toBeUndefined();
    // A committed mail queued afterwards arrives: the rolled-back one would have arrived before it.
    const later = await runInTenant(dataSource, TENANT, (manager) => outbox.enqueue(manager, invitation('jiro@example.jp')));
    await waitFor(async () => (await jobState(later)) === 'completed', 'the later mail job to complete');
    expect(t.smtp.recipients.slice(before)).toEqual([['jiro@example.jp']]);
  });
});

describe('through an SMTP outage', () => {
  it('keeps the mail pending while SMTP is down and delivers it once when it is back', async () => {
    const restartSmtp = await t.stopSmtp();
    const id = await runInTenant(dataSource, TENANT, (manager) => outbox.enqueue(manager, invitation('saburo@example.jp')));

    await waitFor(async () => ((await outboxRow(id))?.attempts ?? 0) >= 2, 'two failed attempts', 30_000);
    const pending = await outboxRow(id);
    expect(pending).toMatchObject({ status: 'PENDING', sent_at: null, message_id: null });
    expect(pending!.last_error).toMatch(/^E[A-Z]+ CONN/);
    expect(await jobState(id)).toMatch(/^(retry|active)$/);

    const smtp = await restartSmtp();
    await waitFor(async () => (await jobState(id)) === 'completed', 'the retried job to complete', 30_000);
    const sent = await outboxRow(id);
    expect(sent).toMatchObject({ status: 'SENT', last_error: null });
    expect(sent!.attempts).toBeGreaterThanOrEqual(3);
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.recipients).toEqual([['saburo@example.jp']]);
  });
});

describe('the application role and the outbox', () => {
  let app: DataSource;

  beforeAll(async () => {
    app = await new DataSource({ type: 'postgres', url: t.database.appUrl }).initialize();
  });

  afterAll(async () => {
    await app?.destroy();
  });

  it('cannot read, change or delete queued mail (bodies carry single-use links)', async () => {
    await expect(app.query('SELECT subject FROM mail_outbox')).rejects.toThrow(/permission denied/);
    await expect(app.query(`UPDATE mail_outbox SET recipient = 'x@example.jp'`)).rejects.toThrow(/permission denied/);
    await expect(app.query('DELETE FROM mail_outbox')).rejects.toThrow(/permission denied/);
    await expect(app.query('TRUNCATE mail_outbox')).rejects.toThrow(/permission denied/);
  });
});
