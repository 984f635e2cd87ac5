// Exchange of grant listings against the real API and PostgreSQL: the jGrants fixture imports
// into the expected listings (drafts of the importing organisation), a re-import updates them
// rather than duplicating (a published one stays published), the invalid fixture reports every
// faulty record with its path and reason and writes nothing, only grant editors of intermediary
// bodies and municipalities import, another network sees none of the imported drafts, and the
// CSV and 360Giving-style exports carry the network's published listings only; the demo
// listings seed (twice, idempotently) and read back through the API.
import { DataSource } from 'typeorm';
import { DEMO_GRANT_APPLICATIONS, DEMO_GRANT_BOOKMARKS, DEMO_GRANTS } from '../../apps/api/src/seed/demo-grants';
import { DEMO_NETWORK } from '../../apps/api/src/seed/demo-networks';
import { outcome, SignedInClient, TestNetwork } from '../support/accounts';
import { RunningApi } from '../support/api';
import { setupDemoApiTest, signInDemo } from '../support/demo';
import { createGrant, GRANT_FIELDS, GRANT_QUERY, searchAll, transitionMutation } from '../support/grants';
import { setupApiTest } from '../support/harness';
import { JGRANTS_INVALID, JGRANTS_INVALID_PATHS, JGRANTS_VALID } from '../support/jgrants';
import { dataOf } from '../support/people';

const t = setupApiTest({
  networks: {
    a: {
      slug: 'exchange-a',
      organizations: { inter: 'INTERMEDIARY', muni: 'MUNICIPALITY', npo: 'NPO', swc: 'SOCIAL_WELFARE_COUNCIL' },
      members: {
        editorI: ['inter', ['GRANT_EDITOR']],
        editorM: ['muni', ['GRANT_EDITOR']],
        adminI: ['inter', ['NETWORK_ADMIN', 'ORG_ADMIN']],
        npoAdmin: ['npo', ['ORG_ADMIN']],
      },
    },
    b: {
      slug: 'exchange-b',
      organizations: { interB: 'INTERMEDIARY', npoB: 'NPO' },
      members: { editorB: ['interB', ['GRANT_EDITOR']], npoBAdmin: ['npoB', ['ORG_ADMIN']] },
    },
  },
});
const c = t.clients;
let api: RunningApi, sql: DataSource, a: TestNetwork, b: TestNetwork;
beforeAll(() => ({ api, sql, networks: { a, b } } = t));


const IMPORT = `mutation Import($document: String!) { importJGrants(document: $document) { ok created updated errors { path message } } }`;
const MY_GRANTS = `query Mine($first: Int) { myGrants(first: $first) { nodes { ${GRANT_FIELDS} sourceId } } }`;
const EXPORT_CSV = `query Csv($language: String) { exportGrantsCsv(language: $language) { fileName mediaType content base64 } }`;
const EXPORT_360 = `query Giving { exportGrants360Giving { fileName mediaType content base64 } }`;

interface ImportResult {
  ok: boolean;
  created: number;
  updated: number;
  errors: Array<{ path: string; message: string }>;
}
type Listing = Record<string, unknown> & { id: string; sourceId: string | null; title: string; status: string };

async function importInto(client: SignedInClient, document: string, headers?: Record<string, string>): Promise<ImportResult> {
  return dataOf(await client.request<{ importJGrants: ImportResult }>(IMPORT, { document }, headers)).importJGrants;
}

async function mine(client: SignedInClient): Promise<Listing[]> {
  return dataOf(await client.request<{ myGrants: { nodes: Listing[] } }>(MY_GRANTS, { first: 100 })).myGrants.nodes;
}

/** The value, failing the test when it is missing. */
function present<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a value');
  return value;
}

async function grantCount(tenantId: string): Promise<number> {
  const [row]: Array<{ count: number }> = await sql.query(`SELECT count(*)::int AS count FROM grants WHERE tenant_id = $1`, [tenantId]);
  return row.count;
}

describe('importing a jGrants export', () => {
  it('lets only grant editors of intermediary bodies and municipalities import', async () => {
    for (const key of ['adminI', 'npoAdmin']) {
      expect([key, outcome(await c[key].request(IMPORT, { document: JGRANTS_VALID }))]).toEqual([key, 'FORBIDDEN']);
    }
    expect(await grantCount(a.tenantId)).toBe(0);
  });

  it('reports every invalid record with its path and reason, and writes nothing', async () => {
    const english = await importInto(c['editorM'], JGRANTS_INVALID, { 'accept-language': 'en' });
    expect(english).toMatchObject({ ok: false, created: 0, updated: 0 });
    expect(english.errors.map((error) => error.path)).toEqual(JGRANTS_INVALID_PATHS);
    const byPath = new Map(english.errors.map((error) => [error.path, error.message]));
    expect(byPath.get('$.result[1].acceptance_end_datetime')).toBe('The application window must close after it opens.');
    expect(byPath.get('$.result[2].target_area_search')).toContain('ムー大陸');
    expect(byPath.get('$.result[6].id')).toBe('This id appears more than once in the file.');

    const japanese = await importInto(c['editorM'], JGRANTS_INVALID, { 'accept-language': 'ja' });
    expect(japanese.errors.map((error) => error.path)).toEqual(JGRANTS_INVALID_PATHS);
    expect(japanese.errors[0].message).toBe('募集の締切は開始より後にしてください。');

    // Five of the seven records were fine on their own: none of them was written.
    expect(await grantCount(a.tenantId)).toBe(0);
  });

  it('imports the fixture into the expected listings, as drafts of the importing organisation', async () => {
    const result = await importInto(c['editorI'], JGRANTS_VALID);
    expect(result).toEqual({ ok: true, created: 12, updated: 0, errors: [] });
    const listings = await mine(c['editorI']);
    expect(listings).toHaveLength(12);
    expect(listings.every((listing) => listing.status === 'DRAFT' && listing['source'] === 'JGRANTS')).toBe(true);
    const bySource = new Map(listings.map((listing) => [listing.sourceId, listing]));

    expect(bySource.get('a0W5h00000FIXTURE01')).toMatchObject({
      title: '地域子育て支援拠点整備補助金（令和8年度・架空）',
      funderName: 'こども家庭庁',
      funderKind: 'NATIONAL',
      summary: '子育て家庭が気軽に集える拠点づくりを支援します',
      grantType: 'SUBSIDY',
      amountMin: null,
      amountMax: 5_000_000,
      amountUnlimited: false,
      subsidyRatePercent: 50,
      windowOpensAt: '2026-11-30T15:00:00.000Z',
      windowClosesAt: '2027-01-31T08:00:00.000Z',
      projectEndsOn: '2028-03-31',
      nationwide: true,
      regionCodes: [],
      themes: ['PARENTING'],
      applicationUrl: 'https://www.jgrants-portal.go.jp/subsidy/a0W5h00000FIXTURE01',
      visibility: 'NETWORK',
    });
    // The details are sanitised as the editor's are; the targets are noted below them.
    const details = String(present(bySource.get('a0W5h00000FIXTURE01'))['detailsHtml']);
    expect(details).toContain('<strong>開設・改修</strong>');
    expect(details).not.toContain('script');
    expect(details).toContain('対象業種：医療、福祉');

    expect(bySource.get('a0W5h00000FIXTURE02')).toMatchObject({
      funderName: '東京都',
      funderKind: 'PREFECTURE',
      amountMax: 2_000_000,
      subsidyRatePercent: 66.67,
      nationwide: false,
      regionCodes: ['13000'],
      themes: ['OLDER_PEOPLE'],
      windowClosesAt: '2026-12-25T08:00:00.000Z',
    });
    // subsidy_max_limit 0 is "not given"; 10/10 is 100 %; three prefectures.
    expect(bySource.get('a0W5h00000FIXTURE04')).toMatchObject({
      amountMax: null,
      subsidyRatePercent: 100,
      regionCodes: ['14000', '12000', '11000'],
      themes: ['POVERTY', 'FOOD'],
    });
    // 定額 has no rate; a municipality funder; a foundation; no limit at all.
    expect(bySource.get('a0W5h00000FIXTURE03')).toMatchObject({ subsidyRatePercent: null, amountMax: 10_000_000, themes: ['DISABILITY', 'EMPLOYMENT'] });
    expect(bySource.get('a0W5h00000FIXTURE07')).toMatchObject({ funderKind: 'MUNICIPALITY', themes: ['IBASHO', 'HIKIKOMORI'] });
    expect(bySource.get('a0W5h00000FIXTURE09')).toMatchObject({ funderKind: 'FOUNDATION', regionCodes: ['01000'], subsidyRatePercent: null });
    expect(bySource.get('a0W5h00000FIXTURE06')).toMatchObject({ amountMax: null, regionCodes: ['23000', '21000', '24000'] });

    // The drafts are found by the importing organisation's Japanese keyword search too.
    const found = await searchAll(c['editorI'], { keywords: 'こども食堂', statuses: ['DRAFT'] });
    expect(found.map((grant) => grant.title)).toEqual(['こども食堂運営支援補助金（架空）']);
  });

  it('updates on a re-import instead of duplicating, and a published listing stays published', async () => {
    const before = new Map((await mine(c['editorI'])).map((listing) => [listing.sourceId, listing]));
    const published = present(before.get('a0W5h00000FIXTURE02'));
    dataOf(await c['editorI'].request(transitionMutation('publishGrant'), { id: published.id }));
    // The editor made one listing public; the re-import keeps what jGrants does not carry.
    await sql.query(`UPDATE grants SET visibility = 'PUBLIC', contact = '担当：高橋' WHERE tenant_id = $1 AND id = $2`, [a.tenantId, published.id]);

    const document = JSON.parse(JGRANTS_VALID) as { result: Array<Record<string, unknown>> };
    document.result[1]['title'] = '高齢者見守りネットワーク構築支援事業（第2次募集・架空）';
    document.result[1]['subsidy_max_limit'] = 2_500_000;
    document.result[0]['subsidy_rate'] = '2/3';
    const result = await importInto(c['editorI'], JSON.stringify(document));
    expect(result).toEqual({ ok: true, created: 0, updated: 12, errors: [] });

    const after = await mine(c['editorI']);
    expect(after).toHaveLength(12);
    expect(await grantCount(a.tenantId)).toBe(12);
    const updated = after.find((listing) => listing.id === published.id);
    expect(updated).toMatchObject({
      title: '高齢者見守りネットワーク構築支援事業（第2次募集・架空）',
      amountMax: 2_500_000,
      status: 'PUBLISHED',
      visibility: 'PUBLIC',
      contact: '担当：高橋',
    });
    expect(after.find((listing) => listing.sourceId === 'a0W5h00000FIXTURE01')).toMatchObject({ status: 'DRAFT', subsidyRatePercent: 66.67 });
    // The search document follows the new title.
    expect((await searchAll(c['npoAdmin'], { keywords: '第2次募集' })).map((grant) => grant.id)).toEqual([published.id]);
  });

  it('writes nothing of a re-import with one faulty record', async () => {
    const document = JSON.parse(JGRANTS_VALID) as { result: Array<Record<string, unknown>> };
    document.result[0]['title'] = '書き換えられてはいけない名称';
    document.result[11]['acceptance_end_datetime'] = 'いつか';
    const mixed = await importInto(c['editorI'], JSON.stringify(document));
    expect(mixed.errors.map((error) => error.path)).toEqual(['$.result[11].acceptance_end_datetime']);
    expect((await mine(c['editorI'])).some((listing) => listing.title === '書き換えられてはいけない名称')).toBe(false);
  });

  it("reports a jGrants id another organisation of the network imported rather than taking it over", async () => {
    const document = { result: [JSON.parse(JGRANTS_VALID).result[2]] };
    const result = await importInto(c['editorM'], JSON.stringify(document), { 'accept-language': 'en' });
    expect(result.errors).toEqual([{ path: '$.result[0].id', message: 'Another organisation of this network has already imported this jGrants subsidy.' }]);
  });

  it('refuses what is not a jGrants document, at $', async () => {
    expect((await importInto(c['editorI'], '{"items": []}')).errors.map((error) => error.path)).toEqual(['$']);
    expect((await importInto(c['editorI'], 'not json')).errors.map((error) => error.path)).toEqual(['$']);
  });

  it('shows none of the imported drafts to another network (nor to other organisations of the same one)', async () => {
    const drafts = (await mine(c['editorI'])).filter((listing) => listing.status === 'DRAFT');
    expect(drafts.length).toBe(11);
    for (const key of ['editorB', 'npoBAdmin', 'npoAdmin']) {
      const seen = await searchAll(c[key], { statuses: ['DRAFT', 'PUBLISHED', 'CLOSED'] });
      expect([key, seen.filter((grant) => drafts.some((draft) => draft.id === grant.id))]).toEqual([key, []]);
      expect([key, outcome(await c[key].request(GRANT_QUERY, { id: drafts[0].id }))]).toEqual([key, 'NOT_FOUND']);
    }
    // The same jGrants ids are imported into network B independently.
    expect(await importInto(c['editorB'], JGRANTS_VALID)).toMatchObject({ ok: true, created: 12 });
    expect(await grantCount(a.tenantId)).toBe(12);
  });
});

describe('exports', () => {
  let formulaId: string;

  beforeAll(async () => {
    const formula = await createGrant(c['editorM'], '=HYPERLINK("https://evil.example","募集")', { funderName: '＋中央区', funderKind: 'MUNICIPALITY' });
    dataOf(await c['editorM'].request(transitionMutation('publishGrant'), { id: formula.id }));
    formulaId = formula.id;
  });

  it('exports the network’s published listings as CSV for Excel, formula cells defused', async () => {
    const file = dataOf(await c['npoAdmin'].request<{ exportGrantsCsv: Record<string, unknown> }>(EXPORT_CSV, { language: 'ja' })).exportGrantsCsv;
    expect(file).toMatchObject({ fileName: 'grants.csv', mediaType: 'text/csv; charset=utf-8', base64: false });
    const content = String(file['content']);
    expect(content.startsWith('\uFEFFID,名称,実施団体,実施団体の種別,')).toBe(true);
    const lines = content.slice(1).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(3); // header, the published import, the published manual listing
    expect(content).toContain('高齢者見守りネットワーク構築支援事業（第2次募集・架空）');
    expect(content).toContain(`${formulaId},"'=HYPERLINK(""https://evil.example"",""募集"")",'＋中央区,市区町村,`);
    expect(content).not.toContain('こども食堂運営支援補助金'); // a draft
    const published = present(lines.find((line) => line.includes('第2次募集')));
    expect(published).toContain(',2500000,');
    expect(published).toContain(',66.67,');
    expect(published).toContain(',2026-11-15 09:00,2026-12-25 17:00,');
    expect(published).toContain(',東京都,13000,高齢者,');
    expect(published).toContain(',JGRANTS,a0W5h00000FIXTURE02,');

    const english = dataOf(await c['npoAdmin'].request<{ exportGrantsCsv: { content: string } }>(EXPORT_CSV, {}, { 'accept-language': 'en' })).exportGrantsCsv;
    expect(english.content.startsWith('\uFEFFID,Title,Funder,Funder kind,')).toBe(true);
    // Network B has published nothing: a header only.
    const other = dataOf(await c['npoBAdmin'].request<{ exportGrantsCsv: { content: string } }>(EXPORT_CSV, {})).exportGrantsCsv;
    expect(other.content.slice(1).split('\r\n').filter(Boolean)).toHaveLength(1);
  });

  it('exports them as 360Giving-style JSON: opportunities, with no award fields', async () => {
    const file = dataOf(await c['npoAdmin'].request<{ exportGrants360Giving: Record<string, unknown> }>(EXPORT_360)).exportGrants360Giving;
    expect(file).toMatchObject({ fileName: 'grants-360giving.json', mediaType: 'application/json', base64: false });
    const document = JSON.parse(String(file['content'])) as { grants: Array<Record<string, unknown>> };
    expect(document.grants).toHaveLength(2);
    const imported = present(document.grants.find((grant) => String(grant['title']).includes('第2次募集')));
    expect(imported).toMatchObject({
      currency: 'JPY',
      description: 'ICTを使った高齢者の見守り体制づくりに',
      fundingOrganization: [{ id: expect.stringMatching(/^360G-tsunagu-funder-[0-9a-f]{16}$/), name: '東京都' }],
      grantProgramme: [{ code: 'a0W5h00000FIXTURE02', url: 'https://www.jgrants-portal.go.jp/subsidy/a0W5h00000FIXTURE02' }],
      beneficiaryLocation: [{ name: '東京都', geoCode: '13000', countryCode: 'JP' }],
      classifications: [{ vocabulary: 'tsunagu:service-categories', code: 'OLDER_PEOPLE', title: '高齢者' }],
      'tsunagu:opportunity': { funderKind: 'PREFECTURE', grantType: 'SUBSIDY', amountMax: 2_500_000, subsidyRatePercent: 66.67, status: 'PUBLISHED' },
    });
    expect(String(imported['id'])).toMatch(/^360G-tsunagu-[0-9a-f-]{36}$/);
    for (const grant of document.grants) {
      for (const field of ['amountAwarded', 'amountAppliedFor', 'awardDate', 'recipientOrganization']) expect(grant).not.toHaveProperty(field);
    }
    expect(document.grants.some((grant) => grant['id'] === `360G-tsunagu-${formulaId}`)).toBe(true);
  });
});

describe('the demo grants', () => {
  const demo = setupDemoApiTest({ seedTwice: true });

  it('seeds every listing, bookmark and application once', async () => {
    const [counts]: Array<Record<string, number>> = await demo.sql.query(
      `SELECT (SELECT count(*)::int FROM grants WHERE tenant_id = $1) AS grants,
              (SELECT count(*)::int FROM grants WHERE tenant_id = $1 AND status = 'CLOSED') AS closed,
              (SELECT count(*)::int FROM grant_bookmarks WHERE tenant_id = $1) AS bookmarks,
              (SELECT count(*)::int FROM grant_applications WHERE tenant_id = $1) AS applications`,
      [DEMO_NETWORK.id],
    );
    expect(counts).toEqual({
      grants: DEMO_GRANTS.length,
      closed: DEMO_GRANTS.filter((grant) => grant.window === 'CLOSED').length,
      bookmarks: DEMO_GRANT_BOOKMARKS.length,
      applications: DEMO_GRANT_APPLICATIONS.length,
    });
  });

  it('reads back through the API: a Japanese keyword, closing soon, bookmarks and the city editor', async () => {
    const coordinator = await signInDemo(demo.api.url, 'coordinator');
    expect((await searchAll(coordinator, { keywords: '子ども食堂' })).map((grant) => grant.title)).toContain('中央区子ども食堂運営費補助金');
    const soon = await searchAll(coordinator, { closingWithinDays: 7, statuses: ['PUBLISHED'] });
    expect(soon.length).toBe(DEMO_GRANTS.filter((grant) => grant.window === 'CLOSING_SOON').length);
    const cityEditor = await signInDemo(demo.api.url, 'cityGrantEditor');
    expect((await mine(cityEditor)).length).toBe(DEMO_GRANTS.filter((grant) => grant.publisher === 'CITY').length);
    const csv = dataOf(await coordinator.request<{ exportGrantsCsv: { content: string } }>(EXPORT_CSV, { language: 'ja' })).exportGrantsCsv;
    expect(csv.content.slice(1).split('\r\n').filter(Boolean)).toHaveLength(1 + DEMO_GRANTS.filter((grant) => grant.window !== 'CLOSED').length);
  });
});
