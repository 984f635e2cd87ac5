// Referrals end to end against the real API and PostgreSQL: the life cycle (every action for
// every status and every member, from a table written here), races, consent on what is shared
// and forwarded, anonymous cases and drafts, messages, the inbox and outbox, the statements an
// inbox request runs, isolation between networks, and the demo seed.
import { PERSONAL_DATA_CATEGORIES } from '@tsunagu/domain';
import { DataSource } from 'typeorm';
import { Clock } from '../../apps/api/src/core/time/clock';
import { ReferralsService } from '../../apps/api/src/modules/referrals/referrals.service';
import { createNetwork, outcome, reasonOf, SignedInClient, TestNetwork } from '../support/accounts';
import { DEMO_NETWORK } from '../../apps/api/src/seed/demo-networks';
import { buildDemoReferral, DEMO_REFERRALS, demoReferralId } from '../../apps/api/src/seed/demo-referrals';
import { RunningApi } from '../support/api';
import { setupDemoApiTest, signInDemo } from '../support/demo';
import { allPages, type GraphQLResponse, type Page } from '../support/graphql';
import { setupApiTest } from '../support/harness';
import { twoNpoNetwork } from '../support/networks';
import { createPerson, dataOf, fullPersonInput, recordConsent, REVOKE_CONSENT } from '../support/people';
import {
  countFor,
  createReceivingService,
  createReferral,
  forward,
  listAll,
  ListedReferral,
  MARK_READ,
  PERSON_REFERRALS,
  POST_MESSAGE,
  REFERRAL_COUNTS,
  REFERRAL_DETAIL,
  REFERRAL_LIST,
  requestReferral,
  transition,
  UPDATE_DRAFT,
} from '../support/referrals';
import { TestDatabase } from '../support/test-database';

const t = setupApiTest({
  clients: false,
  networks: {
    network: {
      slug: 'referrals-a',
      organizations: { a: 'NPO', b: 'NPO', c: 'SOCIAL_WELFARE_COUNCIL' },
      members: {
        coordinatorA: ['a', ['COORDINATOR']],
        staffA: ['a', ['STAFF']],
        coordinatorB: ['b', ['COORDINATOR']],
        coordinatorB2: ['b', ['COORDINATOR']],
        staffB: ['b', ['STAFF']],
        coordinatorC: ['c', ['COORDINATOR']],
      },
    },
    other: twoNpoNetwork('referrals-other', { names: ['x', 'y'] }),
  },
});
let database: TestDatabase, api: RunningApi, sql: DataSource, network: TestNetwork, other: TestNetwork;
const clients: Record<string, SignedInClient> = {};
const strangers: Record<string, SignedInClient> = {};
let serviceOfA: string;
let serviceOfB: string;
let serviceOfC: string;
let serviceOfY: string;

const ANONYMOUS = { anonymousCase: { ageBand: 'AGE_30_39', gender: 'NOT_STATED', municipalityCode: '13102' } };

beforeAll(async () => {
  ({ database, api, sql, networks: { network, other } } = t);
  Object.assign(clients, await t.clientsOf(network));
  Object.assign(strangers, await t.clientsOf(other));
  serviceOfA = await createReceivingService(clients.coordinatorA, 'こもれびカフェ');
  serviceOfB = await createReceivingService(clients.coordinatorB, '住まいの相談窓口');
  serviceOfC = await createReceivingService(clients.coordinatorC, '自立相談支援');
  serviceOfY = await createReceivingService(strangers.coordinatorY, '港の相談窓口');
}, 60_000);

type DetailFull = {
  referral: {
    referral: Record<string, unknown> & { status: string; availableActions: string[]; unreadMessages: number };
    person: null | {
      id: string;
      categories: Array<{ category: string; access: string; withheldReason: string | null; consentId: string | null }>;
      identity: { access: string; withheldReason: string | null; values: Record<string, unknown> | null };
      contact: { access: string; withheldReason: string | null; values: Record<string, unknown> | null };
    };
    events: Array<{ action: string; fromStatus: string | null; toStatus: string | null; actorName: string | null; note: string | null; relatedReferralId: string | null }>;
    messages: Array<{ authorName: string; mine: boolean; body: string }>;
  };
};

function detail(client: SignedInClient, id: string): Promise<GraphQLResponse<DetailFull>> {
  return client.request<DetailFull>(REFERRAL_DETAIL, { id });
}

async function statusOf(id: string): Promise<string> {
  const [row]: Array<{ status: string }> = await sql.query(`SELECT status FROM referrals WHERE id = $1`, [id]);
  return row.status;
}

// --- the life cycle, from a table ---------------------------------------------------------------

type Actor = 'senderCoordinator' | 'senderStaff' | 'receiverCoordinator' | 'receiverStaff' | 'thirdCoordinator';
const ACTORS: Record<Actor, string> = {
  senderCoordinator: 'coordinatorA',
  senderStaff: 'staffA',
  receiverCoordinator: 'coordinatorB',
  receiverStaff: 'staffB',
  thirdCoordinator: 'coordinatorC',
};
const STATUSES = ['DRAFT', 'SENT', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'CANCELLED', 'IN_PROGRESS', 'COMPLETED', 'CLOSED_UNRESOLVED', 'FORWARDED'] as const;
type Status = (typeof STATUSES)[number];
const MEMBER_ACTIONS = ['SEND', 'CANCEL', 'ACCEPT', 'DECLINE', 'START', 'COMPLETE', 'CLOSE_UNRESOLVED', 'FORWARD'] as const;
type Action = (typeof MEMBER_ACTIONS)[number];

// Written from the issue, not from libs/domain: who may do what from which status.
const ALLOWED: Record<Action, { from: Status[]; by: Actor[]; to: Status; needsText: boolean }> = {
  SEND: { from: ['DRAFT'], by: ['senderCoordinator', 'senderStaff'], to: 'SENT', needsText: false },
  CANCEL: { from: ['DRAFT', 'SENT'], by: ['senderCoordinator', 'senderStaff'], to: 'CANCELLED', needsText: false },
  ACCEPT: { from: ['SENT'], by: ['receiverCoordinator'], to: 'ACCEPTED', needsText: false },
  DECLINE: { from: ['SENT'], by: ['receiverCoordinator'], to: 'DECLINED', needsText: true },
  START: { from: ['ACCEPTED'], by: ['receiverCoordinator', 'receiverStaff'], to: 'IN_PROGRESS', needsText: false },
  COMPLETE: { from: ['IN_PROGRESS'], by: ['receiverCoordinator', 'receiverStaff'], to: 'COMPLETED', needsText: true },
  CLOSE_UNRESOLVED: { from: ['IN_PROGRESS'], by: ['receiverCoordinator', 'receiverStaff'], to: 'CLOSED_UNRESOLVED', needsText: true },
  FORWARD: { from: ['SENT', 'ACCEPTED', 'IN_PROGRESS'], by: ['receiverCoordinator'], to: 'FORWARDED', needsText: true },
};
const SENDER_ACTIONS: Action[] = ['SEND', 'CANCEL'];
const DECIDER_ACTIONS: Action[] = ['ACCEPT', 'DECLINE', 'FORWARD'];

/** The code (and reason) the API must answer for a refused attempt. */
function refusal(action: Action, status: Status, actor: Actor): { code: string; reason?: string } {
  if (actor === 'thirdCoordinator') return { code: 'NOT_FOUND' };
  const senderSide = actor.startsWith('sender');
  if (status === 'DRAFT' && !senderSide) return { code: 'NOT_FOUND' };
  const wrongSide = SENDER_ACTIONS.includes(action) !== senderSide;
  const wrongRole = DECIDER_ACTIONS.includes(action) && actor.endsWith('Staff');
  if (wrongSide || wrongRole) return { code: 'FORBIDDEN', reason: 'TRANSITION_NOT_ALLOWED' };
  return { code: 'CONFLICT', reason: 'INVALID_TRANSITION' };
}

/** A referral from a to b (an anonymous case), brought to `status` through the API. */
async function bring(status: Status): Promise<string> {
  const a = clients.coordinatorA;
  const b = clients.coordinatorB;
  if (status === 'DRAFT') return (await createReferral(a, { serviceId: serviceOfB, ...ANONYMOUS }, false)).id;
  const { id } = await createReferral(a, { serviceId: serviceOfB, ...ANONYMOUS });
  const step = async (client: SignedInClient, action: string, text?: string) => expect(outcome(await transition(client, id, action, text))).toBe('OK');
  switch (status) {
    case 'SENT':
      break;
    case 'ACCEPTED':
      await step(b, 'ACCEPT');
      break;
    case 'DECLINED':
      await step(b, 'DECLINE', '定員に達しています');
      break;
    case 'CANCELLED':
      await step(a, 'CANCEL');
      break;
    case 'EXPIRED': {
      // Past its expiry, then the system's job, as the deadline worker runs it.
      await sql.query(`UPDATE referrals SET response_due_at = now() - interval '2 hours', expires_at = now() - interval '1 hour' WHERE id = $1`, [id]);
      const expired = await api.app.get(ReferralsService).expireDue(network.tenantId);
      expect(expired).toContain(id);
      break;
    }
    case 'IN_PROGRESS':
      await step(b, 'ACCEPT');
      await step(b, 'START');
      break;
    case 'COMPLETED':
      await step(b, 'ACCEPT');
      await step(b, 'START');
      await step(b, 'COMPLETE', 'つながりました');
      break;
    case 'CLOSED_UNRESOLVED':
      await step(b, 'ACCEPT');
      await step(b, 'START');
      await step(b, 'CLOSE_UNRESOLVED', '連絡が取れなくなりました');
      break;
    case 'FORWARDED':
      expect(outcome(await forward(b, id, { serviceId: serviceOfC, reason: '社協の方が適切です' }))).toBe('OK');
      break;
  }
  expect(await statusOf(id)).toBe(status);
  return id;
}

function attempt(actor: Actor, id: string, action: Action, text?: string): Promise<GraphQLResponse> {
  const client = clients[ACTORS[actor]];
  if (action === 'FORWARD') return forward(client, id, { serviceId: serviceOfC, reason: text ?? '' });
  return transition(client, id, action, text);
}

describe('the life cycle: every action for every status and member', () => {
  const ids = {} as Record<Status, string>;

  beforeAll(async () => {
    for (const status of STATUSES) ids[status] = await bring(status);
  }, 60_000);

  it('refuses every action not in the table with the right code, and changes nothing', async () => {
    const mismatches: string[] = [];
    let tried = 0;
    for (const status of STATUSES) {
      for (const actor of Object.keys(ACTORS) as Actor[]) {
        for (const action of MEMBER_ACTIONS) {
          const allowed = ALLOWED[action].from.includes(status) && ALLOWED[action].by.includes(actor);
          if (allowed) continue;
          tried++;
          const want = refusal(action, status, actor);
          // With the text given: a refusal is never about the missing reason.
          const response = await attempt(actor, ids[status], action, '理由');
          const got = { code: outcome(response), reason: reasonOf(response) };
          if (got.code !== want.code || (want.reason && got.reason !== want.reason)) {
            mismatches.push(`${action} on ${status} by ${actor}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
          }
        }
      }
      expect(await statusOf(ids[status])).toBe(status);
    }
    expect(mismatches).toEqual([]);
    expect(tried).toBeGreaterThan(350);
    // Only the setup's own events: nothing refused left a trace.
    const [{ count }]: Array<{ count: number }> = await sql.query(
      `SELECT count(*)::int AS count FROM referral_events WHERE referral_id = ANY($1::uuid[]) AND action NOT IN ('CREATE', 'SEND', 'ACCEPT', 'DECLINE', 'CANCEL', 'START', 'COMPLETE', 'CLOSE_UNRESOLVED', 'FORWARD', 'EXPIRE')`,
      [Object.values(ids)],
    );
    expect(count).toBe(0);
  }, 120_000);

  it('offers each member exactly the table’s actions (availableActions), and hides drafts and others’ referrals', async () => {
    for (const status of STATUSES) {
      for (const actor of Object.keys(ACTORS) as Actor[]) {
        const response = await detail(clients[ACTORS[actor]], ids[status]);
        const hidden = actor === 'thirdCoordinator' || (status === 'DRAFT' && !actor.startsWith('sender'));
        if (hidden) {
          expect([status, actor, outcome(response)]).toEqual([status, actor, 'NOT_FOUND']);
          continue;
        }
        const want = MEMBER_ACTIONS.filter((action) => ALLOWED[action].from.includes(status) && ALLOWED[action].by.includes(actor));
        expect([status, actor, dataOf(response).referral.referral.availableActions]).toEqual([status, actor, want]);
      }
    }
  }, 60_000);

  // One fresh referral per allowed (status, member, action).
  const allowedCases: Array<[Action, Status, Actor]> = [];
  for (const action of MEMBER_ACTIONS) for (const from of ALLOWED[action].from) for (const actor of ALLOWED[action].by) allowedCases.push([action, from, actor]);

  it.each(allowedCases)('%s from %s by the %s works, with the event on the timeline', async (action, from, actor) => {
    const id = await bring(from);
    const { needsText, to } = ALLOWED[action];
    if (needsText) {
      const missing = await attempt(actor, id, action, '  ');
      expect(outcome(missing)).toBe('BAD_USER_INPUT');
      expect(await statusOf(id)).toBe(from);
    }
    const note = needsText ? `${action}の理由・結果` : undefined;
    const response = await attempt(actor, id, action, note);
    expect(outcome(response)).toBe('OK');
    expect(await statusOf(id)).toBe(to);
    const data = response.body.data as Record<string, { status?: string; forwarded?: { status: string }; created?: { status: string; forwardedFromId: string } }>;
    if (action === 'FORWARD') {
      expect(data.forwardReferral.forwarded?.status).toBe('FORWARDED');
      expect(data.forwardReferral.created).toMatchObject({ status: 'SENT', forwardedFromId: id });
    } else {
      expect(data.transitionReferral.status).toBe(to);
    }
    // The sender always sees the status; the timeline says who, what and why.
    const seen = dataOf(await detail(clients.coordinatorA, id)).referral;
    expect(seen.referral.status).toBe(to);
    const last = seen.events[seen.events.length - 1];
    expect(last).toMatchObject({ action, fromStatus: from, toStatus: to, actorName: ACTORS[actor], note: note ?? null });
    if (action === 'COMPLETE') expect(seen.referral['outcome']).toBe(note);
  });

  it('EXPIRE is the system’s: a member asking for it is refused', async () => {
    const response = await transition(clients.coordinatorB, ids.SENT, 'EXPIRE');
    expect(outcome(response)).toBe('BAD_USER_INPUT');
    expect(await statusOf(ids.SENT)).toBe('SENT');
  });
});

// --- races -------------------------------------------------------------------------------------

describe('concurrent answers: exactly one winner, nothing half-applied', () => {
  async function race(pairs: Array<[() => Promise<GraphQLResponse>, () => Promise<GraphQLResponse>]>, ids: string[], winners: Record<string, string>) {
    const results = await Promise.all(pairs.map(([first, second]) => Promise.all([first(), second()])));
    for (const [index, [one, two]] of results.entries()) {
      const id = ids[index];
      const codes = [outcome(one), outcome(two)].sort();
      expect(codes).toEqual(['CONFLICT', 'OK']);
      const loser = outcome(one) === 'OK' ? two : one;
      expect(['CONCURRENT_UPDATE', 'INVALID_TRANSITION']).toContain(reasonOf(loser));
      const winner = outcome(one) === 'OK' ? one : two;
      const status = (winner.body.data as { transitionReferral: { status: string } }).transitionReferral.status;
      expect(await statusOf(id)).toBe(status);
      // Exactly one answer on the timeline, and the notifications of the winner's answer only.
      const events: Array<{ action: string; actor_membership_id: string }> = await sql.query(
        `SELECT action, actor_membership_id FROM referral_events WHERE referral_id = $1 AND action IN ('ACCEPT', 'DECLINE') `,
        [id],
      );
      expect(events).toHaveLength(1);
      expect(events[0].action).toBe(status === 'ACCEPTED' ? 'ACCEPT' : 'DECLINE');
      const kinds: Array<{ kind: string }> = await sql.query(
        `SELECT DISTINCT kind FROM notifications WHERE referral_id = $1 AND kind IN ('REFERRAL_ACCEPTED', 'REFERRAL_DECLINED')`,
        [id],
      );
      expect(kinds.map((row) => row.kind)).toEqual([status === 'ACCEPTED' ? 'REFERRAL_ACCEPTED' : 'REFERRAL_DECLINED']);
      const [row]: Array<{ answered_at: Date | null; closed_at: Date | null }> = await sql.query(`SELECT answered_at, closed_at FROM referrals WHERE id = $1`, [id]);
      expect(row.answered_at).not.toBeNull();
      expect(row.closed_at === null).toBe(status === 'ACCEPTED');
      winners[id] = status;
    }
  }

  it('accept and decline at once, ten times over: one OK and one CONFLICT each', async () => {
    const ids = await Promise.all(Array.from({ length: 10 }, async () => (await createReferral(clients.coordinatorA, { serviceId: serviceOfB, ...ANONYMOUS })).id));
    const winners: Record<string, string> = {};
    await race(
      ids.map((id) => [
        () => transition(clients.coordinatorB, id, 'ACCEPT'),
        () => transition(clients.coordinatorB2, id, 'DECLINE', '受け入れられません'),
      ]),
      ids,
      winners,
    );
    expect(Object.keys(winners)).toHaveLength(10);
  });

  it('two members accepting at once: one OK and one CONFLICT each', async () => {
    const ids = await Promise.all(Array.from({ length: 10 }, async () => (await createReferral(clients.coordinatorA, { serviceId: serviceOfB, ...ANONYMOUS })).id));
    const winners: Record<string, string> = {};
    await race(
      ids.map((id) => [() => transition(clients.coordinatorB, id, 'ACCEPT'), () => transition(clients.coordinatorB2, id, 'ACCEPT')]),
      ids,
      winners,
    );
    expect(Object.values(winners)).toEqual(Array(10).fill('ACCEPTED'));
  });

  it('cancel by the sender against accept by the receiver: one winner', async () => {
    const ids = await Promise.all(Array.from({ length: 10 }, async () => (await createReferral(clients.coordinatorA, { serviceId: serviceOfB, ...ANONYMOUS })).id));
    const results = await Promise.all(ids.map((id) => Promise.all([transition(clients.coordinatorA, id, 'CANCEL'), transition(clients.coordinatorB, id, 'ACCEPT')])));
    for (const [index, [cancel, accept]] of results.entries()) {
      expect([outcome(cancel), outcome(accept)].sort()).toEqual(['CONFLICT', 'OK']);
      expect(await statusOf(ids[index])).toBe(outcome(cancel) === 'OK' ? 'CANCELLED' : 'ACCEPTED');
      expect(await countFor(sql, 'referral_events', `referral_id = $1 AND action IN ('CANCEL', 'ACCEPT')`, [ids[index]])).toBe(1);
    }
  });
});

// --- consent ----------------------------------------------------------------------------------

describe('consent on what is shared', () => {
  /** Coordinator A records the person's consent to share these categories with organisation B for referrals. */
  const consentToB = (personId: string, categories: string[], input: Record<string, unknown> = {}) =>
    recordConsent(clients.coordinatorA, { personId, categories, purposes: ['REFERRAL'], recipientOrganizationIds: [network.organizations.b], ...input });

  it('refuses a category no consent covers, naming it, and writes no referral and no provision', async () => {
    const person = await createPerson(clients.coordinatorA, fullPersonInput('refused'));
    await consentToB(person.id, ['IDENTITY']);
    const response = await requestReferral(clients.coordinatorA, { serviceId: serviceOfB, personId: person.id, reason: 'x', sharedCategories: ['IDENTITY', 'CONTACT'] });
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'CONSENT_REQUIRED' });
    const message = JSON.stringify(response.body.errors);
    expect(message).toMatch(new RegExp(`${PERSONAL_DATA_CATEGORIES.labels.CONTACT.en}|${PERSONAL_DATA_CATEGORIES.labels.CONTACT.ja}`));
    expect(message).not.toMatch(new RegExp(`${PERSONAL_DATA_CATEGORIES.labels.IDENTITY.en}|${PERSONAL_DATA_CATEGORIES.labels.IDENTITY.ja}`));
    expect(await countFor(sql, 'referrals', 'person_id = $1', [person.id])).toBe(0);
    expect(await countFor(sql, 'provision_records', 'person_id = $1', [person.id])).toBe(0);

    // A consent for another purpose does not count either.
    await consentToB(person.id, ['CONTACT'], { purposes: ['CASE_CONFERENCE'] });
    const again = await requestReferral(clients.coordinatorA, { serviceId: serviceOfB, personId: person.id, reason: 'x', sharedCategories: ['CONTACT'] });
    expect(reasonOf(again)).toBe('CONSENT_REQUIRED');
    expect(await countFor(sql, 'referrals', 'person_id = $1', [person.id])).toBe(0);
  });

  it('a draft sharing an uncovered category cannot be sent; it stays a draft with no provision', async () => {
    const person = await createPerson(clients.coordinatorA, fullPersonInput('draftconsent'));
    const draft = await createReferral(clients.coordinatorA, { serviceId: serviceOfB, personId: person.id, sharedCategories: ['CONTACT'] }, false);
    expect(draft.status).toBe('DRAFT');
    const send = await transition(clients.coordinatorA, draft.id, 'SEND');
    expect(reasonOf(send)).toBe('CONSENT_REQUIRED');
    expect(await statusOf(draft.id)).toBe('DRAFT');
    expect(await countFor(sql, 'provision_records', 'person_id = $1', [person.id])).toBe(0);
    expect(await countFor(sql, 'referral_events', `referral_id = $1 AND action = 'SEND'`, [draft.id])).toBe(0);
  });

  it('special-care data is shared by an admin or coordinator only, also when a staff member sends the draft', async () => {
    const person = await createPerson(clients.coordinatorA, fullPersonInput('specialcare'));
    await consentToB(person.id, ['HEALTH'], { specialCareExplained: true });
    const byStaff = await requestReferral(clients.staffA, { serviceId: serviceOfB, personId: person.id, reason: 'staff special care', sharedCategories: ['HEALTH'] });
    expect(byStaff.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SPECIAL_CARE_ROLE_REQUIRED' });
    const draft = await createReferral(clients.coordinatorA, { serviceId: serviceOfB, personId: person.id, sharedCategories: ['HEALTH'] }, false);
    const sentByStaff = await transition(clients.staffA, draft.id, 'SEND');
    expect(sentByStaff.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SPECIAL_CARE_ROLE_REQUIRED' });
    expect(await statusOf(draft.id)).toBe('DRAFT');
    expect(await countFor(sql, 'provision_records', 'person_id = $1', [person.id])).toBe(0);
    expect(outcome(await transition(clients.coordinatorA, draft.id, 'SEND'))).toBe('OK');
    expect(await countFor(sql, 'provision_records', 'person_id = $1', [person.id])).toBe(1);
  });

  it('records each provision; after revocation the receiver sees WITHHELD (CONSENT_REVOKED)', async () => {
    const person = await createPerson(clients.coordinatorA, fullPersonInput('revoked'));
    const consentId = await consentToB(person.id, ['IDENTITY', 'CONTACT']);
    const sent = await createReferral(clients.coordinatorA, { serviceId: serviceOfB, personId: person.id, sharedCategories: ['CONTACT', 'IDENTITY'] });
    expect(sent.sharedCategories).toEqual(['IDENTITY', 'CONTACT']);
    const records: Array<Record<string, unknown>> = await sql.query(
      `SELECT provider_organization_id, recipient_organization_id, categories, consent_ids, purpose, context FROM provision_records WHERE person_id = $1`,
      [person.id],
    );
    expect(records).toEqual([
      {
        provider_organization_id: network.organizations.a,
        recipient_organization_id: network.organizations.b,
        categories: ['IDENTITY', 'CONTACT'],
        consent_ids: [consentId],
        purpose: 'REFERRAL',
        context: `REFERRAL:${sent.id}`,
      },
    ]);
    const before = dataOf(await detail(clients.coordinatorB, sent.id)).referral.person!;
    expect(before.identity).toMatchObject({ access: 'DISCLOSED', values: { familyName: '試験revoked' } });
    expect(before.contact.access).toBe('DISCLOSED');

    dataOf(await clients.coordinatorA.request(REVOKE_CONSENT, { id: consentId, reason: '本人の申し出' }));
    const after = dataOf(await detail(clients.coordinatorB, sent.id)).referral.person!;
    expect(after.identity).toMatchObject({ access: 'WITHHELD', withheldReason: 'CONSENT_REVOKED', values: null });
    expect(after.contact).toMatchObject({ access: 'WITHHELD', withheldReason: 'CONSENT_REVOKED', values: null });
    expect(after.categories.find((category) => category.category === 'IDENTITY')).toMatchObject({ access: 'WITHHELD', withheldReason: 'CONSENT_REVOKED' });
    expect(JSON.stringify(after)).not.toContain('試験revoked');
    // The referral itself is still there for both sides; only the data is withheld.
    expect(dataOf(await detail(clients.coordinatorA, sent.id)).referral.referral.status).toBe('SENT');
  });

  it('forwarding checks consent again for the third organisation, and records the new provision', async () => {
    const person = await createPerson(clients.coordinatorA, fullPersonInput('forwarded'));
    const toB = await consentToB(person.id, ['IDENTITY', 'CONTACT']);
    const sent = await createReferral(clients.coordinatorA, { serviceId: serviceOfB, personId: person.id, sharedCategories: ['IDENTITY'] });
    expect(outcome(await transition(clients.coordinatorB, sent.id, 'ACCEPT'))).toBe('OK');

    // No consent for c (a social welfare council): refused, naming the category; nothing changes.
    const refused = await forward(clients.coordinatorB, sent.id, { serviceId: serviceOfC, reason: '社協へ', sharedCategories: ['IDENTITY'] });
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'CONSENT_REQUIRED' });
    expect(JSON.stringify(refused.body.errors)).toMatch(new RegExp(`${PERSONAL_DATA_CATEGORIES.labels.IDENTITY.en}|${PERSONAL_DATA_CATEGORIES.labels.IDENTITY.ja}`));
    expect(await statusOf(sent.id)).toBe('ACCEPTED');
    expect(await countFor(sql, 'referrals', 'forwarded_from_id = $1', [sent.id])).toBe(0);
    expect(await countFor(sql, 'provision_records', 'person_id = $1', [person.id])).toBe(1);
    expect(await countFor(sql, 'referral_events', `referral_id = $1 AND action = 'FORWARD'`, [sent.id])).toBe(0);

    // A category b never received cannot be passed on, whatever the consent.
    const notReceived = await forward(clients.coordinatorB, sent.id, { serviceId: serviceOfC, reason: '社協へ', sharedCategories: ['IDENTITY', 'CONTACT'] });
    expect(outcome(notReceived)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(notReceived.body.errors)).toContain('sharedCategories');

    // Nor back to the sender.
    expect(outcome(await forward(clients.coordinatorB, sent.id, { serviceId: serviceOfA, reason: '戻す' }))).toBe('BAD_USER_INPUT');

    // With the person's consent for social welfare councils (a kind), it goes through.
    const toC = await recordConsent(clients.coordinatorA, {
      personId: person.id,
      categories: ['IDENTITY'],
      purposes: ['REFERRAL'],
      recipientKinds: ['SOCIAL_WELFARE_COUNCIL'],
    });
    const done = dataOf(await forward(clients.coordinatorB, sent.id, { serviceId: serviceOfC, reason: '社協へ', sharedCategories: ['IDENTITY'] })).forwardReferral;
    expect(done.forwarded.status).toBe('FORWARDED');
    expect(done.created).toMatchObject({ status: 'SENT', forwardedFromId: sent.id, sharedCategories: ['IDENTITY'], personId: person.id });
    const records: Array<Record<string, unknown>> = await sql.query(
      `SELECT provider_organization_id, recipient_organization_id, categories, consent_ids, context FROM provision_records WHERE person_id = $1 ORDER BY created_at, context`,
      [person.id],
    );
    expect(records).toEqual([
      { provider_organization_id: network.organizations.a, recipient_organization_id: network.organizations.b, categories: ['IDENTITY'], consent_ids: [toB], context: `REFERRAL:${sent.id}` },
      { provider_organization_id: network.organizations.b, recipient_organization_id: network.organizations.c, categories: ['IDENTITY'], consent_ids: [toC], context: `REFERRAL:${done.created.id}` },
    ]);
    // c reads the person under its own consent; the forwarded referral is not c's.
    const atC = dataOf(await detail(clients.coordinatorC, done.created.id)).referral;
    expect(atC.person?.identity).toMatchObject({ access: 'DISCLOSED', values: { familyName: '試験forwarded' } });
    expect(atC.person?.contact).toMatchObject({ access: 'WITHHELD' });
    expect(atC.events.map((event) => `${event.action}→${event.toStatus}`)).toEqual(['CREATE→DRAFT', 'SEND→SENT']);
    expect(outcome(await detail(clients.coordinatorC, sent.id))).toBe('NOT_FOUND');
    // The original timeline points at the new referral.
    const original = dataOf(await detail(clients.coordinatorA, sent.id)).referral.events;
    expect(original[original.length - 1]).toMatchObject({ action: 'FORWARD', toStatus: 'FORWARDED', note: '社協へ', relatedReferralId: done.created.id });
    // The owner sees the whole history of the person (both referrals its organisation is party to: the first).
    const history = dataOf(await clients.coordinatorA.request<{ personReferrals: Array<{ id: string; status: string }> }>(PERSON_REFERRALS, { personId: person.id })).personReferrals;
    expect(history.map((row) => row.id)).toEqual([sent.id]);

    // The sender always learns the outcome: when c completes, a hears of it about its own
    // referral, and sees where the case went and how it ended.
    expect(outcome(await transition(clients.coordinatorC, done.created.id, 'ACCEPT'))).toBe('OK');
    expect(outcome(await transition(clients.coordinatorC, done.created.id, 'START'))).toBe('OK');
    expect(outcome(await transition(clients.coordinatorC, done.created.id, 'COMPLETE', '社協で貸付につながりました'))).toBe('OK');
    const onward = dataOf(
      await clients.coordinatorA.request<{ referral: { onward: Record<string, unknown> } }>(
        `query { referral(id: "${sent.id}") { onward { id status outcome hops receiverOrganization { id } } } }`,
      ),
    ).referral.onward;
    expect(onward).toEqual({
      id: done.created.id,
      status: 'COMPLETED',
      outcome: '社協で貸付につながりました',
      hops: 1,
      receiverOrganization: { id: network.organizations.c },
    });
    const told: Array<{ referral_id: string; membership_id: string }> = await sql.query(
      `SELECT referral_id, membership_id FROM notifications WHERE kind = 'REFERRAL_COMPLETED' AND referral_id = ANY($1::uuid[]) ORDER BY referral_id`,
      [[sent.id, done.created.id]],
    );
    expect(told).toEqual(
      expect.arrayContaining([
        { referral_id: sent.id, membership_id: network.members.coordinatorA.membershipId },
        { referral_id: done.created.id, membership_id: network.members.coordinatorB.membershipId },
      ]),
    );
  });
});

// --- anonymous cases and drafts -----------------------------------------------------------------

describe('anonymous cases and drafts', () => {
  it('an anonymous case carries no person and shares nothing', async () => {
    const sent = await createReferral(clients.coordinatorA, { serviceId: serviceOfB, ...ANONYMOUS });
    expect(sent).toMatchObject({ personId: null, personPseudonym: null, sharedCategories: [], anonymousCase: { ageBand: 'AGE_30_39', gender: 'NOT_STATED', municipalityCode: '13102' } });
    expect(dataOf(await detail(clients.coordinatorB, sent.id)).referral.person).toBeNull();

    const person = await createPerson(clients.coordinatorA, fullPersonInput('anon'));
    const cases: Array<[string, Record<string, unknown>]> = [
      ['shared categories', { ...ANONYMOUS, sharedCategories: ['IDENTITY'] }],
      ['both a person and a case', { ...ANONYMOUS, personId: person.id }],
      ['neither', {}],
      ['a bad municipality code', { anonymousCase: { ageBand: 'AGE_30_39', municipalityCode: '123' } }],
    ];
    for (const [what, input] of cases) {
      const response = await requestReferral(clients.coordinatorA, { serviceId: serviceOfB, reason: what, ...input });
      expect([what, outcome(response)]).toEqual([what, 'BAD_USER_INPUT']);
      expect(await countFor(sql, 'referrals', 'reason = $1', [what])).toBe(0);
    }
  });

  it('a draft is the sender’s: editable by its members, invisible to the receiver, sent later', async () => {
    const draft = await createReferral(clients.coordinatorA, { serviceId: serviceOfB, ...ANONYMOUS, reason: '下書きです' }, false);
    expect(draft).toMatchObject({ status: 'DRAFT', sentAt: null, responseDueAt: null, availableActions: ['SEND', 'CANCEL'] });
    expect(await countFor(sql, 'notifications', 'referral_id = $1', [draft.id])).toBe(0);

    for (const client of [clients.coordinatorB, clients.staffB, clients.coordinatorC]) {
      expect(outcome(await detail(client, draft.id))).toBe('NOT_FOUND');
      expect(outcome(await client.request(UPDATE_DRAFT, { id: draft.id, input: { serviceId: serviceOfB, reason: 'x', ...ANONYMOUS } }))).toBe('NOT_FOUND');
      expect(outcome(await client.request(POST_MESSAGE, { id: draft.id, body: 'x' }))).toBe('NOT_FOUND');
      expect(outcome(await client.request(MARK_READ, { id: draft.id }))).toBe('NOT_FOUND');
    }
    expect((await listAll(clients.coordinatorB, 'INBOX')).map((row) => row.id)).not.toContain(draft.id);
    expect((await listAll(clients.coordinatorA, 'OUTBOX')).map((row) => row.id)).toContain(draft.id);
    expect(outcome(await clients.coordinatorA.request(POST_MESSAGE, { id: draft.id, body: 'まだ下書き' }))).toBe('CONFLICT');

    const edited = dataOf(
      await clients.staffA.request<{ updateReferralDraft: Record<string, unknown> }>(UPDATE_DRAFT, {
        id: draft.id,
        input: { serviceId: serviceOfC, reason: '書き直しました', urgency: 'URGENT', needs: ['FOOD'], ...ANONYMOUS },
      }),
    ).updateReferralDraft;
    expect(edited).toMatchObject({ status: 'DRAFT', reason: '書き直しました', urgency: 'URGENT', needs: ['FOOD'], receiverOrganization: { id: network.organizations.c } });
    const back = dataOf(
      await clients.coordinatorA.request<{ updateReferralDraft: Record<string, unknown> }>(UPDATE_DRAFT, {
        id: draft.id,
        input: { serviceId: serviceOfB, reason: '送ります', urgency: 'HIGH', ...ANONYMOUS },
      }),
    ).updateReferralDraft;
    expect(back).toMatchObject({ receiverOrganization: { id: network.organizations.b }, urgency: 'HIGH' });

    const before = Date.now();
    const sent = dataOf(await transition(clients.staffA, draft.id, 'SEND')).transitionReferral as unknown as { status: string; sentAt: string; responseDueAt: string };
    expect(sent.status).toBe('SENT');
    // HIGH: 24 hours to answer (the network's default).
    expect(new Date(sent.responseDueAt).getTime() - new Date(sent.sentAt).getTime()).toBe(24 * 60 * 60 * 1000);
    expect(new Date(sent.sentAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(dataOf(await detail(clients.coordinatorB, draft.id)).referral.referral).toMatchObject({ status: 'SENT', reason: '送ります' });
    expect(await countFor(sql, 'notifications', `referral_id = $1 AND kind = 'REFERRAL_RECEIVED'`, [draft.id])).toBeGreaterThan(0);

    // Once sent, it is no longer a draft.
    const late = await clients.coordinatorA.request(UPDATE_DRAFT, { id: draft.id, input: { serviceId: serviceOfB, reason: 'y', ...ANONYMOUS } });
    expect(late.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_A_DRAFT' });
  });

  it('a draft can be cancelled without ever being sent', async () => {
    const draft = await createReferral(clients.coordinatorA, { serviceId: serviceOfB, ...ANONYMOUS }, false);
    const cancelled = dataOf(await transition(clients.staffA, draft.id, 'CANCEL')).transitionReferral as Record<string, unknown>;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', sentAt: null });
    // Never sent, so never received: not readable, not in the inbox.
    expect(outcome(await detail(clients.coordinatorB, draft.id))).toBe('NOT_FOUND');
    expect(outcome(await clients.coordinatorB.request(POST_MESSAGE, { id: draft.id, body: 'x' }))).toBe('NOT_FOUND');
    expect((await listAll(clients.coordinatorB, 'INBOX')).map((row) => row.id)).not.toContain(draft.id);
    expect(dataOf(await detail(clients.coordinatorA, draft.id)).referral.referral.status).toBe('CANCELLED');
  });
});

// --- messages ---------------------------------------------------------------------------------

describe('messages', () => {
  it('both sides post; unread counts for the other side, reset by markReferralRead; outsiders cannot post', async () => {
    const sent = await createReferral(clients.coordinatorA, { serviceId: serviceOfB, ...ANONYMOUS });
    const unread = async (client: SignedInClient) => dataOf(await detail(client, sent.id)).referral.referral.unreadMessages;

    const posted = dataOf(await clients.coordinatorA.request<{ postReferralMessage: { mine: boolean; body: string } }>(POST_MESSAGE, { id: sent.id, body: ' よろしくお願いします ' }));
    expect(posted.postReferralMessage).toMatchObject({ mine: true, body: 'よろしくお願いします' });
    expect(await unread(clients.coordinatorA)).toBe(0);
    expect(await unread(clients.coordinatorB)).toBe(1);
    expect(await unread(clients.staffB)).toBe(1);

    dataOf(await clients.staffB.request(POST_MESSAGE, { id: sent.id, body: '確認します' }));
    dataOf(await clients.coordinatorB.request(POST_MESSAGE, { id: sent.id, body: '明日ご連絡します' }));
    expect(await unread(clients.coordinatorA)).toBe(2);
    // Members count their colleagues' messages too, never their own; replying marks what came before read.
    expect(await unread(clients.coordinatorB)).toBe(0);
    expect(await unread(clients.staffB)).toBe(1);

    const inbox = (await listAll(clients.staffB, 'INBOX')).find((row) => row.id === sent.id);
    expect(inbox?.unreadMessages).toBe(1);
    const counts = dataOf(await clients.coordinatorA.request<{ referralCounts: { withUnreadMessages: number } }>(REFERRAL_COUNTS, { box: 'OUTBOX' })).referralCounts;
    expect(counts.withUnreadMessages).toBeGreaterThanOrEqual(1);

    const marked = dataOf(await clients.coordinatorA.request<{ markReferralRead: { unreadMessages: number } }>(MARK_READ, { id: sent.id })).markReferralRead;
    expect(marked.unreadMessages).toBe(0);
    expect(await unread(clients.coordinatorA)).toBe(0);
    expect(await unread(clients.staffB)).toBe(1);
    dataOf(await clients.staffB.request(MARK_READ, { id: sent.id }));
    expect(await unread(clients.staffB)).toBe(0);
    // A new message counts again.
    dataOf(await clients.coordinatorA.request(POST_MESSAGE, { id: sent.id, body: '追加の情報です' }));
    expect(await unread(clients.staffB)).toBe(1);
    expect(await unread(clients.coordinatorB)).toBe(1);

    const messages = dataOf(await detail(clients.coordinatorA, sent.id)).referral.messages;
    expect(messages.map((message) => [message.authorName, message.mine, message.body])).toEqual([
      ['coordinatorA', true, 'よろしくお願いします'],
      ['staffB', false, '確認します'],
      ['coordinatorB', false, '明日ご連絡します'],
      ['coordinatorA', true, '追加の情報です'],
    ]);

    expect(outcome(await clients.coordinatorC.request(POST_MESSAGE, { id: sent.id, body: '割り込み' }))).toBe('NOT_FOUND');
    expect(outcome(await strangers.coordinatorX.request(POST_MESSAGE, { id: sent.id, body: '割り込み' }))).toBe('NOT_FOUND');
    expect(outcome(await clients.coordinatorA.request(POST_MESSAGE, { id: sent.id, body: '   ' }))).toBe('BAD_USER_INPUT');
    expect(await countFor(sql, 'referral_messages', 'referral_id = $1', [sent.id])).toBe(4);
    expect(await countFor(sql, 'notifications', `referral_id = $1 AND kind = 'REFERRAL_MESSAGE'`, [sent.id])).toBeGreaterThan(0);
  });
});

// --- inbox and outbox -------------------------------------------------------------------------

describe('inbox and outbox', () => {
  let lists: TestNetwork;
  const l: Record<string, SignedInClient> = {};
  let serviceOfP: string;
  let serviceOfQ: string;
  const made: Array<{ id: string; urgency: string; needs: string[]; status: string; from: string; to: string }> = [];
  const URGENCY_CYCLE = ['URGENT', 'HIGH', 'NORMAL'];
  const NEEDS_CYCLE = [['HOUSING'], ['FOOD', 'HOUSING'], ['EMPLOYMENT']];

  const ids = (rows: ListedReferral[]) => rows.map((row) => row.id);
  const expectedIds = (where: (row: (typeof made)[number]) => boolean) =>
    made.filter(where).sort((x, y) => made.indexOf(y) - made.indexOf(x)).map((row) => row.id);

  beforeAll(async () => {
    lists = await createNetwork(database.ownerUrl, {
      slug: 'referrals-lists',
      organizations: { p: 'NPO', q: 'NPO', r: 'MUNICIPALITY' },
      members: { coordinatorP: ['p', ['COORDINATOR']], coordinatorQ: ['q', ['COORDINATOR']], coordinatorR: ['r', ['COORDINATOR']], trainerQ: ['q', ['TRAINER']] },
    });
    Object.assign(l, await t.clientsOf(lists));
    serviceOfP = await createReceivingService(l.coordinatorP, 'Pの窓口');
    serviceOfQ = await createReceivingService(l.coordinatorQ, 'Qの窓口');
    // One at a time, so created_at orders them as `made` does.
    for (let index = 0; index < 9; index++) {
      const sent = await createReferral(l.coordinatorP, { serviceId: serviceOfQ, ...ANONYMOUS, urgency: URGENCY_CYCLE[index % 3], needs: NEEDS_CYCLE[index % 3] });
      made.push({ id: sent.id, urgency: URGENCY_CYCLE[index % 3], needs: NEEDS_CYCLE[index % 3], status: 'SENT', from: 'p', to: 'q' });
    }
    for (const index of [0, 1]) {
      dataOf(await transition(l.coordinatorQ, made[index].id, 'ACCEPT'));
      made[index].status = 'ACCEPTED';
    }
    dataOf(await transition(l.coordinatorQ, made[2].id, 'DECLINE', '対象外'));
    made[2].status = 'DECLINED';
    const draft = await createReferral(l.coordinatorP, { serviceId: serviceOfQ, ...ANONYMOUS, urgency: 'URGENT', needs: ['HOUSING'] }, false);
    made.push({ id: draft.id, urgency: 'URGENT', needs: ['HOUSING'], status: 'DRAFT', from: 'p', to: 'q' });
    const fromR = await createReferral(l.coordinatorR, { serviceId: serviceOfQ, ...ANONYMOUS, urgency: 'NORMAL', needs: ['FOOD'] });
    made.push({ id: fromR.id, urgency: 'NORMAL', needs: ['FOOD'], status: 'SENT', from: 'r', to: 'q' });
    const toP = await createReferral(l.coordinatorQ, { serviceId: serviceOfP, ...ANONYMOUS, urgency: 'HIGH', needs: ['HOUSING'] });
    made.push({ id: toP.id, urgency: 'HIGH', needs: ['HOUSING'], status: 'SENT', from: 'q', to: 'p' });
  }, 60_000);

  it('each side sees its own box: the inbox without drafts, the outbox with them', async () => {
    expect(ids(await listAll(l.coordinatorQ, 'INBOX'))).toEqual(expectedIds((row) => row.to === 'q' && row.status !== 'DRAFT'));
    expect(ids(await listAll(l.coordinatorQ, 'OUTBOX'))).toEqual(expectedIds((row) => row.from === 'q'));
    expect(ids(await listAll(l.coordinatorP, 'OUTBOX'))).toEqual(expectedIds((row) => row.from === 'p'));
    expect(ids(await listAll(l.coordinatorP, 'INBOX'))).toEqual(expectedIds((row) => row.to === 'p'));
    expect(ids(await listAll(l.coordinatorR, 'INBOX'))).toEqual([]);
    expect(ids(await listAll(l.coordinatorR, 'OUTBOX'))).toEqual(expectedIds((row) => row.from === 'r'));
    // Members who do no casework have no boxes, and read or answer no referral of their organisation.
    expect(outcome(await l.trainerQ.request(REFERRAL_LIST, { box: 'INBOX' }))).toBe('FORBIDDEN');
    expect(outcome(await l.trainerQ.request(REFERRAL_COUNTS, { box: 'INBOX' }))).toBe('FORBIDDEN');
    const received = made[3].id;
    expect(outcome(await detail(l.trainerQ, received))).toBe('FORBIDDEN');
    expect(outcome(await l.trainerQ.request(MARK_READ, { id: received }))).toBe('FORBIDDEN');
    expect(outcome(await l.trainerQ.request(POST_MESSAGE, { id: received, body: 'x' }))).toBe('FORBIDDEN');
    expect(outcome(await transition(l.trainerQ, received, 'ACCEPT'))).toBe('FORBIDDEN');
    expect(outcome(await forward(l.trainerQ, received, { serviceId: serviceOfP, reason: 'x' }))).toBe('FORBIDDEN');
    expect(await countFor(sql, 'referral_reads', 'referral_id = $1', [received])).toBe(0);
  });

  it('filters by status, urgency, need and dates', async () => {
    const inQ = (row: (typeof made)[number]) => row.to === 'q' && row.status !== 'DRAFT';
    expect(ids(await listAll(l.coordinatorQ, 'INBOX', { statuses: ['SENT'] }))).toEqual(expectedIds((row) => inQ(row) && row.status === 'SENT'));
    expect(ids(await listAll(l.coordinatorQ, 'INBOX', { statuses: ['ACCEPTED', 'DECLINED'] }))).toEqual(expectedIds((row) => inQ(row) && ['ACCEPTED', 'DECLINED'].includes(row.status)));
    expect(ids(await listAll(l.coordinatorQ, 'INBOX', { urgencies: ['URGENT', 'HIGH'] }))).toEqual(expectedIds((row) => inQ(row) && row.urgency !== 'NORMAL'));
    expect(ids(await listAll(l.coordinatorQ, 'INBOX', { need: 'HOUSING' }))).toEqual(expectedIds((row) => inQ(row) && row.needs.includes('HOUSING')));
    expect(ids(await listAll(l.coordinatorQ, 'INBOX', { need: 'HOUSING', urgencies: ['HIGH'], statuses: ['ACCEPTED'] }))).toEqual([made[1].id]);
    expect(ids(await listAll(l.coordinatorP, 'OUTBOX', { statuses: ['DRAFT'] }))).toEqual(expectedIds((row) => row.from === 'p' && row.status === 'DRAFT'));

    const all = await listAll(l.coordinatorQ, 'INBOX');
    const times = new Map(all.map((row) => [row.id, row.createdAt]));
    const middle = times.get(made[4].id)!;
    expect(ids(await listAll(l.coordinatorQ, 'INBOX', { createdFrom: middle }))).toEqual(all.filter((row) => row.createdAt >= middle).map((row) => row.id));
    // The API gives milliseconds; PostgreSQL keeps microseconds: "up to" the next millisecond.
    const upTo = new Date(Date.parse(middle) + 1).toISOString();
    expect(ids(await listAll(l.coordinatorQ, 'INBOX', { createdTo: upTo }))).toEqual(all.filter((row) => row.createdAt <= middle).map((row) => row.id));
    expect(ids(await listAll(l.coordinatorQ, 'INBOX', { createdFrom: middle, createdTo: upTo }))).toEqual([made[4].id]);
    expect(ids(await listAll(l.coordinatorQ, 'INBOX', { createdFrom: new Date(Date.now() + 60_000).toISOString() }))).toEqual([]);
  });

  it('overdue follows the clock: after 5 hours only the urgent ones still awaiting a reply', async () => {
    const inQ = (row: (typeof made)[number]) => row.to === 'q' && row.status !== 'DRAFT';
    expect(ids(await listAll(l.coordinatorQ, 'INBOX', { overdue: true }))).toEqual([]);
    const later = new Date(Date.now() + 5 * 60 * 60 * 1000);
    const now = jest.spyOn(Clock.prototype, 'now').mockReturnValue(later);
    try {
      const want = expectedIds((row) => inQ(row) && row.status === 'SENT' && row.urgency === 'URGENT');
      expect(want.length).toBeGreaterThan(0);
      const overdue = await listAll(l.coordinatorQ, 'INBOX', { overdue: true });
      expect(ids(overdue)).toEqual(want);
      expect(overdue.every((row) => row.overdue)).toBe(true);
      const flagged = (await listAll(l.coordinatorQ, 'INBOX')).filter((row) => row.overdue);
      expect(ids(flagged)).toEqual(want);
      const counts = dataOf(await l.coordinatorQ.request<{ referralCounts: { overdue: number } }>(REFERRAL_COUNTS, { box: 'INBOX' })).referralCounts;
      expect(counts.overdue).toBe(want.length);
      // The sender sees the same referrals overdue in its outbox.
      expect(ids(await listAll(l.coordinatorP, 'OUTBOX', { overdue: true }))).toEqual(want.filter((id) => made.find((row) => row.id === id)!.from === 'p'));
    } finally {
      now.mockRestore();
    }
  });

  it('counts by status per box', async () => {
    const tally = (where: (row: (typeof made)[number]) => boolean) => {
      const counts: Record<string, number> = {};
      for (const row of made.filter(where)) counts[row.status] = (counts[row.status] ?? 0) + 1;
      return Object.entries(counts).map(([status, count]) => ({ status, count })).sort((x, y) => x.status.localeCompare(y.status));
    };
    const inbox = dataOf(await l.coordinatorQ.request<{ referralCounts: { byStatus: Array<{ status: string; count: number }>; overdue: number } }>(REFERRAL_COUNTS, { box: 'INBOX' })).referralCounts;
    expect(inbox.byStatus).toEqual(tally((row) => row.to === 'q' && row.status !== 'DRAFT'));
    expect(inbox.overdue).toBe(0);
    const outbox = dataOf(await l.coordinatorP.request<{ referralCounts: { byStatus: Array<{ status: string; count: number }> } }>(REFERRAL_COUNTS, { box: 'OUTBOX' })).referralCounts;
    expect(outbox.byStatus).toEqual(tally((row) => row.from === 'p'));
  });

  it('keyset pagination stays stable while new referrals arrive', async () => {
    const before = ids(await listAll(l.coordinatorQ, 'INBOX'));
    let pages = 0;
    const seen = ids(
      await allPages(async (after) => {
        const page = dataOf(await l.coordinatorQ.request<{ referrals: Page<ListedReferral> }>(REFERRAL_LIST, { box: 'INBOX', first: 3, after })).referrals;
        pages++;
        // A new referral arrives between every two pages: it is newer, so it never shows up later in this walk.
        const arrived = await createReferral(l.coordinatorR, { serviceId: serviceOfQ, ...ANONYMOUS });
        made.push({ id: arrived.id, urgency: 'NORMAL', needs: ['HOUSING'], status: 'SENT', from: 'r', to: 'q' });
        return page;
      }),
    );
    expect(pages).toBe(Math.ceil(before.length / 3));
    expect(seen).toEqual(before);
    // And the first page now starts with the newest arrival.
    const first = dataOf(await l.coordinatorQ.request<{ referrals: { nodes: ListedReferral[] } }>(REFERRAL_LIST, { box: 'INBOX', first: 1 })).referrals;
    expect(first.nodes[0].id).toBe(made[made.length - 1].id);
    expect(outcome(await l.coordinatorQ.request(REFERRAL_LIST, { box: 'INBOX', first: 3, after: 'not-a-cursor' }))).toBe('BAD_USER_INPUT');
  });

  it("a person's referral history is for the owning organisation only", async () => {
    const person = await createPerson(l.coordinatorP, fullPersonInput('history'));
    const one = await createReferral(l.coordinatorP, { serviceId: serviceOfQ, personId: person.id });
    const two = await createReferral(l.coordinatorP, { serviceId: serviceOfQ, personId: person.id }, false);
    const history = dataOf(await l.coordinatorP.request<{ personReferrals: Array<{ id: string; status: string; mySides: string[] }> }>(PERSON_REFERRALS, { personId: person.id })).personReferrals;
    expect(history).toEqual([
      { id: two.id, status: 'DRAFT', mySides: ['SENDER'] },
      { id: one.id, status: 'SENT', mySides: ['SENDER'] },
    ]);
    expect(outcome(await l.coordinatorQ.request(PERSON_REFERRALS, { personId: person.id }))).toBe('FORBIDDEN');
    expect(outcome(await l.coordinatorR.request(PERSON_REFERRALS, { personId: person.id }))).toBe('FORBIDDEN');
    expect(outcome(await clients.coordinatorA.request(PERSON_REFERRALS, { personId: person.id }))).toBe('NOT_FOUND');
  });

  it('the statements an inbox request runs do not grow with the page size', async () => {
    // 60 more in the inbox, a third of them with messages unread by Q and some read marks.
    const extra: string[] = [];
    for (let batch = 0; batch < 6; batch++) {
      extra.push(...(await Promise.all(Array.from({ length: 10 }, async () => (await createReferral(l.coordinatorP, { serviceId: serviceOfQ, ...ANONYMOUS })).id))));
    }
    await Promise.all(extra.filter((_, index) => index % 3 === 0).map((id) => l.coordinatorP.request(POST_MESSAGE, { id, body: 'ご確認ください' })));
    await Promise.all(extra.filter((_, index) => index % 6 === 0).map((id) => l.coordinatorQ.request(MARK_READ, { id })));

    // In process (startApi), every statement the API sends goes through PostgresQueryRunner.query.
    const spy = await t.statementSpy();
    const run = async (first: number) => {
      spy.mockClear();
      const response = await l.coordinatorQ.request<{ referrals: { nodes: ListedReferral[] } }>(REFERRAL_LIST, { box: 'INBOX', first });
      const nodes = dataOf(response).referrals.nodes;
      return { nodes, statements: spy.mock.calls.map((call) => String(call[0])) };
    };
    try {
      const small = await run(5);
      const large = await run(50);
      const again = await run(50);
      expect(small.nodes).toHaveLength(5);
      expect(large.nodes).toHaveLength(50);
      expect(large.nodes.some((node) => node.unreadMessages > 0)).toBe(true);
      expect(small.statements.length).toBeGreaterThan(0);
      expect(large.statements.length).toBe(small.statements.length);
      expect(again.statements.length).toBe(small.statements.length);
      // One of them reads the referrals, once.
      expect(large.statements.filter((statement) => /FROM referrals r/.test(statement))).toHaveLength(1);
    } finally {
      spy.mockRestore();
    }
  }, 120_000);
});

// --- isolation between networks -----------------------------------------------------------------

describe('another network’s referrals', () => {
  let foreignSent: string;
  let foreignDraft: string;
  let foreignPerson: string;
  let ownSent: string;

  beforeAll(async () => {
    foreignSent = (await createReferral(strangers.coordinatorX, { serviceId: serviceOfY, ...ANONYMOUS })).id;
    foreignDraft = (await createReferral(strangers.coordinatorX, { serviceId: serviceOfY, ...ANONYMOUS }, false)).id;
    foreignPerson = (await createPerson(strangers.coordinatorX, fullPersonInput('foreign'))).id;
    ownSent = (await createReferral(clients.coordinatorA, { serviceId: serviceOfB, ...ANONYMOUS })).id;
  });

  /** Every referral query and mutation that takes an id, for `id`. */
  function everything(client: SignedInClient, id: string): Array<[string, () => Promise<GraphQLResponse>]> {
    return [
      ['referral', () => detail(client, id)],
      ...MEMBER_ACTIONS.filter((action) => action !== 'FORWARD').map(
        (action): [string, () => Promise<GraphQLResponse>] => [`transitionReferral ${action}`, () => transition(client, id, action, '理由')],
      ),
      ['forwardReferral', () => forward(client, id, { serviceId: serviceOfC, reason: '理由' })],
      ['updateReferralDraft', () => client.request(UPDATE_DRAFT, { id, input: { serviceId: serviceOfB, reason: 'x', ...ANONYMOUS } })],
      ['postReferralMessage', () => client.request(POST_MESSAGE, { id, body: 'こんにちは' })],
      ['markReferralRead', () => client.request(MARK_READ, { id })],
      ['personReferrals', () => client.request(PERSON_REFERRALS, { personId: id })],
    ];
  }

  it('answers NOT_FOUND to every query and mutation with another network’s ids, and changes nothing', async () => {
    for (const client of [clients.coordinatorA, clients.coordinatorB]) {
      for (const id of [foreignSent, foreignDraft, foreignPerson]) {
        for (const [what, call] of everything(client, id)) expect([what, outcome(await call())]).toEqual([what, 'NOT_FOUND']);
      }
    }
    for (const id of [ownSent]) {
      for (const [what, call] of everything(strangers.coordinatorY, id)) expect([what, outcome(await call())]).toEqual([what, 'NOT_FOUND']);
    }
    expect(await statusOf(foreignSent)).toBe('SENT');
    expect(await statusOf(foreignDraft)).toBe('DRAFT');
    expect(await statusOf(ownSent)).toBe('SENT');
    expect(await countFor(sql, 'referral_messages', 'referral_id = ANY($1::uuid[])', [[foreignSent, foreignDraft, ownSent]])).toBe(0);
    expect(await countFor(sql, 'referral_reads', 'referral_id = ANY($1::uuid[])', [[foreignSent, foreignDraft, ownSent]])).toBe(0);
  }, 60_000);

  it('answers NOT_FOUND to ids that are not UUIDs', async () => {
    for (const id of ['not-a-uuid', '1', "'; DROP TABLE referrals; --", '00000000-0000-0000-0000-000000000000']) {
      for (const [what, call] of everything(clients.coordinatorA, id)) expect([id, what, outcome(await call())]).toEqual([id, what, 'NOT_FOUND']);
    }
  }, 60_000);

  it("cannot refer to another network's service or person", async () => {
    const service = await requestReferral(clients.coordinatorA, { serviceId: serviceOfY, reason: 'foreign service', ...ANONYMOUS });
    expect(outcome(service)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(service.body.errors)).toContain('serviceId');
    const person = await requestReferral(clients.coordinatorA, { serviceId: serviceOfB, reason: 'foreign person', personId: foreignPerson });
    expect(outcome(person)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(person.body.errors)).toContain('personId');
    expect(await countFor(sql, 'referrals', `reason IN ('foreign service', 'foreign person')`, [])).toBe(0);
    const sent = await createReferral(clients.coordinatorA, { serviceId: serviceOfB, ...ANONYMOUS });
    expect(outcome(await forward(clients.coordinatorB, sent.id, { serviceId: serviceOfY, reason: '港区へ' }))).toBe('BAD_USER_INPUT');
    expect(await statusOf(sent.id)).toBe('SENT');
  });

  it('lists and counts never hold another network’s referrals', async () => {
    const tenantsOf = async (rows: ListedReferral[]) => {
      if (rows.length === 0) return [];
      const found: Array<{ tenant_id: string }> = await sql.query(`SELECT DISTINCT tenant_id FROM referrals WHERE id = ANY($1::uuid[])`, [rows.map((row) => row.id)]);
      return found.map((row) => row.tenant_id);
    };
    for (const client of [clients.coordinatorA, clients.coordinatorB, clients.coordinatorC]) {
      for (const box of ['INBOX', 'OUTBOX'] as const) {
        const rows = await listAll(client, box);
        expect(ids(rows)).not.toContain(foreignSent);
        expect(await tenantsOf(rows)).not.toContain(other.tenantId);
      }
    }
    const theirs = await listAll(strangers.coordinatorY, 'INBOX');
    expect(theirs.map((row) => row.id)).toEqual([foreignSent]);
    expect(await tenantsOf(await listAll(strangers.coordinatorX, 'OUTBOX'))).toEqual([other.tenantId]);
    const counts = dataOf(await strangers.coordinatorX.request<{ referralCounts: { byStatus: Array<{ status: string; count: number }> } }>(REFERRAL_COUNTS, { box: 'OUTBOX' })).referralCounts;
    expect(counts.byStatus).toEqual([
      { status: 'DRAFT', count: 1 },
      { status: 'SENT', count: 1 },
    ]);
  });

  function ids(rows: ListedReferral[]) {
    return rows.map((row) => row.id);
  }
});

// --- the demo seed ------------------------------------------------------------------------------

// Last: it starts a second API in this process, and passport keeps one 'jwt' strategy per
// process, so nothing after it may use `api` (see people-records.spec.ts).
describe('the demo referrals', () => {
  const demo = setupDemoApiTest({ seedTwice: true });

  it('seeds every referral once, in its state, with its timeline, messages and provision records', async () => {
    const rows: Array<{ id: string; status: string; events: number; messages: number }> = await demo.sql.query(
      `SELECT r.id, r.status,
              (SELECT count(*)::int FROM referral_events e WHERE e.referral_id = r.id) AS events,
              (SELECT count(*)::int FROM referral_messages m WHERE m.referral_id = r.id) AS messages
         FROM referrals r WHERE r.tenant_id = $1 ORDER BY r.id`,
      [DEMO_NETWORK.id],
    );
    const now = new Date();
    const want = DEMO_REFERRALS.map((referral) => buildDemoReferral(referral, now))
      .map((built) => ({ id: built.demo.id, status: built.status, events: built.events.length, messages: built.demo.messages.length }))
      .sort((x, y) => x.id.localeCompare(y.id));
    expect(rows).toEqual(want);
    expect(new Set(rows.map((row) => row.status)).size).toBe(10);

    const provisions: Array<{ context: string; person_id: string; categories: string[]; consent_ids: string[] }> = await demo.sql.query(
      `SELECT context, person_id, categories, consent_ids FROM provision_records WHERE tenant_id = $1 AND context LIKE 'REFERRAL:%' ORDER BY context`,
      [DEMO_NETWORK.id],
    );
    const shared = DEMO_REFERRALS.filter((referral) => referral.personId && referral.sharedCategories.length > 0 && referral.steps.some((step) => step.action === 'SEND'));
    expect(provisions.map((row) => row.context)).toEqual(shared.map((referral) => `REFERRAL:${referral.id}`).sort());
    for (const row of provisions) {
      const referral = shared.find((candidate) => `REFERRAL:${candidate.id}` === row.context)!;
      expect(row.person_id).toBe(referral.personId);
      expect([...row.categories].sort()).toEqual([...referral.sharedCategories].sort());
      expect(row.consent_ids.length).toBeGreaterThan(0);
    }
  });

  it('reads back through the API for the demo coordinator: boxes, the overdue one, the timeline and the person under consent', async () => {
    const coordinator = await signInDemo(demo.api.url, 'coordinator');
    const komorebi = DEMO_NETWORK.organizations[1].id;
    const outbox = await listAll(coordinator, 'OUTBOX');
    expect(outbox.map((row) => row.id).sort()).toEqual(DEMO_REFERRALS.filter((referral) => referral.senderOrganizationId === komorebi).map((referral) => referral.id).sort());
    const inbox = await listAll(coordinator, 'INBOX');
    const toKomorebi = DEMO_REFERRALS.map((referral) => buildDemoReferral(referral, new Date())).filter((built) => built.receiverOrganizationId === komorebi && built.sentAt);
    expect(inbox.map((row) => row.id).sort()).toEqual(toKomorebi.map((built) => built.demo.id).sort());
    const overdue = await listAll(coordinator, 'OUTBOX', { overdue: true });
    expect(overdue.map((row) => row.id)).toEqual([demoReferralId(3)]);

    // 4: the support centre's person, shared with こもれび under its consent.
    const four = dataOf(await detail(coordinator, demoReferralId(4))).referral;
    expect(four.referral).toMatchObject({ status: 'ACCEPTED', mySides: ['RECEIVER'], availableActions: ['START', 'FORWARD'] });
    expect(four.person?.identity).toMatchObject({ access: 'DISCLOSED', values: { familyName: '小川' } });
    expect(four.events.map((event) => event.action)).toEqual(['CREATE', 'SEND', 'ACCEPT']);
    expect(four.messages).toHaveLength(2);

    // 9: completed by こもれび, the outcome on the sender's timeline.
    const soudan = await signInDemo(demo.api.url, 'councilCoordinator');
    const nine = dataOf(await detail(soudan, demoReferralId(9))).referral;
    expect(nine.referral).toMatchObject({ status: 'COMPLETED', mySides: ['SENDER'] });
    expect(nine.events[nine.events.length - 1]).toMatchObject({ action: 'COMPLETE', toStatus: 'COMPLETED', actorName: '伊藤 さくら' });
    expect(nine.referral['outcome']).toBe(nine.events[nine.events.length - 1].note);

    // The draft is the sender's only.
    const centre = await signInDemo(demo.api.url, 'admin');
    expect(outcome(await detail(centre, demoReferralId(1)))).toBe('NOT_FOUND');
    expect(dataOf(await detail(centre, demoReferralId(8))).referral.person?.categories.find((category) => category.category === 'HEALTH')).toMatchObject({ access: 'DISCLOSED' });
  });
});
