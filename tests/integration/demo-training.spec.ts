// The demo training seeded into a real database (twice: idempotent), with the file storage so
// the PDF handout is stored like an upload, and read back through the API by the demo accounts:
// the trainer's three courses, the quiz, the sessions with their waiting list, the staff
// member's assignment and certificate (verified by its code alone), the handout downloaded, and
// the public course seen from the second network.
import { DEMO_CERTIFICATE_CODE, DEMO_HANDOUT, demoTrainingId } from '../../apps/api/src/seed/demo-training';
import { SignedInClient } from '../support/accounts';
import { setupDemoApiTest } from '../support/demo';
import { graphql } from '../support/graphql';
import { dataOf } from '../support/people';

const t = setupDemoApiTest({ seedTwice: true, storage: true, accounts: ['trainer', 'staff', 'minato'] });
const clients = t.clients as Record<'trainer' | 'staff' | 'minato', SignedInClient>;

interface CourseNode {
  id: string;
  title: string;
  visibility: string;
  status: string;
  modules: Array<{ title: string; materials: Array<{ title: string; format: string; url: string | null; file: { id: string } | null }>; quiz: { passMarkPercent: number; maxAttempts: number; questions: Array<{ prompt: string }> } | null }>;
}

const COURSES = `query { courses(input: { mine: true }, first: 20) { nodes {
  id title visibility status modules { title materials { title format url file { id } } quiz { passMarkPercent maxAttempts questions { prompt } } }
} } }`;

it('gives the trainer three published courses with their modules, materials and the quiz, the handout stored', async () => {
  const courses = dataOf(await clients.trainer.request<{ courses: { nodes: Array<CourseNode> } }>(COURSES)).courses.nodes;
  expect(courses.map((course) => course.title).sort()).toEqual(['つながりサポーター入門', '個人情報の取扱い', '相談対応の基礎'].sort());
  expect(courses.every((course) => course.status === 'PUBLISHED')).toBe(true);
  const intro = courses.find((course) => course.title === 'つながりサポーター入門');
  expect(intro?.visibility).toBe('PUBLIC');
  expect(intro?.modules[0].materials).toEqual([
    { title: '内閣府「孤独・孤立対策」', format: 'LINK', url: 'https://www.cao.go.jp/kodoku_koritsu/', file: null },
    { title: DEMO_HANDOUT.title, format: 'PDF', url: null, file: { id: DEMO_HANDOUT.fileId } },
  ]);
  const privacy = courses.find((course) => course.title === '個人情報の取扱い');
  expect(privacy?.modules.map((module) => module.quiz && { passMarkPercent: module.quiz.passMarkPercent, maxAttempts: module.quiz.maxAttempts, questions: module.quiz.questions.length })).toEqual([
    null,
    { passMarkPercent: 80, maxAttempts: 3, questions: 4 },
  ]);

  const handout = await fetch(`${t.api.url}/api/files/${DEMO_HANDOUT.fileId}`, { headers: { authorization: `Bearer ${clients.staff.token}` } });
  expect([handout.status, handout.headers.get('content-type')]).toEqual([200, 'application/pdf']);
  expect(Buffer.from(await handout.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
});

it("shows the staff member's assignment with its failed attempt and the completed course with a certificate anyone can verify", async () => {
  const enrolments = dataOf(
    await clients.staff.request<{
      myEnrolments: { nodes: Array<{ course: { title: string }; source: string; dueAt: string | null; completedAt: string | null; modules: Array<{ attemptsUsed: number; attemptsLeft: number | null }>; certificate: { code: string } | null }> };
    }>(`query { myEnrolments(first: 20) { nodes { course { title } source dueAt completedAt modules { attemptsUsed attemptsLeft } certificate { code } } } }`),
  ).myEnrolments.nodes;
  const byTitle = new Map(enrolments.map((enrolment) => [enrolment.course.title, enrolment]));
  expect(byTitle.get('個人情報の取扱い')).toMatchObject({ source: 'ASSIGNED', dueAt: expect.any(String), completedAt: null, certificate: null });
  expect(byTitle.get('個人情報の取扱い')?.modules[1]).toMatchObject({ attemptsUsed: 1, attemptsLeft: 2 });
  expect(byTitle.get('つながりサポーター入門')).toMatchObject({ source: 'SELF', completedAt: expect.any(String), certificate: { code: DEMO_CERTIFICATE_CODE } });

  const verified = await graphql<{ verifyCertificate: { valid: boolean; learnerName: string; courseTitle: string } }>(
    t.api.url,
    `query ($code: String!) { verifyCertificate(code: $code) { valid learnerName courseTitle } }`,
    { variables: { code: DEMO_CERTIFICATE_CODE } },
  );
  expect(verified.body.data?.verifyCertificate).toEqual({ valid: true, learnerName: '伊藤 さくら', courseTitle: 'つながりサポーター入門' });
});

it('lists the two sessions, the online one full with one member waiting', async () => {
  const sessions = dataOf(
    await clients.trainer.request<{ trainingSessions: { nodes: Array<{ id: string; place: string | null; onlineUrl: string | null; registeredCount: number; waitlistCount: number }> } }>(
      `query { trainingSessions(upcomingOnly: true, first: 20) { nodes { id place onlineUrl registeredCount waitlistCount } } }`,
    ),
  ).trainingSessions.nodes;
  expect(sessions).toEqual([
    { id: demoTrainingId('session', 1), place: '中央区社会福祉協議会 会議室', onlineUrl: null, registeredCount: 3, waitlistCount: 0 },
    { id: demoTrainingId('session', 2), place: null, onlineUrl: 'https://meet.example.jp/shakyo-chuo/kojin-joho', registeredCount: 2, waitlistCount: 1 },
  ]);
});

it('lets the second network see the public course only', async () => {
  const catalogue = dataOf(await clients.minato.request<{ courses: { nodes: Array<{ title: string }> } }>(`query { courses(first: 50) { nodes { title } } }`));
  expect(catalogue.courses.nodes.map((node) => node.title)).toEqual(['つながりサポーター入門']);
});
