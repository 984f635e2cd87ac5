// Mail goes out through the outbox: written in the transaction of the change that causes it,
// sent by a pg-boss job over real SMTP afterwards. A rolled-back change sends nothing; an SMTP
// outage delays mail without losing it or sending it twice; the application role can only
// write the outbox, never read it back.
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { JobQueue } from '../../apps/api/src/core/jobs/job-queue';
import { MailOutbox } from '../../apps/api/src/core/mail';
import { MAIL_QUEUE } from '../../apps/api/src/core/mail/mail-queue';
import { runInTenant } from '../../apps/api/src/core/tenancy/tenant-transaction';
import { freePort, RunningApi, startApi, waitFor } from '../support/api';
import { FAST_JOBS_ENV } from '../support/harness';
import { startSmtpServer, TestSmtpServer } from '../support/smtp';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const TENANT = '0a0a0a0a-0000-4000-8000-00000000000a';

let database: TestDatabase;
let owner: Client;

beforeAll(async () => {
  database = await createTestDatabase();
  owner = new Client({ connectionString: database.ownerUrl });
  await owner.connect();
});

afterAll(async () => {
  await owner?.end();
  await database?.drop();
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
  const { rows } = await owner.query(
    'SELECT status, attempts, last_error, message_id, sent_at FROM mail_outbox WHERE id = $1',
    [id],
  );
  return rows[0] as
    | { status: string; attempts: number; last_error: string | null; message_id: string | null; sent_at: Date | null }
    | undefined;
}

async function jobState(id: string): Promise<string | undefined> {
  const { rows } = await owner.query('SELECT state FROM pgboss.job WHERE name = $1 AND id = $2', [MAIL_QUEUE, id]);
  return rows[0]?.state;
}

describe('with an SMTP server up', () => {
  let smtp: TestSmtpServer;
  let api: RunningApi;
  let outbox: MailOutbox;
  let dataSource: DataSource;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    api = await startApi(database, { ...FAST_JOBS_ENV, SMTP_URL: smtp.url, MAIL_FROM: 'つなぐ <no-reply@tsunagu.example.jp>' });
    outbox = api.app.get(MailOutbox);
    dataSource = api.app.get(DataSource);
  });

  afterAll(async () => {
    await api?.close();
    await smtp?.close();
  });

  it('sends the mail of a committed transaction exactly once, with a stable Message-ID', async () => {
    const id = await runInTenant(dataSource, TENANT, (manager) => outbox.enqueue(manager, invitation('hanako@example.jp')));

    await waitFor(async () => (await jobState(id)) === 'completed', 'the mail job to complete');
    const mail = smtp.messages.find((message) => message.messageId === `<${id}@tsunagu.example.jp>`);
    expect(mail).toBeDefined();
    expect(mail!.subject).toBe('【つなぐ】山田 花子さんから「NPO法人むすび」への招待が届いています');
    expect(mail!.text).toContain('https://tsunagu.example.jp/invitations/accept?token=hanako%40example.jp');
    expect(mail!.html).toContain('href="https://tsunagu.example.jp/invitations/accept?token=hanako%40example.jp"');
    expect(smtp.recipients[smtp.messages.indexOf(mail!)]).toEqual(['hanako@example.jp']);
    expect(await outboxRow(id)).toMatchObject({
      status: 'SENT',
      attempts: 1,
      last_error: null,
      message_id: `<${id}@tsunagu.example.jp>`,
    });

    // Sending the same job again is a no-op: its id is the outbox id.
    const again = await dataSource.transaction((manager) =>
      api.app.get(JobQueue).sendInTransaction(manager, MAIL_QUEUE, { outboxId: id }, { id }),
    );
    expect(again).toBeNull();
    expect(smtp.messages.filter((message) => message.messageId === `<${id}@tsunagu.example.jp>`)).toHaveLength(1);
  });

  it('sends nothing, and keeps no outbox row, when the transaction rolls back', async () => {
    const before = smtp.messages.length;
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
    expect(smtp.recipients.slice(before)).toEqual([['jiro@example.jp']]);
  });
});

describe('through an SMTP outage', () => {
  it('keeps the mail pending while SMTP is down and delivers it once when it is back', async () => {
    const port = await freePort();
    const api = await startApi(database, { ...FAST_JOBS_ENV, SMTP_URL: `smtp://127.0.0.1:${port}` });
    let smtp: TestSmtpServer | undefined;
    try {
      const dataSource = api.app.get(DataSource);
      const id = await runInTenant(dataSource, TENANT, (manager) =>
        api.app.get(MailOutbox).enqueue(manager, invitation('saburo@example.jp')),
      );

      await waitFor(async () => ((await outboxRow(id))?.attempts ?? 0) >= 2, 'two failed attempts', 30_000);
      const pending = await outboxRow(id);
      expect(pending).toMatchObject({ status: 'PENDING', sent_at: null, message_id: null });
      expect(pending!.last_error).toMatch(/^E[A-Z]+ CONN/);
      expect(await jobState(id)).toMatch(/^(retry|active)$/);

      smtp = await startSmtpServer(port);
      await waitFor(async () => (await jobState(id)) === 'completed', 'the retried job to complete', 30_000);
      const sent = await outboxRow(id);
      expect(sent).toMatchObject({ status: 'SENT', last_error: null });
      expect(sent!.attempts).toBeGreaterThanOrEqual(3);
      expect(smtp.messages).toHaveLength(1);
      expect(smtp.recipients).toEqual([['saburo@example.jp']]);
    } finally {
      await api.close();
      await smtp?.close();
    }
  });
});

describe('the application role and the outbox', () => {
  let app: DataSource;

  beforeAll(async () => {
    app = await new DataSource({ type: 'postgres', url: database.appUrl }).initialize();
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
