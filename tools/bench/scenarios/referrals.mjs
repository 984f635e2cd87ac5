// @ts-check
// Referrals: the inbox of organisation B, a page with the counts, over a million referrals.
import { connectionOf, loadActorRaw, transaction } from '../raw-sql.mjs';

/**
 * ReferralsService's statements for the inbox with no filter: $3 my organisation (filterClause's
 * first parameter), so the list's and the counts' own parameters start at $4.
 * @param {import('../api-code.mjs').ApiCode} code
 */
function inbox(code) {
  const where = code.referrals.referralBoxClause('INBOX', 3);
  return { list: code.referrals.referralListSql(where, 4), counts: code.referrals.referralCountsSql(where, 4) };
}

/** @type {import('./scenario.mjs').Scenario} */
export const inboxScenario = {
  name: 'inbox',
  description:
    "query Inbox: signed in (organisation B); the referral inbox, newest 20 of B's ~49,000 with the counts by status, overdue and unread (1,000,000 referrals in the network, 50 networks)",
  needsSignIn: true,
  needsPeople: true,
  needsReferrals: true,
  explain: (context, code) => [
    {
      label: 'ReferralsService.list (INBOX, first 20)',
      sql: inbox(code).list,
      params: [context.tenantId, context.membershipId, context.organizationId, null, null, 21],
    },
    {
      label: 'ReferralsService.counts (INBOX)',
      sql: inbox(code).counts,
      params: [context.tenantId, context.membershipId, context.organizationId, new Date()],
    },
  ],
  graphql: {
    operationName: 'Inbox',
    query: `query Inbox { referrals(box: INBOX, first: 20) {
      nodes { id status urgency needs serviceName personPseudonym senderOrganization { name } receiverOrganization { name }
        senderName sentAt responseDueAt overdue unreadMessages availableActions mySides }
      pageInfo { endCursor hasNextPage } }
      referralCounts(box: INBOX) { byStatus { status count } overdue withUnreadMessages } }`,
  },
  check: (body) =>
    body?.data?.referrals?.nodes?.length === 20 &&
    body.data.referrals.pageInfo.hasNextPage === true &&
    body.data.referrals.nodes.every((/** @type {any} */ node) => node.mySides.length === 1 && node.mySides[0] === 'RECEIVER') &&
    body.data.referralCounts.byStatus.reduce((/** @type {number} */ sum, /** @type {any} */ item) => sum + item.count, 0) > 40_000 &&
    body.data.referralCounts.overdue > 0 &&
    body.data.referralCounts.withUnreadMessages > 0,
  raw: async (pool, context, code) => {
    await loadActorRaw(pool, context, code);
    const now = new Date();
    // Apollo resolves the two root fields at once: ReferralsService.list and .counts, each in
    // its own tenant transaction (each on its own pooled connection).
    const [rows, [counts]] = await Promise.all([
      transaction(pool, context, async (client) =>
        (
          await client.query(inbox(code).list, [
            context.tenantId,
            context.membershipId,
            context.organizationId,
            null,
            null,
            21,
          ])
        ).rows,
      ),
      transaction(pool, context, async (client) =>
        (await client.query(inbox(code).counts, [context.tenantId, context.membershipId, context.organizationId, now])).rows,
      ),
    ]);
    const referrals = connectionOf(
      rows,
      20,
      (row) => ({ key: row.cursor_key, id: row.id }),
      (row) => {
        /** @type {import('../../../libs/domain/src/index').ReferralSide[]} */
        const sides = [];
        if (row.sender_organization_id === context.organizationId) sides.push('SENDER');
        if (row.receiver_organization_id === context.organizationId) sides.push('RECEIVER');
        return {
          id: row.id,
          status: row.status,
          urgency: row.urgency,
          needs: row.needs,
          serviceName: row.service_name,
          personPseudonym: row.person_pseudonym,
          senderOrganization: { name: row.sender_organization_name },
          receiverOrganization: { name: row.receiver_organization_name },
          senderName: row.sender_name,
          sentAt: row.sent_at?.toISOString() ?? null,
          responseDueAt: row.response_due_at?.toISOString() ?? null,
          overdue: row.status === 'SENT' && row.response_due_at !== null && row.response_due_at < now,
          unreadMessages: row.unread_messages,
          // As ReferralsService.toReferral: libs/domain's rule, EXPIRE being the system's.
          availableActions: code.domain.availableActions(row.status, { sides, roles: context.roles }).filter((action) => action !== 'EXPIRE'),
          mySides: sides,
        };
      },
    );
    return {
      data: {
        referrals,
        referralCounts: { byStatus: counts.by_status, overdue: counts.overdue, withUnreadMessages: counts.with_unread },
      },
    };
  },
};
