// Issue 14, findings 3, 4 and 9 on the referral paths, over HTTP against the real API and
// PostgreSQL: a referral's free text is the person's consultation data (forwarded only by choice
// and consent, with a provision record; erased with the person in every organisation's copy), a
// referral's shared categories bound what its receiver reads for REFERRAL (more only when the
// sender shares it), and STAFF learn of special-care data only as one marker.
import { DataSource } from 'typeorm';
import { outcome, SignedInClient, TestNetwork } from '../support/accounts';
import { RunningApi } from '../support/api';
import { setupApiTest } from '../support/harness';
import { oneOrganizationNetwork } from '../support/networks';
import { createPerson, dataOf, fullPersonInput, personSharingHealthWith, readPerson, recordConsent, REVOKE_CONSENT } from '../support/people';
import { countFor, createReceivingService, createReferral, forward, POST_MESSAGE, REFERRAL_FIELDS, transition } from '../support/referrals';

const t = setupApiTest({
  networks: {
    network: {
      slug: 'free-text-a',
      organizations: { a: 'NPO', b: 'NPO', c: 'SOCIAL_WELFARE_COUNCIL', d: 'MUNICIPALITY' },
      members: {
        adminA: ['a', ['ORG_ADMIN']],
        coordinatorA: ['a', ['COORDINATOR']],
        coordinatorB: ['b', ['COORDINATOR']],
        staffB: ['b', ['STAFF']],
        coordinatorC: ['c', ['COORDINATOR']],
        coordinatorD: ['d', ['COORDINATOR']],
      },
    },
    other: oneOrganizationNetwork('free-text-other', { x: 'NPO' }, { coordinatorX: ['COORDINATOR'] }),
  },
});
const clients = t.clients;
let api: RunningApi, sql: DataSource, network: TestNetwork, other: TestNetwork;
let stranger: SignedInClient;
let serviceOfB: string;
let serviceOfC: string;
let serviceOfD: string;

beforeAll(async () => {
  ({ api, sql, networks: { network, other } } = t);
  stranger = clients.coordinatorX;
  serviceOfB = await createReceivingService(clients.coordinatorB, '住まいの相談窓口');
  serviceOfC = await createReceivingService(clients.coordinatorC, '自立相談支援');
  serviceOfD = await createReceivingService(clients.coordinatorD, '福祉の総合窓口');
}, 60_000);

const DETAIL = `query Referral($id: ID!) {
  referral(id: $id) {
    referral { ${REFERRAL_FIELDS} textWithheldReason specialCareHidden }
    person { categories { category access withheldReason } }
    events { action note categories textWithheldReason }
    messages { body textWithheldReason }
  }
}`;
type Detail = {
  referral: {
    referral: { needs: string[]; reason: string | null; notes: string | null; outcome: string | null; textWithheldReason: string | null; sharedCategories: string[]; specialCareHidden: boolean };
    person: { categories: Array<{ category: string; access: string; withheldReason: string | null }> } | null;
    events: Array<{ action: string; note: string | null; categories: string[]; textWithheldReason: string | null }>;
    messages: Array<{ body: string | null; textWithheldReason: string | null }>;
  };
};
const detail = (client: SignedInClient, id: string, headers?: Record<string, string>) => client.request<Detail>(DETAIL, { id }, headers);

const PREVIEW = `query Preview($id: ID!, $serviceId: ID!) {
  referralForwardPreview(id: $id, serviceId: $serviceId) {
    receiverOrganization { id name } serviceName categories { category travels withheldReason }
    freeText freeTextCategory freeTextMayTravel freeTextWithheldReason
  }
}`;
type Preview = {
  referralForwardPreview: {
    receiverOrganization: { id: string };
    categories: Array<{ category: string; travels: boolean; withheldReason: string | null }>;
    freeText: string | null;
    freeTextCategory: string | null;
    freeTextMayTravel: boolean;
    freeTextWithheldReason: string | null;
  };
};
const REQUEST = `mutation Request($id: ID!, $categories: [PersonalDataCategory!]!, $reason: String!) {
  requestReferralCategories(id: $id, categories: $categories, reason: $reason) { id sharedCategories }
}`;
const SHARE = `mutation Share($id: ID!, $categories: [PersonalDataCategory!]!) { shareReferralCategories(id: $id, categories: $categories) { id sharedCategories } }`;

function categoryOf(person: { categories: Array<{ category: string; access: string; withheldReason: string | null }> }, category: string) {
  return person.categories.find((entry) => entry.category === category);
}

/** A person of a, a referral a → b (IDENTITY shared, with notes), accepted by b. */
async function acceptedReferral(marker: string, consentToB: string[] = ['IDENTITY', 'CONTACT', 'CONSULTATION']) {
  const person = await createPerson(clients.coordinatorA, fullPersonInput(marker));
  const consentB = await recordConsent(clients.coordinatorA, {
    personId: person.id,
    categories: consentToB,
    purposes: ['REFERRAL'],
    recipientOrganizationIds: [network.organizations.b],
  });
  const sent = await createReferral(clients.coordinatorA, {
    serviceId: serviceOfB,
    personId: person.id,
    reason: `紹介の理由${marker}`,
    notes: `元のメモ${marker}`,
    sharedCategories: ['IDENTITY'],
  });
  expect(outcome(await transition(clients.coordinatorB, sent.id, 'ACCEPT'))).toBe('OK');
  return { person, sent, consentB };
}

describe('forwarding: the original free text (finding 3)', () => {
  it('travels to the third organisation only when the forwarder chooses it and the person consented, with a provision record naming it', async () => {
    const { person, sent } = await acceptedReferral('fwd');
    await recordConsent(clients.coordinatorA, { personId: person.id, categories: ['IDENTITY'], purposes: ['REFERRAL'], recipientKinds: ['SOCIAL_WELFARE_COUNCIL'] });

    // The preview shows exactly what would travel: IDENTITY yes, the notes no (no CONSULTATION consent for c).
    const preview = dataOf(await clients.coordinatorB.request<Preview>(PREVIEW, { id: sent.id, serviceId: serviceOfC })).referralForwardPreview;
    expect(preview).toMatchObject({
      receiverOrganization: { id: network.organizations.c },
      categories: [{ category: 'IDENTITY', travels: true, withheldReason: null }],
      freeText: '元のメモfwd',
      freeTextCategory: 'CONSULTATION',
      freeTextMayTravel: false,
      freeTextWithheldReason: 'NO_CONSENT',
    });

    // Choosing the text without consent: refused with a clear code, nothing forwarded.
    const refused = await forward(clients.coordinatorB, sent.id, { serviceId: serviceOfC, reason: '社協へ', sharedCategories: ['IDENTITY'], forwardOriginalText: true });
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'FREE_TEXT_CONSENT_REQUIRED' });
    expect(await countFor(sql, 'referrals', 'forwarded_from_id = $1', [sent.id])).toBe(0);

    // Not chosen: the third organisation sees none of the original notes (before, they were copied).
    const done = dataOf(await forward(clients.coordinatorB, sent.id, { serviceId: serviceOfC, reason: '社協へ', sharedCategories: ['IDENTITY'] })).forwardReferral;
    const atC = dataOf(await detail(clients.coordinatorC, done.created.id)).referral;
    expect(atC.referral.notes).toBeNull();
    expect(JSON.stringify(atC)).not.toContain('元のメモfwd');
    const [stored] = await sql.query(`SELECT notes FROM referrals WHERE id = $1`, [done.created.id]);
    expect(stored.notes).toBeNull();
  });

  it('with consent for the third organisation and CONSULTATION, the chosen notes travel and the provision record names CONSULTATION', async () => {
    const { person, sent } = await acceptedReferral('fwdok');
    const toD = await recordConsent(clients.coordinatorA, {
      personId: person.id,
      categories: ['IDENTITY', 'CONSULTATION'],
      purposes: ['REFERRAL'],
      recipientOrganizationIds: [network.organizations.d],
    });
    const preview = dataOf(await clients.coordinatorB.request<Preview>(PREVIEW, { id: sent.id, serviceId: serviceOfD })).referralForwardPreview;
    expect(preview).toMatchObject({ freeText: '元のメモfwdok', freeTextMayTravel: true, freeTextWithheldReason: null });
    const done = dataOf(
      await forward(clients.coordinatorB, sent.id, { serviceId: serviceOfD, reason: '市へ', sharedCategories: ['IDENTITY'], forwardOriginalText: true }),
    ).forwardReferral;
    const atD = dataOf(await detail(clients.coordinatorD, done.created.id)).referral;
    expect(atD.referral.notes).toBe('元のメモfwdok');
    const records: Array<Record<string, unknown>> = await sql.query(
      `SELECT provider_organization_id, recipient_organization_id, categories, consent_ids, context FROM provision_records
        WHERE person_id = $1 AND recipient_organization_id = $2 AND context <> 'READ' ORDER BY context`,
      [person.id, network.organizations.d],
    );
    expect(records).toEqual([
      { provider_organization_id: network.organizations.b, recipient_organization_id: network.organizations.d, categories: ['IDENTITY'], consent_ids: [toD], context: `REFERRAL:${done.created.id}` },
      { provider_organization_id: network.organizations.b, recipient_organization_id: network.organizations.d, categories: ['CONSULTATION'], consent_ids: [toD], context: `REFERRAL_TEXT:${done.created.id}` },
    ]);
  });

  it('the preview is the parties’ only: another network gets NOT_FOUND', async () => {
    const { sent } = await acceptedReferral('fwdnf');
    expect(outcome(await stranger.request(PREVIEW, { id: sent.id, serviceId: serviceOfC }))).toBe('NOT_FOUND');
  });
});

describe('erasure: referral text (finding 4)', () => {
  it('replaces reason, notes, outcome, event notes and messages with a dated marker in every organisation’s copy, in the database too', async () => {
    const { person, sent } = await acceptedReferral('erase');
    await recordConsent(clients.coordinatorA, { personId: person.id, categories: ['IDENTITY', 'CONSULTATION'], purposes: ['REFERRAL'], recipientKinds: ['MUNICIPALITY'] });
    expect(outcome(await clients.coordinatorA.request(POST_MESSAGE, { id: sent.id, body: 'メッセージerase' }))).toBe('OK');
    const done = dataOf(
      await forward(clients.coordinatorB, sent.id, { serviceId: serviceOfD, reason: '転送理由erase', sharedCategories: ['IDENTITY'], forwardOriginalText: true }),
    ).forwardReferral;
    expect(outcome(await transition(clients.coordinatorD, done.created.id, 'ACCEPT'))).toBe('OK');
    expect(outcome(await transition(clients.coordinatorD, done.created.id, 'START'))).toBe('OK');
    expect(outcome(await transition(clients.coordinatorD, done.created.id, 'COMPLETE', '結果erase'))).toBe('OK');
    expect(outcome(await clients.coordinatorD.request(POST_MESSAGE, { id: done.created.id, body: 'お礼erase' }))).toBe('OK');

    const erased = await clients.adminA.request(`mutation($id: ID!, $p: String!) { erasePerson(id: $id, confirmPseudonym: $p) { status } }`, { id: person.id, p: person.pseudonym });
    expect(outcome(erased)).toBe('OK');
    const today = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
    const ja = `本人の求めにより消去（${today}）`;
    const en = `Erased at the person’s request (${today})`;

    for (const [client, id] of [
      [clients.coordinatorA, sent.id],
      [clients.coordinatorB, sent.id],
      [clients.coordinatorB, done.created.id],
      [clients.coordinatorD, done.created.id],
    ] as const) {
      const view = dataOf(await detail(client, id)).referral;
      expect(JSON.stringify(view)).not.toMatch(/erase[^d]|erase"/);
      expect(view.referral.reason).toBe(ja);
      expect(view.messages.every((message) => message.body === ja)).toBe(true);
      expect(view.events.filter((event) => event.note !== null).every((event) => event.note === ja)).toBe(true);
    }
    const atD = dataOf(await detail(clients.coordinatorD, done.created.id, { 'accept-language': 'en' })).referral;
    expect(atD.referral).toMatchObject({ reason: en, notes: en, outcome: en });

    // Below row-level security, as the database owner sees it: no original text is left.
    const leftovers: Array<{ count: number }> = await sql.query(
      `SELECT (SELECT count(*) FROM referrals WHERE concat_ws(' ', reason, notes, outcome) LIKE '%erase%')
            + (SELECT count(*) FROM referral_events WHERE note LIKE '%erase%')
            + (SELECT count(*) FROM referral_messages WHERE body LIKE '%erase%') AS count`,
    );
    expect(Number(leftovers[0].count)).toBe(0);
    expect(await countFor(sql, 'referral_messages', `referral_id = ANY($1::uuid[])`, [[sent.id, done.created.id]])).toBe(2);
  });
});

describe('the referral’s shared categories bound what its receiver reads (finding 9)', () => {
  it('withholds a consented category the sender did not share, until the sender shares it (with a provision record); revocation closes it again', async () => {
    const { person, sent, consentB } = await acceptedReferral('bound');
    // Direct read for REFERRAL: CONTACT is consented to b but not shared by the referral.
    let atB = await readPerson(clients.coordinatorB, person.id, 'REFERRAL');
    expect(categoryOf(atB, 'IDENTITY')).toMatchObject({ access: 'DISCLOSED' });
    expect(categoryOf(atB, 'CONTACT')).toMatchObject({ access: 'WITHHELD', withheldReason: 'NOT_SHARED' });
    expect(atB.contact.values).toBeNull();

    // b asks; a is told; a decides and shares, consent-checked, with a provision record.
    expect(outcome(await clients.coordinatorB.request(REQUEST, { id: sent.id, categories: ['CONTACT'], reason: '訪問の日程調整のため' }))).toBe('OK');
    const [notice] = await sql.query(
      `SELECT n.kind FROM notifications n JOIN memberships m ON m.id = n.membership_id WHERE n.referral_id = $1 AND m.organization_id = $2 AND n.kind = 'REFERRAL_CATEGORIES_REQUESTED'`,
      [sent.id, network.organizations.a],
    );
    expect(notice).toBeDefined();
    const asked = dataOf(await detail(clients.coordinatorA, sent.id)).referral.events.find((event) => event.action === 'REQUEST_CATEGORIES');
    expect(asked).toMatchObject({ note: '訪問の日程調整のため', categories: ['CONTACT'] });
    expect(outcome(await clients.coordinatorB.request(SHARE, { id: sent.id, categories: ['CONTACT'] }))).toBe('FORBIDDEN');
    // A category no consent covers for b cannot be shared.
    const noConsent = await clients.coordinatorA.request(SHARE, { id: sent.id, categories: ['FINANCIAL'] });
    expect(noConsent.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'CONSENT_REQUIRED' });
    const shared = dataOf(await clients.coordinatorA.request<{ shareReferralCategories: { sharedCategories: string[] } }>(SHARE, { id: sent.id, categories: ['CONTACT'] }));
    expect(shared.shareReferralCategories.sharedCategories).toEqual(['IDENTITY', 'CONTACT']);
    const record = await sql.query(
      `SELECT categories, consent_ids FROM provision_records WHERE person_id = $1 AND recipient_organization_id = $2 AND 'CONTACT' = ANY(categories)`,
      [person.id, network.organizations.b],
    );
    expect(record).toEqual([{ categories: ['CONTACT'], consent_ids: [consentB] }]);
    atB = await readPerson(clients.coordinatorB, person.id, 'REFERRAL');
    expect(categoryOf(atB, 'CONTACT')).toMatchObject({ access: 'DISCLOSED' });
    expect(atB.contact.values).toMatchObject({ phone: '03-0000-1234' });

    // The consent is revoked: closed again at once.
    expect(outcome(await clients.coordinatorA.request(REVOKE_CONSENT, { id: consentB, reason: '本人の申し出' }))).toBe('OK');
    atB = await readPerson(clients.coordinatorB, person.id, 'REFERRAL');
    expect(categoryOf(atB, 'CONTACT')).toMatchObject({ access: 'WITHHELD', withheldReason: 'CONSENT_REVOKED' });
    // And a revoked consent allows no more sharing.
    const afterRevoke = await clients.coordinatorA.request(SHARE, { id: sent.id, categories: ['CONSULTATION'] });
    expect(afterRevoke.body.errors?.[0]?.extensions).toMatchObject({ reason: 'CONSENT_REQUIRED' });
  });

  it('once the referral has ended, it opens nothing more for REFERRAL', async () => {
    const { person, sent } = await acceptedReferral('ended');
    expect(outcome(await transition(clients.coordinatorB, sent.id, 'START'))).toBe('OK');
    expect(outcome(await transition(clients.coordinatorB, sent.id, 'COMPLETE', '就労につながった'))).toBe('OK');
    const atB = await readPerson(clients.coordinatorB, person.id, 'REFERRAL');
    expect(categoryOf(atB, 'IDENTITY')).toMatchObject({ access: 'WITHHELD', withheldReason: 'NOT_SHARED' });
    expect(outcome(await clients.coordinatorB.request(REQUEST, { id: sent.id, categories: ['CONTACT'], reason: '追加' }))).toBe('CONFLICT');
  });

  it('the new operations are NOT_FOUND from another network', async () => {
    const { sent } = await acceptedReferral('bound-nf');
    expect(outcome(await stranger.request(REQUEST, { id: sent.id, categories: ['CONTACT'], reason: 'x' }))).toBe('NOT_FOUND');
    expect(outcome(await stranger.request(SHARE, { id: sent.id, categories: ['CONTACT'] }))).toBe('NOT_FOUND');
  });
});

/** A person of a with consents to share IDENTITY and HEALTH (special care, explained) with b for referral. */
function personSharingHealthWithB(marker: string) {
  return personSharingHealthWith(clients.coordinatorA, network.organizations.b, marker);
}

describe('STAFF and special-care data on referrals (finding 9)', () => {
  it('STAFF see one marker and no reason or notes of a referral sharing HEALTH; a coordinator sees all', async () => {
    const person = await personSharingHealthWithB('staff');
    const sent = await createReferral(clients.coordinatorA, {
      serviceId: serviceOfB,
      personId: person.id,
      reason: '通院の付き添いが必要staff',
      notes: '服薬の管理staff',
      sharedCategories: ['IDENTITY', 'HEALTH'],
    });
    const staff = dataOf(await detail(clients.staffB, sent.id)).referral.referral;
    expect(staff).toMatchObject({ sharedCategories: ['IDENTITY'], specialCareHidden: true, reason: null, notes: null, textWithheldReason: 'SPECIAL_CARE_HIDDEN' });
    const list = dataOf(await clients.staffB.request<{ referrals: { nodes: Array<Record<string, unknown>> } }>(
      `{ referrals(box: INBOX) { nodes { id reason notes sharedCategories specialCareHidden } } }`,
    )).referrals.nodes.find((node) => node.id === sent.id);
    expect(list).toMatchObject({ reason: null, notes: null, sharedCategories: ['IDENTITY'], specialCareHidden: true });
    const coordinator = dataOf(await detail(clients.coordinatorB, sent.id)).referral.referral;
    expect(coordinator).toMatchObject({
      sharedCategories: ['IDENTITY', 'HEALTH'],
      specialCareHidden: false,
      reason: '通院の付き添いが必要staff',
      notes: '服薬の管理staff',
      textWithheldReason: null,
    });
  });
});

describe('STAFF and the rest of a special-care referral’s free text (review of finding 9)', () => {
  /** A person of a sharing IDENTITY and HEALTH with b (needs include MENTAL_HEALTH), sent a → b. */
  async function healthReferral(marker: string) {
    const person = await personSharingHealthWithB(marker);
    return createReferral(clients.coordinatorA, {
      serviceId: serviceOfB,
      personId: person.id,
      reason: `理由${marker}`,
      needs: ['HOUSING', 'MENTAL_HEALTH'],
      sharedCategories: ['IDENTITY', 'HEALTH'],
    });
  }

  it('withholds messages, the decline reason and the category request reason from STAFF (null with the reason); a coordinator reads them', async () => {
    const sent = await healthReferral('sc-decline');
    expect(outcome(await clients.coordinatorA.request(POST_MESSAGE, { id: sent.id, body: '通院の状況sc-decline' }))).toBe('OK');
    expect(outcome(await clients.coordinatorB.request(REQUEST, { id: sent.id, categories: ['CONTACT', 'DISABILITY'], reason: '服薬の確認sc-decline' }))).toBe('OK');
    expect(outcome(await transition(clients.coordinatorB, sent.id, 'DECLINE', '精神科の対応が必要sc-decline'))).toBe('OK');

    const staff = dataOf(await detail(clients.staffB, sent.id)).referral;
    expect(JSON.stringify(staff)).not.toContain('sc-decline');
    expect(staff.messages).toEqual([{ body: null, textWithheldReason: 'SPECIAL_CARE_HIDDEN' }]);
    for (const action of ['REQUEST_CATEGORIES', 'DECLINE']) {
      expect(staff.events.find((event) => event.action === action)).toMatchObject({ note: null, textWithheldReason: 'SPECIAL_CARE_HIDDEN' });
    }
    // The request's categories (referral_events.categories) name no special-care category to STAFF.
    expect(staff.events.find((event) => event.action === 'REQUEST_CATEGORIES')?.categories).toEqual(['CONTACT']);
    // The special-care need is not shown to STAFF either, and filtering by it does not find the referral.
    expect(staff.referral).toMatchObject({ needs: ['HOUSING'], specialCareHidden: true });
    const byNeed = dataOf(
      await clients.staffB.request<{ referrals: { nodes: Array<{ id: string }> } }>(`{ referrals(box: INBOX, filter: { need: MENTAL_HEALTH }) { nodes { id } } }`),
    ).referrals.nodes;
    expect(byNeed.map((node) => node.id)).not.toContain(sent.id);

    const coordinator = dataOf(await detail(clients.coordinatorB, sent.id)).referral;
    expect(coordinator.referral.needs).toEqual(['HOUSING', 'MENTAL_HEALTH']);
    expect(coordinator.messages).toEqual([{ body: '通院の状況sc-decline', textWithheldReason: null }]);
    expect(coordinator.events.find((event) => event.action === 'DECLINE')).toMatchObject({ note: '精神科の対応が必要sc-decline', textWithheldReason: null });
    expect(coordinator.events.find((event) => event.action === 'REQUEST_CATEGORIES')).toMatchObject({ note: '服薬の確認sc-decline', categories: ['CONTACT', 'DISABILITY'] });
  });

  it('withholds the completion outcome (the COMPLETE event note) from STAFF; a coordinator reads it', async () => {
    const sent = await healthReferral('sc-complete');
    for (const action of ['ACCEPT', 'START']) expect(outcome(await transition(clients.coordinatorB, sent.id, action))).toBe('OK');
    expect(outcome(await transition(clients.coordinatorB, sent.id, 'COMPLETE', '通院に同行したsc-complete'))).toBe('OK');
    const staff = dataOf(await detail(clients.staffB, sent.id)).referral;
    expect(JSON.stringify(staff)).not.toContain('sc-complete');
    expect(staff.referral).toMatchObject({ outcome: null, textWithheldReason: 'SPECIAL_CARE_HIDDEN' });
    expect(staff.events.find((event) => event.action === 'COMPLETE')).toMatchObject({ note: null, textWithheldReason: 'SPECIAL_CARE_HIDDEN' });
    const coordinator = dataOf(await detail(clients.coordinatorB, sent.id)).referral;
    expect(coordinator.events.find((event) => event.action === 'COMPLETE')).toMatchObject({ note: '通院に同行したsc-complete', textWithheldReason: null });
    expect(coordinator.referral.outcome).toBe('通院に同行したsc-complete');
  });
});

describe('erasure: no new free text about an erased person (review of finding 4)', () => {
  it('stores messages, category requests, forward reasons and outcomes written after the erasure as the marker; the preview renders the marker', async () => {
    const { person, sent } = await acceptedReferral('late');
    const erased = await clients.adminA.request(`mutation($id: ID!, $p: String!) { erasePerson(id: $id, confirmPseudonym: $p) { status } }`, { id: person.id, p: person.pseudonym });
    expect(outcome(erased)).toBe('OK');
    const today = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);
    const ja = `本人の求めにより消去（${today}）`;

    // The forward preview renders the stored marker, never the raw ⟦ERASED:…⟧.
    const preview = dataOf(await clients.coordinatorB.request<Preview>(PREVIEW, { id: sent.id, serviceId: serviceOfD })).referralForwardPreview;
    expect(preview).toMatchObject({ freeText: ja, freeTextMayTravel: false, freeTextWithheldReason: 'ERASED' });

    const posted = await clients.coordinatorB.request<{ postReferralMessage: { body: string } }>(POST_MESSAGE, { id: sent.id, body: '訪問したlate-msg' });
    expect(dataOf(posted).postReferralMessage.body).toBe(ja);
    const done = dataOf(await forward(clients.coordinatorB, sent.id, { serviceId: serviceOfD, reason: '市へlate-fwd', sharedCategories: [] })).forwardReferral;
    expect(outcome(await transition(clients.coordinatorD, done.created.id, 'ACCEPT'))).toBe('OK');
    expect(outcome(await clients.coordinatorD.request(REQUEST, { id: done.created.id, categories: ['CONTACT'], reason: '連絡先late-req' }))).toBe('OK');
    expect(outcome(await transition(clients.coordinatorD, done.created.id, 'START'))).toBe('OK');
    expect(outcome(await transition(clients.coordinatorD, done.created.id, 'COMPLETE', '就労につながったlate-out'))).toBe('OK');

    const atD = dataOf(await detail(clients.coordinatorD, done.created.id)).referral;
    expect(JSON.stringify(atD)).not.toContain('late-');
    expect(atD.referral).toMatchObject({ reason: ja, outcome: ja });

    // Below row-level security, as the database owner sees it: none of the text was stored.
    const leftovers: Array<{ count: number }> = await sql.query(
      `SELECT (SELECT count(*) FROM referrals WHERE concat_ws(' ', reason, notes, outcome) LIKE '%late%')
            + (SELECT count(*) FROM referral_events WHERE note LIKE '%late%')
            + (SELECT count(*) FROM referral_messages WHERE body LIKE '%late%') AS count`,
    );
    expect(Number(leftovers[0].count)).toBe(0);
    expect(await countFor(sql, 'referral_messages', 'referral_id = $1', [sent.id])).toBe(1);
    expect(await countFor(sql, 'referral_events', `referral_id = $1 AND action = 'COMPLETE' AND note IS NOT NULL`, [done.created.id])).toBe(1);
  });
});
