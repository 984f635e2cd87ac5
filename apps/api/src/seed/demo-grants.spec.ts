// The demo grant listings are ones an editor could have saved (the grants module's validation),
// spread over open, closing-within-7-days and closed windows at any seeding time, with varied
// funders, themes, amounts and regions, a few public; bookmarks and applications point at them.
import { FUNDER_KINDS, GRANT_TYPES, isUuid } from '@tsunagu/domain';
import { buildDemoGrant, DEMO_GRANT_APPLICATIONS, DEMO_GRANT_BOOKMARKS, DEMO_GRANT_EDITORS, DEMO_GRANTS } from './demo-grants';
import { DEMO_NETWORK } from './demo-networks';

const DAY_MS = 24 * 60 * 60 * 1000;
// Seeding at different hours of the day must not move a listing out of its window kind.
const SEEDING_TIMES = ['2026-11-26T00:30:00Z', '2026-11-26T07:59:00Z', '2026-11-26T08:01:00Z', '2026-11-26T23:59:00Z', '2027-02-28T12:00:00Z'].map(
  (time) => new Date(time),
);

it('has 40 listings with unique fixed ids', () => {
  expect(DEMO_GRANTS).toHaveLength(40);
  expect(new Set(DEMO_GRANTS.map((grant) => grant.id)).size).toBe(40);
  expect(DEMO_GRANTS.every((grant) => isUuid(grant.id))).toBe(true);
});

it.each(SEEDING_TIMES)('is valid by the grants rules and in its window kind when seeded at %s', (now) => {
  for (const demo of DEMO_GRANTS) {
    const built = buildDemoGrant(demo, now); // throws when validateGrantFields refuses it
    const closes = built.fields.windowClosesAt?.getTime() ?? NaN;
    const opens = built.fields.windowOpensAt?.getTime() ?? NaN;
    expect(opens).toBeLessThan(closes);
    expect(built.publishedAt.getTime()).toBeLessThan(now.getTime());
    if (demo.window === 'OPEN') {
      expect([demo.n, opens <= now.getTime() && closes > now.getTime() + 7 * DAY_MS]).toEqual([demo.n, true]);
      expect(built.status).toBe('PUBLISHED');
    } else if (demo.window === 'CLOSING_SOON') {
      expect([demo.n, closes > now.getTime() && closes <= now.getTime() + 7 * DAY_MS]).toEqual([demo.n, true]);
      expect(built.status).toBe('PUBLISHED');
    } else {
      expect([demo.n, closes < now.getTime()]).toEqual([demo.n, true]);
      expect(built).toMatchObject({ status: 'CLOSED', closedAt: built.fields.windowClosesAt });
    }
  }
});

it('spreads over windows, publishers, funders, types, themes, amounts, regions and visibility', () => {
  const count = (predicate: (grant: (typeof DEMO_GRANTS)[number]) => boolean) => DEMO_GRANTS.filter(predicate).length;
  expect(count((grant) => grant.window === 'OPEN')).toBeGreaterThanOrEqual(15);
  expect(count((grant) => grant.window === 'CLOSING_SOON')).toBeGreaterThanOrEqual(5);
  expect(count((grant) => grant.window === 'CLOSED')).toBeGreaterThanOrEqual(5);
  expect(count((grant) => grant.publisher === 'CITY')).toBeGreaterThanOrEqual(10);
  expect(count((grant) => grant.publisher === 'CENTER')).toBeGreaterThanOrEqual(10);
  expect(new Set(DEMO_GRANTS.map((grant) => grant.input.funderKind))).toEqual(new Set(FUNDER_KINDS.codes));
  expect(new Set(DEMO_GRANTS.map((grant) => grant.input.grantType))).toEqual(new Set(GRANT_TYPES.codes));
  expect(new Set(DEMO_GRANTS.flatMap((grant) => grant.input.themes)).size).toBeGreaterThanOrEqual(15);
  expect(count((grant) => grant.input.amountUnlimited)).toBeGreaterThanOrEqual(1);
  expect(count((grant) => grant.input.amountMax === null && !grant.input.amountUnlimited)).toBeGreaterThanOrEqual(1);
  expect(count((grant) => grant.input.nationwide)).toBeGreaterThanOrEqual(5);
  expect(count((grant) => grant.input.regionCodes.includes('13102'))).toBeGreaterThanOrEqual(5);
  const publics = count((grant) => grant.input.visibility === 'PUBLIC');
  expect(publics).toBeGreaterThanOrEqual(3);
  expect(publics).toBeLessThanOrEqual(8);
  // Every listing of the city is the city's own programme.
  expect(DEMO_GRANTS.filter((grant) => grant.publisher === 'CITY').every((grant) => grant.input.funderName === '中央区')).toBe(true);
});

it('is published by grant editors of the intermediary and the municipality', () => {
  const members = new Map(DEMO_NETWORK.organizations.flatMap((organization) => organization.members.map((member) => [member.email, { organization, member }])));
  for (const email of Object.values(DEMO_GRANT_EDITORS)) {
    const found = members.get(email);
    expect(found?.member.roles).toContain('GRANT_EDITOR');
    expect(['INTERMEDIARY', 'MUNICIPALITY']).toContain(found?.organization.kind);
  }
});

it('bookmarks and applies to listings that exist, awards only with an amount and only closed ones', () => {
  const byN = new Map(DEMO_GRANTS.map((grant) => [grant.n, grant]));
  for (const bookmark of DEMO_GRANT_BOOKMARKS) expect(byN.get(bookmark.grant)?.window).not.toBe('CLOSED');
  for (const application of DEMO_GRANT_APPLICATIONS) {
    const grant = byN.get(application.grant);
    expect(grant).toBeDefined();
    expect(application.status === 'AWARDED').toBe(application.amountAwarded !== null);
    if (application.status === 'AWARDED' || application.status === 'REJECTED') expect(grant?.window).toBe('CLOSED');
  }
  expect(new Set(DEMO_GRANT_APPLICATIONS.map((application) => application.grant)).size).toBe(DEMO_GRANT_APPLICATIONS.length);
});
