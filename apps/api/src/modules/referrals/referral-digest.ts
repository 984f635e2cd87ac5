// The daily digest: at 08:00 Japan time, one mail to each member listing the referral
// notifications they chose to receive once a day (DAILY_DIGEST) and that no mail has covered yet.
//
// Exactly once with several replicas: pg-boss files one job per occurrence, and the mail is
// decided by an UPDATE … WHERE mailed_at IS NULL RETURNING that claims the notifications, in the
// same transaction that queues the mail. A second run at the same moment waits on the first's row
// locks, then finds them mailed and claims nothing.
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { ReferralNotificationKind } from '@tsunagu/domain';
import { dailyMailQueue, failIfAnyNetworkFailed } from '../../core/jobs/for-each-network';
import { NetworkJobs } from '../../core/jobs/network-jobs';
import { MailOutbox } from '../../core/mail';
import type { MailLanguage, ReferralNoticeFacts } from '../../core/mail';
import { Clock } from '../../core/time/clock';
import { noticeFacts, REFERRAL_MAIL_COLUMNS, REFERRAL_MAIL_JOINS, ReferralMailRow } from './referral-notifier';

export const REFERRAL_DIGEST_QUEUE = 'referrals.daily-digest';

const DIGEST_QUEUE = dailyMailQueue(REFERRAL_DIGEST_QUEUE);

/**
 * Notifications older than this are left out of a digest. A member who had mail OFF and later
 * chooses the digest is not sent weeks of old notices; a day or two of job outage is covered.
 */
const DIGEST_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

interface ClaimedRow extends ReferralMailRow {
  readonly membership_id: string;
  readonly kind: ReferralNotificationKind;
  readonly organization_id: string;
  readonly email: string;
  readonly language: MailLanguage;
  readonly mailable: boolean;
}

@Injectable()
export class ReferralDigest implements OnModuleInit {
  private readonly logger = new Logger(ReferralDigest.name);

  constructor(
    private readonly jobs: NetworkJobs,
    private readonly outbox: MailOutbox,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.jobs.schedule(DIGEST_QUEUE, { cron: '0 8 * * *', tz: 'Asia/Tokyo' }, () => this.run());
  }

  /**
   * Sends every network's digests; returns how many digest mails were queued. A network whose
   * digest fails does not hold up the others; the run then fails so pg-boss retries it, and the
   * retry mails only what the failed network left unclaimed.
   */
  async run(): Promise<number> {
    const job = { name: 'Referral digest', logger: this.logger, summary: 'Referral digests queued' };
    const pass = await this.jobs.queueMails(job, (tenantId) => this.runFor(tenantId));
    failIfAnyNetworkFailed(job, pass);
    return pass.mails;
  }

  /** One network's digests, in one transaction: claimed notifications and their mail commit together. */
  async runFor(tenantId: string): Promise<number> {
    return this.jobs.inNetwork(tenantId, async (manager) => {
      const now = this.clock.now();
      const rows: ClaimedRow[] = await manager.query(
        `WITH claimed AS (
           UPDATE notifications n SET mailed_at = $2
            WHERE n.tenant_id = $1 AND n.mailed_at IS NULL AND n.created_at >= $3 AND n.referral_id IS NOT NULL
              AND EXISTS (SELECT 1 FROM notification_preferences p
                           WHERE p.tenant_id = n.tenant_id AND p.membership_id = n.membership_id AND p.kind = n.kind
                             AND p.delivery = 'DAILY_DIGEST')
           RETURNING n.id, n.membership_id, n.kind, n.referral_id, n.created_at)
         SELECT c.membership_id, c.kind, m.organization_id, u.email, u.preferred_language AS language,
                (u.disabled_at IS NULL AND m.disabled_at IS NULL) AS mailable, ${REFERRAL_MAIL_COLUMNS}
           FROM claimed c
           JOIN memberships m ON m.tenant_id = $1 AND m.id = c.membership_id
           JOIN users u ON u.id = m.user_id
           JOIN referrals r ON r.tenant_id = $1 AND r.id = c.referral_id
           ${REFERRAL_MAIL_JOINS}
          ORDER BY c.membership_id, c.created_at, c.id`,
        [tenantId, now, new Date(now.getTime() - DIGEST_WINDOW_MS)],
      );
      const byMember = new Map<string, { first: ClaimedRow; items: ReferralNoticeFacts[] }>();
      for (const row of rows) {
        if (!row.mailable) continue;
        const entry = byMember.get(row.membership_id) ?? { first: row, items: [] };
        entry.items.push(noticeFacts(row.kind, row, row.organization_id, this.outbox));
        byMember.set(row.membership_id, entry);
      }
      const digests = [...byMember.values()].map(({ first, items }) => ({ email: first.email, language: first.language, items }));
      return this.outbox.enqueueEach(manager, digests, ({ items }) => ({ kind: 'referral-digest', items, notificationsUrl: this.outbox.link('/notifications') }));
    });
  }
}
