// Small builders and readers for people supported (当事者) in integration tests: the GraphQL
// selection of a whole person, a person input with values that can be searched for later, the
// mutations every people test needs, and a superuser connection to the test's own database (to
// look at what is stored, below row-level security).
import { DataSource } from 'typeorm';
import type { SignedInClient } from './accounts';
import type { GraphQLResponse } from './graphql';
import type { TestDatabase } from './test-database';

const SECTION = `access withheldReason consentId`;

/** Every category of a person with every value field. */
export const PERSON_FIELDS = `id pseudonym status ownedByMe ownerOrganizationId ownerOrganizationName purpose
  categories { category access withheldReason consentId specialCare }
  identity { ${SECTION} values { familyName givenName familyNameKana givenNameKana birthDate gender } }
  contact { ${SECTION} values { phone email postalCode address municipalityCode preferredChannel notes } }
  household { ${SECTION} values { livingSituation householdSize dependents notes } }
  health { ${SECTION} values { conditions medications medicalInstitution notes } }
  disability { ${SECTION} values { certificate grade notes } }
  financial { ${SECTION} values { incomeSources receivesPublicAssistance hasDebt notes } }
  legal { ${SECTION} values { criminalRecord victimisation protectionOrder notes } }
  consultation { ${SECTION} values { needs summary notes } }`;

export const PERSON_QUERY = `query Person($id: ID!, $purpose: ConsentPurpose) { person(id: $id, purpose: $purpose) { ${PERSON_FIELDS} } }`;
export const CREATE_PERSON = `mutation CreatePerson($input: PersonInput!, $acknowledgeDuplicates: Boolean! = false) {
  createPerson(input: $input, acknowledgeDuplicates: $acknowledgeDuplicates) { ${PERSON_FIELDS} }
}`;
export const RECORD_CONSENT = `mutation RecordConsent($input: ConsentInput!) { recordConsent(input: $input) { id state categories specialCare } }`;
export const REVOKE_CONSENT = `mutation RevokeConsent($id: ID!, $reason: String!) { revokeConsent(id: $id, reason: $reason) { id state } }`;

export interface Section {
  access: 'DISCLOSED' | 'WITHHELD';
  withheldReason: string | null;
  consentId: string | null;
  values: Record<string, unknown> | null;
}

export type PersonResult = {
  id: string;
  pseudonym: string;
  status: string;
  ownedByMe: boolean;
  categories: Array<{ category: string; access: string; withheldReason: string | null; consentId: string | null; specialCare: boolean }>;
} & Record<'identity' | 'contact' | 'household' | 'health' | 'disability' | 'financial' | 'legal' | 'consultation', Section>;

/** The data of a response, or an error naming what went wrong. */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.body.errors?.length || !response.body.data) {
    throw new Error(`GraphQL errors: ${JSON.stringify(response.body.errors)}`);
  }
  return response.body.data;
}

/**
 * A PersonInput with every category filled. Text values carry `marker`, so a test can look for
 * them anywhere (a raw row, a dump, an export) and know they came from this person. No birth
 * date unless given, so people made this way never meet the duplicate warning.
 */
export function fullPersonInput(marker: string, identity: Partial<Record<string, unknown>> = {}) {
  return {
    identity: { familyName: `試験${marker}`, givenName: '花子', familyNameKana: 'シケン', givenNameKana: 'ハナコ', birthDate: null, gender: 'FEMALE', ...identity },
    contact: { phone: '03-0000-1234', email: `${marker.toLowerCase()}@example.jp`, postalCode: '104-0061', address: `東京都中央区（架空）${marker}`, municipalityCode: '13102', preferredChannel: '電話', notes: `連絡メモ${marker}` },
    household: { livingSituation: 'ALONE', householdSize: 1, dependents: `扶養${marker}`, notes: `世帯メモ${marker}` },
    health: { conditions: `病名${marker}`, medications: `服薬${marker}`, medicalInstitution: `病院${marker}`, notes: `健康メモ${marker}` },
    disability: { certificate: 'MENTAL', grade: `等級${marker}`, notes: `障害メモ${marker}` },
    financial: { incomeSources: `収入${marker}`, receivesPublicAssistance: false, hasDebt: true, notes: `家計メモ${marker}` },
    legal: { criminalRecord: `犯罪歴${marker}`, victimisation: `被害歴${marker}`, protectionOrder: true, notes: `法的メモ${marker}` },
    consultation: { needs: ['HOUSING', 'EMPLOYMENT'], summary: `相談概要${marker}`, notes: `相談メモ${marker}` },
  };
}

export async function createPerson(client: SignedInClient, input: Record<string, unknown>, acknowledgeDuplicates = false): Promise<PersonResult> {
  return dataOf(await client.request<{ createPerson: PersonResult }>(CREATE_PERSON, { input, acknowledgeDuplicates })).createPerson;
}

export async function readPerson(client: SignedInClient, id: string, purpose: string | null = null): Promise<PersonResult> {
  return dataOf(await client.request<{ person: PersonResult }>(PERSON_QUERY, { id, purpose })).person;
}

/**
 * A person (of the client's organisation, registered here) with consents to give IDENTITY and
 * HEALTH (special care, explained) to one organisation for referral, as two consents.
 */
export async function personSharingHealthWith(client: SignedInClient, organizationId: string, marker: string): Promise<PersonResult> {
  const person = await createPerson(client, fullPersonInput(marker));
  for (const categories of [['IDENTITY'], ['HEALTH']]) {
    await recordConsent(client, {
      personId: person.id,
      categories,
      purposes: ['REFERRAL'],
      recipientOrganizationIds: [organizationId],
      ...(categories.includes('HEALTH') ? { specialCareExplained: true } : {}),
    });
  }
  return person;
}

/** Records a consent the person gave, valid from yesterday; returns its id. */
export async function recordConsent(client: SignedInClient, input: Record<string, unknown>): Promise<string> {
  const validFrom = new Date(Date.now() - 24 * 60 * 60 * 1000).toISOString();
  const response = await client.request<{ recordConsent: { id: string } }>(RECORD_CONSENT, {
    input: { method: 'WRITTEN', validFrom, ...input },
  });
  return dataOf(response).recordConsent.id;
}

/** A superuser connection to the test's own database: sees every row, below row-level security. */
export async function superuserConnection(database: Pick<TestDatabase, 'superuserUrl' | 'name'>): Promise<DataSource> {
  const url = new URL(database.superuserUrl);
  url.pathname = `/${database.name}`;
  return new DataSource({ type: 'postgres', url: url.toString(), extra: { max: 1 } }).initialize();
}

/** Today in Japan, YYYY-MM-DD (provision records are dated in Japan time). */
export function tokyoToday(offsetDays = 0): string {
  return new Date(Date.now() + 9 * 60 * 60 * 1000 + offsetDays * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
