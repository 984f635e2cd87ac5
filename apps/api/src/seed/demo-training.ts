// Demo training (人材育成, DESIGN.md section Training) for `npm start`: three courses of
// 中央区社会福祉協議会 (trainer@shakyo-chuo.example.jp) for the whole network — つながりサポーター入門
// (public to every network), 個人情報の取扱い (with a quiz: pass mark 80, three attempts) and
// 相談対応の基礎 — whose materials are links to real public pages (内閣府, 個人情報保護委員会, e-Gov,
// 全国社会福祉協議会) and, when the seed is given the file storage, a small PDF handout made with
// pdfkit and stored like an upload (bytes in the storage, a row in `files`); two training
// sessions in the coming weeks (one at the council's meeting room, one online, the latter full
// with a waiting list); and a few enrolments of こもれび and the council: an assignment with a due
// date and a failed first quiz attempt, an overdue assignment, one in progress, and one completed
// with its certificate (a fixed verification code, DEMO_CERTIFICATE_CODE).
//
// The courses are data, in demo-training.json. Every course, module, material, quiz and session
// goes through the training modules' own validation, so each is one the editor could have saved. Times are relative to the first
// seeding; fixed ids and inserts that skip existing rows make it idempotent.
import { certificateCode, japanDate, materialFormatOf, normalizeForSearch, QuestionKind, scoreQuiz, startOfJapanDay } from '@tsunagu/domain';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { FileStorage } from '../core/files/file-storage';
import {
  courseSearchSource,
  CourseFields,
  ModuleFields,
  QuizFields,
  validateCourseFields,
  validateMaterialFields,
  validateModuleFields,
  validateQuizFields,
} from '../modules/training/courses/course-fields';
import { startPdf } from '../core/pdf/pdf-document';
import { searchReadingOrNull } from '../core/search/japanese-reading';
import { TrainingSessionFields, validateSessionFields } from '../modules/training/sessions/training-session-fields';
import { DEMO_NETWORK } from './demo-networks';
import TRAINING from './demo-training.json';

const COUNCIL = DEMO_NETWORK.organizations[3];
export const DEMO_TRAINER = 'trainer@shakyo-chuo.example.jp';

/** Fixed ids: `…2f0c6c1ac<kind><nn>`, one hex digit per kind of row. */
const KINDS = { course: 0, module: 1, material: 2, question: 3, session: 4, registration: 5, enrolment: 6, completion: 7, attempt: 8, certificate: 9, file: 10 } as const;
export function demoTrainingId(kind: keyof typeof KINDS, n: number): string {
  return `6f1d3c52-8a57-4a55-9e0b-2f0c6c1ac${KINDS[kind].toString(16)}${String(n).padStart(2, '0')}`;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

/** The handout, when the seed can store files: a material of module 1 of つながりサポーター入門. */
export const DEMO_HANDOUT = { fileId: demoTrainingId('file', 1), fileName: 'つながりサポーター活動の手引き.pdf', title: '活動の手引き（PDF）' } as const;

export interface DemoMaterial {
  readonly n: number;
  readonly title: string;
  /** A public page, or the handout PDF (stored only when the seed has the file storage). */
  readonly source: { readonly url: string } | { readonly handout: true };
}

export interface DemoQuestion {
  readonly n: number;
  readonly prompt: string;
  readonly kind: QuestionKind;
  readonly choices: readonly string[];
  readonly correctChoices: readonly number[];
}

export interface DemoModule {
  readonly n: number;
  readonly title: string;
  readonly description: string;
  readonly materials: readonly DemoMaterial[];
  readonly quiz?: { readonly passMarkPercent: number; readonly maxAttempts: number; readonly questions: readonly DemoQuestion[] };
}

export interface DemoCourse {
  readonly n: number;
  readonly title: string;
  readonly summary: string;
  readonly estimatedMinutes: number;
  readonly visibility: 'NETWORK' | 'PUBLIC';
  /** Days before the first seeding it was published. */
  readonly publishedDaysAgo: number;
  readonly modules: readonly DemoModule[];
}

/** A course as demo-training.json writes it: the handout material takes DEMO_HANDOUT's title. */
type CourseRecord = Omit<DemoCourse, 'modules'> & {
  readonly modules: ReadonlyArray<Omit<DemoModule, 'materials'> & { readonly materials: ReadonlyArray<Omit<DemoMaterial, 'title'> & { readonly title?: string }> }>;
};

// JSON widens codes to strings, so the records are read unchecked here; validatedDemoCourse runs
// every course, module, material and question through the courses module's validation.
const COURSE_RECORDS = TRAINING.courses as unknown as CourseRecord[];

/** The demo courses (records in demo-training.json). */
export const DEMO_COURSES: readonly DemoCourse[] = COURSE_RECORDS.map((course) => ({
  ...course,
  modules: course.modules.map((module) => ({
    ...module,
    materials: module.materials.map(({ title, ...material }) => ({ ...material, title: 'handout' in material.source ? DEMO_HANDOUT.title : (title ?? '') })),
  })),
}));

/** What each course is as the courses module would save it. Throws when the validation refuses any part. */
export function validatedDemoCourse(course: DemoCourse): {
  fields: CourseFields;
  modules: Array<{ demo: DemoModule; fields: ModuleFields; quiz: QuizFields | null }>;
  searchSource: string;
} {
  const fields = validateCourseFields({
    title: course.title,
    summary: course.summary,
    estimatedMinutes: course.estimatedMinutes,
    coverFileId: null,
    audienceAll: true,
    audienceRoles: [],
    audienceOrganizationIds: [],
    visibility: course.visibility,
  });
  const modules = course.modules.map((demo) => {
    for (const material of demo.materials) {
      validateMaterialFields('url' in material.source ? { title: material.title, url: material.source.url } : { title: material.title, fileId: DEMO_HANDOUT.fileId });
    }
    const quiz = demo.quiz
      ? validateQuizFields({
          passMarkPercent: demo.quiz.passMarkPercent,
          maxAttempts: demo.quiz.maxAttempts,
          questions: demo.quiz.questions.map((question) => ({ ...question, choices: [...question.choices], correctChoices: [...question.correctChoices] })),
        })
      : null;
    return { demo, fields: validateModuleFields({ title: demo.title, description: demo.description, required: true }), quiz };
  });
  return { fields, modules, searchSource: courseSearchSource(fields.title, fields.summary, modules.map((module) => module.fields.title)) };
}

export interface DemoSession {
  readonly n: number;
  readonly course: number;
  readonly title: string;
  readonly description: string;
  /** Days after the first seeding, and the starting hour in Japan time. */
  readonly inDays: number;
  readonly startsAtHourJst: number;
  readonly hours: number;
  readonly place: string | null;
  readonly onlineUrl: string | null;
  readonly capacity: number;
  /** In the order they registered; beyond the capacity they wait. */
  readonly registrants: readonly string[];
}

export const DEMO_SESSIONS: readonly DemoSession[] = [
  {
    n: 1,
    course: 3,
    title: '相談対応の基礎 研修会（対面）',
    description: 'ロールプレイを交えて、相談の受け方とつなぎ方を練習します。筆記用具をお持ちください。',
    inDays: 12,
    startsAtHourJst: 14,
    hours: 2,
    place: '中央区社会福祉協議会 会議室',
    onlineUrl: null,
    capacity: 20,
    registrants: ['staff@komorebi.example.jp', 'coordinator@komorebi.example.jp', 'soudan@shakyo-chuo.example.jp'],
  },
  {
    n: 2,
    course: 2,
    title: '個人情報の取扱い オンライン勉強会',
    description: '講座の内容をもとに、現場で迷いやすい場面を一緒に考えます。参加URLは当日までにご確認ください。',
    inDays: 19,
    startsAtHourJst: 18,
    hours: 1.5,
    place: null,
    onlineUrl: 'https://meet.example.jp/shakyo-chuo/kojin-joho',
    capacity: 2,
    registrants: ['staff@komorebi.example.jp', 'org-admin@komorebi.example.jp', 'coordinator@komorebi.example.jp'],
  },
];

/** `days` after `now`, at `hour` o'clock in Japan time (UTC+9, no daylight saving). */
function jstHour(now: Date, days: number, hour: number): Date {
  const midnight = startOfJapanDay(japanDate(now)) ?? now;
  return new Date(midnight.getTime() + days * DAY_MS + hour * HOUR_MS);
}

export function validatedDemoSession(session: DemoSession, now: Date): TrainingSessionFields {
  const startsAt = jstHour(now, session.inDays, session.startsAtHourJst);
  return validateSessionFields({
    title: session.title,
    description: session.description,
    courseId: demoTrainingId('course', session.course),
    startsAt,
    endsAt: new Date(startsAt.getTime() + session.hours * HOUR_MS),
    place: session.place,
    onlineUrl: session.onlineUrl,
    capacity: session.capacity,
  });
}

export interface DemoEnrolment {
  readonly n: number;
  readonly learner: string;
  readonly course: number;
  /** Assigned by this member with a due date (days after seeding; negative: overdue), or self-enrolled. */
  readonly assigned: { readonly by: string; readonly dueInDays: number } | null;
  readonly enrolledDaysAgo: number;
  /** Materials marked done. */
  readonly doneMaterials: readonly number[];
  /** Quiz attempts of the course's quiz module, as chosen choices per question n. */
  readonly attempts: ReadonlyArray<Readonly<Record<number, readonly number[]>>>;
  readonly completedDaysAgo: number | null;
}

export const DEMO_ENROLMENTS: readonly DemoEnrolment[] = [
  // Assigned by こもれび's admin with a due date; module 1 read, the quiz failed once (2 of 4).
  {
    n: 1,
    learner: 'staff@komorebi.example.jp',
    course: 2,
    assigned: { by: 'org-admin@komorebi.example.jp', dueInDays: 14 },
    enrolledDaysAgo: 6,
    doneMaterials: [5, 6, 7],
    attempts: [{ 1: [1], 2: [0, 2], 3: [1], 4: [3] }],
    completedDaysAgo: null,
  },
  // Completed on her own, with a certificate.
  { n: 2, learner: 'staff@komorebi.example.jp', course: 1, assigned: null, enrolledDaysAgo: 25, doneMaterials: [1, 2, 3, 4], attempts: [], completedDaysAgo: 18 },
  // Assigned by the council's trainer and overdue.
  {
    n: 3,
    learner: 'coordinator@komorebi.example.jp',
    course: 2,
    assigned: { by: DEMO_TRAINER, dueInDays: -3 },
    enrolledDaysAgo: 20,
    doneMaterials: [],
    attempts: [],
    completedDaysAgo: null,
  },
  // The council's own case worker, under way.
  { n: 4, learner: 'soudan@shakyo-chuo.example.jp', course: 3, assigned: null, enrolledDaysAgo: 4, doneMaterials: [8], attempts: [], completedDaysAgo: null },
];

/** The verification code of the demo certificate (enrolment 2), the same on every seeding. */
export const DEMO_CERTIFICATE_CODE = certificateCode(createHash('sha256').update(demoTrainingId('certificate', 2)).digest());

/** The handout: a one-page PDF in Japanese (the font the certificates use). */
export async function renderDemoHandout(): Promise<Buffer> {
  const { pdf, finish } = startPdf({ title: 'つながりサポーター 活動の手引き', lang: 'ja-JP', margins: { top: 60, bottom: 60, left: 60, right: 60 } });
  const sections: Array<[string, string[]]> = [
    ['1. 孤独・孤立は誰にでも起こり得ます', ['失業、病気、介護、転居、死別など、暮らしの変化をきっかけに、誰もが孤立し得ます。', '「助けて」と言えないことも多いので、周りが気づくことが大切です。']],
    ['2. 気づきのサイン', ['郵便物がたまっている、身なりが変わった、急に顔を見せなくなった、などの変化に目を向けます。']],
    ['3. 声のかけ方', ['「最近どうですか」と、責めずに、急がずに。話を最後まで聴き、相手の気持ちを受け止めます。', '無理に聞き出さず、「またお話ししましょう」とつながりを保ちます。']],
    ['4. つなぐ', ['一人で抱え込まず、中央区社会福祉協議会や専門の相談窓口につなぎます。', '本人の同意を得て、必要な情報だけを伝えます（個人情報の取扱い講座も参照）。']],
  ];
  pdf.font('bold').fontSize(20).text('つながりサポーター 活動の手引き');
  pdf.font('regular').fontSize(10).fillColor('#555555').text('中央区社会福祉協議会（デモ教材）');
  pdf.moveDown(1.2).fillColor('#000000');
  for (const [heading, lines] of sections) {
    pdf.font('bold').fontSize(13).text(heading);
    pdf.moveDown(0.3);
    for (const line of lines) pdf.font('regular').fontSize(11).text(line, { lineGap: 3 });
    pdf.moveDown(0.8);
  }
  return finish();
}

export interface SeedTrainingOptions {
  readonly now?: Date;
  /** The file storage; without it the handout PDF is left out (link materials only). */
  readonly storage?: FileStorage;
}

/** Seeds within the demo network's transaction (app.tenant_id set by the caller). */
export async function seedDemoTraining(manager: EntityManager, options: SeedTrainingOptions = {}): Promise<void> {
  const now = options.now ?? new Date();
  const tenantId = DEMO_NETWORK.id;
  const members = new Map<string, { id: string; organizationId: string; name: string }>();
  const member = async (email: string) => {
    const known = members.get(email);
    if (known) return known;
    const [row]: Array<{ id: string; organization_id: string; display_name: string }> = await manager.query(
      `SELECT m.id, m.organization_id, u.display_name FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.tenant_id = $1 AND u.email = $2 LIMIT 1`,
      [tenantId, email],
    );
    if (!row) throw new Error(`Demo training: no membership of ${email}`);
    const found = { id: row.id, organizationId: row.organization_id, name: row.display_name };
    members.set(email, found);
    return found;
  };
  const trainer = await member(DEMO_TRAINER);
  const handoutStored = options.storage ? await storeHandout(manager, options.storage, trainer.id) : await handoutExists(manager);

  for (const course of DEMO_COURSES) {
    const { fields, modules, searchSource } = validatedDemoCourse(course);
    const courseId = demoTrainingId('course', course.n);
    await manager.query(
      `INSERT INTO courses (tenant_id, id, organization_id, created_by_membership_id, title, summary, estimated_minutes, audience_all,
                            audience_roles, audience_organization_ids, visibility, status, published_at, search_document, search_reading)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'PUBLISHED', $12, $13, $14)
       ON CONFLICT (tenant_id, id) DO NOTHING`,
      [tenantId, courseId, COUNCIL.id, trainer.id, fields.title, fields.summary, fields.estimatedMinutes, fields.audienceAll,
        fields.audienceRoles, fields.audienceOrganizationIds, fields.visibility, new Date(now.getTime() - course.publishedDaysAgo * DAY_MS), normalizeForSearch(searchSource),
        await searchReadingOrNull(searchSource)],
    );
    for (const [position, module] of modules.entries()) {
      const moduleId = demoTrainingId('module', module.demo.n);
      await manager.query(
        `INSERT INTO course_modules (tenant_id, id, course_id, position, title, description, required, quiz_pass_mark_percent, quiz_max_attempts)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (tenant_id, id) DO NOTHING`,
        [tenantId, moduleId, courseId, position, module.fields.title, module.fields.description, module.fields.required,
          module.quiz?.passMarkPercent ?? null, module.quiz?.maxAttempts ?? null],
      );
      for (const [index, material] of module.demo.materials.entries()) {
        const link = 'url' in material.source ? material.source.url : null;
        if (!link && !handoutStored) continue;
        await manager.query(
          `INSERT INTO course_materials (tenant_id, id, course_id, module_id, position, title, format, file_id, url)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (tenant_id, id) DO NOTHING`,
          [tenantId, demoTrainingId('material', material.n), courseId, moduleId, index, material.title, link ? 'LINK' : materialFormatOf('application/pdf'),
            link ? null : DEMO_HANDOUT.fileId, link],
        );
      }
      for (const [index, question] of (module.quiz?.questions ?? []).entries()) {
        const demo = module.demo.quiz?.questions[index];
        if (!demo) continue;
        await manager.query(
          `INSERT INTO quiz_questions (tenant_id, id, course_id, module_id, position, prompt, kind, choices, correct_choices)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (tenant_id, id) DO NOTHING`,
          [tenantId, demoTrainingId('question', demo.n), courseId, moduleId, index, question.prompt, question.kind, question.choices, question.correctChoices],
        );
      }
    }
  }

  for (const session of DEMO_SESSIONS) {
    const fields = validatedDemoSession(session, now);
    const sessionId = demoTrainingId('session', session.n);
    await manager.query(
      `INSERT INTO training_sessions (tenant_id, id, organization_id, course_id, created_by_membership_id, title, description, starts_at, ends_at,
                                      place, online_url, capacity)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (tenant_id, id) DO NOTHING`,
      [tenantId, sessionId, COUNCIL.id, fields.courseId, trainer.id, fields.title, fields.description, fields.startsAt, fields.endsAt,
        fields.place, fields.onlineUrl, fields.capacity],
    );
    for (const [index, email] of session.registrants.entries()) {
      const registrant = await member(email);
      await manager.query(
        `INSERT INTO session_registrations (tenant_id, id, session_id, membership_id, organization_id, status, queued_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
        [tenantId, demoTrainingId('registration', session.n * 10 + index), sessionId, registrant.id, registrant.organizationId,
          index < session.capacity ? 'REGISTERED' : 'WAITLISTED', new Date(now.getTime() - (5 - index) * DAY_MS)],
      );
    }
  }

  for (const enrolment of DEMO_ENROLMENTS) {
    const learner = await member(enrolment.learner);
    const course = DEMO_COURSES.find((candidate) => candidate.n === enrolment.course);
    if (!course) throw new Error(`Demo enrolment ${enrolment.n} names an unknown course`);
    const enrolmentId = demoTrainingId('enrolment', enrolment.n);
    const completedAt = enrolment.completedDaysAgo === null ? null : new Date(now.getTime() - enrolment.completedDaysAgo * DAY_MS);
    const inserted: Array<{ id: string }> = await manager.query(
      `INSERT INTO course_enrolments (tenant_id, id, membership_id, organization_id, course_tenant_id, course_id, source,
                                      assigned_by_membership_id, due_at, completed_at, created_at)
       VALUES ($1, $2, $3, $4, $1, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING RETURNING id`,
      [tenantId, enrolmentId, learner.id, learner.organizationId, demoTrainingId('course', course.n), enrolment.assigned ? 'ASSIGNED' : 'SELF',
        enrolment.assigned ? (await member(enrolment.assigned.by)).id : null,
        enrolment.assigned ? jstHour(now, enrolment.assigned.dueInDays, 18) : null, completedAt,
        new Date(now.getTime() - enrolment.enrolledDaysAgo * DAY_MS)],
    );
    // Progress only with an enrolment of our own (a member may have enrolled by hand meanwhile).
    if (inserted.length === 0) continue;
    for (const material of enrolment.doneMaterials) {
      if (material === 2 && !handoutStored) continue;
      await manager.query(
        `INSERT INTO material_completions (tenant_id, id, enrolment_id, course_tenant_id, material_id) VALUES ($1, $2, $3, $1, $4)
         ON CONFLICT DO NOTHING`,
        [tenantId, demoTrainingId('completion', enrolment.n * 10 + material), enrolmentId, demoTrainingId('material', material)],
      );
    }
    const quizModule = course.modules.find((module) => module.quiz);
    for (const [index, chosen] of enrolment.attempts.entries()) {
      if (!quizModule?.quiz) throw new Error(`Demo enrolment ${enrolment.n} has attempts at a course without a quiz`);
      const keys = quizModule.quiz.questions.map((question) => ({ id: demoTrainingId('question', question.n), kind: question.kind, correctChoices: question.correctChoices }));
      const answers = new Map(quizModule.quiz.questions.map((question) => [demoTrainingId('question', question.n), chosen[question.n] ?? []] as const));
      const score = scoreQuiz(keys, answers, quizModule.quiz.passMarkPercent);
      await manager.query(
        `INSERT INTO quiz_attempts (tenant_id, id, enrolment_id, course_tenant_id, module_id, attempt_number, answers, correct_count,
                                    question_count, score_percent, passed, created_at)
         VALUES ($1, $2, $3, $1, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING`,
        [tenantId, demoTrainingId('attempt', enrolment.n * 10 + index), enrolmentId, demoTrainingId('module', quizModule.n), index + 1,
          JSON.stringify(Object.fromEntries(answers)), score.correctCount, score.questionCount, score.scorePercent, score.passed,
          new Date(now.getTime() - (enrolment.enrolledDaysAgo - 1) * DAY_MS)],
      );
    }
    if (completedAt) {
      await manager.query(
        `INSERT INTO certificates (tenant_id, id, enrolment_id, code, learner_name, course_title, issuer_name, completed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
        [tenantId, demoTrainingId('certificate', enrolment.n), enrolmentId, DEMO_CERTIFICATE_CODE, learner.name, course.title, COUNCIL.name, completedAt],
      );
    }
  }
}

async function handoutExists(manager: EntityManager): Promise<boolean> {
  const rows: unknown[] = await manager.query(`SELECT 1 FROM files WHERE tenant_id = $1 AND id = $2`, [DEMO_NETWORK.id, DEMO_HANDOUT.fileId]);
  return rows.length > 0;
}

/**
 * The handout PDF, stored as an upload would be: the bytes under a key of the network, then the
 * row. Made and stored once; later seedings find the row.
 */
async function storeHandout(manager: EntityManager, storage: FileStorage, uploaderMembershipId: string): Promise<boolean> {
  if (await handoutExists(manager)) return true;
  const bytes = await renderDemoHandout();
  const storageKey = `${DEMO_NETWORK.id}/${DEMO_HANDOUT.fileId}`;
  await storage.put(storageKey, bytes, 'application/pdf');
  await manager.query(
    `INSERT INTO files (tenant_id, id, organization_id, uploaded_by_membership_id, file_name, media_type, byte_size, sha256,
                        storage_driver, storage_key, purpose)
     VALUES ($1, $2, $3, $4, $5, 'application/pdf', $6, $7, $8, $9, 'TRAINING_MATERIAL') ON CONFLICT DO NOTHING`,
    [DEMO_NETWORK.id, DEMO_HANDOUT.fileId, COUNCIL.id, uploaderMembershipId, DEMO_HANDOUT.fileName, bytes.length,
      createHash('sha256').update(bytes).digest('hex'), storage.driver, storageKey],
  );
  return true;
}
