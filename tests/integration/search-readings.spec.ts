// Search that finds what people type (issue 16): readings (いばしょ and イバショ find 居場所)
// and the field's abbreviations (社協 finds 社会福祉協議会, 包括 finds 地域包括支援センター,
// ハロワ finds ハローワーク) in the directory, the grants and the training catalogue, over HTTP on
// the real API and PostgreSQL; an organisation's new name read into its services' readings;
// readings missing from older rows filled in by the search-readings
// job, once, without touching updated_at; and another network's records never found.
import { SearchReadings } from '../../apps/api/src/core/search/search-readings';
import type { SignedInClient } from '../support/accounts';
import { serviceInput } from '../support/directory';
import { publishedGrant, searchAll } from '../support/grants';
import { setupApiTest } from '../support/harness';
import { oneOrganizationNetwork } from '../support/networks';
import { dataOf } from '../support/people';
import { buildCourse, listAllCourses } from '../support/training';

const t = setupApiTest({
  networks: {
    a: {
      slug: 'search-readings-a',
      organizations: { npo: 'NPO', hub: 'INTERMEDIARY', swc: 'SOCIAL_WELFARE_COUNCIL' },
      members: { coordinator: ['npo', ['COORDINATOR']], npoAdmin: ['npo', ['ORG_ADMIN']], editor: ['hub', ['GRANT_EDITOR']], trainer: ['swc', ['TRAINER']], staff: ['npo', ['STAFF']] },
    },
    b: oneOrganizationNetwork('search-readings-b', { hubB: 'INTERMEDIARY' }, { adminB: ['ORG_ADMIN'], editorB: ['GRANT_EDITOR'], trainerB: ['TRAINER'] }),
  },
});
const c = t.clients;

const CREATE_SERVICE = `mutation Create($input: ServiceInput!) { createService(input: $input) { id } }`;
const SEARCH_DIRECTORY = `query Search($input: DirectorySearchInput) { searchDirectory(input: $input, first: 50) { services { nodes { id } } } }`;

async function createService(client: SignedInClient, name: string, overrides: Record<string, unknown> = {}): Promise<string> {
  return dataOf(await client.request<{ createService: { id: string } }>(CREATE_SERVICE, { input: serviceInput(name, overrides) })).createService.id;
}

async function directory(client: SignedInClient, keywords: string): Promise<string[]> {
  const data = dataOf(await client.request<{ searchDirectory: { services: { nodes: Array<{ id: string }> } } }>(SEARCH_DIRECTORY, { input: { keywords } }));
  return data.searchDirectory.services.nodes.map((node) => node.id).sort();
}

const grants = async (client: SignedInClient, keywords: string) => (await searchAll(client, { keywords })).map((grant) => grant.id).sort();
const courses = async (client: SignedInClient, keyword: string) => (await listAllCourses(client, { keyword })).map((course) => course.id).sort();

/** What each kind of record of network a is, by what it is about. */
const ids = { services: {} as Record<string, string>, grants: {} as Record<string, string>, courses: {} as Record<string, string> };
/** The same three in network b, each about 居場所 and 社会福祉協議会. */
const other = { service: '', grant: '', course: '' };

beforeAll(async () => {
  // Categories, themes and target groups add their labels to the search text: those used here
  // (総合相談, 法律) name none of the words searched for.
  const s = ids.services;
  s.ibasho = await createService(c.coordinator, '居場所カフェ こもれび');
  s.council = await createService(c.coordinator, '生活相談窓口', { description: '中央区社会福祉協議会が運営しています。' });
  s.houkatsu = await createService(c.coordinator, '高齢者の総合相談', { description: '地域包括支援センターにつなぎます。' });
  s.hellowork = await createService(c.coordinator, '仕事さがし相談', { description: 'ハローワークと連携した就労相談です。' });
  s.abbreviated = await createService(c.coordinator, '見守り訪問', { description: '社協のボランティアが伺います。' });
  s.unrelated = await createService(c.coordinator, '法律相談', { description: '弁護士が無料で相談に応じます。' });
  other.service = await createService(c.adminB, '居場所サロン', { description: '社会福祉協議会と地域包括支援センターの共同事業です。' });

  const g = ids.grants;
  const grant = (overrides: Record<string, unknown> = {}) => ({ themes: ['LEGAL'], ...overrides });
  g.ibasho = await publishedGrant(c.editor, 'こどもの居場所づくり助成', grant());
  g.council = await publishedGrant(c.editor, '見守り活動助成', grant({ funderName: '中央区社会福祉協議会' }));
  g.houkatsu = await publishedGrant(c.editor, '高齢者支援ネットワーク助成', grant({ summary: '地域包括支援センターとの連携を支援します。' }));
  g.unrelated = await publishedGrant(c.editor, '法律相談体制整備助成', grant());
  other.grant = await publishedGrant(c.editorB, '居場所と社会福祉協議会の助成', grant({ summary: '地域包括支援センター' }));

  const k = ids.courses;
  const noModules = { modules: [{ title: '第1章', materials: [{ title: '資料', url: 'https://example.jp/training/a' }] }] };
  k.ibasho = (await buildCourse(c.trainer, '居場所づくり入門', noModules)).id;
  k.council = (await buildCourse(c.trainer, 'ボランティア活動の基礎', { ...noModules, input: { summary: '社会福祉協議会の役割を学びます。' } })).id;
  k.houkatsu = (await buildCourse(c.trainer, '高齢者支援の連携', { modules: [{ ...noModules.modules[0], title: '地域包括支援センターとの連携' }] })).id;
  k.unrelated = (await buildCourse(c.trainer, '法律の基礎', noModules)).id;
  other.course = (await buildCourse(c.trainerB, '居場所と社会福祉協議会', { modules: [{ ...noModules.modules[0], title: '地域包括支援センター' }] })).id;
}, 120_000);

describe.each([
  ['directory', () => ids.services, (keywords: string) => directory(c.staff, keywords)],
  ['grants', () => ids.grants, (keywords: string) => grants(c.staff, keywords)],
  ['courses', () => ids.courses, (keywords: string) => courses(c.staff, keywords)],
])('%s', (kind, of, search) => {
  it('finds 居場所 by its reading, typed in hiragana or katakana, and still by its kanji', async () => {
    for (const typed of ['いばしょ', 'イバショ', 'ｲﾊﾞｼｮ', '居場所']) expect([typed, await search(typed)]).toEqual([typed, [of().ibasho]]);
    // The grant and the course are about 居場所づくり; the service is a 居場所カフェ.
    expect(await search('いばしょづくり')).toEqual(kind === 'directory' ? [] : [of().ibasho]);
  });

  it('finds 社会福祉協議会 by 社協, and 地域包括支援センター by 包括', async () => {
    // In the directory one service says 社協 itself: the full name finds it too.
    const council = [of().council, ...(kind === 'directory' ? [ids.services.abbreviated] : [])].sort();
    expect(await search('社協')).toEqual(council);
    expect(await search('社会福祉協議会')).toEqual(council);
    expect(await search('包括')).toEqual([of().houkatsu]);
    expect(await search('ほうかつ')).toEqual([of().houkatsu]);
    // Every term must still be found: a synonym widens one term, not the search.
    expect(await search('社協 包括')).toEqual([]);
  });
});

it('finds ハローワーク by ハロワ in the directory, and never another network’s records', async () => {
  expect(await directory(c.staff, 'ハロワ')).toEqual([ids.services.hellowork]);
  for (const typed of ['いばしょ', '社協', '包括']) {
    expect(await directory(c.adminB, typed)).toEqual([other.service]);
    expect(await grants(c.adminB, typed)).toEqual([other.grant]);
    expect(await courses(c.adminB, typed)).toEqual([other.course]);
    expect(await directory(c.staff, typed)).not.toContain(other.service);
    expect(await grants(c.staff, typed)).not.toContain(other.grant);
    expect(await courses(c.staff, typed)).not.toContain(other.course);
  }
});

it('fills in the readings that older rows lack, once, without changing updated_at', async () => {
  const rows = [
    ['services', ids.services.ibasho],
    ['grants', ids.grants.ibasho],
    ['courses', ids.courses.ibasho],
  ] as const;
  const before: Record<string, { updated_at: Date; search_reading: string }> = {};
  for (const [table, id] of rows) {
    [before[table]] = await t.sql.query(`SELECT updated_at, search_reading FROM ${table} WHERE id = $1`, [id]);
    expect(before[table].search_reading).toContain('イバショ');
    await t.sql.query(`UPDATE ${table} SET search_reading = NULL WHERE id = $1`, [id]);
  }
  expect(await directory(c.staff, 'いばしょ')).toEqual([]);
  expect(await grants(c.staff, 'いばしょ')).toEqual([]);
  expect(await courses(c.staff, 'いばしょ')).toEqual([]);
  expect(await directory(c.staff, '居場所')).toEqual([ids.services.ibasho]);

  // Two replicas' worth of runs at once, twice: each row gets its reading exactly once.
  const filled = await t.withJobsPaused(() => t.runOnEveryReplicaTwice(SearchReadings, (readings) => readings.fillMissing()));
  expect(filled.reduce((sum, count) => sum + count, 0)).toBe(3);
  for (const [table, id] of rows) {
    const [after] = await t.sql.query(`SELECT updated_at, search_reading FROM ${table} WHERE id = $1`, [id]);
    expect([table, after]).toEqual([table, before[table]]);
  }
  expect(await directory(c.staff, 'いばしょ')).toEqual([ids.services.ibasho]);
  expect(await grants(c.staff, 'いばしょ')).toEqual([ids.grants.ibasho]);
  expect(await courses(c.staff, 'いばしょ')).toEqual([ids.courses.ibasho]);
  expect(await t.api.app.get(SearchReadings).fillMissing()).toBe(0);
});

it('reads an organisation’s new name into its services’ readings when it is renamed', async () => {
  expect(await directory(c.staff, 'わかもの')).toEqual([]);
  dataOf(await c.npoAdmin.request(`mutation Rename($id: ID!) { updateOrganization(input: { id: $id, name: "若者支援ネット" }) { id } }`, { id: t.networks.a.organizations.npo }));
  expect(await directory(c.staff, 'わかもの')).toEqual(Object.values(ids.services).sort());
  expect(await directory(c.adminB, 'わかもの')).toEqual([]);
});
