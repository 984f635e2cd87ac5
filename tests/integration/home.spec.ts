// The home page's query (issue 16): each role gets the sections that concern it, with counts
// that match the data; a member sees only their own organisation's waiting referrals, another
// network's data is never counted, and a person is never named on the home page (only the
// referral list's pseudonym, whatever the consent).
import { DataSource } from 'typeorm';
import { Clock } from '../../apps/api/src/core/time/clock';
import type { SignedInClient, TestNetwork } from '../support/accounts';
import { BOOKMARK_GRANT, daysFromNow, publishedGrant } from '../support/grants';
import { graphql } from '../support/graphql';
import { setupApiTest } from '../support/harness';
import { ASSIGN, ENROL } from '../support/learning';
import { twoNpoNetwork } from '../support/networks';
import { createPartnership, japanDay, recordMeeting } from '../support/partnerships';
import { createPerson, dataOf, fullPersonInput } from '../support/people';
import { createReceivingService, createReferral, POST_MESSAGE, REFERRAL_FIELDS, transition } from '../support/referrals';
import { buildCourse } from '../support/training';

const HOUR = 60 * 60 * 1000;

const HOME = `query Home {
  home {
    referrals { waiting overdue inProgress withUnreadMessages nearest { ${REFERRAL_FIELDS} } }
    partnerships {
      reviewsDue reviewWindowDays reviews { partnershipId title partnerName reviewOn overdue }
      followUpsDue followUpsOverdue followUpWindowDays followUps { partnershipId partnershipTitle followUp { id description dueOn overdue } }
    }
    grants { closingSoon windowDays grants { id title windowClosesAt } }
    courses { active overdue enrolments { id dueAt overdue course { id title } } }
    network { waitingReferrals overdueReferrals escalatedReferrals }
  }
}`;

interface HomeResult {
  referrals: {
    waiting: number;
    overdue: number;
    inProgress: number;
    withUnreadMessages: number;
    nearest: Array<{ id: string; urgency: string; personId: string | null; personPseudonym: string | null; receiverOrganization: { id: string } }>;
  } | null;
  partnerships: {
    reviewsDue: number;
    reviews: Array<{ partnershipId: string; title: string; reviewOn: string; overdue: boolean }>;
    followUpsDue: number;
    followUpsOverdue: number;
    followUps: Array<{ partnershipId: string; followUp: { description: string; dueOn: string; overdue: boolean } }>;
  } | null;
  grants: { closingSoon: number; grants: Array<{ id: string; title: string }> };
  courses: { active: number; overdue: number; enrolments: Array<{ id: string; dueAt: string | null; course: { id: string; title: string } }> };
  network: { waitingReferrals: number; overdueReferrals: number; escalatedReferrals: number } | null;
}

const t = setupApiTest({
  networks: {
    network: {
      slug: 'home-a',
      organizations: { a: 'NPO', b: 'NPO', c: 'NPO', city: 'MUNICIPALITY', hub: 'INTERMEDIARY' },
      members: {
        coordinatorA: ['a', ['COORDINATOR']],
        coordinatorB: ['b', ['COORDINATOR']],
        staffB: ['b', ['STAFF']],
        coordinatorC: ['c', ['COORDINATOR']],
        liaison: ['city', ['LIAISON']],
        editor: ['hub', ['GRANT_EDITOR']],
        trainer: ['hub', ['TRAINER']],
        admin: ['hub', ['NETWORK_ADMIN']],
      },
    },
    other: twoNpoNetwork('home-x', { names: ['x', 'y'], members: { adminX: ['x', ['NETWORK_ADMIN']] } }),
  },
});
const clients = t.clients;
let sql: DataSource, network: TestNetwork;
let serviceOfB: string, serviceOfA: string, serviceOfY: string;

beforeAll(async () => {
  ({ sql, networks: { network } } = t);
  serviceOfB = await createReceivingService(clients.coordinatorB, '住まいの相談');
  serviceOfA = await createReceivingService(clients.coordinatorA, '就労の相談');
  serviceOfY = await createReceivingService(clients.coordinatorY, '別ネットワークの相談');
});

afterEach(() => jest.restoreAllMocks());

async function homeOf(client: SignedInClient): Promise<HomeResult> {
  return dataOf(await client.request<{ home: HomeResult }>(HOME)).home;
}

/** A section the member's roles call for: present, or the test fails here. */
function present<T>(section: T | null | undefined): T {
  if (section === null || section === undefined) throw new Error('expected the section to be present');
  return section;
}

/** Referrals SENT in a network, read below row-level security: what the network section must count. */
async function sentIn(tenantId: string): Promise<number> {
  const [row]: Array<{ count: number }> = await sql.query(`SELECT count(*)::int AS count FROM referrals WHERE tenant_id = $1 AND status = 'SENT'`, [tenantId]);
  return row.count;
}

describe('the sections each role gets', () => {
  it('gives case workers referrals, liaisons partnerships, network admins the network, everyone grants and courses', async () => {
    const sections = async (client: SignedInClient) => {
      const home = await homeOf(client);
      return { referrals: home.referrals !== null, partnerships: home.partnerships !== null, network: home.network !== null, grants: !!home.grants, courses: !!home.courses };
    };
    expect(await sections(clients.coordinatorA)).toEqual({ referrals: true, partnerships: false, network: false, grants: true, courses: true });
    expect(await sections(clients.staffB)).toEqual({ referrals: true, partnerships: false, network: false, grants: true, courses: true });
    expect(await sections(clients.liaison)).toEqual({ referrals: false, partnerships: true, network: false, grants: true, courses: true });
    expect(await sections(clients.trainer)).toEqual({ referrals: false, partnerships: false, network: false, grants: true, courses: true });
    expect(await sections(clients.admin)).toEqual({ referrals: false, partnerships: false, network: true, grants: true, courses: true });
  });

  it('answers UNAUTHENTICATED when signed out', async () => {
    const response = await graphql(t.api.url, HOME);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('referrals waiting for our answer', () => {
  it('counts and lists only my organisation’s, nearest deadline first, overdue and unread counted, never another network’s', async () => {
    const before = await homeOf(clients.coordinatorB);
    expect(before.referrals).toMatchObject({ waiting: 0, overdue: 0, inProgress: 0, withUnreadMessages: 0, nearest: [] });

    const normal = await createReferral(clients.coordinatorA, { serviceId: serviceOfB, anonymousCase: { ageBand: 'AGE_30_39' }, urgency: 'NORMAL' });
    const urgent = await createReferral(clients.coordinatorC, { serviceId: serviceOfB, anonymousCase: { ageBand: 'AGE_18_29' }, urgency: 'URGENT' });
    // Sent to A, not B: B's home never shows it; a draft to B is not waiting either.
    const toA = await createReferral(clients.coordinatorC, { serviceId: serviceOfA, anonymousCase: { ageBand: 'UNKNOWN' }, urgency: 'URGENT' });
    await createReferral(clients.coordinatorC, { serviceId: serviceOfB, anonymousCase: { ageBand: 'UNKNOWN' } }, false);
    // Another network's referral.
    await createReferral(clients.coordinatorX, { serviceId: serviceOfY, anonymousCase: { ageBand: 'UNKNOWN' }, urgency: 'URGENT' });

    const home = await homeOf(clients.coordinatorB);
    expect(home.referrals).toMatchObject({ waiting: 2, overdue: 0, inProgress: 0, withUnreadMessages: 0 });
    expect(present(home.referrals).nearest.map((referral) => referral.id)).toEqual([urgent.id, normal.id]);
    expect(present(home.referrals).nearest.every((referral) => referral.receiverOrganization.id === network.organizations.b)).toBe(true);
    // Another member of the same organisation sees the same work.
    expect(present((await homeOf(clients.staffB)).referrals).nearest.map((referral) => referral.id)).toEqual([urgent.id, normal.id]);
    const ofA = await homeOf(clients.coordinatorA);
    expect(present(ofA.referrals).nearest.map((referral) => referral.id)).toEqual([toA.id]);

    // Past the urgent one's 4-hour deadline: overdue, as the list's overdue filter says.
    jest.spyOn(Clock.prototype, 'now').mockReturnValue(new Date(Date.now() + 5 * HOUR));
    expect((await homeOf(clients.coordinatorB)).referrals).toMatchObject({ waiting: 2, overdue: 1 });
    jest.restoreAllMocks();

    // A message from the sender: unread for B; B accepts the other: in progress, no longer waiting.
    dataOf(await clients.coordinatorA.request(POST_MESSAGE, { id: normal.id, body: '追加の連絡です' }));
    dataOf(await transition(clients.coordinatorB, urgent.id, 'ACCEPT'));
    expect((await homeOf(clients.coordinatorB)).referrals).toMatchObject({ waiting: 1, overdue: 0, inProgress: 1, withUnreadMessages: 1 });
    // The sender's side: a reply to its own message is not unread for A, B's accept is no message.
    expect(present((await homeOf(clients.coordinatorA)).referrals).withUnreadMessages).toBe(0);
  });

  it('counts the network’s waiting referrals for its network admin only, never another network’s', async () => {
    const home = await homeOf(clients.admin);
    expect(present(home.network).waitingReferrals).toBe(await sentIn(network.tenantId));
    expect(present(home.network).waitingReferrals).toBeGreaterThan(0);
    const otherHome = await homeOf(clients.adminX);
    expect(present(otherHome.network).waitingReferrals).toBe(await sentIn(t.networks.other.tenantId));
    expect(present(otherHome.network).waitingReferrals).not.toBe(present(home.network).waitingReferrals);
  });

  it('never names the person of a waiting referral: the pseudonym only, and nothing of their values without consent', async () => {
    const person = await createPerson(clients.coordinatorA, fullPersonInput('HOMEZ9'));
    // No consent recorded: the referral shares no category.
    const sent = await createReferral(clients.coordinatorA, { serviceId: serviceOfB, personId: person.id, sharedCategories: [], urgency: 'URGENT' });
    const home = await homeOf(clients.coordinatorB);
    const listed = present(home.referrals).nearest.find((referral) => referral.id === sent.id);
    expect(listed).toBeDefined();
    expect(present(listed).personPseudonym).toBe(sent['personPseudonym']);
    const text = JSON.stringify(home);
    for (const value of ['試験HOMEZ9', 'homez9@example.jp', '相談概要HOMEZ9', '03-0000-1234', 'ハナコ']) expect(text).not.toContain(value);
    // Nobody outside the owner reads the person's values for the home page: no access-log row.
    const [{ count }]: Array<{ count: number }> = await sql.query(`SELECT count(*)::int AS count FROM person_access_log WHERE person_id = $1`, [person.id]);
    expect(count).toBe(0);
  });
});

describe('partnership reviews and follow-ups (liaisons)', () => {
  it('counts my municipality’s reviews within 30 days and follow-ups due within 7 days or past', async () => {
    const soon = await createPartnership(clients.liaison, network.organizations.b, '居場所づくり委託', { reviewOn: japanDay(10) });
    await createPartnership(clients.liaison, network.organizations.a, '遠い見直し', { reviewOn: japanDay(60) });
    await recordMeeting(clients.liaison, soon.id, [
      { description: '報告書を受け取る', dueOn: japanDay(3) },
      { description: '予算を確認する', dueOn: japanDay(20) },
      { description: '名簿を更新する', dueOn: japanDay(1) },
    ]);
    // A follow-up already past its date (the API refuses to create one in the past).
    await sql.query(`UPDATE partnership_follow_ups SET due_on = $2::date WHERE partnership_id = $1 AND description = '名簿を更新する'`, [soon.id, japanDay(-2)]);

    const home = present((await homeOf(clients.liaison)).partnerships);
    expect(home.reviewsDue).toBe(1);
    expect(home.reviews).toEqual([{ partnershipId: soon.id, title: '居場所づくり委託', partnerName: expect.any(String), reviewOn: japanDay(10), overdue: false }]);
    expect(home).toMatchObject({ followUpsDue: 2, followUpsOverdue: 1 });
    expect(home.followUps.map(({ followUp }) => [followUp.description, followUp.overdue])).toEqual([
      ['名簿を更新する', true],
      ['報告書を受け取る', false],
    ]);
  });
});

describe('bookmarked grants closing soon and my courses', () => {
  it('lists my bookmarks closing within 14 days, nearest first, and only mine', async () => {
    const closing = await publishedGrant(clients.editor, '締切間近の助成', { windowClosesAt: daysFromNow(5) });
    const later = await publishedGrant(clients.editor, '締切が先の助成', { windowClosesAt: daysFromNow(40) });
    for (const grantId of [closing, later]) dataOf(await clients.coordinatorC.request(BOOKMARK_GRANT, { grantId }));
    const home = await homeOf(clients.coordinatorC);
    expect(home.grants.closingSoon).toBe(1);
    expect(home.grants.grants.map((grant) => grant.id)).toEqual([closing]);
    // Someone else's bookmarks are not mine.
    expect((await homeOf(clients.staffB)).grants.closingSoon).toBe(0);
  });

  it('lists my unfinished courses, assigned ones with the nearest due date first', async () => {
    const assigned = await buildCourse(clients.trainer, '個人情報の基本');
    const chosen = await buildCourse(clients.trainer, 'つなぎの実践');
    dataOf(await clients.coordinatorC.request(ENROL, { courseId: chosen.id }));
    dataOf(await clients.trainer.request(ASSIGN, { courseId: assigned.id, membershipIds: [network.members.coordinatorC.membershipId], dueAt: daysFromNow(3) }));
    const home = await homeOf(clients.coordinatorC);
    expect(home.courses).toMatchObject({ active: 2, overdue: 0 });
    expect(home.courses.enrolments.map((enrolment) => enrolment.course.title)).toEqual(['個人情報の基本', 'つなぎの実践']);
    jest.spyOn(Clock.prototype, 'now').mockReturnValue(new Date(Date.now() + 5 * 24 * HOUR));
    expect((await homeOf(clients.coordinatorC)).courses).toMatchObject({ active: 2, overdue: 1 });
    // Another network's member has none of these.
    expect((await homeOf(clients.coordinatorX)).courses.active).toBe(0);
  });
});
