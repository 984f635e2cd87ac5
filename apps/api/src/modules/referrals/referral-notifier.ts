// Who hears about a referral event: an in-app notification for every member concerned, written
// in the same transaction as the event, and mail according to each member's preference
// (immediately through the outbox, in the daily digest, or not at all).
import { Injectable } from '@nestjs/common';
import type { NotificationKind } from '@tsunagu/domain';
import type { EntityManager } from 'typeorm';

export interface ReferralNotice {
  readonly tenantId: string;
  readonly kind: NotificationKind;
  readonly referralId: string;
  /** Organisations whose admins and coordinators are told. */
  readonly organizationIds: readonly string[];
  /** Members told as well, whatever their role (e.g. the member who sent the referral). */
  readonly membershipIds: readonly string[];
  /** The member who caused the event is not told about it. */
  readonly exceptMembershipId: string | null;
}

@Injectable()
export class ReferralNotifier {
  /** Writes the notifications; returns the memberships notified. */
  async notify(manager: EntityManager, notice: ReferralNotice): Promise<string[]> {
    const rows: Array<{ membership_id: string }> = await manager.query(
      `INSERT INTO notifications (tenant_id, membership_id, kind, referral_id)
       SELECT $1, m.id, $2, $3
         FROM memberships m
        WHERE m.tenant_id = $1 AND m.disabled_at IS NULL
          AND (m.id = ANY($5::uuid[]) OR (m.organization_id = ANY($4::uuid[]) AND m.roles && ARRAY['ORG_ADMIN', 'COORDINATOR']))
          AND m.id IS DISTINCT FROM $6
       RETURNING membership_id`,
      [notice.tenantId, notice.kind, notice.referralId, notice.organizationIds, notice.membershipIds, notice.exceptMembershipId],
    );
    return rows.map((row) => row.membership_id);
  }
}
