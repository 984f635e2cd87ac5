// The demo partnerships are ones a liaison could have saved (the partnerships module's
// validation) at any seeding time, spread over types and statuses, with review dates and
// follow-ups in the coming weeks (one due tomorrow, so a reminder shows on the next run).
import { isUuid, PARTNERSHIP_TYPES, PARTNERSHIP_STATUSES } from '@tsunagu/domain';
import { DEMO_EXTRA_ORGANIZATIONS } from './demo-directory';
import { DEMO_NETWORK } from './demo-networks';
import { buildDemoPartnership, DEMO_LIAISON, DEMO_PARTNERSHIPS, demoPartnershipRowId } from './demo-partnerships';

const SEEDING_TIMES = ['2026-11-26T00:30:00Z', '2026-11-26T14:59:00Z', '2026-11-26T15:01:00Z', '2027-03-31T23:59:00Z'].map((time) => new Date(time));
const CITY = DEMO_NETWORK.organizations.find((organization) => organization.kind === 'MUNICIPALITY');

it('has 4–6 partnerships with unique fixed ids, managed by the demo municipality and its liaison', () => {
  expect(DEMO_PARTNERSHIPS.length).toBeGreaterThanOrEqual(4);
  expect(DEMO_PARTNERSHIPS.length).toBeLessThanOrEqual(6);
  const ids = DEMO_PARTNERSHIPS.map((demo) => demoPartnershipRowId('partnership', demo.n));
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids.every(isUuid)).toBe(true);
  expect(['contact', 'interaction', 'followUp'].map((kind) => isUuid(demoPartnershipRowId(kind as 'contact', 999)))).toEqual([true, true, true]);
  expect(CITY?.members.find((member) => member.email === DEMO_LIAISON)?.roles).toContain('LIAISON');
});

it('names partners that are other organisations of the demo network', () => {
  const organizations = new Set([
    ...DEMO_NETWORK.organizations.map((organization) => organization.id),
    ...(DEMO_EXTRA_ORGANIZATIONS[DEMO_NETWORK.id] ?? []).map((organization) => organization.id),
  ]);
  for (const demo of DEMO_PARTNERSHIPS) {
    expect([demo.n, organizations.has(demo.partnerOrganizationId)]).toEqual([demo.n, true]);
    expect(demo.partnerOrganizationId).not.toBe(CITY?.id);
  }
  expect(new Set(DEMO_PARTNERSHIPS.map((demo) => demo.partnerOrganizationId)).size).toBe(DEMO_PARTNERSHIPS.length);
});

it.each(SEEDING_TIMES)('is valid by the partnerships rules when seeded at %s, with reviews and follow-ups ahead', (now) => {
  for (const demo of DEMO_PARTNERSHIPS) {
    const built = buildDemoPartnership(demo, now); // throws when the module's validation refuses it
    expect(built.createdAt.getTime()).toBeLessThan(now.getTime());
    if (demo.status !== 'ENDED' && demo.reviewInDays !== null) {
      expect([demo.n, demo.reviewInDays > 0 && demo.reviewInDays <= 42]).toEqual([demo.n, true]);
    }
  }
});

it('spreads over types and statuses, with a budgeted 委託, interactions and a follow-up due tomorrow', () => {
  const types = new Set(DEMO_PARTNERSHIPS.map((demo) => demo.type));
  for (const type of ['CONTRACT', 'AGREEMENT', 'COUNCIL', 'INFORMAL'] as const) expect(types).toContain(type);
  expect([...types].every((type) => PARTNERSHIP_TYPES.codes.includes(type))).toBe(true);
  const statuses = new Set(DEMO_PARTNERSHIPS.map((demo) => demo.status));
  expect(statuses.size).toBeGreaterThanOrEqual(3);
  expect([...statuses].every((status) => PARTNERSHIP_STATUSES.codes.includes(status))).toBe(true);
  expect(DEMO_PARTNERSHIPS.some((demo) => demo.type === 'CONTRACT' && demo.status === 'ACTIVE' && (demo.budgetYen ?? 0) > 0)).toBe(true);
  const interactions = DEMO_PARTNERSHIPS.flatMap((demo) => demo.interactions);
  expect(interactions.length).toBeGreaterThanOrEqual(2);
  expect(interactions.length).toBeLessThanOrEqual(3);
  const followUps = interactions.flatMap((interaction) => interaction.followUps);
  expect(followUps.some((followUp) => followUp.dueInDays === 1 && !followUp.done && followUp.assignee === DEMO_LIAISON)).toBe(true);
  expect(followUps.some((followUp) => followUp.done)).toBe(true);
  expect(DEMO_PARTNERSHIPS.every((demo) => demo.contacts.length > 0)).toBe(true);
});
