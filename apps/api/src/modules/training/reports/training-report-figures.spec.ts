import { parse } from 'csv-parse/sync';
import { OrganizationCourseGroup, percent, QuizGroup, summarize, trainingReportCsv, xapiStatements } from './training-report-figures';

const group = (organization: string, course: string, figures: Partial<OrganizationCourseGroup> = {}): OrganizationCourseGroup => ({
  organization_id: `org-${organization}`,
  organization_name: organization,
  course_id: `course-${course}`,
  course_title: course,
  enrolments: 0,
  completions: 0,
  completed_enrolments: 0,
  overdue: 0,
  ...figures,
});
const quiz = (organization: string, course: string, module: string, attempts: number, passed: number): QuizGroup => ({
  organization_id: `org-${organization}`,
  course_id: `course-${course}`,
  course_title: course,
  module_id: `module-${module}`,
  module_title: module,
  module_position: 0,
  attempts,
  passed_attempts: passed,
});

describe('percent', () => {
  it('rounds to a whole percent and has no value for an empty whole', () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(2, 3)).toBe(67);
    expect(percent(0, 4)).toBe(0);
    expect(percent(0, 0)).toBeNull();
  });
});

describe('summarize', () => {
  it('adds the organisation × course groups up per organisation, per course and in total', () => {
    const groups = [
      group('A', 'X', { enrolments: 2, completions: 1, completed_enrolments: 1, overdue: 1 }),
      group('A', 'Y', { enrolments: 1 }),
      group('B', 'X', { enrolments: 1, completions: 2, completed_enrolments: 1 }),
    ];
    const figures = summarize(groups, [quiz('A', 'X', 'm1', 3, 1), quiz('B', 'X', 'm1', 1, 1), quiz('A', 'Y', 'm2', 2, 0)]);
    expect(figures.totals).toEqual({ enrolments: 4, completions: 3, overdue: 1, completionRatePercent: 50 });
    expect(figures.byOrganization.map((row) => [row.organizationName, row.enrolments, row.completions, row.overdue])).toEqual([
      ['A', 3, 1, 1],
      ['B', 1, 2, 0],
    ]);
    expect(figures.byCourse.map((row) => [row.courseTitle, row.enrolments, row.quizPassRatePercent])).toEqual([
      ['X', 3, 50],
      ['Y', 1, 0],
    ]);
    expect(figures.quizzes.map((row) => [row.moduleTitle, row.attempts, row.passedAttempts, row.passRatePercent])).toEqual([
      ['m1', 4, 2, 50],
      ['m2', 2, 0, 0],
    ]);
  });

  it('gives each row exactly the fields of its GraphQL type, no grouping column of another level', () => {
    const figures = summarize([group('A', 'X', { enrolments: 1 })], [quiz('A', 'X', 'm1', 1, 1)]);
    expect(figures.byOrganization).toEqual([{ organizationId: 'org-A', organizationName: 'A', enrolments: 1, completions: 0, overdue: 0 }]);
    expect(figures.byCourse).toEqual([{ courseId: 'course-X', courseTitle: 'X', enrolments: 1, completions: 0, overdue: 0, quizPassRatePercent: 100 }]);
    expect(figures.quizzes).toEqual([{ moduleId: 'module-m1', courseTitle: 'X', moduleTitle: 'm1', attempts: 1, passedAttempts: 1, passRatePercent: 100 }]);
  });

  it('has zeros and no rate for an empty report', () => {
    expect(summarize([], [])).toEqual({
      totals: { enrolments: 0, completions: 0, overdue: 0, completionRatePercent: null },
      byOrganization: [],
      byCourse: [],
      quizzes: [],
    });
  });
});

describe('trainingReportCsv', () => {
  it('starts with a BOM, uses CRLF and defuses cells a spreadsheet would run', () => {
    const csv = trainingReportCsv([group('+団体', '@研修', { enrolments: 1 })], [], 'ja');
    expect(csv.startsWith('\uFEFF団体,研修,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const [, row] = parse(csv.slice(1)) as string[][];
    expect(row.slice(0, 3)).toEqual(["'+団体", "'@研修", '1']);
  });
});

describe('xapiStatements', () => {
  it('orders the statements by time and names the learner by account, never by mail address', () => {
    const statements = xapiStatements(
      [
        {
          id: 'e1',
          membership_id: 'm-1',
          member_name: '山田',
          course_id: 'c1',
          course_title: '入門',
          created_at: new Date('2026-01-02T00:00:00Z'),
          completed_at: new Date('2026-01-05T00:00:00Z'),
          enrolled_in_window: false,
          completed_in_window: true,
        },
      ],
      [
        {
          id: 'a1',
          membership_id: 'm-1',
          member_name: '山田',
          course_id: 'c1',
          course_title: '入門',
          module_id: 'mod1',
          module_title: '確認テスト',
          score_percent: 45,
          passed: false,
          created_at: new Date('2026-01-03T00:00:00Z'),
        },
      ],
      'https://tsunagu.example.jp',
    );
    expect(statements.map((statement) => statement.verb.display['en-US'])).toEqual(['failed', 'completed']);
    expect(statements[0]).toMatchObject({
      actor: { objectType: 'Agent', name: '山田', account: { homePage: 'https://tsunagu.example.jp', name: 'm-1' } },
      object: { id: 'https://tsunagu.example.jp/training/courses/c1/modules/mod1' },
      result: { score: { scaled: 0.45, raw: 45, min: 0, max: 100 }, success: false },
    });
    expect(JSON.stringify(statements)).not.toContain('mbox');
  });
});
