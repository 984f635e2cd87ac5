import { checkInput } from './kit';
import { quizInputSchema } from './quizzes';

const question = (overrides: Record<string, unknown> = {}) => ({ prompt: '個人情報とは？', kind: 'SINGLE_CHOICE', choices: ['氏名', '天気'], correctChoices: [0], ...overrides });
const quiz = (overrides: Record<string, unknown> = {}) => ({ passMarkPercent: 80, maxAttempts: null, questions: [question()], ...overrides });
const keysOf = (input: unknown) => {
  const checked = checkInput(quizInputSchema, input);
  return checked.ok ? [] : Object.keys(checked.problems);
};

describe('quizInputSchema', () => {
  it('trims the text and sorts the answers of a valid quiz', () => {
    expect(checkInput(quizInputSchema, quiz({ maxAttempts: 2, questions: [question({ prompt: ' 問題 ', kind: 'MULTIPLE_CHOICE', choices: [' A ', 'B', 'C'], correctChoices: [2, 0] })] }))).toEqual({
      ok: true,
      value: { passMarkPercent: 80, maxAttempts: 2, questions: [{ prompt: '問題', kind: 'MULTIPLE_CHOICE', choices: ['A', 'B', 'C'], correctChoices: [0, 2] }] },
    });
    expect(checkInput(quizInputSchema, quiz({ maxAttempts: undefined }))).toMatchObject({ ok: true, value: { maxAttempts: null } });
  });

  it('asks for 1 to 50 questions, a pass mark of 1 to 100 and an attempt limit of 1 to 100 or none', () => {
    expect(checkInput(quizInputSchema, quiz({ questions: [], passMarkPercent: 0, maxAttempts: 0 }))).toEqual({
      ok: false,
      problems: {
        passMarkPercent: { ja: '合格点は1〜100（%）で入力してください。', en: 'Give the pass mark as 1 to 100 (%).' },
        maxAttempts: { ja: '受験回数の上限は1〜100回にするか、空（無制限）にしてください。', en: 'Give the attempt limit as 1 to 100, or leave it empty for no limit.' },
        questions: { ja: '問題は1〜50問にしてください。', en: 'A quiz has 1 to 50 questions.' },
      },
    });
    expect(keysOf(quiz({ questions: Array.from({ length: 51 }, () => question()) }))).toEqual(['questions']);
  });

  it('names each faulty part of a question under its own key, numbered in the message', () => {
    const checked = checkInput(quizInputSchema, quiz({ passMarkPercent: 0, questions: [question(), question({ prompt: ' ', choices: ['氏名', ' '], correctChoices: [] })] }));
    expect(checked).toEqual({
      ok: false,
      problems: {
        passMarkPercent: { ja: '合格点は1〜100（%）で入力してください。', en: 'Give the pass mark as 1 to 100 (%).' },
        'questions.1.prompt': { ja: '問2：問題文を1〜1000文字で入力してください。', en: 'Question 2: enter the question in 1 to 1,000 characters.' },
        'questions.1.choices': { ja: '問2：選択肢はそれぞれ1〜300文字で入力してください。', en: 'Question 2: each choice needs 1 to 300 characters.' },
        'questions.1.correctChoices': { ja: '問2：正解の選択肢に印を付けてください。', en: 'Question 2: mark the correct choice.' },
      },
    });
  });

  it('needs 2 to 10 choices and correct answers among them, exactly one for a single-choice question', () => {
    expect(keysOf(quiz({ questions: [question({ choices: ['ひとつ'] })] }))).toEqual(['questions.0.choices']);
    expect(keysOf(quiz({ questions: [question({ choices: Array.from({ length: 11 }, (_, index) => `選択肢${index}`) })] }))).toEqual(['questions.0.choices']);
    expect(checkInput(quizInputSchema, quiz({ questions: [question({ correctChoices: [5] })] }))).toMatchObject({
      problems: { 'questions.0.correctChoices': { ja: '問1：正解は選択肢の中から重複なく選んでください。' } },
    });
    expect(keysOf(quiz({ questions: [question({ kind: 'MULTIPLE_CHOICE', correctChoices: [0, 0] })] }))).toEqual(['questions.0.correctChoices']);
    expect(checkInput(quizInputSchema, quiz({ questions: [question({ correctChoices: [0, 1] })] }))).toMatchObject({
      problems: { 'questions.0.correctChoices': { ja: '問1：1つ選ぶ問題の正解はちょうど1つです。' } },
    });
    expect(keysOf(quiz({ questions: [question({ kind: 'MULTIPLE_CHOICE', correctChoices: [0, 1] })] }))).toEqual([]);
  });
});
