// What a learner has chosen in a quiz before submitting it: per question the chosen choice
// indexes (0-based, as the API scores them). A SINGLE_CHOICE question holds at most one choice
// (choosing another replaces it); a MULTIPLE_CHOICE question toggles each choice. Immutable, so
// React state updates stay plain.
import type { QuestionKind } from '@tsunagu/domain';

export type QuizAnswers = Readonly<Record<string, readonly number[]>>;

export interface QuizQuestionShape {
  readonly id: string;
  readonly kind: QuestionKind;
}

/** The answers after picking (or, for multiple choice, un-picking) one choice of a question. */
export function chooseAnswer(answers: QuizAnswers, question: QuizQuestionShape, choice: number, checked = true): QuizAnswers {
  if (question.kind === 'SINGLE_CHOICE') return { ...answers, [question.id]: checked ? [choice] : [] };
  const current = answers[question.id] ?? [];
  const next = checked ? (current.includes(choice) ? current : [...current, choice]) : current.filter((entry) => entry !== choice);
  return { ...answers, [question.id]: [...next].sort((a, b) => a - b) };
}

/** The questions with no choice yet (the form asks for them before submitting). */
export function unansweredQuestions<Q extends QuizQuestionShape>(questions: readonly Q[], answers: QuizAnswers): Q[] {
  return questions.filter((question) => (answers[question.id] ?? []).length === 0);
}

/** The submitAnswers input: one entry per question, in the quiz's order. */
export function answersInput(questions: readonly QuizQuestionShape[], answers: QuizAnswers): { questionId: string; choices: number[] }[] {
  return questions.map((question) => ({ questionId: question.id, choices: [...(answers[question.id] ?? [])] }));
}
