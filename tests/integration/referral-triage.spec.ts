// The referral list sorted for triage (issue 16), over HTTP against the real API and PostgreSQL:
// `sort: DEADLINE` orders by the reply deadline of the referrals awaiting a reply (soonest, so
// overdue, first; every other referral last), keyset pages on (deadline, id) that neither skip
// nor repeat a row where deadlines tie, an index that serves that order, no other network's
// rows, and no more of a referral than the newest-first list shows (the same consent rule).
import { DataSource } from 'typeorm';
import { outcome, SignedInClient, TestNetwork } from '../support/accounts';
import { allPages, type Page } from '../support/graphql';
import { setupApiTest } from '../support/harness';
import { twoNpoNetwork } from '../support/networks';
import { dataOf, personSharingHealthWith } from '../support/people';
import { createReceivingService, createReferral, transition } from '../support/referrals';
import { referralBoxClause, referralListSql } from '../../apps/api/src/modules/referrals/referral-queries';

const t = setupApiTest({
  networks: {
    network: {
      slug: 'triage-a',
      organizations: { p: 'NPO', q: 'NPO' },
      members: { coordinatorP: ['p', ['COORDINATOR']], coordinatorQ: ['q', ['COORDINATOR']], staffQ: ['q', ['STAFF']] },
    },
    other: twoNpoNetwork('triage-other', { names: ['x', 'y'] }),
  },
});
const clients = t.clients;
let sql: DataSource, network: TestNetwork, other: TestNetwork;

const ANONYMOUS = { anonymousCase: { ageBand: 'AGE_30_39', gender: 'NOT_STATED', municipalityCode: '13102' } };

const LIST = `query List($box: ReferralBox!, $filter: ReferralFilter, $sort: ReferralSort, $first: Int, $after: String) {
  referrals(box: $box, filter: $filter, sort: $sort, first: $first, after: $after) {
    nodes { id status urgency needs reason notes outcome textWithheldReason sharedCategories specialCareHidden personPseudonym
            responseDueAt overdue senderOrganization { id } receiverOrganization { id } }
    pageInfo { endCursor hasNextPage }
  }
}`;

interface Listed {
  id: string;
  status: string;
  needs: string[];
  reason: string | null;
  notes: string | null;
  textWithheldReason: string | null;
  sharedCategories: string[];
  specialCareHidden: boolean;
  responseDueAt: string | null;
  receiverOrganization: { id: string };
  [field: string]: unknown;
}

function page(client: SignedInClient, variables: Record<string, unknown>) {
  return client.request<{ referrals: Page<Listed> }>(LIST, variables);
}

/** Every row of a box in the sort's order, walked `first` at a time. */
function walk(client: SignedInClient, box: 'INBOX' | 'OUTBOX', sort: string | undefined, first: number, filter: Record<string, unknown> = {}): Promise<Listed[]> {
  return allPages(async (after) => dataOf(await page(client, { box, sort, first, after, filter })).referrals);
}

/** The order the issue asks for, computed here from the rows themselves: deadline of those awaiting a reply, then id. */
function deadlineOrder(rows: Listed[]): string[] {
  const key = (row: Listed) => (row.status === 'SENT' && row.responseDueAt ? Date.parse(row.responseDueAt) : Number.POSITIVE_INFINITY);
  return [...rows].sort((a, b) => key(a) - key(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((row) => row.id);
}

const byId = (rows: Listed[]) => new Map(rows.map((row) => [row.id, row]));

let serviceOfQ: string;
let serviceOfP: string;
const made: string[] = [];
let accepted: string;
let draft: string;
let tieDeadline: Date;

beforeAll(async () => {
  ({ sql, networks: { network, other } } = t);
  serviceOfQ = await createReceivingService(clients.coordinatorQ, 'Qの窓口');
  serviceOfP = await createReceivingService(clients.coordinatorP, 'Pの窓口');
  for (const urgency of ['NORMAL', 'URGENT', 'HIGH', 'NORMAL', 'HIGH', 'URGENT', 'NORMAL']) {
    made.push((await createReferral(clients.coordinatorP, { serviceId: serviceOfQ, ...ANONYMOUS, urgency })).id);
  }
  // Three referrals share one deadline to the microsecond (ties the id must break), one is
  // overdue, one answered (no deadline to meet any more), and a draft (never had one).
  tieDeadline = new Date(Date.now() + 3 * 60 * 60 * 1000);
  await sql.query(`UPDATE referrals SET response_due_at = $2 WHERE id = ANY($1::uuid[])`, [[made[0], made[3], made[5]], tieDeadline]);
  await sql.query(`UPDATE referrals SET response_due_at = now() - interval '1 hour' WHERE id = $1`, [made[6]]);
  accepted = made[2];
  expect(outcome(await transition(clients.coordinatorQ, accepted, 'ACCEPT'))).toBe('OK');
  draft = (await createReferral(clients.coordinatorP, { serviceId: serviceOfQ, ...ANONYMOUS, urgency: 'URGENT' }, false)).id;
  // And one the other way, so each side's boxes hold the other's referral too.
  await createReferral(clients.coordinatorQ, { serviceId: serviceOfP, ...ANONYMOUS, urgency: 'HIGH' });
}, 60_000);

describe('sort: DEADLINE', () => {
  it('lists the referrals awaiting a reply soonest deadline first (overdue at the top), every other one after them', async () => {
    const rows = await walk(clients.coordinatorQ, 'INBOX', 'DEADLINE', 50);
    expect(rows.map((row) => row.id)).toEqual(deadlineOrder(rows));
    expect(new Set(rows.map((row) => row.id))).toEqual(new Set((await walk(clients.coordinatorQ, 'INBOX', undefined, 50)).map((row) => row.id)));
    expect(rows[0].id).toBe(made[6]);
    expect(rows[0].overdue).toBe(true);
    // The answered referral keeps its stored deadline but has none to meet: it comes after every SENT one.
    const sent = rows.filter((row) => row.status === 'SENT').length;
    expect(rows.findIndex((row) => row.id === accepted)).toBeGreaterThanOrEqual(sent);
    expect(rows.find((row) => row.id === accepted)?.responseDueAt).toEqual(expect.any(String));

    const outbox = await walk(clients.coordinatorP, 'OUTBOX', 'DEADLINE', 50);
    expect(outbox.map((row) => row.id)).toEqual(deadlineOrder(outbox));
    expect(outbox.map((row) => row.id)).toContain(draft);
    expect(outbox.slice(-2).map((row) => row.id)).toContain(draft);
  });

  it('pages by (deadline, id): any page size gives the same rows in the same order, ties split across pages included', async () => {
    const whole = (await walk(clients.coordinatorQ, 'INBOX', 'DEADLINE', 50)).map((row) => row.id);
    // The three tied referrals sit next to each other, in id order.
    const tied = [made[0], made[3], made[5]].sort();
    const at = whole.indexOf(tied[0]);
    expect(whole.slice(at, at + 3)).toEqual(tied);
    for (const size of [1, 2, 3, 4]) expect([size, (await walk(clients.coordinatorQ, 'INBOX', 'DEADLINE', size)).map((row) => row.id)]).toEqual([size, whole]);
    // With a filter too.
    const urgent = await walk(clients.coordinatorQ, 'INBOX', 'DEADLINE', 1, { urgencies: ['URGENT', 'NORMAL'] });
    expect(urgent.map((row) => row.id)).toEqual(whole.filter((id) => urgent.some((row) => row.id === id)));
    expect(urgent.length).toBeGreaterThan(2);
  });

  it('a new referral arriving during a walk neither repeats nor drops a row already due', async () => {
    const before = (await walk(clients.coordinatorQ, 'INBOX', 'DEADLINE', 50)).map((row) => row.id);
    const seen = await allPages(async (after) => {
      const next = dataOf(await page(clients.coordinatorQ, { box: 'INBOX', sort: 'DEADLINE', first: 3, after })).referrals;
      made.push((await createReferral(clients.coordinatorP, { serviceId: serviceOfQ, ...ANONYMOUS, urgency: 'NORMAL' })).id);
      return next;
    });
    const ids = seen.map((row) => row.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of before) expect(ids).toContain(id);
  });

  it('refuses a forged cursor with BAD_USER_INPUT, never a database error', async () => {
    const forged = (key: string) => Buffer.from(JSON.stringify([key, made[0]]), 'utf8').toString('base64url');
    for (const after of ['not-a-cursor', forged("1'; DROP TABLE referrals; --"), forged('tomorrow'), forged('')]) {
      expect([after, outcome(await page(clients.coordinatorQ, { box: 'INBOX', sort: 'DEADLINE', first: 2, after }))]).toEqual([after, 'BAD_USER_INPUT']);
    }
    // A cursor past the last row (the 'infinity' key) is a real one.
    const last = dataOf(await page(clients.coordinatorQ, { box: 'INBOX', sort: 'DEADLINE', first: 50 })).referrals;
    expect(last.pageInfo.hasNextPage).toBe(false);
    expect(JSON.parse(Buffer.from(String(last.pageInfo.endCursor), 'base64url').toString('utf8'))[0]).toBe('infinity');
    expect(dataOf(await page(clients.coordinatorQ, { box: 'INBOX', sort: 'DEADLINE', first: 2, after: last.pageInfo.endCursor })).referrals.nodes).toEqual([]);
  });

  it('is read off an index in order: no sort of the whole box', async () => {
    for (const [box, index] of [['INBOX', 'referrals_receiver_deadline_idx'], ['OUTBOX', 'referrals_sender_deadline_idx']] as const) {
      const runner = sql.createQueryRunner();
      await runner.startTransaction();
      try {
        // A small table would be read whole and sorted; this asks whether the index can serve the order at all.
        await runner.query(`SET LOCAL enable_seqscan = off`);
        await runner.query(`SET LOCAL enable_sort = off`);
        const plan: Array<{ 'QUERY PLAN': string }> = await runner.query(`EXPLAIN ${referralListSql(referralBoxClause(box, 3), 4, 'DEADLINE')}`, [
          network.tenantId,
          '00000000-0000-4000-8000-000000000000',
          network.organizations.q,
          null,
          null,
          21,
        ]);
        const text = plan.map((row) => row['QUERY PLAN']).join('\n');
        expect([box, text]).toEqual([box, expect.stringContaining(index)]);
        expect([box, text]).toEqual([box, expect.not.stringMatching(/(^|->\s+)(Incremental )?Sort\s+\(/m)]);
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
    }
  });
});

describe('sort: DEADLINE and other networks', () => {
  it('holds only my network’s referrals, also when walked with a cursor from another network', async () => {
    const serviceOfY = await createReceivingService(clients.coordinatorY, '港の相談窓口');
    const foreign = (await createReferral(clients.coordinatorX, { serviceId: serviceOfY, ...ANONYMOUS, urgency: 'URGENT' })).id;
    await sql.query(`UPDATE referrals SET response_due_at = now() - interval '2 hours' WHERE id = $1`, [foreign]);

    for (const [client, box] of [[clients.coordinatorQ, 'INBOX'], [clients.coordinatorP, 'OUTBOX'], [clients.staffQ, 'INBOX']] as const) {
      const rows = await walk(client, box, 'DEADLINE', 2);
      expect(rows.map((row) => row.id)).not.toContain(foreign);
      const tenants: Array<{ tenant_id: string }> = await sql.query(`SELECT DISTINCT tenant_id FROM referrals WHERE id = ANY($1::uuid[])`, [rows.map((row) => row.id)]);
      expect(tenants.map((row) => row.tenant_id)).toEqual([network.tenantId]);
    }
    const theirs = await walk(clients.coordinatorY, 'INBOX', 'DEADLINE', 1);
    expect(theirs.map((row) => row.id)).toEqual([foreign]);

    // Another network's cursor is only a position: it reads no foreign row.
    const foreignCursor = dataOf(await page(clients.coordinatorY, { box: 'INBOX', sort: 'DEADLINE', first: 1 })).referrals.pageInfo.endCursor;
    const after = dataOf(await page(clients.coordinatorQ, { box: 'INBOX', sort: 'DEADLINE', first: 50, after: foreignCursor })).referrals.nodes;
    expect(after.map((row) => row.id)).not.toContain(foreign);
    expect(after.every((row) => row.receiverOrganization.id === network.organizations.q)).toBe(true);
    expect(other.tenantId).not.toBe(network.tenantId);
  });
});

describe('sort: DEADLINE and consent', () => {
  it('shows each referral exactly as the newest-first list does: STAFF read no free text or special-care need of a referral sharing HEALTH', async () => {
    const person = await personSharingHealthWith(clients.coordinatorP, network.organizations.q, 'triage');
    const health = await createReferral(clients.coordinatorP, {
      serviceId: serviceOfQ,
      personId: person.id,
      urgency: 'URGENT',
      reason: '通院の付き添いが必要triage',
      notes: '服薬の管理triage',
      needs: ['HOUSING', 'MENTAL_HEALTH'],
      sharedCategories: ['IDENTITY', 'HEALTH'],
    });

    for (const client of [clients.coordinatorQ, clients.staffQ]) {
      const sorted = await walk(client, 'INBOX', 'DEADLINE', 3);
      const newest = await walk(client, 'INBOX', 'NEWEST', 50);
      expect(byId(sorted)).toEqual(byId(newest));
    }
    const staff = (await walk(clients.staffQ, 'INBOX', 'DEADLINE', 50)).find((row) => row.id === health.id);
    expect(staff).toMatchObject({
      reason: null,
      notes: null,
      textWithheldReason: 'SPECIAL_CARE_HIDDEN',
      sharedCategories: ['IDENTITY'],
      specialCareHidden: true,
      needs: ['HOUSING'],
    });
    const coordinator = (await walk(clients.coordinatorQ, 'INBOX', 'DEADLINE', 50)).find((row) => row.id === health.id);
    expect(coordinator).toMatchObject({ reason: '通院の付き添いが必要triage', sharedCategories: ['IDENTITY', 'HEALTH'], needs: ['HOUSING', 'MENTAL_HEALTH'] });
    // Filtering by the special-care need finds it for the coordinator only, in this sort as in the other.
    const filter = { need: 'MENTAL_HEALTH' };
    expect((await walk(clients.staffQ, 'INBOX', 'DEADLINE', 50, filter)).map((row) => row.id)).toEqual([]);
    expect((await walk(clients.coordinatorQ, 'INBOX', 'DEADLINE', 50, filter)).map((row) => row.id)).toEqual([health.id]);
  });
});
