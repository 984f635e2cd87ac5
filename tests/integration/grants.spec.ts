// Grant listings (助成金・補助金情報) over HTTP on a real PostgreSQL: who may publish, what other
// organisations and networks see, Japanese keyword search with filters and stable keyset pages
// for every sort, bookmarks, applications kept private to their organisation, saved searches,
// sanitised details, the automatic close (time moved through the Clock, never waited for), and
// NOT_FOUND for everything of another network.
import { DataSource } from 'typeorm';
import { Clock } from '../../apps/api/src/core/time/clock';
import { runInTenant } from '../../apps/api/src/core/tenancy/tenant-transaction';
import { GrantsService } from '../../apps/api/src/modules/grants/grants.service';
import { outcome, TestNetwork } from '../support/accounts';
import { RunningApi } from '../support/api';
import {
  CREATE_GRANT,
  createGrant,
  daysFromNow,
  GRANT_QUERY,
  grantInput,
  publishedGrant,
  RECORD_APPLICATION,
  SEARCH_GRANTS,
  searchAll,
  storedFile,
  transitionMutation,
  UPDATE_GRANT,
} from '../support/grants';
import { setupApiTest } from '../support/harness';
import { dataOf } from '../support/people';

const t = setupApiTest({
  networks: {
    a: {
      slug: 'grants-a',
      organizations: { inter: 'INTERMEDIARY', muni: 'MUNICIPALITY', npo: 'NPO', npo2: 'NPO', swc: 'SOCIAL_WELFARE_COUNCIL', other: 'OTHER' },
      members: {
        editorI: ['inter', ['GRANT_EDITOR']],
        editorM: ['muni', ['GRANT_EDITOR']],
        adminI: ['inter', ['NETWORK_ADMIN', 'ORG_ADMIN']],
        coordI: ['inter', ['COORDINATOR']],
        liaisonM: ['muni', ['LIAISON']],
        // A GRANT_EDITOR of an NPO, a social welfare council or another kind cannot exist (roles
        // allowed by kind: organization-kind-invariants.spec.ts); the ability also checks the kind.
        adminM: ['muni', ['ORG_ADMIN']],
        npoAdmin: ['npo', ['ORG_ADMIN']],
        npoStaff: ['npo', ['STAFF']],
        npo2Admin: ['npo2', ['ORG_ADMIN']],
        swcTrainer: ['swc', ['TRAINER']],
      },
    },
    b: {
      slug: 'grants-b',
      organizations: { interB: 'INTERMEDIARY', npoB: 'NPO' },
      members: { editorB: ['interB', ['GRANT_EDITOR']], npoBAdmin: ['npoB', ['ORG_ADMIN']], adminB: ['interB', ['NETWORK_ADMIN']] },
    },
  },
});
const c = t.clients;
let api: RunningApi, sql: DataSource, a: TestNetwork, b: TestNetwork;
beforeAll(() => ({ api, sql, networks: { a, b } } = t));

const move = (name: Parameters<typeof transitionMutation>[0]) => transitionMutation(name);

describe('publishing', () => {
  it('lets only grant editors of intermediary bodies and municipalities create and publish', async () => {
    for (const key of ['editorI', 'editorM']) {
      const created = await createGrant(c[key], `公開テスト ${key}`);
      expect(created).toMatchObject({ status: 'DRAFT', mine: true, inMyNetwork: true, applicationCounts: expect.any(Array) });
      const published = dataOf(await c[key].request<{ publishGrant: { status: string; publishedAt: string } }>(move('publishGrant'), { id: created.id }));
      expect(published.publishGrant.status).toBe('PUBLISHED');
    }
    for (const key of ['adminI', 'coordI', 'liaisonM', 'adminM', 'npoAdmin', 'npoStaff', 'swcTrainer']) {
      expect([key, outcome(await c[key].request(CREATE_GRANT, { input: grantInput('権限なし') }))]).toEqual([key, 'FORBIDDEN']);
    }
  });

  it("keeps a listing to its own organisation's editors: colleagues without the role and other publishers are FORBIDDEN", async () => {
    const id = await publishedGrant(c.editorI, '他団体の編集テスト');
    for (const key of ['editorM', 'adminI', 'coordI']) {
      expect(outcome(await c[key].request(UPDATE_GRANT, { id, input: grantInput('書き換え') }))).toBe('FORBIDDEN');
      expect(outcome(await c[key].request(move('closeGrant'), { id }))).toBe('FORBIDDEN');
    }
  });

  it('refuses faulty fields, naming each in Japanese and English', async () => {
    const response = await c.editorI.request(CREATE_GRANT, {
      input: grantInput(' ', {
        amountMin: 500,
        amountMax: 100,
        subsidyRatePercent: 120,
        windowOpensAt: daysFromNow(5),
        windowClosesAt: daysFromNow(1),
        regionCodes: ['99999'],
        nationwide: false,
        applicationUrl: 'javascript:alert(1)',
        projectStartsOn: '2026-13-01',
      }),
    });
    expect(outcome(response)).toBe('BAD_USER_INPUT');
    const fields = response.body.errors![0].extensions!['fields'] as Record<string, { ja: string; en: string }>;
    expect(Object.keys(fields).sort()).toEqual(['amountMax', 'applicationUrl', 'projectStartsOn', 'regionCodes', 'subsidyRatePercent', 'title', 'windowClosesAt']);
    expect(fields.title.ja).toMatch(/名称/);
    expect(fields.title.en).toMatch(/title/);
  });

  it('sanitises the details: scripts, event handlers and javascript: links are stripped', async () => {
    const created = await createGrant(c.editorI, 'サニタイズ', {
      detailsHtml:
        '<h3>概要</h3><p onclick="steal()">助成<strong>対象</strong><script>alert(1)</script><img src=x onerror=alert(2)></p>' +
        '<ul><li><a href="javascript:alert(3)">悪い</a></li><li><a href="https://example.jp/apply" style="color:red">申請</a></li></ul>' +
        '<iframe src="https://evil.example"></iframe><h1>見出し</h1><a href="mailto:info@example.jp">mail</a>',
    });
    const html = String(created.detailsHtml);
    expect(html).not.toMatch(/script|onerror|onclick|javascript:|<img|<iframe|style=|<h1/i);
    expect(html).toContain('<h3>概要</h3>');
    expect(html).toContain('<strong>対象</strong>');
    expect(html).toMatch(/<a href="https:\/\/example\.jp\/apply"[^>]*>申請<\/a>/);
    expect(html).toMatch(/<a href="mailto:info@example\.jp"[^>]*>mail<\/a>/);
    const [stored] = await sql.query(`SELECT details_html, search_document FROM grants WHERE id = $1`, [created.id]);
    expect(stored.details_html).toBe(html);
    expect(stored.search_document).not.toMatch(/<|alert/);
  });

  it('moves through GRANT_TRANSITIONS, answering CONFLICT from a wrong status', async () => {
    const { id } = await createGrant(c.editorM, '状態遷移');
    expect(outcome(await c.editorM.request(move('closeGrant'), { id }))).toBe('CONFLICT');
    expect(outcome(await c.editorM.request(move('reopenGrant'), { id }))).toBe('CONFLICT');
    expect(outcome(await c.editorM.request(move('publishGrant'), { id }))).toBe('OK');
    expect(outcome(await c.editorM.request(move('publishGrant'), { id }))).toBe('CONFLICT');
    const closed = dataOf(await c.editorM.request<{ closeGrant: { status: string; closedAt: string } }>(move('closeGrant'), { id }));
    expect(closed.closeGrant).toMatchObject({ status: 'CLOSED', closedAt: expect.any(String) });
    expect(outcome(await c.editorM.request(UPDATE_GRANT, { id, input: grantInput('締切後の編集') }))).toBe('CONFLICT');
    expect(dataOf(await c.editorM.request<{ reopenGrant: { status: string } }>(move('reopenGrant'), { id })).reopenGrant.status).toBe('PUBLISHED');
    expect(dataOf(await c.editorM.request<{ archiveGrant: { status: string } }>(move('archiveGrant'), { id })).archiveGrant.status).toBe('ARCHIVED');
    expect(outcome(await c.editorM.request(move('archiveGrant'), { id }))).toBe('CONFLICT');
    // Archived: gone for everyone but its organisation.
    expect(outcome(await c.npoAdmin.request(GRANT_QUERY, { id }))).toBe('NOT_FOUND');
    expect(outcome(await c.editorM.request(GRANT_QUERY, { id }))).toBe('OK');
  });

  it('updates a published listing and its search document', async () => {
    const id = await publishedGrant(c.editorI, '更新前のタイトル');
    const updated = dataOf(await c.editorI.request<{ updateGrant: { title: string; status: string } }>(UPDATE_GRANT, { id, input: grantInput('更新後の子育てサロン助成') }));
    expect(updated.updateGrant).toMatchObject({ title: '更新後の子育てサロン助成', status: 'PUBLISHED' });
    expect((await searchAll(c.npoAdmin, { keywords: 'サロン' })).map((grant) => grant.id)).toContain(id);
    expect((await searchAll(c.npoAdmin, { keywords: '更新前' })).map((grant) => grant.id)).not.toContain(id);
  });
});

describe('visibility', () => {
  it('shows a PUBLIC listing in another network and keeps a NETWORK one NOT_FOUND there', async () => {
    const publicId = await publishedGrant(c.editorI, '全国公開の居場所づくり助成 VISX', { visibility: 'PUBLIC' });
    const networkId = await publishedGrant(c.editorI, 'ネットワーク内の居場所づくり助成 VISX');
    const seen = dataOf(await c.npoBAdmin.request<{ grant: Record<string, unknown> }>(GRANT_QUERY, { id: publicId })).grant;
    expect(seen).toMatchObject({ inMyNetwork: false, mine: false, applicationCounts: null, publisher: { name: 'grants-a inter' } });
    expect(outcome(await c.npoBAdmin.request(GRANT_QUERY, { id: networkId }))).toBe('NOT_FOUND');
    const found = (await searchAll(c.npoBAdmin, { keywords: 'VISX' })).map((grant) => grant.id);
    expect(found).toEqual([publicId]);
    const inNetwork = (await searchAll(c.npoAdmin, { keywords: 'VISX' })).map((grant) => grant.id).sort();
    expect(inNetwork).toEqual([publicId, networkId].sort());
  });

  it('keeps drafts to their organisation, even in the same network', async () => {
    const { id } = await createGrant(c.editorI, '下書きの助成 DRAFTX', { visibility: 'PUBLIC' });
    expect(outcome(await c.editorI.request(GRANT_QUERY, { id }))).toBe('OK');
    expect(outcome(await c.coordI.request(GRANT_QUERY, { id }))).toBe('OK');
    for (const key of ['npoAdmin', 'editorM', 'npoBAdmin']) expect(outcome(await c[key].request(GRANT_QUERY, { id }))).toBe('NOT_FOUND');
    expect(await searchAll(c.npoAdmin, { keywords: 'DRAFTX', statuses: ['DRAFT', 'PUBLISHED'] })).toEqual([]);
    expect((await searchAll(c.editorI, { keywords: 'DRAFTX', statuses: ['DRAFT'] })).map((grant) => grant.id)).toEqual([id]);
    const mine = dataOf(await c.editorI.request<{ myGrants: { nodes: Array<{ id: string }> } }>(`{ myGrants(first: 200) { nodes { id } } }`));
    expect(mine.myGrants.nodes.map((grant) => grant.id)).toContain(id);
  });

  it('answers NOT_FOUND for ids that are not UUIDs', async () => {
    expect(outcome(await c.npoAdmin.request(GRANT_QUERY, { id: 'not-a-uuid' }))).toBe('NOT_FOUND');
    expect(outcome(await c.editorI.request(move('publishGrant'), { id: '1' }))).toBe('NOT_FOUND');
  });
});

describe('search', () => {
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const tag = 'SRCHZ';
    const specs: Array<[string, string, Record<string, unknown>]> = [
      ['ibasho', `子どもの居場所づくり助成 ${tag}`, { themes: ['IBASHO', 'CHILDREN_YOUTH'], amountMax: 500_000, windowClosesAt: daysFromNow(5), regionCodes: ['13102'], nationwide: false }],
      ['shokudo', `こども食堂 応援基金 ${tag}`, { themes: ['FOOD'], amountMin: 100_000, amountMax: 300_000, windowClosesAt: daysFromNow(20), regionCodes: ['13000'], nationwide: false, funderKind: 'COMPANY', legalForms: ['NPO_CORPORATION'] }],
      ['unlimited', `ひきこもり支援 補助金 ${tag}`, { themes: ['HIKIKOMORI'], amountMax: null, amountUnlimited: true, windowClosesAt: daysFromNow(60), grantType: 'SUBSIDY', funderKind: 'MUNICIPALITY', eligibleKinds: ['NPO'] }],
      ['osaka', `大阪の居場所 助成 ${tag}`, { themes: ['IBASHO'], amountMax: 2_000_000, windowClosesAt: daysFromNow(10), regionCodes: ['27100'], nationwide: false, visibility: 'PUBLIC', eligibleKinds: ['INTERMEDIARY'] }],
      ['nowindow', `通年募集の食支援 ${tag}`, { themes: ['FOOD'], amountMax: 1_000_000, windowOpensAt: null, windowClosesAt: null }],
      ['future', `来月開始の居場所助成 ${tag}`, { themes: ['IBASHO'], amountMax: 1_000_000, windowOpensAt: daysFromNow(15), windowClosesAt: daysFromNow(45) }],
      ['ended', `終了した食堂助成 ${tag}`, { themes: ['FOOD'], amountMax: 800_000, windowOpensAt: daysFromNow(-30), windowClosesAt: daysFromNow(-1) }],
      ['inkind', `物品寄贈 ${tag}`, { themes: ['POVERTY'], amountMax: null, grantType: 'IN_KIND', windowClosesAt: daysFromNow(5.5) }],
    ];
    for (const [key, title, overrides] of specs) ids[key] = await publishedGrant(key === 'shokudo' ? c.editorM : c.editorI, title, overrides);
  });

  const find = async (input: Record<string, unknown>, client = c.npoAdmin) =>
    (await searchAll(client, { keywords: 'SRCHZ', ...input })).map((grant) => grant.id);
  const keys = (found: string[]) => found.map((id) => Object.keys(ids).find((key) => ids[key] === id)).sort();

  it('finds two-character Japanese words, with kana folded, all words having to match', async () => {
    expect(keys(await find({ keywords: '居場所 SRCHZ' }))).toEqual(['future', 'ibasho', 'osaka']);
    expect(keys(await find({ keywords: '食堂 SRCHZ' }))).toEqual(['ended', 'shokudo']);
    // こども食堂 by its kana, and 子どもの居場所 by its reading and the 子ども/こども synonyms (issue 16).
    expect(keys(await find({ keywords: 'コドモ SRCHZ' }))).toEqual(['ibasho', 'shokudo']);
    expect(keys(await find({ keywords: 'こども食堂 SRCHZ' }))).toEqual(['shokudo']);
    expect(keys(await find({ keywords: '大阪 居場所 SRCHZ' }))).toEqual(['osaka']);
    // A theme's label finds it too (HIKIKOMORI's Japanese label), and a funder kind's.
    expect(keys(await find({ keywords: '企業 SRCHZ' }))).toEqual(['shokudo']);
    expect(keys(await find({ keywords: '堂食 SRCHZ' }))).toEqual([]);
  });

  it('filters: open now, closing within N days, theme, region, kinds, legal forms, amounts, funder, type, status', async () => {
    expect(keys(await find({ openNow: true }))).toEqual(['ibasho', 'inkind', 'nowindow', 'osaka', 'shokudo', 'unlimited']);
    expect(keys(await find({ closingWithinDays: 7 }))).toEqual(['ibasho', 'inkind']);
    expect(keys(await find({ themes: ['FOOD'] }))).toEqual(['ended', 'nowindow', 'shokudo']);
    // 13102 (中央区): its own code, 東京都 (13000) and nationwide ones; not 大阪市.
    expect(keys(await find({ municipalityCode: '13102' }))).toEqual(['ended', 'future', 'ibasho', 'inkind', 'nowindow', 'shokudo', 'unlimited']);
    expect(keys(await find({ municipalityCode: '27100' }))).toEqual(['ended', 'future', 'inkind', 'nowindow', 'osaka', 'unlimited']);
    expect(outcome(await c.npoAdmin.request(SEARCH_GRANTS, { input: { municipalityCode: 'abc' } }))).toBe('BAD_USER_INPUT');
    expect(keys(await find({ organizationKinds: ['NPO'] }))).not.toContain('osaka');
    expect(keys(await find({ organizationKinds: ['INTERMEDIARY'] }))).not.toContain('unlimited');
    expect(keys(await find({ legalForms: ['VOLUNTARY_GROUP'] }))).not.toContain('shokudo');
    expect(keys(await find({ legalForms: ['NPO_CORPORATION'] }))).toContain('shokudo');
    // Overlap: [1.5M, 3M] meets osaka (up to 2M) and the unlimited one only.
    expect(keys(await find({ amountFrom: 1_500_000, amountTo: 3_000_000 }))).toEqual(['osaka', 'unlimited']);
    expect(keys(await find({ amountTo: 50_000 }))).toEqual(['ended', 'future', 'ibasho', 'nowindow', 'osaka', 'unlimited']);
    expect(keys(await find({ funderKinds: ['COMPANY', 'MUNICIPALITY'] }))).toEqual(['shokudo', 'unlimited']);
    expect(keys(await find({ grantTypes: ['IN_KIND'] }))).toEqual(['inkind']);
    expect(keys(await find({ statuses: ['CLOSED'] }))).toEqual([]);
  });

  it('sorts by deadline, newest and amount, with stable keyset pages of every size', async () => {
    const expected = {
      // Open ones by closing time, then open without a deadline, then the one already closed.
      DEADLINE: ['ibasho', 'inkind', 'osaka', 'shokudo', 'future', 'unlimited', 'nowindow', 'ended'],
      NEWEST: ['inkind', 'ended', 'future', 'nowindow', 'osaka', 'unlimited', 'shokudo', 'ibasho'],
    };
    for (const sort of ['DEADLINE', 'NEWEST', 'AMOUNT'] as const) {
      const whole = await searchAll(c.npoAdmin, { keywords: 'SRCHZ', sort }, 200);
      const order = whole.map((grant) => Object.keys(ids).find((key) => ids[key] === grant.id));
      if (sort !== 'AMOUNT') expect([sort, order]).toEqual([sort, expected[sort]]);
      else {
        // No upper limit first, then the largest maximum; listings without an amount last.
        expect(order.slice(0, 2)).toEqual(['unlimited', 'osaka']);
        expect([...order.slice(2, 4)].sort()).toEqual(['future', 'nowindow']);
        expect(order.slice(4)).toEqual(['ended', 'ibasho', 'shokudo', 'inkind']);
      }
      for (const size of [1, 2, 3]) {
        const paged = await searchAll(c.npoAdmin, { keywords: 'SRCHZ', sort }, size);
        expect([sort, size, paged.map((grant) => grant.id)]).toEqual([sort, size, whole.map((grant) => grant.id)]);
      }
    }
    // Two listings with the same deadline page by id.
    const at = daysFromNow(33);
    const twins = [await publishedGrant(c.editorI, '同時締切 TWINZ', { windowClosesAt: at }), await publishedGrant(c.editorI, '同時締切 TWINZ', { windowClosesAt: at })];
    const paged = await searchAll(c.npoAdmin, { keywords: 'TWINZ', sort: 'DEADLINE' }, 1);
    expect(paged.map((grant) => grant.id)).toEqual([...twins].sort());
  });

  it('lists closed listings after the open ones in 締切が近い順, a status-closed one with a future deadline too, across pages', async () => {
    const soon = await publishedGrant(c.editorI, '締切間近 CLOSEDZ', { windowClosesAt: daysFromNow(3) });
    const later = await publishedGrant(c.editorI, '締切まで余裕 CLOSEDZ', { windowClosesAt: daysFromNow(30) });
    const stopped = await publishedGrant(c.editorI, '受付を締め切った CLOSEDZ', { windowClosesAt: daysFromNow(1) });
    expect(outcome(await c.editorI.request(move('closeGrant'), { id: stopped }))).toBe('OK');
    const past = await publishedGrant(c.editorI, '期限切れ CLOSEDZ', { windowOpensAt: daysFromNow(-20), windowClosesAt: daysFromNow(-2) });
    const closedOnes = [stopped, past].sort();
    for (const size of [1, 2, 200]) {
      const order = (await searchAll(c.npoAdmin, { keywords: 'CLOSEDZ', sort: 'DEADLINE' }, size)).map((grant) => grant.id);
      expect([size, order]).toEqual([size, [soon, later, ...closedOnes]]);
    }
  });

  it('refuses a forged cursor', async () => {
    const forged = Buffer.from(JSON.stringify(["'; DROP TABLE grants; --", '00000000-0000-4000-8000-000000000000'])).toString('base64url');
    expect(outcome(await c.npoAdmin.request(SEARCH_GRANTS, { input: { sort: 'AMOUNT' }, after: forged }))).toBe('BAD_USER_INPUT');
    expect(outcome(await c.npoAdmin.request(SEARCH_GRANTS, { input: { sort: 'DEADLINE' }, after: forged }))).toBe('BAD_USER_INPUT');
  });
});

describe('files', () => {
  it("attaches my organisation's files only; other networks see a public listing's files", async () => {
    const id = await publishedGrant(c.editorI, '添付ファイルの助成', { visibility: 'PUBLIC' });
    const mine = await storedFile(sql, a.tenantId, a.organizations.inter);
    const colleague = await storedFile(sql, a.tenantId, a.organizations.npo);
    const elsewhere = await storedFile(sql, b.tenantId, b.organizations.interB);
    const attach = `mutation Attach($grantId: ID!, $fileId: ID!) { attachGrantFile(grantId: $grantId, fileId: $fileId) { attachments { fileId fileName mediaType byteSize } } }`;
    const detach = `mutation Detach($grantId: ID!, $fileId: ID!) { detachGrantFile(grantId: $grantId, fileId: $fileId) { attachments { fileId } } }`;
    const attached = dataOf(await c.editorI.request<{ attachGrantFile: { attachments: unknown[] } }>(attach, { grantId: id, fileId: mine }));
    expect(attached.attachGrantFile.attachments).toEqual([{ fileId: mine, fileName: '募集要項.pdf', mediaType: 'application/pdf', byteSize: 1234 }]);
    expect(outcome(await c.editorI.request(attach, { grantId: id, fileId: colleague }))).toBe('NOT_FOUND');
    expect(outcome(await c.editorI.request(attach, { grantId: id, fileId: elsewhere }))).toBe('NOT_FOUND');
    expect(outcome(await c.editorB.request(attach, { grantId: id, fileId: elsewhere }))).toBe('NOT_FOUND');
    expect(outcome(await c.coordI.request(attach, { grantId: id, fileId: mine }))).toBe('FORBIDDEN');
    const seen = dataOf(await c.npoBAdmin.request<{ grant: { attachments: Array<{ fileId: string }> } }>(GRANT_QUERY, { id })).grant;
    expect(seen.attachments.map((file) => file.fileId)).toEqual([mine]);
    expect(outcome(await c.editorB.request(detach, { grantId: id, fileId: mine }))).toBe('NOT_FOUND');
    expect(dataOf(await c.editorI.request<{ detachGrantFile: { attachments: unknown[] } }>(detach, { grantId: id, fileId: mine })).detachGrantFile.attachments).toEqual([]);
    expect(outcome(await c.editorI.request(detach, { grantId: id, fileId: mine }))).toBe('NOT_FOUND');
  });
});

describe('bookmarks and applications', () => {
  it("bookmarks a public listing of another network and lists it; a network-only one is NOT_FOUND", async () => {
    const publicId = await publishedGrant(c.editorI, 'ブックマーク公開', { visibility: 'PUBLIC' });
    const networkId = await publishedGrant(c.editorI, 'ブックマーク内部');
    const BOOKMARK = `mutation B($grantId: ID!) { bookmarkGrant(grantId: $grantId) { id myBookmark } }`;
    const UNBOOKMARK = `mutation U($grantId: ID!) { unbookmarkGrant(grantId: $grantId) { id myBookmark } }`;
    const LIST = `{ myBookmarks(first: 50) { nodes { id title publisher { name } } pageInfo { hasNextPage } } }`;
    expect(dataOf(await c.npoBAdmin.request<{ bookmarkGrant: { myBookmark: boolean } }>(BOOKMARK, { grantId: publicId })).bookmarkGrant.myBookmark).toBe(true);
    expect(dataOf(await c.npoBAdmin.request<{ bookmarkGrant: { myBookmark: boolean } }>(BOOKMARK, { grantId: publicId })).bookmarkGrant.myBookmark).toBe(true);
    expect(outcome(await c.npoBAdmin.request(BOOKMARK, { grantId: networkId }))).toBe('NOT_FOUND');
    const listed = dataOf(await c.npoBAdmin.request<{ myBookmarks: { nodes: Array<{ id: string; publisher: { name: string } }> } }>(LIST)).myBookmarks.nodes;
    expect(listed).toEqual([{ id: publicId, title: 'ブックマーク公開', publisher: { name: 'grants-a inter' } }]);
    // A bookmark is the member's own: a colleague has none.
    expect(dataOf(await c.npoAdmin.request<{ grant: { myBookmark: boolean } }>(GRANT_QUERY, { id: publicId })).grant.myBookmark).toBe(false);
    expect(dataOf(await c.npoBAdmin.request<{ unbookmarkGrant: { myBookmark: boolean } }>(UNBOOKMARK, { grantId: publicId })).unbookmarkGrant.myBookmark).toBe(false);
    expect(dataOf(await c.npoBAdmin.request<{ myBookmarks: { nodes: unknown[] } }>(LIST)).myBookmarks.nodes).toEqual([]);
  });

  it("keeps an organisation's application private; the publisher sees counts, the network admin totals", async () => {
    const id = await publishedGrant(c.editorI, '申請管理の助成', { visibility: 'PUBLIC' });
    const other = await publishedGrant(c.editorM, '市の補助金');
    const applied = dataOf(await c.npoAdmin.request<{ recordGrantApplication: Record<string, unknown> }>(RECORD_APPLICATION, {
      input: { grantId: id, status: 'APPLIED', amountRequested: 300000, notes: '秘密のメモNPO1' },
    })).recordGrantApplication;
    expect(applied).toMatchObject({ grantId: id, status: 'APPLIED', amountRequested: 300000, amountAwarded: null, notes: '秘密のメモNPO1' });
    // An upsert: the same organisation's second record replaces the first.
    const awarded = dataOf(await c.npoAdmin.request<{ recordGrantApplication: Record<string, unknown> }>(RECORD_APPLICATION, {
      input: { grantId: id, status: 'AWARDED', amountRequested: 300000, amountAwarded: 250000, notes: '秘密のメモNPO1' },
    })).recordGrantApplication;
    expect(awarded).toMatchObject({ id: applied.id, status: 'AWARDED', amountAwarded: 250000 });
    dataOf(await c.npo2Admin.request(RECORD_APPLICATION, { input: { grantId: id, status: 'PLANNING', notes: '秘密のメモNPO2' } }));
    dataOf(await c.npoBAdmin.request(RECORD_APPLICATION, { input: { grantId: id, status: 'REJECTED', notes: '秘密のメモB' } }));
    dataOf(await c.npoAdmin.request(RECORD_APPLICATION, { input: { grantId: other, status: 'AWARDED', amountAwarded: 100000 } }));

    expect(outcome(await c.npoStaff.request(RECORD_APPLICATION, { input: { grantId: id, status: 'APPLIED' } }))).toBe('FORBIDDEN');
    expect(outcome(await c.npoAdmin.request(RECORD_APPLICATION, { input: { grantId: id, status: 'APPLIED', amountAwarded: 5 } }))).toBe('BAD_USER_INPUT');
    // Whole yen only: a fraction of a yen is refused and the amount named.
    const fractional = await c.npoAdmin.request(RECORD_APPLICATION, { input: { grantId: id, status: 'APPLIED', amountRequested: 1000.5 } });
    expect(fractional.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { amountRequested: { ja: '金額は0以上の整数（円）で入力してください。' } } });

    // Another NPO of the same network: its own application only, nothing of the first NPO's.
    const seenByNpo2 = await c.npo2Admin.request<{ grant: { myApplication: { status: string; notes: string } | null; applicationCounts: unknown } }>(GRANT_QUERY, { id });
    expect(dataOf(seenByNpo2).grant.myApplication).toMatchObject({ status: 'PLANNING', notes: '秘密のメモNPO2' });
    expect(dataOf(seenByNpo2).grant.applicationCounts).toBeNull();
    expect(JSON.stringify(seenByNpo2.body)).not.toMatch(/NPO1|秘密のメモB/);
    const seenByColleagueOrg = await c.editorM.request<{ grant: { myApplication: unknown } }>(GRANT_QUERY, { id });
    expect(dataOf(seenByColleagueOrg).grant.myApplication).toBeNull();
    const npo2List = await c.npo2Admin.request<{ myApplications: { nodes: Array<{ grantId: string; notes: string }> } }>(
      `{ myApplications(first: 50) { nodes { grantId status notes grant { id title } } } }`,
    );
    expect(dataOf(npo2List).myApplications.nodes.map((node) => node.notes)).toEqual(['秘密のメモNPO2']);

    // The publisher: counts from every network, no details.
    const seenByPublisher = await c.editorI.request<{ grant: { myApplication: unknown; applicationCounts: Array<{ status: string; count: number }> } }>(GRANT_QUERY, { id });
    expect(dataOf(seenByPublisher).grant.myApplication).toBeNull();
    expect(dataOf(seenByPublisher).grant.applicationCounts).toEqual([
      { status: 'PLANNING', count: 1 },
      { status: 'APPLIED', count: 0 },
      { status: 'AWARDED', count: 1 },
      { status: 'REJECTED', count: 1 },
      { status: 'WITHDRAWN', count: 0 },
    ]);
    expect(JSON.stringify(seenByPublisher.body)).not.toMatch(/秘密/);

    // The network admin: totals across the network's grants.
    const TOTALS = `{ grantApplicationTotals { byStatus { status count } awardedAmount grantsWithApplications } }`;
    const totals = dataOf(await c.adminI.request<{ grantApplicationTotals: { byStatus: Array<{ status: string; count: number }>; awardedAmount: number; grantsWithApplications: number } }>(TOTALS)).grantApplicationTotals;
    expect(totals.byStatus.find((row) => row.status === 'AWARDED')!.count).toBeGreaterThanOrEqual(2);
    expect(totals.awardedAmount).toBeGreaterThanOrEqual(350000);
    expect(totals.grantsWithApplications).toBeGreaterThanOrEqual(2);
    for (const key of ['npoAdmin', 'editorI', 'adminM']) expect(outcome(await c[key].request(TOTALS))).toBe('FORBIDDEN');
    // Network B's admin: its own network's grants only (none have applications).
    const totalsB = dataOf(await c.adminB.request<{ grantApplicationTotals: { awardedAmount: number; grantsWithApplications: number } }>(TOTALS)).grantApplicationTotals;
    expect(totalsB).toMatchObject({ awardedAmount: 0, grantsWithApplications: 0 });
  });
});

describe('saved searches', () => {
  it('saves, lists and deletes my searches; the digest method finds new matches once marked', async () => {
    const SAVE = `mutation Save($name: String!, $criteria: GrantSearchInput!) { saveGrantSearch(name: $name, criteria: $criteria) { id name criteria { keywords themes openNow sort } } }`;
    const LIST = `{ mySavedSearches { nodes { id name criteria { keywords themes } } } }`;
    const DELETE = `mutation Delete($id: ID!) { deleteSavedSearch(id: $id) }`;
    const saved = dataOf(await c.npoAdmin.request<{ saveGrantSearch: { id: string; criteria: Record<string, unknown> } }>(SAVE, {
      name: '食の支援',
      criteria: { keywords: '食支援 DIGESTZ', themes: ['FOOD'], sort: 'NEWEST' },
    })).saveGrantSearch;
    expect(saved.criteria).toEqual({ keywords: '食支援 DIGESTZ', themes: ['FOOD'], openNow: null, sort: 'NEWEST' });
    expect(outcome(await c.npoAdmin.request(SAVE, { name: ' ', criteria: {} }))).toBe('BAD_USER_INPUT');
    expect(outcome(await c.npoAdmin.request(SAVE, { name: 'x', criteria: { municipalityCode: 'xx' } }))).toBe('BAD_USER_INPUT');
    expect(dataOf(await c.npoAdmin.request<{ mySavedSearches: { nodes: Array<{ id: string }> } }>(LIST)).mySavedSearches.nodes.map((node) => node.id)).toEqual([saved.id]);
    expect(dataOf(await c.npo2Admin.request<{ mySavedSearches: { nodes: unknown[] } }>(LIST)).mySavedSearches.nodes).toEqual([]);

    const since = new Date(Date.now() - 1000);
    const match = await publishedGrant(c.editorI, '食支援の新着 DIGESTZ', { themes: ['FOOD'] });
    await publishedGrant(c.editorI, '食支援の別分野 DIGESTZ', { themes: ['HOUSING'] });
    const fromB = await publishedGrant(c.editorB, '他ネットワークの食支援 DIGESTZ', { themes: ['FOOD'], visibility: 'PUBLIC' });
    await publishedGrant(c.editorB, '他ネットワーク内部の食支援 DIGESTZ', { themes: ['FOOD'] });
    const service = api.app.get(GrantsService);
    const dataSource = api.app.get(DataSource);
    const search = { id: saved.id, membershipId: a.members.npoAdmin.membershipId, criteria: { keywords: '食支援 DIGESTZ', themes: ['FOOD' as const] } };
    const found = await runInTenant(dataSource, a.tenantId, (manager) => service.matchingNewGrants(manager, a.tenantId, search, since));
    expect(found.map((grant) => grant.id).sort()).toEqual([match, fromB].sort());
    expect(found.find((grant) => grant.id === fromB)).toMatchObject({ tenantId: b.tenantId, title: '他ネットワークの食支援 DIGESTZ' });
    await sql.query(`INSERT INTO grant_saved_search_matches (tenant_id, saved_search_id, grant_tenant_id, grant_id) VALUES ($1, $2, $3, $4)`, [a.tenantId, saved.id, a.tenantId, match]);
    const again = await runInTenant(dataSource, a.tenantId, (manager) => service.matchingNewGrants(manager, a.tenantId, search, since));
    expect(again.map((grant) => grant.id)).toEqual([fromB]);

    expect(outcome(await c.npo2Admin.request(DELETE, { id: saved.id }))).toBe('NOT_FOUND');
    expect(outcome(await c.npoBAdmin.request(DELETE, { id: saved.id }))).toBe('NOT_FOUND');
    expect(dataOf(await c.npoAdmin.request<{ deleteSavedSearch: boolean }>(DELETE, { id: saved.id })).deleteSavedSearch).toBe(true);
    expect(outcome(await c.npoAdmin.request(DELETE, { id: saved.id }))).toBe('NOT_FOUND');
  });
});

describe('auto-close', () => {
  it('closes published listings once their window ends, in that network only, once', async () => {
    const start = Date.now();
    const closing = await publishedGrant(c.editorI, '自動締切', { windowOpensAt: daysFromNow(-1), windowClosesAt: new Date(start + 60 * 60 * 1000).toISOString() });
    const later = await publishedGrant(c.editorI, 'まだ募集中', { windowClosesAt: daysFromNow(10) });
    const otherNetwork = await publishedGrant(c.editorB, '別ネットワーク', { windowOpensAt: daysFromNow(-1), windowClosesAt: new Date(start + 60 * 60 * 1000).toISOString() });
    const service = api.app.get(GrantsService);
    try {
      expect((await service.closeEndedGrants(a.tenantId)).map((row) => row.id)).not.toContain(closing);
      jest.spyOn(Clock.prototype, 'now').mockReturnValue(new Date(start + 2 * 60 * 60 * 1000));
      const closed = (await service.closeEndedGrants(a.tenantId)).map((row) => row.id);
      expect(closed).toContain(closing);
      expect(closed).not.toContain(later);
      expect(await service.closeEndedGrants(a.tenantId)).toEqual([]);
      const seen = dataOf(await c.npoAdmin.request<{ grant: { status: string; closedAt: string } }>(GRANT_QUERY, { id: closing })).grant;
      expect(seen.status).toBe('CLOSED');
      expect(new Date(seen.closedAt).getTime()).toBe(start + 2 * 60 * 60 * 1000);
      expect((await searchAll(c.npoAdmin, { keywords: '自動締切', openNow: true })).map((grant) => grant.id)).toEqual([]);
      const [row] = await sql.query(`SELECT status FROM grants WHERE id = $1`, [otherNetwork]);
      expect(row.status).toBe('PUBLISHED');
    } finally {
      jest.restoreAllMocks();
    }
  });
});

describe('across networks', () => {
  it('answers NOT_FOUND for every id-taking query and mutation on another network’s listing', async () => {
    const id = await publishedGrant(c.editorI, '越境テスト');
    const publicId = await publishedGrant(c.editorI, '越境テスト公開', { visibility: 'PUBLIC' });
    const file = await storedFile(sql, a.tenantId, a.organizations.inter);
    const calls: Array<[string, string, Record<string, unknown>]> = [
      ['grant', GRANT_QUERY, { id }],
      ['updateGrant', UPDATE_GRANT, { id, input: grantInput('x') }],
      ['publishGrant', move('publishGrant'), { id }],
      ['closeGrant', move('closeGrant'), { id }],
      ['reopenGrant', move('reopenGrant'), { id }],
      ['archiveGrant', move('archiveGrant'), { id }],
      ['attachGrantFile', `mutation($g: ID!, $f: ID!) { attachGrantFile(grantId: $g, fileId: $f) { id } }`, { g: id, f: file }],
      ['detachGrantFile', `mutation($g: ID!, $f: ID!) { detachGrantFile(grantId: $g, fileId: $f) { id } }`, { g: id, f: file }],
      ['bookmarkGrant', `mutation($g: ID!) { bookmarkGrant(grantId: $g) { id } }`, { g: id }],
      ['unbookmarkGrant', `mutation($g: ID!) { unbookmarkGrant(grantId: $g) { id } }`, { g: id }],
      ['recordGrantApplication', RECORD_APPLICATION, { input: { grantId: id, status: 'PLANNING' } }],
      // A public listing of another network is readable, never editable.
      ['updateGrant (public)', UPDATE_GRANT, { id: publicId, input: grantInput('x') }],
      ['closeGrant (public)', move('closeGrant'), { id: publicId }],
      ['archiveGrant (public)', move('archiveGrant'), { id: publicId }],
      ['attachGrantFile (public)', `mutation($g: ID!, $f: ID!) { attachGrantFile(grantId: $g, fileId: $f) { id } }`, { g: publicId, f: file }],
    ];
    for (const [name, query, variables] of calls) {
      expect([name, outcome(await c.editorB.request(query, variables))]).toEqual([name, 'NOT_FOUND']);
    }
    const [row] = await sql.query(`SELECT status, title FROM grants WHERE id = $1`, [publicId]);
    expect(row).toEqual({ status: 'PUBLISHED', title: '越境テスト公開' });
  });
});
