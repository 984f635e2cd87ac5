// Builders for training tests: course input with the fields a test does not care about, the
// GraphQL documents of authoring and reading, a course with modules, materials and a quiz made
// through the API, and stored training file rows (the bytes do not matter).
import type { DataSource } from 'typeorm';
import type { SignedInClient } from './accounts';
import { type StoredFileOptions, storedFileRow } from './files';
import { allPages, type Page } from './graphql';
import { dataOf } from './people';

export const COURSE_FIELDS = `id title summary estimatedMinutes coverFile { id fileName mediaType byteSize }
  audienceAll audienceRoles audienceOrganizationIds visibility status publishedAt createdAt
  publisher { organizationId name networkName } mayEdit inAudience moduleCount`;

export const MODULE_FIELDS = `id position title description required
  materials { id position title format file { id fileName mediaType byteSize } url }
  quiz { passMarkPercent maxAttempts questions { id position prompt kind choices correctChoices } }`;

/** A course with its whole tree. */
export const FULL_COURSE_FIELDS = `${COURSE_FIELDS} modules { ${MODULE_FIELDS} }`;

export const COURSE_QUERY = `query Course($id: ID!) { course(id: $id) { ${FULL_COURSE_FIELDS} } }`;
export const COURSES_QUERY = `query Courses($input: CourseSearchInput, $first: Int, $after: String) {
  courses(input: $input, first: $first, after: $after) { nodes { ${COURSE_FIELDS} } pageInfo { endCursor hasNextPage } }
}`;
export const CREATE_COURSE = `mutation CreateCourse($input: CourseInput!) { createCourse(input: $input) { ${FULL_COURSE_FIELDS} } }`;
export const UPDATE_COURSE = `mutation UpdateCourse($id: ID!, $input: CourseInput!) { updateCourse(id: $id, input: $input) { ${FULL_COURSE_FIELDS} } }`;
export const ADD_MODULE = `mutation AddModule($courseId: ID!, $input: CourseModuleInput!) { addCourseModule(courseId: $courseId, input: $input) { ${FULL_COURSE_FIELDS} } }`;
export const UPDATE_MODULE = `mutation UpdateModule($id: ID!, $input: CourseModuleInput!) { updateCourseModule(id: $id, input: $input) { ${FULL_COURSE_FIELDS} } }`;
export const REMOVE_MODULE = `mutation RemoveModule($id: ID!) { removeCourseModule(id: $id) { ${FULL_COURSE_FIELDS} } }`;
export const REORDER_MODULES = `mutation ReorderModules($courseId: ID!, $moduleIds: [ID!]!) { reorderCourseModules(courseId: $courseId, moduleIds: $moduleIds) { ${FULL_COURSE_FIELDS} } }`;
export const ADD_MATERIAL = `mutation AddMaterial($moduleId: ID!, $input: CourseMaterialInput!) { addCourseMaterial(moduleId: $moduleId, input: $input) { ${FULL_COURSE_FIELDS} } }`;
export const UPDATE_MATERIAL = `mutation UpdateMaterial($id: ID!, $input: CourseMaterialInput!) { updateCourseMaterial(id: $id, input: $input) { ${FULL_COURSE_FIELDS} } }`;
export const REMOVE_MATERIAL = `mutation RemoveMaterial($id: ID!) { removeCourseMaterial(id: $id) { ${FULL_COURSE_FIELDS} } }`;
export const REORDER_MATERIALS = `mutation ReorderMaterials($moduleId: ID!, $materialIds: [ID!]!) { reorderCourseMaterials(moduleId: $moduleId, materialIds: $materialIds) { ${FULL_COURSE_FIELDS} } }`;
export const SET_QUIZ = `mutation SetQuiz($moduleId: ID!, $input: QuizInput!) { setModuleQuiz(moduleId: $moduleId, input: $input) { ${FULL_COURSE_FIELDS} } }`;
export const REMOVE_QUIZ = `mutation RemoveQuiz($moduleId: ID!) { removeModuleQuiz(moduleId: $moduleId) { ${FULL_COURSE_FIELDS} } }`;

export type CourseTransitionName = 'publishCourse' | 'archiveCourse' | 'unarchiveCourse';
export function courseTransition(name: CourseTransitionName): string {
  return `mutation Move($id: ID!) { ${name}(id: $id) { ${FULL_COURSE_FIELDS} } }`;
}

export interface QuizQuestionResult {
  id: string;
  position: number;
  prompt: string;
  kind: 'SINGLE_CHOICE' | 'MULTIPLE_CHOICE';
  choices: string[];
  correctChoices: number[] | null;
}

export interface CourseModuleResult {
  id: string;
  position: number;
  title: string;
  description: string;
  required: boolean;
  materials: Array<{ id: string; position: number; title: string; format: string; file: { id: string; fileName: string } | null; url: string | null }>;
  quiz: { passMarkPercent: number; maxAttempts: number | null; questions: QuizQuestionResult[] } | null;
}

export interface CourseResult {
  id: string;
  title: string;
  summary: string;
  audienceAll: boolean;
  audienceRoles: string[];
  audienceOrganizationIds: string[];
  visibility: 'NETWORK' | 'PUBLIC';
  status: 'DRAFT' | 'PUBLISHED' | 'ARCHIVED';
  publishedAt: string | null;
  publisher: { organizationId: string; name: string; networkName: string };
  mayEdit: boolean;
  inAudience: boolean;
  moduleCount: number;
  modules: CourseModuleResult[];
  [key: string]: unknown;
}

/** A valid CourseInput: the whole network, visible in it only, unless overridden. */
export function courseInput(title: string, overrides: Record<string, unknown> = {}) {
  return { title, summary: '', audienceAll: true, visibility: 'NETWORK', ...overrides };
}

/** A valid single-choice question whose correct answer is the first choice. */
export function singleChoice(prompt: string, choices: string[] = ['はい', 'いいえ'], correct = 0) {
  return { prompt, kind: 'SINGLE_CHOICE', choices, correctChoices: [correct] };
}

export interface CourseSpec {
  /** CourseInput fields beyond the title (audience, visibility …). */
  readonly input?: Record<string, unknown>;
  /** Modules in order; each with materials (links by default) and an optional quiz. */
  readonly modules?: ReadonlyArray<{
    readonly title: string;
    readonly description?: string;
    readonly required?: boolean;
    readonly materials?: ReadonlyArray<{ readonly title: string; readonly url?: string; readonly fileId?: string }>;
    readonly quiz?: { readonly passMarkPercent: number; readonly maxAttempts?: number | null; readonly questions: ReadonlyArray<Record<string, unknown>> };
  }>;
  /** Publish it once built (default true). */
  readonly publish?: boolean;
}

/** Default: one module with one link material and a one-question quiz (pass mark 100). */
export const DEFAULT_MODULES: NonNullable<CourseSpec['modules']> = [
  {
    title: '第1章 はじめに',
    materials: [{ title: '資料', url: 'https://example.jp/training/intro' }],
    quiz: { passMarkPercent: 100, maxAttempts: null, questions: [singleChoice('個人情報は本人の同意なく第三者に提供できますか？', ['できない', 'できる'], 0)] },
  },
];

/**
 * Creates a course through the API as a trainer: the course, its modules, their materials and
 * quizzes, then publishes it (unless `publish: false`). Returns the course as the trainer sees it.
 */
export async function buildCourse(trainer: SignedInClient, title: string, spec: CourseSpec = {}): Promise<CourseResult> {
  let course = dataOf(await trainer.request<{ createCourse: CourseResult }>(CREATE_COURSE, { input: courseInput(title, spec.input) })).createCourse;
  for (const module of spec.modules ?? DEFAULT_MODULES) {
    course = dataOf(
      await trainer.request<{ addCourseModule: CourseResult }>(ADD_MODULE, {
        courseId: course.id,
        input: { title: module.title, description: module.description ?? '', required: module.required ?? true },
      }),
    ).addCourseModule;
    const moduleId = course.modules[course.modules.length - 1].id;
    for (const material of module.materials ?? []) {
      course = dataOf(
        await trainer.request<{ addCourseMaterial: CourseResult }>(ADD_MATERIAL, {
          moduleId,
          input: { title: material.title, url: material.url ?? null, fileId: material.fileId ?? null },
        }),
      ).addCourseMaterial;
    }
    if (module.quiz) {
      course = dataOf(
        await trainer.request<{ setModuleQuiz: CourseResult }>(SET_QUIZ, {
          moduleId,
          input: { passMarkPercent: module.quiz.passMarkPercent, maxAttempts: module.quiz.maxAttempts ?? null, questions: module.quiz.questions },
        }),
      ).setModuleQuiz;
    }
  }
  if (spec.publish ?? true) course = await publishCourse(trainer, course.id);
  return course;
}

export async function publishCourse(trainer: SignedInClient, id: string): Promise<CourseResult> {
  return dataOf(await trainer.request<{ publishCourse: CourseResult }>(courseTransition('publishCourse'), { id })).publishCourse;
}

export async function readCourse(client: SignedInClient, id: string): Promise<CourseResult> {
  return dataOf(await client.request<{ course: CourseResult }>(COURSE_QUERY, { id })).course;
}

/** Every course a catalogue query finds, page by page. */
export async function listAllCourses(client: SignedInClient, input: Record<string, unknown> = {}, first = 50): Promise<CourseResult[]> {
  return allPages(async (after) => dataOf(await client.request<{ courses: Page<CourseResult> }>(COURSES_QUERY, { input, first, after })).courses);
}

/**
 * A stored file's catalogue row as the upload endpoint would write it (purpose
 * TRAINING_MATERIAL or COURSE_COVER); returns its id.
 */
export function storedTrainingFile(
  sql: DataSource,
  tenantId: string,
  organizationId: string,
  options: Partial<StoredFileOptions> = {},
): Promise<string> {
  return storedFileRow(sql, tenantId, organizationId, { fileName: '研修資料.pdf', byteSize: 2048, purpose: 'TRAINING_MATERIAL', ...options });
}
