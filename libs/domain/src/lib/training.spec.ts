// The pure training rules: who is in a course's audience and who sees it, how a quiz is scored
// (exact sets, inclusive pass mark, rounding down), when a module and a course are complete, and
// the certificate code as printed and as a person types it back.
import {
  certificateCode,
  CourseReach,
  isCourseComplete,
  isInAudience,
  isModuleComplete,
  Learner,
  maySeeCourse,
  ModuleProgressInput,
  moduleRemaining,
  modulesLeft,
  normalizeCertificateCode,
  QuizQuestionKey,
  scoreQuiz,
} from './training';

const NETWORK = '11111111-1111-4111-8111-111111111111';
const OTHER_NETWORK = '22222222-2222-4222-8222-222222222222';
const TRAINING_ORG = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const NPO = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

function course(overrides: Partial<CourseReach> = {}): CourseReach {
  return {
    tenantId: NETWORK,
    organizationId: TRAINING_ORG,
    status: 'PUBLISHED',
    visibility: 'NETWORK',
    audienceAll: false,
    audienceRoles: [],
    audienceOrganizationIds: [],
    ...overrides,
  };
}

function learner(overrides: Partial<Learner> = {}): Learner {
  return { tenantId: NETWORK, organizationId: NPO, roles: ['STAFF'], ...overrides };
}

describe('isInAudience', () => {
  it('takes in the whole network when audienceAll', () => {
    expect(isInAudience(course({ audienceAll: true }), learner())).toBe(true);
  });

  it('takes in a member holding any of the roles, and no one else', () => {
    const forCoordinators = course({ audienceRoles: ['COORDINATOR', 'ORG_ADMIN'] });
    expect(isInAudience(forCoordinators, learner({ roles: ['STAFF', 'COORDINATOR'] }))).toBe(true);
    expect(isInAudience(forCoordinators, learner({ roles: ['STAFF'] }))).toBe(false);
  });

  it('takes in the members of the listed organisations', () => {
    const forNpo = course({ audienceOrganizationIds: [NPO] });
    expect(isInAudience(forNpo, learner())).toBe(true);
    expect(isInAudience(forNpo, learner({ organizationId: TRAINING_ORG }))).toBe(false);
  });

  it('takes in nobody when no audience is set', () => {
    expect(isInAudience(course(), learner({ roles: ['ORG_ADMIN', 'TRAINER'] }))).toBe(false);
  });

  it('takes in another network only through a public course, then everyone there', () => {
    const stranger = learner({ tenantId: OTHER_NETWORK, organizationId: NPO, roles: ['STAFF'] });
    expect(isInAudience(course({ audienceAll: true }), stranger)).toBe(false);
    expect(isInAudience(course({ audienceOrganizationIds: [NPO] }), stranger)).toBe(false);
    expect(isInAudience(course({ visibility: 'PUBLIC' }), stranger)).toBe(true);
  });

  it('takes in everyone of its own network too when the course is public', () => {
    expect(isInAudience(course({ visibility: 'PUBLIC' }), learner({ roles: ['STAFF'] }))).toBe(true);
  });
});

describe('maySeeCourse', () => {
  const trainer = learner({ organizationId: TRAINING_ORG, roles: ['TRAINER'] });

  it("lets the owning organisation's trainers see every status", () => {
    for (const status of ['DRAFT', 'PUBLISHED', 'ARCHIVED'] as const) {
      expect(maySeeCourse(course({ status }), trainer)).toBe(true);
    }
  });

  it("does not let another organisation's trainer or a non-trainer of the owner see a draft", () => {
    expect(maySeeCourse(course({ status: 'DRAFT', audienceAll: true }), learner({ roles: ['TRAINER'] }))).toBe(false);
    expect(maySeeCourse(course({ status: 'DRAFT', audienceAll: true }), learner({ organizationId: TRAINING_ORG, roles: ['ORG_ADMIN'] }))).toBe(false);
  });

  it('lets the audience see a published course only', () => {
    expect(maySeeCourse(course({ audienceAll: true }), learner())).toBe(true);
    expect(maySeeCourse(course({ audienceAll: true, status: 'ARCHIVED' }), learner())).toBe(false);
    expect(maySeeCourse(course({ audienceRoles: ['COORDINATOR'] }), learner())).toBe(false);
  });

  it("lets another network see a public published course, never its drafts, even as a trainer with the same organisation id", () => {
    const sameIdElsewhere = learner({ tenantId: OTHER_NETWORK, organizationId: TRAINING_ORG, roles: ['TRAINER'] });
    expect(maySeeCourse(course({ visibility: 'PUBLIC' }), sameIdElsewhere)).toBe(true);
    expect(maySeeCourse(course({ visibility: 'PUBLIC', status: 'DRAFT' }), sameIdElsewhere)).toBe(false);
    expect(maySeeCourse(course({ visibility: 'NETWORK', audienceAll: true }), sameIdElsewhere)).toBe(false);
  });
});

describe('scoreQuiz', () => {
  const questions: QuizQuestionKey[] = [
    { id: 'q1', kind: 'SINGLE_CHOICE', correctChoices: [2] },
    { id: 'q2', kind: 'MULTIPLE_CHOICE', correctChoices: [0, 3] },
    { id: 'q3', kind: 'SINGLE_CHOICE', correctChoices: [0] },
  ];
  const answers = (entries: Array<[string, number[]]>) => new Map(entries);

  it('counts a multiple-choice question only when the chosen set equals the correct set, in any order', () => {
    const score = (chosen: number[]) => scoreQuiz([questions[1]], answers([['q2', chosen]]), 100).correctCount;
    expect(score([3, 0])).toBe(1);
    expect(score([0])).toBe(0);
    expect(score([0, 3, 1])).toBe(0);
    expect(score([0, 1, 2, 3])).toBe(0);
    expect(score([])).toBe(0);
  });

  it('counts a single-choice question by its one choice', () => {
    expect(scoreQuiz([questions[0]], answers([['q1', [2]]]), 100).correctCount).toBe(1);
    expect(scoreQuiz([questions[0]], answers([['q1', [1]]]), 100).correctCount).toBe(0);
  });

  it('counts an unanswered question as wrong and ignores answers to other questions', () => {
    expect(scoreQuiz(questions, answers([['q1', [2]], ['elsewhere', [0]]]), 1)).toEqual({
      correctCount: 1,
      questionCount: 3,
      scorePercent: 33,
      passed: true,
    });
  });

  it('rounds the percentage down so rounding never meets a pass mark', () => {
    // 2 of 3 is 66.67 %: 66, which does not pass a 67 % mark.
    const twoOfThree = answers([['q1', [2]], ['q2', [0, 3]], ['q3', [1]]]);
    expect(scoreQuiz(questions, twoOfThree, 67)).toEqual({ correctCount: 2, questionCount: 3, scorePercent: 66, passed: false });
    expect(scoreQuiz(questions, twoOfThree, 66).passed).toBe(true);
  });

  it('passes exactly at the pass mark and not one point below', () => {
    const five = Array.from({ length: 5 }, (_, index): QuizQuestionKey => ({ id: `p${index}`, kind: 'SINGLE_CHOICE', correctChoices: [0] }));
    const fourRight = answers(five.map((question, index): [string, number[]] => [question.id, [index === 4 ? 1 : 0]]));
    expect(scoreQuiz(five, fourRight, 80)).toMatchObject({ scorePercent: 80, passed: true });
    expect(scoreQuiz(five, fourRight, 81)).toMatchObject({ scorePercent: 80, passed: false });
    expect(scoreQuiz(five, answers([]), 1)).toMatchObject({ scorePercent: 0, passed: false });
  });

  it('scores all correct as 100 %', () => {
    expect(scoreQuiz(questions, answers([['q1', [2]], ['q2', [0, 3]], ['q3', [0]]]), 100)).toEqual({
      correctCount: 3,
      questionCount: 3,
      scorePercent: 100,
      passed: true,
    });
  });
});

describe('isModuleComplete and isCourseComplete', () => {
  const reading = (required: boolean, materialIds: string[], quiz: { passed: boolean } | null = null): ModuleProgressInput => ({
    required,
    materialIds,
    quiz,
  });

  it('needs every material of a module done', () => {
    const module = reading(true, ['m1', 'm2']);
    expect(isModuleComplete(module, new Set(['m1']))).toBe(false);
    expect(isModuleComplete(module, new Set(['m1', 'm2', 'elsewhere']))).toBe(true);
  });

  it("needs a module's quiz passed as well as its materials", () => {
    expect(isModuleComplete(reading(true, ['m1'], { passed: false }), new Set(['m1']))).toBe(false);
    expect(isModuleComplete(reading(true, ['m1'], { passed: true }), new Set())).toBe(false);
    expect(isModuleComplete(reading(true, ['m1'], { passed: true }), new Set(['m1']))).toBe(true);
    expect(isModuleComplete(reading(true, [], { passed: true }), new Set())).toBe(true);
  });

  it('completes a course when its required modules are complete, whatever the optional ones', () => {
    const modules = [reading(true, ['r1']), reading(false, ['o1']), reading(true, ['r2'], { passed: true })];
    expect(isCourseComplete(modules, new Set(['r1']))).toBe(false);
    expect(isCourseComplete(modules, new Set(['r1', 'r2']))).toBe(true);
    expect(isCourseComplete([reading(true, ['r1'], { passed: false }), reading(false, [])], new Set(['r1']))).toBe(false);
  });

  it('says what is left in a module: the unmarked materials in order and the quiz until it is passed', () => {
    expect(moduleRemaining(reading(true, ['m1', 'm2', 'm3'], { passed: false }), new Set(['m2']))).toEqual({ materialIds: ['m1', 'm3'], quiz: true });
    expect(moduleRemaining(reading(true, ['m1'], { passed: true }), new Set())).toEqual({ materialIds: ['m1'], quiz: false });
    expect(moduleRemaining(reading(true, ['m1']), new Set(['m1']))).toEqual({ materialIds: [], quiz: false });
  });

  it('lists the counted modules left: required ones only, or all when none is required', () => {
    const mixed = [reading(true, ['r1']), reading(false, ['o1']), reading(true, [], { passed: false })];
    expect(modulesLeft(mixed, new Set())).toEqual([0, 2]);
    expect(modulesLeft(mixed, new Set(['r1']))).toEqual([2]);
    expect(modulesLeft([reading(false, ['o1']), reading(false, ['o2'])], new Set(['o2']))).toEqual([0]);
    expect(modulesLeft([], new Set())).toEqual([]);
  });

  it('needs every module when none is required, and never completes a course without modules', () => {
    const optional = [reading(false, ['o1']), reading(false, ['o2'])];
    expect(isCourseComplete(optional, new Set(['o1']))).toBe(false);
    expect(isCourseComplete(optional, new Set(['o1', 'o2']))).toBe(true);
    expect(isCourseComplete([], new Set())).toBe(false);
  });
});

describe('certificateCode and normalizeCertificateCode', () => {
  const PRINTED = /^TSG(-[0-9A-HJKMNP-TV-Z]{4}){4}$/;

  it('turns 10 bytes into the printed form, 5 bits a character', () => {
    expect(certificateCode(new Uint8Array(10))).toBe('TSG-0000-0000-0000-0000');
    expect(certificateCode(new Uint8Array(10).fill(255))).toBe('TSG-ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    // 0x08 0x42 … : the bit string 00001 00001 00001 … reads as sixteen 1s.
    expect(certificateCode(Uint8Array.from([0x08, 0x42, 0x10, 0x84, 0x21, 0x08, 0x42, 0x10, 0x84, 0x21]))).toBe('TSG-1111-1111-1111-1111');
  });

  it('uses only the letters a person cannot misread, and refuses fewer than 10 bytes', () => {
    for (let seed = 0; seed < 200; seed += 1) {
      const bytes = Uint8Array.from({ length: 10 }, (_, index) => (seed * 37 + index * 101) % 256);
      expect(certificateCode(bytes)).toMatch(PRINTED);
    }
    expect(() => certificateCode(new Uint8Array(9))).toThrow();
  });

  it('reads back what a person types: lower case, spaces, no hyphens, full-width, O for 0 and I or L for 1', () => {
    const code = 'TSG-AB01-CD23-EF45-GH67';
    expect(normalizeCertificateCode(code)).toBe(code);
    expect(normalizeCertificateCode(' tsg ab01 cd23 ef45 gh67 ')).toBe(code);
    expect(normalizeCertificateCode('AB01CD23EF45GH67')).toBe(code);
    expect(normalizeCertificateCode('ＴＳＧ－ＡＢ０１－ＣＤ２３－ＥＦ４５－ＧＨ６７')).toBe(code);
    expect(normalizeCertificateCode('tsg-abOl-cd23-ef45-gh67')).toBe('TSG-AB01-CD23-EF45-GH67');
    expect(normalizeCertificateCode('TSG-ABOI-CD23-EF45-GH67')).toBe('TSG-AB01-CD23-EF45-GH67');
  });

  it('keeps a code whose own characters begin with TSG when typed without the prefix', () => {
    expect(normalizeCertificateCode('TSG1-2345-6789-ABCD')).toBe('TSG-TSG1-2345-6789-ABCD');
    expect(normalizeCertificateCode('TSG-TSG1-2345-6789-ABCD')).toBe('TSG-TSG1-2345-6789-ABCD');
  });

  it('answers null for anything that is not a code', () => {
    for (const typed of ['', 'TSG', 'TSG-AB01-CD23-EF45', 'TSG-AB01-CD23-EF45-GH678', 'TSG-AB01-CD23-EF45-GH6U', "' OR 1=1 --", 'TSG-AB01-CD23-EF45-GH6!']) {
      expect(normalizeCertificateCode(typed)).toBeNull();
    }
  });

  it('round-trips every generated code', () => {
    for (let seed = 0; seed < 50; seed += 1) {
      const code = certificateCode(Uint8Array.from({ length: 10 }, (_, index) => (seed * 53 + index * 29) % 256));
      expect(normalizeCertificateCode(code)).toBe(code);
      expect(normalizeCertificateCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
    }
  });
});
