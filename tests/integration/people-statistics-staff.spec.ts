// Two secondary paths of the consent promise (issue 14), against the real API and PostgreSQL:
//
//   - finding 5: a read for STATISTICS (統計（個人が特定されない形）) used to return the name and
//     birth date whenever the consent covered IDENTITY. Now every STATISTICS read — another
//     organisation's, through person() and sharedPeople, and the owner's own — gives every
//     category WITHHELD and only the non-identifying projection of libs/domain
//     people-statistics; the access log and the provision record are still written for it.
//   - finding 9 (consents): STAFF, who may not see special-care values, could still learn them
//     from the consent list (category HEALTH, the evidence note). Now a special-care consent
//     shows STAFF one marker, no category, no evidence note, file or revocation reason, and
//     its evidence file does not open; the other paths that show consent categories or free
//     text (access log, provision records and their CSV, corrections, disclosure) stay closed
//     to STAFF.
import { outcome, SignedInClient, TestNetwork } from '../support/accounts';
import { RunningApi } from '../support/api';
import { setupApiTest } from '../support/harness';
import {
  createPerson,
  dataOf,
  fullPersonInput,
  PERSON_FIELDS,
  PersonResult,
  readPerson,
  recordConsent,
  REVOKE_CONSENT,
} from '../support/people';
import { TestDatabase } from '../support/test-database';
import type { DataSource } from 'typeorm';

const SECTIONS = ['identity', 'contact', 'household', 'health', 'disability', 'financial', 'legal', 'consultation'] as const;
const STATISTICS_FIELDS = `statistics { ageBand gender municipalityCode livingSituation needs sourceCategories }`;
const PERSON_WITH_STATISTICS = `query Person($id: ID!, $purpose: ConsentPurpose) { person(id: $id, purpose: $purpose) { ${PERSON_FIELDS} ${STATISTICS_FIELDS} } }`;
const SHARED = `query Shared($purpose: ConsentPurpose!) { sharedPeople(purpose: $purpose) { nodes { ${PERSON_FIELDS} ${STATISTICS_FIELDS} } } }`;
const CONSENTS = `query Consents($personId: ID!) {
  consents(personId: $personId) {
    id categories specialCare specialCareHidden purposes evidenceNote evidenceFileName textWithheldReason revocationReason state
  }
}`;
const EVIDENCE = `query Evidence($consentId: ID!) { consentEvidence(consentId: $consentId) { fileName mediaType contentBase64 } }`;

type StatisticsResult = PersonResult & {
  statistics: { ageBand: string | null; gender: string | null; municipalityCode: string | null; livingSituation: string | null; needs: string[] | null; sourceCategories: string[] } | null;
};
interface ConsentResult {
  id: string;
  categories: string[];
  specialCare: boolean;
  specialCareHidden: boolean;
  purposes: string[];
  evidenceNote: string | null;
  evidenceFileName: string | null;
  textWithheldReason: string | null;
  revocationReason: string | null;
  state: string;
}

const MARKER = 'STATLEAK';
const EVIDENCE_MARKER = '診断書を確認EVIDLEAK';
const REVOCATION_MARKER = '通院先の変更REVOKELEAK';
// About 35 years old whatever day the test runs: always in the thirties band.
const BIRTH_YEAR = new Date().getUTCFullYear() - 35;
const BIRTH_DATE = `${BIRTH_YEAR}-01-01`;
const EXPECTED_STATISTICS = {
  ageBand: 'AGE_30_39',
  gender: 'FEMALE',
  municipalityCode: '13102',
  livingSituation: 'ALONE',
  needs: ['HOUSING', 'EMPLOYMENT'],
  sourceCategories: ['IDENTITY', 'CONTACT', 'HOUSEHOLD', 'CONSULTATION'],
};

const t = setupApiTest({
  networks: {
    network: {
      slug: 'people-stats',
      organizations: { owner: 'NPO', stats: 'MUNICIPALITY' },
      members: {
        ownerCoordinator: ['owner', ['COORDINATOR']],
        ownerStaff: ['owner', ['STAFF']],
        statsCoordinator: ['stats', ['COORDINATOR']],
        statsStaff: ['stats', ['STAFF']],
      },
    },
  },
});
let database: TestDatabase, api: RunningApi, sql: DataSource, network: TestNetwork;
const clients = t.clients;
let personId: string;
let ordinaryConsentId: string;
let healthConsentId: string;
let revokedDisabilityConsentId: string;

/** Every identifying value fullPersonInput gave the person: none may appear in a statistics read. */
function identifyingValues(): string[] {
  const input = fullPersonInput(MARKER);
  return [MARKER, String(BIRTH_YEAR), BIRTH_DATE, input.identity.familyName, 'シケン', 'ハナコ', input.contact.phone, input.contact.email, input.contact.postalCode, input.contact.address];
}

function expectStatisticsOnly(person: StatisticsResult, withheld: Record<(typeof SECTIONS)[number], string>): void {
  for (const key of SECTIONS) {
    expect(`${key} ${person[key].access} ${person[key].withheldReason}`).toBe(`${key} WITHHELD ${withheld[key]}`);
    expect(person[key].values).toBeNull();
  }
  for (const summary of person.categories) expect(summary.access).toBe('WITHHELD');
  expect(person.statistics).toEqual(EXPECTED_STATISTICS);
  const text = JSON.stringify(person);
  for (const value of identifyingValues()) expect(text).not.toContain(value);
}

async function counts(): Promise<{ access: number; provisions: number }> {
  const [row]: Array<{ access: number; provisions: number }> = await sql.query(
    `SELECT (SELECT count(*)::int FROM person_access_log WHERE person_id = $1) AS access,
            (SELECT count(*)::int FROM provision_records WHERE person_id = $1) AS provisions`,
    [personId],
  );
  return row;
}

beforeAll(async () => {
  ({ database, api, sql, networks: { network } } = t);

  personId = (await createPerson(clients.ownerCoordinator, fullPersonInput(MARKER, { birthDate: BIRTH_DATE }))).id;
  const toStats = { personId, purposes: ['STATISTICS'], recipientOrganizationIds: [network.organizations.stats] };
  ordinaryConsentId = await recordConsent(clients.ownerCoordinator, {
    ...toStats,
    categories: ['IDENTITY', 'CONTACT', 'HOUSEHOLD', 'FINANCIAL', 'CONSULTATION'],
    evidenceNote: '同意書に署名（統計）',
  });
  healthConsentId = await recordConsent(clients.ownerCoordinator, {
    ...toStats,
    categories: ['HEALTH'],
    specialCareExplained: true,
    evidenceNote: EVIDENCE_MARKER,
    evidenceFile: { fileName: '診断書の写し.pdf', mediaType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.4 health').toString('base64') },
  });
  revokedDisabilityConsentId = await recordConsent(clients.ownerCoordinator, {
    personId,
    purposes: ['REFERRAL'],
    recipientKinds: ['MUNICIPALITY'],
    categories: ['DISABILITY'],
    specialCareExplained: true,
    evidenceNote: '障害者手帳の写しを確認',
  });
  dataOf(await clients.ownerCoordinator.request(REVOKE_CONSENT, { id: revokedDisabilityConsentId, reason: REVOCATION_MARKER }));
}, 120_000);

describe('a STATISTICS read never returns identifying values (issue 14, finding 5)', () => {
  const statsWithheld = {
    identity: 'STATISTICS_ONLY',
    contact: 'STATISTICS_ONLY',
    household: 'STATISTICS_ONLY',
    financial: 'STATISTICS_ONLY',
    consultation: 'STATISTICS_ONLY',
    health: 'STATISTICS_ONLY',
    disability: 'CATEGORY_NOT_COVERED',
    legal: 'CATEGORY_NOT_COVERED',
  };

  it("the consented organisation's person(id, STATISTICS) gives no name, kana, birth date, contact or notes: only the projection", async () => {
    const before = await counts();
    const person = dataOf(
      await clients.statsCoordinator.request<{ person: StatisticsResult }>(PERSON_WITH_STATISTICS, { id: personId, purpose: 'STATISTICS' }),
    ).person;
    expectStatisticsOnly(person, statsWithheld);
    // The consent that allowed the projection is named, as for a disclosed category.
    expect(person.identity.consentId).toBe(ordinaryConsentId);
    expect(person.health.consentId).toBe(healthConsentId);

    // The read is still logged, and what reached the reader is a provision under the consent:
    // the categories the projection drew from, nothing of HEALTH (no statistical field comes from it).
    const after = await counts();
    expect(after.access).toBe(before.access + 1);
    const [log]: Array<{ categories: string[]; purpose: string; consent_ids: string[] }> = await sql.query(
      `SELECT categories, purpose, consent_ids FROM person_access_log WHERE person_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [personId],
    );
    expect(log).toEqual({ categories: EXPECTED_STATISTICS.sourceCategories, purpose: 'STATISTICS', consent_ids: [ordinaryConsentId] });
    const provisions: Array<{ categories: string[]; purpose: string; consent_ids: string[]; recipient_organization_id: string }> = await sql.query(
      `SELECT categories, purpose, consent_ids, recipient_organization_id FROM provision_records WHERE person_id = $1 AND purpose = 'STATISTICS'`,
      [personId],
    );
    expect(provisions).toEqual([
      {
        categories: EXPECTED_STATISTICS.sourceCategories,
        purpose: 'STATISTICS',
        consent_ids: [ordinaryConsentId],
        recipient_organization_id: network.organizations.stats,
      },
    ]);
  });

  it('sharedPeople(STATISTICS) shows the same projection and nothing identifying', async () => {
    const nodes = dataOf(await clients.statsCoordinator.request<{ sharedPeople: { nodes: StatisticsResult[] } }>(SHARED, { purpose: 'STATISTICS' }))
      .sharedPeople.nodes;
    expect(nodes.map((node) => node.id)).toEqual([personId]);
    expectStatisticsOnly(nodes[0], statsWithheld);
  });

  it("the recipient's staff get the projection too, with special-care data withheld for their role", async () => {
    const person = dataOf(
      await clients.statsStaff.request<{ person: StatisticsResult }>(PERSON_WITH_STATISTICS, { id: personId, purpose: 'STATISTICS' }),
    ).person;
    expectStatisticsOnly(person, { ...statsWithheld, health: 'ROLE_NOT_PERMITTED', disability: 'ROLE_NOT_PERMITTED', legal: 'ROLE_NOT_PERMITTED' });
  });

  it("the owner's own STATISTICS read is the projection as well, and writes no outside record", async () => {
    const before = await counts();
    const person = dataOf(
      await clients.ownerCoordinator.request<{ person: StatisticsResult }>(PERSON_WITH_STATISTICS, { id: personId, purpose: 'STATISTICS' }),
    ).person;
    expectStatisticsOnly(person, Object.fromEntries(SECTIONS.map((key) => [key, 'STATISTICS_ONLY'])) as typeof statsWithheld);
    expect(await counts()).toEqual(before);
  });

  it('any other purpose is unchanged: the owner reads every value, and no projection comes with it', async () => {
    const owned = dataOf(await clients.ownerCoordinator.request<{ person: StatisticsResult }>(PERSON_WITH_STATISTICS, { id: personId })).person;
    expect(owned.identity.values).toMatchObject({ familyName: `試験${MARKER}`, birthDate: BIRTH_DATE });
    expect(owned.statistics).toBeNull();
    const referral = dataOf(
      await clients.statsCoordinator.request<{ person: StatisticsResult }>(PERSON_WITH_STATISTICS, { id: personId, purpose: 'REFERRAL' }),
    ).person;
    expect(referral.statistics).toBeNull();
    expect(referral.identity.withheldReason).toBe('NO_CONSENT');
  });
});

describe('STAFF see no trace of special-care data in consents (issue 14, finding 9)', () => {
  async function consentsAs(client: SignedInClient): Promise<Record<string, ConsentResult>> {
    const list = dataOf(await client.request<{ consents: ConsentResult[] }>(CONSENTS, { personId })).consents;
    return Object.fromEntries(list.map((consent) => [consent.id, consent]));
  }

  it("the staff member's consent list shows one marker for a special-care consent: no category, no evidence, no reason", async () => {
    const response = await clients.ownerStaff.request<{ consents: ConsentResult[] }>(CONSENTS, { personId });
    const seen = await consentsAs(clients.ownerStaff);
    expect(seen[healthConsentId]).toMatchObject({
      categories: [],
      specialCare: true,
      specialCareHidden: true,
      evidenceNote: null,
      evidenceFileName: null,
      textWithheldReason: 'ROLE_NOT_PERMITTED',
    });
    expect(seen[revokedDisabilityConsentId]).toMatchObject({
      categories: [],
      specialCareHidden: true,
      state: 'REVOKED',
      evidenceNote: null,
      revocationReason: null,
      textWithheldReason: 'ROLE_NOT_PERMITTED',
    });
    // An ordinary consent is shown in full.
    expect(seen[ordinaryConsentId]).toMatchObject({
      categories: ['IDENTITY', 'CONTACT', 'HOUSEHOLD', 'FINANCIAL', 'CONSULTATION'],
      specialCareHidden: false,
      evidenceNote: '同意書に署名（統計）',
      textWithheldReason: null,
    });
    const text = JSON.stringify(response.body);
    for (const hidden of ['HEALTH', 'DISABILITY', 'LEGAL', EVIDENCE_MARKER, '診断書の写し', REVOCATION_MARKER, '障害者手帳']) {
      expect(text).not.toContain(hidden);
    }
  });

  it('the coordinator sees HEALTH, the evidence and the revocation reason', async () => {
    const seen = await consentsAs(clients.ownerCoordinator);
    expect(seen[healthConsentId]).toMatchObject({
      categories: ['HEALTH'],
      specialCareHidden: false,
      evidenceNote: EVIDENCE_MARKER,
      evidenceFileName: '診断書の写し.pdf',
      textWithheldReason: null,
    });
    expect(seen[revokedDisabilityConsentId]).toMatchObject({ categories: ['DISABILITY'], revocationReason: REVOCATION_MARKER });
    const file = dataOf(await clients.ownerCoordinator.request<{ consentEvidence: { fileName: string } }>(EVIDENCE, { consentId: healthConsentId }));
    expect(file.consentEvidence.fileName).toBe('診断書の写し.pdf');
  });

  it("the evidence file of a special-care consent does not open for staff, and says who may open it", async () => {
    const response = await clients.ownerStaff.request(EVIDENCE, { consentId: healthConsentId });
    expect(outcome(response)).toBe('FORBIDDEN');
    expect(response.body.errors?.[0]?.extensions?.['reason']).toBe('SPECIAL_CARE_ROLE_REQUIRED');
    expect(response.body.data).toBeNull();
    expect(JSON.stringify(response.body)).not.toContain('診断書');
  });

  it("the person page shows staff neither the special-care values nor which consent covers them", async () => {
    const person = await readPerson(clients.ownerStaff, personId);
    for (const key of ['health', 'disability', 'legal'] as const) {
      expect(person[key]).toMatchObject({ access: 'WITHHELD', withheldReason: 'ROLE_NOT_PERMITTED', consentId: null, values: null });
    }
    expect(JSON.stringify(person)).not.toContain(healthConsentId);
  });

  it('the kept records that show consent categories or free text (access log, provisions, CSV, corrections, disclosure) stay closed to staff', async () => {
    const queries: Array<[string, Record<string, unknown>]> = [
      [`query($personId: ID!) { personAccessLog(personId: $personId) { nodes { categories } } }`, { personId }],
      [`query { provisionRecords(filter: { side: PROVIDED }) { nodes { categories } } }`, {}],
      [`query { provisionRecordsCsv(filter: { side: PROVIDED }) { content } }`, {}],
      [`query($personId: ID!) { personCorrections(personId: $personId) { fields reason } }`, { personId }],
      [`query($personId: ID!) { personDisclosure(personId: $personId) { json { content } } }`, { personId }],
    ];
    for (const [query, variables] of queries) {
      const response = await clients.ownerStaff.request(query, variables);
      expect(`${query} ${outcome(response)}`).toBe(`${query} FORBIDDEN`);
      expect(JSON.stringify(response.body)).not.toContain('HEALTH');
    }
  });
});
