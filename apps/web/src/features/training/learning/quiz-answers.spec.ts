import { answersInput, chooseAnswer, unansweredQuestions, type QuizAnswers } from './quiz-answers';

const single = { id: 'q1', kind: 'SINGLE_CHOICE' as const };
const multiple = { id: 'q2', kind: 'MULTIPLE_CHOICE' as const };

describe('chooseAnswer', () => {
  it('keeps one choice for a single-choice question: a new pick replaces the old one', () => {
    const first = chooseAnswer({}, single, 2);
    expect(first).toEqual({ q1: [2] });
    expect(chooseAnswer(first, single, 0)).toEqual({ q1: [0] });
  });

  it('toggles choices of a multiple-choice question and keeps them in order, without duplicates', () => {
    let answers: QuizAnswers = {};
    answers = chooseAnswer(answers, multiple, 3);
    answers = chooseAnswer(answers, multiple, 1);
    answers = chooseAnswer(answers, multiple, 3);
    expect(answers).toEqual({ q2: [1, 3] });
    expect(chooseAnswer(answers, multiple, 3, false)).toEqual({ q2: [1] });
  });

  it('leaves the other questions and the given answers untouched', () => {
    const before: QuizAnswers = { q1: [0] };
    const after = chooseAnswer(before, multiple, 2);
    expect(after).toEqual({ q1: [0], q2: [2] });
    expect(before).toEqual({ q1: [0] });
  });
});

describe('unansweredQuestions', () => {
  it('lists questions without a choice, including a multiple-choice one whose choices were all unticked', () => {
    const answers = chooseAnswer(chooseAnswer({}, multiple, 1), multiple, 1, false);
    expect(unansweredQuestions([single, multiple], answers).map((question) => question.id)).toEqual(['q1', 'q2']);
    expect(unansweredQuestions([single, multiple], { ...answers, q1: [0], q2: [4] })).toEqual([]);
  });
});

describe('answersInput', () => {
  it('has one entry per question in the quiz order, an unanswered one with no choices', () => {
    expect(answersInput([multiple, single], { q1: [1] })).toEqual([
      { questionId: 'q2', choices: [] },
      { questionId: 'q1', choices: [1] },
    ]);
  });
});
