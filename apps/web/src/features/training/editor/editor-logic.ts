// Pure rules of the trainer's editor, kept apart from the components so they are tested alone:
// moving an item up or down a list, the quiz form (its conversion to and from QuizInput, which
// quizInputSchema checks).
import type { QuestionKind } from '@tsunagu/domain';

/** The list with the item at `index` moved by `delta` places; the same list when it cannot move. */
export function moveItem<T>(items: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return [...items];
  const moved = [...items];
  const [item] = moved.splice(index, 1);
  moved.splice(target, 0, item);
  return moved;
}

// Types, not interfaces: the form layer wants values indexable by field name.
export type QuestionForm = {
  /** A key for React lists (a saved question's id, or a local one for a new question). */
  readonly key: string;
  readonly prompt: string;
  readonly kind: QuestionKind;
  readonly choices: readonly string[];
  /** Indexes (0-based) of the correct choices. */
  readonly correct: readonly number[];
};

export type QuizForm = {
  readonly passMarkPercent: number | string;
  /** Empty for unlimited attempts. */
  readonly maxAttempts: number | string;
  readonly questions: readonly QuestionForm[];
};

/** What the quiz form holds, as quizInputSchema checks it (an empty pass mark is out of range, an empty limit none). */
export function quizValuesInput(form: QuizForm) {
  return {
    passMarkPercent: typeof form.passMarkPercent === 'number' ? form.passMarkPercent : 0,
    maxAttempts: typeof form.maxAttempts === 'number' ? form.maxAttempts : null,
    questions: form.questions.map((question) => ({
      prompt: question.prompt,
      kind: question.kind,
      choices: [...question.choices],
      correctChoices: [...question.correct],
    })),
  };
}

export interface SavedQuiz {
  readonly passMarkPercent: number;
  readonly maxAttempts?: number | null;
  readonly questions: readonly {
    readonly id: string;
    readonly prompt: string;
    readonly kind: QuestionKind;
    readonly choices: readonly string[];
    readonly correctChoices?: readonly number[] | null;
  }[];
}

/** The form of a saved quiz, or a blank one (pass mark 80 %, unlimited attempts) when there is none. */
export function quizFormOf(quiz: SavedQuiz | null | undefined): QuizForm {
  if (!quiz) return { passMarkPercent: 80, maxAttempts: '', questions: [] };
  return {
    passMarkPercent: quiz.passMarkPercent,
    maxAttempts: quiz.maxAttempts ?? '',
    questions: quiz.questions.map((question) => ({
      key: question.id,
      prompt: question.prompt,
      kind: question.kind,
      choices: [...question.choices],
      correct: [...(question.correctChoices ?? [])],
    })),
  };
}

/** A question's correct choices after ticking (or unticking) one; a single-choice question keeps only the latest. */
export function toggleCorrect(question: QuestionForm, choice: number, checked: boolean): readonly number[] {
  if (question.kind === 'SINGLE_CHOICE') return checked ? [choice] : [];
  const others = question.correct.filter((entry) => entry !== choice);
  return checked ? [...others, choice].sort((a, b) => a - b) : others;
}

/** A question without one choice: later choices move up and the correct indexes follow them. */
export function removeChoice(question: QuestionForm, choice: number): QuestionForm {
  return {
    ...question,
    choices: question.choices.filter((_, index) => index !== choice),
    correct: question.correct.filter((entry) => entry !== choice).map((entry) => (entry > choice ? entry - 1 : entry)),
  };
}

/** The question as the other kind: a single-choice question keeps only its first correct choice. */
export function changeKind(question: QuestionForm, kind: QuestionKind): QuestionForm {
  return { ...question, kind, correct: kind === 'SINGLE_CHOICE' ? question.correct.slice(0, 1) : question.correct };
}
