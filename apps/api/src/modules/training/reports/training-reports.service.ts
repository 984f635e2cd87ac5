// Training reports (DESIGN.md capability 5): enrolments, completions, overdue assignments and
// quiz pass rates, per organisation and per course, for
//   - a TRAINER: the enrolments in their own organisation's courses (learners of their network);
//   - an ORG_ADMIN: the enrolments of their own organisation's members (any course, also a public
//     course of another network);
//   - someone who is both: either.
// Everyone else is FORBIDDEN. A filter naming an organisation or a course outside that scope is
// NOT_FOUND (as is any id of another network), so ids reveal nothing.
//
// The figures come from three aggregate statements over one CTE of the enrolments in scope
// (groups per organisation × course, quiz attempts per module, the overdue list), never a query
// per row. The window (from inclusive, to exclusive) bounds enrolments by created_at, completions
// by completed_at and quiz attempts by created_at; "overdue" is the state now (injected Clock) of
// the window's enrolments: a due date passed and not completed.
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { mayAuthorCourses, mayOverseeMembersTraining } from '@tsunagu/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestActor } from '../../../core/auth/actor';
import { assertCan, notFound } from '../../../core/authz/authorize';
import { Conditions } from '../../../core/database/conditions';
import { AppError } from '../../../core/graphql/app-error';
import { APP_CONFIG, AppConfig } from '../../../core/config/config';
import { runInTenant } from '../../../core/tenancy/tenant-transaction';
import { Clock } from '../../../core/time/clock';
import type { TrainingReport, TrainingReportInput } from './training-report.model';
import { AttemptStatementRow, EnrolmentStatementRow, OrganizationCourseGroup, QuizGroup, summarize, xapiStatements } from './training-report-figures';
import { usableId } from '../../../core/graphql/ids';

const ORGANIZATION = { ja: '団体', en: 'organisation' };
const COURSE = { ja: '研修', en: 'course' };

/** Most overdue assignments listed, and most rows of each kind turned into xAPI statements. */
export const MAX_OVERDUE_LISTED = 500;
export const MAX_XAPI_ROWS = 20_000;

/**
 * One statement's SQL pieces: the enrolments a report covers as a CTE named `scoped`, and the
 * window's conditions on it. Each adds its parameters when used, so a statement carries exactly
 * the parameters it references (PostgreSQL cannot type an unreferenced one): make a new one per
 * statement.
 */
interface ReportQuery {
  readonly where: Conditions;
  readonly cte: string;
  window(column: string): string;
  enrolledInWindow(): string;
  completedInWindow(): string;
  now(): string;
}

type NewQuery = () => ReportQuery;

@Injectable()
export class TrainingReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  report(actor: RequestActor, input: TrainingReportInput): Promise<TrainingReport> {
    return this.run(actor, input, async (manager, newQuery) => {
      const groups = await this.groups(manager, newQuery());
      const quizzes = await this.quizGroups(manager, newQuery());
      const query = newQuery();
      const overdue: Array<{ id: string; member_name: string; organization_name: string; course_title: string; due_at: Date }> = await manager.query(
        `${query.cte}
         SELECT s.id, u.display_name AS member_name, o.name AS organization_name, coalesce(c.title, '') AS course_title, s.due_at
           FROM scoped s
           JOIN memberships mb ON mb.tenant_id = s.tenant_id AND mb.id = s.membership_id
           JOIN users u ON u.id = mb.user_id
           JOIN organizations o ON o.tenant_id = s.tenant_id AND o.id = s.organization_id
           LEFT JOIN courses c ON c.tenant_id = s.course_tenant_id AND c.id = s.course_id
          WHERE ${query.enrolledInWindow()} AND s.completed_at IS NULL AND s.due_at < ${query.now()}
          ORDER BY s.due_at, s.id LIMIT ${MAX_OVERDUE_LISTED}`,
        query.where.params,
      );
      return {
        ...summarize(groups, quizzes),
        overdueAssignments: overdue.map((row) => ({
          enrolmentId: row.id,
          memberName: row.member_name,
          organizationName: row.organization_name,
          courseTitle: row.course_title,
          dueAt: row.due_at,
        })),
      };
    });
  }

  /** The per organisation × course groups and quiz groups, for the CSV. */
  csvGroups(actor: RequestActor, input: TrainingReportInput): Promise<{ groups: OrganizationCourseGroup[]; quizzes: QuizGroup[] }> {
    return this.run(actor, input, async (manager, newQuery) => ({
      groups: await this.groups(manager, newQuery()),
      quizzes: await this.quizGroups(manager, newQuery()),
    }));
  }

  /** xAPI 1.0.3 statements of the learning records in scope (see training-report-figures.ts). */
  xapi(actor: RequestActor, input: TrainingReportInput): Promise<object[]> {
    return this.run(actor, input, async (manager, newQuery) => {
      const query = newQuery();
      const enrolments: EnrolmentStatementRow[] = await manager.query(
        `${query.cte}
         SELECT s.id, s.membership_id, u.display_name AS member_name, s.course_id, coalesce(c.title, '') AS course_title,
                s.created_at, s.completed_at, ${query.enrolledInWindow()} AS enrolled_in_window,
                (s.completed_at IS NOT NULL AND ${query.completedInWindow()}) AS completed_in_window
           FROM scoped s
           JOIN memberships mb ON mb.tenant_id = s.tenant_id AND mb.id = s.membership_id
           JOIN users u ON u.id = mb.user_id
           LEFT JOIN courses c ON c.tenant_id = s.course_tenant_id AND c.id = s.course_id
          WHERE ${query.enrolledInWindow()} OR (s.completed_at IS NOT NULL AND ${query.completedInWindow()})
          ORDER BY s.created_at, s.id LIMIT ${MAX_XAPI_ROWS}`,
        query.where.params,
      );
      const attemptQuery = newQuery();
      const attempts: AttemptStatementRow[] = await manager.query(
        `${attemptQuery.cte}
         SELECT qa.id, s.membership_id, u.display_name AS member_name, s.course_id, coalesce(c.title, '') AS course_title,
                qa.module_id, coalesce(m.title, '') AS module_title, qa.score_percent, qa.passed, qa.created_at
           FROM quiz_attempts qa
           JOIN scoped s ON s.tenant_id = qa.tenant_id AND s.id = qa.enrolment_id
           JOIN memberships mb ON mb.tenant_id = s.tenant_id AND mb.id = s.membership_id
           JOIN users u ON u.id = mb.user_id
           LEFT JOIN courses c ON c.tenant_id = s.course_tenant_id AND c.id = s.course_id
           LEFT JOIN course_modules m ON m.tenant_id = qa.course_tenant_id AND m.id = qa.module_id
          WHERE ${attemptQuery.window('qa.created_at')}
          ORDER BY qa.created_at, qa.id LIMIT ${MAX_XAPI_ROWS}`,
        attemptQuery.where.params,
      );
      return xapiStatements(enrolments, attempts, this.config.mail.appBaseUrl);
    });
  }

  /** Checks the caller and the filters, then runs `work` in the caller's network. */
  private run<T>(actor: RequestActor, input: TrainingReportInput, work: (manager: EntityManager, newQuery: NewQuery) => Promise<T>): Promise<T> {
    assertCan(actor, 'read', { __typename: 'TrainingReport', organizationId: actor.organizationId });
    if (input.from && input.to && input.from.getTime() >= input.to.getTime()) {
      const message = { ja: '期間の終わりは始まりより後にしてください。', en: 'The end of the period must be after its start.' };
      throw new AppError('BAD_USER_INPUT', message, { reason: 'REPORT_PERIOD_INVALID', fields: { to: message } });
    }
    if (input.organizationId && !usableId(input.organizationId)) throw notFound(ORGANIZATION);
    if (input.courseId && !usableId(input.courseId)) throw notFound(COURSE);
    return runInTenant(this.dataSource, actor, async (manager) => {
      if (input.organizationId) await this.assertOrganizationInScope(manager, actor, input.organizationId);
      if (input.courseId) await this.assertCourseInScope(manager, actor, this.query(actor, {}), input.courseId);
      return work(manager, () => this.query(actor, input));
    });
  }

  private query(actor: RequestActor, input: TrainingReportInput): ReportQuery {
    const where = new Conditions();
    const tenant = where.param(actor.tenantId);
    const organization = where.param(actor.organizationId);
    const scopes: string[] = [];
    // A trainer's courses: my organisation's courses of my network.
    if (mayAuthorCourses(actor.roles)) scopes.push(`(e.course_tenant_id = ${tenant} AND c.organization_id = ${organization})`);
    // An org admin's members: enrolments of my organisation's members.
    if (mayOverseeMembersTraining(actor.roles)) scopes.push(`e.organization_id = ${organization}`);
    where.add(`e.tenant_id = ${tenant}`);
    where.add(scopes.length ? `(${scopes.join(' OR ')})` : 'false');
    if (input.courseId) where.add(`e.course_id = ${where.param(input.courseId)}`);
    if (input.organizationId) where.add(`e.organization_id = ${where.param(input.organizationId)}`);
    const cte = `WITH scoped AS (
      SELECT e.tenant_id, e.id, e.membership_id, e.organization_id, e.course_tenant_id, e.course_id, e.created_at, e.completed_at, e.due_at
        FROM course_enrolments e
        LEFT JOIN courses c ON c.tenant_id = e.course_tenant_id AND c.id = e.course_id
       WHERE ${where.sql})`;
    const window = (column: string) =>
      [input.from ? `${column} >= ${where.param(input.from)}::timestamptz` : null, input.to ? `${column} < ${where.param(input.to)}::timestamptz` : null]
        .filter((part): part is string => part !== null)
        .join(' AND ') || 'true';
    const now = this.clock.now();
    return {
      where,
      cte,
      window,
      enrolledInWindow: () => `(${window('s.created_at')})`,
      completedInWindow: () => `(${window('s.completed_at')})`,
      now: () => `${where.param(now)}::timestamptz`,
    };
  }

  private groups(manager: EntityManager, query: ReportQuery): Promise<OrganizationCourseGroup[]> {
    return manager.query(
      `${query.cte}
       SELECT s.organization_id, o.name AS organization_name, s.course_id, coalesce(c.title, '') AS course_title,
              count(*) FILTER (WHERE ${query.enrolledInWindow()})::int AS enrolments,
              count(*) FILTER (WHERE s.completed_at IS NOT NULL AND ${query.completedInWindow()})::int AS completions,
              count(*) FILTER (WHERE ${query.enrolledInWindow()} AND s.completed_at IS NOT NULL)::int AS completed_enrolments,
              count(*) FILTER (WHERE ${query.enrolledInWindow()} AND s.completed_at IS NULL AND s.due_at < ${query.now()})::int AS overdue
         FROM scoped s
         JOIN organizations o ON o.tenant_id = s.tenant_id AND o.id = s.organization_id
         LEFT JOIN courses c ON c.tenant_id = s.course_tenant_id AND c.id = s.course_id
        GROUP BY s.organization_id, o.name, s.course_id, c.title
       HAVING count(*) FILTER (WHERE ${query.enrolledInWindow()} OR (s.completed_at IS NOT NULL AND ${query.completedInWindow()})) > 0
        ORDER BY o.name, course_title, s.organization_id, s.course_id`,
      query.where.params,
    );
  }

  private quizGroups(manager: EntityManager, query: ReportQuery): Promise<QuizGroup[]> {
    return manager.query(
      `${query.cte}
       SELECT s.organization_id, s.course_id, coalesce(c.title, '') AS course_title, qa.module_id, coalesce(m.title, '') AS module_title,
              coalesce(m.position, 0) AS module_position, count(*)::int AS attempts, count(*) FILTER (WHERE qa.passed)::int AS passed_attempts
         FROM quiz_attempts qa
         JOIN scoped s ON s.tenant_id = qa.tenant_id AND s.id = qa.enrolment_id
         LEFT JOIN courses c ON c.tenant_id = s.course_tenant_id AND c.id = s.course_id
         LEFT JOIN course_modules m ON m.tenant_id = qa.course_tenant_id AND m.id = qa.module_id
        WHERE ${query.window('qa.created_at')}
        GROUP BY s.organization_id, s.course_id, c.title, qa.module_id, m.title, m.position
        ORDER BY course_title, s.course_id, module_position, qa.module_id`,
      query.where.params,
    );
  }

  /** Trainers report on learners of any organisation of the network; an org admin only on their own. */
  private async assertOrganizationInScope(manager: EntityManager, actor: RequestActor, organizationId: string): Promise<void> {
    if (mayAuthorCourses(actor.roles)) {
      const [found] = await manager.query(`SELECT 1 FROM organizations WHERE tenant_id = $1 AND id = $2`, [actor.tenantId, organizationId]);
      if (found) return;
    } else if (organizationId === actor.organizationId) {
      return;
    }
    throw notFound(ORGANIZATION);
  }

  /** A course is in scope when it is my organisation's (trainers) or one my scope has enrolments in. */
  private async assertCourseInScope(manager: EntityManager, actor: RequestActor, query: ReportQuery, courseId: string): Promise<void> {
    const own = mayAuthorCourses(actor.roles)
      ? await manager.query(`SELECT 1 FROM courses WHERE tenant_id = $1 AND id = $2 AND organization_id = $3`, [actor.tenantId, courseId, actor.organizationId])
      : [];
    if (own.length > 0) return;
    const course = query.where.param(courseId);
    const [enrolled] = await manager.query(`${query.cte} SELECT 1 FROM scoped s WHERE s.course_id = ${course} LIMIT 1`, query.where.params);
    if (!enrolled) throw notFound(COURSE);
  }
}

