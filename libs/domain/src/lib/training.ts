// Training (人材育成・研修, DESIGN.md capability 5): the vocabulary of courses, modules,
// materials, quizzes, enrolments and sessions, and the rules the API and the web both apply:
// who authors and assigns, who is in a course's audience, how a quiz is scored, and when a
// module and a course are complete. Pure functions, so the rules are tested without a database.
import type { Role } from './roles';
import { vocabulary } from './vocabulary';
import { NETWORK_VISIBILITIES, NetworkVisibility, PUBLICATION_STATUS_LABELS } from './visibility';

export const COURSE_STATUSES = vocabulary(PUBLICATION_STATUS_LABELS);
export type CourseStatus = (typeof COURSE_STATUSES.codes)[number];

export const COURSE_VISIBILITIES = NETWORK_VISIBILITIES;
export type CourseVisibility = NetworkVisibility;

/** Moves a course's trainers make. */
export const COURSE_TRANSITIONS: Readonly<Record<'PUBLISH' | 'ARCHIVE' | 'UNARCHIVE', { from: readonly CourseStatus[]; to: CourseStatus }>> = {
  PUBLISH: { from: ['DRAFT'], to: 'PUBLISHED' },
  ARCHIVE: { from: ['DRAFT', 'PUBLISHED'], to: 'ARCHIVED' },
  UNARCHIVE: { from: ['ARCHIVED'], to: 'DRAFT' },
};

/** What a material is, for its icon and player; a FILE's format comes from its sniffed type. */
export const MATERIAL_FORMATS = vocabulary({
  PDF: { ja: 'PDF', en: 'PDF' },
  SLIDES: { ja: 'スライド', en: 'Slides' },
  DOCUMENT: { ja: '文書', en: 'Document' },
  VIDEO: { ja: '動画', en: 'Video' },
  AUDIO: { ja: '音声', en: 'Audio' },
  IMAGE: { ja: '画像', en: 'Image' },
  LINK: { ja: '外部リンク', en: 'External link' },
});
export type MaterialFormat = (typeof MATERIAL_FORMATS.codes)[number];

/** The format of an uploaded material from its (sniffed) media type. */
export function materialFormatOf(mediaType: string): MaterialFormat {
  if (mediaType === 'application/pdf') return 'PDF';
  if (mediaType.startsWith('video/')) return 'VIDEO';
  if (mediaType.startsWith('audio/')) return 'AUDIO';
  if (mediaType.startsWith('image/')) return 'IMAGE';
  if (mediaType.includes('presentationml')) return 'SLIDES';
  return 'DOCUMENT';
}

export const QUESTION_KINDS = vocabulary({
  SINGLE_CHOICE: { ja: '1つ選ぶ', en: 'Single choice' },
  MULTIPLE_CHOICE: { ja: 'すべて選ぶ', en: 'Multiple choice' },
});
export type QuestionKind = (typeof QUESTION_KINDS.codes)[number];

export const ENROLMENT_SOURCES = vocabulary({
  SELF: { ja: '自分で受講登録', en: 'Self-enrolled' },
  ASSIGNED: { ja: '受講の割り当て', en: 'Assigned' },
});
export type EnrolmentSource = (typeof ENROLMENT_SOURCES.codes)[number];

export const SESSION_STATUSES = vocabulary({
  SCHEDULED: { ja: '開催予定', en: 'Scheduled' },
  CANCELLED: { ja: '中止', en: 'Cancelled' },
});
export type SessionStatus = (typeof SESSION_STATUSES.codes)[number];

export const REGISTRATION_STATUSES = vocabulary({
  REGISTERED: { ja: '参加登録済み', en: 'Registered' },
  WAITLISTED: { ja: 'キャンセル待ち', en: 'On the waiting list' },
  CANCELLED: { ja: 'キャンセル', en: 'Cancelled' },
});
export type RegistrationStatus = (typeof REGISTRATION_STATUSES.codes)[number];

/** Who authors courses and runs sessions: trainers, for their own organisation. */
export function mayAuthorCourses(roles: readonly Role[]): boolean {
  return roles.includes('TRAINER');
}

/** Who oversees their own organisation's members' learning (assignments, reports, certificates): org admins. */
export function mayOverseeMembersTraining(roles: readonly Role[]): boolean {
  return roles.includes('ORG_ADMIN');
}

/** Who assigns a course to anyone in the course's audience across the network: trainers. */
export function mayAssignAcrossNetwork(roles: readonly Role[]): boolean {
  return mayAuthorCourses(roles);
}

/** Who assigns a course with a due date: trainers (anyone in the audience) and org admins (their own members). */
export function mayAssignTraining(roles: readonly Role[]): boolean {
  return mayAssignAcrossNetwork(roles) || mayOverseeMembersTraining(roles);
}

/** Who reads the training reports: trainers (their courses) and org admins (their members). */
export function mayReadTrainingReports(roles: readonly Role[]): boolean {
  return mayAuthorCourses(roles) || mayOverseeMembersTraining(roles);
}

export interface CourseAudience {
  /** The whole network (every member). */
  readonly audienceAll: boolean;
  /** Members holding any of these roles. */
  readonly audienceRoles: readonly Role[];
  /** Members of these organisations. */
  readonly audienceOrganizationIds: readonly string[];
}

export interface Learner {
  readonly tenantId: string;
  readonly organizationId: string;
  readonly roles: readonly Role[];
}

export interface CourseReach extends CourseAudience {
  readonly tenantId: string;
  readonly organizationId: string;
  readonly status: CourseStatus;
  readonly visibility: CourseVisibility;
}

/**
 * Whether a member is in a course's audience: everyone, in every network, when the course is
 * public (a course offered to all networks is offered to its own too); otherwise a member of its
 * network by the whole network, a role or an organisation.
 */
export function isInAudience(course: CourseReach, learner: Learner): boolean {
  if (course.visibility === 'PUBLIC') return true;
  if (course.tenantId !== learner.tenantId) return false;
  return (
    course.audienceAll ||
    course.audienceRoles.some((role) => learner.roles.includes(role)) ||
    course.audienceOrganizationIds.includes(learner.organizationId)
  );
}

/**
 * Whether a member sees a course at all: its own organisation's trainers see every state; others
 * see a published course they are in the audience of (and keep seeing an archived one they
 * enrolled in, handled by the caller).
 */
export function maySeeCourse(course: CourseReach, learner: Learner): boolean {
  if (course.tenantId === learner.tenantId && course.organizationId === learner.organizationId && mayAuthorCourses(learner.roles)) return true;
  return course.status === 'PUBLISHED' && isInAudience(course, learner);
}

export interface QuizQuestionKey {
  readonly id: string;
  readonly kind: QuestionKind;
  /** Indexes (0-based) of the correct choices; exactly one for SINGLE_CHOICE. */
  readonly correctChoices: readonly number[];
}

export interface QuizScore {
  readonly correctCount: number;
  readonly questionCount: number;
  /** 0–100, rounded down, so a pass mark is never met by rounding. */
  readonly scorePercent: number;
  readonly passed: boolean;
}

/**
 * Scores an attempt: a question counts when the chosen set equals the correct set exactly (no
 * partial credit for multiple choice, so choosing everything never scores). Unanswered
 * questions count as wrong. passMarkPercent is inclusive.
 */
export function scoreQuiz(
  questions: readonly QuizQuestionKey[],
  answers: ReadonlyMap<string, readonly number[]>,
  passMarkPercent: number,
): QuizScore {
  let correctCount = 0;
  for (const question of questions) {
    const chosen = new Set(answers.get(question.id) ?? []);
    const correct = new Set(question.correctChoices);
    if (chosen.size === correct.size && [...correct].every((choice) => chosen.has(choice))) correctCount += 1;
  }
  const questionCount = questions.length;
  const scorePercent = questionCount === 0 ? 100 : Math.floor((correctCount * 100) / questionCount);
  return { correctCount, questionCount, scorePercent, passed: scorePercent >= passMarkPercent };
}

export interface ModuleProgressInput {
  readonly required: boolean;
  readonly materialIds: readonly string[];
  /** Null when the module has no quiz. */
  readonly quiz: { readonly passed: boolean } | null;
}

/**
 * What a learner still has to do in a module: the materials not yet marked done (in the
 * module's order) and whether its quiz is still to be passed. The module is complete exactly when
 * nothing is left, so the page that explains progress and the rule that decides it read the same
 * data.
 */
export interface ModuleRemaining {
  readonly materialIds: readonly string[];
  readonly quiz: boolean;
}

export function moduleRemaining(module: ModuleProgressInput, doneMaterialIds: ReadonlySet<string>): ModuleRemaining {
  return {
    materialIds: module.materialIds.filter((id) => !doneMaterialIds.has(id)),
    quiz: module.quiz !== null && !module.quiz.passed,
  };
}

/** A module is complete when every material is marked done and its quiz (if any) is passed. */
export function isModuleComplete(module: ModuleProgressInput, doneMaterialIds: ReadonlySet<string>): boolean {
  const left = moduleRemaining(module, doneMaterialIds);
  return left.materialIds.length === 0 && !left.quiz;
}

/**
 * The indexes of the modules that count toward completing a course: the required ones, or every
 * module when none is required.
 */
export function countedModuleIndexes(modules: readonly Pick<ModuleProgressInput, 'required'>[]): number[] {
  const indexes = modules.map((_, index) => index);
  return modules.some((module) => module.required) ? indexes.filter((index) => modules[index].required) : indexes;
}

/** The indexes (in course order) of the counted modules that are not complete yet. */
export function modulesLeft(modules: readonly ModuleProgressInput[], doneMaterialIds: ReadonlySet<string>): number[] {
  return countedModuleIndexes(modules).filter((index) => !isModuleComplete(modules[index], doneMaterialIds));
}

/**
 * A course is complete when all its required modules are (a course with no required module
 * needs all of its modules; a course with no modules is never complete).
 */
export function isCourseComplete(modules: readonly ModuleProgressInput[], doneMaterialIds: ReadonlySet<string>): boolean {
  return modules.length > 0 && modulesLeft(modules, doneMaterialIds).length === 0;
}

/** Crockford base32 without I, L, O, U: easy to read aloud and type from a printed certificate. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A certificate verification code from 10 random bytes: "TSG-XXXX-XXXX-XXXX-XXXX" (80 bits). */
export function certificateCode(randomBytes: Uint8Array): string {
  if (randomBytes.length < 10) throw new Error('certificateCode needs 10 random bytes');
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of randomBytes.subarray(0, 10)) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += CODE_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return `TSG-${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8, 12)}-${out.slice(12, 16)}`;
}

/** Normalises what a person typed (lower case, spaces, O for 0 …) to the printed form, or null. */
export function normalizeCertificateCode(typed: string): string | null {
  const typedCompact = typed.normalize('NFKC').toUpperCase().replace(/[\s-]/g, '');
  // The prefix is dropped only when it is there in addition to the 16 characters: a code's own
  // characters may begin with T, S, G ("TSG-TSG1-…" typed as "TSG1…").
  const compact = (typedCompact.length === 19 && typedCompact.startsWith('TSG') ? typedCompact.slice(3) : typedCompact)
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{16}$/.test(compact)) return null;
  return `TSG-${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8, 12)}-${compact.slice(12, 16)}`;
}
