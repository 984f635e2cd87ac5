// The demo training is what the training modules would have saved (their own validation), with
// the courses, quiz, sessions and enrolments the issue asks for, consistent with each other: the
// completed enrolment has done every material, the failed attempt is below the pass mark, the
// sessions lie in the coming weeks whenever the seed runs.
import { isCourseComplete, isUuid, normalizeCertificateCode, normalizeForSearch, scoreQuiz } from '@tsunagu/domain';
import { sniffFile } from '../core/files/file-types';
import {
  DEMO_CERTIFICATE_CODE,
  DEMO_COURSES,
  DEMO_ENROLMENTS,
  DEMO_SESSIONS,
  demoTrainingId,
  renderDemoHandout,
  validatedDemoCourse,
  validatedDemoSession,
} from './demo-training';

const DAY_MS = 24 * 60 * 60 * 1000;
const SEEDING_TIMES = ['2026-11-26T00:30:00Z', '2026-11-26T14:59:00Z', '2026-11-26T15:01:00Z', '2027-02-28T23:59:00Z'].map((time) => new Date(time));
const OFFICIAL_PAGES = /^https:\/\/(www\.cao\.go\.jp|www\.notalone-cao\.go\.jp|www\.ppc\.go\.jp|laws\.e-gov\.go\.jp|www\.mhlw\.go\.jp|www\.shakyo\.or\.jp|www\.inochinodenwa\.org)\//;

const course = (title: string) => {
  const found = DEMO_COURSES.find((candidate) => candidate.title === title);
  if (!found) throw new Error(`no demo course ${title}`);
  return found;
};

it('has the three courses, each valid by the courses module, of 2 to 4 modules, for the whole network, one public', () => {
  expect(DEMO_COURSES.map((demo) => demo.title)).toEqual(['つながりサポーター入門', '個人情報の取扱い', '相談対応の基礎']);
  for (const demo of DEMO_COURSES) {
    const { fields, modules, searchSource } = validatedDemoCourse(demo); // throws when the validation refuses it
    expect([demo.title, fields.audienceAll, modules.length >= 2 && modules.length <= 4]).toEqual([demo.title, true, true]);
    expect(modules.every((module) => module.demo.materials.length > 0)).toBe(true);
    expect(normalizeForSearch(searchSource)).toContain(normalizeForSearch(demo.title));
  }
  expect(DEMO_COURSES.filter((demo) => demo.visibility === 'PUBLIC').map((demo) => demo.title)).toEqual(['つながりサポーター入門']);
});

it('links materials to public pages of official bodies, and includes the PDF handout', () => {
  const materials = DEMO_COURSES.flatMap((demo) => demo.modules.flatMap((module) => module.materials));
  const links = materials.flatMap((material) => ('url' in material.source ? [material.source.url] : []));
  expect(links.every((url) => OFFICIAL_PAGES.test(url))).toBe(true);
  expect(links).toEqual(expect.arrayContaining(['https://www.cao.go.jp/kodoku_koritsu/', 'https://www.ppc.go.jp/']));
  expect(materials.filter((material) => 'handout' in material.source)).toHaveLength(1);
});

it('gives 個人情報の取扱い one quiz of 3 to 5 questions, pass mark 80, at most 3 attempts', () => {
  const quizzes = DEMO_COURSES.flatMap((demo) => demo.modules.filter((module) => module.quiz).map((module) => [demo.title, module.quiz] as const));
  expect(quizzes.map(([title]) => title)).toEqual(['個人情報の取扱い']);
  const [, quiz] = quizzes[0];
  expect(quiz?.questions.length).toBeGreaterThanOrEqual(3);
  expect(quiz?.questions.length).toBeLessThanOrEqual(5);
  expect(quiz).toMatchObject({ passMarkPercent: 80, maxAttempts: 3 });
  expect(new Set(quiz?.questions.map((question) => question.kind))).toEqual(new Set(['SINGLE_CHOICE', 'MULTIPLE_CHOICE']));
});

it('uses unique fixed ids', () => {
  const ids = [
    ...DEMO_COURSES.map((demo) => demoTrainingId('course', demo.n)),
    ...DEMO_COURSES.flatMap((demo) => demo.modules.map((module) => demoTrainingId('module', module.n))),
    ...DEMO_COURSES.flatMap((demo) => demo.modules.flatMap((module) => module.materials.map((material) => demoTrainingId('material', material.n)))),
    ...DEMO_COURSES.flatMap((demo) => demo.modules.flatMap((module) => module.quiz?.questions.map((question) => demoTrainingId('question', question.n)) ?? [])),
    ...DEMO_SESSIONS.flatMap((session) => [demoTrainingId('session', session.n), ...session.registrants.map((_, index) => demoTrainingId('registration', session.n * 10 + index))]),
    ...DEMO_ENROLMENTS.flatMap((enrolment) => [
      demoTrainingId('enrolment', enrolment.n),
      ...enrolment.doneMaterials.map((material) => demoTrainingId('completion', enrolment.n * 10 + material)),
      ...enrolment.attempts.map((_, index) => demoTrainingId('attempt', enrolment.n * 10 + index)),
    ]),
    demoTrainingId('file', 1),
  ];
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.every(isUuid)).toBe(true);
});

it.each(SEEDING_TIMES)('plans two sessions in the coming weeks, one in person and one online, valid when seeded at %s', (now) => {
  const sessions = DEMO_SESSIONS.map((session) => validatedDemoSession(session, now)); // throws when the validation refuses one
  for (const fields of sessions) {
    expect(fields.startsAt.getTime()).toBeGreaterThan(now.getTime() + 7 * DAY_MS);
    expect(fields.startsAt.getTime()).toBeLessThan(now.getTime() + 28 * DAY_MS);
  }
  expect(sessions.map((fields) => [fields.place, fields.onlineUrl !== null])).toEqual([
    ['中央区社会福祉協議会 会議室', false],
    [null, true],
  ]);
  // Japan time: 14:00 and 18:00.
  expect(sessions.map((fields) => (fields.startsAt.getUTCHours() + 9) % 24)).toEqual([14, 18]);
});

it('registers a few members, one of them on the waiting list of the full online session', () => {
  const waiting = DEMO_SESSIONS.flatMap((session) => session.registrants.slice(session.capacity));
  expect(waiting).toEqual(['coordinator@komorebi.example.jp']);
  expect(DEMO_SESSIONS.every((session) => session.registrants.length >= 2)).toBe(true);
});

describe('enrolments', () => {
  it('assign 個人情報の取扱い to the こもれび staff member with a due date, with a first quiz attempt below the pass mark', () => {
    const assigned = DEMO_ENROLMENTS.find((enrolment) => enrolment.learner === 'staff@komorebi.example.jp' && enrolment.assigned);
    expect(assigned).toMatchObject({ course: course('個人情報の取扱い').n, assigned: { dueInDays: expect.any(Number) }, completedDaysAgo: null });
    const quiz = course('個人情報の取扱い').modules.find((module) => module.quiz)?.quiz;
    if (!quiz || !assigned) throw new Error('no quiz or assignment');
    const keys = quiz.questions.map((question) => ({ id: String(question.n), kind: question.kind, correctChoices: question.correctChoices }));
    const score = scoreQuiz(keys, new Map(quiz.questions.map((question) => [String(question.n), assigned.attempts[0][question.n] ?? []])), quiz.passMarkPercent);
    expect(score).toMatchObject({ passed: false, correctCount: 2, questionCount: 4 });
    expect(assigned.attempts.length).toBeLessThan(quiz.maxAttempts);
  });

  it('include one completed by every material of its course, the only one with a certificate, and one overdue', () => {
    const completed = DEMO_ENROLMENTS.filter((enrolment) => enrolment.completedDaysAgo !== null);
    expect(completed.map((enrolment) => [enrolment.learner, enrolment.course])).toEqual([['staff@komorebi.example.jp', course('つながりサポーター入門').n]]);
    const demo = DEMO_COURSES.find((candidate) => candidate.n === completed[0].course);
    const modules = (demo?.modules ?? []).map((module) => ({
      required: true,
      materialIds: module.materials.map((material) => String(material.n)),
      quiz: module.quiz ? { passed: false } : null,
    }));
    expect(isCourseComplete(modules, new Set(completed[0].doneMaterials.map(String)))).toBe(true);
    for (const enrolment of DEMO_ENROLMENTS.filter((candidate) => candidate.completedDaysAgo === null)) {
      const own = DEMO_COURSES.find((candidate) => candidate.n === enrolment.course);
      const ownModules = (own?.modules ?? []).map((module) => ({ required: true, materialIds: module.materials.map((material) => String(material.n)), quiz: module.quiz ? { passed: false } : null }));
      expect([enrolment.n, isCourseComplete(ownModules, new Set(enrolment.doneMaterials.map(String)))]).toEqual([enrolment.n, false]);
    }
    expect(DEMO_ENROLMENTS.filter((enrolment) => (enrolment.assigned?.dueInDays ?? 0) < 0)).toHaveLength(1);
  });

  it('give the certificate a well-formed verification code', () => {
    expect(normalizeCertificateCode(DEMO_CERTIFICATE_CODE)).toBe(DEMO_CERTIFICATE_CODE);
  });
});

it('renders the handout as a PDF the upload checks would take', async () => {
  const bytes = await renderDemoHandout();
  expect(sniffFile(bytes, 'PDF')).toMatchObject({ key: 'PDF' });
  expect(bytes.length).toBeLessThan(1024 * 1024);
});
