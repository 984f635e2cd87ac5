// Validation of course, module, material and quiz input: every faulty field reported at once,
// in Japanese and English, with a stable reason (courses, modules and materials by their shared schemas in
// libs/domain). Checks that need the database (files,
// organisations) are in CoursesService.
import { checkInput, courseInputSchema, courseMaterialInputSchema, courseModuleInputSchema, LocalizedText, normalizeForSearch, type CourseFields, type ModuleFields } from '@tsunagu/domain';
import type { z } from 'zod';
import { AppError } from '../../../core/graphql/app-error';
import type { CourseInput, CourseMaterialInput, CourseModuleInput, QuizInput } from './dto/courses.input';

export type { CourseFields, ModuleFields };

const text = (ja: string, en: string): LocalizedText => ({ ja, en });

export const MAX_QUESTIONS = 50;

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

export interface QuizFields {
  readonly passMarkPercent: number;
  readonly maxAttempts: number | null;
  readonly questions: ReadonlyArray<{ prompt: string; kind: QuizInput['questions'][number]['kind']; choices: string[]; correctChoices: number[] }>;
}

/** A whole quiz: 1–50 questions of 2–10 non-blank choices, valid answers, pass mark and attempts. */
export function validateQuizFields(input: QuizInput): QuizFields {
  const problems: Record<string, LocalizedText> = {};
  if (!Number.isInteger(input.passMarkPercent) || input.passMarkPercent < 1 || input.passMarkPercent > 100) {
    problems['passMarkPercent'] = text('合格点は1〜100（%）で入力してください。', 'Give the pass mark as 1 to 100 (%).');
  }
  const maxAttempts = input.maxAttempts ?? null;
  if (maxAttempts !== null && (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 100)) {
    problems['maxAttempts'] = text('受験回数の上限は1〜100回にするか、空（無制限）にしてください。', 'Give the attempt limit as 1 to 100, or leave it empty for no limit.');
  }
  if (input.questions.length < 1 || input.questions.length > MAX_QUESTIONS) {
    problems['questions'] = text('問題は1〜50問にしてください。', 'A quiz has 1 to 50 questions.');
  }
  const questions = input.questions.map((question, index) => {
    const path = `questions.${index}`;
    const prompt = question.prompt.trim();
    if (prompt.length < 1 || prompt.length > 1000) problems[`${path}.prompt`] = text(`問${index + 1}：問題文を1〜1000文字で入力してください。`, `Question ${index + 1}: enter the question in 1 to 1,000 characters.`);
    const choices = question.choices.map((choice) => choice.trim());
    if (choices.length < 2 || choices.length > 10) {
      problems[`${path}.choices`] = text(`問${index + 1}：選択肢は2〜10個にしてください。`, `Question ${index + 1}: give 2 to 10 choices.`);
    } else if (choices.some((choice) => choice.length < 1 || choice.length > 300)) {
      problems[`${path}.choices`] = text(`問${index + 1}：選択肢はそれぞれ1〜300文字で入力してください。`, `Question ${index + 1}: each choice needs 1 to 300 characters.`);
    }
    const correctChoices = [...new Set(question.correctChoices)].sort((a, b) => a - b);
    if (correctChoices.length === 0 || correctChoices.length !== question.correctChoices.length || correctChoices.some((choice) => !Number.isInteger(choice) || choice < 0 || choice >= choices.length)) {
      problems[`${path}.correctChoices`] = text(`問${index + 1}：正解は選択肢の中から重複なく選んでください。`, `Question ${index + 1}: pick the correct answers among the choices, each once.`);
    } else if (question.kind === 'SINGLE_CHOICE' && correctChoices.length !== 1) {
      problems[`${path}.correctChoices`] = text(`問${index + 1}：1つ選ぶ問題の正解はちょうど1つです。`, `Question ${index + 1}: a single-choice question has exactly one correct answer.`);
    }
    return { prompt, kind: question.kind, choices, correctChoices };
  });
  if (Object.keys(problems).length > 0) throw invalid('INVALID_QUIZ', problems);
  return { passMarkPercent: input.passMarkPercent, maxAttempts, questions };
}

/** The text a course is found by: title, summary and module titles, normalised like a query. */
export function courseSearchDocument(title: string, summary: string, moduleTitles: readonly string[]): string {
  return normalizeForSearch([title, summary, ...moduleTitles].join(' | '));
}
