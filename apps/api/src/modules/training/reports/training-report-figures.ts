// What the training reports make of the aggregate rows: totals and rows per organisation, course
// and quiz; the CSV (one row per organisation × course); and the xAPI statements. Pure
// functions, so the arithmetic and the shapes are tested without a database.
import type { Language } from '@tsunagu/domain';
import { spreadsheetCsv } from '../../../core/csv/spreadsheet-csv';
import { camelized } from '../../../core/database/rows';
import type { TrainingCourseRow, TrainingOrganizationRow, TrainingQuizRow, TrainingTotals } from './training-report.model';

/** One organisation × course of the report (from the groups statement). */
export interface OrganizationCourseGroup {
  readonly organization_id: string;
  readonly organization_name: string;
  readonly course_id: string;
  readonly course_title: string;
  readonly enrolments: number;
  readonly completions: number;
  /** Of the window's enrolments, those completed (at any time): the completion rate's numerator. */
  readonly completed_enrolments: number;
  readonly overdue: number;
}

/** Quiz attempts of one organisation's learners at one module. */
export interface QuizGroup {
  readonly organization_id: string;
  readonly course_id: string;
  readonly course_title: string;
  readonly module_id: string;
  readonly module_title: string;
  readonly module_position: number;
  readonly attempts: number;
  readonly passed_attempts: number;
}

/** A share as a whole percent (rounded), or null when there is nothing to share. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((100 * part) / whole) : null;
}

function sumBy<T, K>(items: readonly T[], keyOf: (item: T) => K, add: (total: T | undefined, item: T) => T): T[] {
  const totals = new Map<K, T>();
  for (const item of items) totals.set(keyOf(item), add(totals.get(keyOf(item)), item));
  return [...totals.values()];
}

function addGroups(total: OrganizationCourseGroup | undefined, group: OrganizationCourseGroup): OrganizationCourseGroup {
  if (!total) return group;
  return {
    ...total,
    enrolments: total.enrolments + group.enrolments,
    completions: total.completions + group.completions,
    completed_enrolments: total.completed_enrolments + group.completed_enrolments,
    overdue: total.overdue + group.overdue,
  };
}

function addQuizzes(total: QuizGroup | undefined, group: QuizGroup): QuizGroup {
  if (!total) return group;
  return { ...total, attempts: total.attempts + group.attempts, passed_attempts: total.passed_attempts + group.passed_attempts };
}

export interface ReportFigures {
  readonly totals: TrainingTotals;
  readonly byOrganization: TrainingOrganizationRow[];
  readonly byCourse: TrainingCourseRow[];
  readonly quizzes: TrainingQuizRow[];
}

export function summarize(groups: readonly OrganizationCourseGroup[], quizGroups: readonly QuizGroup[]): ReportFigures {
  const [all] = sumBy(groups, () => 'all', addGroups);
  const byOrganization = sumBy(groups, (group) => group.organization_id, addGroups);
  const byCourse = sumBy(groups, (group) => group.course_id, addGroups);
  const quizzesByCourse = sumBy(quizGroups, (group) => group.course_id, addQuizzes);
  const quizzesByModule = sumBy(quizGroups, (group) => group.module_id, addQuizzes);
  return {
    totals: {
      enrolments: all?.enrolments ?? 0,
      completions: all?.completions ?? 0,
      overdue: all?.overdue ?? 0,
      completionRatePercent: all ? percent(all.completed_enrolments, all.enrolments) : null,
    },
    byOrganization: byOrganization.map((row) => camelized(row, ['course_id', 'course_title', 'completed_enrolments'])),
    byCourse: byCourse
      .map((row) => {
        const quiz = quizzesByCourse.find((candidate) => candidate.course_id === row.course_id);
        return {
          ...camelized(row, ['organization_id', 'organization_name', 'completed_enrolments']),
          quizPassRatePercent: quiz ? percent(quiz.passed_attempts, quiz.attempts) : null,
        };
      })
      .sort((x, y) => x.courseTitle.localeCompare(y.courseTitle, 'ja') || x.courseId.localeCompare(y.courseId)),
    quizzes: quizzesByModule.map((row) => ({
      ...camelized(row, ['organization_id', 'course_id', 'module_position']),
      passRatePercent: percent(row.passed_attempts, row.attempts),
    })),
  };
}


const CSV_HEADERS: Record<Language, readonly string[]> = {
  ja: ['団体', '研修', '受講登録数', '修了数', '修了率（%）', '期限超過', 'クイズ受験数', 'クイズ合格数', 'クイズ合格率（%）', '団体ID', '研修ID'],
  en: ['Organisation', 'Course', 'Enrolments', 'Completions', 'Completion rate (%)', 'Overdue', 'Quiz attempts', 'Quiz passes', 'Quiz pass rate (%)', 'Organisation ID', 'Course ID'],
};

/**
 * One row per organisation × course, for Excel in Japan: UTF-8 with a BOM, CRLF, and cells that
 * would run as a formula defused (an organisation or course name may start with = or +).
 */
export function trainingReportCsv(groups: readonly OrganizationCourseGroup[], quizGroups: readonly QuizGroup[], language: Language): string {
  const records = groups.map((group) => {
    const quiz = quizGroups
      .filter((candidate) => candidate.organization_id === group.organization_id && candidate.course_id === group.course_id)
      .reduce((total, candidate) => ({ attempts: total.attempts + candidate.attempts, passed: total.passed + candidate.passed_attempts }), { attempts: 0, passed: 0 });
    const cell = (value: number | null) => (value === null ? '' : String(value));
    return [
      group.organization_name,
      group.course_title,
      String(group.enrolments),
      String(group.completions),
      cell(percent(group.completed_enrolments, group.enrolments)),
      String(group.overdue),
      String(quiz.attempts),
      String(quiz.passed),
      cell(percent(quiz.passed, quiz.attempts)),
      group.organization_id,
      group.course_id,
    ];
  });
  return spreadsheetCsv(CSV_HEADERS[language], records);
}

// --- xAPI 1.0.3 ------------------------------------------------------------------------------
//
// The learner is identified by an account (homePage: this Tsunagu, name: the membership id) and
// named by their display name — never by mbox: the learners are support staff, and an export
// handed to a Learning Record Store should not carry their mail addresses (which would also
// identify them outside Tsunagu); the membership id is stable and means nothing elsewhere.

export const XAPI_VERBS = {
  registered: { id: 'http://adlnet.gov/expapi/verbs/registered', display: { 'en-US': 'registered', ja: '受講登録した' } },
  passed: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'en-US': 'passed', ja: '合格した' } },
  failed: { id: 'http://adlnet.gov/expapi/verbs/failed', display: { 'en-US': 'failed', ja: '不合格だった' } },
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed', ja: '修了した' } },
} as const;

const COURSE_TYPE = 'http://adlnet.gov/expapi/activities/course';
const ASSESSMENT_TYPE = 'http://adlnet.gov/expapi/activities/assessment';

export interface EnrolmentStatementRow {
  readonly id: string;
  readonly membership_id: string;
  readonly member_name: string;
  readonly course_id: string;
  readonly course_title: string;
  readonly created_at: Date;
  readonly completed_at: Date | null;
  readonly enrolled_in_window: boolean;
  readonly completed_in_window: boolean;
}

export interface AttemptStatementRow {
  readonly id: string;
  readonly membership_id: string;
  readonly member_name: string;
  readonly course_id: string;
  readonly course_title: string;
  readonly module_id: string;
  readonly module_title: string;
  readonly score_percent: number;
  readonly passed: boolean;
  readonly created_at: Date;
}

export interface XapiStatement {
  readonly version: '1.0.3';
  readonly actor: { objectType: 'Agent'; name: string; account: { homePage: string; name: string } };
  readonly verb: { id: string; display: Record<string, string> };
  readonly object: { objectType: 'Activity'; id: string; definition: { name: { ja: string }; type: string } };
  readonly result?: Record<string, unknown>;
  readonly context?: Record<string, unknown>;
  readonly timestamp: string;
}

export function xapiStatements(enrolments: readonly EnrolmentStatementRow[], attempts: readonly AttemptStatementRow[], appBaseUrl: string): XapiStatement[] {
  const agent = (row: { member_name: string; membership_id: string }) => ({
    objectType: 'Agent' as const,
    name: row.member_name,
    account: { homePage: appBaseUrl, name: row.membership_id },
  });
  const course = (row: { course_id: string; course_title: string }) => ({
    objectType: 'Activity' as const,
    id: `${appBaseUrl}/training/courses/${row.course_id}`,
    definition: { name: { ja: row.course_title }, type: COURSE_TYPE },
  });
  const statements: XapiStatement[] = [];
  for (const row of enrolments) {
    if (row.enrolled_in_window) {
      statements.push({ version: '1.0.3', actor: agent(row), verb: XAPI_VERBS.registered, object: course(row), timestamp: row.created_at.toISOString() });
    }
    if (row.completed_in_window && row.completed_at) {
      statements.push({
        version: '1.0.3',
        actor: agent(row),
        verb: XAPI_VERBS.completed,
        object: course(row),
        result: { completion: true },
        timestamp: row.completed_at.toISOString(),
      });
    }
  }
  for (const row of attempts) {
    statements.push({
      version: '1.0.3',
      actor: agent(row),
      verb: row.passed ? XAPI_VERBS.passed : XAPI_VERBS.failed,
      object: {
        objectType: 'Activity',
        id: `${appBaseUrl}/training/courses/${row.course_id}/modules/${row.module_id}`,
        definition: { name: { ja: row.module_title }, type: ASSESSMENT_TYPE },
      },
      result: { score: { scaled: row.score_percent / 100, raw: row.score_percent, min: 0, max: 100 }, success: row.passed },
      context: { contextActivities: { parent: [course(row)] } },
      timestamp: row.created_at.toISOString(),
    });
  }
  return statements.sort((x, y) => x.timestamp.localeCompare(y.timestamp));
}
