import { CHANNEL_KINDS, SERVICE_CATEGORIES, SERVICE_LANGUAGES, TARGET_GROUPS, WEEKDAYS } from '@tsunagu/domain';
import { DEMO_EXTRA_ORGANIZATIONS, DEMO_PROFILES, DEMO_SERVICES } from './demo-directory';
import { DEMO_NETWORK, SECOND_DEMO_NETWORK } from './demo-networks';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const KATAKANA = /^[\u30A1-\u30FC ]+$/;
// Only the fictitious ranges the demo uses, never a real number.
const PHONE = /^(03-0000-\d{4}|0120-000-\d{3})$/;

const networks = [DEMO_NETWORK, SECOND_DEMO_NETWORK];

function organizationIdsOf(networkId: string): Set<string> {
  const network = networks.find((candidate) => candidate.id === networkId);
  return new Set([
    ...(network?.organizations.map((organization) => organization.id) ?? []),
    ...(DEMO_EXTRA_ORGANIZATIONS[networkId] ?? []).map((organization) => organization.id),
  ]);
}

function isValidDate(value: string): boolean {
  return ISO_DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

describe('demo directory', () => {
  const chuo = DEMO_SERVICES.filter((service) => service.networkId === DEMO_NETWORK.id);
  const minato = DEMO_SERVICES.filter((service) => service.networkId === SECOND_DEMO_NETWORK.id);

  it('has at least 60 services in the Chuo network and 5–8 in the Minato network', () => {
    expect(chuo.length).toBeGreaterThanOrEqual(60);
    expect(minato.length).toBeGreaterThanOrEqual(5);
    expect(minato.length).toBeLessThanOrEqual(8);
    expect(chuo.length + minato.length).toBe(DEMO_SERVICES.length);
  });

  it('uses distinct UUIDs for services and organisations, apart from the seeded ones', () => {
    const extras = Object.values(DEMO_EXTRA_ORGANIZATIONS).flat();
    const seeded = networks.flatMap((network) => [network.id, ...network.organizations.map((o) => o.id)]);
    const ids = [...DEMO_SERVICES.map((service) => service.id), ...extras.map((organization) => organization.id)];
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(seeded).not.toContain(id);
  });

  it('gives the extra organisations kana names and distinct names per network', () => {
    for (const [networkId, organizations] of Object.entries(DEMO_EXTRA_ORGANIZATIONS)) {
      expect(networks.map((network) => network.id)).toContain(networkId);
      const seededNames: string[] = networks.find((n) => n.id === networkId)?.organizations.map((o) => o.name) ?? [];
      const names = [...seededNames, ...organizations.map((organization) => organization.name)];
      expect(new Set(names).size).toBe(names.length);
      for (const organization of organizations) expect(organization.nameKana).toMatch(KATAKANA);
    }
    expect(DEMO_EXTRA_ORGANIZATIONS[DEMO_NETWORK.id].length).toBeGreaterThanOrEqual(6);
    expect(DEMO_EXTRA_ORGANIZATIONS[DEMO_NETWORK.id].length).toBeLessThanOrEqual(10);
  });

  it('covers every category at least twice in the Chuo network', () => {
    for (const category of SERVICE_CATEGORIES.codes) {
      const count = chuo.filter((service) => service.categories.includes(category)).length;
      expect({ category, enough: count >= 2 }).toEqual({ category, enough: true });
    }
  });

  it('covers every channel kind, target group and language', () => {
    const kinds = new Set(DEMO_SERVICES.flatMap((service) => service.channels.map((channel) => channel.kind)));
    const groups = new Set(DEMO_SERVICES.flatMap((service) => service.targetGroups));
    const languages = new Set(DEMO_SERVICES.flatMap((service) => service.languages));
    expect([...kinds].sort()).toEqual([...CHANNEL_KINDS.codes].sort());
    expect([...groups].sort()).toEqual([...TARGET_GROUPS.codes].sort());
    expect([...languages].sort()).toEqual([...SERVICE_LANGUAGES.codes].sort());
  });

  it('assigns every service to an organisation of its own network', () => {
    for (const service of DEMO_SERVICES) {
      expect({ id: service.id, known: organizationIdsOf(service.networkId).has(service.organizationId) }).toEqual({
        id: service.id,
        known: true,
      });
    }
  });

  it('has one profile for every organisation with services, and only for known organisations', () => {
    const profiled = DEMO_PROFILES.map((profile) => profile.organizationId);
    expect(new Set(profiled).size).toBe(profiled.length);
    const known = new Set(networks.flatMap((network) => [...organizationIdsOf(network.id)]));
    for (const id of profiled) expect(known).toContain(id);
    for (const service of DEMO_SERVICES) expect(profiled).toContain(service.organizationId);
    for (const profile of DEMO_PROFILES) {
      if (profile.website !== null) expect(profile.website).toMatch(/^https:\/\/[a-z0-9.-]+\.example\.jp(\/[\w-]*)*$/);
      if (profile.email !== null) expect(profile.email).toMatch(/^[\w.-]+@[a-z0-9.-]+\.example\.jp$/);
      if (profile.phone !== null) expect(profile.phone).toMatch(PHONE);
      if (profile.postalCode !== null) expect(profile.postalCode).toMatch(/^\d{3}-\d{4}$/);
      if (profile.municipalityCode !== null) expect(profile.municipalityCode).toMatch(/^\d{5}$/);
    }
  });

  it('has valid opening periods, areas, ages and dates', () => {
    for (const service of DEMO_SERVICES) {
      for (const period of service.openingHours) {
        expect(WEEKDAYS).toContain(period.day);
        expect(period.opens).toMatch(TIME);
        expect(period.closes).toMatch(TIME);
        expect(period.closes > period.opens).toBe(true);
      }
      // Open around the clock, or open at stated times.
      expect(service.open24h ? service.openingHours.length === 0 : service.openingHours.length > 0).toBe(true);
      for (const code of service.areaCodes) expect(code).toMatch(/^\d{5}$/);
      expect(service.nationwide ? service.areaCodes.length === 0 : service.areaCodes.length > 0).toBe(true);
      if (service.ageMin != null && service.ageMax != null) expect(service.ageMin).toBeLessThanOrEqual(service.ageMax);
      expect(service.lastReviewedOn).toMatch(/^2026-/);
      expect(isValidDate(service.lastReviewedOn ?? '')).toBe(true);
      if (service.capacity === 'WAITLIST') {
        expect(service.waitlistNote).toBeTruthy();
        expect(service.waitlistExpectedOn).toMatch(/^2027-/);
        expect(isValidDate(service.waitlistExpectedOn ?? '')).toBe(true);
      }
      if (service.fee === 'PAID') expect(service.feeNote).toBeTruthy();
      if (service.nameKana != null) expect(service.nameKana).toMatch(KATAKANA);
    }
  });

  it('has non-empty taxonomies and fictitious contact details', () => {
    for (const service of DEMO_SERVICES) {
      expect(service.categories.length).toBeGreaterThan(0);
      expect(service.targetGroups.length).toBeGreaterThan(0);
      expect(service.languages.length).toBeGreaterThan(0);
      expect(service.channels.length).toBeGreaterThan(0);
      for (const channel of service.channels) {
        if (channel.kind === 'PHONE') expect(channel.value).toMatch(PHONE);
        if (channel.kind === 'EMAIL') expect(channel.value).toMatch(/@[a-z0-9.-]+\.example\.jp$/);
        if (channel.kind === 'CHAT') expect(channel.value).toMatch(/^https:\/\/[a-z0-9.-]+\.example\.jp/);
        if (channel.kind === 'SNS_LINE') expect(channel.value).toMatch(/^@tsunagu-[a-z0-9-]+$/);
      }
    }
    expect(DEMO_SERVICES.some((service) => service.channels.some((channel) => !channel.public))).toBe(true);
    expect(DEMO_SERVICES.some((service) => service.open24h)).toBe(true);
    expect(DEMO_SERVICES.some((service) => service.nationwide)).toBe(true);
    for (const state of ['ACCEPTING', 'WAITLIST', 'NOT_ACCEPTING'] as const) {
      expect(DEMO_SERVICES.some((service) => service.capacity === state)).toBe(true);
    }
  });

  it('has distinct service names within each network', () => {
    for (const list of [chuo, minato]) {
      const names = list.map((service) => service.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it('can be found by short keywords and kana', () => {
    for (const keyword of ['住まい', '就労', 'DV', '居場所', 'LGBTQ', '依存症', 'ひきこもり']) {
      const found = chuo.some((service) => `${service.name} ${service.description}`.includes(keyword));
      expect({ keyword, found }).toEqual({ keyword, found: true });
    }
    expect(chuo.filter((service) => service.nameKana).length).toBeGreaterThanOrEqual(chuo.length / 2);
  });
});
