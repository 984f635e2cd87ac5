// Password reset requests (issue 18). The request must not tell whether an address has an
// account, not even by its timing, so it does the same constant work for every address: it counts
// the client address (PASSWORD_RESET_MAX_PER_ADDRESS an hour), claims the account's slot (one
// mail per PASSWORD_RESET_INTERVAL_MINUTES, silently), and queues a job. The job finds the
// account, invalidates its earlier links, makes the new one and mails it.
//
// A job payload carries ids only (core/jobs/job-payload.ts), so the address waits for its job in
// password_reset_requests (auth context only); the job deletes the row as it reads it, and rows
// whose job never finished are deleted after a day.
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isPlausibleEmail } from '@tsunagu/domain';
import { randomUUID } from 'node:crypto';
import type { Job, Queue } from 'pg-boss';
import { DataSource, EntityManager } from 'typeorm';
import { secondsUntil } from '../../core/auth/login-backoff';
import { throttledAddress } from '../../core/auth/login-throttle';
import { newSecretToken, throttleKey } from '../../core/auth/secret-tokens';
import { ClientInfo, recordSecurityEvent, storableAddress, storableUserAgent } from '../../core/auth/security-log';
import { tooManyResetRequests } from '../../core/auth/throttle-errors';
import { APP_CONFIG, AppConfig } from '../../core/config/config';
import { queryRows } from '../../core/database/returning';
import { JobQueue } from '../../core/jobs/job-queue';
import { MailOutbox } from '../../core/mail';
import { runInAuthContext } from '../../core/tenancy/tenant-transaction';
import { Clock } from '../../core/time/clock';

export const PASSWORD_RESET_QUEUE = 'accounts.password-reset';
const PASSWORD_RESET_TTL_MINUTES = 60;
const ADDRESS_WINDOW_MS = 60 * 60 * 1000;

export interface PasswordResetJobData {
  readonly requestId: string;
}

function passwordResetQueue(): Queue {
  return { name: PASSWORD_RESET_QUEUE, retryLimit: 5, retryDelay: 10, retryBackoff: true, expireInSeconds: 60 };
}

@Injectable()
export class PasswordResetRequests implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobQueue,
    private readonly mail: MailOutbox,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.jobs.register<PasswordResetJobData>(passwordResetQueue(), (job) => this.handle(job));
  }

  /** `email` normalised. Throws only when the client address has asked too often. */
  async request(email: string, client: ClientInfo): Promise<void> {
    const now = this.clock.now();
    const retryAfterSeconds = await runInAuthContext(this.dataSource, async (manager) => {
      const refusal = await this.countAddress(manager, client.ip, now);
      if (refusal !== null) return refusal;
      if (!isPlausibleEmail(email) || !(await this.claimAccountSlot(manager, email, now))) return null;
      const requestId = randomUUID();
      await manager.query(
        `INSERT INTO password_reset_requests (id, email, ip, user_agent, requested_at) VALUES ($1, $2, $3, $4, $5)`,
        [requestId, email, storableAddress(client.ip), storableUserAgent(client.userAgent), now],
      );
      const data: PasswordResetJobData = { requestId };
      await this.jobs.sendInTransaction(manager, PASSWORD_RESET_QUEUE, data, { id: requestId });
      return null;
    });
    if (retryAfterSeconds !== null) throw tooManyResetRequests(retryAfterSeconds);
  }

  /** One more request from the address this hour; the seconds to wait when it is one too many. */
  private async countAddress(manager: EntityManager, ip: string, now: Date): Promise<number | null> {
    const [row]: Array<{ requests: number; window_started_at: Date }> = await manager.query(
      `INSERT INTO login_throttle AS t (key, failures, window_started_at) VALUES ($1, 1, $2)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN t.window_started_at <= $2::timestamptz - interval '1 hour' THEN 1 ELSE t.failures + 1 END,
         window_started_at = CASE WHEN t.window_started_at <= $2::timestamptz - interval '1 hour' THEN $2 ELSE t.window_started_at END
       RETURNING failures AS requests, window_started_at`,
      [throttleKey('reset-ip', throttledAddress(ip)), now],
    );
    if (!row || row.requests <= this.config.auth.passwordResetMaxPerAddress) return null;
    return secondsUntil(new Date(row.window_started_at.getTime() + ADDRESS_WINDOW_MS), now);
  }

  /** True when no reset was queued for this address in the interval (and now one is). */
  private async claimAccountSlot(manager: EntityManager, email: string, now: Date): Promise<boolean> {
    const claimed = await queryRows(
      manager,
      `INSERT INTO login_throttle AS t (key, failures, window_started_at, next_attempt_at)
       VALUES ($1, 1, $2, $2::timestamptz + make_interval(mins => $3))
       ON CONFLICT (key) DO UPDATE SET failures = t.failures + 1, window_started_at = $2, next_attempt_at = EXCLUDED.next_attempt_at
         WHERE t.next_attempt_at IS NULL OR t.next_attempt_at <= $2
       RETURNING key`,
      [throttleKey('reset-account', email), now, this.config.auth.passwordResetIntervalMinutes],
    );
    return claimed.length > 0;
  }

  /** The job: the account, if the address has one, gets a new link and every earlier one ends. */
  async handle(job: Job<PasswordResetJobData>): Promise<void> {
    await runInAuthContext(this.dataSource, async (manager) => {
      const [request] = await queryRows<{ email: string; ip: string | null; user_agent: string | null }>(
        manager,
        `DELETE FROM password_reset_requests WHERE id = $1 RETURNING email, host(ip) AS ip, user_agent`,
        [job.data.requestId],
      );
      await manager.query(`DELETE FROM password_reset_requests WHERE requested_at < now() - interval '1 day'`);
      if (!request) return;
      const [user]: Array<{ id: string; preferred_language: 'ja' | 'en' }> = await manager.query(
        `SELECT id, preferred_language FROM users WHERE email = $1 AND disabled_at IS NULL`,
        [request.email],
      );
      if (!user) return;
      await manager.query(
        `UPDATE password_resets SET invalidated_at = now() WHERE user_id = $1 AND used_at IS NULL AND invalidated_at IS NULL`,
        [user.id],
      );
      const { token, hash } = newSecretToken();
      const [reset]: Array<{ expires_at: Date }> = await manager.query(
        `INSERT INTO password_resets (user_id, token_hash, expires_at)
         VALUES ($1, $2, now() + make_interval(mins => $3)) RETURNING expires_at`,
        [user.id, hash, PASSWORD_RESET_TTL_MINUTES],
      );
      await this.mail.enqueue(manager, {
        to: request.email,
        language: user.preferred_language,
        template: {
          kind: 'password-reset',
          resetUrl: this.mail.link(`/reset-password?token=${encodeURIComponent(token)}`),
          expiresAt: reset.expires_at,
        },
      });
      await recordSecurityEvent(manager, {
        userId: user.id,
        kind: 'PASSWORD_RESET_REQUESTED',
        client: { ip: request.ip ?? '', userAgent: request.user_agent ?? undefined },
      });
    });
  }
}
