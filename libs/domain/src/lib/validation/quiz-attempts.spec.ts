import { checkInput } from './kit';
import { checkQuizAnswers, quizAnswersSchema, quizSubmissionSchema } from './quiz-attempts';

const single = { id: 'single', kind: 'SINGLE_CHOICE' as const, choices: ['A', 'B', 'C'] };
const multiple = { id: 'multiple', kind: 'MULTIPLE_CHOICE' as const, choices: ['A', 'B', 'C', 'D'] };
const questions = [single, multiple];
type Answers = Array<{ questionId: string; choices: number[] }>;
const reasonOf = (answers: Answers) => {
  const checked = checkQuizAnswers(questions, answers);
  return checked.ok ? 'OK' : checked.reason;
};

describe('checkQuizAnswers', () => {
  it('takes known questions once, with choices in range, sorted for storage; a question left out counts as wrong', () => {
    expect(checkQuizAnswers(questions, [{ questionId: 'multiple', choices: [3, 0] }, { questionId: 'single', choices: [2] }])).toEqual({
      ok: true,
      chosen: new Map([
        ['multiple', [0, 3]],
        ['single', [2]],
      ]),
    });
    expect(reasonOf([])).toBe('OK');
    expect(reasonOf([{ questionId: 'multiple', choices: [] }])).toBe('OK');
  });

  it('refuses unknown questions, repeats, choices out of range or twice, and not exactly one for a single choice', () => {
    expect(reasonOf([{ questionId: 'other', choices: [0] }])).toBe('UNKNOWN_QUESTION');
    expect(reasonOf([{ questionId: 'single', choices: [0] }, { questionId: 'single', choices: [1] }])).toBe('DUPLICATE_ANSWER');
    expect(reasonOf([{ questionId: 'single', choices: [3] }])).toBe('INVALID_CHOICE');
    expect(reasonOf([{ questionId: 'multiple', choices: [-1] }])).toBe('INVALID_CHOICE');
    expect(reasonOf([{ questionId: 'multiple', choices: [1.5] }])).toBe('INVALID_CHOICE');
    expect(reasonOf([{ questionId: 'multiple', choices: [1, 1] }])).toBe('INVALID_CHOICE');
    expect(reasonOf([{ questionId: 'single', choices: [0, 1] }])).toBe('SINGLE_CHOICE');
    expect(reasonOf([{ questionId: 'single', choices: [] }])).toBe('SINGLE_CHOICE');
  });

  it('answers with the first faulty answer, in both languages', () => {
    expect(checkQuizAnswers(questions, [{ questionId: 'single', choices: [0] }, { questionId: 'other', choices: [0] }, { questionId: 'single', choices: [9] }])).toEqual({
      ok: false,
      reason: 'UNKNOWN_QUESTION',
      message: { ja: 'この小テストにない問題への回答があります。', en: 'An answer is for a question this quiz does not have.' },
    });
  });
});

describe('quizSubmissionSchema', () => {
  const answers = (singleChoices: number[], multipleChoices: number[]) => ({
    answers: [
      { questionId: 'single', choices: singleChoices },
      { questionId: 'multiple', choices: multipleChoices },
    ],
  });

  it('asks for every question, numbered, under its own key', () => {
    expect(checkInput(quizSubmissionSchema(questions), answers([], []))).toEqual({
      ok: false,
      problems: {
        'answers.0': { ja: '問1：答えを選んでください。', en: 'Question 1: choose an answer.' },
        'answers.1': { ja: '問2：答えを選んでください。', en: 'Question 2: choose an answer.' },
      },
    });
    // A multiple-choice question whose every choice was unticked again is unanswered too.
    expect(checkInput(quizSubmissionSchema(questions), answers([1], []))).toMatchObject({ ok: false, problems: { 'answers.1': { en: 'Question 2: choose an answer.' } } });
  });

  it('takes a complete attempt, sorted, as the API does', () => {
    expect(checkInput(quizSubmissionSchema(questions), answers([1], [3, 0]))).toEqual({ ok: true, value: answers([1], [0, 3]) });
    expect(checkInput(quizAnswersSchema(questions), answers([1], [3, 0]))).toEqual({ ok: true, value: answers([1], [0, 3]) });
  });
});
