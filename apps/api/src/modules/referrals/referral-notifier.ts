// Who hears about a referral event: an in-app notification for every member concerned, written
// in the same transaction as the event, and mail according to each member's preference
// (immediately through the outbox, in the daily digest — referral-digest.ts — or not at all).
//
// Mail is queued in the outbox inside the event's transaction, so a rolled-back event mails
// nothing and a committed one always mails (through SMTP outages too). It never carries personal
// data: see core/mail/templates/referral-notification.template.ts.
import { Injectable } from '@nestjs/common';
import type { NotificationDelivery, ReferralNotificationKind, ReferralStatus, ReferralUrgency } from '@tsunagu/domain';
import type { EntityManager } from 'typeorm';
import { MailOutbox } from '../../core/mail';
import type { ReferralNoticeFacts } from '../../core/mail';
import { Clock } from '../../core/time/clock';
import { mailNotifications, NotifiedRecipient } from '../notifications/notification-mails';

export interface ReferralNotice {
  readonly tenantId: string;
  readonly kind: ReferralNotificationKind;
  readonly referralId: string;
  /** Organisations whose admins and coordinators are told. */
  readonly organizationIds: readonly string[];
  /** Members told as well, whatever their role (e.g. the member who sent the referral). */
  readonly membershipIds: readonly string[];
  /** The member who caused the event is not told about it. */
  readonly exceptMembershipId: string | null;
}

/** What a referral mail may say about a referral (no personal data), as read from the database. */
export interface ReferralMailRow {
  readonly referral_id: string;
  readonly service_name: string;
  readonly status: ReferralStatus;
  readonly urgency: ReferralUrgency;
  readonly response_due_at: Date | null;
  readonly expires_at: Date | null;
  readonly sender_organization_id: string;
  readonly sender_name: string;
  readonly receiver_name: string;
}

/** Joins `r` (referrals) to the two organisation names; select REFERRAL_MAIL_COLUMNS. */
export const REFERRAL_MAIL_JOINS = `
  JOIN organizations so ON so.tenant_id = r.tenant_id AND so.id = r.sender_organization_id
  JOIN organizations ro ON ro.tenant_id = r.tenant_id AND ro.id = r.receiver_organization_id`;
export const REFERRAL_MAIL_COLUMNS = `r.id AS referral_id, r.service_name, r.status, r.urgency, r.response_due_at, r.expires_at,
  r.sender_organization_id, so.name AS sender_name, ro.name AS receiver_name`;

/** The facts of a notice as the member of `organizationId` sees them (the counterpart is the other side). */
export function noticeFacts(kind: ReferralNotificationKind, row: ReferralMailRow, organizationId: string, links: Pick<MailOutbox, 'link'>): ReferralNoticeFacts {
  return {
    notification: kind,
    counterpartName: organizationId === row.sender_organization_id ? row.receiver_name : row.sender_name,
    serviceName: row.service_name,
    status: row.status,
    urgency: row.urgency,
    responseDueAt: row.response_due_at,
    expiresAt: row.expires_at,
    referralUrl: links.link(`/referrals/${row.referral_id}`),
  };
}

interface Recipient extends NotifiedRecipient {
  readonly membership_id: string;
  readonly organization_id: string;
  readonly delivery: NotificationDelivery;
  readonly mailable: boolean;
}

@Injectable()
export class ReferralNotifier {
  constructor(
    private readonly outbox: MailOutbox,
    private readonly clock: Clock,
  ) {}

  /** Writes the notifications and queues the immediate mail; returns the memberships notified. */
  async notify(manager: EntityManager, notice: ReferralNotice): Promise<string[]> {
    // One statement writes the notifications and reads, for each, where and how to mail it: the
    // member's address and language, and their preference for this kind (IMMEDIATE by default).
    const recipients: Recipient[] = await manager.query(
      `WITH inserted AS (
         INSERT INTO notifications (tenant_id, membership_id, kind, referral_id)
         SELECT $1, m.id, $2, $3
           FROM memberships m
          WHERE m.tenant_id = $1 AND m.disabled_at IS NULL
            AND (m.id = ANY($5::uuid[]) OR (m.organization_id = ANY($4::uuid[]) AND m.roles && ARRAY['ORG_ADMIN', 'COORDINATOR']))
            AND m.id IS DISTINCT FROM $6
         RETURNING id, membership_id)
       SELECT i.id AS notification_id, i.membership_id, m.organization_id, u.email, u.preferred_language AS language,
              coalesce(p.delivery, 'IMMEDIATE') AS delivery, u.disabled_at IS NULL AS mailable
         FROM inserted i
         JOIN memberships m ON m.tenant_id = $1 AND m.id = i.membership_id
         JOIN users u ON u.id = m.user_id
         LEFT JOIN notification_preferences p ON p.tenant_id = $1 AND p.membership_id = i.membership_id AND p.kind = $2`,
      [notice.tenantId, notice.kind, notice.referralId, notice.organizationIds, notice.membershipIds, notice.exceptMembershipId],
    );
    const immediate = recipients.filter((recipient) => recipient.delivery === 'IMMEDIATE' && recipient.mailable);
    if (immediate.length > 0) {
      const [referral]: ReferralMailRow[] = await manager.query(
        `SELECT ${REFERRAL_MAIL_COLUMNS} FROM referrals r ${REFERRAL_MAIL_JOINS} WHERE r.tenant_id = $1 AND r.id = $2`,
        [notice.tenantId, notice.referralId],
      );
      await mailNotifications(manager, this.outbox, immediate, { tenantId: notice.tenantId, mailedAt: this.clock.now() }, (recipient) => ({
        kind: 'referral-notification',
        ...noticeFacts(notice.kind, referral, recipient.organization_id, this.outbox),
      }));
    }
    return recipients.map((recipient) => recipient.membership_id);
  }
}
