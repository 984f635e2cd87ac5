// Progress as an enrolment shows it (per module and the course percentage) and the checks an
// attempt's answers pass before scoring, on module trees written here.
import { AppError } from '../../../core/graphql/app-error';
import type { ModuleTree } from '../courses/course-reader';
import { AttemptSummary, attemptsLeft, courseComplete, progressOf } from './enrolment-presenter';
import { validAnswers } from './learning.service';

function tree(id: string, options: { required?: boolean; materials?: string[]; quiz?: { passMark: number; maxAttempts: number | null } } = {}): ModuleTree {
  return {
    id,
    courseId: 'course',
    position: 0,
    title: id,
    description: '',
    required: options.required ?? true,
    quizPassMarkPercent: options.quiz?.passMark ?? null,
    quizMaxAttempts: options.quiz?.maxAttempts ?? null,
    materials: (options.materials ?? []).map((materialId, position) => ({ id: materialId, position, title: materialId, format: 'LINK', file: null, url: 'https://example.jp' })),
    questions: options.quiz
      ? [
          { id: 'single', position: 0, prompt: '?', kind: 'SINGLE_CHOICE', choices: ['a', 'b', 'c'], correctChoices: [1] },
          { id: 'multiple', position: 1, prompt: '?', kind: 'MULTIPLE_CHOICE', choices: ['a', 'b', 'c', 'd'], correctChoices: [0, 3] },
        ]
      : [],
  };
}

describe('progressOf', () => {
  const modules = [
    tree('reading', { materials: ['m1', 'm2'] }),
    tree('quiz', { materials: ['m3'], quiz: { passMark: 80, maxAttempts: 3 } }),
    tree('extra', { required: false, materials: ['m4'] }),
  ];

  it('reports each module and counts only the required ones in the percentage', () => {
    const attempts = new Map<string, AttemptSummary>([['quiz', { used: 2, best: 50, passed: false }]]);
    const progress = progressOf(modules, new Set(['m1', 'm2', 'm4']), attempts);
    expect(progress.modules).toEqual([
      { moduleId: 'reading', complete: true, materialsLeft: [], quizLeft: false, quizPassed: null, attemptsUsed: 0, attemptsLeft: null, bestScorePercent: null },
      { moduleId: 'quiz', complete: false, materialsLeft: ['m3'], quizLeft: true, quizPassed: false, attemptsUsed: 2, attemptsLeft: 1, bestScorePercent: 50 },
      { moduleId: 'extra', complete: true, materialsLeft: [], quizLeft: false, quizPassed: null, attemptsUsed: 0, attemptsLeft: null, bestScorePercent: null },
    ]);
    expect(progress.progressPercent).toBe(50);
    expect(progress.modulesLeft).toEqual(['quiz']);
    expect(courseComplete(modules, new Set(['m1', 'm2', 'm4']), attempts)).toBe(false);
  });

  it('is complete at 100 % once the quiz is passed, the optional module aside', () => {
    const attempts = new Map<string, AttemptSummary>([['quiz', { used: 1, best: 100, passed: true }]]);
    expect(progressOf(modules, new Set(['m1', 'm2', 'm3']), attempts)).toMatchObject({ progressPercent: 100, modulesLeft: [] });
    expect(courseComplete(modules, new Set(['m1', 'm2', 'm3']), attempts)).toBe(true);
  });

  it('keeps a passed quiz from completing its module while a material is unmarked, and says so', () => {
    const attempts = new Map<string, AttemptSummary>([['quiz', { used: 1, best: 100, passed: true }]]);
    const progress = progressOf(modules, new Set(['m1', 'm2']), attempts);
    expect(progress.modules[1]).toMatchObject({ complete: false, materialsLeft: ['m3'], quizLeft: false, quizPassed: true });
    expect(progress).toMatchObject({ progressPercent: 50, modulesLeft: ['quiz'] });
  });

  it('counts every module when none is required, and shows 0 % for a course without modules', () => {
    const optional = [tree('a', { required: false, materials: ['x'] }), tree('b', { required: false, materials: ['y'] }), tree('c', { required: false, materials: ['z'] })];
    expect(progressOf(optional, new Set(['x']), new Map()).progressPercent).toBe(33);
    expect(progressOf([], new Set(), new Map()).progressPercent).toBe(0);
  });

  it('never shows fewer than no attempts left', () => {
    expect(attemptsLeft(2, 5)).toBe(0);
    expect(attemptsLeft(null, 5)).toBeNull();
  });
});

describe('validAnswers', () => {
  // The rules themselves are libs/domain's checkQuizAnswers (quiz-attempts.spec.ts); here, how the API answers.
  const module = tree('quiz', { quiz: { passMark: 100, maxAttempts: null } });

  it('gives the answers by question, sorted for storage', () => {
    expect(validAnswers(module, [{ questionId: 'multiple', choices: [3, 0] }, { questionId: 'single', choices: [2] }])).toEqual(
      new Map([
        ['multiple', [0, 3]],
        ['single', [2]],
      ]),
    );
  });

  it('refuses faulty answers as BAD_USER_INPUT with the reason and the message on `answers`', () => {
    const refusal = (() => {
      try {
        validAnswers(module, [{ questionId: 'single', choices: [0, 1] }]);
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(AppError);
    const message = { ja: '1つだけ選ぶ問題では、選択肢を1つ選んでください。', en: 'Choose exactly one option for a single-choice question.' };
    expect(refusal).toMatchObject({ code: 'BAD_USER_INPUT', extensions: { reason: 'SINGLE_CHOICE', fields: { answers: message } } });
  });
});
