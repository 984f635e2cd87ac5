// The demo referrals are ones the API could have produced: every state of the life cycle, each
// timeline a valid walk of the state machine by members allowed to take each step, shared
// categories covered by an active demo consent when sent, anonymous cases sharing nothing, and
// the forwarded pair linked both ways.
import {
  checkTransition,
  consentState,
  decideForRecipient,
  DEFAULT_EXPIRY_GRACE_HOURS,
  DEFAULT_RESPONSE_HOURS,
  maySeeSpecialCare,
  isSpecialCare,
  REFERRAL_STATUSES,
  ReferralStatus,
} from '@tsunagu/domain';
import { DEMO_SERVICES } from './demo-directory';
import { DEMO_NETWORK } from './demo-networks';
import { DEMO_CONSENTS, DEMO_PEOPLE } from './demo-people';
import { buildDemoReferral, DEMO_REFERRALS, demoMember, demoOrganizationKind, DemoReferral } from './demo-referrals';

const NOW = new Date('2026-11-26T10:00:00Z');
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const built = DEMO_REFERRALS.map((demo) => buildDemoReferral(demo, NOW));
const byId = new Map(built.map((referral) => [referral.demo.id, referral]));

/** The demo consents as they stand relative to the (same) seeding time. */
const consentFacts = DEMO_CONSENTS.map((consent) => ({
  ...consent,
  validFrom: new Date(NOW.getTime() + consent.validFromDays * DAY_MS),
  validUntil: consent.validUntilDays === null ? null : new Date(NOW.getTime() + consent.validUntilDays * DAY_MS),
  revokedAt: consent.revoked ? new Date(NOW.getTime() - consent.revoked.daysAgo * DAY_MS) : null,
}));

it('covers every status of the life cycle, with an overdue one and a forwarded pair', () => {
  const statuses = new Set(built.map((referral) => referral.status));
  expect([...statuses].sort()).toEqual([...REFERRAL_STATUSES.codes].sort());
  const overdue = built.filter((referral) => referral.status === 'SENT' && referral.responseDueAt! < NOW);
  expect(overdue.length).toBeGreaterThanOrEqual(1);
  expect(overdue.every((referral) => referral.escalatedAt !== null)).toBe(true);
  expect(built.some((referral) => referral.status === 'SENT' && referral.responseDueAt! > NOW)).toBe(true);
  const forwarded = built.filter((referral) => referral.status === 'FORWARDED');
  expect(forwarded).toHaveLength(1);
  const onward = built.filter((referral) => referral.demo.forwardedFrom === forwarded[0].demo.id);
  expect(onward).toHaveLength(1);
  expect(onward[0].demo.senderOrganizationId).toBe(forwarded[0].receiverOrganizationId);
  const forwardEvent = forwarded[0].events.find((event) => event.action === 'FORWARD')!;
  expect(forwardEvent.related).toBe(onward[0].demo.id);
  expect(onward[0].events[0]).toMatchObject({ action: 'CREATE', related: forwarded[0].demo.id });
  expect(onward[0].demo.reason).toBe(forwardEvent.note);
  expect(Math.abs(onward[0].createdAt.getTime() - forwardEvent.at.getTime())).toBeLessThanOrEqual(HOUR_MS);
  // Across the demo organisations: several senders and receivers.
  expect(new Set(built.map((referral) => referral.demo.senderOrganizationId)).size).toBeGreaterThanOrEqual(3);
  expect(new Set(built.map((referral) => referral.receiverOrganizationId)).size).toBeGreaterThanOrEqual(5);
});

it('uses unique fixed ids', () => {
  const ids = DEMO_REFERRALS.map((demo) => demo.id);
  expect(new Set(ids).size).toBe(ids.length);
  const eventIds = built.flatMap((referral) => referral.events.map((event) => event.id));
  expect(new Set(eventIds).size).toBe(eventIds.length);
  for (const id of [...ids, ...eventIds]) expect(id).toMatch(UUID);
  expect(new Set(DEMO_REFERRALS.map((demo) => demo.n)).size).toBe(DEMO_REFERRALS.length);
});

describe.each(DEMO_REFERRALS.map((demo): [number, DemoReferral] => [demo.n, demo]))('demo referral %i', (_, demo) => {
  const referral = byId.get(demo.id)!;

  it('goes to a service of another organisation that takes referrals', () => {
    const service = DEMO_SERVICES.find((candidate) => candidate.id === demo.serviceId)!;
    expect(service).toMatchObject({ networkId: DEMO_NETWORK.id, acceptsReferrals: true });
    expect(service.organizationId).not.toBe(demo.senderOrganizationId);
    expect(demoMember(demo.senderEmail).organizationId).toBe(demo.senderOrganizationId);
  });

  it('has a timeline the state machine allows, step by step, by members allowed to take each step', () => {
    let status: ReferralStatus | null = null;
    for (const event of referral.events) {
      expect(event.from).toBe(status);
      if (event.action === 'CREATE') {
        expect(event.to).toBe('DRAFT');
      } else if (event.action === 'ESCALATE') {
        expect([event.from, event.to, event.by]).toEqual(['SENT', 'SENT', null]);
      } else {
        const actor = event.by ? demoMember(event.by) : null;
        const sides = actor
          ? [
              ...(actor.organizationId === demo.senderOrganizationId ? (['SENDER'] as const) : []),
              ...(actor.organizationId === referral.receiverOrganizationId ? (['RECEIVER'] as const) : []),
            ]
          : [];
        expect(checkTransition(event.action, status!, actor ? { sides, roles: actor.roles } : 'SYSTEM', event.note)).toEqual({ ok: true, to: event.to });
      }
      status = event.to;
    }
    expect(status).toBe(referral.status);
    const times = referral.events.map((event) => event.at.getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(times[times.length - 1]).toBeLessThanOrEqual(NOW.getTime());
  });

  it('has the columns the API would have written', () => {
    const sent = referral.events.find((event) => event.action === 'SEND');
    expect(referral.sentAt).toEqual(sent?.at ?? null);
    if (referral.sentAt) {
      expect(referral.responseDueAt!.getTime() - referral.sentAt.getTime()).toBe(DEFAULT_RESPONSE_HOURS[demo.urgency] * HOUR_MS);
      expect(referral.expiresAt!.getTime() - referral.responseDueAt!.getTime()).toBe(DEFAULT_EXPIRY_GRACE_HOURS * HOUR_MS);
    } else {
      expect(['DRAFT', 'CANCELLED']).toContain(referral.status);
    }
    expect(referral.status === 'COMPLETED').toBe(referral.outcome !== null);
    if (referral.status === 'COMPLETED') expect(referral.outcome).toBe(referral.events[referral.events.length - 1].note);
    const final = ['DECLINED', 'EXPIRED', 'CANCELLED', 'COMPLETED', 'CLOSED_UNRESOLVED', 'FORWARDED'].includes(referral.status);
    expect(referral.closedAt !== null).toBe(final);
    expect(referral.answeredAt !== null).toBe(referral.events.some((event) => ['ACCEPT', 'DECLINE', 'FORWARD'].includes(event.action)));
    // Still awaiting a reply: not past its expiry (the job would have expired it).
    if (referral.status === 'SENT') expect(referral.expiresAt!.getTime()).toBeGreaterThan(NOW.getTime());
    for (const message of demo.messages) {
      const author = demoMember(message.by).organizationId;
      expect([demo.senderOrganizationId, referral.receiverOrganizationId]).toContain(author);
      expect(message.hoursAgo).toBeLessThanOrEqual((NOW.getTime() - referral.sentAt!.getTime()) / HOUR_MS);
    }
  });

  it('is a person of the sender, or an anonymous case that shares nothing', () => {
    expect(demo.personId === null).toBe(demo.anonymous !== null);
    if (!demo.personId) {
      expect(demo.sharedCategories).toEqual([]);
      return;
    }
    const person = DEMO_PEOPLE.find((candidate) => candidate.id === demo.personId)!;
    expect(person.organizationId).toBe(demo.senderOrganizationId);
    expect(person.useCeased).toBeUndefined();
  });

  it('shares only categories an active demo consent covered for the receiver and REFERRAL when sent', () => {
    if (!demo.personId || demo.sharedCategories.length === 0) return;
    const at = referral.sentAt ?? NOW; // a draft: checked as if sent now
    const recipient = { organizationId: referral.receiverOrganizationId, organizationKind: demoOrganizationKind(referral.receiverOrganizationId) };
    const consents = consentFacts.filter((consent) => consent.personId === demo.personId);
    for (const category of demo.sharedCategories) {
      const decision = decideForRecipient(consents, recipient, 'REFERRAL', category, at);
      expect([category, decision.access]).toEqual([category, 'DISCLOSED']);
      const consent = consents.find((candidate) => candidate.id === decision.consentId)!;
      expect(consentState(consent, at)).toBe('ACTIVE');
    }
    // Special-care data is shared by an admin or coordinator only.
    if (demo.sharedCategories.some(isSpecialCare)) expect(maySeeSpecialCare(demoMember(demo.senderEmail).roles)).toBe(true);
  });
});
