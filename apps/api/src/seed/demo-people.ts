// Demo people supported (当事者) and their consents for `npm start` (DESIGN.md capability 2), so
// the people pages, the consent rule and the kept records have something to show. Everything
// here is invented: names, birth dates, the 03-0000-xxxx phone numbers and example.jp
// addresses. Most people are registered by NPO法人こもれび, where the coordinator
// (coordinator@komorebi.example.jp) is the usual case worker; one is registered by
// つながりサポートセンター and shared with こもれび, so the coordinator also sees a shared person.
//
// The consents show each state the rule knows: active to a named organisation for referral,
// active to organisation kinds for case conferences, separate special-care consents, one
// expired, one revoked (with its reason), one not valid yet, one for statistics, and one person
// whose use has stopped. Their dates are relative to the first seeding, which fixes them (fixed ids, inserts
// that skip existing rows).
//
// The records are data, in demo-people.json: people and consents by number, organisations by
// their DEMO_ORGANIZATION_IDS name, and each consent's `about` saying what it shows.
import {
  ConsentMethod,
  ConsentPurpose,
  duplicateKey,
  OrganizationKind,
  PERSONAL_DATA_CATEGORIES,
  PersonalDataCategory,
  PersonValues,
} from '@tsunagu/domain';
import type { EntityManager } from 'typeorm';
import { FieldCipher } from '../core/personal-data/field-cipher';
import { personColumnValues, searchText } from '../core/personal-data/person-records';
import type { PersonInput } from '../modules/people/dto/people.input';
import { validatePersonInput } from '../modules/people/person-fields';
import { DEMO_ORGANIZATION_IDS, DemoOrganizationName } from './demo-directory';
import { DEMO_NETWORK } from './demo-networks';
import PEOPLE from './demo-people.json';

export interface DemoPerson {
  readonly id: string;
  /** The registering organisation (the owner). */
  readonly organizationId: string;
  /** The member who registered them (and obtained their consents). */
  readonly caseWorkerEmail: string;
  /** Days before the first seeding the person was registered. */
  readonly registeredDaysAgo: number;
  readonly input: PersonInput & { identity: NonNullable<PersonInput['identity']> };
  /** 利用停止 at the person's request. */
  readonly useCeased?: { readonly daysAgo: number; readonly reason: string };
}

export interface DemoConsent {
  readonly id: string;
  readonly personId: string;
  readonly categories: PersonalDataCategory[];
  readonly purposes: ConsentPurpose[];
  readonly recipientOrganizationIds: string[];
  readonly recipientKinds: OrganizationKind[];
  /** Days relative to the first seeding (negative: before). */
  readonly validFromDays: number;
  readonly validUntilDays: number | null;
  readonly method: ConsentMethod;
  readonly evidenceNote: string | null;
  readonly specialCareExplained: boolean;
  readonly revoked?: { readonly daysAgo: number; readonly reason: string };
}

const person = (n: number) => `6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8a${String(n).padStart(2, '0')}`;
const consent = (n: number) => `6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8c${String(n).padStart(2, '0')}`;

/** A person as demo-people.json writes it: numbered, the registering organisation by name. */
type PersonRecord = Omit<DemoPerson, 'id' | 'organizationId'> & { readonly n: number; readonly organization: DemoOrganizationName };

/** A consent as demo-people.json writes it: numbered, its person by number, organisations by name, `about` for the reader. */
type ConsentRecord = Omit<DemoConsent, 'id' | 'personId' | 'recipientOrganizationIds'> & {
  readonly about?: string;
  readonly n: number;
  readonly person: number;
  readonly recipientOrganizations: DemoOrganizationName[];
};

// JSON widens codes to strings, so the records are read unchecked here; seedDemoPeople runs each
// person through validatePersonInput (as createPerson does) and demo-people.spec.ts checks the consents.
const RECORDS = PEOPLE as unknown as { people: PersonRecord[]; consents: ConsentRecord[] };

export const DEMO_PEOPLE: DemoPerson[] = RECORDS.people.map(({ n, organization, ...demo }) => ({
  id: person(n),
  organizationId: DEMO_ORGANIZATION_IDS[organization],
  ...demo,
}));

export const DEMO_CONSENTS: DemoConsent[] = RECORDS.consents.map(({ about, n, person: personNumber, recipientOrganizations, ...demo }) => {
  if (!RECORDS.people.some((record) => record.n === personNumber)) throw new Error(`Demo consent ${n} (${about ?? ''}): no person ${personNumber}`);
  return {
    id: consent(n),
    personId: person(personNumber),
    ...demo,
    recipientOrganizationIds: recipientOrganizations.map((name) => DEMO_ORGANIZATION_IDS[name]),
  };
});

const DAY_MS = 24 * 60 * 60 * 1000;

function daysFrom(now: Date, days: number): Date {
  return new Date(now.getTime() + days * DAY_MS);
}

/** A demo person's values, checked and normalised exactly as createPerson does. */
export function demoPersonValues(demo: DemoPerson, today: Date): PersonValues {
  const values = validatePersonInput(demo.input, today);
  return Object.fromEntries(
    PERSONAL_DATA_CATEGORIES.codes.map((category) => [category, values[category] ?? null]),
  ) as unknown as PersonValues;
}

/** The `persons` row of a demo person as PersonRecords.create would write it (sealed where it must be). */
export function demoPersonColumns(cipher: FieldCipher, tenantId: string, demo: DemoPerson, now: Date): Record<string, unknown> {
  const values = demoPersonValues(demo, now);
  return {
    search_text: searchText(values.IDENTITY),
    duplicate_key: duplicateKey(values.IDENTITY.familyNameKana, values.IDENTITY.givenNameKana, values.IDENTITY.birthDate),
    ...personColumnValues(cipher, tenantId, demo.id, values, PERSONAL_DATA_CATEGORIES.codes),
  };
}

async function membershipOf(manager: EntityManager, tenantId: string, organizationId: string, email: string): Promise<string> {
  const [row]: Array<{ id: string }> = await manager.query(
    `SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id
      WHERE m.tenant_id = $1 AND m.organization_id = $2 AND u.email = $3`,
    [tenantId, organizationId, email],
  );
  if (!row) throw new Error(`Demo people: no membership of ${email} in organisation ${organizationId}`);
  return row.id;
}

/** Seeds DEMO_PEOPLE and DEMO_CONSENTS into DEMO_NETWORK (inside the seeding transaction). */
export async function seedDemoPeople(manager: EntityManager, cipher: FieldCipher): Promise<void> {
  const tenantId = DEMO_NETWORK.id;
  const now = new Date();
  const caseWorkers = new Map<string, string>();
  for (const demo of DEMO_PEOPLE) {
    const membershipId = await membershipOf(manager, tenantId, demo.organizationId, demo.caseWorkerEmail);
    caseWorkers.set(demo.id, membershipId);
    const columns = demoPersonColumns(cipher, tenantId, demo, now);
    const registeredAt = daysFrom(now, -demo.registeredDaysAgo);
    const names = [
      'tenant_id', 'id', 'organization_id', 'created_by_membership_id', 'created_at', 'updated_at',
      'status', 'use_ceased_at', 'use_ceased_reason', ...Object.keys(columns),
    ];
    const values = [
      tenantId, demo.id, demo.organizationId, membershipId, registeredAt, registeredAt,
      demo.useCeased ? 'USE_CEASED' : 'ACTIVE',
      demo.useCeased ? daysFrom(now, -demo.useCeased.daysAgo) : null,
      demo.useCeased?.reason ?? null,
      ...Object.values(columns),
    ];
    await manager.query(
      `INSERT INTO persons (${names.join(', ')}) VALUES (${names.map((_, index) => `$${index + 1}`).join(', ')})
       ON CONFLICT (tenant_id, id) DO NOTHING`,
      values,
    );
  }
  for (const demo of DEMO_CONSENTS) {
    const owner = DEMO_PEOPLE.find((candidate) => candidate.id === demo.personId);
    const membershipId = caseWorkers.get(demo.personId);
    if (!owner || !membershipId) throw new Error(`Demo consent ${demo.id} names an unknown person`);
    const obtainedAt = daysFrom(now, Math.min(demo.validFromDays, 0) - 1);
    await manager.query(
      `INSERT INTO consents (tenant_id, id, person_id, organization_id, categories, purposes, recipient_organization_ids,
                             recipient_kinds, valid_from, valid_until, method, obtained_by_membership_id, obtained_at,
                             evidence_note, special_care_explained, revoked_at, revoked_by_membership_id, revocation_reason,
                             created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $13, $13)
       ON CONFLICT (tenant_id, id) DO NOTHING`,
      [
        tenantId, demo.id, demo.personId, owner.organizationId, demo.categories, demo.purposes, demo.recipientOrganizationIds,
        demo.recipientKinds, daysFrom(now, demo.validFromDays), demo.validUntilDays === null ? null : daysFrom(now, demo.validUntilDays),
        demo.method, membershipId, obtainedAt, demo.evidenceNote, demo.specialCareExplained,
        demo.revoked ? daysFrom(now, -demo.revoked.daysAgo) : null,
        demo.revoked ? membershipId : null,
        demo.revoked?.reason ?? null,
      ],
    );
  }
}
