// The home page's statements, apart from the service so that tools/bench runs and EXPLAINs them
// as the API does (tools/bench/scenarios/home.mjs). Each returns its section's counts beside its
// top rows (count(*) OVER (), evaluated before LIMIT): one statement per section, never one per
// row. The referral section's statements are referral-queries.ts's own.
import { Conditions } from '../../core/database/conditions';
import { GRANT_COLUMNS, GRANT_FROM } from '../grants/grant-reader';
import { visibleTo, type Viewer } from '../grants/grant-search';
import { FOLLOW_UP_COLUMNS, FOLLOW_UP_FROM, PARTNERSHIP_FROM } from '../partnerships/partnership-reader';
import { ENROLMENT_COLUMNS } from '../training/learning/enrolment-presenter';

/** How many items each card lists; its count links to the whole filtered list. */
export const HOME_ITEMS = 5;
/** Bookmarked grants closing within this many days. */
export const GRANT_WINDOW_DAYS = 14;
/** Partnership reviews within this many days (the reminder job's farthest notice is 30). */
export const REVIEW_WINDOW_DAYS = 30;
/** Partnership follow-ups due within this many days. */
export const FOLLOW_UP_WINDOW_DAYS = 7;

/** The bookmarks' member: a viewer of grants (network, organisation) and the membership. */
export interface Bookmarker extends Viewer {
  readonly membershipId: string;
}

/**
 * My bookmarks (GrantActivityService.bookmarks' join and visibility) of published grants whose
 * window closes in [now, until), nearest first, `limit` rows with the total beside each. Read
 * along the bookmarks' unique key (tenant_id, membership_id, grant_id).
 */
export function bookmarkedGrantsClosingSql(viewer: Bookmarker, now: Date, until: Date, limit: number): { sql: string; params: unknown[] } {
  const where = new Conditions();
  where.add(visibleTo(where, viewer));
  where.add(`b.tenant_id = ${where.param(viewer.tenantId)} AND b.membership_id = ${where.param(viewer.membershipId)}`);
  where.add(`g.status = 'PUBLISHED' AND g.window_closes_at >= ${where.param(now)} AND g.window_closes_at < ${where.param(until)}`);
  const sql = `SELECT ${GRANT_COLUMNS}, count(*) OVER ()::int AS total
                 FROM grant_bookmarks b JOIN ${GRANT_FROM} ON g.tenant_id = b.grant_tenant_id AND g.id = b.grant_id
                WHERE ${where.sql} ORDER BY g.window_closes_at, g.id LIMIT ${where.param(limit)}`;
  return { sql, params: where.params };
}

/**
 * My municipality's partnerships due for review: $1 tenant, $2 my organisation, $3 today (Japan
 * date), $4 days ahead, $5 how many rows. Read along partnerships_organization_review_idx.
 */
export const PARTNERSHIP_REVIEWS_DUE_SQL = `
  SELECT p.id, p.title, po.name AS partner_name, p.review_on::text AS review_on, count(*) OVER ()::int AS total
    FROM ${PARTNERSHIP_FROM}
   WHERE p.tenant_id = $1 AND p.organization_id = $2 AND p.status <> 'ENDED' AND p.review_on IS NOT NULL
     AND p.review_on <= $3::date + $4::int
   ORDER BY p.review_on, p.id LIMIT $5`;

/**
 * Open follow-ups of my municipality's partnerships due soon or past: parameters as above. Read
 * along partnership_follow_ups_open_due_idx.
 */
export const FOLLOW_UPS_DUE_SQL = `
  SELECT ${FOLLOW_UP_COLUMNS}, p.title AS partnership_title, count(*) OVER ()::int AS total,
         (count(*) FILTER (WHERE f.due_on < $3::date) OVER ())::int AS overdue
    FROM ${FOLLOW_UP_FROM}
    JOIN partnerships p ON p.tenant_id = f.tenant_id AND p.id = f.partnership_id
   WHERE f.tenant_id = $1 AND f.done_at IS NULL AND f.due_on <= $3::date + $4::int AND p.organization_id = $2
   ORDER BY f.due_on, f.id LIMIT $5`;

/**
 * My enrolments not completed, in courses I can still read (as LearningService.mine): $1 tenant,
 * $2 my membership, $3 now, $4 how many rows. The nearest due first, then the newest.
 */
export const ACTIVE_ENROLMENTS_SQL = `
  SELECT ${ENROLMENT_COLUMNS}, count(*) OVER ()::int AS total, (count(*) FILTER (WHERE e.due_at < $3) OVER ())::int AS overdue
    FROM course_enrolments e
   WHERE e.tenant_id = $1 AND e.membership_id = $2 AND e.completed_at IS NULL
     AND EXISTS (SELECT 1 FROM courses c WHERE c.tenant_id = e.course_tenant_id AND c.id = e.course_id)
   ORDER BY e.due_at ASC NULLS LAST, e.created_at DESC, e.id DESC LIMIT $4`;

/**
 * The network's referrals awaiting an answer ($1 tenant, $2 now): counts only, read along
 * referrals_awaiting_reply_idx (tenant_id, response_due_at) WHERE status = 'SENT'.
 */
export const NETWORK_AWAITING_REPLY_SQL = `
  SELECT count(*)::int AS waiting, (count(*) FILTER (WHERE r.response_due_at < $2))::int AS overdue,
         (count(*) FILTER (WHERE r.escalated_at IS NOT NULL))::int AS escalated
    FROM referrals r
   WHERE r.tenant_id = $1 AND r.status = 'SENT'`;
