// The answers of one quiz attempt (submitQuizAttempt's `answers`), checked against the quiz's
// questions. The API scores what quizAnswersSchema accepts: known questions, each once; choices
// in range, each once; exactly one for a single-choice question; a question left out counts as
// wrong. The learner's form checks quizSubmissionSchema, which also asks for every question, so
// no attempt is spent on an overlooked one; it names the question (`answers.2`, "Question 3: …")
// as the form shows it.
import { z } from 'zod';
import type { LocalizedText } from '../error-codes';
import type { QuestionKind } from '../training';
import { itemProblem, localizedMessage, say } from './kit';

/** A question as answers are checked against it (a learner never sees the correct choices). */
export interface AnswerableQuestion {
  readonly id: string;
  readonly kind: QuestionKind;
  readonly choices: readonly string[];
}

/** Why the API refuses an attempt's answers, each with what it has always said. */
export const QUIZ_ANSWER_REFUSALS = {
  UNKNOWN_QUESTION: say('この小テストにない問題への回答があります。', 'An answer is for a question this quiz does not have.'),
  DUPLICATE_ANSWER: say('同じ問題に2回回答しています。', 'A question is answered twice.'),
  INVALID_CHOICE: say('選択肢の指定が正しくありません。', 'A chosen option does not exist or is chosen twice.'),
  SINGLE_CHOICE: say('1つだけ選ぶ問題では、選択肢を1つ選んでください。', 'Choose exactly one option for a single-choice question.'),
} as const;
export type QuizAnswerRefusal = keyof typeof QUIZ_ANSWER_REFUSALS;

const answerListSchema = z.object({
  answers: z.array(z.object({ questionId: z.string(), choices: z.array(z.number()) })),
});
type AnswerList = z.output<typeof answerListSchema>;

function refuse(context: z.RefinementCtx, index: number, reason: QuizAnswerRefusal): void {
  context.addIssue({ code: 'custom', message: QUIZ_ANSWER_REFUSALS[reason], params: { key: `answers.${index}`, reason } });
}

/** Reports each answer that does not fit the quiz, under the answer's own key and with its refusal reason. */
function checkAgainstQuiz(questions: readonly AnswerableQuestion[]) {
  const byId = new Map(questions.map((question) => [question.id, question]));
  return ({ answers }: AnswerList, context: z.RefinementCtx) => {
    const answered = new Set<string>();
    answers.forEach(({ questionId, choices }, index) => {
      const question = byId.get(questionId);
      if (!question) return refuse(context, index, 'UNKNOWN_QUESTION');
      if (answered.has(questionId)) return refuse(context, index, 'DUPLICATE_ANSWER');
      answered.add(questionId);
      const inRange = choices.every((choice) => Number.isInteger(choice) && choice >= 0 && choice < question.choices.length);
      if (new Set(choices).size !== choices.length || !inRange) return refuse(context, index, 'INVALID_CHOICE');
      if (question.kind === 'SINGLE_CHOICE' && choices.length !== 1) return refuse(context, index, 'SINGLE_CHOICE');
    });
  };
}

/** Reports each question without a choice, numbered; the form sends one answer per question, in the quiz's order. */
function checkEveryAnswered(questions: readonly AnswerableQuestion[]) {
  return ({ answers }: AnswerList, context: z.RefinementCtx) => {
    const chosen = new Map(answers.map((answer) => [answer.questionId, answer.choices]));
    questions.forEach((question, index) => {
      if ((chosen.get(question.id) ?? []).length > 0) return;
      itemProblem(context, `answers.${index}`, say(`問${index + 1}：答えを選んでください。`, `Question ${index + 1}: choose an answer.`));
    });
  };
}

const sortedChoices = ({ answers }: AnswerList): AnswerList => ({
  answers: answers.map((answer) => ({ questionId: answer.questionId, choices: [...answer.choices].sort((a, b) => a - b) })),
});

/** The answers the API scores (questions left out count as wrong), choices sorted for storage. */
export function quizAnswersSchema(questions: readonly AnswerableQuestion[]) {
  return answerListSchema.superRefine(checkAgainstQuiz(questions)).transform(sortedChoices);
}

/** What the learner's form sends: every question answered (in the quiz's order), and as the API accepts it. */
export function quizSubmissionSchema(questions: readonly AnswerableQuestion[]) {
  return answerListSchema.superRefine(checkEveryAnswered(questions)).superRefine(checkAgainstQuiz(questions)).transform(sortedChoices);
}

export type CheckedQuizAnswers =
  | { readonly ok: true; readonly chosen: ReadonlyMap<string, number[]> }
  | { readonly ok: false; readonly reason: QuizAnswerRefusal; readonly message: LocalizedText };

/**
 * The answers by question for scoring, or why they are refused: the first faulty answer's
 * reason, as the API has always answered (one problem at a time, with a reason clients rely on).
 */
export function checkQuizAnswers(
  questions: readonly AnswerableQuestion[],
  answers: ReadonlyArray<{ readonly questionId: string; readonly choices: readonly number[] }>,
): CheckedQuizAnswers {
  const result = quizAnswersSchema(questions).safeParse({ answers });
  if (result.success) return { ok: true, chosen: new Map(result.data.answers.map((answer) => [answer.questionId, answer.choices])) };
  const [first] = result.error.issues;
  const reason = first.code === 'custom' ? (first.params?.['reason'] as QuizAnswerRefusal | undefined) : undefined;
  return { ok: false, reason: reason ?? 'INVALID_CHOICE', message: localizedMessage(first.message) };
}
