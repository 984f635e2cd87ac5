import { consentState, isSpecialCare, SERVICE_CATEGORIES } from '@tsunagu/domain';
import { randomBytes } from 'node:crypto';
import { FieldCipher } from '../core/personal-data/field-cipher';
import { sealingContext } from '../core/personal-data/sealing';
import { DEMO_EXTRA_ORGANIZATIONS } from './demo-directory';
import { DEMO_NETWORK } from './demo-networks';
import { DEMO_CONSENTS, DEMO_PEOPLE, demoPersonColumns, demoPersonValues } from './demo-people';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// Only the fictitious ranges the demo uses, never a real number.
const PHONE = /^03-0000-\d{4}$/;
const NOW = new Date('2026-11-26T10:00:00Z');
const DAY_MS = 24 * 60 * 60 * 1000;

const organizations = new Set([
  ...DEMO_NETWORK.organizations.map((organization) => organization.id),
  ...(DEMO_EXTRA_ORGANIZATIONS[DEMO_NETWORK.id] ?? []).map((organization) => organization.id),
]);
const membersOf = (organizationId: string): string[] =>
  DEMO_NETWORK.organizations.find((organization) => organization.id === organizationId)?.members.map((member) => member.email) ?? [];

function stateOf(consent: (typeof DEMO_CONSENTS)[number]) {
  return consentState(
    {
      validFrom: new Date(NOW.getTime() + consent.validFromDays * DAY_MS),
      validUntil: consent.validUntilDays === null ? null : new Date(NOW.getTime() + consent.validUntilDays * DAY_MS),
      revokedAt: consent.revoked ? new Date(NOW.getTime() - consent.revoked.daysAgo * DAY_MS) : null,
    },
    NOW,
  );
}

describe('demo people', () => {
  it('has 8 to 12 people with distinct UUIDs, registered by a member of their (demo network) organisation', () => {
    expect(DEMO_PEOPLE.length).toBeGreaterThanOrEqual(8);
    expect(DEMO_PEOPLE.length).toBeLessThanOrEqual(12);
    const ids = [...DEMO_PEOPLE.map((person) => person.id), ...DEMO_CONSENTS.map((consent) => consent.id)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const person of DEMO_PEOPLE) {
      expect(person.id).toMatch(UUID);
      expect(organizations.has(person.organizationId)).toBe(true);
      expect(membersOf(person.organizationId)).toContain(person.caseWorkerEmail);
    }
  });

  it('passes the same validation as createPerson, with fictitious contact details and directory needs', () => {
    for (const person of DEMO_PEOPLE) {
      const values = demoPersonValues(person, NOW);
      expect(values.IDENTITY.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (values.CONTACT?.phone) expect(values.CONTACT.phone).toMatch(PHONE);
      if (values.CONTACT?.email) expect(values.CONTACT.email).toMatch(/@example\.jp$/);
      for (const need of values.CONSULTATION?.needs ?? []) {
        expect(SERVICE_CATEGORIES.codes).toContain(need);
      }
    }
    expect(DEMO_PEOPLE.some((person) => person.input.health || person.input.disability || person.input.legal)).toBe(true);
  });

  it('seals special-care values so they open only in their own row and category, and keeps them out of plain columns', () => {
    const cipher = new FieldCipher({ activeKeyId: 'demo', keys: new Map([['demo', randomBytes(32)]]) });
    for (const person of DEMO_PEOPLE) {
      const columns = demoPersonColumns(cipher, DEMO_NETWORK.id, person, NOW);
      const values = demoPersonValues(person, NOW);
      expect(columns.search_text).toEqual(expect.any(String));
      expect(columns.duplicate_key).toMatch(/\|\d{4}-\d{2}-\d{2}$/);
      for (const [category, column] of [['HEALTH', 'health_sealed'], ['DISABILITY', 'disability_sealed'], ['LEGAL', 'legal_sealed']] as const) {
        const sealed = columns[column] as string | null;
        if (values[category] === null) {
          expect(sealed).toBeNull();
          continue;
        }
        expect(sealed).toMatch(/^v1\.demo\./);
        expect(cipher.openJson(sealed as string, sealingContext(DEMO_NETWORK.id, person.id, category))).toEqual(values[category]);
        expect(() => cipher.openJson(sealed as string, sealingContext(DEMO_NETWORK.id, DEMO_PEOPLE[0].id === person.id ? DEMO_PEOPLE[1].id : DEMO_PEOPLE[0].id, category))).toThrow();
        const plain = JSON.stringify([columns.identity, columns.contact, columns.household, columns.financial, columns.consultation]);
        for (const text of Object.values(values[category] as object)) {
          if (typeof text === 'string' && text.length > 3) expect(plain).not.toContain(text);
        }
      }
    }
  });

  it('records only consents the database accepts: special care never mixed, recipients and purposes present, dates in order', () => {
    for (const consent of DEMO_CONSENTS) {
      const person = DEMO_PEOPLE.find((candidate) => candidate.id === consent.personId);
      expect(person).toBeDefined();
      expect(consent.categories.length).toBeGreaterThan(0);
      expect(consent.purposes.length).toBeGreaterThan(0);
      expect(consent.recipientOrganizationIds.length + consent.recipientKinds.length).toBeGreaterThan(0);
      for (const recipient of consent.recipientOrganizationIds) {
        expect(organizations.has(recipient)).toBe(true);
        expect(recipient).not.toBe(person?.organizationId);
      }
      const special = consent.categories.filter(isSpecialCare);
      if (special.length > 0) {
        expect(special).toEqual(consent.categories);
        expect(consent.specialCareExplained).toBe(true);
      }
      if (consent.validUntilDays !== null) expect(consent.validUntilDays).toBeGreaterThan(consent.validFromDays);
      if (consent.revoked) expect(consent.revoked.reason.length).toBeGreaterThan(0);
      // The categories a consent shares are ones the person has values for.
      const values = demoPersonValues(person as (typeof DEMO_PEOPLE)[number], NOW);
      for (const category of consent.categories) expect(values[category]).not.toBeNull();
    }
  });

  it('shows every consent state, named and kind recipients, separate special-care consent and a stopped person', () => {
    const states = new Set(DEMO_CONSENTS.map(stateOf));
    expect([...states].sort()).toEqual(['ACTIVE', 'EXPIRED', 'NOT_YET_VALID', 'REVOKED']);
    const active = DEMO_CONSENTS.filter((consent) => stateOf(consent) === 'ACTIVE');
    expect(active.some((consent) => consent.recipientOrganizationIds.length > 0 && consent.purposes.includes('REFERRAL'))).toBe(true);
    expect(
      active.some(
        (consent) =>
          consent.purposes.includes('CASE_CONFERENCE') &&
          consent.recipientKinds.some((kind) => kind === 'MUNICIPALITY' || kind === 'SOCIAL_WELFARE_COUNCIL'),
      ),
    ).toBe(true);
    expect(active.some((consent) => consent.categories.some(isSpecialCare))).toBe(true);
    expect(DEMO_PEOPLE.filter((person) => person.useCeased)).toHaveLength(1);
  });
});
