// Pure rules of the trainer's editor, kept apart from the components so they are tested alone:
// moving an item up or down a list, the quiz form (its checks before it goes to setModuleQuiz and
// its conversion to and from QuizInput), and a report's day filters as Japan-time instants.
import { endOfJapanDay, startOfJapanDay } from '@tsunagu/domain';
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

export const MIN_CHOICES = 2;
export const MAX_CHOICES = 10;

export interface QuestionForm {
  /** A key for React lists (a saved question's id, or a local one for a new question). */
  readonly key: string;
  readonly prompt: string;
  readonly kind: QuestionKind;
  readonly choices: readonly string[];
  /** Indexes (0-based) of the correct choices. */
  readonly correct: readonly number[];
}

export interface QuizForm {
  readonly passMarkPercent: number | string;
  /** Empty for unlimited attempts. */
  readonly maxAttempts: number | string;
  readonly questions: readonly QuestionForm[];
}

/** A problem in the quiz form: which part, and the translation key (under trainingEditor.quiz.errors) saying why. */
export interface QuizProblem {
  readonly path: string;
  readonly reason: 'noQuestions' | 'passMark' | 'maxAttempts' | 'prompt' | 'choiceCount' | 'choiceText' | 'noCorrect' | 'singleCorrect';
}

/** Checks the quiz form the way the API will, so a trainer sees every problem before saving. */
export function quizProblems(form: QuizForm): QuizProblem[] {
  const problems: QuizProblem[] = [];
  const passMark = form.passMarkPercent;
  if (typeof passMark !== 'number' || !Number.isInteger(passMark) || passMark < 1 || passMark > 100) {
    problems.push({ path: 'passMarkPercent', reason: 'passMark' });
  }
  const attempts = form.maxAttempts;
  if (attempts !== '' && (typeof attempts !== 'number' || !Number.isInteger(attempts) || attempts < 1 || attempts > 100)) {
    problems.push({ path: 'maxAttempts', reason: 'maxAttempts' });
  }
  if (form.questions.length === 0) problems.push({ path: 'questions', reason: 'noQuestions' });
  form.questions.forEach((question, index) => {
    const path = `questions.${index}`;
    if (!question.prompt.trim()) problems.push({ path: `${path}.prompt`, reason: 'prompt' });
    if (question.choices.length < MIN_CHOICES || question.choices.length > MAX_CHOICES) {
      problems.push({ path: `${path}.choices`, reason: 'choiceCount' });
    }
    question.choices.forEach((choice, choiceIndex) => {
      if (!choice.trim()) problems.push({ path: `${path}.choices.${choiceIndex}`, reason: 'choiceText' });
    });
    const correct = question.correct.filter((choice) => choice >= 0 && choice < question.choices.length);
    if (correct.length === 0) problems.push({ path: `${path}.correctChoices`, reason: 'noCorrect' });
    else if (question.kind === 'SINGLE_CHOICE' && correct.length > 1) problems.push({ path: `${path}.correctChoices`, reason: 'singleCorrect' });
  });
  return problems;
}

export interface QuizInputValue {
  passMarkPercent: number;
  maxAttempts: number | null;
  questions: { prompt: string; kind: QuestionKind; choices: string[]; correctChoices: number[] }[];
}

/** The QuizInput of a form that has no problems (choices trimmed, correct indexes sorted). */
export function quizInputOf(form: QuizForm): QuizInputValue {
  return {
    passMarkPercent: Number(form.passMarkPercent),
    maxAttempts: form.maxAttempts === '' ? null : Number(form.maxAttempts),
    questions: form.questions.map((question) => ({
      prompt: question.prompt.trim(),
      kind: question.kind,
      choices: question.choices.map((choice) => choice.trim()),
      correctChoices: [...new Set(question.correct)].filter((choice) => choice < question.choices.length).sort((a, b) => a - b),
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

/** The instant a Japan-time day ("YYYY-MM-DD") begins, or null when empty or malformed. */
export function startOfTokyoDay(day: string): string | null {
  return startOfJapanDay(day)?.toISOString() ?? null;
}

/** The last millisecond of a Japan-time day, so a report "to" a day includes all of it. */
export function endOfTokyoDay(day: string): string | null {
  return endOfJapanDay(day)?.toISOString() ?? null;
}
