// The queue mail is sent through, shared by the outbox (producer) and the sender (worker).
import type { Queue } from 'pg-boss';
import type { AppConfig } from '../config/config';

export const MAIL_QUEUE = 'mail.send';

/** Only the outbox id travels in the job: the mail itself (with its links) stays in the outbox. */
export interface MailJobData {
  readonly outboxId: string;
}

export function mailQueue(config: AppConfig): Queue {
  return {
    name: MAIL_QUEUE,
    retryLimit: config.mail.retryLimit,
    retryDelay: config.mail.retryDelaySeconds,
    retryBackoff: true,
    // Back-off doubles up to six hours, so 20 retries span about three days of outage.
    retryDelayMax: 6 * 60 * 60,
    // A job waiting to be retried is kept for 30 days (pg-boss deletes older queued jobs).
    retentionSeconds: 30 * 24 * 60 * 60,
    // Longer than the SMTP timeouts below together: an attempt that hangs is retried.
    expireInSeconds: 5 * 60,
  };
}
