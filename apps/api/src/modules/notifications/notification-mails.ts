// The mail that goes with an in-app notification: queued in the transaction that writes the
// notification, and the notification marked mailed at once, so the daily digest (which takes the
// notifications not yet mailed) does not mail it again.
import type { NotificationDelivery, NotificationKind } from '@tsunagu/domain';
import type { EntityManager } from 'typeorm';
import type { MailOutbox, MailRecipient, MailTemplate } from '../../core/mail';

/** A member to mail about their notification, as the notifying statement reads them. */
export interface NotifiedRecipient extends MailRecipient {
  readonly notification_id: string;
}

/** A member just notified, with how (and whether) they take mail of the notification's kind. */
interface NotifiedMember extends NotifiedRecipient {
  readonly delivery: NotificationDelivery;
  /** Their user and membership are enabled. */
  readonly mailable: boolean;
}

/**
 * Writes one notification of `kind` per member, about the record `about` names (its column of
 * notifications and its id), and answers the members to mail about it now: enabled, and not
 * OFF for this kind (IMMEDIATE when they never chose). These kinds have no digest, so
 * DAILY_DIGEST mails at once as well.
 */
export async function notifyMembers(
  manager: EntityManager,
  notice: {
    readonly tenantId: string;
    readonly kind: NotificationKind;
    readonly membershipIds: readonly string[];
    readonly about: { readonly column: 'course_id' | 'training_session_id'; readonly id: string };
  },
): Promise<NotifiedRecipient[]> {
  const notified: NotifiedMember[] = await manager.query(
    `WITH inserted AS (
       INSERT INTO notifications (tenant_id, membership_id, kind, ${notice.about.column})
       SELECT $1, m.id, $2, $4 FROM memberships m WHERE m.tenant_id = $1 AND m.id = ANY($3::uuid[])
       RETURNING id, membership_id)
     SELECT i.id AS notification_id, u.email, u.preferred_language AS language,
            coalesce(p.delivery, 'IMMEDIATE') AS delivery, (u.disabled_at IS NULL AND m.disabled_at IS NULL) AS mailable
       FROM inserted i
       JOIN memberships m ON m.tenant_id = $1 AND m.id = i.membership_id
       JOIN users u ON u.id = m.user_id
       LEFT JOIN notification_preferences p ON p.tenant_id = $1 AND p.membership_id = i.membership_id AND p.kind = $2`,
    [notice.tenantId, notice.kind, notice.membershipIds, notice.about.id],
  );
  return notified.filter((member) => member.delivery !== 'OFF' && member.mailable);
}

/** Queues the mail of each recipient's notification and marks those notifications mailed at `mailedAt`. */
export async function mailNotifications<R extends NotifiedRecipient>(
  manager: EntityManager,
  outbox: MailOutbox,
  recipients: readonly R[],
  { tenantId, mailedAt }: { readonly tenantId: string; readonly mailedAt: Date },
  template: (recipient: R) => MailTemplate,
): Promise<void> {
  if (recipients.length === 0) return;
  await outbox.enqueueEach(manager, recipients, template);
  await manager.query(`UPDATE notifications SET mailed_at = $3 WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [
    tenantId,
    recipients.map((recipient) => recipient.notification_id),
    mailedAt,
  ]);
}
