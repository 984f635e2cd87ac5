// Sending mail from the outbox: the worker of the mail.send queue, on every replica.
//
// It reads and updates the outbox through a small pool of its own that connects as the OWNER
// (DATABASE_URL), not through the request pool: the application role may only INSERT outbox
// rows, because their bodies carry single-use links (invitations, password resets) that nothing
// serving requests should be able to read back. Only this worker reads them.
//
// Delivery is at-least-once with duplicates made (nearly) impossible: a SENT row is never sent
// again, the row is locked while it is being sent (a second worker holding the same job after
// an expiry waits, then sees SENT), and every attempt carries the same Message-ID, derived from
// the outbox id, so the one remaining window (SMTP accepted the mail, the process died before
// marking it SENT) yields a duplicate that mail clients can recognise as one.
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import { Pool } from 'pg';
import type { Job } from 'pg-boss';
import { APP_CONFIG, AppConfig } from '../config/config';
import { JobQueue } from '../jobs/job-queue';
import { AppMetrics } from '../metrics/app-metrics';
import { messageIdFor, smtpStatusOf } from './mail-delivery';
import { MAIL_QUEUE, MailJobData, mailQueue } from './mail-queue';

interface OutboxRow {
  id: string;
  recipient: string;
  subject: string;
  text_body: string;
  html_body: string;
  status: 'PENDING' | 'SENT';
}

@Injectable()
export class MailSender implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MailSender.name);
  private readonly transport: Transporter | undefined;
  private pool: Pool | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobQueue,
    metrics: AppMetrics,
  ) {
    metrics.watchPool('mail_sender', () => this.pool);
    this.transport = config.mail.smtpUrl
      ? nodemailer.createTransport({
          url: config.mail.smtpUrl,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 60_000,
        })
      : undefined;
  }

  onModuleInit(): void {
    this.jobs.register<MailJobData>(mailQueue(this.config), (job) => this.send(job));
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.transport) this.logger.warn('SMTP_URL not set: mail is kept in the outbox until it is');
    await this.requeueStranded().catch((error: unknown) =>
      this.logger.error({ err: error }, 'Could not requeue pending mail'),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    // Running jobs still use the pool: close it only once the job queue has stopped.
    await this.jobs.stopped();
    await this.pool?.end();
    this.transport?.close();
  }

  private ownerPool(): Pool {
    if (!this.pool) {
      this.pool = new Pool({
        connectionString: this.config.database.ownerUrl,
        max: 2,
        connectionTimeoutMillis: 3_000,
        idleTimeoutMillis: 30_000,
        application_name: 'tsunagu-mail-sender',
      });
      // An idle connection dropped by the server (restart, failover) must not crash the process;
      // the pool opens a new one on next use.
      this.pool.on('error', (error) => this.logger.warn({ err: error }, 'Mail sender lost a database connection'));
    }
    return this.pool;
  }

  /**
   * Mail whose job is gone (it exhausted its retries, or outlived pg-boss's retention) would sit
   * PENDING forever: give each such row its job again. Sending an existing id is a no-op, and a
   * failed job is put back to retry. Runs at start on every replica; all of it is idempotent.
   */
  private async requeueStranded(): Promise<void> {
    const { rows } = await this.ownerPool().query<{ id: string }>(
      `SELECT id FROM mail_outbox WHERE status = 'PENDING' AND created_at < now() - interval '1 minute' ORDER BY created_at LIMIT 1000`,
    );
    if (!rows.length) return;
    const boss = this.jobs.instance();
    let requeued = 0;
    for (const { id } of rows) {
      const created = await this.jobs.send(MAIL_QUEUE, { outboxId: id } satisfies MailJobData, { id });
      if (created) {
        requeued++;
        continue;
      }
      const [job] = await boss.findJobs(MAIL_QUEUE, { id });
      if (job?.state === 'failed' || job?.state === 'cancelled') {
        await boss.retry(MAIL_QUEUE, id);
        requeued++;
      }
    }
    if (requeued) this.logger.log({ requeued }, 'Pending mail given back to the mail queue');
  }

  /** The job handler: throws to make pg-boss retry with back-off. */
  async send(job: Job<MailJobData>): Promise<void> {
    const id = job.data.outboxId;
    const client = await this.ownerPool().connect();
    let open = false;
    try {
      await client.query('BEGIN');
      open = true;
      // Locked for the attempt, so two workers never send the same row at the same time.
      const { rows } = await client.query<OutboxRow>(
        `SELECT id, recipient, subject, text_body, html_body, status FROM mail_outbox WHERE id = $1 FOR UPDATE`,
        [id],
      );
      const row = rows[0];
      if (!row || row.status === 'SENT') {
        await client.query('COMMIT');
        open = false;
        if (!row) this.logger.warn({ outboxId: id }, 'Mail job without an outbox row: nothing to send');
        return;
      }
      const messageId = messageIdFor(row.id, this.config.mail.from);
      let failure: string | undefined;
      if (!this.transport) {
        failure = 'SMTP_URL not set';
      } else {
        try {
          await this.transport.sendMail({
            from: this.config.mail.from,
            to: row.recipient,
            subject: row.subject,
            text: row.text_body,
            html: row.html_body,
            messageId,
          });
        } catch (error) {
          failure = smtpStatusOf(error);
        }
      }
      if (failure) {
        await client.query(`UPDATE mail_outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [id, failure]);
        await client.query('COMMIT');
        open = false;
        this.logger.warn({ outboxId: id, status: failure }, 'Mail not sent yet; pg-boss will retry');
        throw new Error(`Mail not sent: ${failure}`);
      }
      await client.query(
        `UPDATE mail_outbox
            SET status = 'SENT', sent_at = now(), attempts = attempts + 1, last_error = NULL, message_id = $2
          WHERE id = $1`,
        [id, messageId],
      );
      await client.query('COMMIT');
      open = false;
      this.logger.log({ outboxId: id }, 'Mail sent');
    } catch (error) {
      if (open) await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
