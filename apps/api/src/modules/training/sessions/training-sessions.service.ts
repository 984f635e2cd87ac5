// Training sessions (研修会, DESIGN.md capability 5): trainers of an organisation schedule,
// change and cancel its sessions; every member of the network sees the scheduled ones and
// registers until the session starts. Places are decided under a lock on the session row
// (SELECT … FOR UPDATE): inside it the registered count is read and the new row written, so
// parallel registrations queue on the lock and never exceed the capacity. A freed place goes to
// the first on the waiting list (SessionWaitlist).
//
// Cancelling a session is final. The registrations are kept as they were (the record of who had
// a place), the session stays visible to its registrants as CANCELLED, and their .ics file then
// carries STATUS:CANCELLED so a calendar that imports it again drops the event. No mail is sent:
// there is no notice kind for a cancelled session, and the trainers are expected to tell the
// registrants themselves, with the reason, through their usual channel.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestActor } from '../../../core/auth/actor';
import { recordAudit } from '../../../core/audit/audit-log';
import { assertCan, notFound } from '../../../core/authz/authorize';
import { Conditions } from '../../../core/database/conditions';
import { oneOrNotFound, queryRows } from '../../../core/database/returning';
import { AppError } from '../../../core/graphql/app-error';
import { decodeCursor, Page, pageSize, toPage } from '../../../core/graphql/pagination';
import { runInTenant } from '../../../core/tenancy/tenant-transaction';
import { Clock } from '../../../core/time/clock';
import { SessionWaitlist } from './session-waitlist';
import type { SessionRegistration, TrainingSession, TrainingSessionInput } from './training-session.model';
import { TrainingSessionFields, validateSessionFields } from './training-session-fields';
import { managesSessionsOf, presentSessions, SESSION_COLUMNS, SESSION_FROM, SessionRow, visibleSessions } from './training-session-reader';
import { requireId } from '../../../core/graphql/ids';

export const SESSION = { ja: '研修会', en: 'training session' };
const COURSE = { ja: '研修', en: 'course' };
const REGISTRATION = { ja: '参加登録', en: 'registration' };

const sessionCancelled = () =>
  new AppError('CONFLICT', { ja: 'この研修会は中止されました。', en: 'This training session has been cancelled.' }, { reason: 'SESSION_CANCELLED' });
const sessionStarted = () =>
  new AppError(
    'CONFLICT',
    { ja: 'この研修会はすでに始まっているため、参加登録の変更はできません。主催者に直接ご連絡ください。', en: 'This session has already started, so registrations can no longer change. Please contact the organisers.' },
    { reason: 'SESSION_STARTED' },
  );

@Injectable()
export class TrainingSessionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly waitlist: SessionWaitlist,
  ) {}

  /** Sessions I may see by start time (earliest first); upcomingOnly: those not yet over. */
  list(
    actor: RequestActor,
    filter: { upcomingOnly?: boolean | null; courseId?: string | null },
    first?: number | null,
    after?: string | null,
    withRegistrations = true,
  ): Promise<Page<TrainingSession>> {
    const size = pageSize(first);
    const cursor = decodeCursor(after);
    return runInTenant(this.dataSource, actor, async (manager) => {
      const where = new Conditions();
      where.add(visibleSessions(where, actor));
      if (filter.upcomingOnly) where.add(`s.ends_at > ${where.param(this.clock.now())}`);
      if (filter.courseId) {
        await this.ownNetworkCourse(manager, actor, filter.courseId);
        where.add(`s.course_id = ${where.param(filter.courseId)}`);
      }
      if (cursor) where.add(`(s.starts_at, s.id) > (${where.param(cursor.key)}::timestamptz, ${where.param(cursor.id)}::uuid)`);
      where.params.push(size + 1);
      const rows: Array<SessionRow & { sort_key: string }> = await manager.query(
        `SELECT ${SESSION_COLUMNS}, s.starts_at::text AS sort_key FROM ${SESSION_FROM}
          WHERE ${where.sql} ORDER BY s.starts_at, s.id LIMIT $${where.params.length}`,
        where.params,
      );
      const page = toPage(rows, size, (row) => ({ key: row.sort_key, id: row.id }));
      return { ...page, nodes: await presentSessions(manager, actor, page.nodes, { withRegistrations }) };
    });
  }

  get(actor: RequestActor, id: string): Promise<TrainingSession> {
    return runInTenant(this.dataSource, actor, async (manager) => this.present(manager, actor, await this.loadVisible(manager, actor, id)));
  }

  create(actor: RequestActor, input: TrainingSessionInput): Promise<TrainingSession> {
    assertCan(actor, 'create', { __typename: 'TrainingSession', organizationId: actor.organizationId });
    const fields = validateSessionFields(input);
    return runInTenant(this.dataSource, actor, async (manager) => {
      if (fields.courseId) await this.ownOrganizationCourse(manager, actor, fields.courseId);
      const [{ id }] = await queryRows<{ id: string }>(
        manager,
        `INSERT INTO training_sessions (tenant_id, organization_id, created_by_membership_id, title, description, course_id,
                                        starts_at, ends_at, place, online_url, capacity)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [actor.tenantId, actor.organizationId, actor.membershipId, ...this.values(fields)],
      );
      await recordAudit(manager, actor, { entity: 'TrainingSession', entityId: id, action: 'CREATED', changedFields: Object.keys(fields) });
      return this.present(manager, actor, await this.loadVisible(manager, actor, id));
    });
  }

  /**
   * Replaces every field. The capacity cannot drop below the places already taken (the trainers
   * ask registrants to cancel first); a larger capacity gives the new places to the waiting list.
   */
  update(actor: RequestActor, id: string, input: TrainingSessionInput): Promise<TrainingSession> {
    const fields = validateSessionFields(input);
    return runInTenant(this.dataSource, actor, async (manager) => {
      const session = await this.lockManaged(manager, actor, id);
      if (session.status === 'CANCELLED') throw sessionCancelled();
      if (fields.courseId) await this.ownOrganizationCourse(manager, actor, fields.courseId);
      const registered = await this.registeredCount(manager, session);
      if (fields.capacity < registered) {
        const message = {
          ja: `すでに${registered}人が参加登録しているため、定員を${registered}人未満にはできません。`,
          en: `${registered} members are already registered, so the capacity cannot be less than ${registered}.`,
        };
        throw new AppError('BAD_USER_INPUT', message, { reason: 'CAPACITY_BELOW_REGISTERED', fields: { capacity: message } });
      }
      await manager.query(
        `UPDATE training_sessions SET title = $3, description = $4, course_id = $5, starts_at = $6, ends_at = $7,
                place = $8, online_url = $9, capacity = $10
          WHERE tenant_id = $1 AND id = $2`,
        [actor.tenantId, id, ...this.values(fields)],
      );
      await recordAudit(manager, actor, { entity: 'TrainingSession', entityId: id, action: 'UPDATED', changedFields: Object.keys(fields) });
      const updated = await this.loadVisible(manager, actor, id);
      await this.fillFreePlaces(manager, updated);
      return this.present(manager, actor, updated);
    });
  }

  /** Final: the session is CANCELLED (see the file's comment for what registrants get). */
  cancel(actor: RequestActor, id: string): Promise<TrainingSession> {
    return runInTenant(this.dataSource, actor, async (manager) => {
      const session = await this.lockManaged(manager, actor, id);
      if (session.status === 'SCHEDULED') {
        await manager.query(`UPDATE training_sessions SET status = 'CANCELLED' WHERE tenant_id = $1 AND id = $2`, [actor.tenantId, id]);
        await recordAudit(manager, actor, { entity: 'TrainingSession', entityId: id, action: 'CANCELLED', changedFields: ['status'] });
      }
      return this.present(manager, actor, await this.loadVisible(manager, actor, id));
    });
  }

  /**
   * A place if one is free, else the end of the waiting list. Registering again while registered
   * or waitlisted changes nothing; after cancelling, a member may register again (at the end of
   * the queue).
   */
  register(actor: RequestActor, sessionId: string): Promise<TrainingSession> {
    return runInTenant(this.dataSource, actor, async (manager) => {
      const session = await this.lockOpen(manager, actor, sessionId);
      const [current]: Array<{ status: string }> = await manager.query(
        `SELECT status FROM session_registrations WHERE tenant_id = $1 AND session_id = $2 AND membership_id = $3`,
        [actor.tenantId, sessionId, actor.membershipId],
      );
      if (!current || current.status === 'CANCELLED') {
        // Places freed without a cancellation (a member removed from the network) go to those
        // already waiting before anyone new is placed.
        const registered = await this.fillFreePlaces(manager, session);
        const [registration]: Array<{ id: string }> = await manager.query(
          `INSERT INTO session_registrations (tenant_id, session_id, membership_id, organization_id, status)
           VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (tenant_id, session_id, membership_id) DO UPDATE
             SET status = EXCLUDED.status, organization_id = EXCLUDED.organization_id, queued_at = clock_timestamp(),
                 cancelled_at = NULL, attended = NULL
           RETURNING id`,
          [actor.tenantId, sessionId, actor.membershipId, actor.organizationId, registered < session.capacity ? 'REGISTERED' : 'WAITLISTED'],
        );
        await recordAudit(manager, actor, { entity: 'SessionRegistration', entityId: registration.id, action: 'REGISTERED', changedFields: ['status'] });
      }
      return this.present(manager, actor, session);
    });
  }

  /** Cancels my registration or my place in the queue; a freed place goes to the first waiting. */
  cancelRegistration(actor: RequestActor, sessionId: string): Promise<TrainingSession> {
    return runInTenant(this.dataSource, actor, async (manager) => {
      const session = await this.lockOpen(manager, actor, sessionId);
      const cancelled = await queryRows<{ id: string; held_place: boolean }>(
        manager,
        `UPDATE session_registrations r SET status = 'CANCELLED', cancelled_at = $4, attended = NULL
           FROM session_registrations before
          WHERE r.tenant_id = $1 AND r.session_id = $2 AND r.membership_id = $3 AND r.status IN ('REGISTERED', 'WAITLISTED')
            AND before.tenant_id = r.tenant_id AND before.id = r.id
          RETURNING r.id, before.status = 'REGISTERED' AS held_place`,
        [actor.tenantId, sessionId, actor.membershipId, this.clock.now()],
      );
      for (const { id } of cancelled) {
        await recordAudit(manager, actor, { entity: 'SessionRegistration', entityId: id, action: 'CANCELLED', changedFields: ['status'] });
      }
      if (cancelled[0]?.held_place) await this.fillFreePlaces(manager, session);
      return this.present(manager, actor, session);
    });
  }

  /** Attendance of a registered member, by the session's trainers, once the session has started. */
  recordAttendance(actor: RequestActor, registrationId: string, attended: boolean): Promise<SessionRegistration> {
    return runInTenant(this.dataSource, actor, async (manager) => {
      requireId(registrationId, REGISTRATION);
      const [registration]: Array<{ session_id: string; status: string }> = await manager.query(
        `SELECT session_id, status FROM session_registrations WHERE tenant_id = $1 AND id = $2`,
        [actor.tenantId, registrationId],
      );
      if (!registration) throw notFound(REGISTRATION);
      const session = await this.lockManaged(manager, actor, registration.session_id);
      if (session.status === 'CANCELLED') throw sessionCancelled();
      if (session.starts_at.getTime() > this.clock.now().getTime()) {
        throw new AppError(
          'CONFLICT',
          { ja: '出欠は研修会の開始後に記録できます。', en: 'Attendance can be recorded once the session has started.' },
          { reason: 'SESSION_NOT_STARTED' },
        );
      }
      if (registration.status !== 'REGISTERED') {
        throw new AppError(
          'CONFLICT',
          { ja: '出欠は参加登録が確定している人にだけ記録できます。', en: 'Attendance can be recorded only for registered members.' },
          { reason: 'NOT_REGISTERED' },
        );
      }
      await manager.query(`UPDATE session_registrations SET attended = $3 WHERE tenant_id = $1 AND id = $2`, [actor.tenantId, registrationId, attended]);
      await recordAudit(manager, actor, { entity: 'SessionRegistration', entityId: registrationId, action: 'ATTENDANCE_RECORDED', changedFields: ['attended'] });
      const [presented] = await presentSessions(manager, actor, [session]);
      const found = presented.registrationList.find((candidate) => candidate.id === registrationId);
      if (!found) throw notFound(REGISTRATION);
      return found;
    });
  }

  /** The session and my place in it, for its .ics file: NOT_FOUND unless I hold a place. */
  calendarEntry(actor: RequestActor, id: string): Promise<SessionRow> {
    return runInTenant(this.dataSource, actor, async (manager) => {
      const session = await this.loadVisible(manager, actor, id);
      const [mine] = await manager.query(
        `SELECT 1 FROM session_registrations WHERE tenant_id = $1 AND session_id = $2 AND membership_id = $3 AND status = 'REGISTERED'`,
        [actor.tenantId, id, actor.membershipId],
      );
      if (!mine) throw notFound(SESSION);
      return session;
    });
  }

  private async present(manager: EntityManager, actor: RequestActor, row: SessionRow): Promise<TrainingSession> {
    const [session] = await presentSessions(manager, actor, [row]);
    return session;
  }

  private values(fields: TrainingSessionFields): unknown[] {
    return [fields.title, fields.description, fields.courseId, fields.startsAt, fields.endsAt, fields.place, fields.onlineUrl, fields.capacity];
  }

  /** A session the actor may see (NOT_FOUND otherwise, whatever the reason — also for a malformed id). */
  private async loadVisible(manager: EntityManager, actor: RequestActor, id: string): Promise<SessionRow> {
    requireId(id, SESSION);
    const where = new Conditions();
    where.add(visibleSessions(where, actor));
    where.add(`s.id = ${where.param(id)}`);
    return oneOrNotFound<SessionRow>(manager, `SELECT ${SESSION_COLUMNS} FROM ${SESSION_FROM} WHERE ${where.sql}`, where.params, SESSION);
  }

  /** Locks the session row; everything that counts or changes places runs after this. */
  private async lock(manager: EntityManager, actor: RequestActor, id: string): Promise<SessionRow> {
    requireId(id, SESSION);
    await manager.query(`SELECT id FROM training_sessions WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [actor.tenantId, id]);
    return this.loadVisible(manager, actor, id);
  }

  /** A session of my network, locked, that the actor runs (others' sessions: FORBIDDEN). */
  private async lockManaged(manager: EntityManager, actor: RequestActor, id: string): Promise<SessionRow> {
    const session = await this.lock(manager, actor, id);
    if (!managesSessionsOf(actor, session.organization_id)) throw new AppError('FORBIDDEN');
    return session;
  }

  /** A session, locked, whose registrations may still change: scheduled and not yet started. */
  private async lockOpen(manager: EntityManager, actor: RequestActor, id: string): Promise<SessionRow> {
    const session = await this.lock(manager, actor, id);
    if (session.status === 'CANCELLED') throw sessionCancelled();
    if (session.starts_at.getTime() <= this.clock.now().getTime()) throw sessionStarted();
    return session;
  }

  /** Gives every free place of the (locked) session to the waiting list, first come first served; returns the places taken. */
  private async fillFreePlaces(manager: EntityManager, session: SessionRow): Promise<number> {
    const registered = await this.registeredCount(manager, session);
    const free = session.capacity - registered;
    return free > 0 ? registered + (await this.waitlist.promote(manager, session, free)).length : registered;
  }

  private async registeredCount(manager: EntityManager, session: SessionRow): Promise<number> {
    const [{ count }]: Array<{ count: number }> = await manager.query(
      `SELECT count(*)::int AS count FROM session_registrations WHERE tenant_id = $1 AND session_id = $2 AND status = 'REGISTERED'`,
      [session.tenant_id, session.id],
    );
    return count;
  }

  /** A course of my network, for filtering (NOT_FOUND for any other id). */
  private async ownNetworkCourse(manager: EntityManager, actor: RequestActor, courseId: string): Promise<void> {
    requireId(courseId, COURSE);
    const [course] = await manager.query(`SELECT 1 FROM courses WHERE tenant_id = $1 AND id = $2`, [actor.tenantId, courseId]);
    if (!course) throw notFound(COURSE);
  }

  /** A course of my own organisation, for a session to belong to (NOT_FOUND for any other). */
  private async ownOrganizationCourse(manager: EntityManager, actor: RequestActor, courseId: string): Promise<void> {
    requireId(courseId, COURSE);
    const [course] = await manager.query(`SELECT 1 FROM courses WHERE tenant_id = $1 AND id = $2 AND organization_id = $3`, [
      actor.tenantId,
      courseId,
      actor.organizationId,
    ]);
    if (!course) throw notFound(COURSE);
  }
}
