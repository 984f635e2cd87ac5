// Certificates of completion against the real API and PostgreSQL: the PDF says in Japanese who
// completed which course, when (Japan time), who issued it and how to verify it; only the learner
// and their organisation's admins may download it; anyone verifies a code without signing in and
// learns only validity, name, course and date — the database itself lets nothing else be read.
import { DataSource } from 'typeorm';
import { outcome, SignedInClient, TestNetwork } from '../support/accounts';
import { RunningApi } from '../support/api';
import { setupDemoApiTest } from '../support/demo';
import { graphql } from '../support/graphql';
import { APP_BASE_URL, setupApiTest } from '../support/harness';
import { oneOrganizationNetwork } from '../support/networks';
import { ASSIGN, enrol, EnrolmentResult, mark, submit, VERIFY } from '../support/learning';
import { dataOf } from '../support/people';
import { pdfText } from '../support/pdf';
import { TestDatabase } from '../support/test-database';
import { buildCourse, CourseResult, singleChoice } from '../support/training';


const t = setupApiTest({
  env: { APP_BASE_URL },
  networks: {
    network: {
      slug: 'cert-a',
      organizations: { center: 'NPO', komorebi: 'NPO' },
      members: {
        trainer: ['center', ['TRAINER']],
        learner: ['komorebi', ['STAFF']],
        colleague: ['komorebi', ['STAFF']],
        orgAdmin: ['komorebi', ['ORG_ADMIN']],
        centerAdmin: ['center', ['ORG_ADMIN']],
      },
    },
    other: oneOrganizationNetwork('cert-b', { minato: 'NPO' }, { adminB: ['ORG_ADMIN'], staffB: ['STAFF'] }),
  },
});
const clients = t.clients;
let database: TestDatabase, api: RunningApi, sql: DataSource, network: TestNetwork, other: TestNetwork;
let course: CourseResult;
let completed: EnrolmentResult;

/** Marks every material and passes every quiz (the first choice is the right one in these courses). */
async function complete(client: SignedInClient, courseToTake: CourseResult): Promise<EnrolmentResult> {
  let enrolment = await enrol(client, courseToTake.id);
  for (const module of courseToTake.modules) {
    for (const material of module.materials) enrolment = await mark(client, enrolment.id, material.id);
    if (module.quiz) {
      const answers = module.quiz.questions.map((question) => ({ questionId: question.id, choices: [0] }));
      enrolment = (await submit(client, enrolment.id, module.id, answers)).enrolment;
    }
  }
  return enrolment;
}

async function download(path: string, token?: string): Promise<Response> {
  return fetch(`${api.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

/** The date a certificate prints, computed independently: the completion instant in Japan. */
function japaneseDateOf(iso: string): string {
  const japan = new Date(new Date(iso).getTime() + 9 * 60 * 60 * 1000);
  return `${japan.getUTCFullYear()}年${japan.getUTCMonth() + 1}月${japan.getUTCDate()}日`;
}

beforeAll(async () => {
  ({ database, api, sql, networks: { network, other } } = t);
  // Names as a certificate prints them.
  await sql.query(`UPDATE users SET display_name = '佐藤 花子' WHERE id = $1`, [network.members.learner.userId]);
  await sql.query(`UPDATE users SET display_name = '鈴木 一郎' WHERE id = $1`, [other.members.staffB.userId]);
  await sql.query(`UPDATE organizations SET name = 'つながりサポートセンター' WHERE id = $1`, [network.organizations.center]);
  course = await buildCourse(clients.trainer, 'つながりサポーター入門', {
    input: { visibility: 'PUBLIC' },
    modules: [
      {
        title: '第1章',
        materials: [{ title: '資料', url: 'https://example.jp/intro' }],
        quiz: { passMarkPercent: 100, maxAttempts: 3, questions: [singleChoice('相談の基本は？', ['傾聴', '説得'], 0)] },
      },
    ],
  });
  completed = await complete(clients.learner, course);
}, 120_000);


describe('the certificate PDF', () => {
  it('says in Japanese who completed which course, when, who issued it, and how to verify it', async () => {
    const certificate = completed.certificate;
    if (!certificate) throw new Error('no certificate was issued');
    expect(certificate).toMatchObject({ learnerName: '佐藤 花子', courseTitle: 'つながりサポーター入門', issuerName: 'つながりサポートセンター' });
    const response = await download(certificate.downloadPath, clients.learner.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain('修了証');
    expect(text).toContain('佐藤 花子');
    expect(text).toContain('つながりサポーター入門');
    expect(text).toContain(japaneseDateOf(certificate.completedAt));
    expect(text).toContain('つながりサポートセンター');
    expect(text).toContain(certificate.code);
    expect(text).toContain(`${APP_BASE_URL}/verify?code=${certificate.code}`);
  });

  it("goes to the learner and their organisation's admins only; for anyone else it does not exist", async () => {
    const path = completed.certificate?.downloadPath ?? '';
    expect((await download(path, clients.orgAdmin.token)).status).toBe(200);
    for (const key of ['colleague', 'trainer', 'centerAdmin', 'adminB', 'staffB']) {
      const response = await download(path, clients[key].token);
      expect([key, response.status]).toEqual([key, 404]);
      expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0].extensions.code).toBe('NOT_FOUND');
    }
    expect((await download(path)).status).toBe(401);
    expect((await download('/api/training/certificates/not-a-uuid/pdf', clients.learner.token)).status).toBe(404);
    expect((await download('/api/training/certificates/5b0c6c1e-2f7a-4c1e-9d55-0a6c0f1e2d3c/pdf', clients.learner.token)).status).toBe(404);
  });

  it("names the publishing organisation of another network's public course as the issuer", async () => {
    const taken = await complete(clients.staffB, course);
    expect(taken.certificate).toMatchObject({ learnerName: '鈴木 一郎', courseTitle: 'つながりサポーター入門', issuerName: 'つながりサポートセンター' });
    const [row]: Array<{ tenant_id: string }> = await sql.query(`SELECT tenant_id FROM certificates WHERE id = $1`, [taken.certificate?.id]);
    expect(row.tenant_id).toBe(other.tenantId);
    expect((await download(taken.certificate?.downloadPath ?? '', clients.staffB.token)).status).toBe(200);
    expect((await download(taken.certificate?.downloadPath ?? '', clients.learner.token)).status).toBe(404);
  });
});

describe('verification by code alone', () => {
  it('confirms a certificate without signing in: only valid, name, course, issuing organisation and date (Japan)', async () => {
    const certificate = completed.certificate;
    if (!certificate) throw new Error('no certificate was issued');
    const japanDay = new Date(new Date(certificate.completedAt).getTime() + 9 * 60 * 60 * 1000).toISOString().slice(0, 10);
    const expected = { valid: true, learnerName: '佐藤 花子', courseTitle: 'つながりサポーター入門', issuerName: 'つながりサポートセンター', completedOn: japanDay };
    expect(dataOf(await graphql(api.url, VERIFY, { variables: { code: certificate.code } }))).toEqual({ verifyCertificate: expected });
    // As typed from paper: lower case, spaces instead of hyphens, O for 0.
    const typed = certificate.code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o');
    expect(dataOf(await graphql(api.url, VERIFY, { variables: { code: typed } }))).toEqual({ verifyCertificate: expected });
    // A signed-in member of another network gets the same answer, no more.
    expect(dataOf(await clients.adminB.request(VERIFY, { code: certificate.code }))).toEqual({ verifyCertificate: expected });
  });

  it('answers valid: false, and nothing else, for an unknown or malformed code', async () => {
    const nothing = { valid: false, learnerName: null, courseTitle: null, issuerName: null, completedOn: null };
    for (const code of ['TSG-0000-0000-0000-0000', 'TSG-ZZZZ-ZZZZ-ZZZZ-ZZZZ', 'nonsense', '', "' OR 1=1 --", 'x'.repeat(5000)]) {
      expect(dataOf(await graphql(api.url, VERIFY, { variables: { code } }))).toEqual({ verifyCertificate: nothing });
    }
  });

  it('reveals nothing else without signing in, and the database lets a code read its one certificate only', async () => {
    for (const query of [`{ myEnrolments { nodes { id } } }`, `{ notifications { nodes { id } } }`]) {
      expect(outcome(await graphql(api.url, query))).toBe('UNAUTHENTICATED');
    }
    const certificate = completed.certificate;
    if (!certificate) throw new Error('no certificate was issued');
    // The application's own database role, as verification runs it: the code set, no tenant.
    const app = await new DataSource({ type: 'postgres', url: database.appUrl, extra: { max: 1 } }).initialize();
    try {
      const counts = await app.transaction(async (manager) => {
        await manager.query(`SELECT set_config('app.certificate_code', $1, true)`, [certificate.code]);
        const result: Record<string, number> = {};
        for (const table of ['certificates', 'course_enrolments', 'courses', 'users', 'memberships', 'organizations', 'quiz_attempts', 'material_completions']) {
          const [{ count }]: Array<{ count: number }> = await manager.query(`SELECT count(*)::int AS count FROM ${table}`);
          result[table] = count;
        }
        return result;
      });
      // Only the one certificate — and the public course, which every network may read anyway.
      expect(counts).toEqual({
        certificates: 1,
        course_enrolments: 0,
        courses: 1,
        users: 0,
        memberships: 0,
        organizations: 0,
        quiz_attempts: 0,
        material_completions: 0,
      });
      const [{ certificates }]: Array<{ certificates: number }> = await app.query(`SELECT count(*)::int AS certificates FROM certificates`);
      expect(certificates).toBe(0);
    } finally {
      await app.destroy();
    }
  });
});

describe('the demo accounts', () => {
  const demo = setupDemoApiTest({ env: { APP_BASE_URL }, accounts: ['trainer', 'staff', 'orgAdmin', 'minato'] });
  const demoClients = demo.clients;

  it('the trainer publishes, the org admin assigns, the staff member completes and downloads; another network verifies without signing in', async () => {
    const demoCourse = await buildCourse(demoClients.trainer, '公開：個人情報の取扱い 基礎', { input: { visibility: 'PUBLIC' } });
    const me = dataOf(await demoClients.staff.request<{ me: { activeMembership: { id: string } } }>(`{ me { activeMembership { id } } }`)).me;
    const dueAt = new Date(Date.now() + 30 * 24 * 60 * 60 * 1000).toISOString();
    const [assigned] = dataOf(
      await demoClients.orgAdmin.request<{ assignCourse: EnrolmentResult[] }>(ASSIGN, { courseId: demoCourse.id, membershipIds: [me.activeMembership.id], dueAt }),
    ).assignCourse;
    expect(assigned).toMatchObject({ source: 'ASSIGNED', dueAt });
    const done = await complete(demoClients.staff, demoCourse);
    expect(done.id).toBe(assigned.id);
    const certificate = done.certificate;
    if (!certificate) throw new Error('no certificate was issued');
    expect(certificate).toMatchObject({ learnerName: '伊藤 さくら', courseTitle: '公開：個人情報の取扱い 基礎', issuerName: '中央区社会福祉協議会' });
    for (const key of ['staff', 'orgAdmin']) {
      const response = await fetch(`${demo.api.url}${certificate.downloadPath}`, { headers: { authorization: `Bearer ${demoClients[key].token}` } });
      expect([key, response.status]).toEqual([key, 200]);
      const text = await pdfText(Buffer.from(await response.arrayBuffer()));
      for (const expected of ['修了証', '伊藤 さくら', '公開：個人情報の取扱い 基礎', japaneseDateOf(certificate.completedAt), '中央区社会福祉協議会', certificate.code]) {
        expect(text).toContain(expected);
      }
    }
    const fromMinato = await fetch(`${demo.api.url}${certificate.downloadPath}`, { headers: { authorization: `Bearer ${demoClients.minato.token}` } });
    expect(fromMinato.status).toBe(404);
    expect(dataOf(await graphql(demo.api.url, VERIFY, { variables: { code: certificate.code } }))).toEqual({
      verifyCertificate: {
        valid: true,
        learnerName: '伊藤 さくら',
        courseTitle: '公開：個人情報の取扱い 基礎',
        issuerName: '中央区社会福祉協議会',
        completedOn: new Date(new Date(certificate.completedAt).getTime() + 9 * 60 * 60 * 1000).toISOString().slice(0, 10),
      },
    });
    // The second network's admin takes the public course too; their certificate names the council.
    const theirs = await complete(demoClients.minato, demoCourse);
    expect(theirs.certificate).toMatchObject({ learnerName: '小林 陽介', issuerName: '中央区社会福祉協議会' });
  });
});
