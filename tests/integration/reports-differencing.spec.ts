// Disclosure control that survives differencing (issue 14, finding 6), over HTTP on a real
// PostgreSQL. A network gets referrals with counts from 1 to 20 in many cells (months × sender →
// receiver pairs × statuses × needs) over FY2025. Every fixed-period report is requested — the
// fiscal year and its twelve months, for the whole network and for one organisation — with its
// CSV, the annual evaluation CSV and PDF and the network map. Then an attacker written here,
// independently of the suppression code, tries every subtraction a reader can make:
//   - within a report: a table's total (status, sender, receiver) minus its shown cells;
//   - across periods: the year's figure of a key minus the twelve months' shown figures, and the
//     year's total minus the months';
//   - between the map's flows and the year's senders and receivers;
// and chains them: every figure it learns is used again, until it learns nothing more. No hidden
// figure may be learnt, every shown figure must be the true count written here (read back by a
// direct count over referrals), every true 1–4 must be hidden, and the CSV, annual CSV and PDF
// must show the same figures as the report. Adjacent and overlapping ranges are refused.
//
// The rows are written with the superuser connection (as reports.spec.ts does): sending times
// no mutation lets a test choose; the trigger on referrals keeps the aggregates.
import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import { Clock } from '../../apps/api/src/core/time/clock';
import { outcome, signIn, SignedInClient, TestNetwork } from '../support/accounts';
import { RunningApi } from '../support/api';
import { setupApiTest } from '../support/harness';
import { dataOf } from '../support/people';
import { pdfText } from '../support/pdf';
import { TestDatabase } from '../support/test-database';

const NOW = new Date('2026-06-15T00:00:00Z');
const MONTHS = ['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03'];
const STATUSES = ['SENT', 'ACCEPTED', 'DECLINED', 'COMPLETED', 'CLOSED_UNRESOLVED'];
const NEED_SETS = [['HOUSING'], [], ['POVERTY', 'HOUSING'], ['EMPLOYMENT']];

const t = setupApiTest({
  clients: false,
  networks: {
    network: {
      slug: 'differencing',
      organizations: { city: 'MUNICIPALITY', npo1: 'NPO', npo2: 'NPO', npo3: 'NPO', swc: 'SOCIAL_WELFARE_COUNCIL' },
      members: {
        admin: ['swc', ['NETWORK_ADMIN']],
        city: ['city', ['COORDINATOR']],
        npo1: ['npo1', ['COORDINATOR']],
        npo2: ['npo2', ['COORDINATOR']],
        npo2Admin: ['npo2', ['ORG_ADMIN']],
        npo3: ['npo3', ['COORDINATOR']],
      },
    },
  },
});
let database: TestDatabase, api: RunningApi, sql: DataSource, network: TestNetwork;
let admin: SignedInClient;
/** An organisation's report is read by that organisation (a network reader reads the network's). */
let npo2Admin: SignedInClient;

const COUNT = `value suppressed display`;
const REPORT = `query Report($input: ReportInput) { networkReport(input: $input) {
  from to
  referrals { total { ${COUNT} } byStatus { key count { ${COUNT} } } byCategory { key count { ${COUNT} } }
    byMonth { month count { ${COUNT} } } bySender { organizationId count { ${COUNT} } } byReceiver { organizationId count { ${COUNT} } }
    medianHoursToAcceptance p90HoursToAcceptance completionRatePercent unresolvedRatePercent }
  training { enrolments { ${COUNT} } completions { ${COUNT} } completionRatePercent } } }`;
const REPORT_CSV = `query Csv($input: ReportInput) { networkReportCsv(input: $input, language: "ja") }`;
const ANNUAL_CSV = `query Annual($fiscalYear: Int!, $organizationId: ID) { annualEvaluationCsv(fiscalYear: $fiscalYear, organizationId: $organizationId, language: "ja") }`;
const MAP = `query Map($from: DateTime, $to: DateTime) { networkMap(from: $from, to: $to) { edges { kind sourceId targetId referrals { ${COUNT} } } } }`;

interface Count {
  value: number | null;
  suppressed: boolean;
  display: string;
}
interface Report {
  from: string;
  to: string;
  referrals: {
    total: Count;
    byStatus: Array<{ key: string; count: Count }>;
    byCategory: Array<{ key: string; count: Count }>;
    byMonth: Array<{ month: string; count: Count }>;
    bySender: Array<{ organizationId: string; count: Count }>;
    byReceiver: Array<{ organizationId: string; count: Count }>;
    medianHoursToAcceptance: number | null;
    p90HoursToAcceptance: number | null;
    completionRatePercent: number | null;
    unresolvedRatePercent: number | null;
  };
  training: { enrolments: Count; completions: Count; completionRatePercent: number | null };
}

function monthStart(month: string): string {
  const [year, number] = month.split('-').map(Number);
  return new Date(Date.UTC(year, number - 1, 1) - 9 * 3_600_000).toISOString();
}
function nextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number);
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}
const FY2025 = { from: monthStart('2025-04'), to: monthStart('2026-04') };

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

async function report(input: Record<string, unknown>, reader: SignedInClient = admin): Promise<Report> {
  return dataOf(await reader.request<{ networkReport: Report }>(REPORT, { input })).networkReport;
}

/** Figures a reader sees, by an id naming the period, the table and the key. */
type Published = Map<string, number | null>;

/** What the attacker can read from one report of a period ("Y" or a month), table by table. */
function readReport(period: string, r: Report, published: Published, tables: string[][]): void {
  const put = (id: string, count: Count) => {
    // The same figure from two places must read the same (a year's month cell and the month's total).
    if (published.has(id)) expect([id, published.get(id)]).toEqual([id, count.value]);
    published.set(id, count.value);
  };
  put(`${period}|total`, r.referrals.total);
  for (const item of r.referrals.byMonth) put(`${item.month}|total`, item.count);
  for (const [dimension, list] of [
    ['status', r.referrals.byStatus.map((item) => [item.key, item.count] as const)],
    ['sender', r.referrals.bySender.map((item) => [item.organizationId, item.count] as const)],
    ['receiver', r.referrals.byReceiver.map((item) => [item.organizationId, item.count] as const)],
    ['category', r.referrals.byCategory.map((item) => [item.key, item.count] as const)],
  ] as const) {
    for (const [key, count] of list) put(`${period}|${dimension}|${key}`, count);
    // Additive tables: the total is the sum of the cells (needs overlap: no such relation).
    if (dimension !== 'category') tables.push([`${period}|total`, ...list.map(([key]) => `${period}|${dimension}|${key}`)]);
  }
  put(`${period}|enrolments`, r.training.enrolments);
  put(`${period}|completions`, r.training.completions);
}

/**
 * Chains subtractions: in every relation [total, ...parts] with exactly one figure unknown, that
 * figure is the total minus the others (or the part is); repeats until nothing new is learnt.
 * Returns what it learnt that was hidden.
 */
function attack(published: Published, relations: string[][]): Map<string, number> {
  const known = new Map<string, number>();
  for (const [id, value] of published) if (value !== null) known.set(id, value);
  // A key a table does not list (an organisation without referrals) reads as 0.
  const valueOf = (id: string) => (published.has(id) ? known.get(id) : 0);
  const learnt = new Map<string, number>();
  let progress = true;
  while (progress) {
    progress = false;
    for (const [total, ...parts] of relations) {
      const unknown = [total, ...parts].filter((id) => valueOf(id) === undefined);
      if (unknown.length !== 1) continue;
      const [missing] = unknown;
      const partsSum = parts.filter((id) => id !== missing).reduce((sum, id) => sum + (valueOf(id) as number), 0);
      const value = missing === total ? partsSum : (valueOf(total) as number) - partsSum;
      known.set(missing, value);
      learnt.set(missing, value);
      progress = true;
    }
  }
  return learnt;
}

beforeAll(async () => {
  ({ database, api, sql, networks: { network } } = t);
  jest.spyOn(Clock.prototype, 'now').mockReturnValue(NOW);
  admin = await signIn(api.url, network.members['admin'].email);
  npo2Admin = await signIn(api.url, network.members['npo2Admin'].email);
  const o = network.organizations;
  const pairs: Array<[string, string]> = [
    ['city', 'npo1'],
    ['city', 'npo2'],
    ['npo1', 'npo2'],
    ['npo2', 'swc'],
    ['npo3', 'city'],
    ['swc', 'npo3'],
    ['npo1', 'swc'],
  ];
  const next = random(14_06);
  for (const month of MONTHS) {
    for (const [from, to] of pairs) {
      for (const status of STATUSES) {
        const draw = next();
        // Most cells empty; the rest 1–20, small ones most often, so that the month × status,
        // sender and receiver sums hold many 1–4 among larger ones.
        const count = draw < 0.7 ? 0 : draw < 0.92 ? 1 + Math.floor(next() * 4) : 5 + Math.floor(next() * 16);
        if (count === 0) continue;
        const needs = NEED_SETS[Math.floor(next() * NEED_SETS.length)];
        const day = 1 + Math.floor(next() * 27);
        const sender = network.members[from] ?? network.members['admin'];
        const sent = new Date(Date.parse(`${month}-${String(day).padStart(2, '0')}T01:00:00Z`));
        await sql.query(
          `INSERT INTO referrals (tenant_id, sender_organization_id, sender_membership_id, receiver_organization_id, service_name,
                                  anonymous_age_band, needs, urgency, reason, status, sent_at, response_due_at, expires_at, answered_at, outcome, created_at)
           SELECT $1, $2, $3, $4, '相談窓口', 'AGE_30_39', $5, 'NORMAL', '紹介の理由', $6,
                  $7::timestamptz + make_interval(mins => n), $7::timestamptz + interval '72 hours', $7::timestamptz + interval '144 hours',
                  CASE WHEN $6 = 'SENT' THEN NULL ELSE $7::timestamptz + make_interval(hours => n) END,
                  CASE WHEN $6 = 'COMPLETED' THEN '支援が完了しました' END, $7::timestamptz
             FROM generate_series(1, $8::int) AS n`,
          [network.tenantId, o[from], sender.membershipId, o[to], needs, status, sent, count],
        );
      }
    }
  }
}, 300_000);

/** The true counts of FY2025, by a direct count over referrals (Japan months). */
async function truth(organizationId: string | null): Promise<Map<string, number>> {
  const filter = organizationId ? `AND (sender_organization_id = $2 OR receiver_organization_id = $2)` : '';
  const params = organizationId ? [network.tenantId, organizationId] : [network.tenantId];
  const month = `to_char(sent_at AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM')`;
  const rows: Array<{ period: string; dimension: string; key: string; n: number }> = await sql.query(
    `SELECT coalesce(${month}, 'Y') AS period, d.dimension, d.key, count(*)::int AS n
       FROM referrals r
       CROSS JOIN LATERAL (VALUES ('status', r.status::text), ('sender', r.sender_organization_id::text),
                                  ('receiver', r.receiver_organization_id::text), ('total', '')) AS d(dimension, key)
      WHERE tenant_id = $1 AND sent_at >= '${FY2025.from}' AND sent_at < '${FY2025.to}' ${filter}
      GROUP BY GROUPING SETS ((${month}, d.dimension, d.key), (d.dimension, d.key))`,
    params,
  );
  const needs: Array<{ period: string; key: string; n: number }> = await sql.query(
    `SELECT coalesce(${month}, 'Y') AS period, need AS key, count(*)::int AS n
       FROM referrals, unnest(CASE WHEN cardinality(needs) = 0 THEN ARRAY['NONE'] ELSE needs END) AS need
      WHERE tenant_id = $1 AND sent_at >= '${FY2025.from}' AND sent_at < '${FY2025.to}' ${filter}
      GROUP BY GROUPING SETS ((${month}, need), (need))`,
    params,
  );
  const flows: Array<{ sender: string; receiver: string; n: number }> = organizationId
    ? []
    : await sql.query(
        `SELECT sender_organization_id AS sender, receiver_organization_id AS receiver, count(*)::int AS n FROM referrals
          WHERE tenant_id = $1 AND sent_at >= '${FY2025.from}' AND sent_at < '${FY2025.to}' GROUP BY 1, 2`,
        params,
      );
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.dimension === 'total' ? `${row.period}|total` : `${row.period}|${row.dimension}|${row.key}`, Number(row.n));
  for (const row of needs) counts.set(`${row.period}|category|${row.key}`, Number(row.n));
  for (const row of flows) counts.set(`F|${row.sender}|${row.receiver}`, Number(row.n));
  return counts;
}

describe.each([
  ['the whole network', null],
  ['one organisation (npo2)', 'npo2'],
])('differencing the fixed-period reports of %s', (_name, organizationKey) => {
  it('no subtraction within a report, across the year and its months, or against the map reveals a hidden count', async () => {
    const organizationId = organizationKey ? network.organizations[organizationKey] : null;
    const reader = organizationKey ? npo2Admin : admin;
    const counts = await truth(organizationId);
    const published: Published = new Map();
    const relations: string[][] = [];
    const year = await report({ ...FY2025, organizationId }, reader);
    readReport('Y', year, published, relations);
    const months: Record<string, Report> = {};
    for (const month of MONTHS) {
      months[month] = await report({ from: monthStart(month), to: monthStart(nextMonth(month)), organizationId }, reader);
      readReport(month, months[month], published, relations);
    }
    // The year is the sum of its months, key by key and in total.
    relations.push(['Y|total', ...MONTHS.map((month) => `${month}|total`)]);
    for (const id of [...published.keys()].filter((key) => key.startsWith('Y|') && key !== 'Y|total')) {
      const rest = id.slice(2);
      relations.push([id, ...MONTHS.map((month) => `${month}|${rest}`)]);
    }
    // The map's flows against the year's senders and receivers (network scope).
    if (!organizationId) {
      const map = dataOf(await admin.request<{ networkMap: { edges: Array<{ kind: string; sourceId: string; targetId: string; referrals: Count | null }> } }>(MAP, FY2025))
        .networkMap;
      const organizations = Object.values(network.organizations);
      for (const edge of map.edges.filter((item) => item.kind === 'REFERRALS')) published.set(`F|${edge.sourceId}|${edge.targetId}`, edge.referrals?.value ?? null);
      for (const sender of organizations) relations.push([`Y|sender|${sender}`, ...organizations.filter((r) => r !== sender).map((r) => `F|${sender}|${r}`)]);
      for (const receiver of organizations) relations.push([`Y|receiver|${receiver}`, ...organizations.filter((s) => s !== receiver).map((s) => `F|${s}|${receiver}`)]);
    }

    // Every shown figure is the true count; every true 1–4 is hidden; there are hidden cells to find.
    let hidden = 0;
    let primary = 0;
    for (const [id, value] of published) {
      if (!id.includes('|category|') && !id.startsWith('F|') && !id.endsWith('|enrolments') && !id.endsWith('|completions')) {
        const trueCount = counts.get(id) ?? 0;
        if (value === null) {
          hidden += 1;
          if (trueCount >= 1 && trueCount <= 4) primary += 1;
        } else expect([id, value]).toEqual([id, trueCount]);
        if (trueCount >= 1 && trueCount <= 4) expect([id, value]).toEqual([id, null]);
      }
      if (id.includes('|category|') || id.startsWith('F|')) {
        const trueCount = counts.get(id) ?? 0;
        if (value !== null) expect([id, value]).toEqual([id, trueCount]);
        if (trueCount >= 1 && trueCount <= 4) expect([id, value]).toEqual([id, null]);
      }
    }
    expect(primary).toBeGreaterThan(organizationId ? 10 : 20);
    expect(hidden).toBeGreaterThan(primary);
    process.stdout.write(`differencing ${organizationKey ?? 'network'}: ${published.size} figures, ${hidden} hidden, ${primary} of them 1–4\n`);

    // The attacker learns nothing hidden. (Without secondary suppression it learns most of them:
    // see the domain spec's brute-force attacker.)
    const learnt = attack(published, relations);
    const revealed = [...learnt.entries()].filter(([id]) => published.get(id) === null).map(([id, value]) => [id, value, counts.get(id) ?? 0]);
    expect(revealed).toEqual([]);

    // Rates and medians only where every count they use is shown.
    for (const r of [year, ...Object.values(months)]) {
      const status = (key: string) => r.referrals.byStatus.find((item) => item.key === key)?.count;
      const acceptedShown = ['ACCEPTED', 'COMPLETED', 'CLOSED_UNRESOLVED'].every((key) => !status(key)?.suppressed);
      if (r.referrals.completionRatePercent !== null) expect(acceptedShown && !status('COMPLETED')?.suppressed).toBe(true);
      if (r.referrals.medianHoursToAcceptance !== null) expect(acceptedShown).toBe(true);
    }

    // The CSV of every period, the annual CSV and the PDF show the same figures.
    const csvValue = (csv: string, section: string, key: string) =>
      (parse(csv.slice(1)) as string[][]).find((row) => row[0] === section && row[1] === key)?.[3];
    const display = (count: Count) => count.display;
    const annual = dataOf(await reader.request<{ annualEvaluationCsv: string }>(ANNUAL_CSV, { fiscalYear: 2025, organizationId })).annualEvaluationCsv;
    const yearCsv = dataOf(await reader.request<{ networkReportCsv: string }>(REPORT_CSV, { input: { ...FY2025, organizationId } })).networkReportCsv;
    for (const csv of [annual, yearCsv]) {
      expect(csvValue(csv, 'referrals', 'total')).toBe(display(year.referrals.total));
      for (const item of year.referrals.byMonth) expect([item.month, csvValue(csv, 'referrals.month', item.month)]).toEqual([item.month, item.count.display]);
      for (const item of year.referrals.byStatus) expect([item.key, csvValue(csv, 'referrals.status', item.key)]).toEqual([item.key, item.count.display]);
      for (const item of year.referrals.bySender) expect(csvValue(csv, 'referrals.sender', item.organizationId)).toBe(item.count.display);
    }
    for (const month of ['2025-04', '2025-10', '2026-03']) {
      const csv = dataOf(
        await reader.request<{ networkReportCsv: string }>(REPORT_CSV, { input: { from: monthStart(month), to: monthStart(nextMonth(month)), organizationId } }),
      ).networkReportCsv;
      for (const item of months[month].referrals.byStatus) expect([month, item.key, csvValue(csv, 'referrals.status', item.key)]).toEqual([month, item.key, item.count.display]);
    }
    const query = organizationId ? `?organizationId=${organizationId}` : '';
    const pdf = await fetch(`${api.url}/api/reports/annual/2025.pdf${query}`, { headers: { authorization: `Bearer ${reader.token}` } });
    const text = (await pdfText(Buffer.from(await pdf.arrayBuffer()))).replace(/\s+/g, ' ');
    for (const item of year.referrals.byMonth) {
      const [y, m] = item.month.split('-').map(Number);
      expect(text).toContain(`${y}年${m}月 ${item.count.display}`);
    }
  });
});

describe('scopes that could be subtracted', () => {
  // Each scope is protected on its own: a network reader who also read another organisation's
  // report could subtract one from the other (a complement hidden in the network's month row may
  // be shown as that organisation's own figure). So a network reader reads the network, or their
  // own organisation, on every path.
  it('refuses a network reader another organisation\'s report, CSV, annual CSV and PDF', async () => {
    const npo2 = network.organizations['npo2'];
    const reason = (response: { body: { errors?: Array<{ extensions?: Record<string, unknown> }> } }) => response.body.errors?.[0]?.extensions?.['reason'];
    expect(reason(await admin.request(REPORT, { input: { ...FY2025, organizationId: npo2 } }))).toBe('REPORT_SCOPE_OTHER_ORGANIZATION');
    expect(reason(await admin.request(REPORT_CSV, { input: { ...FY2025, organizationId: npo2 } }))).toBe('REPORT_SCOPE_OTHER_ORGANIZATION');
    expect(reason(await admin.request(ANNUAL_CSV, { fiscalYear: 2025, organizationId: npo2 }))).toBe('REPORT_SCOPE_OTHER_ORGANIZATION');
    const pdf = await fetch(`${api.url}/api/reports/annual/2025.pdf?organizationId=${npo2}`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(pdf.status).toBe(403);
    // The network's own report and the organisation's own reader still work.
    expect((await report({ ...FY2025 })).referrals.byMonth).toHaveLength(12);
    expect((await report({ ...FY2025, organizationId: npo2 }, npo2Admin)).referrals.byMonth).toHaveLength(12);
  });
});

describe('periods that could be subtracted', () => {
  it('refuses every range that is not one whole month or fiscal year: two adjacent months, a month and a day, a shifted month', async () => {
    for (let index = 0; index + 1 < MONTHS.length; index++) {
      const month = MONTHS[index];
      const after = nextMonth(nextMonth(month));
      for (const input of [
        { from: monthStart(month), to: monthStart(after) },
        { from: monthStart(month), to: new Date(Date.parse(monthStart(nextMonth(month))) + 86_400_000).toISOString() },
        { from: new Date(Date.parse(monthStart(month)) + 86_400_000).toISOString(), to: monthStart(nextMonth(month)) },
      ]) {
        const response = await admin.request(REPORT, { input });
        expect(outcome(response)).toBe('BAD_USER_INPUT');
        expect(response.body.errors?.[0]?.extensions?.['reason']).toBe('REPORT_PERIOD_NOT_FIXED');
      }
    }
  });
});

describe('training rates', () => {
  it('the finding: 5 enrolled, 2 completed — the completions are hidden and so is the rate (it was 40 %)', async () => {
    const learner = network.members['npo1'];
    const courses: string[] = [];
    for (let index = 0; index < 5; index++) {
      const [row]: Array<{ id: string }> = await sql.query(
        `INSERT INTO courses (tenant_id, organization_id, title, status, published_at, audience_all, visibility)
         VALUES ($1, $2, $3, 'PUBLISHED', '2025-01-01', true, 'NETWORK') RETURNING id`,
        [network.tenantId, network.organizations['city'], `研修 ${index}`],
      );
      courses.push(row.id);
    }
    for (const [index, courseId] of courses.entries()) {
      await sql.query(
        `INSERT INTO course_enrolments (tenant_id, membership_id, organization_id, course_tenant_id, course_id, source, completed_at, created_at)
         VALUES ($1, $2, $3, $1, $4, 'SELF', $5, '2025-05-10T00:00:00Z')`,
        [network.tenantId, learner.membershipId, learner.organizationId, courseId, index < 2 ? '2025-05-20T00:00:00Z' : null],
      );
    }
    const may = await report({ from: monthStart('2025-05'), to: monthStart('2025-06') });
    expect(may.training).toEqual({
      enrolments: { value: 5, suppressed: false, display: '5' },
      completions: { value: null, suppressed: true, display: 'x' },
      completionRatePercent: null,
    });
    const year = await report(FY2025);
    expect(year.training.completionRatePercent).toBeNull();
    expect(year.training.completions.suppressed).toBe(true);
  });
});
