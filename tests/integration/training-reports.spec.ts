// Training reports over HTTP on a real PostgreSQL: a small fixed data set (three courses of two
// organisations, nine enrolments, six quiz attempts, one public course of another network) and
// the figures computed by hand for each role's scope — a trainer's courses, an org admin's
// members, both at once — with filters, a period, the Clock moved for "overdue", the CSV read
// back (BOM, header, a defused formula cell) and the xAPI statements checked for their required
// fields. Another network sees none of it, and its ids are NOT_FOUND.
//
// The rows are written directly with the superuser connection: the courses, enrolment and quiz
// mutations belong to other parts of issue 8, and a report must be checked against figures
// fixed in advance, with creation and completion times that no mutation would let a test choose.
import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import { Clock } from '../../apps/api/src/core/time/clock';
import type { XapiStatement } from '../../apps/api/src/modules/training/reports/training-report-figures';
import { createNetwork, outcome, signIn, TestNetwork } from '../support/accounts';
import type { RunningApi } from '../support/api';
import { APP_BASE_URL, setupApiTest } from '../support/harness';
import { oneOrganizationNetwork } from '../support/networks';
import type { TestDatabase } from '../support/test-database';
import { dataOf } from '../support/people';
import { ASSIGN, enrol, mark, submit } from '../support/learning';
import { buildCourse } from '../support/training';

const NOW = new Date('2026-06-15T00:00:00Z');

const t = setupApiTest({
  env: { APP_BASE_URL },
  networks: {
    a: {
      slug: 'reports-a',
      organizations: { center: 'INTERMEDIARY', npo: 'NPO', swc: 'SOCIAL_WELFARE_COUNCIL' },
      members: {
        trainer: ['center', ['TRAINER']],
        centerAdmin: ['center', ['ORG_ADMIN']],
        trainerAdmin: ['center', ['TRAINER', 'ORG_ADMIN']],
        centerStaff: ['center', ['STAFF']],
        coordinator: ['npo', ['COORDINATOR']],
        npoAdmin: ['npo', ['ORG_ADMIN']],
        swcTrainer: ['swc', ['TRAINER']],
        s1: ['npo', ['STAFF']],
        s2: ['npo', ['STAFF']],
        s3: ['npo', ['STAFF']],
        w1: ['swc', ['STAFF']],
        w2: ['swc', ['STAFF']],
      },
    },
    b: oneOrganizationNetwork('reports-b', { centerB: 'INTERMEDIARY' }, { trainerB: ['TRAINER'], adminB: ['ORG_ADMIN'], staffB: ['STAFF'] }),
  },
});
const c = t.clients;
let database: TestDatabase, api: RunningApi, sql: DataSource, a: TestNetwork, b: TestNetwork;
beforeAll(() => ({ database, api, sql, networks: { a, b } } = t));
const course: Record<string, string> = {};
const moduleOf: Record<string, string> = {};
const enrolment: Record<string, string> = {};

const REPORT = `query Report($input: TrainingReportInput) { trainingReport(input: $input) {
  totals { enrolments completions overdue completionRatePercent }
  byOrganization { organizationId organizationName enrolments completions overdue }
  byCourse { courseId courseTitle enrolments completions overdue quizPassRatePercent }
  quizzes { moduleId courseTitle moduleTitle attempts passedAttempts passRatePercent }
  overdueAssignments { enrolmentId memberName organizationName courseTitle dueAt } } }`;
const CSV = `query Csv($input: TrainingReportInput, $language: String) { trainingReportCsv(input: $input, language: $language) }`;
const XAPI = `query Xapi($input: TrainingReportInput) { trainingXapiStatements(input: $input) }`;

interface Report {
  totals: { enrolments: number; completions: number; overdue: number; completionRatePercent: number | null };
  byOrganization: Array<{ organizationId: string; organizationName: string; enrolments: number; completions: number; overdue: number }>;
  byCourse: Array<{ courseId: string; courseTitle: string; enrolments: number; completions: number; overdue: number; quizPassRatePercent: number | null }>;
  quizzes: Array<{ moduleId: string; courseTitle: string; moduleTitle: string; attempts: number; passedAttempts: number; passRatePercent: number | null }>;
  overdueAssignments: Array<{ enrolmentId: string; memberName: string; organizationName: string; courseTitle: string; dueAt: string }>;
}

async function report(key: string, input: Record<string, unknown> = {}): Promise<Report> {
  return dataOf(await c[key].request<{ trainingReport: Report }>(REPORT, { input })).trainingReport;
}

async function insertCourse(network: TestNetwork, organization: string, key: string, title: string, visibility = 'NETWORK'): Promise<void> {
  const [row]: Array<{ id: string }> = await sql.query(
    `INSERT INTO courses (tenant_id, organization_id, title, status, published_at, audience_all, visibility)
     VALUES ($1, $2, $3, 'PUBLISHED', '2026-01-01', true, $4) RETURNING id`,
    [network.tenantId, network.organizations[organization], title, visibility],
  );
  course[key] = row.id;
}

async function insertModule(network: TestNetwork, courseKey: string, key: string, title: string, position: number): Promise<void> {
  const [row]: Array<{ id: string }> = await sql.query(
    `INSERT INTO course_modules (tenant_id, course_id, position, title, quiz_pass_mark_percent) VALUES ($1, $2, $3, $4, 60) RETURNING id`,
    [network.tenantId, course[courseKey], position, title],
  );
  moduleOf[key] = row.id;
}

interface EnrolmentSpec {
  member: string;
  course: string;
  courseNetwork?: TestNetwork;
  created: string;
  due?: string;
  completed?: string;
}

async function insertEnrolment(network: TestNetwork, key: string, spec: EnrolmentSpec): Promise<void> {
  const learner = network.members[spec.member];
  const [row]: Array<{ id: string }> = await sql.query(
    `INSERT INTO course_enrolments (tenant_id, membership_id, organization_id, course_tenant_id, course_id, source, due_at, completed_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      network.tenantId,
      learner.membershipId,
      learner.organizationId,
      (spec.courseNetwork ?? network).tenantId,
      course[spec.course],
      spec.due ? 'ASSIGNED' : 'SELF',
      spec.due ?? null,
      spec.completed ?? null,
      spec.created,
    ],
  );
  enrolment[key] = row.id;
}

async function insertAttempt(network: TestNetwork, enrolmentKey: string, moduleKey: string, number: number, score: number, at: string): Promise<void> {
  await sql.query(
    `INSERT INTO quiz_attempts (tenant_id, enrolment_id, course_tenant_id, module_id, attempt_number, answers, correct_count, question_count,
                                score_percent, passed, created_at)
     VALUES ($1, $2, $1, $3, $4, '{}', $5, 10, $6, $7, $8)`,
    [network.tenantId, enrolment[enrolmentKey], moduleOf[moduleKey], number, score / 10, score, score >= 60, at],
  );
}

beforeAll(async () => {
  // Courses: K1 and K2 of the centre (K2's title would run as a formula in a spreadsheet), K3 of
  // the council; KB of network B, public, taken by s2 of network A.
  await insertCourse(a, 'center', 'K1', 'つながりサポーター入門');
  await insertCourse(a, 'center', 'K2', '=SUM(1+1) 個人情報の取扱い');
  await insertCourse(a, 'swc', 'K3', '相談対応の基礎');
  await insertCourse(b, 'centerB', 'KB', '公開講座', 'PUBLIC');
  await insertModule(a, 'K1', 'M1', '理念と役割', 0);
  await insertModule(a, 'K2', 'M3', '個人情報とは', 0);
  await insertModule(a, 'K3', 'M4', '傾聴', 0);
  await insertModule(b, 'KB', 'MB', '公開講座の確認', 0);

  await insertEnrolment(a, 'E1', { member: 's1', course: 'K1', created: '2026-04-01T00:00:00Z', completed: '2026-04-20T00:00:00Z' });
  await insertEnrolment(a, 'E2', { member: 's2', course: 'K1', created: '2026-04-05T00:00:00Z', due: '2026-05-01T00:00:00Z' });
  await insertEnrolment(a, 'E3', { member: 's3', course: 'K2', created: '2026-05-10T00:00:00Z', due: '2026-07-01T00:00:00Z' });
  await insertEnrolment(a, 'E4', { member: 'w1', course: 'K1', created: '2026-05-20T00:00:00Z', due: '2026-06-01T00:00:00Z', completed: '2026-06-10T00:00:00Z' });
  await insertEnrolment(a, 'E5', { member: 'w2', course: 'K3', created: '2026-03-01T00:00:00Z', due: '2026-04-01T00:00:00Z' });
  await insertEnrolment(a, 'E6', { member: 's1', course: 'K3', created: '2026-03-05T00:00:00Z', completed: '2026-03-20T00:00:00Z' });
  await insertEnrolment(a, 'E7', { member: 'centerStaff', course: 'K2', created: '2026-06-01T00:00:00Z', due: '2026-06-10T00:00:00Z' });
  await insertEnrolment(a, 'E8', { member: 'centerStaff', course: 'K3', created: '2026-06-02T00:00:00Z' });
  await insertEnrolment(a, 'E9', { member: 's2', course: 'KB', courseNetwork: b, created: '2026-05-01T00:00:00Z' });
  await insertEnrolment(b, 'EB', { member: 'staffB', course: 'KB', created: '2026-05-02T00:00:00Z', completed: '2026-05-03T00:00:00Z' });

  await insertAttempt(a, 'E1', 'M1', 1, 40, '2026-04-10T00:00:00Z');
  await insertAttempt(a, 'E1', 'M1', 2, 80, '2026-04-12T00:00:00Z');
  await insertAttempt(a, 'E2', 'M1', 1, 20, '2026-04-15T00:00:00Z');
  await insertAttempt(a, 'E4', 'M1', 1, 100, '2026-06-05T00:00:00Z');
  await insertAttempt(a, 'E3', 'M3', 1, 60, '2026-05-15T00:00:00Z');
  await insertAttempt(a, 'E5', 'M4', 1, 0, '2026-03-10T00:00:00Z');
  await insertAttempt(a, 'E6', 'M4', 1, 90, '2026-03-15T00:00:00Z');
}, 120_000);

beforeEach(() => {
  jest.spyOn(Clock.prototype, 'now').mockReturnValue(NOW);
});

afterEach(() => {
  jest.restoreAllMocks();
});


const org = (key: string) => a.organizations[key];
const name = (key: string) => `reports-a ${key}`;

describe('scope and figures', () => {
  it("gives a trainer the figures of their organisation's courses, for learners of every organisation", async () => {
    const result = await report('trainer');
    // K1: E1 (done), E2 (overdue), E4 (done late); K2: E3 (due later), E7 (overdue).
    expect(result.totals).toEqual({ enrolments: 5, completions: 2, overdue: 2, completionRatePercent: 40 });
    expect(result.byOrganization).toEqual([
      { organizationId: org('center'), organizationName: name('center'), enrolments: 1, completions: 0, overdue: 1 },
      { organizationId: org('npo'), organizationName: name('npo'), enrolments: 3, completions: 1, overdue: 1 },
      { organizationId: org('swc'), organizationName: name('swc'), enrolments: 1, completions: 1, overdue: 0 },
    ]);
    expect(result.byCourse).toEqual([
      { courseId: course.K2, courseTitle: '=SUM(1+1) 個人情報の取扱い', enrolments: 2, completions: 0, overdue: 1, quizPassRatePercent: 100 },
      { courseId: course.K1, courseTitle: 'つながりサポーター入門', enrolments: 3, completions: 2, overdue: 1, quizPassRatePercent: 50 },
    ]);
    expect(result.quizzes).toEqual(
      expect.arrayContaining([
        { moduleId: moduleOf.M1, courseTitle: 'つながりサポーター入門', moduleTitle: '理念と役割', attempts: 4, passedAttempts: 2, passRatePercent: 50 },
        { moduleId: moduleOf.M3, courseTitle: '=SUM(1+1) 個人情報の取扱い', moduleTitle: '個人情報とは', attempts: 1, passedAttempts: 1, passRatePercent: 100 },
      ]),
    );
    expect(result.quizzes).toHaveLength(2);
    expect(result.overdueAssignments).toEqual([
      { enrolmentId: enrolment.E2, memberName: 's2', organizationName: name('npo'), courseTitle: 'つながりサポーター入門', dueAt: '2026-05-01T00:00:00.000Z' },
      { enrolmentId: enrolment.E7, memberName: 'centerStaff', organizationName: name('center'), courseTitle: '=SUM(1+1) 個人情報の取扱い', dueAt: '2026-06-10T00:00:00.000Z' },
    ]);
  });

  it("gives an org admin the figures of their own organisation's members, in any course (also another network's public one)", async () => {
    const result = await report('npoAdmin');
    // E1 (K1 done), E2 (K1 overdue), E3 (K2), E6 (K3 done), E9 (network B's public course).
    expect(result.totals).toEqual({ enrolments: 5, completions: 2, overdue: 1, completionRatePercent: 40 });
    expect(result.byOrganization).toEqual([{ organizationId: org('npo'), organizationName: name('npo'), enrolments: 5, completions: 2, overdue: 1 }]);
    expect(result.byCourse.map((row) => [row.courseTitle, row.enrolments, row.completions, row.overdue, row.quizPassRatePercent])).toEqual([
      ['=SUM(1+1) 個人情報の取扱い', 1, 0, 0, 100],
      ['つながりサポーター入門', 2, 1, 1, 33],
      ['公開講座', 1, 0, 0, null],
      ['相談対応の基礎', 1, 1, 0, 100],
    ]);
    expect(result.overdueAssignments.map((row) => row.enrolmentId)).toEqual([enrolment.E2]);
  });

  it('gives someone who is both trainer and org admin the union, each enrolment once', async () => {
    const admin = await report('centerAdmin');
    expect(admin.totals).toEqual({ enrolments: 2, completions: 0, overdue: 1, completionRatePercent: 0 });
    const both = await report('trainerAdmin');
    // The trainer's five (E1, E2, E3, E4, E7) and the centre's members' E7 and E8.
    expect(both.totals).toEqual({ enrolments: 6, completions: 2, overdue: 2, completionRatePercent: 33 });
    const swc = await report('swcTrainer');
    expect(swc.totals).toEqual({ enrolments: 3, completions: 1, overdue: 1, completionRatePercent: 33 });
    expect(swc.quizzes).toEqual([{ moduleId: moduleOf.M4, courseTitle: '相談対応の基礎', moduleTitle: '傾聴', attempts: 2, passedAttempts: 1, passRatePercent: 50 }]);
  });

  it('refuses everyone else', async () => {
    for (const key of ['centerStaff', 'coordinator', 's1', 'staffB']) {
      expect([key, outcome(await c[key].request(REPORT, {}))]).toEqual([key, 'FORBIDDEN']);
      expect([key, outcome(await c[key].request(CSV, {}))]).toEqual([key, 'FORBIDDEN']);
      expect([key, outcome(await c[key].request(XAPI, {}))]).toEqual([key, 'FORBIDDEN']);
    }
  });

  it('counts overdue as of the Clock', async () => {
    jest.spyOn(Clock.prototype, 'now').mockReturnValue(new Date('2026-04-20T00:00:00Z'));
    expect((await report('trainer')).totals.overdue).toBe(0);
    jest.spyOn(Clock.prototype, 'now').mockReturnValue(new Date('2026-05-02T00:00:00Z'));
    const result = await report('trainer');
    expect(result.totals.overdue).toBe(1);
    expect(result.overdueAssignments.map((row) => row.enrolmentId)).toEqual([enrolment.E2]);
  });
});

describe('filters', () => {
  it('narrows by organisation, course and period', async () => {
    expect((await report('trainer', { organizationId: org('npo') })).totals).toEqual({ enrolments: 3, completions: 1, overdue: 1, completionRatePercent: 33 });
    expect((await report('trainer', { courseId: course.K2 })).byCourse.map((row) => row.courseId)).toEqual([course.K2]);
    // April: E1 and E2 enrolled, E1 completed; the April attempts are E1's two and E2's one.
    const april = await report('trainer', { from: '2026-04-01T00:00:00Z', to: '2026-05-01T00:00:00Z' });
    expect(april.totals).toEqual({ enrolments: 2, completions: 1, overdue: 1, completionRatePercent: 50 });
    expect(april.quizzes).toEqual([
      { moduleId: moduleOf.M1, courseTitle: 'つながりサポーター入門', moduleTitle: '理念と役割', attempts: 3, passedAttempts: 1, passRatePercent: 33 },
    ]);
    // June: E4 completed (enrolled in May) and E7 enrolled.
    const june = await report('trainer', { from: '2026-06-01T00:00:00Z', to: '2026-07-01T00:00:00Z' });
    expect(june.totals).toEqual({ enrolments: 1, completions: 1, overdue: 1, completionRatePercent: 0 });
    // An org admin may name a course their members took, wherever it comes from.
    expect((await report('npoAdmin', { courseId: course.K3 })).totals.enrolments).toBe(1);
    expect((await report('npoAdmin', { courseId: course.KB })).totals.enrolments).toBe(1);
  });

  it('answers NOT_FOUND for an organisation or course outside the scope, another network\'s ids and non-UUIDs', async () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ['trainer', { courseId: course.K3 }],
      ['trainer', { courseId: course.KB }],
      ['trainer', { organizationId: b.organizations.centerB }],
      ['npoAdmin', { organizationId: org('swc') }],
      ['npoAdmin', { courseId: 'not-a-uuid' }],
      ['npoAdmin', { organizationId: 'not-a-uuid' }],
      ['centerAdmin', { courseId: course.K1 }],
      ['trainerB', { courseId: course.K1 }],
      ['trainerB', { organizationId: org('npo') }],
      ['adminB', { courseId: course.K2 }],
    ];
    for (const [key, input] of cases) {
      for (const query of [REPORT, CSV, XAPI]) {
        expect([key, input, outcome(await c[key].request(query, { input }))]).toEqual([key, input, 'NOT_FOUND']);
      }
    }
    const reversed = await c.trainer.request(REPORT, { input: { from: '2026-05-01T00:00:00Z', to: '2026-04-01T00:00:00Z' } });
    expect([outcome(reversed), reversed.body.errors?.[0]?.extensions?.['reason']]).toEqual(['BAD_USER_INPUT', 'REPORT_PERIOD_INVALID']);
  });

  it("shows another network only its own: network B's trainer sees B's own learner, not network A's learner of its public course", async () => {
    const result = await report('trainerB');
    expect(result.totals).toEqual({ enrolments: 1, completions: 1, overdue: 0, completionRatePercent: 100 });
    expect(result.byOrganization.map((row) => row.organizationId)).toEqual([b.organizations.centerB]);
    const statements = JSON.parse(dataOf(await c.trainerB.request<{ trainingXapiStatements: string }>(XAPI, {})).trainingXapiStatements);
    expect(statements.map((statement: { actor: { account: { name: string } } }) => statement.actor.account.name)).toEqual([
      b.members.staffB.membershipId,
      b.members.staffB.membershipId,
    ]);
  });
});

describe('exports', () => {
  it('writes the CSV with a BOM, a Japanese header, one row per organisation × course and formula cells defused', async () => {
    const csv = dataOf(await c.trainer.request<{ trainingReportCsv: string }>(CSV, {})).trainingReportCsv;
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('\r\n');
    const rows: string[][] = parse(csv.slice(1));
    expect(rows[0]).toEqual(['団体', '研修', '受講登録数', '修了数', '修了率（%）', '期限超過', 'クイズ受験数', 'クイズ合格数', 'クイズ合格率（%）', '団体ID', '研修ID']);
    expect(rows.slice(1).map((row) => row.slice(0, 9))).toEqual([
      [name('center'), "'=SUM(1+1) 個人情報の取扱い", '1', '0', '0', '1', '0', '0', ''],
      [name('npo'), "'=SUM(1+1) 個人情報の取扱い", '1', '0', '0', '0', '1', '1', '100'],
      [name('npo'), 'つながりサポーター入門', '2', '1', '50', '1', '3', '1', '33'],
      [name('swc'), 'つながりサポーター入門', '1', '1', '100', '0', '1', '1', '100'],
    ]);
    expect(rows[1].slice(9)).toEqual([org('center'), course.K2]);
    const english = dataOf(await c.trainer.request<{ trainingReportCsv: string }>(CSV, { language: 'en' })).trainingReportCsv;
    expect(parse(english.slice(1))[0][0]).toBe('Organisation');
    const byHeader = await c.trainer.request<{ trainingReportCsv: string }>(CSV, {}, { 'accept-language': 'en-US,en;q=0.9' });
    expect(parse(dataOf(byHeader).trainingReportCsv.slice(1))[0][1]).toBe('Course');
  });

  it('exports xAPI 1.0.3 statements with the required fields: registered, passed/failed with a score, completed', async () => {
    const text = dataOf(await c.trainer.request<{ trainingXapiStatements: string }>(XAPI, {})).trainingXapiStatements;
    const statements: XapiStatement[] = JSON.parse(text);
    // Five enrolments, two completions and five quiz attempts in the trainer's courses.
    const verbs = statements.map((statement) => statement.verb.id.replace('http://adlnet.gov/expapi/verbs/', ''));
    expect(verbs.filter((verb) => verb === 'registered')).toHaveLength(5);
    expect(verbs.filter((verb) => verb === 'completed')).toHaveLength(2);
    expect(verbs.filter((verb) => verb === 'passed')).toHaveLength(3);
    expect(verbs.filter((verb) => verb === 'failed')).toHaveLength(2);
    expect(statements).toHaveLength(12);
    for (const statement of statements) {
      expect(statement.actor).toEqual({ objectType: 'Agent', name: expect.any(String), account: { homePage: APP_BASE_URL, name: expect.any(String) } });
      expect(statement.verb.id).toMatch(/^http:\/\/adlnet\.gov\/expapi\/verbs\/(registered|passed|failed|completed)$/);
      expect(Object.keys(statement.verb.display).length).toBeGreaterThan(0);
      expect(statement.object.id).toMatch(new RegExp(`^${APP_BASE_URL}/training/courses/[0-9a-f-]{36}(/modules/[0-9a-f-]{36})?$`));
      expect(statement.object.definition.name.ja).toEqual(expect.any(String));
      expect(new Date(statement.timestamp).toISOString()).toBe(statement.timestamp);
    }
    const memberships = Object.values(a.members).map((member) => member.membershipId);
    expect(statements.every((statement) => memberships.includes(statement.actor.account.name))).toBe(true);
    // No mail address of a learner anywhere (see training-report-figures.ts for why).
    expect(text).not.toMatch(/mbox|@example\.jp/);

    const passed = statements.find((statement) => statement.verb.id.endsWith('/passed') && statement.timestamp === '2026-04-12T00:00:00.000Z');
    expect(passed).toMatchObject({
      actor: { name: 's1', account: { name: a.members.s1.membershipId } },
      verb: { display: { 'en-US': 'passed' } },
      object: {
        id: `${APP_BASE_URL}/training/courses/${course.K1}/modules/${moduleOf.M1}`,
        definition: { name: { ja: '理念と役割' }, type: 'http://adlnet.gov/expapi/activities/assessment' },
      },
      result: { score: { scaled: 0.8, raw: 80, min: 0, max: 100 }, success: true },
    });
    const failed = statements.find((statement) => statement.verb.id.endsWith('/failed') && statement.timestamp === '2026-04-15T00:00:00.000Z');
    expect(failed?.result).toEqual({ score: { scaled: 0.2, raw: 20, min: 0, max: 100 }, success: false });
    const completed = statements.find((statement) => statement.verb.id.endsWith('/completed') && statement.timestamp === '2026-04-20T00:00:00.000Z');
    expect(completed).toMatchObject({
      object: { id: `${APP_BASE_URL}/training/courses/${course.K1}`, definition: { name: { ja: 'つながりサポーター入門' }, type: 'http://adlnet.gov/expapi/activities/course' } },
      result: { completion: true },
    });
    const registered = statements.filter((statement) => statement.verb.id.endsWith('/registered')).map((statement) => statement.timestamp);
    expect(registered).toEqual(['2026-04-01T00:00:00.000Z', '2026-04-05T00:00:00.000Z', '2026-05-10T00:00:00.000Z', '2026-05-20T00:00:00.000Z', '2026-06-01T00:00:00.000Z']);
  });
});

describe('through the learning flows', () => {
  it('reports what the enrolment, assignment and quiz mutations record', async () => {
    const network = await createNetwork(database.ownerUrl, {
      slug: 'reports-flows',
      organizations: { center: 'INTERMEDIARY', npo: 'NPO' },
      members: { trainerF: ['center', ['TRAINER']], adminF: ['npo', ['ORG_ADMIN']], doneF: ['npo', ['STAFF']], failF: ['npo', ['STAFF']], lateF: ['npo', ['STAFF']] },
    });
    for (const [key, member] of Object.entries(network.members)) c[key] = await signIn(api.url, member.email);
    // One module: a link to read and a one-question quiz whose right answer is the first choice.
    const built = await buildCourse(c.trainerF, '実地の流れ');
    const [first] = built.modules;
    const question = first.quiz?.questions[0];
    if (!question) throw new Error('The built course has no quiz question');

    const done = await enrol(c.doneF, built.id);
    await mark(c.doneF, done.id, first.materials[0].id);
    expect((await submit(c.doneF, done.id, first.id, [{ questionId: question.id, choices: [0] }])).passed).toBe(true);
    const failing = await enrol(c.failF, built.id);
    expect((await submit(c.failF, failing.id, first.id, [{ questionId: question.id, choices: [1] }])).passed).toBe(false);
    const due = new Date(NOW.getTime() + 7 * 24 * 3600_000).toISOString();
    expect(outcome(await c.adminF.request(ASSIGN, { courseId: built.id, membershipIds: [network.members.lateF.membershipId], dueAt: due }))).toBe('OK');

    jest.spyOn(Clock.prototype, 'now').mockReturnValue(new Date(NOW.getTime() + 8 * 24 * 3600_000));
    for (const key of ['trainerF', 'adminF']) {
      const result = await report(key);
      expect([key, result.totals]).toEqual([key, { enrolments: 3, completions: 1, overdue: 1, completionRatePercent: 33 }]);
      expect(result.quizzes).toEqual([{ moduleId: first.id, courseTitle: '実地の流れ', moduleTitle: first.title, attempts: 2, passedAttempts: 1, passRatePercent: 50 }]);
      expect(result.overdueAssignments.map((row) => [row.memberName, row.courseTitle, row.dueAt])).toEqual([['lateF', '実地の流れ', due]]);
    }
    const statements: XapiStatement[] = JSON.parse(dataOf(await c.trainerF.request<{ trainingXapiStatements: string }>(XAPI, {})).trainingXapiStatements);
    expect(statements.map((statement) => statement.verb.display['en-US']).sort()).toEqual(['completed', 'failed', 'passed', 'registered', 'registered', 'registered']);
  });
});
