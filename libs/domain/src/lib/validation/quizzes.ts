// A module's whole quiz (QuizInput), as the API checks it and the trainer's quiz editor shows
// it: every problem at once, each question's under its own key (`questions.2.choices`) and
// numbered in its message, so the editor puts it next to that question.
import { z } from 'zod';
import { QUESTION_KINDS } from '../training';
import { oneOf } from './codes';
import { itemProblem, MALFORMED_VALUE, say } from './kit';
import { withTextLimit } from './text-limits';

export const MAX_QUESTIONS = 50;
export const MIN_CHOICES = 2;
export const MAX_CHOICES = 10;

const malformed = say(MALFORMED_VALUE.ja, MALFORMED_VALUE.en);

const isWholeIn = (value: number, min: number, max: number) => Number.isInteger(value) && value >= min && value <= max;

const MAX_PROMPT_LENGTH = 1000;
const MAX_CHOICE_LENGTH = 300;

// The lengths are checked with the question (checkQuestion), so that each problem is said once
// under its own key; the marks let the editor count them down.
const questionSchema = z.object({
  prompt: withTextLimit(z.string(), MAX_PROMPT_LENGTH),
  kind: oneOf(QUESTION_KINDS.codes, malformed),
  choices: z.array(withTextLimit(z.string(), MAX_CHOICE_LENGTH)),
  correctChoices: z.array(z.number()),
});
type QuestionValue = z.output<typeof questionSchema>;

/** Reports what is wrong with question `index` (0-based) under its own keys. */
function checkQuestion(question: QuestionValue, index: number, context: z.RefinementCtx): void {
  const key = `questions.${index}`;
  const number = index + 1;
  const prompt = question.prompt.trim();
  if (!isWholeIn(prompt.length, 1, MAX_PROMPT_LENGTH)) {
    itemProblem(context, `${key}.prompt`, say(`問${number}：問題文を1〜1000文字で入力してください。`, `Question ${number}: enter the question in 1 to 1,000 characters.`));
  }
  const choices = question.choices.map((choice) => choice.trim());
  if (!isWholeIn(choices.length, MIN_CHOICES, MAX_CHOICES)) {
    itemProblem(context, `${key}.choices`, say(`問${number}：選択肢は2〜10個にしてください。`, `Question ${number}: give 2 to 10 choices.`));
  } else if (choices.some((choice) => !isWholeIn(choice.length, 1, MAX_CHOICE_LENGTH))) {
    itemProblem(context, `${key}.choices`, say(`問${number}：選択肢はそれぞれ1〜300文字で入力してください。`, `Question ${number}: each choice needs 1 to 300 characters.`));
  }
  const correct = new Set(question.correctChoices);
  if (correct.size === 0) {
    itemProblem(context, `${key}.correctChoices`, say(`問${number}：正解の選択肢に印を付けてください。`, `Question ${number}: mark the correct choice.`));
  } else if (correct.size !== question.correctChoices.length || [...correct].some((choice) => !isWholeIn(choice, 0, choices.length - 1))) {
    itemProblem(context, `${key}.correctChoices`, say(`問${number}：正解は選択肢の中から重複なく選んでください。`, `Question ${number}: pick the correct answers among the choices, each once.`));
  } else if (question.kind === 'SINGLE_CHOICE' && correct.size !== 1) {
    itemProblem(context, `${key}.correctChoices`, say(`問${number}：1つ選ぶ問題の正解はちょうど1つです。`, `Question ${number}: a single-choice question has exactly one correct answer.`));
  }
}

/** A whole quiz: 1–50 questions of 2–10 non-blank choices, valid answers, pass mark and attempts; normalised (trimmed, answers sorted). */
export const quizInputSchema = z
  .object({
    passMarkPercent: z.number().refine((value) => isWholeIn(value, 1, 100), say('合格点は1〜100（%）で入力してください。', 'Give the pass mark as 1 to 100 (%).')),
    maxAttempts: z
      .number()
      .nullish()
      .transform((value) => value ?? null)
      .refine((value) => value === null || isWholeIn(value, 1, 100), say('受験回数の上限は1〜100回にするか、空（無制限）にしてください。', 'Give the attempt limit as 1 to 100, or leave it empty for no limit.')),
    questions: z.array(questionSchema).refine((questions) => isWholeIn(questions.length, 1, MAX_QUESTIONS), say('問題は1〜50問にしてください。', 'A quiz has 1 to 50 questions.')),
  })
  .superRefine((quiz, context) => quiz.questions.forEach((question, index) => checkQuestion(question, index, context)))
  .transform((quiz) => ({
    ...quiz,
    questions: quiz.questions.map((question) => ({
      prompt: question.prompt.trim(),
      kind: question.kind,
      choices: question.choices.map((choice) => choice.trim()),
      correctChoices: [...question.correctChoices].sort((a, b) => a - b),
    })),
  }));
export type QuizFields = z.output<typeof quizInputSchema>;
