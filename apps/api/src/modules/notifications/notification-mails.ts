// The mail that goes with an in-app notification: queued in the transaction that writes the
// notification, and the notification marked mailed at once, so the daily digest (which takes the
// notifications not yet mailed) does not mail it again.
import type { EntityManager } from 'typeorm';
import type { MailOutbox, MailRecipient, MailTemplate } from '../../core/mail';

/** A member to mail about their notification, as the notifying statement reads them. */
export interface NotifiedRecipient extends MailRecipient {
  readonly notification_id: string;
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
