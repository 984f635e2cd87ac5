// Partnership reminders by mail, in every network:
//
//   - review: every active liaison of the managing municipality, PARTNERSHIP_REVIEW_REMINDER_DAYS
//     (30 and 7) days before a partnership's review date, unless it has ENDED;
//   - follow-up: the assignee of an open follow-up, FOLLOW_UP_REMINDER_DAYS (1) day before it is due.
//
// Days are Japan dates of the injected Clock's time. The job runs every 15 minutes; a run that
// comes late (the job missed the day) still sends a reminder while its date has not passed,
// and when several marks are due at once only the nearest one goes out (5 days before a review:
// the 7-day reminder, not the 30-day one as well). The mail says how many days remain.
//
// Exactly once with several replicas: each reminder is claimed by an INSERT … ON CONFLICT DO
// NOTHING RETURNING into partnership_reminders_sent — keyed by partnership, follow-up, kind,
// target date and mark — in the same transaction that queues its mails in the outbox. A second
// run at the same moment waits on the first's unique index entries, then claims nothing. A new
// review or due date is a new key: the reminder is armed again.
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { PARTNERSHIP_REVIEW_REMINDER_DAYS, FOLLOW_UP_REMINDER_DAYS, japanDate } from '@tsunagu/domain';
import { repeatingQueue } from '../../core/jobs/for-each-network';
import { NetworkJobs } from '../../core/jobs/network-jobs';
import { MailOutbox } from '../../core/mail';
import type { MailLanguage } from '../../core/mail';
import { Clock } from '../../core/time/clock';

export const PARTNERSHIP_REMINDERS_QUEUE = 'partnerships.reminders';

const REMINDERS = repeatingQueue(PARTNERSHIP_REMINDERS_QUEUE);

interface ReviewReminderRow {
  readonly partnership_id: string;
  readonly title: string;
  readonly partner_name: string;
  readonly review_on: string;
  readonly days_left: number;
  readonly email: string;
  readonly language: MailLanguage;
}

interface FollowUpReminderRow {
  readonly partnership_id: string;
  readonly title: string;
  readonly partner_name: string;
  readonly description: string;
  readonly due_on: string;
  readonly days_left: number;
  readonly email: string;
  readonly language: MailLanguage;
}

/** Active members (and users) only; a liaison disabled and enabled again in time still gets theirs. */
const ACTIVE_MEMBER = `m.disabled_at IS NULL AND u.disabled_at IS NULL`;

@Injectable()
export class PartnershipReminders implements OnModuleInit {
  private readonly logger = new Logger(PartnershipReminders.name);

  constructor(
    private readonly jobs: NetworkJobs,
    private readonly outbox: MailOutbox,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.jobs.schedule(REMINDERS, { cron: '*/15 * * * *' }, () => this.run());
  }

  /** Every network's due reminders; returns how many mails were queued. */
  async run(): Promise<number> {
    // One network's failure does not hold up the others; the next run tries it again.
    const job = { name: 'Partnership reminders', logger: this.logger, summary: 'Partnership reminders queued' };
    return (await this.jobs.queueMails(job, (tenantId) => this.remindersFor(tenantId))).mails;
  }

  /** One network's reminders in one transaction: the claims and their mails commit together. */
  remindersFor(tenantId: string): Promise<number> {
    return this.jobs.inNetwork(tenantId, async (manager) => {
      const today = japanDate(this.clock.now());
      const reviewDays = [...PARTNERSHIP_REVIEW_REMINDER_DAYS];
      const followUpDays = [...FOLLOW_UP_REMINDER_DAYS];
      const reviews: ReviewReminderRow[] = await manager.query(
        `WITH due AS (
           SELECT p.id AS partnership_id, p.review_on,
                  (SELECT min(d) FROM unnest($3::int[]) AS d WHERE p.review_on - $2::date <= d) AS days_before
             FROM partnerships p
            WHERE p.tenant_id = $1 AND p.status <> 'ENDED' AND p.review_on IS NOT NULL
              AND p.review_on >= $2::date AND p.review_on <= $2::date + (SELECT max(d) FROM unnest($3::int[]) AS d)
              AND EXISTS (SELECT 1 FROM memberships m JOIN users u ON u.id = m.user_id
                           WHERE m.tenant_id = p.tenant_id AND m.organization_id = p.organization_id
                             AND 'LIAISON' = ANY(m.roles) AND ${ACTIVE_MEMBER})
            ORDER BY p.id),
         claimed AS (
           INSERT INTO partnership_reminders_sent (tenant_id, partnership_id, kind, target_on, days_before)
           SELECT $1, partnership_id, 'REVIEW', review_on, days_before FROM due
           ON CONFLICT DO NOTHING
           RETURNING partnership_id, target_on)
         SELECT p.id AS partnership_id, p.title, po.name AS partner_name, c.target_on::text AS review_on,
                (c.target_on - $2::date) AS days_left, u.email, u.preferred_language AS language
           FROM claimed c
           JOIN partnerships p ON p.tenant_id = $1 AND p.id = c.partnership_id
           JOIN organizations po ON po.tenant_id = p.tenant_id AND po.id = p.partner_organization_id
           JOIN memberships m ON m.tenant_id = p.tenant_id AND m.organization_id = p.organization_id AND 'LIAISON' = ANY(m.roles)
           JOIN users u ON u.id = m.user_id
          WHERE ${ACTIVE_MEMBER}
          ORDER BY p.id, m.id`,
        [tenantId, today, reviewDays],
      );
      const followUps: FollowUpReminderRow[] = await manager.query(
        `WITH due AS (
           SELECT f.id AS follow_up_id, f.partnership_id, f.due_on,
                  (SELECT min(d) FROM unnest($3::int[]) AS d WHERE f.due_on - $2::date <= d) AS days_before
             FROM partnership_follow_ups f
             JOIN memberships m ON m.tenant_id = f.tenant_id AND m.id = f.assignee_membership_id
             JOIN users u ON u.id = m.user_id
            WHERE f.tenant_id = $1 AND f.done_at IS NULL
              AND f.due_on >= $2::date AND f.due_on <= $2::date + (SELECT max(d) FROM unnest($3::int[]) AS d)
              AND ${ACTIVE_MEMBER}
            ORDER BY f.id),
         claimed AS (
           INSERT INTO partnership_reminders_sent (tenant_id, partnership_id, follow_up_id, kind, target_on, days_before)
           SELECT $1, partnership_id, follow_up_id, 'FOLLOW_UP', due_on, days_before FROM due
           ON CONFLICT DO NOTHING
           RETURNING follow_up_id)
         SELECT p.id AS partnership_id, p.title, po.name AS partner_name, f.description, f.due_on::text AS due_on,
                (f.due_on - $2::date) AS days_left, u.email, u.preferred_language AS language
           FROM claimed c
           JOIN partnership_follow_ups f ON f.tenant_id = $1 AND f.id = c.follow_up_id
           JOIN partnerships p ON p.tenant_id = f.tenant_id AND p.id = f.partnership_id
           JOIN organizations po ON po.tenant_id = p.tenant_id AND po.id = p.partner_organization_id
           JOIN memberships m ON m.tenant_id = f.tenant_id AND m.id = f.assignee_membership_id
           JOIN users u ON u.id = m.user_id
          ORDER BY f.id`,
        [tenantId, today, followUpDays],
      );
      const reviewMails = await this.outbox.enqueueEach(manager, reviews, (row) => ({
        kind: 'partnership-review-reminder',
        title: row.title,
        partnerName: row.partner_name,
        reviewOn: row.review_on,
        daysBefore: Number(row.days_left),
        partnershipUrl: this.partnershipUrl(row.partnership_id),
      }));
      const followUpMails = await this.outbox.enqueueEach(manager, followUps, (row) => ({
        kind: 'partnership-follow-up-reminder',
        followUp: row.description,
        title: row.title,
        partnerName: row.partner_name,
        dueOn: row.due_on,
        daysBefore: Number(row.days_left),
        partnershipUrl: this.partnershipUrl(row.partnership_id),
      }));
      return reviewMails + followUpMails;
    });
  }

  private partnershipUrl(id: string): string {
    return this.outbox.link(`/partnerships/${id}`);
  }
}
