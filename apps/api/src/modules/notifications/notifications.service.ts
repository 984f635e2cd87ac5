// The notification centre: my notifications (those of my active membership), the unread count,
// marking read, and my mail preference per kind. Notifications are written by the features that
// cause them (modules/referrals/referral-notifier.ts); here they are only read and marked.
//
// Training notices (TRAINING_ASSIGNED, TRAINING_SESSION_PROMOTED) carry course_id or
// training_session_id; the list names the course or session in the same single query. A course
// may be a public one of another network, so it is found through the member's enrolment, which
// holds the course's network (course_tenant_id); a course the member can no longer read has no
// title here (null) but keeps its id.
//
// Every statement is bounded by membership_id = the actor's membership inside the actor's tenant
// transaction, so another member's or another network's notification is simply not found.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { NOTIFICATION_DELIVERIES, NOTIFICATION_KINDS, NotificationDelivery, NotificationKind } from '@tsunagu/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestActor } from '../../core/auth/actor';
import { notFound } from '../../core/authz/authorize';
import { AppError } from '../../core/graphql/app-error';
import { decodeCursor, Page, pageSize, toPage } from '../../core/graphql/pagination';
import { runInTenant } from '../../core/tenancy/tenant-transaction';
import { Clock } from '../../core/time/clock';
import type { Notification, NotificationPreference } from '../referrals/referral.model';
import { camelized } from '../../core/database/rows';
import { requireIds } from '../../core/graphql/ids';

/** A notification as listed: the referral fields plus the course or session a training notice is about. */
export interface ListedNotification extends Notification {
  readonly courseId: string | null;
  readonly courseTitle: string | null;
  readonly trainingSessionId: string | null;
  readonly trainingSessionTitle: string | null;
}

const NOTIFICATION = { ja: '通知', en: 'notification' };
/** At most this many ids in one markNotificationsRead. */
const MAX_IDS = 200;

interface NotificationRow {
  id: string;
  kind: NotificationKind;
  referral_id: string | null;
  counterpart_name: string | null;
  service_name: string | null;
  course_id: string | null;
  course_title: string | null;
  training_session_id: string | null;
  training_session_title: string | null;
  created_at: Date;
  /** created_at to the microsecond, for the cursor (a Date keeps milliseconds only). */
  created_key: string;
  read_at: Date | null;
}

function toNotification(row: NotificationRow): ListedNotification {
  return camelized(row, ['created_key']);
}

@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Mine, newest first; the counterpart and service come with each row from one query. */
  list(actor: RequestActor, first: number | null | undefined, after: string | null | undefined, unreadOnly: boolean): Promise<Page<ListedNotification>> {
    const size = pageSize(first);
    const cursor = decodeCursor(after);
    return runInTenant(this.dataSource, actor, async (manager) => {
      const rows: NotificationRow[] = await manager.query(
        `SELECT n.id, n.kind, n.referral_id, n.created_at, n.read_at, r.service_name,
                n.course_id, c.title AS course_title, n.training_session_id, ts.title AS training_session_title,
                to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_key,
                CASE WHEN r.id IS NULL THEN NULL WHEN r.sender_organization_id = $3 THEN ro.name ELSE so.name END AS counterpart_name
           FROM notifications n
           LEFT JOIN referrals r ON r.tenant_id = n.tenant_id AND r.id = n.referral_id
           LEFT JOIN organizations so ON so.tenant_id = r.tenant_id AND so.id = r.sender_organization_id
           LEFT JOIN organizations ro ON ro.tenant_id = r.tenant_id AND ro.id = r.receiver_organization_id
           LEFT JOIN course_enrolments e ON e.tenant_id = n.tenant_id AND e.membership_id = n.membership_id AND e.course_id = n.course_id
           LEFT JOIN courses c ON c.tenant_id = coalesce(e.course_tenant_id, n.tenant_id) AND c.id = n.course_id
           LEFT JOIN training_sessions ts ON ts.tenant_id = n.tenant_id AND ts.id = n.training_session_id
          WHERE n.tenant_id = $1 AND n.membership_id = $2
            AND (NOT $4 OR n.read_at IS NULL)
            AND ($5::timestamptz IS NULL OR (n.created_at, n.id) < ($5::timestamptz, $6::uuid))
          ORDER BY n.created_at DESC, n.id DESC
          LIMIT $7`,
        [actor.tenantId, actor.membershipId, actor.organizationId, unreadOnly, cursor?.key ?? null, cursor?.id ?? null, size + 1],
      );
      const page = toPage(rows, size, (row) => ({ key: row.created_key, id: row.id }));
      return { ...page, nodes: page.nodes.map(toNotification) };
    });
  }

  unreadCount(actor: RequestActor): Promise<number> {
    return runInTenant(this.dataSource, actor, (manager) => this.unreadIn(manager, actor));
  }

  /**
   * Marks my notifications read; returns my unread count after. An id that is not one of mine
   * (another member's, another network's, or none at all) is NOT_FOUND and nothing is marked.
   * Opening a referral's notification opens the referral, where every event and message so far
   * is in view: my other unread notifications of that referral are marked read with it (a user
   * opened the "received" notice and was left with the message notice of the same referral
   * unread, issue 16). Only my own membership's rows, in my network's transaction.
   */
  markRead(actor: RequestActor, ids: readonly string[]): Promise<number> {
    const unique = [...new Set(ids)];
    if (unique.length > MAX_IDS) {
      throw new AppError(
        'BAD_USER_INPUT',
        { ja: `一度に既読にできる通知は${MAX_IDS}件までです。`, en: `Mark at most ${MAX_IDS} notifications at a time.` },
        { reason: 'TOO_MANY_IDS' },
      );
    }
    requireIds(unique, NOTIFICATION);
    return runInTenant(this.dataSource, actor, async (manager) => {
      const [{ mine }]: Array<{ mine: number }> = await manager.query(
        `WITH marked AS (
           UPDATE notifications SET read_at = coalesce(read_at, $4)
            WHERE tenant_id = $1 AND membership_id = $2 AND id = ANY($3::uuid[])
           RETURNING id)
         SELECT count(*)::int AS mine FROM marked`,
        [actor.tenantId, actor.membershipId, unique, this.clock.now()],
      );
      // Thrown inside the transaction: it rolls back, so a list with a foreign id marks nothing.
      if (mine !== unique.length) throw notFound(NOTIFICATION);
      await manager.query(
        `UPDATE notifications SET read_at = $4
          WHERE tenant_id = $1 AND membership_id = $2 AND read_at IS NULL
            AND referral_id IN (SELECT referral_id FROM notifications
                                 WHERE tenant_id = $1 AND membership_id = $2 AND id = ANY($3::uuid[]) AND referral_id IS NOT NULL)`,
        [actor.tenantId, actor.membershipId, unique, this.clock.now()],
      );
      return this.unreadIn(manager, actor);
    });
  }

  markAllRead(actor: RequestActor): Promise<number> {
    return runInTenant(this.dataSource, actor, async (manager) => {
      await manager.query(`UPDATE notifications SET read_at = $3 WHERE tenant_id = $1 AND membership_id = $2 AND read_at IS NULL`, [
        actor.tenantId,
        actor.membershipId,
        this.clock.now(),
      ]);
      return 0;
    });
  }

  /** Every kind, each with my choice or the default (IMMEDIATE). */
  preferences(actor: RequestActor): Promise<NotificationPreference[]> {
    return runInTenant(this.dataSource, actor, async (manager) => {
      const rows: Array<{ kind: NotificationKind; delivery: NotificationDelivery }> = await manager.query(
        `SELECT kind, delivery FROM notification_preferences WHERE tenant_id = $1 AND membership_id = $2`,
        [actor.tenantId, actor.membershipId],
      );
      const chosen = new Map(rows.map((row) => [row.kind, row.delivery]));
      return NOTIFICATION_KINDS.codes.map((kind) => ({ kind, delivery: chosen.get(kind) ?? 'IMMEDIATE' }));
    });
  }

  setPreference(actor: RequestActor, kind: NotificationKind, delivery: NotificationDelivery): Promise<NotificationPreference> {
    // GraphQL enums already hold these to the vocabulary; checked again for callers from code.
    if (!NOTIFICATION_KINDS.codes.includes(kind) || !NOTIFICATION_DELIVERIES.codes.includes(delivery)) {
      throw new AppError('BAD_USER_INPUT', { ja: '通知の種類または受け取り方が正しくありません。', en: 'Unknown notification kind or delivery.' });
    }
    return runInTenant(this.dataSource, actor, async (manager) => {
      await manager.query(
        `INSERT INTO notification_preferences (tenant_id, membership_id, kind, delivery) VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id, membership_id, kind) DO UPDATE SET delivery = EXCLUDED.delivery`,
        [actor.tenantId, actor.membershipId, kind, delivery],
      );
      return { kind, delivery };
    });
  }

  private async unreadIn(manager: EntityManager, actor: RequestActor): Promise<number> {
    const [{ count }]: Array<{ count: number }> = await manager.query(
      `SELECT count(*)::int AS count FROM notifications WHERE tenant_id = $1 AND membership_id = $2 AND read_at IS NULL`,
      [actor.tenantId, actor.membershipId],
    );
    return count;
  }
}
