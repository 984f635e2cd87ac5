import { AppError } from '../../../core/graphql/app-error';
import { courseSearchDocument, validateCourseFields, validateMaterialFields, validateModuleFields, validateQuizFields } from './course-fields';

function problemOf(run: () => unknown): { reason: unknown; fields: string[] } {
  try {
    run();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { reason: error.extensions['reason'], fields: Object.keys((error.extensions['fields'] ?? {}) as object).sort() };
  }
  throw new Error('expected a BAD_USER_INPUT');
}

const question = (overrides: Record<string, unknown> = {}) => ({
  prompt: '個人情報とは？',
  kind: 'SINGLE_CHOICE' as const,
  choices: ['A', 'B'],
  correctChoices: [0],
  ...overrides,
});

describe('course fields', () => {
  it('trims, defaults and de-duplicates a valid course', () => {
    expect(
      validateCourseFields({
        title: '  相談対応の基礎 ',
        summary: null,
        audienceAll: false,
        audienceRoles: ['STAFF', 'STAFF'],
        audienceOrganizationIds: ['a', 'a'],
        visibility: 'NETWORK',
      }),
    ).toEqual({
      title: '相談対応の基礎',
      summary: '',
      estimatedMinutes: null,
      coverFileId: null,
      audienceAll: false,
      audienceRoles: ['STAFF'],
      audienceOrganizationIds: ['a'],
      visibility: 'NETWORK',
    });
  });

  it('names every faulty course field at once', () => {
    expect(
      problemOf(() =>
        validateCourseFields({ title: ' ', summary: 'x'.repeat(2001), estimatedMinutes: 1.5, audienceAll: true, visibility: 'PUBLIC', audienceOrganizationIds: Array.from({ length: 501 }, (_, i) => String(i)) }),
      ),
    ).toEqual({ reason: 'INVALID_COURSE', fields: ['audienceOrganizationIds', 'estimatedMinutes', 'summary', 'title'] });
  });

  it('defaults a module to required', () => {
    expect(validateModuleFields({ title: '第1章' })).toEqual({ title: '第1章', description: '', required: true });
    expect(problemOf(() => validateModuleFields({ title: 'x'.repeat(201), description: 'x'.repeat(4001) }))).toEqual({ reason: 'INVALID_MODULE', fields: ['description', 'title'] });
  });

  it('takes a material from exactly one of a file and an http(s) link', () => {
    expect(validateMaterialFields({ title: '資料', url: ' https://example.jp/a ' })).toEqual({ title: '資料', source: { kind: 'LINK', url: 'https://example.jp/a' } });
    expect(validateMaterialFields({ title: '資料', fileId: 'f', url: '' })).toEqual({ title: '資料', source: { kind: 'FILE', fileId: 'f' } });
    expect(problemOf(() => validateMaterialFields({ title: '資料', fileId: 'f', url: 'https://example.jp' })).reason).toBe('MATERIAL_NEEDS_FILE_OR_URL');
    expect(problemOf(() => validateMaterialFields({ title: '資料' })).reason).toBe('MATERIAL_NEEDS_FILE_OR_URL');
    expect(problemOf(() => validateMaterialFields({ title: '資料', url: 'data:text/html,x' })).reason).toBe('INVALID_URL');
    expect(problemOf(() => validateMaterialFields({ title: '資料', url: `https://example.jp/${'a'.repeat(1000)}` })).reason).toBe('INVALID_URL');
  });
});

describe('quiz fields', () => {
  it('sorts the correct choices and trims the text', () => {
    const quiz = validateQuizFields({
      passMarkPercent: 100,
      maxAttempts: null,
      questions: [question({ prompt: ' 問 ', kind: 'MULTIPLE_CHOICE', choices: [' A ', 'B', 'C'], correctChoices: [2, 0] })],
    });
    expect(quiz).toEqual({ passMarkPercent: 100, maxAttempts: null, questions: [{ prompt: '問', kind: 'MULTIPLE_CHOICE', choices: ['A', 'B', 'C'], correctChoices: [0, 2] }] });
  });

  it.each([
    ['a pass mark of 0', { passMarkPercent: 0 }, 'passMarkPercent'],
    ['a pass mark of 101', { passMarkPercent: 101 }, 'passMarkPercent'],
    ['0 attempts', { maxAttempts: 0 }, 'maxAttempts'],
    ['101 attempts', { maxAttempts: 101 }, 'maxAttempts'],
    ['no questions', { questions: [] }, 'questions'],
    ['51 questions', { questions: Array.from({ length: 51 }, () => question()) }, 'questions'],
    ['two answers to a single-choice question', { questions: [question({ correctChoices: [0, 1] })] }, 'questions.0.correctChoices'],
    ['an answer beyond the choices', { questions: [question({ correctChoices: [2] })] }, 'questions.0.correctChoices'],
    ['a negative answer', { questions: [question({ correctChoices: [-1] })] }, 'questions.0.correctChoices'],
    ['the same answer twice', { questions: [question({ kind: 'MULTIPLE_CHOICE', correctChoices: [1, 1] })] }, 'questions.0.correctChoices'],
    ['no answer', { questions: [question({ kind: 'MULTIPLE_CHOICE', correctChoices: [] })] }, 'questions.0.correctChoices'],
    ['11 choices', { questions: [question({ choices: Array.from({ length: 11 }, (_, i) => String(i)) })] }, 'questions.0.choices'],
    ['a blank choice', { questions: [question({ choices: ['A', ' '] })] }, 'questions.0.choices'],
    ['a choice of 301 characters', { questions: [question({ choices: ['A', 'あ'.repeat(301)] })] }, 'questions.0.choices'],
    ['a blank prompt', { questions: [question({ prompt: '' })] }, 'questions.0.prompt'],
  ])('refuses %s, naming the field', (_label, overrides, field) => {
    const problem = problemOf(() => validateQuizFields({ passMarkPercent: 50, maxAttempts: null, questions: [question()], ...overrides }));
    expect(problem).toEqual({ reason: 'INVALID_QUIZ', fields: [field] });
  });
});

describe('search document', () => {
  it('normalises the title, summary and module titles as a query is (NFKC, lower case, kana folded)', () => {
    expect(courseSearchDocument('個人情報の取扱い', 'ＡＢＣ　入門', ['けいちょう'])).toBe('個人情報ノ取扱イ | abc 入門 | ケイチョウ');
  });
});
