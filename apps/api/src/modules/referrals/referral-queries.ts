// The referral list's and counts' statements, apart from the service so that `npm run bench`
// (tools/bench) measures and EXPLAINs the very statements the API runs rather than copies of
// them. Plain strings and functions only: no Nest or TypeORM import, so the bench loads this
// file on its own.
import type { ReferralBox, ReferralSort } from './referral.model';

/** The referral row with the names a list shows, and my unread count ($2: my membership). */
const REFERRAL_COLUMNS = `
         r.id, r.status, r.urgency, r.needs, r.reason, r.notes, r.sender_organization_id, so.name AS sender_organization_name,
         so.kind AS sender_organization_kind, r.sender_membership_id, su.display_name AS sender_name,
         r.receiver_organization_id, ro.name AS receiver_organization_name, ro.kind AS receiver_organization_kind,
         r.service_id, r.service_name, r.person_id, p.pseudonym AS person_pseudonym,
         r.anonymous_age_band, r.anonymous_gender, r.anonymous_municipality_code, r.shared_categories,
         r.sent_at, r.response_due_at, r.expires_at, r.escalated_at, r.answered_at, r.closed_at, r.outcome,
         r.forwarded_from_id, r.created_at, r.updated_at,
         (SELECT count(*)::int FROM referral_messages msg
           WHERE msg.tenant_id = r.tenant_id AND msg.referral_id = r.id AND msg.author_membership_id <> $2
             AND msg.created_at > coalesce((SELECT rr.last_read_at FROM referral_reads rr
                                              WHERE rr.tenant_id = r.tenant_id AND rr.referral_id = r.id AND rr.membership_id = $2),
                                           '-infinity')) AS unread_messages`;
const REFERRAL_FROM = `
    FROM referrals r
    JOIN organizations so ON so.tenant_id = r.tenant_id AND so.id = r.sender_organization_id
    JOIN organizations ro ON ro.tenant_id = r.tenant_id AND ro.id = r.receiver_organization_id
    JOIN memberships sm ON sm.tenant_id = r.tenant_id AND sm.id = r.sender_membership_id
    JOIN users su ON su.id = sm.user_id
    LEFT JOIN persons p ON p.tenant_id = r.tenant_id AND p.id = r.person_id`;

export const REFERRAL_SELECT = `SELECT ${REFERRAL_COLUMNS} ${REFERRAL_FROM}`;

/**
 * The reply deadline a triage sorts by: only a referral awaiting a reply (SENT) has one to meet
 * (the list shows it only then); every other one sorts after them all ('infinity', never NULL,
 * so the keyset comparison and the index below need no NULL case). Written exactly as in
 * referrals_*_deadline_idx (migration 1764520000000), so the planner reads the order off them.
 */
export const REPLY_DEADLINE = `coalesce(CASE WHEN r.status = 'SENT' THEN r.response_due_at END, 'infinity'::timestamptz)`;

/** Each sort's key (a timestamptz, id the tie-breaker in the same direction). */
export const REFERRAL_SORTS: Record<ReferralSort, { readonly key: string; readonly order: 'ASC' | 'DESC' }> = {
  NEWEST: { key: 'r.created_at', order: 'DESC' },
  DEADLINE: { key: REPLY_DEADLINE, order: 'ASC' },
};

/** A box's own condition: my organisation ($`param`) receives (sent, never drafts) or sends. */
export function referralBoxClause(box: ReferralBox, param: number): string {
  return box === 'INBOX'
    ? `r.receiver_organization_id = $${param} AND r.status <> 'DRAFT' AND r.sent_at IS NOT NULL`
    : `r.sender_organization_id = $${param}`;
}

/** The list's status filter: one of the statuses in $`param` (text[]). */
export function referralStatusesClause(param: number): string {
  return `r.status = ANY($${param}::text[])`;
}

/**
 * One page of a box in the sort's order (newest first by default): $1 tenant, $2 my membership,
 * the filter's parameters, then from $`next` the cursor's key and id (both NULL on the first
 * page) and the page size plus one. `cursor_key` is the row's sort key as text, for the next cursor.
 */
export function referralListSql(where: string, next: number, sort: ReferralSort = 'NEWEST'): string {
  const { key, order } = REFERRAL_SORTS[sort];
  const past = order === 'DESC' ? '<' : '>';
  return `SELECT ${REFERRAL_COLUMNS}, (${key})::text AS cursor_key ${REFERRAL_FROM}
          WHERE r.tenant_id = $1 AND ${where}
            AND ($${next}::timestamptz IS NULL OR (${key}, r.id) ${past} ($${next}::timestamptz, $${next + 1}::uuid))
          ORDER BY ${key} ${order}, r.id ${order} LIMIT $${next + 2}`;
}

/**
 * A box's counts by status, overdue and with unread messages: $1 tenant, $2 my membership, the
 * filter's parameters, $`now` the current instant.
 *
 * Each figure from its own index range (referrals_inbox_counts_idx for the inbox): no shared CTE,
 * which PostgreSQL materialised and spilt to disk at 50,000 rows. Unread is counted among open
 * referrals, each checked by index (a scalar subquery with LIMIT 1, which the planner cannot turn
 * into a hash join over every message of the network).
 */
export function referralCountsSql(where: string, now: number): string {
  return `SELECT coalesce((SELECT json_agg(json_build_object('status', status, 'count', count) ORDER BY status)
                              FROM (SELECT r.status, count(*)::int AS count FROM referrals r
                                     WHERE r.tenant_id = $1 AND ${where} GROUP BY r.status) s), '[]') AS by_status,
                  (SELECT count(*)::int FROM referrals r
                    WHERE r.tenant_id = $1 AND ${where} AND r.status = 'SENT' AND r.response_due_at < $${now}) AS overdue,
                  (SELECT count(*)::int FROM referrals r
                    WHERE r.tenant_id = $1 AND ${where} AND r.status IN ('SENT', 'ACCEPTED', 'IN_PROGRESS')
                      AND (SELECT true FROM referral_messages msg
                            WHERE msg.tenant_id = r.tenant_id AND msg.referral_id = r.id AND msg.author_membership_id <> $2
                              AND msg.created_at > coalesce((SELECT rr.last_read_at FROM referral_reads rr
                                                              WHERE rr.tenant_id = r.tenant_id AND rr.referral_id = r.id
                                                                AND rr.membership_id = $2), '-infinity')
                            LIMIT 1)) AS with_unread`;
}

/**
 * The referrals my organisation ($3) has been sent and not yet answered, nearest reply deadline
 * first: $1 tenant, $2 my membership, $4 how many (the home page's top few). Read along
 * referrals_inbox_counts_idx (tenant, receiver, status, response_due_at).
 */
export const REFERRALS_AWAITING_REPLY_SQL = `${REFERRAL_SELECT}
  WHERE r.tenant_id = $1 AND ${referralBoxClause('INBOX', 3)} AND r.status = 'SENT'
  ORDER BY r.response_due_at ASC NULLS LAST, r.id LIMIT $4`;
