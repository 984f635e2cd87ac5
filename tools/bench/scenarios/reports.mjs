// @ts-check
// Reports: the network's report over a fiscal year, read from the aggregates and protected by
// the API's own disclosure control (report-protection.ts over libs/domain), then its figures.
import { canonicalJson } from '../measure.mjs';
import { REFERRAL_ORGANIZATIONS } from '../fixtures.mjs';
import { loadActorRaw, transaction } from '../raw-sql.mjs';

/** FY2025: 1 April 2025 to 1 April 2026, Japan time. */
const REPORT_FISCAL_YEAR = 2025;
const REPORT_FY2025 = { from: '2025-03-31T15:00:00.000Z', to: '2026-03-31T15:00:00.000Z' };
const REPORT_COUNT = 'value suppressed display';

const GROUPED = 'protectedYear: month × status, month × sender, month × receiver, sender × receiver (grouping sets)';
const CATEGORIES = 'protectedYear: month × need';
const TRAINING = 'protectedYear: training per month';
const ACCEPTANCE = 'figures: acceptance histogram';
const OVERDUE = 'figures: overdue (referrals_awaiting_reply_idx)';
const PUBLISHED = 'figures: grants published';
const APPLICATIONS = 'figures: applications by status';
const PARTNERSHIPS = 'figures: partnerships in effect';

/**
 * ReportsService's statements for the whole network over FY2025, each with its parameters as the
 * service numbers them (report-queries.ts's Params, no organisation filter).
 * @param {import('../api-code.mjs').ApiCode} code @param {string} tenant
 */
function reportStatements(code, tenant) {
  const queries = code.reportQueries;
  const { from, to } = code.domain.fiscalYearRange(REPORT_FISCAL_YEAR);
  const range = code.reportFigures.japanDayRange(from, to);
  const network = queries.orgFilterOf(null);
  /** @param {string} label @param {(params: InstanceType<typeof queries.Params>) => string} build */
  const statement = (label, build) => {
    const params = new queries.Params(tenant, range);
    const sql = build(params);
    return { label, sql, params: params.values };
  };
  return {
    range,
    statements: [
      statement(GROUPED, (params) => queries.referralGroupedSql(params, network)),
      statement(CATEGORIES, (params) => queries.referralCategoriesSql(params, network)),
      statement(TRAINING, (params) => queries.trainingSql(params, network)),
      statement(ACCEPTANCE, (params) => queries.acceptanceSql(params, network)),
      { label: OVERDUE, sql: queries.overdueSql(false), params: [tenant, new Date()] },
      statement(PUBLISHED, (params) => queries.publishedGrantsSql(params, network)),
      statement(APPLICATIONS, (params) => queries.applicationsSql(params, null)),
      statement(PARTNERSHIPS, (params) => queries.partnershipCountsSql(params, network)),
    ],
  };
}

/**
 * The answer's figures without the labels the request does not ask for (GraphQL leaves them out too).
 * @param {ReadonlyArray<{ key: string, count: unknown }>} items
 */
const reportKeyed = (items) => items.map(({ key, count }) => ({ key, count }));

/** @type {import('./scenario.mjs').Scenario} */
export const reportsScenario = {
  name: 'reports',
  description:
    'query Reports: signed in (network admin); networkReport for the whole network over FY2025 (~515,000 of the 1,000,000 referrals sent in it): the protected fiscal year read from the monthly aggregates, primary + secondary suppression over its linked tables, then the period\'s other figures',
  needsSignIn: true,
  needsPeople: true,
  needsReferrals: true,
  explain: (context, code) => {
    const { statements } = reportStatements(code, context.tenantId);
    return statements.map(({ label, sql, params }) => ({ label: `ReportsService.${label}`, sql, params }));
  },
  graphql: {
    operationName: 'Reports',
    query: `query Reports($input: ReportInput) { networkReport(input: $input) { from to organizationId
      referrals { total { ${REPORT_COUNT} } byStatus { key count { ${REPORT_COUNT} } } byCategory { key count { ${REPORT_COUNT} } }
        byMonth { month count { ${REPORT_COUNT} } } bySender { organizationId organizationName count { ${REPORT_COUNT} } }
        byReceiver { organizationId organizationName count { ${REPORT_COUNT} } }
        medianHoursToAcceptance p90HoursToAcceptance completionRatePercent unresolvedRatePercent overdue { ${REPORT_COUNT} } }
      grants { published { ${REPORT_COUNT} } applications { ${REPORT_COUNT} } awarded { ${REPORT_COUNT} } awardedAmountYen
        applicationsByStatus { key count { ${REPORT_COUNT} } } }
      training { enrolments { ${REPORT_COUNT} } completions { ${REPORT_COUNT} } completionRatePercent }
      partnerships { total { ${REPORT_COUNT} } byType { key count { ${REPORT_COUNT} } } byStatus { key count { ${REPORT_COUNT} } } } } }`,
    variables: { input: REPORT_FY2025 },
  },
  // The fiscal year at bench size: no cell is small, so the protection hides nothing (it still
  // runs in full: the values and relations of every month and margin, and the exact audit); the
  // months add up to the total, every status and need (NONE included) is listed.
  check: (body) => {
    const report = body?.data?.networkReport;
    const referrals = report?.referrals;
    /** @param {any} value @returns {boolean} */
    const hidden = (value) =>
      Array.isArray(value) ? value.some(hidden) : value && typeof value === 'object' ? value.suppressed === true || Object.values(value).some(hidden) : false;
    return (
      report?.from === REPORT_FY2025.from &&
      report.to === REPORT_FY2025.to &&
      report.organizationId === null &&
      !hidden(report) &&
      referrals.total.value > 400_000 &&
      referrals.byMonth.length === 12 &&
      referrals.byMonth.reduce((/** @type {number} */ sum, /** @type {any} */ item) => sum + item.count.value, 0) === referrals.total.value &&
      referrals.byStatus.length === 9 &&
      referrals.byStatus.reduce((/** @type {number} */ sum, /** @type {any} */ item) => sum + item.count.value, 0) === referrals.total.value &&
      referrals.byCategory.length === 20 &&
      referrals.bySender.length === REFERRAL_ORGANIZATIONS &&
      referrals.byReceiver.length === REFERRAL_ORGANIZATIONS &&
      Number.isInteger(referrals.medianHoursToAcceptance) &&
      Number.isInteger(referrals.completionRatePercent)
    );
  },
  // Every figure must equal the API's, but overdue: a current state that can change between the two probes.
  sameAnswer: (api, raw) => {
    /** @param {any} body */
    const figures = (body) => canonicalJson({ ...body.data.networkReport, referrals: { ...body.data.networkReport.referrals, overdue: null } });
    return figures(api) === figures(raw);
  },
  raw: async (pool, context, code) => {
    await loadActorRaw(pool, context, code);
    const { reportProtection: protection, reportFigures: figures } = code;
    return transaction(pool, context, async (client) => {
      const tenant = context.tenantId;
      const { range, statements } = reportStatements(code, tenant);
      /** @param {string} label */
      const rows = async (label) => {
        const statement = statements.find((candidate) => candidate.label === label);
        if (!statement) throw new Error(`no report statement ${label}`);
        return (await client.query(statement.sql, statement.params)).rows;
      };

      // ReportsService.protectedYear: the year's cells, then the protection of its linked tables.
      const grouped = await rows(GROUPED);
      // GROUPING's bits, highest first: status, month, sender, receiver (1 = not grouped by it).
      /** @param {number} bits @param {string} key */
      const monthCells = (bits, key) =>
        grouped.filter((row) => Number(row.set) === bits).map((row) => ({ month: row.month ?? '', key: row[key] ?? '', count: Number(row.count) }));
      const byMonthCategory = await rows(CATEGORIES);
      const trainingRows = await rows(TRAINING);
      const year = protection.protectFiscalYear(
        {
          fiscalYear: REPORT_FISCAL_YEAR,
          byMonthStatus: monthCells(0b0011, 'status'),
          byMonthSender: monthCells(0b1001, 'sender'),
          byMonthReceiver: monthCells(0b1010, 'receiver'),
          byMonthCategory: byMonthCategory.map((row) => ({ month: row.month, key: row.key, count: Number(row.count) })),
          flows: grouped.filter((row) => Number(row.set) === 0b1100).map((row) => ({ sender: row.sender ?? '', receiver: row.receiver ?? '', count: Number(row.count) })),
          training: trainingRows.map((row) => ({
            month: row.month,
            enrolments: Number(row.enrolments),
            completions: Number(row.completions),
            completedEnrolments: Number(row.completed_enrolments),
          })),
        },
        figures.REPORTED_REFERRAL_STATUSES,
        figures.REPORTED_CATEGORIES,
      );

      // ReportsService.figures: the rest of the period's figures.
      const ids = [...new Set([...year.senders, ...year.receivers])];
      const names = new Map(
        ids.length ? (await client.query(code.reportQueries.ORGANIZATION_NAMES_SQL, [tenant, ids])).rows.map((row) => [row.id, row.name]) : [],
      );
      const acceptanceHours = await rows(ACCEPTANCE);
      const [{ count: overdue }] = await rows(OVERDUE);
      const [{ count: published }] = await rows(PUBLISHED);
      const applications = await rows(APPLICATIONS);
      const partnershipRows = await rows(PARTNERSHIPS);
      await client.query(code.reportQueries.NETWORK_NAME_SQL, [tenant]);

      const referrals = figures.referralFigures(year, 'YEAR', { acceptanceHours, overdue: Number(overdue), names }, 'ja');
      const grants = figures.grantFigures(
        {
          published: Number(published),
          applicationsByStatus: applications,
          awardedAmountYen: applications.reduce((/** @type {number} */ sum, row) => sum + Number(row.amount), 0),
        },
        'ja',
      );
      const training = figures.trainingFigures(year, 'YEAR');
      const partnerships = figures.partnershipFigures(
        {
          byType: partnershipRows.map((row) => ({ key: row.partnership_type, count: row.count })),
          byStatus: partnershipRows.map((row) => ({ key: row.status, count: row.count })),
        },
        'ja',
      );
      return {
        data: {
          networkReport: {
            from: range.from.toISOString(),
            to: range.to.toISOString(),
            organizationId: null,
            referrals: {
              total: referrals.total,
              byStatus: reportKeyed(referrals.byStatus),
              byCategory: reportKeyed(referrals.byCategory),
              byMonth: referrals.byMonth,
              bySender: referrals.bySender,
              byReceiver: referrals.byReceiver,
              medianHoursToAcceptance: referrals.medianHoursToAcceptance,
              p90HoursToAcceptance: referrals.p90HoursToAcceptance,
              completionRatePercent: referrals.completionRatePercent,
              unresolvedRatePercent: referrals.unresolvedRatePercent,
              overdue: referrals.overdue,
            },
            grants: {
              published: grants.published,
              applications: grants.applications,
              awarded: grants.awarded,
              awardedAmountYen: grants.awardedAmountYen,
              applicationsByStatus: reportKeyed(grants.applicationsByStatus),
            },
            training,
            partnerships: { total: partnerships.total, byType: reportKeyed(partnerships.byType), byStatus: reportKeyed(partnerships.byStatus) },
          },
        },
      };
    });
  },
};
