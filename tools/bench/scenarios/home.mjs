// @ts-check
// The home page (issue 16): the bench admin (network admin and org admin of organisation B) opens
// the home: B's referrals waiting for an answer (counts of ~49,000 received, the 5 nearest
// deadlines), unread, bookmarked grants closing soon, unfinished courses and the network's
// waiting referrals, over a million referrals. The statements are the API's own:
// referral-queries.ts (ReferralsService.awaitingReply) and home-queries.ts (HomeService).
import { loadActorRaw, transaction } from '../raw-sql.mjs';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Every statement HomeService runs for this member, in its order, with its parameters.
 * @param {import('../raw-sql.mjs').BaselineContext} context @param {import('../api-code.mjs').ApiCode} code @param {Date} now
 */
function statements(context, code, now) {
  const { referrals, home } = code;
  // ReferralsService.awaitingReply: the counts statement with the list's status filter (live
  // statuses, $4), so `now` is $5.
  const counts = (/** @type {'INBOX' | 'OUTBOX'} */ box) =>
    referrals.referralCountsSql(`${referrals.referralBoxClause(box, 3)} AND ${referrals.referralStatusesClause(4)}`, 5);
  const live = [...code.domain.LIVE_REFERRAL_STATUSES];
  const grants = home.bookmarkedGrantsClosingSql(context, now, new Date(now.getTime() + home.GRANT_WINDOW_DAYS * DAY_MS), home.HOME_ITEMS);
  return {
    inbox: { label: 'ReferralsService.awaitingReply: counts (INBOX, live)', sql: counts('INBOX'), params: [context.tenantId, context.membershipId, context.organizationId, live, now] },
    outbox: { label: 'ReferralsService.awaitingReply: counts (OUTBOX, live)', sql: counts('OUTBOX'), params: [context.tenantId, context.membershipId, context.organizationId, live, now] },
    nearest: {
      label: 'ReferralsService.awaitingReply: nearest deadlines',
      sql: referrals.REFERRALS_AWAITING_REPLY_SQL,
      params: [context.tenantId, context.membershipId, context.organizationId, home.HOME_ITEMS],
    },
    grants: { label: 'HomeService.grantSection', sql: grants.sql, params: grants.params },
    courses: { label: 'HomeService.courseSection', sql: home.ACTIVE_ENROLMENTS_SQL, params: [context.tenantId, context.membershipId, now, home.HOME_ITEMS] },
    network: { label: 'HomeService.networkSection', sql: home.NETWORK_AWAITING_REPLY_SQL, params: [context.tenantId, now] },
  };
}

/** @type {import('./scenario.mjs').Scenario} */
export const homeScenario = {
  name: 'home',
  description:
    "query Home: signed in (network admin and org admin of organisation B); B's referrals waiting for an answer with counts and the 5 nearest deadlines, unread, bookmarked grants closing soon, unfinished courses and the network's waiting referrals (1,000,000 referrals in the network, 50 networks)",
  needsSignIn: true,
  needsPeople: true,
  needsReferrals: true,
  explain: (context, code) => Object.values(statements(context, code, new Date())),
  graphql: {
    operationName: 'Home',
    query: `query Home { home {
      referrals { waiting overdue inProgress withUnreadMessages
        nearest { id urgency serviceName senderOrganization { name } responseDueAt overdue unreadMessages } }
      grants { closingSoon windowDays }
      courses { active overdue }
      network { waitingReferrals overdueReferrals escalatedReferrals } } }`,
  },
  check: (body) => {
    const home = body?.data?.home;
    return (
      home?.referrals?.waiting > 0 &&
      home.referrals.nearest.length === 5 &&
      home.referrals.nearest.every((/** @type {any} */ referral, /** @type {number} */ index, /** @type {any[]} */ all) =>
        index === 0 || referral.responseDueAt >= all[index - 1].responseDueAt) &&
      home.network.waitingReferrals >= home.referrals.waiting
    );
  },
  sameAnswer: (api, raw) =>
    api.data.home.referrals.waiting === raw.data.home.referrals.waiting &&
    api.data.home.network.waitingReferrals === raw.data.home.network.waitingReferrals,
  raw: async (pool, context, code) => {
    await loadActorRaw(pool, context, code);
    const now = new Date();
    const all = statements(context, code, now);
    // HomeService runs its sections one after another in one tenant transaction.
    const rows = await transaction(pool, context, async (client) => {
      /** @type {Record<string, any[]>} */
      const result = {};
      for (const [key, { sql, params }] of Object.entries(all)) result[key] = (await client.query(sql, params)).rows;
      return result;
    });
    const [inbox] = rows.inbox;
    const [outbox] = rows.outbox;
    const count = (/** @type {string[]} */ ...statuses) =>
      inbox.by_status.filter((/** @type {any} */ entry) => statuses.includes(entry.status)).reduce((/** @type {number} */ sum, /** @type {any} */ entry) => sum + entry.count, 0);
    const [network] = rows.network;
    return {
      data: {
        home: {
          referrals: {
            waiting: count('SENT'),
            overdue: inbox.overdue,
            inProgress: count('ACCEPTED', 'IN_PROGRESS'),
            withUnreadMessages: inbox.with_unread + outbox.with_unread,
            nearest: rows.nearest.map((row) => ({
              id: row.id,
              urgency: row.urgency,
              serviceName: row.service_name,
              senderOrganization: { name: row.sender_organization_name },
              responseDueAt: row.response_due_at?.toISOString() ?? null,
              overdue: row.status === 'SENT' && row.response_due_at !== null && row.response_due_at < now,
              unreadMessages: row.unread_messages,
            })),
          },
          grants: { closingSoon: rows.grants[0]?.total ?? 0, windowDays: code.home.GRANT_WINDOW_DAYS },
          courses: { active: rows.courses[0]?.total ?? 0, overdue: rows.courses[0]?.overdue ?? 0 },
          network: { waitingReferrals: network.waiting, overdueReferrals: network.overdue, escalatedReferrals: network.escalated },
        },
      },
    };
  },
};
