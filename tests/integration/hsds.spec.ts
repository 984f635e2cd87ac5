// Open Referral HSDS exchange of the directory against the real API and PostgreSQL: an export
// re-imported into another network reproduces every service field, a faulty file reports every
// problem with its path and changes nothing, only network admins import, and importing another
// network's ids never touches that network. Partner-only contact channels (a DV line kept for
// police and hospitals) never appear in the ordinary export, nor on any unauthenticated path; only
// a network admin's PARTNERS export, marked as such and audited, carries them.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { outcome, SignedInClient, TestNetwork } from '../support/accounts';
import { RunningApi } from '../support/api';
import { setupApiTest } from '../support/harness';
import { hubAndNpoNetwork, soleAdminNetwork } from '../support/networks';
import { TestDatabase } from '../support/test-database';
import { serviceInput } from '../support/directory';
import { graphql } from '../support/graphql';

const t = setupApiTest({
  clients: false,
  networks: {
    networkA: hubAndNpoNetwork('hsds-a', { coordinator: ['npo', ['COORDINATOR', 'ORG_ADMIN']] }),
    networkB: soleAdminNetwork('hsds-b', { hub: 'INTERMEDIARY' }),
  },
});
let database: TestDatabase, api: RunningApi, networkA: TestNetwork, networkB: TestNetwork;
let adminA: SignedInClient;
let coordinatorA: SignedInClient;
let staffA: SignedInClient;
let adminB: SignedInClient;

const CREATE = `mutation Create($input: ServiceInput!, $organizationId: ID) {
  createService(input: $input, organizationId: $organizationId) { id }
}`;
const SERVICES = `query Services {
  searchDirectory(first: 100) {
    services { nodes {
      id organization { id name nameKana } name nameKana description categories targetGroups eligibility ageMin ageMax
      nationwide areaCodes languages open24h openingHours { day opens closes } channels { kind value note public }
      fee feeNote capacity waitlistNote waitlistExpectedOn acceptsReferrals lastReviewedOn updatedAt
    } }
  }
}`;
const EXPORT = `query Export($audience: HsdsAudience) { exportDirectoryHsds(audience: $audience) }`;
const IMPORT = `mutation Import($document: String!) {
  importDirectoryHsds(document: $document) { ok created updated errors { path message } }
}`;

interface ImportResult {
  ok: boolean;
  created: number;
  updated: number;
  errors: Array<{ path: string; message: string }>;
}

const FIXTURES = join(__dirname, '../../apps/api/src/modules/hsds/schemas/3.2');
const SCHEMA_BASE = 'https://raw.githubusercontent.com/openreferral/specification/refs/heads/3.2/schema/';

/** The official HSDS 3.2 schemas from the fixtures, each registered by its $id (draft-07, offline). */
function hsdsValidators() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  for (const file of readdirSync(FIXTURES).filter((name) => name.endsWith('.json'))) {
    ajv.addSchema(JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as object);
  }
  const organization = ajv.getSchema(`${SCHEMA_BASE}organization.json`);
  const service = ajv.getSchema(`${SCHEMA_BASE}service.json`);
  if (!organization || !service) throw new Error('HSDS schemas missing from the fixtures');
  return { organization, service };
}

async function exportOf(client: SignedInClient, audience: 'PUBLIC' | 'PARTNERS' = 'PUBLIC'): Promise<string> {
  const response = await client.request<{ exportDirectoryHsds: string }>(EXPORT, { audience });
  if (response.body.errors) throw new Error(JSON.stringify(response.body.errors));
  return response.body.data!.exportDirectoryHsds;
}

async function importInto(client: SignedInClient, document: string, headers?: Record<string, string>): Promise<ImportResult> {
  const response = await client.request<{ importDirectoryHsds: ImportResult }>(IMPORT, { document }, headers);
  if (response.body.errors) throw new Error(JSON.stringify(response.body.errors));
  return response.body.data!.importDirectoryHsds;
}

async function servicesOf(client: SignedInClient): Promise<Array<Record<string, unknown>>> {
  const response = await client.request<{ searchDirectory: { services: { nodes: Array<Record<string, unknown>> } } }>(SERVICES);
  if (response.body.errors) throw new Error(JSON.stringify(response.body.errors));
  return response.body.data!.searchDirectory.services.nodes
    .map(({ updatedAt: _updatedAt, ...rest }) => rest)
    .sort((a, b) => String(a['id']).localeCompare(String(b['id'])));
}

beforeAll(async () => {
  ({ database, api, networks: { networkA, networkB } } = t);
  ({ admin: adminA, coordinator: coordinatorA, staff: staffA } = await t.clientsOf(networkA));
  adminB = await t.client(networkB.members.admin);

  const profile = await adminA.request(
    `mutation { updateOrganization(input: { id: "${networkA.organizations.npo}", nameKana: "コモレビ", description: "居場所づくりの NPO です。",
      website: "https://komorebi.example.jp", phone: "03-1111-2222", email: "info@komorebi.example.jp", postalCode: "104-0061",
      address: "東京都中央区銀座1-1", municipalityCode: "13102" }) { id } }`,
  );
  if (profile.body.errors) throw new Error(JSON.stringify(profile.body.errors));

  const services: Array<[string, Record<string, unknown>]> = [
    ['住まいの相談窓口', { nameKana: 'スマイノソウダンマドグチ', categories: ['HOUSING', 'POVERTY'], targetGroups: ['LOW_INCOME', 'OLDER_PEOPLE'], description: '家賃や住まい探しの相談。', eligibility: '区内在住の方', ageMin: 18, ageMax: 64, areaCodes: ['13102', '13103'], openingHours: [{ day: 'MO', opens: '09:00', closes: '12:00' }, { day: 'MO', opens: '13:00', closes: '17:30' }, { day: 'TH', opens: '10:00', closes: '16:00' }], lastReviewedOn: '2026-10-01' }],
    ['DVホットライン', { categories: ['DV_SEXUAL_VIOLENCE'], targetGroups: ['WOMEN'], open24h: true, openingHours: [], nationwide: true, areaCodes: [], languages: ['ja', 'en', 'vi'], channels: [{ kind: 'PHONE', value: '0120-000-000', public: true }, { kind: 'SNS_LINE', value: '@line-dv', note: 'LINE で相談', public: true }, { kind: 'CHAT', value: 'https://chat.example.jp', public: true }] }],
    ['居場所カフェ', { categories: ['IBASHO'], targetGroups: [], acceptsReferrals: false, fee: 'PAID', feeNote: '飲み物代 100円', capacity: 'WAITLIST', waitlistNote: '定員に達しています', waitlistExpectedOn: '2027-01-15', channels: [{ kind: 'VISIT', value: '月島2-2', public: true }, { kind: 'PHONE', value: '03-0000-9999', note: '関係機関専用', public: false }, { kind: 'EMAIL', value: 'cafe@example.jp', public: false }] }],
    ['訪問支援', { categories: ['HIKIKOMORI', 'MENTAL_HEALTH'], capacity: 'NOT_ACCEPTING', languages: ['ja-simple', 'jsl'], channels: [{ kind: 'OUTREACH', value: '中央区内', public: true }], openingHours: [{ day: 'SA', opens: '10:00', closes: '15:00' }, { day: 'SU', opens: '10:00', closes: '15:00' }] }],
  ];
  for (const [name, overrides] of services) {
    const created = await coordinatorA.request(CREATE, { input: serviceInput(name, overrides) });
    if (created.body.errors) throw new Error(JSON.stringify(created.body.errors));
  }
  const hubService = await adminA.request(CREATE, { input: serviceInput('総合相談', { description: 'なんでも相談' }) });
  if (hubService.body.errors) throw new Error(JSON.stringify(hubService.body.errors));
});

describe('export', () => {
  it('is an HSDS document of the network’s organisations and services, for any member', async () => {
    const document = JSON.parse(await exportOf(staffA)) as { organizations: Array<Record<string, unknown>>; services: Array<Record<string, unknown>> };
    expect(document.organizations.map((organization) => organization['id']).sort()).toEqual(Object.values(networkA.organizations).sort());
    expect(document.services).toHaveLength(5);
    const hotline = document.services.find((record) => record['name'] === 'DVホットライン')!;
    expect(hotline['status']).toBe('active');
    expect(hotline['schedules']).toHaveLength(7);
    expect(hotline['service_areas']).toEqual([expect.objectContaining({ name: '全国' })]);
    expect((hotline['phones'] as unknown[]).length).toBe(1);
  });

  it('validates against the official HSDS 3.2 schemas, record by record', async () => {
    const { organization, service: serviceSchema } = hsdsValidators();
    const document = JSON.parse(await exportOf(adminA)) as { organizations: unknown[]; services: unknown[] };
    for (const record of document.organizations) {
      expect({ record, valid: organization(record), errors: organization.errors }).toMatchObject({ valid: true });
    }
    for (const record of document.services) {
      expect({ record, valid: serviceSchema(record), errors: serviceSchema.errors }).toMatchObject({ valid: true });
    }
    // The validators do reject what the schemas forbid.
    expect(serviceSchema({ id: 'not-a-uuid', name: 'x', status: 'open' })).toBe(false);
  });

  it('is the same document when exported again', async () => {
    expect(await exportOf(adminA)).toBe(await exportOf(staffA));
  });
});

describe('import', () => {
  it('is for network admins only', async () => {
    const document = await exportOf(adminA);
    for (const client of [coordinatorA, staffA]) {
      expect(outcome(await client.request(IMPORT, { document }))).toBe('FORBIDDEN');
    }
  });

  it('refuses a document over 5 MB with a clear message, over HTTP', async () => {
    const response = await adminB.request(IMPORT, { document: ' '.repeat(5 * 1024 * 1024 + 10) }, { 'accept-language': 'en' });
    expect(response.status).toBe(200);
    expect(response.body.errors?.[0].extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(response.body.errors?.[0].message).toMatch(/5 ?MB/);
  });

  it('reports a file that is not JSON at "$", in the caller’s language', async () => {
    const ja = await importInto(adminB, '{ "services": [');
    expect(ja).toMatchObject({ ok: false, created: 0, updated: 0 });
    expect(ja.errors).toEqual([{ path: '$', message: expect.stringContaining('JSON として読めません') }]);
    const en = await importInto(adminB, '{ "services": [', { 'accept-language': 'en' });
    expect(en.errors).toEqual([{ path: '$', message: expect.stringContaining('This is not valid JSON') }]);
  });

  it('reports every problem of a faulty file with its path, and changes nothing', async () => {
    const document = JSON.parse(await exportOf(adminA)) as { organizations: Array<Record<string, unknown>>; services: Array<Record<string, unknown>> };
    const byName = (name: string) => document.services.find((record) => record['name'] === name)!;
    const indexes = new Map(document.services.map((record, position) => [record['name'] as string, position]));
    const index = (name: string) => indexes.get(name);
    const housing = byName('住まいの相談窓口');
    (housing['schedules'] as Array<Record<string, unknown>>)[0]['opens_at'] = '25:00';
    (housing['service_areas'] as Array<Record<string, unknown>>)[1]['name'] = '99999';
    const cafe = byName('居場所カフェ');
    const categoryIndex = (cafe['attributes'] as Array<Record<string, Record<string, unknown>>>).findIndex((attribute) => attribute['taxonomy_term']['code'] === 'IBASHO');
    (cafe['attributes'] as Array<Record<string, Record<string, unknown>>>)[categoryIndex]['taxonomy_term']['code'] = 'KARAOKE';
    delete byName('訪問支援')['name'];
    byName('総合相談')['organization_id'] = '00000000-0000-4000-8000-000000000001';
    byName('DVホットライン')['status'] = 'open';
    delete (byName('DVホットライン')['phones'] as Array<Record<string, unknown>>)[0]['number'];

    const beforeB = await exportOf(adminB);
    const beforeA = await exportOf(adminA);
    const result = await importInto(adminB, JSON.stringify(document));
    expect(result).toMatchObject({ ok: false, created: 0, updated: 0 });
    const paths = result.errors.map((error) => error.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        `$.services[${index('住まいの相談窓口')}].schedules[0]`,
        `$.services[${index('住まいの相談窓口')}].service_areas[1].name`,
        `$.services[${index('居場所カフェ')}].attributes[${categoryIndex}].taxonomy_term.code`,
        `$.services[${index('訪問支援')}].name`,
        `$.services[${index('総合相談')}].organization_id`,
        `$.services[${index('DVホットライン')}].status`,
        `$.services[${index('DVホットライン')}].phones[0].number`,
      ]),
    );
    expect(result.errors.every((error) => error.message.length > 0)).toBe(true);
    expect(await exportOf(adminB)).toBe(beforeB);
    expect(await exportOf(adminA)).toBe(beforeA);
  });

  it('reproduces network A’s directory in network B (from the partners export), and leaves network A unchanged', async () => {
    const document = await exportOf(adminA, 'PARTNERS');
    const servicesA = await servicesOf(adminA);

    const result = await importInto(adminB, document);
    expect(result).toEqual({ ok: true, created: 7, updated: 0, errors: [] });

    // Same ids, same fields (organisation names and readings included), and searchable.
    expect(await servicesOf(adminB)).toEqual(servicesA);
    const found = await adminB.request<{ searchDirectory: { services: { nodes: Array<{ name: string }> } } }>(
      `query { searchDirectory(input: { keywords: "すまい" }) { services { nodes { name } } } }`,
    );
    expect(found.body.data!.searchDirectory.services.nodes.map((node) => node.name)).toEqual(['住まいの相談窓口']);

    // A's ids, imported while signed in to B, made rows in B only.
    expect(await exportOf(adminA, 'PARTNERS')).toBe(document);
    expect(await servicesOf(adminA)).toEqual(servicesA);

    // Network B now exports A's records next to its own organisation.
    const exportedB = JSON.parse(await exportOf(adminB, 'PARTNERS')) as { organizations: unknown[]; services: unknown[] };
    const exportedA = JSON.parse(document) as { organizations: unknown[]; services: unknown[] };
    expect(exportedB.services).toEqual(exportedA.services);
    expect(exportedB.organizations).toEqual(expect.arrayContaining(exportedA.organizations));
    expect(exportedB.organizations).toHaveLength(exportedA.organizations.length + 1);

    // Every imported record has an audit entry in network B.
    const audit = await adminB.request<{ auditLog: { nodes: Array<{ entity: string; entityId: string; action: string }> } }>(
      `query { auditLog(first: 100) { nodes { entity entityId action } } }`,
    );
    const imported = audit.body.data!.auditLog.nodes.filter((entry) => entry.action === 'IMPORTED');
    expect(imported.filter((entry) => entry.entity === 'Service').map((entry) => entry.entityId).sort()).toEqual(
      servicesA.map((service) => service['id']).sort(),
    );
    expect(imported.filter((entry) => entry.entity === 'Organization')).toHaveLength(2);

    // Importing again updates the same records.
    expect(await importInto(adminB, document)).toEqual({ ok: true, created: 0, updated: 7, errors: [] });
    expect(await servicesOf(adminB)).toEqual(servicesA);
  });

  it('reports a missing name once per record, in our words rather than the schema’s', async () => {
    const document = JSON.parse(await exportOf(adminA)) as { organizations: Array<Record<string, unknown>>; services: Array<Record<string, unknown>> };
    delete document.services[0]['name'];
    delete document.organizations[0]['name'];

    const result = await importInto(adminB, JSON.stringify(document), { 'accept-language': 'en' });
    expect(result).toMatchObject({ ok: false, created: 0, updated: 0 });
    expect(result.errors.filter((error) => error.path === '$.services[0].name')).toEqual([
      { path: '$.services[0].name', message: 'Enter a service name of 1 to 200 characters.' },
    ]);
    expect(result.errors.filter((error) => error.path === '$.organizations[0].name')).toEqual([
      { path: '$.organizations[0].name', message: 'Enter an organisation name of 1 to 200 characters.' },
    ]);
    // No path is reported twice with the same meaning.
    const paths = result.errors.map((error) => error.path);
    expect(paths).toEqual([...new Set(paths)]);
  });

  describe('organisation names', () => {
    type Document = { organizations: Array<Record<string, unknown>>; services: Array<Record<string, unknown>> };
    const namesOf = async (client: SignedInClient) =>
      Object.fromEntries((JSON.parse(await exportOf(client)) as Document).organizations.map((record) => [record['id'], record['name']]));

    it('may be swapped between two organisations within one import', async () => {
      const document = JSON.parse(await exportOf(adminB)) as Document;
      // The first has services, so its new name must reach their search documents.
      const first = document.organizations.find((record) => record['id'] === document.services[0]['organization_id'])!;
      const second = document.organizations.find((record) => record !== first)!;
      const before = await namesOf(adminB);
      [first['name'], second['name']] = [second['name'], first['name']];

      const result = await importInto(adminB, JSON.stringify(document));
      expect(result).toEqual({ ok: true, created: 0, updated: document.organizations.length + document.services.length, errors: [] });
      const after = await namesOf(adminB);
      expect(after[first['id'] as string]).toBe(before[second['id'] as string]);
      expect(after[second['id'] as string]).toBe(before[first['id'] as string]);

      // Services are found by their organisation's new name.
      const found = await adminB.request<{ searchDirectory: { services: { nodes: Array<{ id: string; organization: { name: string } }> } } }>(
        `query Find($keywords: String!) { searchDirectory(input: { keywords: $keywords }) { services { nodes { id organization { name } } } } }`,
        { keywords: first['name'] },
      );
      expect(found.body.data!.searchDirectory.services.nodes).toContainEqual({ id: document.services[0]['id'], organization: { name: first['name'] } });
    });

    it('reports a name two organisations would share after the import, with its path, and changes nothing', async () => {
      const before = await exportOf(adminB);
      const document = JSON.parse(before) as Document;
      const [first, second, third] = document.organizations;

      // Two records of the file given one new name.
      second['name'] = first['name'];
      const inFile = await importInto(adminB, JSON.stringify(document), { 'accept-language': 'en' });
      expect(inFile).toMatchObject({ ok: false, created: 0, updated: 0 });
      expect(inFile.errors).toHaveLength(2);
      expect(inFile.errors).toEqual(
        expect.arrayContaining([
          { path: '$.organizations[0].name', message: expect.stringContaining('$.organizations[1]') },
          { path: '$.organizations[1].name', message: expect.stringContaining('$.organizations[0]') },
        ]),
      );

      // A record given the name of an organisation of the network the file leaves as it is.
      const alone = { organizations: [{ ...second, name: third['name'] }], services: [] };
      const withNetwork = await importInto(adminB, JSON.stringify(alone), { 'accept-language': 'en' });
      expect(withNetwork).toMatchObject({ ok: false, created: 0, updated: 0 });
      expect(withNetwork.errors).toEqual([{ path: '$.organizations[0].name', message: 'Another organisation already has this name.' }]);

      expect(await exportOf(adminB)).toBe(before);
    });
  });
});

describe('organisation kinds (issue 14: a kind decides which consents open and which roles exist)', () => {
  type Document = { organizations: Array<Record<string, unknown>>; services: Array<Record<string, unknown>> };
  type Attribute = { taxonomy_term?: { code?: string }; value?: string };
  const kindAttribute = (record: Record<string, unknown>): Attribute =>
    (record['attributes'] as Attribute[]).find((attribute) => attribute.taxonomy_term?.code === 'kind')!;

  it('are never changed by an import: the file is refused with the path, and nothing changes', async () => {
    const before = await exportOf(adminA);
    const document = JSON.parse(before) as Document;
    const index = document.organizations.findIndex((record) => record['id'] === networkA.organizations.npo);
    expect(kindAttribute(document.organizations[index]).value).toBe('NPO');
    kindAttribute(document.organizations[index]).value = 'MUNICIPALITY';

    const result = await importInto(adminA, JSON.stringify(document), { 'accept-language': 'en' });
    expect(result).toMatchObject({ ok: false, created: 0, updated: 0 });
    expect(result.errors).toEqual([
      { path: `$.organizations[${index}].attributes`, message: expect.stringContaining('An import does not change a kind') },
    ]);
    expect(await exportOf(adminA)).toBe(before);
  });

  it('are taken from the file for a new organisation', async () => {
    const document = JSON.parse(await exportOf(adminA)) as Document;
    const template = document.organizations.find((record) => record['id'] === networkA.organizations.npo)!;
    const id = '7b7c1f7e-0000-4000-8000-00000000a014';
    const fresh = JSON.parse(JSON.stringify(template).split(String(template['id'])).join(id)) as Record<string, unknown>;
    fresh['name'] = '新しい区役所';
    kindAttribute(fresh).value = 'MUNICIPALITY';
    const result = await importInto(adminA, JSON.stringify({ organizations: [fresh], services: [] }));
    expect(result).toMatchObject({ ok: true, created: 1, errors: [] });
    const kinds = await adminA.request<{ organization: { kind: string } }>(`query { organization(id: "${id}") { kind } }`);
    expect(kinds.body.data!.organization.kind).toBe('MUNICIPALITY');
  });
});

describe('partner-only contact channels (the DV line)', () => {
  const PUBLIC_LINE = '03-0000-1306';
  const PARTNER_LINE = '03-0000-1308';
  const PARTNER_NOTE = '警察・医療機関からの連絡専用';
  let dvServiceId: string;

  beforeAll(async () => {
    const created = await adminA.request<{ createService: { id: string } }>(CREATE, {
      input: serviceInput('女性相談（DV・配偶者暴力相談）', {
        categories: ['DV_SEXUAL_VIOLENCE'],
        targetGroups: ['WOMEN'],
        channels: [
          { kind: 'PHONE', value: PUBLIC_LINE, public: true },
          { kind: 'PHONE', value: PARTNER_LINE, note: PARTNER_NOTE, public: false },
        ],
      }),
    });
    if (created.body.errors) throw new Error(JSON.stringify(created.body.errors));
    dvServiceId = created.body.data!.createService.id;
  });

  it('never appear in the ordinary export, for any member: not in phones[], not in the channel attributes', async () => {
    for (const client of [staffA, coordinatorA, adminA]) {
      const text = await exportOf(client);
      expect(text).not.toContain(PARTNER_LINE);
      expect(text).not.toContain(PARTNER_NOTE);
      const document = JSON.parse(text) as { services: Array<Record<string, unknown>> } & Record<string, unknown>;
      expect(document['x-tsunagu-audience']).toBe('public');
      const dv = document.services.find((record) => record['id'] === dvServiceId)!;
      expect(dv['phones']).toEqual([expect.objectContaining({ number: PUBLIC_LINE })]);
    }
    // Also when the audience is left out of the query.
    const bare = await staffA.request<{ exportDirectoryHsds: string }>(`query { exportDirectoryHsds }`);
    expect(bare.body.data!.exportDirectoryHsds).toContain(PUBLIC_LINE);
    expect(bare.body.data!.exportDirectoryHsds).not.toContain(PARTNER_LINE);
  });

  it('are in the partners export only, which a network admin alone may take, marked and audited', async () => {
    for (const client of [staffA, coordinatorA]) {
      expect(outcome(await client.request(EXPORT, { audience: 'PARTNERS' }))).toBe('FORBIDDEN');
    }
    const text = await exportOf(adminA, 'PARTNERS');
    const document = JSON.parse(text) as { services: Array<Record<string, unknown>> } & Record<string, unknown>;
    expect(document['x-tsunagu-audience']).toBe('partners');
    expect(document['x-tsunagu-notice']).toContain('公開しないでください');
    const dv = document.services.find((record) => record['id'] === dvServiceId)!;
    expect(dv['phones']).toEqual([
      expect.objectContaining({ number: PUBLIC_LINE }),
      expect.objectContaining({ number: PARTNER_LINE, description: PARTNER_NOTE }),
    ]);
    // The marked file still validates record by record.
    const { service: serviceSchema } = hsdsValidators();
    expect(serviceSchema(dv)).toBe(true);

    const audit = await adminA.request<{ auditLog: { nodes: Array<{ entity: string; action: string }> } }>(
      `query { auditLog(first: 100) { nodes { entity action } } }`,
    );
    expect(audit.body.data!.auditLog.nodes).toContainEqual({ entity: 'Network', action: 'HSDS_EXPORTED_FOR_PARTNERS' });
  });

  it('are on no unauthenticated path: the public portal shows the public line only', async () => {
    expect(outcome(await adminA.request(`mutation { setPortalEnabled(enabled: true) }`))).toBe('OK');
    const portal = await graphql<{ portalDirectory: { services: Array<{ name: string; channels: Array<{ value: string; note: string | null }> }> } }>(
      api.url,
      `query P($slug: String!) { portalDirectory(networkSlug: $slug) { services { name channels { value note } } } }`,
      { variables: { slug: 'hsds-a' } },
    );
    const text = JSON.stringify(portal.body);
    expect(text).toContain(PUBLIC_LINE);
    expect(text).not.toContain(PARTNER_LINE);
    expect(text).not.toContain(PARTNER_NOTE);
    // And the export itself needs a session.
    const anonymous = await graphql(api.url, `query { exportDirectoryHsds }`);
    expect(JSON.stringify(anonymous.body)).not.toContain(PARTNER_LINE);
    expect(anonymous.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('survive re-importing the public export: the public file cannot mean to remove what it never held', async () => {
    const document = await exportOf(adminA);
    const result = await importInto(adminA, document);
    expect(result.ok).toBe(true);
    const partners = await exportOf(adminA, 'PARTNERS');
    expect(partners).toContain(PARTNER_LINE);
    expect(partners).toContain(PARTNER_NOTE);
  });
});
