// Reads training sessions as one member sees them, a page at a time: the rows, then in one query
// each the place counts, the member's own registrations (with their place on the waiting list)
// and, for the sessions the member manages, every registration — never a query per session.
import type { RegistrationStatus, SessionStatus } from '@tsunagu/domain';
import type { EntityManager } from 'typeorm';
import type { RequestActor } from '../../../core/auth/actor';
import { abilityFor } from '../../../core/authz/authorize';
import type { Conditions } from '../../../core/database/conditions';
import type { SessionRegistration, TrainingSession } from './training-session.model';
import { camelized } from '../../../core/database/rows';

export const SESSION_COLUMNS = `s.tenant_id, s.id, s.organization_id, o.name AS organization_name, s.course_id, c.title AS course_title,
  s.title, s.description, s.starts_at, s.ends_at, s.place, s.online_url, s.capacity, s.status`;

export const SESSION_FROM = `training_sessions s
  JOIN organizations o ON o.tenant_id = s.tenant_id AND o.id = s.organization_id
  LEFT JOIN courses c ON c.tenant_id = s.tenant_id AND c.id = s.course_id`;

export interface SessionRow {
  tenant_id: string;
  id: string;
  organization_id: string;
  organization_name: string;
  course_id: string | null;
  course_title: string | null;
  title: string;
  description: string;
  starts_at: Date;
  ends_at: Date;
  place: string | null;
  online_url: string | null;
  capacity: number;
  status: SessionStatus;
}

interface RegistrationRow {
  id: string;
  session_id: string;
  status: RegistrationStatus;
  queued_at: Date;
  attended: boolean | null;
  member_name: string;
  organization_name: string;
  waitlist_position: number | null;
}

const REGISTRATION_COLUMNS = `r.id, r.session_id, r.status, r.queued_at, r.attended, u.display_name AS member_name, ro.name AS organization_name`;
const REGISTRATION_JOINS = `
  JOIN memberships m ON m.tenant_id = r.tenant_id AND m.id = r.membership_id
  JOIN users u ON u.id = m.user_id
  JOIN organizations ro ON ro.tenant_id = r.tenant_id AND ro.id = r.organization_id`;

/** Whether the actor runs sessions of this organisation (its trainers). */
export function managesSessionsOf(actor: RequestActor, organizationId: string): boolean {
  return abilityFor(actor).can('update', { __typename: 'TrainingSession', organizationId });
}

/**
 * Adds to `where` the sessions a member sees: every scheduled session of the network; a
 * cancelled one only for its organisation's trainers and for members who registered for it (so
 * they learn it was cancelled).
 */
export function visibleSessions(where: Conditions, actor: RequestActor): string {
  const tenant = where.param(actor.tenantId);
  const trainerOf = managesSessionsOf(actor, actor.organizationId) ? where.param(actor.organizationId) : 'NULL::uuid';
  return `s.tenant_id = ${tenant} AND (s.status = 'SCHEDULED' OR s.organization_id = ${trainerOf}
    OR EXISTS (SELECT 1 FROM session_registrations mine WHERE mine.tenant_id = s.tenant_id AND mine.session_id = s.id
                AND mine.membership_id = ${where.param(actor.membershipId)}))`;
}

function toRegistration(row: RegistrationRow): SessionRegistration {
  return {
    ...camelized(row, ['session_id', 'waitlist_position']),
    waitlistPosition: row.status === 'WAITLISTED' ? Number(row.waitlist_position) : null,
  };
}

/**
 * The sessions as the actor sees them, in the order given. withRegistrations: false skips the
 * registration lists (a list page that does not ask for them).
 */
export async function presentSessions(
  manager: EntityManager,
  actor: RequestActor,
  rows: SessionRow[],
  options: { withRegistrations: boolean } = { withRegistrations: true },
): Promise<TrainingSession[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const counts: Array<{ session_id: string; registered: number; waitlisted: number }> = await manager.query(
    `SELECT session_id, count(*) FILTER (WHERE status = 'REGISTERED')::int AS registered,
            count(*) FILTER (WHERE status = 'WAITLISTED')::int AS waitlisted
       FROM session_registrations WHERE tenant_id = $1 AND session_id = ANY($2::uuid[]) AND status <> 'CANCELLED'
      GROUP BY session_id`,
    [actor.tenantId, ids],
  );
  // My place on a waiting list: those queued before me (queued_at, then id), plus me.
  const mine: RegistrationRow[] = await manager.query(
    `SELECT ${REGISTRATION_COLUMNS},
            CASE WHEN r.status = 'WAITLISTED' THEN (
              SELECT count(*)::int FROM session_registrations w
               WHERE w.tenant_id = r.tenant_id AND w.session_id = r.session_id AND w.status = 'WAITLISTED'
                 AND (w.queued_at, w.id) <= (r.queued_at, r.id)) END AS waitlist_position
       FROM session_registrations r ${REGISTRATION_JOINS}
      WHERE r.tenant_id = $1 AND r.session_id = ANY($2::uuid[]) AND r.membership_id = $3`,
    [actor.tenantId, ids, actor.membershipId],
  );
  const managed = rows.filter((row) => managesSessionsOf(actor, row.organization_id)).map((row) => row.id);
  const all: RegistrationRow[] = managed.length && options.withRegistrations
    ? await manager.query(
        `SELECT ${REGISTRATION_COLUMNS},
                CASE WHEN r.status = 'WAITLISTED'
                     THEN row_number() OVER (PARTITION BY r.session_id, r.status ORDER BY r.queued_at, r.id)::int END AS waitlist_position
           FROM session_registrations r ${REGISTRATION_JOINS}
          WHERE r.tenant_id = $1 AND r.session_id = ANY($2::uuid[])
          ORDER BY r.session_id, CASE r.status WHEN 'REGISTERED' THEN 0 WHEN 'WAITLISTED' THEN 1 ELSE 2 END, r.queued_at, r.id`,
        [actor.tenantId, managed],
      )
    : [];
  return rows.map((row) => {
    const count = counts.find((candidate) => candidate.session_id === row.id);
    const my = mine.find((candidate) => candidate.session_id === row.id);
    return {
      id: row.id,
      title: row.title,
      description: row.description,
      course: row.course_id && row.course_title !== null ? { id: row.course_id, title: row.course_title } : null,
      organizationName: row.organization_name,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      place: row.place,
      onlineUrl: row.online_url,
      capacity: row.capacity,
      status: row.status,
      registeredCount: count?.registered ?? 0,
      waitlistCount: count?.waitlisted ?? 0,
      myRegistration: my ? toRegistration(my) : null,
      mayManage: managed.includes(row.id),
      registrationList: all.filter((registration) => registration.session_id === row.id).map(toRegistration),
      icsPath: my?.status === 'REGISTERED' ? `/api/training/sessions/${row.id}/ics` : null,
    };
  });
}
