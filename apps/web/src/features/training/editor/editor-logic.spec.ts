import { describe, expect, it } from '@jest/globals';
import { checkInput, quizInputSchema } from '@tsunagu/domain';
import {
  changeKind,
  moveItem,
  quizFormOf,
  quizValuesInput,
  removeChoice,
  toggleCorrect,
  type QuestionForm,
  type QuizForm,
} from './editor-logic';

const question = (overrides: Partial<QuestionForm> = {}): QuestionForm => ({
  key: 'q1',
  prompt: '個人情報とは？',
  kind: 'SINGLE_CHOICE',
  choices: ['氏名', '天気'],
  correct: [0],
  ...overrides,
});

const quiz = (overrides: Partial<QuizForm> = {}): QuizForm => ({ passMarkPercent: 80, maxAttempts: '', questions: [question()], ...overrides });

describe('moveItem', () => {
  it('moves an item up and down by one place', () => {
    expect(moveItem(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
  });

  it('leaves the list as it was at either end or for an index outside it', () => {
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b'], 5, -1)).toEqual(['a', 'b']);
  });

  it('never changes the list it was given', () => {
    const items = ['a', 'b'];
    moveItem(items, 1, -1);
    expect(items).toEqual(['a', 'b']);
  });
});

describe('quiz form and QuizInput', () => {
  it('gives the schema what the form holds: an empty pass mark as out of range, an empty attempt limit as none', () => {
    const form = quiz({ passMarkPercent: '', questions: [question({ kind: 'MULTIPLE_CHOICE', choices: [' A ', 'B', 'C'], correct: [2, 0] })] });
    expect(quizValuesInput(form)).toEqual({
      passMarkPercent: 0,
      maxAttempts: null,
      questions: [{ prompt: '個人情報とは？', kind: 'MULTIPLE_CHOICE', choices: [' A ', 'B', 'C'], correctChoices: [2, 0] }],
    });
    expect(quizValuesInput(quiz({ maxAttempts: 2 })).maxAttempts).toBe(2);
  });

  it('is checked by the API\'s own quiz schema, each problem under the key of its question', () => {
    const checked = checkInput(quizInputSchema, quizValuesInput(quiz({ questions: [question(), question({ prompt: ' ', correct: [] })] })));
    expect(checked.ok ? [] : Object.keys(checked.problems)).toEqual(['questions.1.prompt', 'questions.1.correctChoices']);
  });

  it('reads a saved quiz back into the form, and starts a blank one at 80 % with unlimited attempts', () => {
    const saved = {
      passMarkPercent: 70,
      maxAttempts: null,
      questions: [{ id: 'q-9', prompt: 'P', kind: 'SINGLE_CHOICE' as const, choices: ['x', 'y'], correctChoices: [1] }],
    };
    expect(quizFormOf(saved)).toEqual({
      passMarkPercent: 70,
      maxAttempts: '',
      questions: [{ key: 'q-9', prompt: 'P', kind: 'SINGLE_CHOICE', choices: ['x', 'y'], correct: [1] }],
    });
    expect(quizFormOf(null)).toEqual({ passMarkPercent: 80, maxAttempts: '', questions: [] });
  });
});

describe('editing a question', () => {
  it('keeps only the latest correct choice of a single-choice question', () => {
    expect(toggleCorrect(question({ correct: [0] }), 1, true)).toEqual([1]);
    expect(toggleCorrect(question({ correct: [0] }), 0, false)).toEqual([]);
  });

  it('adds and removes correct choices of a multiple-choice question', () => {
    const multiple = question({ kind: 'MULTIPLE_CHOICE', choices: ['A', 'B', 'C'], correct: [2] });
    expect(toggleCorrect(multiple, 0, true)).toEqual([0, 2]);
    expect(toggleCorrect(multiple, 2, false)).toEqual([]);
  });

  it('moves the correct marks with the choices when one is removed', () => {
    const multiple = question({ kind: 'MULTIPLE_CHOICE', choices: ['A', 'B', 'C', 'D'], correct: [1, 3] });
    expect(removeChoice(multiple, 1)).toMatchObject({ choices: ['A', 'C', 'D'], correct: [2] });
    expect(removeChoice(multiple, 0)).toMatchObject({ choices: ['B', 'C', 'D'], correct: [0, 2] });
  });

  it('keeps the first correct choice when a multiple-choice question becomes single-choice', () => {
    const multiple = question({ kind: 'MULTIPLE_CHOICE', choices: ['A', 'B', 'C'], correct: [1, 2] });
    expect(changeKind(multiple, 'SINGLE_CHOICE')).toMatchObject({ kind: 'SINGLE_CHOICE', correct: [1] });
    expect(changeKind(question(), 'MULTIPLE_CHOICE')).toMatchObject({ kind: 'MULTIPLE_CHOICE', correct: [0] });
  });
});
