// The iCalendar file (RFC 5545) of a training session for a registered member, written by
// ical-generator (folding, escaping, UTC times). The UID is stable per session, so importing the
// file again updates the same event; a cancelled session comes as METHOD:CANCEL with
// STATUS:CANCELLED and a higher SEQUENCE, which calendars apply by removing the event.
import { ICalCalendarMethod, ICalEventStatus, default as ical } from 'ical-generator';
import type { SessionRow } from './training-session-reader';

export interface SessionCalendarContext {
  /** The session's page in the web app. */
  readonly sessionUrl: string;
  /** The host part of the UID (the app's host name). */
  readonly uidDomain: string;
  /** A mailbox for ORGANIZER (calendar addresses must be mailto:); the name shown is the organisation's. */
  readonly organizerEmail: string;
  readonly now: Date;
}

/** The address in a From header: "Name <a@b>" or a bare address. */
export function mailboxOf(from: string): string {
  return (/<([^<>\s]+@[^<>\s]+)>/.exec(from)?.[1] ?? from).trim();
}

export function sessionCalendar(session: SessionRow, context: SessionCalendarContext): string {
  const cancelled = session.status === 'CANCELLED';
  const calendar = ical({
    prodId: { company: 'Tsunagu', product: 'Training sessions', language: 'JA' },
    name: session.title,
    method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH,
  });
  // Online-only sessions put their link as the location as well, where calendar apps show it.
  const location = session.place ?? session.online_url;
  const description = [session.description, session.online_url ? `オンライン / Online: ${session.online_url}` : null, context.sessionUrl]
    .filter((part): part is string => Boolean(part))
    .join('\n\n');
  calendar.createEvent({
    id: `training-session-${session.id}@${context.uidDomain}`,
    sequence: cancelled ? 1 : 0,
    stamp: context.now,
    start: session.starts_at,
    end: session.ends_at,
    // No timezone given: times are written in UTC ("…Z"), which every calendar converts.
    summary: session.title,
    location,
    url: session.online_url ?? context.sessionUrl,
    description,
    organizer: { name: session.organization_name, email: context.organizerEmail },
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}
