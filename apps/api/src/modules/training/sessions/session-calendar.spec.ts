import ICAL from 'ical.js';
import { mailboxOf, sessionCalendar } from './session-calendar';
import type { SessionRow } from './training-session-reader';

const session: SessionRow = {
  tenant_id: '00000000-0000-4000-8000-000000000001',
  id: '00000000-0000-4000-8000-0000000000aa',
  organization_id: '00000000-0000-4000-8000-000000000002',
  organization_name: 'つながりサポートセンター',
  course_id: null,
  course_title: null,
  title: '個人情報の取扱い；基礎編, 第2回',
  description: '当日は資料を配布します。'.repeat(20),
  starts_at: new Date('2030-05-10T05:00:00Z'),
  ends_at: new Date('2030-05-10T06:30:00Z'),
  place: null,
  online_url: 'https://meet.example.jp/r/2',
  capacity: 30,
  status: 'SCHEDULED',
};
const context = {
  sessionUrl: 'https://tsunagu.example.jp/training/sessions/00000000-0000-4000-8000-0000000000aa',
  uidDomain: 'tsunagu.example.jp',
  organizerEmail: 'no-reply@tsunagu.example.jp',
  now: new Date('2030-05-01T00:00:00Z'),
};

function eventOf(text: string) {
  return new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent');
}

describe('sessionCalendar', () => {
  it('writes an online-only session with its link as location and URL, in UTC, folded to 75 octets', () => {
    const text = sessionCalendar(session, context);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text).toContain('DTSTART:20300510T050000Z');
    const event = eventOf(text);
    expect(event?.getFirstPropertyValue('summary')).toBe(session.title);
    expect(event?.getFirstPropertyValue('location')).toBe('https://meet.example.jp/r/2');
    expect(event?.getFirstPropertyValue('url')).toBe('https://meet.example.jp/r/2');
    expect(String(event?.getFirstPropertyValue('description'))).toContain(context.sessionUrl);
    expect(event?.getFirstPropertyValue('uid')).toBe(`training-session-${session.id}@tsunagu.example.jp`);
    expect(event?.getFirstPropertyValue('sequence')).toBe(0);
  });

  it('cancels the same event (same UID, higher sequence) when the session is cancelled', () => {
    const text = sessionCalendar({ ...session, status: 'CANCELLED' }, context);
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    const event = calendar.getFirstSubcomponent('vevent');
    expect(event?.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(event?.getFirstPropertyValue('sequence')).toBe(1);
    expect(event?.getFirstPropertyValue('uid')).toBe(`training-session-${session.id}@tsunagu.example.jp`);
  });
});

describe('mailboxOf', () => {
  it('takes the address out of a From header', () => {
    expect(mailboxOf('つなぐ <no-reply@tsunagu.example.jp>')).toBe('no-reply@tsunagu.example.jp');
    expect(mailboxOf(' no-reply@tsunagu.example.jp ')).toBe('no-reply@tsunagu.example.jp');
  });
});
