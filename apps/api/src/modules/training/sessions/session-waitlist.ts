// The waiting list of a training session: freed places go to the first waitlisted members, in
// the order they joined the queue (queued_at, then id), and each promoted member gets an in-app
// notice and — unless they turned this kind off — a mail. Always called inside the transaction
// that holds the lock on the session row, so two freed places never go to the same member and a
// rolled-back change promotes and mails no one.
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../../../core/database/returning';
import { MailOutbox } from '../../../core/mail';
import { Clock } from '../../../core/time/clock';
import { mailNotifications, notifyMembers } from '../../notifications/notification-mails';
import type { SessionRow } from './training-session-reader';

@Injectable()
export class SessionWaitlist {
  constructor(
    private readonly outbox: MailOutbox,
    private readonly clock: Clock,
  ) {}

  /** Where a session opens in the web app (mail links). */
  sessionUrl(sessionId: string): string {
    return this.outbox.link(`/training/sessions/${sessionId}`);
  }

  /** Promotes up to `places` waitlisted members of the (locked) session; returns their memberships. */
  async promote(manager: EntityManager, session: SessionRow, places: number): Promise<string[]> {
    if (places <= 0) return [];
    const promoted = await queryRows<{ membership_id: string }>(
      manager,
      `WITH next AS (
         SELECT id FROM session_registrations
          WHERE tenant_id = $1 AND session_id = $2 AND status = 'WAITLISTED'
          ORDER BY queued_at, id LIMIT $3)
       UPDATE session_registrations r SET status = 'REGISTERED'
         FROM next WHERE r.tenant_id = $1 AND r.id = next.id
       RETURNING r.membership_id`,
      [session.tenant_id, session.id, places],
    );
    const memberships = promoted.map((row) => row.membership_id);
    if (memberships.length > 0) await this.notify(manager, session, memberships);
    return memberships;
  }

  /**
   * One in-app notice per promoted member, and a mail unless their preference for this kind is
   * OFF. There is no digest of training notices, so DAILY_DIGEST mails at once as well: a freed
   * place is worth knowing about before the session.
   */
  private async notify(manager: EntityManager, session: SessionRow, membershipIds: string[]): Promise<void> {
    const mailed = await notifyMembers(manager, {
      tenantId: session.tenant_id,
      kind: 'TRAINING_SESSION_PROMOTED',
      membershipIds,
      about: { column: 'training_session_id', id: session.id },
    });
    await mailNotifications(manager, this.outbox, mailed, { tenantId: session.tenant_id, mailedAt: this.clock.now() }, () => ({
      kind: 'training-session-promoted',
      sessionTitle: session.title,
      startsAt: session.starts_at,
      place: session.place,
      sessionUrl: this.sessionUrl(session.id),
    }));
  }
}
