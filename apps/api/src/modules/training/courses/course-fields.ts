// Validation of course, module, material and quiz input: every faulty field reported at once,
// in Japanese and English, with a stable reason (each by its shared schema in libs/domain).
// Checks that need the database (files, organisations) are in CoursesService. Also the text a
// course is found by (its search document and reading).
import { checkInput, courseInputSchema, courseMaterialInputSchema, courseModuleInputSchema, LocalizedText, normalizeForSearch, quizInputSchema, type CourseFields, type ModuleFields, type QuizFields } from '@tsunagu/domain';
import type { z } from 'zod';
import { AppError } from '../../../core/graphql/app-error';
import type { MissingReadings } from '../../../core/search/search-readings';
import type { CourseInput, CourseMaterialInput, CourseModuleInput, QuizInput } from './dto/courses.input';

export type { CourseFields, ModuleFields, QuizFields };

const text = (ja: string, en: string): LocalizedText => ({ ja, en });

/** BAD_USER_INPUT naming the faulty fields, with a reason narrower than the code. */
export function invalid(reason: string, fields: Readonly<Record<string, LocalizedText>>): AppError {
  const first = Object.values(fields)[0] ?? text('入力内容を確認してください。', 'Please check the input.');
  return new AppError('BAD_USER_INPUT', first, { reason, fields });
}

/** The input normalised by its shared schema, or BAD_USER_INPUT under `reason` naming every faulty field. */
function checked<S extends z.ZodType>(schema: S, input: unknown, reason: string): z.output<S> {
  const result = checkInput(schema, input);
  if (!result.ok) throw invalid(reason, result.problems);
  return result.value;
}

export function validateCourseFields(input: CourseInput): CourseFields {
  return checked(courseInputSchema, input, 'INVALID_COURSE');
}

export function validateModuleFields(input: CourseModuleInput): ModuleFields {
  return checked(courseModuleInputSchema, input, 'INVALID_MODULE');
}

export type MaterialSource = { readonly kind: 'FILE'; readonly fileId: string } | { readonly kind: 'LINK'; readonly url: string };

/** Why a material was refused: its source (file or link) when that is at fault, else its title. */
function materialRefusal(input: CourseMaterialInput, problems: Readonly<Record<string, LocalizedText>>): string {
  if (!problems['url']) return 'INVALID_MATERIAL';
  const sources = [input.fileId, input.url].filter((value) => value?.trim()).length;
  return sources === 1 ? 'INVALID_URL' : 'MATERIAL_NEEDS_FILE_OR_URL';
}

export function validateMaterialFields(input: CourseMaterialInput): { title: string; source: MaterialSource } {
  const result = checkInput(courseMaterialInputSchema, input);
  if (!result.ok) throw invalid(materialRefusal(input, result.problems), result.problems);
  const { title, fileId, url } = result.value;
  return { title, source: fileId !== null ? { kind: 'FILE', fileId } : { kind: 'LINK', url: url as string } };
}

/** A whole quiz: 1–50 questions of 2–10 non-blank choices, valid answers, pass mark and attempts. */
export function validateQuizFields(input: QuizInput): QuizFields {
  return checked(quizInputSchema, input, 'INVALID_QUIZ');
}

/** The text a course is found by, as written: title, summary and module titles (read for its reading, core/search). */
export function courseSearchSource(title: string, summary: string, moduleTitles: readonly string[]): string {
  return [title, summary, ...moduleTitles].join(' | ');
}

/** The same text normalised like a query: the course's search document. */
export function courseSearchDocument(title: string, summary: string, moduleTitles: readonly string[]): string {
  return normalizeForSearch(courseSearchSource(title, summary, moduleTitles));
}

/** A course's title, summary and module titles in order, for its search text. */
export const COURSE_SEARCH_COLUMNS = `c.title, c.summary,
  ARRAY(SELECT m.title FROM course_modules m WHERE m.tenant_id = c.tenant_id AND m.course_id = c.id ORDER BY m.position) AS module_titles`;

/** The search-readings job's view of courses (core/search): the rows with no reading yet. */
export const missingCourseReadings: MissingReadings = async (manager, tenantId, afterId, limit) => {
  const rows: Array<{ id: string; document: string; title: string; summary: string; module_titles: string[] }> = await manager.query(
    `SELECT c.id, c.search_document AS document, ${COURSE_SEARCH_COLUMNS}
       FROM courses c WHERE c.tenant_id = $1 AND c.search_reading IS NULL AND c.id > $2 ORDER BY c.id LIMIT $3`,
    [tenantId, afterId, limit],
  );
  return rows.map((row) => ({ id: row.id, document: row.document, source: courseSearchSource(row.title, row.summary, row.module_titles) }));
};
