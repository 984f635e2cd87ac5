// Network reports over HTTP on a real PostgreSQL: a fixed data set in a fresh network and every
// figure compared to numbers worked out by hand below — referrals in several statuses, needs,
// organisations and days (two sent one second either side of 2026-04-01 00:00 Japan time, the
// fiscal-year boundary), accepted after known numbers of hours; grants and applications (one
// from another network to this network's grant); training enrolments and completions;
// partnerships in and out of a year. Disclosure control (issue 14): a people count of 1–4 is
// hidden ("x"); any other people count is either its true value or hidden as a complementary
// cell (people(n) checks exactly that; which cells are hidden, and that none can be subtracted
// back, is tested by reports-differencing.spec.ts); rates and percentiles are null when a count
// they use is hidden. Periods are a Japan month or a fiscal year; other ranges are refused. Then
// the scope of each role, another network (NOT_FOUND, sees nothing), the map of a fiscal year,
// the CSV read back, the annual CSV and PDF for FY2025 and FY2026, and a consistency test: after
// a random sequence of changes to referrals the trigger-kept daily and monthly aggregates equal
// a direct count over referrals.
//
// The rows are written with the superuser connection: a report must be checked against times
// (sending, acceptance, creation) that no mutation lets a test choose; the aggregates are kept by
// the trigger on referrals whoever writes.
import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import { Clock } from '../../apps/api/src/core/time/clock';
import { createNetwork, outcome, signIn, TestNetwork } from '../support/accounts';
import { RunningApi } from '../support/api';
import { setupApiTest } from '../support/harness';
import type { TestDatabase } from '../support/test-database';
import { dataOf } from '../support/people';
import { pdfText } from '../support/pdf';

/** Now, for the whole file: 2026-06-15 09:00 Japan time (FY2026). */
const NOW = new Date('2026-06-15T00:00:00Z');
const HOUR = 60 * 60 * 1000;

const t = setupApiTest({
  networks: {
    a: {
      slug: 'reports-a',
      organizations: { city: 'MUNICIPALITY', npo1: 'NPO', npo2: 'NPO', swc: 'SOCIAL_WELFARE_COUNCIL' },
      members: {
        admin: ['swc', ['NETWORK_ADMIN']],
        liaison: ['city', ['LIAISON']],
        npoAdmin: ['npo1', ['ORG_ADMIN']],
        staff: ['npo1', ['STAFF']],
        npo2Staff: ['npo2', ['STAFF']],
        npo2Admin: ['npo2', ['ORG_ADMIN']],
        cityAdmin: ['city', ['ORG_ADMIN']],
      },
    },
    b: {
      slug: 'reports-b',
      organizations: { hub: 'INTERMEDIARY', other: 'NPO' },
      members: { bAdmin: ['hub', ['NETWORK_ADMIN']], bOrgAdmin: ['other', ['ORG_ADMIN']] },
    },
  },
});
const c = t.clients;
let database: TestDatabase, api: RunningApi, sql: DataSource, a: TestNetwork, b: TestNetwork;
beforeAll(() => ({ database, api, sql, networks: { a, b } } = t));

const COUNT = `value suppressed display`;
const REPORT = `query Report($input: ReportInput, $language: String) { networkReport(input: $input, language: $language) {
  from to organizationId
  referrals { total { ${COUNT} } byStatus { key label count { ${COUNT} } } byCategory { key label count { ${COUNT} } }
    byMonth { month count { ${COUNT} } } bySender { organizationId organizationName count { ${COUNT} } }
    byReceiver { organizationId organizationName count { ${COUNT} } }
    medianHoursToAcceptance p90HoursToAcceptance completionRatePercent unresolvedRatePercent overdue { ${COUNT} } }
  grants { published { ${COUNT} } applications { ${COUNT} } awarded { ${COUNT} } awardedAmountYen applicationsByStatus { key label count { ${COUNT} } } }
  training { enrolments { ${COUNT} } completions { ${COUNT} } completionRatePercent }
  partnerships { total { ${COUNT} } byType { key label count { ${COUNT} } } byStatus { key label count { ${COUNT} } } } } }`;
const REPORT_CSV = `query Csv($input: ReportInput, $language: String) { networkReportCsv(input: $input, language: $language) }`;
const ANNUAL_CSV = `query Annual($fiscalYear: Int!, $organizationId: ID, $language: String) {
  annualEvaluationCsv(fiscalYear: $fiscalYear, organizationId: $organizationId, language: $language) }`;
const MAP = `query Map($from: DateTime, $to: DateTime) { networkMap(from: $from, to: $to) {
  from to nodes { id name kind } edges { kind sourceId targetId partnershipType partnershipStatus referrals { ${COUNT} } } } }`;

interface Count {
  value: number | null;
  suppressed: boolean;
  display: string;
}
interface Labeled {
  key: string;
  label: string;
  count: Count;
}
interface OrgCount {
  organizationId: string;
  organizationName: string;
  count: Count;
}
interface Report {
  from: string;
  to: string;
  organizationId: string | null;
  referrals: {
    total: Count;
    byStatus: Labeled[];
    byCategory: Labeled[];
    byMonth: Array<{ month: string; count: Count }>;
    bySender: OrgCount[];
    byReceiver: OrgCount[];
    medianHoursToAcceptance: number | null;
    p90HoursToAcceptance: number | null;
    completionRatePercent: number | null;
    unresolvedRatePercent: number | null;
    overdue: Count;
  };
  grants: { published: Count; applications: Count; awarded: Count; awardedAmountYen: number; applicationsByStatus: Labeled[] };
  training: { enrolments: Count; completions: Count; completionRatePercent: number | null };
  partnerships: { total: Count; byType: Labeled[]; byStatus: Labeled[] };
}
interface MapResult {
  from: string;
  to: string;
  nodes: Array<{ id: string; name: string; kind: string }>;
  edges: Array<{ kind: string; sourceId: string; targetId: string; partnershipType: string | null; partnershipStatus: string | null; referrals: Count | null }>;
}

const HIDDEN: Count = { value: null, suppressed: true, display: 'x' };
/**
 * What a people count of true value n may read as: 1–4 always hidden ("x"); any other value
 * either shown truly or hidden (a complementary cell of the secondary suppression, whose choice
 * the differencing tests below check). An asymmetric matcher, so it also works inside objects.
 */
function people(n: number): Count {
  const small = n >= 1 && n <= 4;
  return {
    $$typeof: Symbol.for('jest.asymmetricMatcher'),
    asymmetricMatch: (actual: Count) =>
      actual.suppressed ? actual.value === null && actual.display === 'x' : !small && actual.value === n && actual.display === String(n),
    toAsymmetricMatcher: () => (small ? 'hidden (x)' : `${n} or hidden (x)`),
  } as unknown as Count;
}
/** A people count that must be shown, exactly n. */
function shown(n: number): Count {
  return { value: n, suppressed: false, display: String(n) };
}
function plain(n: number): Count {
  return { value: n, suppressed: false, display: String(n) };
}
/** The non-zero cells of a labeled list (hidden ones included), key → count. */
function cells(list: Labeled[]): Record<string, Count> {
  return Object.fromEntries(list.filter((item) => item.count.value !== 0).map((item) => [item.key, item.count]));
}
/** Every cell of a labeled list reads as its true count (people(n), zero for keys not named). */
function expectCells(list: Labeled[], truth: Record<string, number>): void {
  expect(cells(list)).toEqual(Object.fromEntries(list.filter((item) => item.count.value !== 0).map((item) => [item.key, people(truth[item.key] ?? 0)])));
  for (const [key, n] of Object.entries(truth)) expect(list.find((item) => item.key === key)?.count).toEqual(people(n));
}
function byOrg(list: OrgCount[]): Record<string, Count> {
  return Object.fromEntries(list.map((item) => [item.organizationId, item.count]));
}
/** The organisations listed read as their true counts; every organisation with referrals is listed. */
function expectOrgs(list: OrgCount[], truth: Record<string, number>): void {
  expect(byOrg(list)).toEqual(Object.fromEntries(list.map((item) => [item.organizationId, people(truth[item.organizationId] ?? 0)])));
  for (const [key, n] of Object.entries(truth)) if (n > 0) expect(byOrg(list)[key]).toEqual(people(n));
}

async function report(key: string, input: Record<string, unknown> = {}, language = 'ja'): Promise<Report> {
  return dataOf(await c[key].request<{ networkReport: Report }>(REPORT, { input, language })).networkReport;
}

const FY2025 = { from: '2025-03-31T15:00:00.000Z', to: '2026-03-31T15:00:00.000Z' };
const FY2026 = { from: '2026-03-31T15:00:00.000Z', to: '2027-03-31T15:00:00.000Z' };

interface ReferralSpec {
  from: string;
  to: string;
  status: string;
  sent: string;
  acceptedAfterHours?: number;
  answeredAfterHours?: number;
  needs?: string[];
  dueAt?: string;
}

async function insertReferral(network: TestNetwork, spec: ReferralSpec): Promise<string> {
  const sender = Object.values(network.members).find((member) => member.organizationId === network.organizations[spec.from]);
  if (!sender) throw new Error(`No member in ${spec.from}`);
  const sent = new Date(spec.sent);
  const hours = spec.acceptedAfterHours ?? spec.answeredAfterHours;
  const answered = hours === undefined ? null : new Date(sent.getTime() + hours * HOUR);
  const due = spec.dueAt ? new Date(spec.dueAt) : new Date(sent.getTime() + 72 * HOUR);
  const [row]: Array<{ id: string }> = await sql.query(
    `INSERT INTO referrals (tenant_id, sender_organization_id, sender_membership_id, receiver_organization_id, service_name,
                            anonymous_age_band, needs, urgency, reason, status, sent_at, response_due_at, expires_at, answered_at, outcome, created_at)
     VALUES ($1, $2, $3, $4, '相談窓口', 'AGE_30_39', $5, 'NORMAL', '紹介の理由', $6, $7, $8, $9, $10, $11, $7) RETURNING id`,
    [
      network.tenantId,
      network.organizations[spec.from],
      sender.membershipId,
      network.organizations[spec.to],
      spec.needs ?? [],
      spec.status,
      sent,
      due,
      new Date(due.getTime() + 72 * HOUR),
      answered,
      spec.status === 'COMPLETED' ? '支援が完了しました' : null,
    ],
  );
  return row.id;
}

async function insertGrant(network: TestNetwork, org: string, title: string, publishedAt: string | null): Promise<string> {
  const [row]: Array<{ id: string }> = await sql.query(
    `INSERT INTO grants (tenant_id, organization_id, title, funder_name, funder_kind, grant_type, status, visibility, published_at)
     VALUES ($1, $2, $3, '市', 'MUNICIPALITY', 'GRANT', $4, 'PUBLIC', $5) RETURNING id`,
    [network.tenantId, network.organizations[org], title, publishedAt ? 'PUBLISHED' : 'DRAFT', publishedAt],
  );
  return row.id;
}

async function insertApplication(network: TestNetwork, org: string, grant: { tenantId: string; id: string }, status: string, created: string, awarded?: number) {
  await sql.query(
    `INSERT INTO grant_applications (tenant_id, organization_id, grant_tenant_id, grant_id, status, amount_awarded, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [network.tenantId, network.organizations[org], grant.tenantId, grant.id, status, awarded ?? null, created],
  );
}

async function insertCourse(network: TestNetwork, org: string, title: string): Promise<string> {
  const [row]: Array<{ id: string }> = await sql.query(
    `INSERT INTO courses (tenant_id, organization_id, title, status, published_at, audience_all, visibility)
     VALUES ($1, $2, $3, 'PUBLISHED', '2025-01-01', true, 'NETWORK') RETURNING id`,
    [network.tenantId, network.organizations[org], title],
  );
  return row.id;
}

async function insertEnrolment(network: TestNetwork, member: string, courseId: string, created: string, completed: string | null): Promise<void> {
  const learner = network.members[member];
  await sql.query(
    `INSERT INTO course_enrolments (tenant_id, membership_id, organization_id, course_tenant_id, course_id, source, completed_at, created_at)
     VALUES ($1, $2, $3, $1, $4, 'SELF', $5, $6)`,
    [network.tenantId, learner.membershipId, learner.organizationId, courseId, completed, created],
  );
}

interface PartnershipSpec {
  partner: string;
  type: string;
  status: string;
  created: string;
  startsOn?: string;
  endsOn?: string;
}

async function insertPartnership(network: TestNetwork, spec: PartnershipSpec): Promise<void> {
  await sql.query(
    `INSERT INTO partnerships (tenant_id, organization_id, partner_organization_id, partnership_type, title, status, starts_on, ends_on, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [network.tenantId, network.organizations['city'], network.organizations[spec.partner], spec.type, `連携 ${spec.partner}`, spec.status, spec.startsOn ?? null, spec.endsOn ?? null, spec.created],
  );
}

beforeAll(async () => {
  jest.spyOn(Clock.prototype, 'now').mockReturnValue(NOW);
  // --- referrals ------------------------------------------------------------------------------
  // FY2025 (7): one second before 2026-04-01 00:00 Japan time, and six from npo2 to swc.
  await insertReferral(a, { from: 'city', to: 'npo1', status: 'COMPLETED', sent: '2026-03-31T14:59:59Z', acceptedAfterHours: 3, needs: ['HOUSING'] });
  await insertReferral(a, { from: 'npo2', to: 'swc', status: 'ACCEPTED', sent: '2026-02-10T01:00:00Z', acceptedAfterHours: 1 });
  await insertReferral(a, { from: 'npo2', to: 'swc', status: 'ACCEPTED', sent: '2026-02-12T01:00:00Z', acceptedAfterHours: 30 });
  await insertReferral(a, { from: 'npo2', to: 'swc', status: 'ACCEPTED', sent: '2026-03-02T01:00:00Z', acceptedAfterHours: 4 });
  await insertReferral(a, { from: 'npo2', to: 'swc', status: 'ACCEPTED', sent: '2026-03-05T01:00:00Z', acceptedAfterHours: 6 });
  await insertReferral(a, { from: 'npo2', to: 'swc', status: 'ACCEPTED', sent: '2026-03-10T01:00:00Z', acceptedAfterHours: 8 });
  await insertReferral(a, { from: 'npo2', to: 'swc', status: 'ACCEPTED', sent: '2026-03-20T01:00:00Z', acceptedAfterHours: 50 });
  // FY2026 (10): the first exactly at 2026-04-01 00:00 Japan time.
  await insertReferral(a, { from: 'city', to: 'npo1', status: 'ACCEPTED', sent: '2026-03-31T15:00:00Z', acceptedAfterHours: 2, needs: ['HOUSING', 'EMPLOYMENT'] });
  await insertReferral(a, { from: 'city', to: 'npo1', status: 'IN_PROGRESS', sent: '2026-04-10T01:00:00Z', acceptedAfterHours: 5, needs: ['EMPLOYMENT', 'HOUSING'] });
  await insertReferral(a, { from: 'city', to: 'npo1', status: 'COMPLETED', sent: '2026-05-05T01:00:00Z', acceptedAfterHours: 10, needs: ['HOUSING'] });
  await insertReferral(a, { from: 'city', to: 'npo1', status: 'COMPLETED', sent: '2026-05-20T01:00:00Z', acceptedAfterHours: 20, needs: ['HOUSING'] });
  await insertReferral(a, { from: 'city', to: 'npo1', status: 'CLOSED_UNRESOLVED', sent: '2026-06-01T01:00:00Z', acceptedAfterHours: 40, needs: ['HOUSING'] });
  await insertReferral(a, { from: 'npo1', to: 'npo2', status: 'SENT', sent: '2026-06-01T02:00:00Z', dueAt: '2026-06-10T00:00:00Z' });
  await insertReferral(a, { from: 'npo1', to: 'npo2', status: 'DECLINED', sent: '2026-04-20T01:00:00Z', answeredAfterHours: 1, needs: ['POVERTY'] });
  await insertReferral(a, { from: 'npo1', to: 'npo2', status: 'SENT', sent: '2026-06-14T01:00:00Z', dueAt: '2026-06-17T00:00:00Z', needs: ['POVERTY', 'HOUSING'] });
  await insertReferral(a, { from: 'swc', to: 'city', status: 'EXPIRED', sent: '2026-06-02T01:00:00Z' });
  await insertReferral(a, { from: 'swc', to: 'city', status: 'CANCELLED', sent: '2026-06-03T01:00:00Z', needs: ['CHILDREN_YOUTH'] });
  // A draft is never sent: in no figure.
  const sender = a.members['liaison'];
  await sql.query(
    `INSERT INTO referrals (tenant_id, sender_organization_id, sender_membership_id, receiver_organization_id, service_name, anonymous_age_band, urgency, reason)
     VALUES ($1, $2, $3, $4, '相談窓口', 'AGE_30_39', 'NORMAL', '下書き')`,
    [a.tenantId, a.organizations['city'], sender.membershipId, a.organizations['npo1']],
  );

  // --- grants ---------------------------------------------------------------------------------
  const g1 = await insertGrant(a, 'city', '居場所づくり助成', '2026-04-05T00:00:00Z');
  const g2 = await insertGrant(a, 'npo1', '子ども食堂助成', '2026-03-20T00:00:00Z');
  const g3 = await insertGrant(a, 'city', '就労支援助成', '2026-05-01T00:00:00Z');
  await insertGrant(a, 'city', '下書きの助成', null);
  await insertApplication(a, 'npo1', { tenantId: a.tenantId, id: g1 }, 'AWARDED', '2026-04-10T00:00:00Z', 1_000_000);
  await insertApplication(a, 'npo2', { tenantId: a.tenantId, id: g1 }, 'APPLIED', '2026-04-11T00:00:00Z');
  await insertApplication(a, 'swc', { tenantId: a.tenantId, id: g3 }, 'REJECTED', '2026-05-02T00:00:00Z');
  await insertApplication(a, 'npo1', { tenantId: a.tenantId, id: g2 }, 'AWARDED', '2026-03-25T00:00:00Z', 500_000);
  // Another network's organisation applies to this network's public grant.
  await insertApplication(b, 'other', { tenantId: a.tenantId, id: g1 }, 'PLANNING', '2026-04-12T00:00:00Z');

  // --- training: 6 enrolments of npo1 in FY2026 (3 completed), 1 of the city in FY2025 completed in FY2026
  const courses = [await insertCourse(a, 'city', '相談対応の基礎'), await insertCourse(a, 'city', '個人情報の扱い'), await insertCourse(a, 'swc', '連携の進め方')];
  for (const [index, courseId] of courses.entries()) {
    await insertEnrolment(a, 'npoAdmin', courseId, `2026-04-0${index + 2}T00:00:00Z`, index === 0 ? '2026-05-01T00:00:00Z' : null);
    await insertEnrolment(a, 'staff', courseId, `2026-05-0${index + 2}T00:00:00Z`, index < 2 ? '2026-06-01T00:00:00Z' : null);
  }
  await insertEnrolment(a, 'liaison', courses[0], '2026-03-01T00:00:00Z', '2026-04-02T00:00:00Z');

  // --- partnerships ---------------------------------------------------------------------------
  await insertPartnership(a, { partner: 'npo1', type: 'CONTRACT', status: 'ACTIVE', created: '2025-03-01T00:00:00Z', startsOn: '2025-04-01' });
  await insertPartnership(a, { partner: 'swc', type: 'SUBSIDY', status: 'ENDED', created: '2024-03-01T00:00:00Z', startsOn: '2024-04-01', endsOn: '2025-12-31' });
  await insertPartnership(a, { partner: 'npo2', type: 'AGREEMENT', status: 'PROPOSED', created: '2026-05-01T00:00:00Z' });
}, 120_000);


describe('network report figures (hand-computed)', () => {
  it('defaults to the current fiscal year (FY2026) and gives every figure for the whole network', async () => {
    const r = await report('admin');
    expect({ from: r.from, to: r.to, organizationId: r.organizationId }).toEqual({ ...FY2026, organizationId: null });
    const o = a.organizations;

    // 10 referrals: 5 city→npo1 (accepted after 2, 5, 10, 20, 40 h), 3 npo1→npo2, 2 swc→city.
    expect(r.referrals.total).toEqual(people(10));
    expect(r.referrals.byStatus.map((item) => item.key)).toEqual([
      'SENT', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'CANCELLED', 'IN_PROGRESS', 'COMPLETED', 'CLOSED_UNRESOLVED', 'FORWARDED',
    ]);
    expect(r.referrals.byStatus.find((item) => item.key === 'SENT')?.label).toBe('送信済み（返答待ち）');
    expectCells(r.referrals.byStatus, { SENT: 2, ACCEPTED: 1, DECLINED: 1, EXPIRED: 1, CANCELLED: 1, IN_PROGRESS: 1, COMPLETED: 2, CLOSED_UNRESOLVED: 1 });
    expect(r.referrals.byStatus.find((item) => item.key === 'FORWARDED')?.count).toEqual(plain(0));
    // A referral naming two needs counts under each; one naming none under NONE.
    expectCells(r.referrals.byCategory, { HOUSING: 6, EMPLOYMENT: 2, POVERTY: 2, CHILDREN_YOUTH: 1, NONE: 2 });
    expect(r.referrals.byCategory.find((item) => item.key === 'NONE')?.label).toBe('ニーズの指定なし');
    // Japan months April 2026 … March 2027: April 3 and May 2 hidden; June 5 and the year's 10
    // stay shown (April and May hide each other in the year's sum).
    expect(r.referrals.byMonth.map((item) => item.month)).toEqual([
      '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03',
    ]);
    expect(r.referrals.byMonth.slice(0, 4).map((item) => item.count)).toEqual([HIDDEN, HIDDEN, shown(5), shown(0)]);
    expect(r.referrals.total).toEqual(shown(10));
    expectOrgs(r.referrals.bySender, { [o['city']]: 5, [o['npo1']]: 3, [o['swc']]: 2 });
    expect(r.referrals.bySender[0]).toEqual({ organizationId: o['city'], organizationName: 'reports-a city', count: people(5) });
    expectOrgs(r.referrals.byReceiver, { [o['npo1']]: 5, [o['npo2']]: 3, [o['city']]: 2 });
    // Hours 2, 5, 10, 20, 40 would give a median of 10 — but the accepted statuses are 1, 1, 2
    // and 1, all hidden, so the median, p90 and the rates (2/5 = 40 % gives the 2 completed back)
    // are not published.
    expect(r.referrals).toMatchObject({ medianHoursToAcceptance: null, p90HoursToAcceptance: null, completionRatePercent: null, unresolvedRatePercent: null });
    // Awaiting a reply past the deadline now (due 10 June); the other is due 17 June.
    expect(r.referrals.overdue).toEqual(HIDDEN);

    // Grants published 5 April and 1 May; applications 10, 11, 12 April (one from network B) and 2 May.
    expect(r.grants.published).toEqual(plain(2));
    expect(r.grants.applications).toEqual(plain(4));
    expect(r.grants.awarded).toEqual(plain(1));
    expect(r.grants.awardedAmountYen).toBe(1_000_000);
    expect(cells(r.grants.applicationsByStatus)).toEqual({ PLANNING: plain(1), APPLIED: plain(1), AWARDED: plain(1), REJECTED: plain(1) });

    // 6 enrolments in the year (3 of them completed); 4 completions (one of a FY2025 enrolment),
    // hidden: so no completion rate (it was 50 %, before the issue-14 rule).
    expect(r.training).toEqual({ enrolments: people(6), completions: HIDDEN, completionRatePercent: null });

    // In effect: the contract (open-ended) and the agreement; the subsidy ended 2025-12-31.
    expect(r.partnerships.total).toEqual(plain(2));
    expect(cells(r.partnerships.byType)).toEqual({ CONTRACT: plain(1), AGREEMENT: plain(1) });
    expect(cells(r.partnerships.byStatus)).toEqual({ ACTIVE: plain(1), PROPOSED: plain(1) });
  });

  it('FY2025 holds the referral sent one second before 1 April 2026 (Japan time) and not the one sent at 00:00', async () => {
    const r = await report('liaison', { from: FY2025.from, to: FY2025.to });
    expect({ from: r.from, to: r.to }).toEqual(FY2025);
    expect(r.referrals.total).toEqual(people(7));
    // March 2026: four from npo2 and the one at 23:59:59 on 31 March = 5; February 2 is hidden,
    // and so is March, else the year's 7 minus March's 5 would give February's 2.
    expect(r.referrals.byMonth.map((item) => [item.month, item.count.display]).slice(-2)).toEqual([['2026-02', 'x'], ['2026-03', 'x']]);
    expectOrgs(r.referrals.bySender, { [a.organizations['npo2']]: 6, [a.organizations['city']]: 1 });
    // 1 completed of 7 accepted: the completed 1 is hidden, so no rate, median or p90.
    expect(r.referrals).toMatchObject({ medianHoursToAcceptance: null, p90HoursToAcceptance: null, completionRatePercent: null, unresolvedRatePercent: null });
    expect(r.grants).toMatchObject({ published: plain(1), applications: plain(1), awarded: plain(1), awardedAmountYen: 500_000 });
    expect(r.training).toEqual({ enrolments: HIDDEN, completions: people(0), completionRatePercent: null });
    expect(cells(r.partnerships.byType)).toEqual({ CONTRACT: plain(1), SUBSIDY: plain(1) });
    expect(cells(r.partnerships.byStatus)).toEqual({ ACTIVE: plain(1), ENDED: plain(1) });
  });

  it('a month is a fixed period: May 2026 alone, its figures the year\'s May row', async () => {
    // The Japan month of May: the two referrals of May (accepted after 10 and 20 h).
    const r = await report('admin', { from: '2026-04-30T15:00:00Z', to: '2026-05-31T15:00:00Z' });
    expect({ from: r.from, to: r.to }).toEqual({ from: '2026-04-30T15:00:00.000Z', to: '2026-05-31T15:00:00.000Z' });
    expect(r.referrals.total).toEqual(HIDDEN);
    expect(r.referrals.byMonth).toEqual([{ month: '2026-05', count: HIDDEN }]);
    expect(r.referrals).toMatchObject({ medianHoursToAcceptance: null, p90HoursToAcceptance: null, completionRatePercent: null, unresolvedRatePercent: null });
    expectCells(r.referrals.byStatus, { COMPLETED: 2 });
    // The same figure as the year's May cell.
    expect((await report('admin')).referrals.byMonth[1]).toEqual({ month: '2026-05', count: HIDDEN });
  });

  it('refuses an arbitrary range of days (the finding: [1 Oct, 2 Dec) against [1 Oct, 3 Dec)), months that do not start at 00:00 Japan time, and two months', async () => {
    for (const input of [
      { from: '2026-09-30T15:00:00Z', to: '2026-12-01T15:00:00Z' },
      { from: '2026-09-30T15:00:00Z', to: '2026-12-02T15:00:00Z' },
      { from: '2026-05-01T01:00:00Z', to: '2026-05-31T03:00:00Z' },
      { from: '2026-05-01T00:00:00Z', to: '2026-06-01T00:00:00Z' },
      { from: '2026-03-31T15:00:00Z', to: '2026-05-31T15:00:00Z' },
      { from: '2026-03-04T15:00:00Z', to: '2026-05-19T15:00:00Z' },
    ]) {
      for (const query of [REPORT, REPORT_CSV]) {
        const response = await c['admin'].request(query, { input });
        expect(outcome(response)).toBe('BAD_USER_INPUT');
        expect(response.body.errors?.[0]?.extensions?.['reason']).toBe('REPORT_PERIOD_NOT_FIXED');
        expect(response.body.errors?.[0]?.message).toContain('年度');
      }
      const map = await c['admin'].request(MAP, input);
      expect(outcome(map)).toBe('BAD_USER_INPUT');
    }
    // In English too.
    const english = await c['admin'].request(REPORT, { input: { from: '2026-09-30T15:00:00Z', to: '2026-12-01T15:00:00Z' }, language: 'en' }, { 'accept-language': 'en' });
    expect(outcome(english)).toBe('BAD_USER_INPUT');
  });

  it('an organisation filter keeps what that organisation is party to, for that organisation only', async () => {
    const npo2 = a.organizations['npo2'];
    // A network reader reads the network, or their own organisation: combining the network's
    // scope with another organisation's could subtract a hidden count back (issue 14).
    const refused = await c['liaison'].request(REPORT, { input: { organizationId: npo2 } });
    expect(outcome(refused)).toBe('FORBIDDEN');
    expect(refused.body.errors?.[0]?.extensions?.['reason']).toBe('REPORT_SCOPE_OTHER_ORGANIZATION');
    const r = await report('npo2Admin', { organizationId: npo2 });
    expect(r.organizationId).toBe(npo2);
    expect(r.referrals.total).toEqual(people(3));
    expectOrgs(r.referrals.byReceiver, { [npo2]: 3 });
    expect(r.referrals.overdue).toEqual(HIDDEN);
    // npo2 applied once (to the city's grant) and published nothing.
    expect(r.grants).toMatchObject({ published: plain(0), applications: plain(1) });
    expect(cells(r.partnerships.byType)).toEqual({ AGREEMENT: plain(1) });
    // The city as publisher: both its grants and the four applications to them.
    const city = await report('cityAdmin', { organizationId: a.organizations['city'] });
    expect(city.grants).toMatchObject({ published: plain(2), applications: plain(4), awarded: plain(1) });
    expect(city.referrals.total).toEqual(people(7));
    expect(city.partnerships.total).toEqual(plain(2));
  });

  it('labels follow the language asked for', async () => {
    const r = await report('admin', {}, 'en');
    expect(r.referrals.byStatus.find((item) => item.key === 'CLOSED_UNRESOLVED')?.label).toBe('Closed unresolved');
    expect(r.partnerships.byType.find((item) => item.key === 'CONTRACT')?.label).toBe('Contract (委託)');
  });

  it('with one end only, or a range that is no fixed period, the report is refused', async () => {
    for (const input of [{ to: FY2025.to }, { from: '2026-06-01T00:00:00Z' }, { from: FY2025.from }]) {
      const response = await c['admin'].request(REPORT, { input });
      expect(outcome(response)).toBe('BAD_USER_INPUT');
      expect(response.body.errors?.[0]?.extensions?.['reason']).toBe('REPORT_PERIOD_NOT_FIXED');
    }
  });

  it('refuses a period that ends before it starts', async () => {
    const response = await c['admin'].request(REPORT, { input: { from: '2026-05-01T00:00:00Z', to: '2026-04-01T00:00:00Z' } });
    expect(outcome(response)).toBe('BAD_USER_INPUT');
    expect(response.body.errors?.[0]?.extensions?.['reason']).toBe('REPORT_PERIOD_INVALID');
  });
});

describe('who reads which report', () => {
  it("an org admin gets their own organisation's report; another organisation's id is NOT_FOUND", async () => {
    const npo1 = a.organizations['npo1'];
    const own = await report('npoAdmin');
    expect(own.organizationId).toBe(npo1);
    // npo1 received the 5 from the city and sent the 3 to npo2.
    expect(own.referrals.total).toEqual(people(8));
    expectOrgs(own.referrals.bySender, { [a.organizations['city']]: 5, [npo1]: 3 });
    expect(own.training.enrolments).toEqual(people(6));
    expect((await report('npoAdmin', { organizationId: npo1 })).referrals.total).toEqual(people(8));
    expect(outcome(await c['npoAdmin'].request(REPORT, { input: { organizationId: a.organizations['city'] } }))).toBe('NOT_FOUND');
    expect(outcome(await c['npoAdmin'].request(MAP, {}))).toBe('FORBIDDEN');
  });

  it('staff are FORBIDDEN every report, the map and the annual evaluation', async () => {
    expect(outcome(await c['staff'].request(REPORT, {}))).toBe('FORBIDDEN');
    expect(outcome(await c['staff'].request(REPORT_CSV, {}))).toBe('FORBIDDEN');
    expect(outcome(await c['staff'].request(ANNUAL_CSV, { fiscalYear: 2025 }))).toBe('FORBIDDEN');
    expect(outcome(await c['npo2Staff'].request(MAP, {}))).toBe('FORBIDDEN');
    const pdf = await fetch(`${api.url}/api/reports/annual/2025.pdf`, { headers: { authorization: `Bearer ${c['staff'].token}` } });
    expect(pdf.status).toBe(403);
  });

  it("another network sees none of it and its organisation ids are NOT_FOUND (as are non-UUID ids)", async () => {
    const other = await report('bAdmin');
    expect(other.referrals.total).toEqual(people(0));
    expect(other.referrals.bySender).toEqual([]);
    expect(other.partnerships.total).toEqual(plain(0));
    expect(other.grants.published).toEqual(plain(0));
    // Its own organisation's application to network A's grant is its own figure.
    expect(other.grants.applications).toEqual(plain(1));
    for (const organizationId of [a.organizations['npo1'], 'not-a-uuid']) {
      expect(outcome(await c['bAdmin'].request(REPORT, { input: { organizationId } }))).toBe('NOT_FOUND');
      expect(outcome(await c['bAdmin'].request(ANNUAL_CSV, { fiscalYear: 2026, organizationId }))).toBe('NOT_FOUND');
      expect(outcome(await c['bOrgAdmin'].request(REPORT, { input: { organizationId } }))).toBe('NOT_FOUND');
    }
    const pdf = await fetch(`${api.url}/api/reports/annual/2026.pdf?organizationId=${a.organizations['npo1']}`, {
      headers: { authorization: `Bearer ${c['bAdmin'].token}` },
    });
    expect(pdf.status).toBe(404);
    const map = dataOf(await c['bAdmin'].request<{ networkMap: MapResult }>(MAP, {})).networkMap;
    expect(map.nodes.map((node) => node.id).sort()).toEqual(Object.values(b.organizations).sort());
    expect(map.edges).toEqual([]);
  });
});

describe('network map', () => {
  it('shows the organisations, partnerships in effect and referral flows of a fiscal year (the current one by default)', async () => {
    const o = a.organizations;
    const map = dataOf(await c['liaison'].request<{ networkMap: MapResult }>(MAP, {})).networkMap;
    // Now is 15 June 2026 (Japan): FY2026.
    expect({ from: map.from, to: map.to }).toEqual(FY2026);
    expect(map.nodes).toHaveLength(4);
    expect(map.nodes.find((node) => node.id === o['city'])).toEqual({ id: o['city'], name: 'reports-a city', kind: 'MUNICIPALITY' });
    // In effect: the contract and the agreement; the subsidy ended before FY2026.
    const partnerships = map.edges.filter((edge) => edge.kind === 'PARTNERSHIP').map((edge) => [edge.sourceId, edge.targetId, edge.partnershipType, edge.partnershipStatus]);
    expect(partnerships.sort()).toEqual(
      [
        [o['city'], o['npo1'], 'CONTRACT', 'ACTIVE'],
        [o['city'], o['npo2'], 'AGREEMENT', 'PROPOSED'],
      ].sort(),
    );
    // FY2026: city→npo1 5, npo1→npo2 3, swc→city 2; a hidden edge may be a complementary zero.
    const truth: Record<string, number> = { [`${o['city']}>${o['npo1']}`]: 5, [`${o['npo1']}>${o['npo2']}`]: 3, [`${o['swc']}>${o['city']}`]: 2 };
    const flows = Object.fromEntries(map.edges.filter((edge) => edge.kind === 'REFERRALS').map((edge) => [`${edge.sourceId}>${edge.targetId}`, edge.referrals]));
    expect(flows).toEqual(Object.fromEntries(Object.keys(flows).map((key) => [key, people(truth[key] ?? 0)])));
    for (const key of Object.keys(truth)) expect(flows[key]).toEqual(people(truth[key]));
    expect(flows[`${o['npo1']}>${o['npo2']}`]).toEqual(HIDDEN);
    // FY2025: the six from npo2 to swc and the one from the city; the subsidy was in effect.
    const fy2025 = dataOf(await c['admin'].request<{ networkMap: MapResult }>(MAP, FY2025)).networkMap;
    expect(fy2025.edges.find((edge) => edge.kind === 'REFERRALS' && edge.sourceId === o['city'])?.referrals).toEqual(HIDDEN);
    expect(fy2025.edges.filter((edge) => edge.kind === 'PARTNERSHIP')).toHaveLength(2);
  });
});

describe('CSV and the annual evaluation', () => {
  function rows(csv: string): string[][] {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    return parse(csv.slice(1), { relax_column_count: false });
  }
  function value(table: string[][], section: string, key: string): string | undefined {
    return table.find((row) => row[0] === section && row[1] === key)?.[3];
  }

  it('networkReportCsv: section,key,label,value in the caller\'s language, hidden cells as x', async () => {
    const csv = dataOf(await c['admin'].request<{ networkReportCsv: string }>(REPORT_CSV, { input: {} })).networkReportCsv;
    const table = rows(csv);
    expect(table[0]).toEqual(['区分', 'キー', '項目', '値']);
    expect(value(table, 'report', 'from')).toBe('2026-04-01');
    expect(value(table, 'report', 'lastDay')).toBe('2027-03-31');
    expect(value(table, 'report', 'organization')).toBe('ネットワーク全体');
    expect(value(table, 'referrals', 'total')).toBe('10');
    // The same figures as the report: no median while the accepted statuses are hidden.
    expect(value(table, 'referrals', 'medianHoursToAcceptance')).toBe('');
    expect(value(table, 'referrals.sender', a.organizations['city'])).toBe('5');
    expect(value(table, 'referrals.sender', a.organizations['npo1'])).toBe('x');
    expect(table.find((row) => row[0] === 'referrals.month' && row[1] === '2026-06')).toEqual(['referrals.month', '2026-06', '2026年6月', '5']);
    expect(value(table, 'grants', 'awardedAmountYen')).toBe('1000000');
    expect(value(table, 'training', 'completions')).toBe('x');
    expect(value(table, 'training', 'completionRatePercent')).toBe('');
    expect(value(table, 'partnerships.type', 'CONTRACT')).toBe('1');
    const english = rows(dataOf(await c['admin'].request<{ networkReportCsv: string }>(REPORT_CSV, { input: {}, language: 'en' })).networkReportCsv);
    expect(english[0]).toEqual(['section', 'key', 'label', 'value']);
    expect(english.find((row) => row[0] === 'referrals.month' && row[1] === '2026-04')).toEqual(['referrals.month', '2026-04', 'April 2026', 'x']);
  });

  it('defuses an organisation name that looks like a formula', async () => {
    await sql.query(`UPDATE organizations SET name = '=HYPERLINK("x")' WHERE id = $1`, [a.organizations['swc']]);
    try {
      const table = rows(dataOf(await c['admin'].request<{ networkReportCsv: string }>(REPORT_CSV, { input: {} })).networkReportCsv);
      expect(table.find((row) => row[0] === 'referrals.sender' && row[1] === a.organizations['swc'])?.[2]).toBe(`'=HYPERLINK("x")`);
    } finally {
      await sql.query(`UPDATE organizations SET name = 'reports-a swc' WHERE id = $1`, [a.organizations['swc']]);
    }
  });

  it('annualEvaluationCsv: the fiscal year with its title, FY2025 and FY2026 apart', async () => {
    const fy2025 = rows(dataOf(await c['admin'].request<{ annualEvaluationCsv: string }>(ANNUAL_CSV, { fiscalYear: 2025 })).annualEvaluationCsv);
    expect(value(fy2025, 'report', 'title')).toBe('令和7年度（2025年度） 施策の評価・検証');
    expect(value(fy2025, 'report', 'from')).toBe('2025-04-01');
    expect(value(fy2025, 'report', 'lastDay')).toBe('2026-03-31');
    expect(value(fy2025, 'referrals', 'total')).toBe('7');
    // February's 2 is hidden, and March's 5 with it (7 − 5 would give the 2); no p90 while the
    // accepted statuses are hidden.
    expect(value(fy2025, 'referrals', 'p90HoursToAcceptance')).toBe('');
    expect(value(fy2025, 'referrals.month', '2026-02')).toBe('x');
    expect(value(fy2025, 'referrals.month', '2026-03')).toBe('x');
    const fy2026 = rows(dataOf(await c['admin'].request<{ annualEvaluationCsv: string }>(ANNUAL_CSV, { fiscalYear: 2026 })).annualEvaluationCsv);
    expect(value(fy2026, 'report', 'title')).toBe('令和8年度（2026年度） 施策の評価・検証');
    expect(value(fy2026, 'referrals', 'total')).toBe('10');
    expect(value(fy2026, 'referrals.month', '2026-04')).toBe('x');
    // An org admin's annual evaluation is their organisation's.
    const own = rows(dataOf(await c['npoAdmin'].request<{ annualEvaluationCsv: string }>(ANNUAL_CSV, { fiscalYear: 2026 })).annualEvaluationCsv);
    expect(value(own, 'report', 'organization')).toBe('reports-a npo1');
    expect(value(own, 'referrals', 'total')).toBe('8');
    const bad = await c['admin'].request(ANNUAL_CSV, { fiscalYear: 1999 });
    expect(outcome(bad)).toBe('BAD_USER_INPUT');
    expect(bad.body.errors?.[0]?.extensions?.['reason']).toBe('REPORT_FISCAL_YEAR_INVALID');
  });

  it('the annual evaluation PDF is in Japanese with the fiscal year and its figures', async () => {
    const response = await fetch(`${api.url}/api/reports/annual/2025.pdf`, { headers: { authorization: `Bearer ${c['liaison'].token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const text = await pdfText(Buffer.from(await response.arrayBuffer()));
    expect(text).toContain('令和7年度（2025年度） 施策の評価・検証');
    expect(text).toContain('reports-a');
    expect(text).toMatch(/合計\s*7/);
    expect(text).toContain('「x」は秘匿');
    // The same protected figures as the CSV: February and March hidden, the year's 7 shown.
    expect(text).toMatch(/2026年2月\s*x/);
    expect(text).toMatch(/2026年3月\s*x/);
    expect(text).not.toMatch(/2026年3月\s*5/);
    expect(text).toMatch(/採択額（円）\s*500,000/);
    expect(text).toMatch(/期間の最終日（日本時間）\s*2026-03-31/);
    expect(text).not.toContain('含まない');
    const own = await fetch(`${api.url}/api/reports/annual/2026.pdf`, { headers: { authorization: `Bearer ${c['npoAdmin'].token}` } });
    const ownText = await pdfText(Buffer.from(await own.arrayBuffer()));
    expect(ownText).toContain('令和8年度（2026年度）');
    expect(ownText).toContain('reports-a npo1');
    expect(ownText).toMatch(/合計\s*8/);
    expect((await fetch(`${api.url}/api/reports/annual/latest.pdf`, { headers: { authorization: `Bearer ${c['admin'].token}` } })).status).toBe(404);
    expect((await fetch(`${api.url}/api/reports/annual/2025.pdf`)).status).toBe(401);
  });
});

describe('aggregates kept by the trigger', () => {
  /** A small deterministic generator, so a failure can be replayed. */
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state / 2_147_483_648;
    };
  }

  it('equal a direct count over referrals after a random sequence of changes', async () => {
    const network = await createNetwork(database.ownerUrl, {
      slug: 'reports-c',
      organizations: { one: 'NPO', two: 'NPO', three: 'MUNICIPALITY' },
      members: { m1: ['one', ['STAFF']], m2: ['two', ['STAFF']], m3: ['three', ['NETWORK_ADMIN']] },
    });
    const next = random(20260401);
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
    const orgs = ['one', 'two', 'three'];
    const statuses = ['SENT', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'CANCELLED', 'IN_PROGRESS', 'COMPLETED', 'CLOSED_UNRESOLVED', 'FORWARDED'];
    const needs = ['HOUSING', 'POVERTY', 'EMPLOYMENT', 'IBASHO'];
    const ids: string[] = [];
    for (let index = 0; index < 20; index++) {
      const from = pick(orgs);
      ids.push(
        await insertReferral(network, {
          from,
          to: pick(orgs.filter((org) => org !== from)),
          status: pick(statuses),
          sent: new Date(Date.parse('2026-03-30T12:00:00Z') + Math.floor(next() * 96) * HOUR).toISOString(),
          acceptedAfterHours: Math.floor(next() * 100),
          needs: needs.filter(() => next() < 0.4),
        }),
      );
    }
    for (let step = 0; step < 150; step++) {
      const id = pick(ids);
      const change = Math.floor(next() * 5);
      if (change === 0) {
        await sql.query(`UPDATE referrals SET status = $2, outcome = '支援の結果' WHERE id = $1`, [id, pick(statuses)]);
      } else if (change === 1) {
        // Across midnight in Japan (and the fiscal-year boundary).
        await sql.query(`UPDATE referrals SET sent_at = sent_at + make_interval(hours => $2) WHERE id = $1`, [id, Math.floor(next() * 48) - 24]);
      } else if (change === 2) {
        await sql.query(`UPDATE referrals SET answered_at = CASE WHEN $2 THEN NULL ELSE sent_at + make_interval(hours => $3) END WHERE id = $1`, [
          id,
          next() < 0.2,
          Math.floor(next() * 200),
        ]);
      } else if (change === 3) {
        await sql.query(`UPDATE referrals SET needs = $2 WHERE id = $1`, [id, needs.filter(() => next() < 0.4)]);
      } else {
        const to = network.organizations[pick(orgs)];
        await sql.query(`UPDATE referrals SET receiver_organization_id = $2 WHERE id = $1 AND sender_organization_id <> $2`, [id, to]);
      }
    }
    const tenant = [network.tenantId];
    const daily = `(sent_at AT TIME ZONE 'Asia/Tokyo')::date`;
    const compare = async (aggregate: string, direct: string) => {
      const kept = await sql.query(aggregate, tenant);
      const counted = await sql.query(direct, tenant);
      expect(kept).toEqual(counted);
      return counted.length;
    };
    // The status cells and the acceptance-hours cells are kept per day and per month alike.
    const compareStatusAndAcceptance = async (period: 'day' | 'month', periodOf: string, statusView: string, acceptanceView: string) => {
      const statusCells = await compare(
        `SELECT ${period}::text, sender_organization_id, receiver_organization_id, status, sum(referrals)::int AS n FROM ${statusView}
          WHERE tenant_id = $1 GROUP BY 1, 2, 3, 4 HAVING sum(referrals) > 0 ORDER BY 1, 2, 3, 4`,
        `SELECT ${periodOf}::text AS ${period}, sender_organization_id, receiver_organization_id, status, count(*)::int AS n FROM referrals
          WHERE tenant_id = $1 AND sent_at IS NOT NULL GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
      );
      await compare(
        `SELECT ${period}::text, sender_organization_id, receiver_organization_id, hours, sum(referrals)::int AS n FROM ${acceptanceView}
          WHERE tenant_id = $1 GROUP BY 1, 2, 3, 4 HAVING sum(referrals) > 0 ORDER BY 1, 2, 3, 4`,
        `SELECT ${periodOf}::text AS ${period}, sender_organization_id, receiver_organization_id,
                greatest(floor(extract(epoch FROM answered_at - sent_at) / 3600), 0)::int AS hours, count(*)::int AS n FROM referrals
          WHERE tenant_id = $1 AND sent_at IS NOT NULL AND answered_at IS NOT NULL
            AND status IN ('ACCEPTED', 'IN_PROGRESS', 'COMPLETED', 'CLOSED_UNRESOLVED')
          GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
      );
      return statusCells;
    };
    expect(await compareStatusAndAcceptance('day', daily, 'referral_daily_stats', 'referral_acceptance_stats')).toBeGreaterThan(5);
    await compare(
      `SELECT day::text, sender_organization_id, receiver_organization_id, category, status, sum(referrals)::int AS n FROM referral_category_daily_stats
        WHERE tenant_id = $1 GROUP BY 1, 2, 3, 4, 5 HAVING sum(referrals) > 0 ORDER BY 1, 2, 3, 4, 5`,
      `SELECT ${daily}::text AS day, sender_organization_id, receiver_organization_id, need AS category, status, count(*)::int AS n
         FROM referrals, unnest(CASE WHEN cardinality(needs) = 0 THEN ARRAY['NONE'] ELSE needs END) AS need
        WHERE tenant_id = $1 AND sent_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
    );
    // The monthly cells (the first day of the Japan month) equal the same counts per month.
    const monthly = `date_trunc('month', ${daily})::date`;
    expect(await compareStatusAndAcceptance('month', monthly, 'referral_monthly_stats', 'referral_acceptance_monthly_stats')).toBeGreaterThan(5);
    await compare(
      // Needs per month leave out the status.
      `SELECT month::text, sender_organization_id, receiver_organization_id, category, sum(referrals)::int AS n FROM referral_category_monthly_stats
        WHERE tenant_id = $1 GROUP BY 1, 2, 3, 4 HAVING sum(referrals) > 0 ORDER BY 1, 2, 3, 4`,
      `SELECT ${monthly}::text AS month, sender_organization_id, receiver_organization_id, need AS category, count(*)::int AS n
         FROM referrals, unnest(CASE WHEN cardinality(needs) = 0 THEN ARRAY['NONE'] ELSE needs END) AS need
        WHERE tenant_id = $1 AND sent_at IS NOT NULL GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
    );
    // And the API's FY2026 total is the direct count of the year's referrals.
    const [{ n }]: Array<{ n: number }> = await sql.query(
      `SELECT count(*)::int AS n FROM referrals WHERE tenant_id = $1 AND sent_at >= '2026-03-31T15:00:00Z' AND sent_at < '2027-03-31T15:00:00Z'`,
      tenant,
    );
    const admin = await signIn(api.url, network.members['m3'].email);
    const r = dataOf(await admin.request<{ networkReport: Report }>(REPORT, { input: {} })).networkReport;
    expect(r.referrals.total).toEqual(people(n));
    // April alone (a month report, from the monthly cells): the direct count over its days.
    const [{ n: april }]: Array<{ n: number }> = await sql.query(
      `SELECT count(*)::int AS n FROM referrals WHERE tenant_id = $1 AND sent_at >= '2026-03-31T15:00:00Z' AND sent_at < '2026-04-30T15:00:00Z'`,
      tenant,
    );
    const aprilReport = dataOf(
      await admin.request<{ networkReport: Report }>(REPORT, { input: { from: '2026-03-31T15:00:00Z', to: '2026-04-30T15:00:00Z' } }),
    ).networkReport;
    expect(aprilReport.referrals.total).toEqual(people(april));
  });
});
