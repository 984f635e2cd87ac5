// Partnerships (連携管理) over HTTP on a real PostgreSQL: liaisons of a municipality manage their
// own municipality's partnerships; every member of the partner reads them read-only; everyone
// else — a liaison of another municipality, an unrelated organisation, other members of the
// municipality, another network — gets NOT_FOUND (also for ids that are not UUIDs). Validation
// reasons with no partial rows, status moves and their race, documents (upload, attach,
// download by the partner, refused to an unrelated member), interactions with follow-ups,
// keyset pages and the statements a page costs.
import { DataSource } from 'typeorm';
import { setupApiTest } from '../support/harness';
import { sampleFiles } from '../support/sample-files';
import { PartnershipReminders } from '../../apps/api/src/modules/partnerships/partnership-reminders';
import { DEMO_NETWORK } from '../../apps/api/src/seed/demo-networks';
import { DEMO_PARTNERSHIPS, demoPartnershipRowId } from '../../apps/api/src/seed/demo-partnerships';
import { createNetwork, outcome, reasonOf, SignedInClient, signIn, TestNetwork } from '../support/accounts';
import { RunningApi } from '../support/api';
import { setupDemoApiTest, signInDemo } from '../support/demo';
import { allPages, type GraphQLResponse, type Page } from '../support/graphql';
import {
  ATTACH_DOCUMENT,
  COMPLETE_FOLLOW_UP,
  CREATE_PARTNERSHIP,
  createPartnership,
  InteractionResult,
  japanDay,
  PARTNERSHIP_ASSIGNEES,
  PARTNERSHIP_QUERY,
  PartnershipResult,
  partnershipInput,
  PARTNERSHIPS_QUERY,
  RECORD_INTERACTION,
  recordMeeting,
  REMOVE_DOCUMENT,
  SET_PARTNERSHIP_STATUS,
  setPartnershipStatus,
  storedPartnershipFile,
  UPDATE_INTERACTION,
  UPDATE_PARTNERSHIP,
} from '../support/partnerships';
import { dataOf } from '../support/people';
import { TestDatabase } from '../support/test-database';

const t = setupApiTest({
  storage: true,
  networks: {
    a: {
      slug: 'partnerships-a',
      organizations: { muni: 'MUNICIPALITY', muni2: 'MUNICIPALITY', npo: 'NPO', npo2: 'NPO', inter: 'INTERMEDIARY', pages: 'MUNICIPALITY' },
      members: {
        liaison: ['muni', ['LIAISON']],
        liaison2: ['muni', ['LIAISON', 'GRANT_EDITOR']],
        muniEditor: ['muni', ['GRANT_EDITOR']],
        otherLiaison: ['muni2', ['LIAISON']],
        npoAdmin: ['npo', ['ORG_ADMIN']],
        npoStaff: ['npo', ['STAFF']],
        npo2Admin: ['npo2', ['ORG_ADMIN']],
        networkAdmin: ['inter', ['NETWORK_ADMIN', 'ORG_ADMIN']],
        pagesLiaison: ['pages', ['LIAISON']],
      },
    },
    b: {
      slug: 'partnerships-b',
      organizations: { muniB: 'MUNICIPALITY', npoB: 'NPO' },
      members: { liaisonB: ['muniB', ['LIAISON']], npoBAdmin: ['npoB', ['ORG_ADMIN']] },
    },
  },
});
const c = t.clients;
let database: TestDatabase, api: RunningApi, sql: DataSource, storageDir: string, a: TestNetwork, b: TestNetwork;
beforeAll(() => ({ database, api, sql, storageDir, networks: { a, b } } = t));

const org = (key: string) => a.organizations[key];
const fieldsOf = (response: GraphQLResponse) => Object.keys((response.body.errors?.[0]?.extensions?.['fields'] as Record<string, unknown>) ?? {}).sort();

async function count(table: string, where: string, params: unknown[]): Promise<number> {
  const [{ n }]: Array<{ n: number }> = await sql.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
  return n;
}

async function read(client: SignedInClient, id: string, variables: Record<string, unknown> = {}): Promise<PartnershipResult> {
  return dataOf(await client.request<{ partnership: PartnershipResult }>(PARTNERSHIP_QUERY, { id, ...variables })).partnership;
}

function upload(client: SignedInClient, fileName: string, bytes: Buffer, purpose: string): Promise<Response> {
  const form = new FormData();
  form.append('purpose', purpose);
  form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
  return fetch(`${api.url}/api/files`, { method: 'POST', body: form, headers: { authorization: `Bearer ${client.token}` } });
}

function download(client: SignedInClient, id: string): Promise<Response> {
  return fetch(`${api.url}/api/files/${id}`, { headers: { authorization: `Bearer ${client.token}` } });
}

describe('managing', () => {
  it('lets a liaison of the municipality create and update, with contacts replaced only when given', async () => {
    const created = await createPartnership(c.liaison, org('npo'), '高齢者見守り訪問の委託', {
      type: 'CONTRACT',
      description: '一人暮らし高齢者の見守り訪問',
      reviewOn: '2027-02-01',
      budgetYen: 2_400_000,
      contacts: [
        { side: 'PARTNER', name: '田中 由美', jobTitle: '理事長', email: 'tanaka@npo.example.jp', phone: '03-1234-5678' },
        { side: 'MUNICIPALITY', name: '渡辺 大輔', jobTitle: '福祉課 係長', email: null, phone: null },
      ],
    });
    expect(created).toMatchObject({
      municipality: { id: org('muni'), name: 'partnerships-a muni', kind: 'MUNICIPALITY' },
      partner: { id: org('npo'), name: 'partnerships-a npo', kind: 'NPO' },
      type: 'CONTRACT',
      status: 'PROPOSED',
      startsOn: '2026-04-01',
      endsOn: '2027-03-31',
      reviewOn: '2027-02-01',
      budgetYen: 2_400_000,
      mayManage: true,
      availableStatuses: ['ACTIVE', 'ENDED'],
      documents: [],
      openFollowUps: [],
    });
    // Municipality side first, then each side in the order given.
    expect(created.contacts.map((contact) => [contact.side, contact.name])).toEqual([
      ['MUNICIPALITY', '渡辺 大輔'],
      ['PARTNER', '田中 由美'],
    ]);

    // Without contacts: the stored ones stay.
    const input = partnershipInput(org('npo'), '高齢者見守り訪問の委託（変更後）', { type: 'AGREEMENT', budgetYen: null, startsOn: null, endsOn: null });
    const updated = dataOf(await c.liaison2.request<{ updatePartnership: PartnershipResult }>(UPDATE_PARTNERSHIP, { id: created.id, input })).updatePartnership;
    expect(updated).toMatchObject({ title: '高齢者見守り訪問の委託（変更後）', type: 'AGREEMENT', budgetYen: null, startsOn: null, endsOn: null });
    expect(updated.contacts).toHaveLength(2);
    // An empty list clears them.
    const cleared = dataOf(await c.liaison.request<{ updatePartnership: PartnershipResult }>(UPDATE_PARTNERSHIP, { id: created.id, input: { ...input, contacts: [] } }))
      .updatePartnership;
    expect(cleared.contacts).toEqual([]);
    expect(await count('audit_log', `entity = 'Partnership' AND entity_id = $1`, [created.id])).toBe(3);
  });

  it('refuses creation to everyone but liaisons of a municipality', async () => {
    for (const key of ['muniEditor', 'npoAdmin', 'npoStaff', 'networkAdmin']) {
      const response = await c[key].request(CREATE_PARTNERSHIP, { input: partnershipInput(org('npo2'), `権限なし ${key}`) });
      expect([key, outcome(response)]).toEqual([key, 'FORBIDDEN']);
    }
    expect(await count('partnerships', `title LIKE '権限なし%'`, [])).toBe(0);
  });

  it('wants another organisation of the network as the partner', async () => {
    const self = await c.liaison.request(CREATE_PARTNERSHIP, { input: partnershipInput(org('muni'), '自分自身との連携') });
    expect([outcome(self), reasonOf(self), fieldsOf(self)]).toEqual(['BAD_USER_INPUT', 'PARTNER_IS_SELF', ['partnerOrganizationId']]);
    const selfFields = self.body.errors![0].extensions!['fields'] as Record<string, { ja: string; en: string }>;
    expect(selfFields.partnerOrganizationId).toEqual({ ja: expect.stringMatching(/自分の団体以外/), en: expect.stringMatching(/other than your own/) });
    for (const partner of [b.organizations.npoB, 'not-a-uuid', '00000000-0000-4000-8000-000000000000']) {
      expect(outcome(await c.liaison.request(CREATE_PARTNERSHIP, { input: partnershipInput(partner, '見つからない連携先') }))).toBe('NOT_FOUND');
    }
    expect(await count('partnerships', `title IN ('自分自身との連携', '見つからない連携先')`, [])).toBe(0);
  });

  it('names every faulty field in Japanese and English, and stores nothing', async () => {
    const response = await c.liaison.request(CREATE_PARTNERSHIP, {
      input: partnershipInput(org('npo'), ' ', {
        startsOn: '2026-02-30',
        endsOn: '2026-13-01',
        reviewOn: '2026/05/01',
        budgetYen: 10.5,
        contacts: [
          { side: 'PARTNER', name: '', email: 'not-an-email' },
          { side: 'MUNICIPALITY', name: '担当者', phone: '電話番号' },
        ],
      }),
    });
    expect([outcome(response), reasonOf(response)]).toEqual(['BAD_USER_INPUT', 'INVALID_PARTNERSHIP']);
    expect(fieldsOf(response)).toEqual(['budgetYen', 'contacts.0.email', 'contacts.0.name', 'contacts.1.phone', 'endsOn', 'reviewOn', 'startsOn', 'title']);
    const fields = response.body.errors![0].extensions!['fields'] as Record<string, { ja: string; en: string }>;
    expect(fields['contacts.0.email'].ja).toMatch(/メールアドレス/);
    expect(fields['contacts.1.phone'].en).toMatch(/phone number/);

    const reversed = await c.liaison.request(CREATE_PARTNERSHIP, { input: partnershipInput(org('npo'), '期間が逆', { startsOn: '2026-10-01', endsOn: '2026-09-30' }) });
    expect([reasonOf(reversed), fieldsOf(reversed)]).toEqual(['INVALID_PARTNERSHIP', ['endsOn']]);
    const negative = await c.liaison.request(CREATE_PARTNERSHIP, { input: partnershipInput(org('npo'), '予算が負', { budgetYen: -1 }) });
    expect(fieldsOf(negative)).toEqual(['budgetYen']);
    const many = Array.from({ length: 21 }, (_, index) => ({ side: 'PARTNER', name: `担当${index}` }));
    const tooMany = await c.liaison.request(CREATE_PARTNERSHIP, { input: partnershipInput(org('npo'), '担当者が多すぎる', { contacts: many }) });
    expect(fieldsOf(tooMany)).toEqual(['contacts']);
    expect(await count('partnerships', `title IN ('期間が逆', '予算が負', '担当者が多すぎる')`, [])).toBe(0);

    // A refused update changes nothing either (contacts included).
    const kept = await createPartnership(c.liaison, org('npo'), '更新の拒否', { contacts: [{ side: 'PARTNER', name: '残る担当者' }] });
    const refused = await c.liaison.request(UPDATE_PARTNERSHIP, {
      id: kept.id,
      input: partnershipInput(org('npo'), '書き換え', { budgetYen: -5, contacts: [{ side: 'PARTNER', name: '新しい担当者' }] }),
    });
    expect(outcome(refused)).toBe('BAD_USER_INPUT');
    expect(await read(c.liaison, kept.id)).toMatchObject({ title: '更新の拒否', contacts: [expect.objectContaining({ name: '残る担当者' })] });
  });
});

describe('who sees a partnership', () => {
  let id: string;
  let interactionId: string;
  let followUpId: string;
  let documentId: string;

  beforeAll(async () => {
    const created = await createPartnership(c.liaison, org('npo'), '子ども食堂の協定', { type: 'AGREEMENT' });
    id = created.id;
    const recorded = await recordMeeting(c.liaison, id, [{ description: '会場の調整', dueOn: japanDay(10), assigneeMembershipId: a.members.liaison2.membershipId }]);
    interactionId = recorded.interactions!.nodes[0].id;
    followUpId = recorded.interactions!.nodes[0].followUps[0].id;
    const fileId = await storedPartnershipFile(sql, a.tenantId, org('muni'));
    documentId = dataOf(await c.liaison.request<{ attachPartnershipDocument: PartnershipResult }>(ATTACH_DOCUMENT, { id, fileId })).attachPartnershipDocument.documents[0].id;
  });

  const mutations = () => [
    [UPDATE_PARTNERSHIP, { id, input: partnershipInput(org('npo'), '書き換え') }],
    [SET_PARTNERSHIP_STATUS, { id, status: 'ACTIVE' }],
    [ATTACH_DOCUMENT, { id, fileId: documentId }],
    [REMOVE_DOCUMENT, { id, documentId }],
    [RECORD_INTERACTION, { partnershipId: id, input: { kind: 'CALL', occurredOn: japanDay() } }],
    [UPDATE_INTERACTION, { id: interactionId, input: { kind: 'CALL', occurredOn: japanDay() } }],
    [COMPLETE_FOLLOW_UP, { id: followUpId, done: true }],
  ] as const;

  it('shows every member of the partner the partnership, read-only: mutations are FORBIDDEN', async () => {
    for (const key of ['npoAdmin', 'npoStaff']) {
      const seen = await read(c[key], id);
      expect(seen).toMatchObject({ id, mayManage: false, availableStatuses: [], title: '子ども食堂の協定' });
      expect(seen.interactions!.nodes[0].followUps[0]).toMatchObject({ description: '会場の調整', assignee: { displayName: 'liaison2' } });
      expect(seen.documents).toHaveLength(1);
      const listed = dataOf(await c[key].request<{ partnerships: { nodes: PartnershipResult[] } }>(PARTNERSHIPS_QUERY, { first: 50 })).partnerships.nodes;
      expect(listed.map((partnership) => partnership.id)).toContain(id);
      for (const [document, variables] of mutations()) expect([key, document.slice(0, 30), outcome(await c[key].request(document, variables))]).toEqual([key, document.slice(0, 30), 'FORBIDDEN']);
    }
    expect(outcome(await c.npoAdmin.request(PARTNERSHIP_ASSIGNEES))).toBe('FORBIDDEN');
  });

  it('is NOT_FOUND for everyone else in the network: another municipality, an unrelated organisation, other members of the municipality', async () => {
    for (const key of ['otherLiaison', 'npo2Admin', 'muniEditor', 'networkAdmin']) {
      expect([key, outcome(await c[key].request(PARTNERSHIP_QUERY, { id }))]).toEqual([key, 'NOT_FOUND']);
      const listed = dataOf(await c[key].request<{ partnerships: { nodes: PartnershipResult[] } }>(PARTNERSHIPS_QUERY, { first: 50 })).partnerships.nodes;
      expect(listed.map((partnership) => partnership.id)).not.toContain(id);
      for (const [document, variables] of mutations()) expect([key, document.slice(0, 30), outcome(await c[key].request(document, variables))]).toEqual([key, document.slice(0, 30), 'NOT_FOUND']);
    }
  });

  it('is NOT_FOUND from another network for every id-taking operation, and for ids that are not UUIDs', async () => {
    for (const key of ['liaisonB', 'npoBAdmin']) {
      expect(outcome(await c[key].request(PARTNERSHIP_QUERY, { id }))).toBe('NOT_FOUND');
      for (const [document, variables] of mutations()) expect([key, document.slice(0, 30), outcome(await c[key].request(document, variables))]).toEqual([key, document.slice(0, 30), 'NOT_FOUND']);
      const listed = dataOf(await c[key].request<{ partnerships: { nodes: PartnershipResult[] } }>(PARTNERSHIPS_QUERY, { first: 50 })).partnerships.nodes;
      expect(listed).toEqual([]);
    }
    const bad = 'not-a-uuid';
    expect(outcome(await c.liaison.request(PARTNERSHIP_QUERY, { id: bad }))).toBe('NOT_FOUND');
    for (const [document, variables] of [
      [UPDATE_PARTNERSHIP, { id: bad, input: partnershipInput(org('npo'), 'x') }],
      [SET_PARTNERSHIP_STATUS, { id: bad, status: 'ACTIVE' }],
      [ATTACH_DOCUMENT, { id: bad, fileId: bad }],
      [ATTACH_DOCUMENT, { id, fileId: bad }],
      [REMOVE_DOCUMENT, { id: bad, documentId }],
      [REMOVE_DOCUMENT, { id, documentId: bad }],
      [RECORD_INTERACTION, { partnershipId: bad, input: { kind: 'CALL', occurredOn: japanDay() } }],
      [UPDATE_INTERACTION, { id: bad, input: { kind: 'CALL', occurredOn: japanDay() } }],
      [COMPLETE_FOLLOW_UP, { id: bad, done: true }],
    ] as const) {
      expect([document.slice(0, 30), outcome(await c.liaison.request(document, variables))]).toEqual([document.slice(0, 30), 'NOT_FOUND']);
    }
    // Nothing changed by any of it.
    expect(await read(c.liaison, id)).toMatchObject({ title: '子ども食堂の協定', status: 'PROPOSED', documents: [expect.objectContaining({ id: documentId })] });
    expect(await count('partnership_interactions', 'partnership_id = $1', [id])).toBe(1);
    expect(await count('partnership_follow_ups', 'partnership_id = $1 AND done_at IS NULL', [id])).toBe(1);
  });

  it('lists the members of my municipality as assignees, for liaisons', async () => {
    const assignees = dataOf(await c.liaison.request<{ partnershipAssignees: Array<{ membershipId: string; displayName: string }> }>(PARTNERSHIP_ASSIGNEES)).partnershipAssignees;
    expect(assignees.map((member) => member.membershipId).sort()).toEqual(
      [a.members.liaison.membershipId, a.members.liaison2.membershipId, a.members.muniEditor.membershipId].sort(),
    );
    for (const key of ['muniEditor', 'liaisonB']) {
      expect([key, outcome(await c[key].request(PARTNERSHIP_ASSIGNEES))]).toEqual([key, key === 'liaisonB' ? 'OK' : 'FORBIDDEN']);
    }
  });
});

describe('status', () => {
  it('moves along PARTNERSHIP_STATUS_MOVES and answers CONFLICT INVALID_STATUS_CHANGE otherwise', async () => {
    const { id } = await createPartnership(c.liaison, org('npo2'), '状態遷移の連携');
    const move = (status: string) => c.liaison.request<{ setPartnershipStatus: { status: string; availableStatuses: string[] } }>(SET_PARTNERSHIP_STATUS, { id, status });
    const wrong = await move('UNDER_REVIEW');
    expect([outcome(wrong), reasonOf(wrong)]).toEqual(['CONFLICT', 'INVALID_STATUS_CHANGE']);
    expect(dataOf(await move('ACTIVE')).setPartnershipStatus).toMatchObject({ status: 'ACTIVE', availableStatuses: ['UNDER_REVIEW', 'ENDED'] });
    expect(outcome(await move('ACTIVE'))).toBe('CONFLICT');
    expect(dataOf(await move('UNDER_REVIEW')).setPartnershipStatus.status).toBe('UNDER_REVIEW');
    expect(dataOf(await move('ACTIVE')).setPartnershipStatus.status).toBe('ACTIVE');
    expect(dataOf(await move('ENDED')).setPartnershipStatus).toMatchObject({ status: 'ENDED', availableStatuses: [] });
    for (const status of ['PROPOSED', 'ACTIVE', 'UNDER_REVIEW', 'ENDED']) expect(reasonOf(await move(status))).toBe('INVALID_STATUS_CHANGE');
  });

  it('lets exactly one of several moves at once apply', async () => {
    // The same move four times at once (two different ones could both apply in turn: ACTIVE → UNDER_REVIEW → ENDED).
    for (const [round, target] of ['UNDER_REVIEW', 'ENDED', 'UNDER_REVIEW'].entries()) {
      const { id } = await createPartnership(c.liaison, org('npo2'), `競合する遷移 ${round}`);
      await setPartnershipStatus(c.liaison, id, 'ACTIVE');
      const moves = [target, target, target, target];
      const results = await Promise.all(moves.map((status, index) => c[index % 2 ? 'liaison' : 'liaison2'].request(SET_PARTNERSHIP_STATUS, { id, status })));
      const outcomes = results.map(outcome);
      expect(outcomes.filter((value) => value === 'OK')).toHaveLength(1);
      expect(outcomes.filter((value) => value === 'CONFLICT')).toHaveLength(3);
      const winner = moves[outcomes.indexOf('OK')];
      expect((await read(c.liaison, id)).status).toBe(winner);
      expect(await count('audit_log', `entity = 'Partnership' AND entity_id = $1 AND action LIKE 'STATUS_%'`, [id])).toBe(2);
    }
  });
});

describe('documents', () => {
  it('uploads for liaisons, attaches, lets the partner download, refuses an unrelated member, and removes', async () => {
    const { id } = await createPartnership(c.liaison, org('npo'), '資料つきの連携');
    expect((await upload(c.npoAdmin, '協定書.pdf', sampleFiles.pdf(), 'PARTNERSHIP_DOCUMENT')).status).toBe(403);
    const uploaded = await upload(c.liaison, '協定書 2026.pdf', sampleFiles.pdf(), 'PARTNERSHIP_DOCUMENT');
    expect(uploaded.status).toBe(201);
    const file = (await uploaded.json()) as { id: string };
    // Before it is attached: the uploading municipality's liaisons only.
    expect((await download(c.liaison2, file.id)).status).toBe(200);
    expect((await download(c.npoAdmin, file.id)).status).toBe(404);

    const attached = dataOf(await c.liaison.request<{ attachPartnershipDocument: PartnershipResult }>(ATTACH_DOCUMENT, { id, fileId: file.id })).attachPartnershipDocument;
    expect(attached.documents).toEqual([{ id: expect.any(String), fileId: file.id, fileName: '協定書 2026.pdf' }]);
    // Attaching again changes nothing.
    const again = dataOf(await c.liaison.request<{ attachPartnershipDocument: PartnershipResult }>(ATTACH_DOCUMENT, { id, fileId: file.id })).attachPartnershipDocument;
    expect(again.documents).toHaveLength(1);
    const seen = await read(c.npoStaff, id);
    expect(seen.documents[0]).toMatchObject({ fileId: file.id, mediaType: 'application/pdf', byteSize: sampleFiles.pdf().length });

    for (const key of ['npoAdmin', 'npoStaff', 'liaison', 'liaison2']) {
      const got = await download(c[key], file.id);
      expect([key, got.status]).toEqual([key, 200]);
      expect(Buffer.from(await got.arrayBuffer())).toEqual(sampleFiles.pdf());
    }
    for (const key of ['npo2Admin', 'otherLiaison', 'muniEditor', 'networkAdmin', 'liaisonB']) {
      expect([key, (await download(c[key], file.id)).status]).toEqual([key, 404]);
    }

    // Only files uploaded as partnership documents by my municipality.
    const grantFile = await upload(c.liaison2, '募集要項.pdf', sampleFiles.pdf(), 'GRANT_ATTACHMENT');
    expect(grantFile.status).toBe(201);
    const wrongPurpose = await c.liaison.request(ATTACH_DOCUMENT, { id, fileId: ((await grantFile.json()) as { id: string }).id });
    expect([outcome(wrongPurpose), reasonOf(wrongPurpose)]).toEqual(['BAD_USER_INPUT', 'FILE_PURPOSE']);
    const othersFile = await storedPartnershipFile(sql, a.tenantId, org('muni2'));
    expect(outcome(await c.liaison.request(ATTACH_DOCUMENT, { id, fileId: othersFile }))).toBe('NOT_FOUND');

    const removed = dataOf(await c.liaison.request<{ removePartnershipDocument: PartnershipResult }>(REMOVE_DOCUMENT, { id, documentId: attached.documents[0].id }))
      .removePartnershipDocument;
    expect(removed.documents).toEqual([]);
    expect(outcome(await c.liaison.request(REMOVE_DOCUMENT, { id, documentId: attached.documents[0].id }))).toBe('NOT_FOUND');
    // No longer attached: the partner cannot open it any more.
    expect((await download(c.npoAdmin, file.id)).status).toBe(404);
    expect((await download(c.liaison, file.id)).status).toBe(200);
  });
});

describe('interactions and follow-ups', () => {
  it('records a meeting with follow-ups for members of the municipality, completes and reopens them', async () => {
    const { id } = await createPartnership(c.liaison, org('npo'), '打合せ記録の連携');
    const notMember = await c.liaison.request(RECORD_INTERACTION, {
      partnershipId: id,
      input: { kind: 'MEETING', occurredOn: japanDay(), followUps: [{ description: '資料送付', dueOn: japanDay(3), assigneeMembershipId: a.members.npoAdmin.membershipId }] },
    });
    expect([outcome(notMember), reasonOf(notMember), fieldsOf(notMember)]).toEqual(['BAD_USER_INPUT', 'ASSIGNEE_NOT_MEMBER', ['followUps.0.assigneeMembershipId']]);
    const badDate = await c.liaison.request(RECORD_INTERACTION, {
      partnershipId: id,
      input: { kind: 'MEETING', occurredOn: '2026-02-29', followUps: [{ description: ' ', dueOn: 'tomorrow' }] },
    });
    expect([reasonOf(badDate), fieldsOf(badDate)]).toEqual(['INVALID_INTERACTION', ['followUps.0.description', 'followUps.0.dueOn', 'occurredOn']]);
    expect(await count('partnership_interactions', 'partnership_id = $1', [id])).toBe(0);
    expect(await count('partnership_follow_ups', 'partnership_id = $1', [id])).toBe(0);

    const recorded = await recordMeeting(
      c.liaison,
      id,
      [
        { description: '見積書を受け取る', dueOn: japanDay(-2), assigneeMembershipId: a.members.liaison2.membershipId },
        { description: '次回日程の調整', dueOn: japanDay(5) },
      ],
      { occurredOn: japanDay(-3), attendees: '区 渡辺、団体 田中', notes: '来年度の体制について' },
    );
    const [meeting] = recorded.interactions!.nodes;
    expect(meeting).toMatchObject({
      kind: 'MEETING',
      occurredOn: japanDay(-3),
      attendees: '区 渡辺、団体 田中',
      notes: '来年度の体制について',
      recordedBy: { membershipId: a.members.liaison.membershipId, displayName: 'liaison' },
    });
    expect(recorded.openFollowUps.map((followUp) => [followUp.description, followUp.overdue, followUp.assignee?.displayName ?? null, followUp.interactionId])).toEqual([
      ['見積書を受け取る', true, 'liaison2', meeting.id],
      ['次回日程の調整', false, null, meeting.id],
    ]);

    const overdueId = recorded.openFollowUps[0].id;
    const done = dataOf(await c.liaison2.request<{ completeFollowUp: PartnershipResult }>(COMPLETE_FOLLOW_UP, { id: overdueId, done: true })).completeFollowUp;
    expect(done.openFollowUps.map((followUp) => followUp.description)).toEqual(['次回日程の調整']);
    const after = await read(c.npoAdmin, id);
    expect(after.interactions!.nodes[0].followUps.find((followUp) => followUp.id === overdueId)).toMatchObject({ doneAt: expect.any(String), overdue: false });

    // Editing the meeting: the done follow-up is kept by its id, the other one dropped, a new one added.
    const edited = dataOf(
      await c.liaison.request<{ updateInteraction: PartnershipResult }>(UPDATE_INTERACTION, {
        id: meeting.id,
        input: {
          kind: 'VISIT',
          occurredOn: japanDay(-2),
          notes: '訪問に変更',
          followUps: [
            { id: overdueId, description: '見積書を受け取る（済）', dueOn: japanDay(-2), assigneeMembershipId: a.members.liaison2.membershipId },
            { description: '報告書の確認', dueOn: japanDay(14), assigneeMembershipId: a.members.liaison.membershipId },
          ],
        },
      }),
    ).updateInteraction;
    const [visit] = edited.interactions!.nodes;
    expect(visit).toMatchObject({ kind: 'VISIT', occurredOn: japanDay(-2), notes: '訪問に変更', attendees: '' });
    expect(visit.followUps.map((followUp) => [followUp.description, followUp.doneAt !== null])).toEqual([
      ['見積書を受け取る（済）', true],
      ['報告書の確認', false],
    ]);
    expect(visit.followUps[0].id).toBe(overdueId);
    expect(edited.openFollowUps.map((followUp) => followUp.description)).toEqual(['報告書の確認']);

    // Reopened: open again, and overdue.
    const reopened = dataOf(await c.liaison.request<{ completeFollowUp: PartnershipResult }>(COMPLETE_FOLLOW_UP, { id: overdueId, done: false })).completeFollowUp;
    expect(reopened.openFollowUps.map((followUp) => [followUp.description, followUp.overdue])).toEqual([
      ['見積書を受け取る（済）', true],
      ['報告書の確認', false],
    ]);
    // A follow-up id of another interaction is NOT_FOUND, and changes nothing.
    const other = await recordMeeting(c.liaison, id, [{ description: '別件', dueOn: japanDay(7) }], { occurredOn: japanDay(-1) });
    const otherFollowUp = other.openFollowUps.find((followUp) => followUp.description === '別件')!;
    const foreign = await c.liaison.request(UPDATE_INTERACTION, { id: meeting.id, input: { kind: 'VISIT', occurredOn: japanDay(-2), followUps: [{ id: otherFollowUp.id, description: 'x', dueOn: japanDay(1) }] } });
    expect(outcome(foreign)).toBe('NOT_FOUND');
    expect(await count('partnership_follow_ups', 'interaction_id = $1', [meeting.id])).toBe(2);
  });

  it('pages interactions newest first by date', async () => {
    const { id } = await createPartnership(c.liaison, org('npo'), 'ページ送りの記録');
    for (const days of [-10, -3, -7, -1, -5]) await recordMeeting(c.liaison, id, [], { occurredOn: japanDay(days), notes: `${days}` });
    // The partnership read with a page of its interactions: the page's pageInfo is selected too.
    const seen = await allPages(async (after) => (await read(c.npoStaff, id, { first: 2, after })).interactions as Page<InteractionResult>);
    expect(seen.map((node) => node.occurredOn)).toEqual([-1, -3, -5, -7, -10].map((days) => japanDay(days)));
  });
});

describe('lists', () => {
  it('pages newest first with filters, merging what my municipality manages with what it is the partner of', async () => {
    const created: string[] = [];
    for (let index = 0; index < 7; index += 1) {
      created.push((await createPartnership(c.pagesLiaison, index % 2 ? org('npo') : org('npo2'), `一覧の連携 ${index}`, { type: index < 3 ? 'COUNCIL' : 'INFORMAL' })).id);
    }
    // The municipality is the partner of another municipality's partnership (read-only there).
    const asPartner = (await createPartnership(c.liaison, org('pages'), '区同士の協定', { type: 'AGREEMENT' })).id;
    await setPartnershipStatus(c.pagesLiaison, created[6], 'ACTIVE');

    const all = (input: Record<string, unknown> = {}, first = 3) =>
      allPages(async (after) => {
        const page = dataOf(await c.pagesLiaison.request<{ partnerships: Page<PartnershipResult> }>(PARTNERSHIPS_QUERY, { input, first, after })).partnerships;
        expect(page.nodes.length).toBeLessThanOrEqual(first);
        return page;
      });
    const everything = await all();
    expect(everything.map((partnership) => partnership.id)).toEqual([asPartner, ...[...created].reverse()]);
    expect(everything[0]).toMatchObject({ mayManage: false, availableStatuses: [] });
    expect(everything[1]).toMatchObject({ mayManage: true });
    expect((await all({ type: 'COUNCIL' })).map((partnership) => partnership.id)).toEqual([created[2], created[1], created[0]]);
    expect((await all({ status: 'ACTIVE' })).map((partnership) => partnership.id)).toEqual([created[6]]);
    expect((await all({ partnerOrganizationId: org('npo') })).map((partnership) => partnership.id)).toEqual([created[5], created[3], created[1]]);
    expect((await all({ keyword: '連携 4' })).map((partnership) => partnership.id)).toEqual([created[4]]);
    expect((await all({ keyword: '区同士' }, 1)).map((partnership) => partnership.id)).toEqual([asPartner]);
    expect(await all({ partnerOrganizationId: 'not-a-uuid' })).toEqual([]);
    // Forged cursors (well-formed, with keys that are not what this list writes) are INVALID_CURSOR, not a database error.
    const forged = (key: string) => Buffer.from(JSON.stringify([key, created[0]])).toString('base64url');
    for (const after of ['bogus', forged('not a time'), forged('2026-02-30')]) {
      const response = await c.pagesLiaison.request(PARTNERSHIPS_QUERY, { after });
      expect([outcome(response), reasonOf(response)]).toEqual(['BAD_USER_INPUT', 'INVALID_CURSOR']);
    }
    const interactionsPage = await c.pagesLiaison.request(PARTNERSHIP_QUERY, { id: created[0], first: 1, after: forged('yesterday') });
    expect([outcome(interactionsPage), reasonOf(interactionsPage)]).toEqual(['BAD_USER_INPUT', 'INVALID_CURSOR']);
  });

  it('reads a page with contacts, documents, follow-ups and interactions in the same statements for 1 or 6 partnerships', async () => {
    const network = await createNetwork(database.ownerUrl, {
      slug: 'partnerships-cost',
      organizations: { muni: 'MUNICIPALITY', npo: 'NPO' },
      members: { costLiaison: ['muni', ['LIAISON']] },
    });
    const client = await signIn(api.url, network.members.costLiaison.email);
    const build = async (index: number) => {
      const { id } = await createPartnership(client, network.organizations.npo, `文数の連携 ${index}`, {
        contacts: [{ side: 'PARTNER', name: `担当${index}` }, { side: 'MUNICIPALITY', name: `区${index}` }],
      });
      await recordMeeting(client, id, [{ description: `対応${index}`, dueOn: japanDay(3), assigneeMembershipId: network.members.costLiaison.membershipId }]);
      const fileId = await storedPartnershipFile(sql, network.tenantId, network.organizations.muni);
      dataOf(await client.request(ATTACH_DOCUMENT, { id, fileId }));
    };
    const query = `{ partnerships(first: 50) { nodes { id contacts { name } documents { fileName } openFollowUps { description assignee { displayName } }
      interactions(first: 5) { nodes { id followUps { description } } } } } }`;
    const spy = await t.statementSpy();
    const statements = async () => {
      spy.mockClear();
      const nodes = dataOf(await client.request<{ partnerships: { nodes: Array<{ contacts: unknown[]; documents: unknown[]; openFollowUps: unknown[]; interactions: { nodes: Array<{ followUps: unknown[] }> } }> } }>(query))
        .partnerships.nodes;
      for (const node of nodes) {
        expect([node.contacts.length, node.documents.length, node.openFollowUps.length, node.interactions.nodes.length, node.interactions.nodes[0].followUps.length]).toEqual([2, 1, 1, 1, 1]);
      }
      return { count: nodes.length, statements: spy.mock.calls.length };
    };
    try {
      await build(0);
      const one = await statements();
      for (let index = 1; index < 6; index += 1) await build(index);
      const six = await statements();
      expect([one.count, six.count]).toEqual([1, 6]);
      expect(six.statements).toBe(one.statements);
    } finally {
      spy.mockRestore();
    }
  });
});

// Last: it starts a second API in this process, and passport keeps one 'jwt' strategy per
// process, so nothing after it may use `api` (see referrals.spec.ts).
describe('the demo partnerships', () => {
  const demo = setupDemoApiTest({ seedTwice: true });

  it('shows the liaison of 中央区 every demo partnership, the partner its own read-only, and reminds the follow-up due tomorrow', async () => {
    const liaison = await signInDemo(demo.api.url, 'liaison');
    const listed = dataOf(await liaison.request<{ partnerships: { nodes: PartnershipResult[] } }>(PARTNERSHIPS_QUERY, { first: 50 })).partnerships.nodes;
    expect(listed.map((partnership) => partnership.id).sort()).toEqual(DEMO_PARTNERSHIPS.map((partnership) => demoPartnershipRowId('partnership', partnership.n)).sort());
    expect(listed.every((partnership) => partnership.mayManage)).toBe(true);
    const contract = await read(liaison, demoPartnershipRowId('partnership', 1));
    expect(contract).toMatchObject({ type: 'CONTRACT', status: 'ACTIVE', budgetYen: 2_400_000, reviewOn: japanDay(21) });
    expect(contract.interactions!.nodes[0].followUps.map((followUp) => [followUp.dueOn, followUp.doneAt === null])).toEqual([
      [japanDay(-5), false],
      [japanDay(1), true],
    ]);

    const komorebi = await signInDemo(demo.api.url, 'orgAdmin');
    const theirs = dataOf(await komorebi.request<{ partnerships: { nodes: PartnershipResult[] } }>(PARTNERSHIPS_QUERY, { first: 50 })).partnerships.nodes;
    expect(theirs.map((partnership) => [partnership.title, partnership.mayManage])).toEqual([['ひきこもり支援の情報交換', false]]);

    // The next run mails the follow-up due tomorrow (and the reviews within their marks), once.
    const reminders = demo.api.app.get(PartnershipReminders);
    expect(await reminders.remindersFor(DEMO_NETWORK.id)).toBeGreaterThanOrEqual(1);
    expect(await reminders.remindersFor(DEMO_NETWORK.id)).toBe(0);
  });
});
