// The service directory against the real API and PostgreSQL: Japanese search (two- and
// three-character words, kana names typed in hiragana), combined filters, facet counts, keyset
// pages that stay stable while rows are inserted, who may edit, the public portal, and
// isolation between networks.
import { DataSource } from 'typeorm';
import { Clock } from '../../apps/api/src/core/time/clock';
import { outcome, SignedInClient, TestNetwork } from '../support/accounts';
import { RunningApi } from '../support/api';
import { graphql } from '../support/graphql';
import { setupApiTest } from '../support/harness';
import { hubAndNpoNetwork, soleAdminNetwork } from '../support/networks';
import { TestDatabase } from '../support/test-database';
import { serviceInput } from '../support/directory';

const t = setupApiTest({
  clients: false,
  networks: {
    network: hubAndNpoNetwork('directory-a'),
    other: soleAdminNetwork('directory-b'),
  },
});
let database: TestDatabase, api: RunningApi, network: TestNetwork, other: TestNetwork;
let coordinator: SignedInClient;
let staff: SignedInClient;
let networkAdmin: SignedInClient;
let otherAdmin: SignedInClient;
const ids: Record<string, string> = {};

const CREATE = `mutation Create($input: ServiceInput!, $organizationId: ID) {
  createService(input: $input, organizationId: $organizationId) { id name organization { name } }
}`;
const SEARCH = `query Search($input: DirectorySearchInput, $first: Int, $after: String) {
  searchDirectory(input: $input, first: $first, after: $after) {
    services { nodes { id name } pageInfo { endCursor hasNextPage } }
    facets { total categories { value count } channels { value count } languages { value count } acceptingReferrals open24h }
  }
}`;

async function search(client: SignedInClient, input: Record<string, unknown>, first = 50, after?: string) {
  const response = await client.request<{
    searchDirectory: {
      services: { nodes: Array<{ id: string; name: string }>; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
      facets: {
        total: number;
        categories: Array<{ value: string; count: number }>;
        channels: Array<{ value: string; count: number }>;
        languages: Array<{ value: string; count: number }>;
        acceptingReferrals: number;
        open24h: number;
      };
    };
  }>(SEARCH, { input, first, after });
  if (response.body.errors) throw new Error(JSON.stringify(response.body.errors));
  return response.body.data!.searchDirectory;
}

const names = (result: Awaited<ReturnType<typeof search>>) => result.services.nodes.map((node) => node.name);

beforeAll(async () => {
  ({ database, api, networks: { network, other } } = t);
  ({ coordinator, staff, admin: networkAdmin } = await t.clientsOf(network));
  otherAdmin = await t.client(other.members.admin);

  // The NPO's reading, so it can be found by kana typed in hiragana.
  await networkAdmin.request(`mutation { updateOrganization(input: { id: "${network.organizations.npo}", nameKana: "コモレビサポート" }) { id } }`);

  const fixtures: Array<[string, Record<string, unknown>]> = [
    ['住まいの相談窓口', { categories: ['HOUSING'], description: '家賃や住まい探しの相談を受けます。' }],
    ['若者就労サポート', { categories: ['EMPLOYMENT'], targetGroups: ['YOUTH'], ageMin: 15, ageMax: 39, languages: ['ja', 'en'] }],
    ['DVホットライン', { categories: ['DV_SEXUAL_VIOLENCE'], open24h: true, openingHours: [], channels: [{ kind: 'PHONE', value: '0120-000-000', public: true }, { kind: 'SNS_LINE', value: '@line-dv', public: true }] }],
    ['こども食堂あおぞら', { categories: ['FOOD', 'CHILDREN_YOUTH'], capacity: 'NOT_ACCEPTING', channels: [{ kind: 'VISIT', value: '銀座1-1', public: true }] }],
    ['外国人生活相談', { categories: ['FOREIGN_RESIDENTS'], languages: ['ja-simple', 'vi'], nationwide: true, areaCodes: [] }],
    ['居場所カフェ', { categories: ['IBASHO'], acceptsReferrals: false, channels: [{ kind: 'VISIT', value: '月島2-2', public: true }, { kind: 'PHONE', value: '03-0000-9999', note: '関係機関専用', public: false }] }],
  ];
  for (const [name, overrides] of fixtures) {
    const created = await coordinator.request<{ createService: { id: string } }>(CREATE, { input: serviceInput(name, overrides) });
    if (!created.body.data) throw new Error(JSON.stringify(created.body.errors));
    ids[name] = created.body.data.createService.id;
  }
  await otherAdmin.request(CREATE, { input: serviceInput('住まいの相談（他ネットワーク）', { categories: ['HOUSING'] }) });
});

describe('keyword search', () => {
  it.each([
    ['住まい', ['住まいの相談窓口']],
    ['就労', ['若者就労サポート']],
    ['DV', ['DVホットライン']],
    ['ｄｖ', ['DVホットライン']], // full-width, lower case
    ['居場所', ['居場所カフェ']],
    ['食堂', ['こども食堂あおぞら']],
    ['housing', ['住まいの相談窓口']], // English category label
    ['若者 就労', ['若者就労サポート']], // every word must match
  ])('"%s" finds %j', async (keywords, expected) => {
    expect(names(await search(coordinator, { keywords }))).toEqual(expected);
  });

  it('finds services by their organisation’s kana name, typed in katakana or hiragana', async () => {
    for (const keywords of ['コモレビ', 'こもれび']) {
      expect(names(await search(coordinator, { keywords })).sort()).toEqual(Object.keys(ids).sort());
    }
  });

  it('does not match characters found apart', async () => {
    expect(names(await search(coordinator, { keywords: '住談' }))).toEqual([]);
  });

  it('ranks a match in the service name above a match elsewhere', async () => {
    await coordinator.request(CREATE, { input: serviceInput('総合相談室', { description: '住まいのことも相談できます。' }) });
    expect(names(await search(coordinator, { keywords: '住まい' }))).toEqual(['住まいの相談窓口', '総合相談室']);
  });
});

describe('filters and facets', () => {
  it('combines filters', async () => {
    expect(names(await search(coordinator, { channels: ['SNS_LINE'], open24h: true }))).toEqual(['DVホットライン']);
    expect(names(await search(coordinator, { languages: ['vi'], areaCode: '131024' }))).toEqual(['外国人生活相談']);
    expect(names(await search(coordinator, { categories: ['FOOD', 'IBASHO'], acceptingReferrals: true }))).toEqual([]);
    expect(names(await search(coordinator, { targetGroups: ['YOUTH'], categories: ['EMPLOYMENT'] }))).toEqual(['若者就労サポート']);
  });

  it('filters by "open now" in Japan time', async () => {
    const clock = api.app.get(Clock);
    const spy = jest.spyOn(clock, 'now');
    try {
      spy.mockReturnValue(new Date('2026-11-30T01:30:00Z')); // Monday 10:30 in Tokyo
      const monday = names(await search(coordinator, { openNow: true }));
      expect(monday).toEqual(expect.arrayContaining(['DVホットライン', '住まいの相談窓口']));
      spy.mockReturnValue(new Date('2026-11-30T10:30:00Z')); // Monday 19:30 in Tokyo
      expect(names(await search(coordinator, { openNow: true }))).toEqual(['DVホットライン']);
    } finally {
      spy.mockRestore();
    }
  });

  it('counts every filter value over the current results', async () => {
    const { facets } = await search(coordinator, { channels: ['VISIT'] });
    expect(facets.total).toBe(2);
    expect(facets.categories).toEqual(
      expect.arrayContaining([
        { value: 'FOOD', count: 1 },
        { value: 'CHILDREN_YOUTH', count: 1 },
        { value: 'IBASHO', count: 1 },
      ]),
    );
    expect(facets.channels).toEqual([
      { value: 'VISIT', count: 2 },
      { value: 'PHONE', count: 1 },
    ]);
    expect(facets.acceptingReferrals).toBe(0);
  });

  it('refuses a malformed area code with a field error', async () => {
    const response = await coordinator.request(SEARCH, { input: { areaCode: '中央区' } });
    expect(response.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { areaCode: expect.any(Object) } });
  });
});

describe('pagination', () => {
  it('keeps pages stable while rows are inserted between them', async () => {
    const first = await search(coordinator, {}, 3);
    expect(first.services.pageInfo.hasNextPage).toBe(true);
    // New rows arrive between page requests, some sorting before the cursor, some after.
    for (const name of ['aa 新しい窓口', 'ア 新しい窓口', '龍 新しい窓口']) {
      await coordinator.request(CREATE, { input: serviceInput(name) });
    }
    const seen = [...names(first)];
    let after = first.services.pageInfo.endCursor ?? undefined;
    while (after) {
      const page = await search(coordinator, {}, 3, after);
      seen.push(...names(page));
      after = page.services.pageInfo.hasNextPage ? (page.services.pageInfo.endCursor ?? undefined) : undefined;
    }
    expect(new Set(seen).size).toBe(seen.length); // nothing twice
    expect(seen).toEqual(expect.arrayContaining(Object.keys(ids))); // nothing that existed skipped
  });
});

describe('editing', () => {
  it('lets only the organisation’s admins and coordinators edit its services', async () => {
    expect(outcome(await staff.request(CREATE, { input: serviceInput('スタッフの登録') }))).toBe('FORBIDDEN');
    expect(
      outcome(await coordinator.request(CREATE, { input: serviceInput('他団体への登録'), organizationId: network.organizations.hub })),
    ).toBe('FORBIDDEN');
    const update = `mutation U($id: ID!, $input: ServiceInput!) { updateService(id: $id, input: $input) { name capacity } }`;
    expect(outcome(await networkAdmin.request(update, { id: ids['居場所カフェ'], input: serviceInput('居場所カフェ') }))).toBe('FORBIDDEN');
    const changed = await coordinator.request<{ updateService: { name: string; capacity: string } }>(update, {
      id: ids['居場所カフェ'],
      input: serviceInput('居場所カフェ', {
        categories: ['IBASHO'],
        capacity: 'WAITLIST',
        waitlistNote: '春から再開',
        channels: [
          { kind: 'VISIT', value: '月島2-2', public: true },
          { kind: 'PHONE', value: '03-0000-9999', note: '関係機関専用', public: false },
        ],
      }),
    });
    expect(changed.body.data).toEqual({ updateService: { name: '居場所カフェ', capacity: 'WAITLIST' } });
  });

  it('reports every faulty field at once', async () => {
    const response = await coordinator.request(CREATE, {
      input: serviceInput('', { categories: [], areaCodes: ['99999'], openingHours: [{ day: 'MO', opens: '18:00', closes: '09:00' }], languages: ['xx'] }),
    });
    expect(Object.keys((response.body.errors?.[0].extensions?.['fields'] ?? {}) as object).sort()).toEqual([
      'areaCodes',
      'categories',
      'languages',
      'name',
      'openingHours',
    ]);
  });
});

describe('the public portal', () => {
  const PORTAL = `query P($slug: String!) { portalDirectory(networkSlug: $slug) { networkName services { name organizationName channels { kind value public } } } }`;

  it('is off by default and NOT_FOUND for anyone', async () => {
    const response = await graphql(api.url, PORTAL, { variables: { slug: 'directory-a' } });
    expect(response.body.errors?.[0].extensions?.['code']).toBe('NOT_FOUND');
  });

  it('can be switched on only by a network admin; then shows public fields of that network only, without a session', async () => {
    expect(outcome(await coordinator.request('mutation { setPortalEnabled(enabled: true) }'))).toBe('FORBIDDEN');
    expect((await networkAdmin.request('mutation { setPortalEnabled(enabled: true) }')).body.data).toEqual({ setPortalEnabled: true });
    const response = await graphql<{ portalDirectory: { networkName: string; services: Array<{ name: string; channels: Array<{ public: boolean; value: string }> }> } }>(
      api.url,
      PORTAL,
      { variables: { slug: 'directory-a' } },
    );
    const portal = response.body.data!.portalDirectory;
    expect(portal.networkName).toBe('directory-a');
    expect(portal.services.map((entry) => entry.name)).toEqual(expect.arrayContaining(Object.keys(ids)));
    expect(portal.services.map((entry) => entry.name)).not.toContain('住まいの相談（他ネットワーク）');
    const cafe = portal.services.find((entry) => entry.name === '居場所カフェ')!;
    expect(cafe.channels).toEqual([{ kind: 'VISIT', value: '月島2-2', public: true }]);
    expect(JSON.stringify(portal)).not.toContain('03-0000-9999');
    // Fields that are not public do not exist on the portal type at all.
    const leak = await graphql(api.url, `{ portalDirectory(networkSlug: "directory-a") { services { eligibility } } }`);
    expect(leak.status).toBe(400);
    // The other network stays unpublished.
    expect((await graphql(api.url, PORTAL, { variables: { slug: 'directory-b' } })).body.errors?.[0].extensions?.['code']).toBe('NOT_FOUND');
  });
});

describe('isolation between networks', () => {
  it('answers NOT_FOUND for another network’s services and organisations', async () => {
    const id = ids['住まいの相談窓口'];
    expect(outcome(await otherAdmin.request(`{ service(id: "${id}") { id } }`))).toBe('NOT_FOUND');
    expect(outcome(await otherAdmin.request(`mutation { deleteService(id: "${id}") }`))).toBe('NOT_FOUND');
    expect(
      outcome(await otherAdmin.request(`mutation U($input: ServiceInput!) { updateService(id: "${id}", input: $input) { id } }`, { input: serviceInput('奪取') })),
    ).toBe('NOT_FOUND');
    expect(
      outcome(await otherAdmin.request(CREATE, { input: serviceInput('越境'), organizationId: network.organizations.npo })),
    ).toBe('NOT_FOUND');
    const theirs = await search(otherAdmin, { keywords: '住まい' });
    expect(names(theirs)).toEqual(['住まいの相談（他ネットワーク）']);
    const scoped = await otherAdmin.request(SEARCH, { input: { organizationId: network.organizations.npo } });
    expect(scoped.body.data).toMatchObject({ searchDirectory: { services: { nodes: [] } } });
    expect(outcome(await coordinator.request(`{ service(id: "${id}") { id } }`))).toBe('OK');
  });

  it('lets a network admin publish only their own network', async () => {
    await otherAdmin.request('mutation { setPortalEnabled(enabled: false) }');
    const owner = await new DataSource({ type: 'postgres', url: database.ownerUrl }).initialize();
    const [row] = await owner.transaction(async (manager) => {
      await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [network.tenantId]);
      return manager.query(`SELECT portal_enabled FROM networks WHERE id = $1`, [network.tenantId]);
    });
    await owner.destroy();
    expect(row.portal_enabled).toBe(true);
  });
});
