// Learning (受講): enrolling, assigning, marking materials done, quiz attempts, completion and
// the certificate it issues. Decisions (issue 8):
//
// - Self-enrolment needs a published course whose audience I am in (libs/domain isInAudience; a
//   public course of another network takes everyone). Enrolling twice is idempotent: the existing
//   enrolment comes back unchanged (an assignment keeps its due date).
// - Assignment: a TRAINER assigns to any member of their network who is in the course's
//   audience; an ORG_ADMIN (who is not a trainer) to their own organisation's members in the
//   audience. The course is any published one of the network (or a public one of another),
//   whether or not the assigner is in its audience. The due date, when given, must lie in the future. An existing enrolment becomes
//   ASSIGNED with the new due date. Each assignee gets an in-app notice (TRAINING_ASSIGNED) and
//   a mail through the outbox in the same transaction — at once for IMMEDIATE and also for
//   DAILY_DIGEST (the daily digest carries referral notices only), none for OFF. Assigning an
//   enrolled member again (say, with a new due date) tells them again.
// - Progress is my own: another member's enrolment is NOT_FOUND. The enrolment row is locked
//   for every mark and attempt, so a completion is decided once; quiz attempt numbers are unique
//   per enrolment and module, so parallel submissions cannot beat the attempt limit either.
// - A retake after passing is allowed while attempts remain (the best score is shown; once
//   passed, the quiz stays passed).
// - Completion (libs/domain isCourseComplete) sets completed_at and issues the certificate in the
//   same transaction. Unmarking a material afterwards changes the progress shown but neither
//   completed_at nor the certificate: what was achieved stays certified.
// - Overdue: a due date before now (the injected Clock) and not completed.
// - An enrolment outlives its course's publication in the learner's own network (progress goes
//   on in an archived course); another network's course that stops being public can no longer
//   be read from the learner's network, so its enrolment drops out of myEnrolments and its
//   materials and modules are NOT_FOUND.
// - verifyCertificate is not throttled: a code carries 80 random bits, so guessing one is not a
//   practical attack, and a guess learns only valid: false.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { checkQuizAnswers, isInAudience, localizedText as text, mayAssignAcrossNetwork, mayAssignTraining, Role, scoreQuiz } from '@tsunagu/domain';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestActor } from '../../../core/auth/actor';
import { recordAudit } from '../../../core/audit/audit-log';
import { abilityFor, notFound } from '../../../core/authz/authorize';
import { Conditions } from '../../../core/database/conditions';
import { oneOrNotFound, queryRows } from '../../../core/database/returning';
import { AppError } from '../../../core/graphql/app-error';
import { decodeCursor, Page, pageSize, toPage } from '../../../core/graphql/pagination';
import { MailOutbox } from '../../../core/mail';
import { runInTenant } from '../../../core/tenancy/tenant-transaction';
import { Clock } from '../../../core/time/clock';
import type { Course } from '../courses/course.model';
import { CourseReader, ModuleTree } from '../courses/course-reader';
import { CertificatesService } from './certificates.service';
import { attemptsLeft, courseComplete, ENROLMENT_COLUMNS, EnrolmentPresenter, EnrolmentRow } from './enrolment-presenter';
import type { Assignee, Enrolment, EnrolmentFilter, QuizAnswerInput, QuizAttemptResult } from './learning.model';
import { requireId, requireIds, usableId } from '../../../core/graphql/ids';
import { mailNotifications, notifyMembers } from '../../notifications/notification-mails';

const COURSE = { ja: '研修', en: 'course' };
const ENROLMENT = { ja: '受講登録', en: 'enrolment' };
const MATERIAL = { ja: '教材', en: 'material' };
const MODULE = { ja: '単元', en: 'module' };
const MEMBER = { ja: 'メンバー', en: 'member' };
/** Members assigned in one call. */
const MAX_ASSIGNEES = 100;
/** Members listed by courseAssignees. */
const ASSIGNEE_LIST_LIMIT = 50;
const MAX_ANSWERS = 200;
/** Printed when the publisher could not be read (it always can while the course can be). */
const UNKNOWN_ISSUER = '（発行団体名を読み取れませんでした）';

function attemptsExhausted(): AppError {
  return new AppError(
    'CONFLICT',
    text('この小テストの受験回数の上限に達しました。', 'You have used every attempt at this quiz.'),
    { reason: 'QUIZ_ATTEMPTS_EXHAUSTED' },
  );
}

function badAnswer(reason: string, message: { ja: string; en: string }): AppError {
  return new AppError('BAD_USER_INPUT', message, { reason, fields: { answers: message } });
}

function isUniqueViolationOn(error: unknown, table: string): boolean {
  const failure = error as { code?: string; table?: string; driverError?: { code?: string; table?: string } };
  const code = failure.code ?? failure.driverError?.code;
  const failedTable = failure.table ?? failure.driverError?.table;
  return code === '23505' && failedTable === table;
}

@Injectable()
export class LearningService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly courses: CourseReader,
    private readonly presenter: EnrolmentPresenter,
    private readonly certificates: CertificatesService,
    private readonly outbox: MailOutbox,
  ) {}

  // --- enrolment and assignment ---------------------------------------------------------------

  enrol(actor: RequestActor, courseId: string): Promise<Enrolment> {
    requireId(courseId, COURSE);
    return runInTenant(this.dataSource, actor, async (manager) => {
      const course = await this.visibleCourse(manager, actor, courseId);
      if (!course.inAudience) {
        if (course.status !== 'PUBLISHED') throw this.notPublished();
        throw new AppError(
          'FORBIDDEN',
          text('この研修の受講対象に含まれていないため、受講登録できません。', 'You are not in the audience of this course, so you cannot enrol.'),
          { reason: 'NOT_IN_AUDIENCE' },
        );
      }
      const inserted: Array<{ id: string }> = await manager.query(
        `INSERT INTO course_enrolments (tenant_id, membership_id, organization_id, course_tenant_id, course_id, source)
         VALUES ($1, $2, $3, $4, $5, 'SELF')
         ON CONFLICT (tenant_id, membership_id, course_id) DO NOTHING
         RETURNING id`,
        [actor.tenantId, actor.membershipId, actor.organizationId, course.tenantId, course.id],
      );
      // Enrolling again changes nothing, so only the first enrolment is audited.
      for (const { id } of inserted) await recordAudit(manager, actor, { entity: 'CourseEnrolment', entityId: id, action: 'ENROLLED', changedFields: ['course'] });
      const rows: EnrolmentRow[] = await manager.query(
        `SELECT ${ENROLMENT_COLUMNS} FROM course_enrolments e WHERE e.tenant_id = $1 AND e.membership_id = $2 AND e.course_id = $3`,
        [actor.tenantId, actor.membershipId, course.id],
      );
      const [enrolment] = await this.presenter.present(manager, actor.tenantId, rows);
      return enrolment;
    });
  }

  assign(actor: RequestActor, courseId: string, membershipIds: readonly string[], dueAt: Date | null): Promise<Enrolment[]> {
    this.assertAssigner(actor);
    const ids = [...new Set(membershipIds)];
    if (ids.length === 0 || ids.length > MAX_ASSIGNEES) {
      const message = text(`割り当てるメンバーを1〜${MAX_ASSIGNEES}人選んでください。`, `Choose between 1 and ${MAX_ASSIGNEES} members to assign.`);
      throw new AppError('BAD_USER_INPUT', message, { reason: 'ASSIGNEE_COUNT', fields: { membershipIds: message } });
    }
    requireId(courseId, COURSE);
    requireIds(ids, MEMBER);
    const now = this.clock.now();
    if (dueAt && dueAt.getTime() <= now.getTime()) {
      const message = text('受講期限には今より後の日時を指定してください。', 'Choose a due date in the future.');
      throw new AppError('BAD_USER_INPUT', message, { reason: 'DUE_DATE_PAST', fields: { dueAt: message } });
    }
    return runInTenant(this.dataSource, actor, async (manager) => {
      const course = await this.assignableCourse(manager, actor, courseId);
      const members: Array<{ id: string; organization_id: string; roles: Role[] }> = await manager.query(
        `SELECT m.id, m.organization_id, m.roles FROM memberships m
          WHERE m.tenant_id = $1 AND m.id = ANY($2::uuid[]) AND m.disabled_at IS NULL`,
        [actor.tenantId, ids],
      );
      if (members.length !== ids.length) throw notFound(MEMBER);
      const ability = abilityFor(actor);
      for (const member of members) {
        if (!ability.can('create', { __typename: 'CourseAssignment', organizationId: member.organization_id })) {
          throw new AppError(
            'FORBIDDEN',
            text('自分の団体のメンバーにだけ研修を割り当てられます。', 'You can assign courses only to members of your own organisation.'),
            { reason: 'MEMBER_NOT_ASSIGNABLE' },
          );
        }
        if (!isInAudience(course, { tenantId: actor.tenantId, organizationId: member.organization_id, roles: member.roles })) {
          throw new AppError(
            'FORBIDDEN',
            text('受講対象に含まれていないメンバーには割り当てられません。', 'A member outside the course audience cannot be assigned.'),
            { reason: 'NOT_IN_AUDIENCE' },
          );
        }
      }
      const assigned = await queryRows<{ id: string; membership_id: string }>(
        manager,
        `INSERT INTO course_enrolments (tenant_id, membership_id, organization_id, course_tenant_id, course_id, source, assigned_by_membership_id, due_at)
         SELECT $1, m.id, m.organization_id, $3, $4, 'ASSIGNED', $5, $6
           FROM memberships m WHERE m.tenant_id = $1 AND m.id = ANY($2::uuid[])
         ON CONFLICT (tenant_id, membership_id, course_id)
           DO UPDATE SET source = 'ASSIGNED', assigned_by_membership_id = EXCLUDED.assigned_by_membership_id, due_at = EXCLUDED.due_at
         RETURNING id, membership_id`,
        [actor.tenantId, ids, course.tenantId, course.id, actor.membershipId, dueAt],
      );
      for (const row of assigned) {
        await recordAudit(manager, actor, {
          entity: 'CourseEnrolment',
          entityId: row.id,
          action: 'ASSIGNED',
          changedFields: ['source', 'dueAt'],
        });
      }
      await this.notifyAssigned(manager, actor, course, ids, dueAt);
      const rows: EnrolmentRow[] = await manager.query(
        `SELECT ${ENROLMENT_COLUMNS} FROM course_enrolments e WHERE e.tenant_id = $1 AND e.id = ANY($2::uuid[])`,
        [actor.tenantId, assigned.map((row) => row.id)],
      );
      const order = new Map(ids.map((id, index) => [id, index]));
      rows.sort((a, b) => (order.get(a.membership_id) ?? 0) - (order.get(b.membership_id) ?? 0));
      return this.presenter.present(manager, actor.tenantId, rows);
    });
  }

  /** The in-app notices and, by each member's preference, the mail (see the decisions above). */
  private async notifyAssigned(manager: EntityManager, actor: RequestActor, course: Course, membershipIds: readonly string[], dueAt: Date | null) {
    const mailed = await notifyMembers(manager, {
      tenantId: actor.tenantId,
      kind: 'TRAINING_ASSIGNED',
      membershipIds,
      about: { column: 'course_id', id: course.id },
    });
    if (mailed.length === 0) return;
    const [organization]: Array<{ name: string }> = await manager.query(`SELECT name FROM organizations WHERE tenant_id = $1 AND id = $2`, [
      actor.tenantId,
      actor.organizationId,
    ]);
    await mailNotifications(manager, this.outbox, mailed, { tenantId: actor.tenantId, mailedAt: this.clock.now() }, () => ({
      kind: 'training-assigned',
      courseTitle: course.title,
      assignerName: actor.displayName,
      assignerOrganizationName: organization?.name ?? '',
      dueAt,
      courseUrl: this.outbox.link(`/training/courses/${course.id}`),
    }));
  }

  /** Members the actor may assign the course to (by name keyword), at most 50, with whether each is enrolled. */
  assignees(actor: RequestActor, courseId: string, keyword: string | null | undefined): Promise<Assignee[]> {
    this.assertAssigner(actor);
    requireId(courseId, COURSE);
    return runInTenant(this.dataSource, actor, async (manager) => {
      const course = await this.assignableCourse(manager, actor, courseId);
      const where = new Conditions();
      where.add(`m.tenant_id = ${where.param(actor.tenantId)} AND m.disabled_at IS NULL AND u.disabled_at IS NULL`);
      if (!mayAssignAcrossNetwork(actor.roles)) where.add(`m.organization_id = ${where.param(actor.organizationId)}`);
      // The audience (libs/domain isInAudience) in SQL: everyone for a public course.
      if (course.visibility !== 'PUBLIC' && !course.audienceAll) {
        where.add(
          `(m.roles && ${where.param(course.audienceRoles)}::text[] OR m.organization_id = ANY(${where.param(course.audienceOrganizationIds)}::uuid[]))`,
        );
      }
      const words = (keyword ?? '').trim();
      if (words) where.add(`u.display_name ILIKE ${where.param(`%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)}`);
      const coursePlaceholder = where.param(course.id);
      const rows: Array<{ membership_id: string; display_name: string; organization_name: string; enrolled: boolean }> = await manager.query(
        `SELECT m.id AS membership_id, u.display_name, o.name AS organization_name,
                EXISTS (SELECT 1 FROM course_enrolments e WHERE e.tenant_id = m.tenant_id AND e.membership_id = m.id AND e.course_id = ${coursePlaceholder}) AS enrolled
           FROM memberships m
           JOIN users u ON u.id = m.user_id
           JOIN organizations o ON o.tenant_id = m.tenant_id AND o.id = m.organization_id
          WHERE ${where.sql}
          ORDER BY u.display_name, m.id
          LIMIT ${ASSIGNEE_LIST_LIMIT}`,
        where.params,
      );
      return rows.map((row) => ({
        membershipId: row.membership_id,
        displayName: row.display_name,
        organizationName: row.organization_name,
        enrolled: row.enrolled,
      }));
    });
  }

  // --- reading ------------------------------------------------------------------------------------

  /** My enrolments, newest first, in courses I can still read. */
  mine(actor: RequestActor, filter: EnrolmentFilter | null | undefined, first?: number | null, after?: string | null): Promise<Page<Enrolment>> {
    const size = pageSize(first);
    const cursor = decodeCursor(after);
    const where = new Conditions();
    where.add(`e.tenant_id = ${where.param(actor.tenantId)} AND e.membership_id = ${where.param(actor.membershipId)}`);
    where.add(`EXISTS (SELECT 1 FROM courses c WHERE c.tenant_id = e.course_tenant_id AND c.id = e.course_id)`);
    if (filter === 'COMPLETED') where.add(`e.completed_at IS NOT NULL`);
    if (filter === 'ACTIVE') where.add(`e.completed_at IS NULL`);
    if (filter === 'OVERDUE') where.add(`e.completed_at IS NULL AND e.due_at < ${where.param(this.clock.now())}`);
    if (cursor) where.add(`(e.created_at, e.id) < (${where.param(cursor.key)}::timestamptz, ${where.param(cursor.id)}::uuid)`);
    where.params.push(size + 1);
    return runInTenant(this.dataSource, actor, async (manager) => {
      const rows: Array<EnrolmentRow & { sort_key: string }> = await manager.query(
        `SELECT ${ENROLMENT_COLUMNS}, e.created_at::text AS sort_key FROM course_enrolments e
          WHERE ${where.sql} ORDER BY e.created_at DESC, e.id DESC LIMIT $${where.params.length}`,
        where.params,
      );
      const page = toPage(rows, size, (row) => ({ key: row.sort_key, id: row.id }));
      return { ...page, nodes: await this.presenter.present(manager, actor.tenantId, page.nodes) };
    });
  }

  /** My enrolments in these courses (for Course.myEnrolment, a page at a time), in the order given. */
  byCourses(actor: RequestActor, courseIds: readonly string[]): Promise<Array<Enrolment | null>> {
    const ids = courseIds.filter((id) => usableId(id) !== null);
    if (ids.length === 0) return Promise.resolve(courseIds.map(() => null));
    return runInTenant(this.dataSource, actor, async (manager) => {
      const rows: EnrolmentRow[] = await manager.query(
        `SELECT ${ENROLMENT_COLUMNS} FROM course_enrolments e WHERE e.tenant_id = $1 AND e.membership_id = $2 AND e.course_id = ANY($3::uuid[])`,
        [actor.tenantId, actor.membershipId, ids],
      );
      const enrolments = await this.presenter.present(manager, actor.tenantId, rows);
      return courseIds.map((id) => enrolments.find((enrolment) => enrolment.courseId === id) ?? null);
    });
  }

  // --- progress -----------------------------------------------------------------------------------

  async markMaterial(actor: RequestActor, enrolmentId: string, materialId: string, done: boolean): Promise<Enrolment> {
    requireId(enrolmentId, ENROLMENT);
    requireId(materialId, MATERIAL);
    const issuerName = await this.foreignIssuerName(actor, enrolmentId);
    return runInTenant(this.dataSource, actor, async (manager) => {
      const row = await this.lockOwn(manager, actor, enrolmentId);
      const modules = (await this.presenter.trees(manager, [row])).get(row.course_id) ?? [];
      if (!modules.some((module) => module.materials.some((material) => material.id === materialId))) throw notFound(MATERIAL);
      if (done) {
        await manager.query(
          `INSERT INTO material_completions (tenant_id, enrolment_id, course_tenant_id, material_id) VALUES ($1, $2, $3, $4)
           ON CONFLICT (tenant_id, enrolment_id, material_id) DO NOTHING`,
          [actor.tenantId, row.id, row.course_tenant_id, materialId],
        );
      } else {
        await manager.query(`DELETE FROM material_completions WHERE tenant_id = $1 AND enrolment_id = $2 AND material_id = $3`, [
          actor.tenantId,
          row.id,
          materialId,
        ]);
      }
      await this.completeWhenDone(manager, actor, row, modules, issuerName);
      return this.reload(manager, actor, row.id);
    });
  }

  async submitAttempt(actor: RequestActor, enrolmentId: string, moduleId: string, answers: readonly QuizAnswerInput[]): Promise<QuizAttemptResult> {
    requireId(enrolmentId, ENROLMENT);
    requireId(moduleId, MODULE);
    if (answers.length > MAX_ANSWERS) throw badAnswer('TOO_MANY_ANSWERS', text('回答の数が多すぎます。', 'Too many answers.'));
    const issuerName = await this.foreignIssuerName(actor, enrolmentId);
    try {
      return await runInTenant(this.dataSource, actor, async (manager) => {
        const row = await this.lockOwn(manager, actor, enrolmentId);
        const modules = (await this.presenter.trees(manager, [row])).get(row.course_id) ?? [];
        const module = modules.find((candidate) => candidate.id === moduleId);
        if (!module) throw notFound(MODULE);
        if (module.quizPassMarkPercent === null) {
          throw new AppError('BAD_USER_INPUT', text('この単元には小テストがありません。', 'This module has no quiz.'), { reason: 'NO_QUIZ' });
        }
        const chosen = validAnswers(module, answers);
        const [{ used, last }]: Array<{ used: number; last: number }> = await manager.query(
          `SELECT count(*)::int AS used, coalesce(max(attempt_number), 0)::int AS last
             FROM quiz_attempts WHERE tenant_id = $1 AND enrolment_id = $2 AND module_id = $3`,
          [actor.tenantId, row.id, module.id],
        );
        if (module.quizMaxAttempts !== null && used >= module.quizMaxAttempts) throw attemptsExhausted();
        const score = scoreQuiz(
          module.questions.map((question) => ({ id: question.id, kind: question.kind, correctChoices: question.correctChoices })),
          chosen,
          module.quizPassMarkPercent,
        );
        const attemptNumber = last + 1;
        await manager.query(
          `INSERT INTO quiz_attempts (tenant_id, enrolment_id, course_tenant_id, module_id, attempt_number, answers,
                                      correct_count, question_count, score_percent, passed)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [
            actor.tenantId,
            row.id,
            row.course_tenant_id,
            module.id,
            attemptNumber,
            JSON.stringify(Object.fromEntries(chosen)),
            score.correctCount,
            score.questionCount,
            score.scorePercent,
            score.passed,
          ],
        );
        await this.completeWhenDone(manager, actor, row, modules, issuerName);
        return {
          attemptNumber,
          scorePercent: score.scorePercent,
          correctCount: score.correctCount,
          questionCount: score.questionCount,
          passed: score.passed,
          attemptsLeft: attemptsLeft(module.quizMaxAttempts, used + 1),
          enrolment: await this.reload(manager, actor, row.id),
        };
      });
    } catch (error) {
      // The row lock serialises attempts on one enrolment; the unique attempt number is the backstop.
      if (isUniqueViolationOn(error, 'quiz_attempts')) throw attemptsExhausted();
      throw error;
    }
  }

  /** Completes the enrolment and issues its certificate when the course has just become complete. */
  private async completeWhenDone(manager: EntityManager, actor: RequestActor, row: EnrolmentRow, modules: ModuleTree[], foreignIssuer: string | null) {
    if (row.completed_at) return;
    const done = (await this.presenter.marks(manager, actor.tenantId, [row.id])).get(row.id) ?? new Set<string>();
    const attempts = (await this.presenter.attempts(manager, actor.tenantId, [row.id])).get(row.id) ?? new Map();
    if (!courseComplete(modules, done, attempts)) return;
    const completedAt = this.clock.now();
    await manager.query(`UPDATE course_enrolments SET completed_at = $3 WHERE tenant_id = $1 AND id = $2`, [actor.tenantId, row.id, completedAt]);
    const [course] = await this.courses.byIds(manager, actor, [row.course_id], { anyStatus: true });
    if (!course) throw notFound(COURSE);
    let issuerName = foreignIssuer;
    if (course.tenantId === actor.tenantId) {
      const [organization]: Array<{ name: string }> = await manager.query(`SELECT name FROM organizations WHERE tenant_id = $1 AND id = $2`, [
        course.tenantId,
        course.organizationId,
      ]);
      issuerName = organization?.name ?? null;
    }
    await this.certificates.issue(manager, actor.tenantId, row.id, {
      learnerName: actor.displayName,
      courseTitle: course.title,
      issuerName: issuerName || UNKNOWN_ISSUER,
      completedAt,
    });
  }

  /**
   * The publishing organisation's name when my enrolment is in another network's (public)
   * course: organisations are readable only in their own network, so it is read before the
   * learner's transaction, in a transaction of its own (CourseReader.publisher). Null otherwise.
   */
  private async foreignIssuerName(actor: RequestActor, enrolmentId: string): Promise<string | null> {
    const course = await runInTenant(this.dataSource, actor, async (manager) => {
      const [row]: Array<{ course_tenant_id: string; course_id: string }> = await manager.query(
        `SELECT course_tenant_id, course_id FROM course_enrolments WHERE tenant_id = $1 AND id = $2 AND membership_id = $3`,
        [actor.tenantId, enrolmentId, actor.membershipId],
      );
      if (!row || row.course_tenant_id === actor.tenantId) return null;
      const [found] = await this.courses.byIds(manager, actor, [row.course_id], { anyStatus: true });
      return found ?? null;
    });
    if (!course) return null;
    return (await this.courses.publisher(actor, course)).name || null;
  }

  private async lockOwn(manager: EntityManager, actor: RequestActor, enrolmentId: string): Promise<EnrolmentRow> {
    return oneOrNotFound<EnrolmentRow>(
      manager,
      `SELECT ${ENROLMENT_COLUMNS} FROM course_enrolments e WHERE e.tenant_id = $1 AND e.id = $2 AND e.membership_id = $3 FOR UPDATE`,
      [actor.tenantId, enrolmentId, actor.membershipId],
      ENROLMENT,
    );
  }

  private async reload(manager: EntityManager, actor: RequestActor, enrolmentId: string): Promise<Enrolment> {
    const rows: EnrolmentRow[] = await manager.query(`SELECT ${ENROLMENT_COLUMNS} FROM course_enrolments e WHERE e.tenant_id = $1 AND e.id = $2`, [
      actor.tenantId,
      enrolmentId,
    ]);
    const [enrolment] = await this.presenter.present(manager, actor.tenantId, rows);
    return enrolment;
  }

  private async visibleCourse(manager: EntityManager, actor: RequestActor, courseId: string): Promise<Course> {
    const [course] = await this.courses.byIds(manager, actor, [courseId]);
    if (!course) throw notFound(COURSE);
    return course;
  }

  /**
   * A course an assigner may assign: any published course of their network, or another
   * network's public one (row-level security keeps the rest out) — an org admin assigns a course
   * meant for their staff without being in its audience. A course of the assigner's own
   * organisation that is not published is a CONFLICT; anyone else's is NOT_FOUND.
   */
  private async assignableCourse(manager: EntityManager, actor: RequestActor, courseId: string): Promise<Course> {
    const [course] = await this.courses.byIds(manager, actor, [courseId], { anyStatus: true });
    if (!course) throw notFound(COURSE);
    if (course.status !== 'PUBLISHED') {
      if (course.mayEdit) throw this.notPublished();
      throw notFound(COURSE);
    }
    return course;
  }

  private assertAssigner(actor: RequestActor): void {
    if (!mayAssignTraining(actor.roles)) {
      throw new AppError(
        'FORBIDDEN',
        text('研修を割り当てられるのは研修担当者と団体の管理者です。', 'Only trainers and organisation admins can assign courses.'),
        { reason: 'NOT_AN_ASSIGNER' },
      );
    }
  }

  private notPublished(): AppError {
    return new AppError('CONFLICT', text('公開中の研修ではありません。', 'The course is not published.'), { reason: 'COURSE_NOT_PUBLISHED' });
  }
}

/**
 * The answers as a map for scoring, after checking them against the module's questions with the
 * shared rule (libs/domain checkQuizAnswers, the one the learner's form uses too). A question
 * left out counts as wrong.
 */
export function validAnswers(module: Pick<ModuleTree, 'questions'>, answers: readonly QuizAnswerInput[]): ReadonlyMap<string, number[]> {
  const checked = checkQuizAnswers(module.questions, answers);
  if (!checked.ok) throw badAnswer(checked.reason, checked.message);
  return checked.chosen;
}
