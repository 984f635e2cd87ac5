// Learning (受講) against the real API and PostgreSQL, with a real SMTP server: who may enrol
// (audience, public courses of another network), assignment by a trainer and by an org admin
// (mail once, in-app notice, refusals), quiz validation, scoring and attempt limits (parallel
// submissions included), completion with required and optional modules, overdue with the Clock
// moved, and NOT_FOUND for every id of another member, another network or no UUID at all.
import { DataSource } from 'typeorm';
import { Clock } from '../../apps/api/src/core/time/clock';
import { outcome, reasonOf, TestNetwork } from '../support/accounts';
import { RunningApi } from '../support/api';
import { APP_BASE_URL, mailJobsOptions, setupApiTest } from '../support/harness';
import { oneOrganizationNetwork } from '../support/networks';
import {
  ASSIGN,
  ASSIGNEES,
  enrol,
  ENROL,
  EnrolmentResult,
  mark,
  MARK,
  MY_ENROLMENT_OF_COURSE,
  myEnrolments,
  submit,
  SUBMIT,
} from '../support/learning';
import { dataOf } from '../support/people';
import { TestSmtpServer } from '../support/smtp';
import { TestDatabase } from '../support/test-database';
import { buildCourse, COURSE_QUERY, CourseResult, singleChoice } from '../support/training';

const DAY = 24 * 60 * 60 * 1000;
const NOT_A_UUID = 'not-a-uuid';
const UNKNOWN_UUID = '5b0c6c1e-2f7a-4c1e-9d55-0a6c0f1e2d3c';

const t = setupApiTest({
  ...mailJobsOptions(),
  networks: {
    network: {
      slug: 'learn-a',
      organizations: { center: 'NPO', komorebi: 'NPO', hidamari: 'NPO' },
      members: {
        trainer: ['center', ['TRAINER']],
        staff: ['komorebi', ['STAFF']],
        staffTwo: ['komorebi', ['STAFF']],
        quiet: ['komorebi', ['STAFF']],
        orgAdmin: ['komorebi', ['ORG_ADMIN']],
        hidamariStaff: ['hidamari', ['STAFF']],
        coordinator: ['hidamari', ['COORDINATOR']],
        counted: ['center', ['COORDINATOR']],
      },
    },
    other: oneOrganizationNetwork('learn-b', { minato: 'NPO' }, { adminB: ['ORG_ADMIN'], staffB: ['STAFF'], trainerB: ['TRAINER'] }),
  },
});
const clients = t.clients;
let database: TestDatabase, smtp: TestSmtpServer, api: RunningApi, sql: DataSource, network: TestNetwork, other: TestNetwork;
beforeAll(() => ({ database, smtp, api, sql, networks: { network, other } } = t));

afterEach(() => {
  jest.restoreAllMocks();
});

const outboxDrained = () => t.outboxDrained();

/** A course with two questions (one single, one multiple choice) in its only module. */
async function quizCourse(title: string, maxAttempts: number | null, passMarkPercent = 100): Promise<CourseResult> {
  return buildCourse(clients.trainer, title, {
    modules: [
      {
        title: '小テストの単元',
        materials: [],
        quiz: {
          passMarkPercent,
          maxAttempts,
          questions: [
            singleChoice('相談を受けたとき最初にすることは？', ['話を聴く', '助言する', '記録を消す'], 0),
            { prompt: '個人情報に当たるものをすべて選んでください', kind: 'MULTIPLE_CHOICE', choices: ['氏名', '天気', '住所', '曜日'], correctChoices: [0, 2] },
          ],
        },
      },
    ],
  });
}

describe('self-enrolment', () => {
  it('lets a member of the audience enrol, once: enrolling again returns the same enrolment', async () => {
    const course = await buildCourse(clients.trainer, 'こもれび向け研修', { input: { audienceAll: false, audienceOrganizationIds: [network.organizations.komorebi] } });
    const first = await enrol(clients.staff, course.id);
    expect(first).toMatchObject({ source: 'SELF', dueAt: null, completedAt: null, overdue: false, progressPercent: 0, certificate: null });
    expect(first.course).toEqual({ id: course.id, title: 'こもれび向け研修', status: 'PUBLISHED' });
    const again = await enrol(clients.staff, course.id);
    expect(again.id).toBe(first.id);
    const [{ count }]: Array<{ count: number }> = await sql.query(`SELECT count(*)::int AS count FROM course_enrolments WHERE course_id = $1`, [course.id]);
    expect(count).toBe(1);
    // Course.myEnrolment: mine, and nothing for someone who has not enrolled.
    expect(dataOf(await clients.staff.request<{ course: { myEnrolment: { id: string } | null } }>(MY_ENROLMENT_OF_COURSE, { id: course.id })).course.myEnrolment?.id).toBe(first.id);
    expect(dataOf(await clients.orgAdmin.request<{ course: { myEnrolment: unknown } }>(MY_ENROLMENT_OF_COURSE, { id: course.id })).course.myEnrolment).toBeNull();
    // And for a page of the catalogue (one batch for the page).
    const catalogue = dataOf(
      await clients.staff.request<{ courses: { nodes: Array<{ id: string; myEnrolment: { id: string; source: string } | null }> } }>(
        `{ courses(first: 50) { nodes { id myEnrolment { id source } } } }`,
      ),
    ).courses.nodes;
    expect(catalogue.find((node) => node.id === course.id)?.myEnrolment).toEqual({ id: first.id, source: 'SELF' });
  });

  it('refuses members outside the audience (they cannot see the course) and an unpublished course', async () => {
    const forCoordinators = await buildCourse(clients.trainer, 'コーディネーター研修', { input: { audienceAll: false, audienceRoles: ['COORDINATOR'] } });
    expect(outcome(await clients.staff.request(ENROL, { courseId: forCoordinators.id }))).toBe('NOT_FOUND');
    expect((await enrol(clients.coordinator, forCoordinators.id)).source).toBe('SELF');

    const draft = await buildCourse(clients.trainer, '下書きの研修', { publish: false });
    expect(outcome(await clients.staff.request(ENROL, { courseId: draft.id }))).toBe('NOT_FOUND');
    const own = await clients.trainer.request(ENROL, { courseId: draft.id });
    expect([outcome(own), reasonOf(own)]).toEqual(['CONFLICT', 'COURSE_NOT_PUBLISHED']);

    // The trainer sees their own published course but is outside its audience.
    const trainerOutside = await clients.trainer.request(ENROL, { courseId: forCoordinators.id });
    expect([outcome(trainerOutside), reasonOf(trainerOutside)]).toEqual(['FORBIDDEN', 'NOT_IN_AUDIENCE']);
    const [{ count }]: Array<{ count: number }> = await sql.query(
      `SELECT count(*)::int AS count FROM course_enrolments WHERE course_id = ANY($1::uuid[])`,
      [[draft.id, forCoordinators.id]],
    );
    expect(count).toBe(1);
  });

  it("lets another network's member take a public course (the enrolment lives in the learner's network), never a network-only one", async () => {
    const networkOnly = await buildCourse(clients.trainer, 'ネットワーク内の研修');
    expect(outcome(await clients.staffB.request(ENROL, { courseId: networkOnly.id }))).toBe('NOT_FOUND');

    const open = await buildCourse(clients.trainer, '公開研修 はじめての相談対応', { input: { visibility: 'PUBLIC' } });
    const enrolment = await enrol(clients.staffB, open.id);
    expect(enrolment.course.title).toBe('公開研修 はじめての相談対応');
    const [row]: Array<{ tenant_id: string; course_tenant_id: string; organization_id: string }> = await sql.query(
      `SELECT tenant_id, course_tenant_id, organization_id FROM course_enrolments WHERE id = $1`,
      [enrolment.id],
    );
    expect(row).toEqual({ tenant_id: other.tenantId, course_tenant_id: network.tenantId, organization_id: other.organizations.minato });
    expect((await myEnrolments(clients.staffB)).map((mine) => mine.course.title)).toContain('公開研修 はじめての相談対応');
  });
});

describe('assignment', () => {
  it('by a trainer to members of the network in the audience: enrolments, one mail each on the SMTP server, an in-app notice; OFF gets no mail', async () => {
    const course = await buildCourse(clients.trainer, '個人情報の取扱い');
    await enrol(clients.staff, course.id);
    const preference = `mutation { setNotificationPreference(kind: TRAINING_ASSIGNED, delivery: OFF) { delivery } }`;
    expect(outcome(await clients.quiet.request(preference))).toBe('OK');
    const digest = `mutation { setNotificationPreference(kind: TRAINING_ASSIGNED, delivery: DAILY_DIGEST) { delivery } }`;
    expect(outcome(await clients.hidamariStaff.request(digest))).toBe('OK');

    const start = smtp.messages.length;
    const dueAt = new Date(Date.now() + 14 * DAY).toISOString();
    const ids = [network.members.staff.membershipId, network.members.quiet.membershipId, network.members.hidamariStaff.membershipId];
    const assigned = dataOf(await clients.trainer.request<{ assignCourse: EnrolmentResult[] }>(ASSIGN, { courseId: course.id, membershipIds: ids, dueAt })).assignCourse;
    expect(assigned.map((enrolment) => [enrolment.source, enrolment.dueAt])).toEqual([
      ['ASSIGNED', dueAt],
      ['ASSIGNED', dueAt],
      ['ASSIGNED', dueAt],
    ]);
    // staff had enrolled themselves: the same enrolment, now assigned.
    const [{ count }]: Array<{ count: number }> = await sql.query(`SELECT count(*)::int AS count FROM course_enrolments WHERE course_id = $1`, [course.id]);
    expect(count).toBe(3);

    await outboxDrained();
    const toStaff = smtp.mailsTo(network.members.staff.email, start);
    expect(toStaff.map((mail) => mail.subject)).toEqual(['【つなぐ】研修の割り当て：「個人情報の取扱い」']);
    expect(toStaff[0].text).toContain(`${APP_BASE_URL}/training/courses/${course.id}`);
    expect(toStaff[0].text).toContain('trainer（learn-a center）');
    // DAILY_DIGEST mails at once (the digest carries referral notices only); OFF mails nothing.
    expect(smtp.mailsTo(network.members.hidamariStaff.email, start)).toHaveLength(1);
    expect(smtp.mailsTo(network.members.quiet.email, start)).toHaveLength(0);
    expect(smtp.messages.length - start).toBe(2);

    for (const key of ['staff', 'quiet']) {
      const notices = dataOf(
        await clients[key].request<{ notifications: { nodes: Array<{ kind: string; courseId: string; courseTitle: string; referralId: string | null }> } }>(
          `{ notifications(first: 5) { nodes { kind courseId courseTitle referralId trainingSessionId } } }`,
        ),
      ).notifications.nodes;
      expect(notices[0]).toEqual({ kind: 'TRAINING_ASSIGNED', courseId: course.id, courseTitle: '個人情報の取扱い', referralId: null, trainingSessionId: null });
    }
  });

  it('by an org admin to their own members only; not by staff; not outside the audience; the due date in the future', async () => {
    const course = await buildCourse(clients.trainer, '相談対応の基礎', { input: { audienceAll: false, audienceRoles: ['STAFF'] } });
    const own = dataOf(
      await clients.orgAdmin.request<{ assignCourse: EnrolmentResult[] }>(ASSIGN, { courseId: course.id, membershipIds: [network.members.staffTwo.membershipId] }),
    ).assignCourse;
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ source: 'ASSIGNED', dueAt: null });

    const elsewhere = await clients.orgAdmin.request(ASSIGN, { courseId: course.id, membershipIds: [network.members.hidamariStaff.membershipId] });
    expect([outcome(elsewhere), reasonOf(elsewhere)]).toEqual(['FORBIDDEN', 'MEMBER_NOT_ASSIGNABLE']);
    const byStaff = await clients.staff.request(ASSIGN, { courseId: course.id, membershipIds: [network.members.staffTwo.membershipId] });
    expect([outcome(byStaff), reasonOf(byStaff)]).toEqual(['FORBIDDEN', 'NOT_AN_ASSIGNER']);
    const outside = await clients.trainer.request(ASSIGN, { courseId: course.id, membershipIds: [network.members.coordinator.membershipId] });
    expect([outcome(outside), reasonOf(outside)]).toEqual(['FORBIDDEN', 'NOT_IN_AUDIENCE']);
    const past = await clients.trainer.request(ASSIGN, {
      courseId: course.id,
      membershipIds: [network.members.hidamariStaff.membershipId],
      dueAt: new Date(Date.now() - DAY).toISOString(),
    });
    expect([outcome(past), reasonOf(past)]).toEqual(['BAD_USER_INPUT', 'DUE_DATE_PAST']);
    // A refused assignment leaves nothing behind: no enrolment, no notice.
    const [{ enrolments }]: Array<{ enrolments: number }> = await sql.query(
      `SELECT count(*)::int AS enrolments FROM course_enrolments WHERE course_id = $1`,
      [course.id],
    );
    expect(enrolments).toBe(1);
    const [{ notices }]: Array<{ notices: number }> = await sql.query(`SELECT count(*)::int AS notices FROM notifications WHERE course_id = $1`, [course.id]);
    expect(notices).toBe(1);
  });

  it('lists the members one may assign: the audience for a trainer, the own organisation for an org admin, by name, with enrolled', async () => {
    const course = await buildCourse(clients.trainer, 'スタッフ研修', { input: { audienceAll: false, audienceRoles: ['STAFF'] } });
    await enrol(clients.staff, course.id);
    type Listed = { courseAssignees: Array<{ membershipId: string; displayName: string; organizationName: string; enrolled: boolean }> };
    const byTrainer = dataOf(await clients.trainer.request<Listed>(ASSIGNEES, { courseId: course.id })).courseAssignees;
    expect(byTrainer.map((row) => row.displayName).sort()).toEqual(['hidamariStaff', 'quiet', 'staff', 'staffTwo']);
    expect(byTrainer.find((row) => row.displayName === 'staff')).toEqual({
      membershipId: network.members.staff.membershipId,
      displayName: 'staff',
      organizationName: 'learn-a komorebi',
      enrolled: true,
    });
    expect(byTrainer.find((row) => row.displayName === 'quiet')?.enrolled).toBe(false);
    const byKeyword = dataOf(await clients.trainer.request<Listed>(ASSIGNEES, { courseId: course.id, keyword: 'STAFF' })).courseAssignees;
    expect(byKeyword.map((row) => row.displayName).sort()).toEqual(['hidamariStaff', 'staff', 'staffTwo']);
    const byOrgAdmin = dataOf(await clients.orgAdmin.request<Listed>(ASSIGNEES, { courseId: course.id })).courseAssignees;
    expect(byOrgAdmin.map((row) => row.displayName).sort()).toEqual(['quiet', 'staff', 'staffTwo']);
    expect(outcome(await clients.staff.request(ASSIGNEES, { courseId: course.id }))).toBe('FORBIDDEN');
    expect(outcome(await clients.adminB.request(ASSIGNEES, { courseId: course.id }))).toBe('NOT_FOUND');
  });
});

describe('notification list', () => {
  it("names a training session's notice by the session's title, in the list's one query", async () => {
    const member = network.members.staffTwo;
    const [session]: Array<{ id: string }> = await sql.query(
      `INSERT INTO training_sessions (tenant_id, organization_id, title, starts_at, ends_at, place, capacity)
       VALUES ($1, $2, '研修会 相談対応の基礎', now() + interval '7 days', now() + interval '7 days 2 hours', '中央区民センター', 10) RETURNING id`,
      [network.tenantId, network.organizations.center],
    );
    await sql.query(`INSERT INTO notifications (tenant_id, membership_id, kind, training_session_id) VALUES ($1, $2, 'TRAINING_SESSION_PROMOTED', $3)`, [
      network.tenantId,
      member.membershipId,
      session.id,
    ]);
    const [notice] = dataOf(
      await clients.staffTwo.request<{ notifications: { nodes: Array<Record<string, unknown>> } }>(
        `{ notifications(first: 1) { nodes { kind courseId courseTitle trainingSessionId trainingSessionTitle } } }`,
      ),
    ).notifications.nodes;
    expect(notice).toEqual({
      kind: 'TRAINING_SESSION_PROMOTED',
      courseId: null,
      courseTitle: null,
      trainingSessionId: session.id,
      trainingSessionTitle: '研修会 相談対応の基礎',
    });
  });
});

describe('quizzes', () => {
  it('scores exact sets, counts attempts down and refuses the attempt after the last', async () => {
    const course = await quizCourse('採点の研修', 2);
    const [module] = course.modules;
    const [single, multiple] = module.quiz?.questions ?? [];
    // A learner never receives the answers.
    const asLearner = dataOf(await clients.staff.request<{ course: CourseResult }>(COURSE_QUERY, { id: course.id })).course;
    expect(asLearner.modules[0].quiz?.questions.map((question) => question.correctChoices)).toEqual([null, null]);

    const enrolment = await enrol(clients.staff, course.id);
    const half = await submit(clients.staff, enrolment.id, module.id, [
      { questionId: single.id, choices: [0] },
      { questionId: multiple.id, choices: [0, 1, 2] },
    ]);
    expect(half).toMatchObject({ attemptNumber: 1, scorePercent: 50, correctCount: 1, questionCount: 2, passed: false, attemptsLeft: 1 });
    expect(half.enrolment.modules[0]).toEqual({
      moduleId: module.id,
      complete: false,
      materialsLeft: [],
      quizLeft: true,
      quizPassed: false,
      attemptsUsed: 1,
      attemptsLeft: 1,
      bestScorePercent: 50,
    });
    const full = await submit(clients.staff, enrolment.id, module.id, [
      { questionId: single.id, choices: [0] },
      { questionId: multiple.id, choices: [2, 0] },
    ]);
    expect(full).toMatchObject({ attemptNumber: 2, scorePercent: 100, passed: true, attemptsLeft: 0 });
    expect(full.enrolment.completedAt).not.toBeNull();
    const third = await clients.staff.request(SUBMIT, { enrolmentId: enrolment.id, moduleId: module.id, answers: [] });
    expect([outcome(third), reasonOf(third)]).toEqual(['CONFLICT', 'QUIZ_ATTEMPTS_EXHAUSTED']);
  });

  it('checks answers against the quiz: known questions once, choices in range, exactly one for single choice; nothing is recorded', async () => {
    const course = await quizCourse('回答チェックの研修', null);
    const [module] = course.modules;
    const [single, multiple] = module.quiz?.questions ?? [];
    const enrolment = await enrol(clients.staff, course.id);
    const attempt = (answers: Array<{ questionId: string; choices: number[] }>) =>
      clients.staff.request(SUBMIT, { enrolmentId: enrolment.id, moduleId: module.id, answers });
    const cases: Array<[Array<{ questionId: string; choices: number[] }>, string]> = [
      [[{ questionId: UNKNOWN_UUID, choices: [0] }], 'UNKNOWN_QUESTION'],
      [[{ questionId: single.id, choices: [0] }, { questionId: single.id, choices: [0] }], 'DUPLICATE_ANSWER'],
      [[{ questionId: single.id, choices: [3] }], 'INVALID_CHOICE'],
      [[{ questionId: multiple.id, choices: [-1] }], 'INVALID_CHOICE'],
      [[{ questionId: multiple.id, choices: [0, 0] }], 'INVALID_CHOICE'],
      [[{ questionId: single.id, choices: [0, 1] }], 'SINGLE_CHOICE'],
      [[{ questionId: single.id, choices: [] }], 'SINGLE_CHOICE'],
    ];
    for (const [answers, reason] of cases) {
      const response = await attempt(answers);
      expect([outcome(response), reasonOf(response)]).toEqual(['BAD_USER_INPUT', reason]);
    }
    const [{ attempts }]: Array<{ attempts: number }> = await sql.query(`SELECT count(*)::int AS attempts FROM quiz_attempts WHERE enrolment_id = $1`, [
      enrolment.id,
    ]);
    expect(attempts).toBe(0);
    // Unanswered questions count as wrong; unlimited attempts leave attemptsLeft null; a retake after
    // passing is allowed and leaves the quiz passed (best score kept).
    expect(await submit(clients.staff, enrolment.id, module.id, [{ questionId: single.id, choices: [0] }])).toMatchObject({
      scorePercent: 50,
      passed: false,
      attemptsLeft: null,
    });
    const right = [
      { questionId: single.id, choices: [0] },
      { questionId: multiple.id, choices: [0, 2] },
    ];
    expect((await submit(clients.staff, enrolment.id, module.id, right)).passed).toBe(true);
    const retake = await submit(clients.staff, enrolment.id, module.id, [{ questionId: multiple.id, choices: [1] }]);
    expect(retake).toMatchObject({ attemptNumber: 3, scorePercent: 0, passed: false });
    expect(retake.enrolment.modules[0]).toMatchObject({ quizPassed: true, attemptsUsed: 3, bestScorePercent: 100, complete: true });
    expect(retake.enrolment.certificate).not.toBeNull();
    const noQuizCourse = await buildCourse(clients.trainer, '小テストなしの研修', { modules: [{ title: '読むだけ', materials: [{ title: '資料', url: 'https://example.jp/a' }] }] });
    const noQuiz = await enrol(clients.staff, noQuizCourse.id);
    const refused = await clients.staff.request(SUBMIT, { enrolmentId: noQuiz.id, moduleId: noQuizCourse.modules[0].id, answers: [] });
    expect([outcome(refused), reasonOf(refused)]).toEqual(['BAD_USER_INPUT', 'NO_QUIZ']);
  });

  it('never records more attempts than the limit, however many are submitted at once', async () => {
    const course = await quizCourse('同時送信の研修', 2);
    const [module] = course.modules;
    const enrolment = await enrol(clients.staffTwo, course.id);
    const answers = [{ questionId: module.quiz?.questions[0].id, choices: [1] }];
    const responses = await Promise.all(
      Array.from({ length: 6 }, () => clients.staffTwo.request(SUBMIT, { enrolmentId: enrolment.id, moduleId: module.id, answers })),
    );
    const outcomes = responses.map((response) => `${outcome(response)}:${reasonOf(response) ?? 'OK'}`).sort();
    expect(outcomes).toEqual([
      'CONFLICT:QUIZ_ATTEMPTS_EXHAUSTED',
      'CONFLICT:QUIZ_ATTEMPTS_EXHAUSTED',
      'CONFLICT:QUIZ_ATTEMPTS_EXHAUSTED',
      'CONFLICT:QUIZ_ATTEMPTS_EXHAUSTED',
      'OK:OK',
      'OK:OK',
    ]);
    const rows: Array<{ attempt_number: number }> = await sql.query(
      `SELECT attempt_number FROM quiz_attempts WHERE enrolment_id = $1 ORDER BY attempt_number`,
      [enrolment.id],
    );
    expect(rows.map((row) => row.attempt_number)).toEqual([1, 2]);
  });
});

describe('completion', () => {
  it('completes when every required module is (materials done, quiz passed), whatever the optional one; unmarking later keeps the certificate', async () => {
    const course = await buildCourse(clients.trainer, '修了条件の研修', {
      modules: [
        { title: '必修1', materials: [{ title: '資料A', url: 'https://example.jp/a' }, { title: '資料B', url: 'https://example.jp/b' }] },
        {
          title: '必修2',
          materials: [{ title: '資料C', url: 'https://example.jp/c' }],
          quiz: { passMarkPercent: 100, maxAttempts: 3, questions: [singleChoice('正しいのは？', ['これ', 'あれ'], 0)] },
        },
        { title: '任意', required: false, materials: [{ title: '参考', url: 'https://example.jp/d' }] },
      ],
    });
    const [first, second, optional] = course.modules;
    const enrolment = await enrol(clients.staff, course.id);
    expect(enrolment.modules.map((module) => module.quizPassed)).toEqual([null, false, null]);

    let progress = await mark(clients.staff, enrolment.id, first.materials[0].id);
    expect(progress).toMatchObject({ progressPercent: 0, completedMaterialIds: [first.materials[0].id] });
    progress = await mark(clients.staff, enrolment.id, first.materials[1].id);
    expect(progress.progressPercent).toBe(50);
    expect(progress.modules.map((module) => module.complete)).toEqual([true, false, false]);
    progress = await mark(clients.staff, enrolment.id, second.materials[0].id);
    // Materials done, quiz not yet passed: not complete.
    expect(progress).toMatchObject({ progressPercent: 50, completedAt: null, certificate: null });

    const passed = await submit(clients.staff, enrolment.id, second.id, [{ questionId: second.quiz?.questions[0].id ?? '', choices: [0] }]);
    expect(passed.passed).toBe(true);
    expect(passed.enrolment.progressPercent).toBe(100);
    expect(passed.enrolment.completedAt).not.toBeNull();
    expect(passed.enrolment.modules.find((module) => module.moduleId === optional.id)?.complete).toBe(false);
    expect(passed.enrolment.certificate).toMatchObject({ learnerName: 'staff', courseTitle: '修了条件の研修', issuerName: 'learn-a center' });
    expect(passed.enrolment.certificate?.code).toMatch(/^TSG(-[0-9A-HJKMNP-TV-Z]{4}){4}$/);
    expect(passed.enrolment.certificate?.downloadPath).toBe(`/api/training/certificates/${passed.enrolment.certificate?.id}/pdf`);

    const unmarked = await mark(clients.staff, enrolment.id, first.materials[0].id, false);
    expect(unmarked.progressPercent).toBe(50);
    expect(unmarked.completedAt).toBe(passed.enrolment.completedAt);
    expect(unmarked.certificate?.code).toBe(passed.enrolment.certificate?.code);
    // Marking again completes nothing twice: still one certificate.
    await mark(clients.staff, enrolment.id, first.materials[0].id);
    const [{ certificates }]: Array<{ certificates: number }> = await sql.query(`SELECT count(*)::int AS certificates FROM certificates WHERE enrolment_id = $1`, [
      enrolment.id,
    ]);
    expect(certificates).toBe(1);
    expect((await myEnrolments(clients.staff, 'COMPLETED')).map((mine) => mine.id)).toContain(enrolment.id);
    expect((await myEnrolments(clients.staff, 'ACTIVE')).map((mine) => mine.id)).not.toContain(enrolment.id);
  });

  it("completes a module when its quiz is passed with every material marked, and otherwise says what is left", async () => {
    const quiz = { passMarkPercent: 100, maxAttempts: null, questions: [singleChoice('正しいのは？', ['これ', 'あれ'], 0)] };
    const course = await buildCourse(clients.trainer, '残りが分かる研修', {
      modules: [
        { title: '第1単元', materials: [{ title: '資料1', url: 'https://example.jp/1' }], quiz },
        { title: '第2単元', materials: [{ title: '資料2a', url: 'https://example.jp/2a' }, { title: '資料2b', url: 'https://example.jp/2b' }], quiz },
      ],
    });
    const [first, second] = course.modules;
    const right = (module: CourseResult['modules'][number]) => [{ questionId: module.quiz?.questions[0].id ?? '', choices: [0] }];
    const enrolment = await enrol(clients.quiet, course.id);
    expect(enrolment.modulesLeft).toEqual([first.id, second.id]);
    expect(enrolment.modules[1]).toMatchObject({ complete: false, materialsLeft: second.materials.map((material) => material.id), quizLeft: true });

    // Every material of the first module marked, then the quiz passed: the module is complete and progress moves.
    await mark(clients.quiet, enrolment.id, first.materials[0].id);
    const passedFirst = await submit(clients.quiet, enrolment.id, first.id, right(first));
    expect(passedFirst.passed).toBe(true);
    expect(passedFirst.enrolment.modules[0]).toMatchObject({ complete: true, materialsLeft: [], quizLeft: false, quizPassed: true });
    expect(passedFirst.enrolment).toMatchObject({ progressPercent: 50, modulesLeft: [second.id], completedAt: null });

    // The second quiz passed with one material unmarked: not complete, and the API names that material.
    await mark(clients.quiet, enrolment.id, second.materials[0].id);
    const passedSecond = await submit(clients.quiet, enrolment.id, second.id, right(second));
    expect(passedSecond.passed).toBe(true);
    expect(passedSecond.enrolment.modules[1]).toMatchObject({ complete: false, materialsLeft: [second.materials[1].id], quizLeft: false, quizPassed: true });
    expect(passedSecond.enrolment).toMatchObject({ progressPercent: 50, modulesLeft: [second.id], completedAt: null, certificate: null });

    // Marking it completes the module and the course without another attempt.
    const done = await mark(clients.quiet, enrolment.id, second.materials[1].id);
    expect(done.modules[1]).toMatchObject({ complete: true, materialsLeft: [], quizLeft: false });
    expect(done).toMatchObject({ progressPercent: 100, modulesLeft: [] });
    expect(done.completedAt).not.toBeNull();
    expect(done.certificate).not.toBeNull();
  });

  it('needs every module when none is required', async () => {
    const course = await buildCourse(clients.trainer, '任意だけの研修', {
      modules: [
        { title: '任意1', required: false, materials: [{ title: '資料1', url: 'https://example.jp/1' }] },
        { title: '任意2', required: false, materials: [{ title: '資料2', url: 'https://example.jp/2' }] },
      ],
    });
    const enrolment = await enrol(clients.staffTwo, course.id);
    const half = await mark(clients.staffTwo, enrolment.id, course.modules[0].materials[0].id);
    expect(half).toMatchObject({ progressPercent: 50, completedAt: null });
    const done = await mark(clients.staffTwo, enrolment.id, course.modules[1].materials[0].id);
    expect(done.progressPercent).toBe(100);
    expect(done.certificate).not.toBeNull();
  });
});

describe('overdue', () => {
  it('is an assignment past its due date and not completed, by the injected Clock', async () => {
    const course = await buildCourse(clients.trainer, '期限のある研修', { modules: [{ title: '読む', materials: [{ title: '資料', url: 'https://example.jp/x' }] }] });
    const dueAt = new Date(Date.now() + 2 * DAY);
    const [assigned] = dataOf(
      await clients.trainer.request<{ assignCourse: EnrolmentResult[] }>(ASSIGN, {
        courseId: course.id,
        membershipIds: [network.members.hidamariStaff.membershipId],
        dueAt: dueAt.toISOString(),
      }),
    ).assignCourse;
    expect(assigned.overdue).toBe(false);
    expect((await myEnrolments(clients.hidamariStaff, 'OVERDUE')).map((mine) => mine.id)).not.toContain(assigned.id);

    const later = new Date(dueAt.getTime() + DAY);
    jest.spyOn(Clock.prototype, 'now').mockReturnValue(later);
    const overdue = await myEnrolments(clients.hidamariStaff, 'OVERDUE');
    expect(overdue.map((mine) => [mine.id, mine.overdue])).toEqual([[assigned.id, true]]);
    expect((await myEnrolments(clients.hidamariStaff, 'ACTIVE')).map((mine) => mine.id)).toContain(assigned.id);

    const completed = await mark(clients.hidamariStaff, assigned.id, course.modules[0].materials[0].id);
    expect(completed).toMatchObject({ overdue: false, completedAt: later.toISOString() });
    expect(await myEnrolments(clients.hidamariStaff, 'OVERDUE')).toEqual([]);
  });
});

describe('my enrolments', () => {
  it('pages newest first without repeats', async () => {
    const all = await myEnrolments(clients.staff, null, 50);
    const paged = await myEnrolments(clients.staff, null, 2);
    expect(paged.map((enrolment) => enrolment.id)).toEqual(all.map((enrolment) => enrolment.id));
    expect(all.length).toBeGreaterThan(3);
    const enrolledAt = all.map((enrolment) => enrolment.enrolledAt);
    expect([...enrolledAt].sort().reverse()).toEqual(enrolledAt);
    expect(outcome(await clients.staff.request(`{ myEnrolments(after: "nonsense") { nodes { id } } }`))).toBe('BAD_USER_INPUT');
  });
});

describe('reading cost', () => {
  it('reads a page of enrolments, their courses and Course.myEnrolment in the same number of statements for 1 or 5 enrolments', async () => {
    const courses = [];
    for (let index = 0; index < 5; index += 1) {
      courses.push(await buildCourse(clients.trainer, `文数の研修${index}`, { input: { visibility: index % 2 === 0 ? 'NETWORK' : 'PUBLIC' } }));
    }
    const query = `{ myEnrolments(first: 50) { nodes { id progressPercent modules { moduleId complete } certificate { code }
      course { id title myEnrolment { id progressPercent } } } } }`;
    // In process (startApi), every statement the API sends goes through PostgresQueryRunner.query.
    const spy = await t.statementSpy();
    const statements = async () => {
      spy.mockClear();
      const nodes = dataOf(await clients.counted.request<{ myEnrolments: { nodes: Array<{ id: string; course: { myEnrolment: { id: string } } }> } }>(query))
        .myEnrolments.nodes;
      for (const node of nodes) expect(node.course.myEnrolment.id).toBe(node.id);
      return { count: nodes.length, statements: spy.mock.calls.length };
    };
    await enrol(clients.counted, courses[0].id);
    const one = await statements();
    for (const course of courses.slice(1)) await enrol(clients.counted, course.id);
    const five = await statements();
    expect([one.count, five.count]).toEqual([1, 5]);
    expect(five.statements).toBe(one.statements);
  });
});

describe('another member, another network, not a UUID', () => {
  it('answers NOT_FOUND for every id-taking operation', async () => {
    const course = await quizCourse('越境テストの研修', null);
    const [module] = course.modules;
    const enrolment = await enrol(clients.staff, course.id);
    const answers = [{ questionId: module.quiz?.questions[0].id, choices: [0] }];
    const materialCourse = await buildCourse(clients.trainer, '教材つき研修', { modules: [{ title: '読む', materials: [{ title: '資料', url: 'https://example.jp/y' }] }] });
    const materialId = materialCourse.modules[0].materials[0].id;
    const ownOtherCourse = await enrol(clients.staff, materialCourse.id);

    // Another member of the same organisation, and members of another network.
    for (const key of ['staffTwo', 'orgAdmin', 'staffB', 'adminB']) {
      expect(outcome(await clients[key].request(MARK, { enrolmentId: enrolment.id, materialId }))).toBe('NOT_FOUND');
      expect(outcome(await clients[key].request(SUBMIT, { enrolmentId: enrolment.id, moduleId: module.id, answers }))).toBe('NOT_FOUND');
    }
    for (const key of ['staffB', 'adminB', 'trainerB']) {
      expect(outcome(await clients[key].request(ENROL, { courseId: course.id }))).toBe('NOT_FOUND');
    }
    for (const key of ['adminB', 'trainerB']) {
      expect(outcome(await clients[key].request(ASSIGNEES, { courseId: course.id }))).toBe('NOT_FOUND');
      expect(outcome(await clients[key].request(ASSIGN, { courseId: course.id, membershipIds: [other.members.staffB.membershipId] }))).toBe('NOT_FOUND');
    }
    // Another organisation's draft is not there for an assigner either.
    const draft = await buildCourse(clients.trainer, '他団体の下書き', { publish: false });
    expect(outcome(await clients.orgAdmin.request(ASSIGNEES, { courseId: draft.id }))).toBe('NOT_FOUND');
    // Another network's member cannot be assigned, even to a public course.
    const open = await buildCourse(clients.trainerB, 'B の公開研修', { input: { visibility: 'PUBLIC' } });
    expect(outcome(await clients.trainerB.request(ASSIGN, { courseId: open.id, membershipIds: [network.members.staff.membershipId] }))).toBe('NOT_FOUND');
    // A material or module of another course than the enrolment's.
    expect(outcome(await clients.staff.request(MARK, { enrolmentId: enrolment.id, materialId }))).toBe('NOT_FOUND');
    expect(outcome(await clients.staff.request(SUBMIT, { enrolmentId: ownOtherCourse.id, moduleId: module.id, answers }))).toBe('NOT_FOUND');
    // Not UUIDs, and UUIDs of nothing.
    for (const id of [NOT_A_UUID, UNKNOWN_UUID]) {
      expect(outcome(await clients.staff.request(ENROL, { courseId: id }))).toBe('NOT_FOUND');
      expect(outcome(await clients.trainer.request(ASSIGNEES, { courseId: id }))).toBe('NOT_FOUND');
      expect(outcome(await clients.trainer.request(ASSIGN, { courseId: id, membershipIds: [network.members.staff.membershipId] }))).toBe('NOT_FOUND');
      expect(outcome(await clients.trainer.request(ASSIGN, { courseId: course.id, membershipIds: [id] }))).toBe('NOT_FOUND');
      expect(outcome(await clients.staff.request(MARK, { enrolmentId: id, materialId }))).toBe('NOT_FOUND');
      expect(outcome(await clients.staff.request(MARK, { enrolmentId: ownOtherCourse.id, materialId: id }))).toBe('NOT_FOUND');
      expect(outcome(await clients.staff.request(SUBMIT, { enrolmentId: id, moduleId: module.id, answers }))).toBe('NOT_FOUND');
      expect(outcome(await clients.staff.request(SUBMIT, { enrolmentId: enrolment.id, moduleId: id, answers }))).toBe('NOT_FOUND');
    }
    // Nothing of the learner's shows to anyone else.
    expect((await myEnrolments(clients.staffB)).map((mine) => mine.id)).not.toContain(enrolment.id);
    expect((await myEnrolments(clients.staffTwo)).map((mine) => mine.id)).not.toContain(enrolment.id);
  });
});
