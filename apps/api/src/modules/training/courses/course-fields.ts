// Validation of course, module, material and quiz input: every faulty field reported at once,
// in Japanese and English, with a stable reason (each by its shared schema in libs/domain).
// Checks that need the database (files, organisations) are in CoursesService.
import { checkInput, courseInputSchema, courseMaterialInputSchema, courseModuleInputSchema, LocalizedText, normalizeForSearch, quizInputSchema, type CourseFields, type ModuleFields, type QuizFields } from '@tsunagu/domain';
import type { z } from 'zod';
import { AppError } from '../../../core/graphql/app-error';
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

/** The text a course is found by: title, summary and module titles, normalised like a query. */
export function courseSearchDocument(title: string, summary: string, moduleTitles: readonly string[]): string {
  return normalizeForSearch([title, summary, ...moduleTitles].join(' | '));
}
