// Demo referrals (つなぎ, DESIGN.md capability 3) for `npm start`: one in every state of the life
// cycle across the demo organisations, each with its timeline (who did what, when and why), a few
// messages, and — for those that handed personal data over — the provision record the API would
// have written (context REFERRAL:<id>), under the demo consents of demo-people.ts.
//
// Each referral is described by its steps; buildDemoReferral walks them through the domain's
// state machine (checkTransition with the acting member's side and roles), so a demo referral can
// only be one the API could have produced. Times are hours before seeding; fixed ids and inserts
// that skip existing rows make it idempotent (the first seeding fixes the dates).
import {
  checkTransition,
  decideForRecipient,
  DEFAULT_EXPIRY_GRACE_HOURS,
  DEFAULT_RESPONSE_HOURS,
  OrganizationKind,
  PERSONAL_DATA_CATEGORIES,
  PersonalDataCategory,
  ReferralAction,
  ReferralSide,
  ReferralStatus,
  ReferralUrgency,
  Role,
  ServiceCategory,
} from '@tsunagu/domain';
import type { EntityManager } from 'typeorm';
import { CONSENT_FACT_COLUMNS, describeAcquisition, toConsentRow } from '../core/personal-data/person-reader';
import { DEMO_EXTRA_ORGANIZATIONS, DEMO_SERVICES } from './demo-directory';
import { DEMO_NETWORK } from './demo-networks';

// Each referral's receiving organisation is its service's (demo-directory.ts), checked by
// buildDemoReferral.
const [SUPPORT_CENTER, KOMOREBI, , SHAKYO] = DEMO_NETWORK.organizations.map((organization) => organization.id);

const CENTER_ADMIN = 'admin@chuo.example.jp';
const COORDINATOR = 'coordinator@komorebi.example.jp';
const STAFF = 'staff@komorebi.example.jp';
const SOUDAN = 'soudan@shakyo-chuo.example.jp';

const service = (n: number) => `6f1d3c52-8a57-4a55-9e0b-2f0c6c1a80${String(n).padStart(2, '0')}`;
const person = (n: number) => `6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8a${String(n).padStart(2, '0')}`;
/** Referral n (1–99): its id, and the ids of its events, messages and provision record. */
export const demoReferralId = (n: number) => `6f1d3c52-8a57-4a55-9e0b-2f0c6c1a9a${String(n).padStart(2, '0')}`;
const eventId = (n: number, index: number) => `6f1d3c52-8a57-4a55-9e0b-2f0c6c1ae${String(n).padStart(2, '0')}${index.toString(16)}`;
const messageId = (n: number, index: number) => `6f1d3c52-8a57-4a55-9e0b-2f0c6c1ad${String(n).padStart(2, '0')}${index.toString(16)}`;
const provisionId = (n: number) => `6f1d3c52-8a57-4a55-9e0b-2f0c6c1ab${String(n).padStart(2, '0')}0`;

export type DemoStepAction = 'CREATE' | 'ESCALATE' | ReferralAction;

export interface DemoStep {
  readonly action: DemoStepAction;
  readonly hoursAgo: number;
  /** The member (email) who acted; null: the system (deadline jobs). */
  readonly by: string | null;
  /** Reason, outcome or note. */
  readonly note?: string;
  /** CREATE of a forwarded referral: the one it came from; FORWARD: the new one. */
  readonly related?: string;
}

export interface DemoReferral {
  readonly n: number;
  readonly id: string;
  readonly senderOrganizationId: string;
  readonly senderEmail: string;
  readonly serviceId: string;
  readonly personId: string | null;
  readonly anonymous: { readonly ageBand: string; readonly gender: string | null; readonly municipalityCode: string | null } | null;
  readonly needs: ServiceCategory[];
  readonly urgency: ReferralUrgency;
  readonly reason: string;
  readonly notes: string | null;
  readonly sharedCategories: PersonalDataCategory[];
  readonly forwardedFrom: string | null;
  readonly steps: readonly DemoStep[];
  readonly messages: ReadonlyArray<{ readonly by: string; readonly hoursAgo: number; readonly body: string }>;
}

const referral = (n: number, fields: Omit<DemoReferral, 'n' | 'id' | 'forwardedFrom' | 'messages' | 'notes' | 'sharedCategories'> &
  Partial<Pick<DemoReferral, 'forwardedFrom' | 'messages' | 'notes' | 'sharedCategories'>>): DemoReferral => ({
  n,
  id: demoReferralId(n),
  forwardedFrom: null,
  messages: [],
  notes: null,
  sharedCategories: [],
  ...fields,
});

/** Sent `hoursAgo`, created half an hour before. */
const created = (hoursAgo: number, by: string, related?: string): DemoStep[] => [
  { action: 'CREATE', hoursAgo: hoursAgo + 0.5, by, related },
  { action: 'SEND', hoursAgo, by },
];

export const DEMO_REFERRALS: DemoReferral[] = [
  // DRAFT: the staff member is still writing it (no consent used yet: nothing provided).
  referral(1, {
    senderOrganizationId: KOMOREBI, senderEmail: STAFF, serviceId: service(1), personId: person(1), anonymous: null,
    needs: ['EMPLOYMENT', 'IBASHO'], urgency: 'NORMAL', sharedCategories: ['CONSULTATION'],
    reason: '就労に向けた相談先を一緒に探してほしい（下書き）',
    steps: [{ action: 'CREATE', hoursAgo: 3, by: STAFF }],
  }),
  // SENT, answer not due yet: an anonymous case to the social welfare council.
  referral(2, {
    senderOrganizationId: KOMOREBI, senderEmail: COORDINATOR, serviceId: service(21), personId: null,
    anonymous: { ageBand: 'AGE_75_PLUS', gender: 'MALE', municipalityCode: '13102' },
    needs: ['OLDER_PEOPLE', 'IBASHO'], urgency: 'NORMAL',
    reason: '一人暮らしで外出が減っている方。見守り訪問をお願いできないでしょうか。',
    steps: created(20, COORDINATOR),
  }),
  // SENT and overdue (HIGH: 24 h), escalated by the deadline job: the legal centre, with the
  // person's consent to it (identity, contact, consultation, and the victimisation separately).
  referral(3, {
    senderOrganizationId: KOMOREBI, senderEmail: COORDINATOR, serviceId: service(61), personId: person(6), anonymous: null,
    needs: ['DV_SEXUAL_VIOLENCE', 'LEGAL'], urgency: 'HIGH', sharedCategories: ['IDENTITY', 'CONTACT', 'LEGAL', 'CONSULTATION'],
    reason: '避難後の離婚手続きと保護命令について、弁護士の相談につなぎたい',
    notes: '自宅への連絡・郵送は不可。本人の携帯にのみ連絡してください。',
    steps: [...created(30, COORDINATOR), { action: 'ESCALATE', hoursAgo: 6, by: null }],
    messages: [{ by: COORDINATOR, hoursAgo: 4, body: 'ご多忙のところ恐れ入ります。今週中にご連絡いただけると助かります。' }],
  }),
  // ACCEPTED: the support centre refers the person it registered to こもれび's salon.
  referral(4, {
    senderOrganizationId: SUPPORT_CENTER, senderEmail: CENTER_ADMIN, serviceId: service(6), personId: person(11), anonymous: null,
    needs: ['OLDER_PEOPLE', 'IBASHO'], urgency: 'NORMAL', sharedCategories: ['IDENTITY', 'CONTACT', 'CONSULTATION'],
    reason: '話し相手がほしいとのこと。こもれびカフェへの参加を希望されています。',
    steps: [...created(120, CENTER_ADMIN), { action: 'ACCEPT', hoursAgo: 100, by: COORDINATOR }],
    messages: [
      { by: COORDINATOR, hoursAgo: 99, body: 'お受けします。来週水曜のカフェにご案内します。' },
      { by: CENTER_ADMIN, hoursAgo: 96, body: 'ありがとうございます。ご本人にもお伝えしました。' },
    ],
  }),
  // DECLINED, with the reason.
  referral(5, {
    senderOrganizationId: KOMOREBI, senderEmail: STAFF, serviceId: service(4), personId: null,
    anonymous: { ageBand: 'AGE_18_29', gender: 'FEMALE', municipalityCode: '13102' },
    needs: ['GENERAL_CONSULTATION'], urgency: 'NORMAL',
    reason: '自宅への訪問相談を希望する若い方がいます。',
    steps: [...created(240, STAFF), { action: 'DECLINE', hoursAgo: 228, by: CENTER_ADMIN, note: '訪問サポートは現在65歳以上の方が対象です。こもれびのLINE相談から始めてはいかがでしょうか。' }],
  }),
  // EXPIRED: nobody answered (the receiving organisation has no members here yet).
  referral(6, {
    senderOrganizationId: KOMOREBI, senderEmail: COORDINATOR, serviceId: service(31), personId: null,
    anonymous: { ageBand: 'UNDER_18', gender: null, municipalityCode: '13102' },
    needs: ['CHILDREN_YOUTH', 'IBASHO'], urgency: 'URGENT',
    reason: '放課後に安心して過ごせる居場所を探している高校生です。',
    steps: [
      ...created(480, COORDINATOR),
      { action: 'ESCALATE', hoursAgo: 480 - DEFAULT_RESPONSE_HOURS.URGENT, by: null },
      { action: 'EXPIRE', hoursAgo: 480 - DEFAULT_RESPONSE_HOURS.URGENT - DEFAULT_EXPIRY_GRACE_HOURS, by: null },
    ],
  }),
  // CANCELLED by the sender before an answer.
  referral(7, {
    senderOrganizationId: KOMOREBI, senderEmail: COORDINATOR, serviceId: service(13), personId: null,
    anonymous: { ageBand: 'AGE_50_64', gender: 'NOT_STATED', municipalityCode: '13102' },
    needs: ['HOUSING'], urgency: 'HIGH',
    reason: '家賃の滞納で退去を求められている方の住まいの相談です。',
    steps: [...created(192, COORDINATOR), { action: 'CANCEL', hoursAgo: 186, by: COORDINATOR, note: 'ご本人が家主と話し合い、当面の退去は不要になりました。' }],
  }),
  // IN_PROGRESS: こもれび refers 青木 遥 to the support centre's visits, health included under its own consent.
  referral(8, {
    senderOrganizationId: KOMOREBI, senderEmail: COORDINATOR, serviceId: service(4), personId: person(1), anonymous: null,
    needs: ['MENTAL_HEALTH', 'IBASHO'], urgency: 'HIGH', sharedCategories: ['IDENTITY', 'CONTACT', 'HEALTH', 'CONSULTATION'],
    reason: '体調の波が大きく、こもれびに来られない時期の訪問をお願いしたい',
    steps: [
      ...created(336, COORDINATOR),
      { action: 'ACCEPT', hoursAgo: 320, by: CENTER_ADMIN },
      { action: 'START', hoursAgo: 300, by: CENTER_ADMIN },
    ],
    messages: [
      { by: CENTER_ADMIN, hoursAgo: 319, body: 'お受けします。初回訪問の日程をご本人と調整します。' },
      { by: COORDINATOR, hoursAgo: 318, body: '平日夜のメールが一番つながりやすいそうです。' },
      { by: CENTER_ADMIN, hoursAgo: 48, body: '2回目の訪問を終えました。次回は来月です。' },
    ],
  }),
  // COMPLETED with the outcome the sender reads.
  referral(9, {
    senderOrganizationId: SHAKYO, senderEmail: SOUDAN, serviceId: service(8), personId: null,
    anonymous: { ageBand: 'AGE_40_49', gender: 'MALE', municipalityCode: '13102' },
    needs: ['HIKIKOMORI', 'EMPLOYMENT'], urgency: 'NORMAL',
    reason: '10年近く自宅にいる40代の方。ご家族から相談があり、訪問支援をお願いしたい。',
    steps: [
      ...created(960, SOUDAN),
      { action: 'ACCEPT', hoursAgo: 940, by: COORDINATOR },
      { action: 'START', hoursAgo: 912, by: STAFF },
      { action: 'COMPLETE', hoursAgo: 240, by: STAFF, note: '月2回の訪問を経て、ひきこもり家族会と中間的就労につながりました。' },
    ],
    messages: [{ by: STAFF, hoursAgo: 240, body: '支援を完了にしました。ご紹介ありがとうございました。' }],
  }),
  // CLOSED_UNRESOLVED, with the reason.
  referral(10, {
    senderOrganizationId: KOMOREBI, senderEmail: COORDINATOR, serviceId: service(20), personId: null,
    anonymous: { ageBand: 'AGE_40_49', gender: 'MALE', municipalityCode: '13102' },
    needs: ['POVERTY'], urgency: 'NORMAL',
    reason: '日雇いで収入が不安定。生活福祉資金の相談をお願いしたい。',
    steps: [
      ...created(720, COORDINATOR),
      { action: 'ACCEPT', hoursAgo: 700, by: SOUDAN },
      { action: 'START', hoursAgo: 680, by: SOUDAN },
      { action: 'CLOSE_UNRESOLVED', hoursAgo: 360, by: SOUDAN, note: '2回目の面談以降、ご本人と連絡が取れなくなりました。' },
    ],
  }),
  // FORWARDED by the support centre to the social welfare council (referral 12).
  referral(11, {
    senderOrganizationId: KOMOREBI, senderEmail: COORDINATOR, serviceId: service(1), personId: null,
    anonymous: { ageBand: 'AGE_65_74', gender: 'FEMALE', municipalityCode: '13102' },
    needs: ['OLDER_PEOPLE', 'IBASHO'], urgency: 'NORMAL',
    reason: '近所付き合いがなく、地域の集まりに行ってみたい方です。',
    steps: [...created(144, COORDINATOR), { action: 'FORWARD', hoursAgo: 120, by: CENTER_ADMIN, note: '地域のサロンは社会福祉協議会が運営しています。', related: demoReferralId(12) }],
  }),
  // The forwarded one, accepted by the council.
  referral(12, {
    senderOrganizationId: SUPPORT_CENTER, senderEmail: CENTER_ADMIN, serviceId: service(19), personId: null,
    anonymous: { ageBand: 'AGE_65_74', gender: 'FEMALE', municipalityCode: '13102' },
    needs: ['OLDER_PEOPLE', 'IBASHO'], urgency: 'NORMAL', forwardedFrom: demoReferralId(11),
    reason: '地域のサロンは社会福祉協議会が運営しています。',
    steps: [...created(120, CENTER_ADMIN, demoReferralId(11)), { action: 'ACCEPT', hoursAgo: 96, by: SOUDAN }],
  }),
  // SENT an hour ago and urgent: waiting in こもれび's inbox.
  referral(13, {
    senderOrganizationId: SUPPORT_CENTER, senderEmail: CENTER_ADMIN, serviceId: service(10), personId: null,
    anonymous: { ageBand: 'AGE_18_29', gender: 'NOT_STATED', municipalityCode: null },
    needs: ['SUICIDE_PREVENTION', 'MENTAL_HEALTH'], urgency: 'URGENT',
    reason: 'チャット相談で「消えたい」と話した若い方。今夜のLINE相談につなぎたい。',
    steps: created(1, CENTER_ADMIN),
  }),
];

const HOUR_MS = 60 * 60 * 1000;

export interface DemoMember {
  readonly organizationId: string;
  readonly roles: readonly Role[];
}

/** The demo member of an email (organisation and roles), from demo-networks.ts. */
export function demoMember(email: string): DemoMember {
  for (const organization of DEMO_NETWORK.organizations) {
    const member = organization.members.find((candidate) => candidate.email === email);
    if (member) return { organizationId: organization.id, roles: member.roles };
  }
  throw new Error(`Demo referrals: no demo member ${email}`);
}

export function demoOrganizationKind(id: string): OrganizationKind {
  const organization =
    DEMO_NETWORK.organizations.find((candidate) => candidate.id === id) ??
    (DEMO_EXTRA_ORGANIZATIONS[DEMO_NETWORK.id] ?? []).find((candidate) => candidate.id === id);
  if (!organization) throw new Error(`Demo referrals: unknown organisation ${id}`);
  return organization.kind;
}

export interface BuiltEvent {
  readonly id: string;
  readonly action: DemoStepAction;
  readonly from: ReferralStatus | null;
  readonly to: ReferralStatus;
  readonly at: Date;
  readonly by: string | null;
  readonly organizationId: string | null;
  readonly note: string | null;
  readonly related: string | null;
}

export interface BuiltReferral {
  readonly demo: DemoReferral;
  readonly receiverOrganizationId: string;
  readonly serviceName: string;
  readonly status: ReferralStatus;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly sentAt: Date | null;
  readonly responseDueAt: Date | null;
  readonly expiresAt: Date | null;
  readonly escalatedAt: Date | null;
  readonly answeredAt: Date | null;
  readonly closedAt: Date | null;
  readonly outcome: string | null;
  readonly events: BuiltEvent[];
}

/**
 * Walks a demo referral's steps through the state machine and derives its row: refuses (throws)
 * any step the API would have refused, or a timeline out of order.
 */
export function buildDemoReferral(demo: DemoReferral, now: Date): BuiltReferral {
  const target = DEMO_SERVICES.find((candidate) => candidate.id === demo.serviceId && candidate.networkId === DEMO_NETWORK.id);
  if (!target) throw new Error(`Demo referral ${demo.n}: unknown service ${demo.serviceId}`);
  if (!target.acceptsReferrals) throw new Error(`Demo referral ${demo.n}: ${target.name} takes no referrals`);
  const receiver = target.organizationId;
  if (receiver === demo.senderOrganizationId) throw new Error(`Demo referral ${demo.n}: refers to its own organisation`);
  if (demoMember(demo.senderEmail).organizationId !== demo.senderOrganizationId) throw new Error(`Demo referral ${demo.n}: the sender is not a member of its organisation`);
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR_MS);
  const fail = (message: string) => new Error(`Demo referral ${demo.n}: ${message}`);

  let status: ReferralStatus | null = null;
  let previous = Infinity;
  const events: BuiltEvent[] = [];
  const times: Partial<Record<'sent' | 'escalated' | 'answered' | 'closed', Date>> = {};
  let outcome: string | null = null;
  for (const [index, step] of demo.steps.entries()) {
    if (step.hoursAgo > previous || step.hoursAgo < 0) throw fail(`step ${index} (${step.action}) is out of order`);
    previous = step.hoursAgo;
    const when = at(step.hoursAgo);
    const actor = step.by ? demoMember(step.by) : null;
    const from: ReferralStatus | null = status;
    if (step.action === 'CREATE') {
      if (index !== 0 || !actor || actor.organizationId !== demo.senderOrganizationId) throw fail('must start with its creation by the sender');
      status = 'DRAFT';
    } else if (step.action === 'ESCALATE') {
      if (actor || status !== 'SENT' || times.escalated) throw fail('only the system escalates, once, while awaiting a reply');
      if (!times.sent || when.getTime() < times.sent.getTime() + DEFAULT_RESPONSE_HOURS[demo.urgency] * HOUR_MS) throw fail('escalated before its deadline');
      times.escalated = when;
    } else {
      if (status === null) throw fail('acts before it exists');
      const sides: ReferralSide[] = [];
      if (actor?.organizationId === demo.senderOrganizationId) sides.push('SENDER');
      if (actor?.organizationId === receiver) sides.push('RECEIVER');
      const check = checkTransition(step.action, status, actor ? { sides, roles: actor.roles } : 'SYSTEM', step.note);
      if (!check.ok) throw fail(`${step.action} from ${status} by ${step.by ?? 'the system'}: ${check.problem}`);
      if (step.action === 'EXPIRE') {
        const expires = times.sent && new Date(times.sent.getTime() + (DEFAULT_RESPONSE_HOURS[demo.urgency] + DEFAULT_EXPIRY_GRACE_HOURS) * HOUR_MS);
        if (!expires || when < expires) throw fail('expired before its expiry');
      }
      if (step.action === 'SEND') times.sent = when;
      if (['ACCEPT', 'DECLINE'].includes(step.action) || (step.action === 'FORWARD' && !times.answered)) times.answered = when;
      if (['DECLINE', 'CANCEL', 'COMPLETE', 'CLOSE_UNRESOLVED', 'FORWARD', 'EXPIRE'].includes(step.action)) times.closed = when;
      if (step.action === 'COMPLETE') outcome = step.note ?? null;
      status = check.to;
    }
    events.push({
      id: eventId(demo.n, index),
      action: step.action,
      from,
      to: status as ReferralStatus,
      at: when,
      by: step.by,
      organizationId: actor?.organizationId ?? null,
      note: step.note ?? null,
      related: step.related ?? null,
    });
  }
  if (!status) throw fail('has no steps');
  const due = times.sent ? new Date(times.sent.getTime() + DEFAULT_RESPONSE_HOURS[demo.urgency] * HOUR_MS) : null;
  return {
    demo,
    receiverOrganizationId: receiver,
    serviceName: target.name,
    status,
    createdAt: events[0].at,
    updatedAt: events[events.length - 1].at,
    sentAt: times.sent ?? null,
    responseDueAt: due,
    expiresAt: due ? new Date(due.getTime() + DEFAULT_EXPIRY_GRACE_HOURS * HOUR_MS) : null,
    escalatedAt: times.escalated ?? null,
    answeredAt: times.answered ?? null,
    closedAt: times.closed ?? null,
    outcome,
    events,
  };
}

/** The day in Japan (provision records are dated in Japan time). */
function tokyoDate(instant: Date): string {
  return new Date(instant.getTime() + 9 * HOUR_MS).toISOString().slice(0, 10);
}

/** Seeds DEMO_REFERRALS into DEMO_NETWORK, after the demo people (inside the seeding transaction). */
export async function seedDemoReferrals(manager: EntityManager, now: Date = new Date()): Promise<void> {
  const tenantId = DEMO_NETWORK.id;
  const memberships = new Map<string, string>();
  const membership = async (email: string): Promise<string> => {
    const known = memberships.get(email);
    if (known) return known;
    const { organizationId } = demoMember(email);
    const [row]: Array<{ id: string }> = await manager.query(
      `SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.tenant_id = $1 AND m.organization_id = $2 AND u.email = $3`,
      [tenantId, organizationId, email],
    );
    if (!row) throw new Error(`Demo referrals: no membership of ${email}`);
    memberships.set(email, row.id);
    return row.id;
  };

  for (const demo of DEMO_REFERRALS) {
    const built = buildDemoReferral(demo, now);
    const inserted: Array<{ id: string }> = await manager.query(
      `INSERT INTO referrals (tenant_id, id, sender_organization_id, sender_membership_id, receiver_organization_id, service_id, service_name,
                              person_id, anonymous_age_band, anonymous_gender, anonymous_municipality_code, needs, urgency, reason, notes,
                              shared_categories, status, sent_at, response_due_at, expires_at, escalated_at, answered_at, closed_at, outcome,
                              forwarded_from_id, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27)
       ON CONFLICT (tenant_id, id) DO NOTHING RETURNING id`,
      [
        tenantId, demo.id, demo.senderOrganizationId, await membership(demo.senderEmail), built.receiverOrganizationId, demo.serviceId,
        built.serviceName, demo.personId, demo.anonymous?.ageBand ?? null, demo.anonymous?.gender ?? null, demo.anonymous?.municipalityCode ?? null,
        demo.needs, demo.urgency, demo.reason, demo.notes,
        PERSONAL_DATA_CATEGORIES.codes.filter((category) => demo.sharedCategories.includes(category)),
        built.status, built.sentAt, built.responseDueAt, built.expiresAt, built.escalatedAt, built.answeredAt, built.closedAt, built.outcome,
        demo.forwardedFrom, built.createdAt, built.updatedAt,
      ],
    );
    // Already there: its timeline, messages and provision were written with it.
    if (inserted.length === 0) continue;
    for (const event of built.events) {
      await manager.query(
        `INSERT INTO referral_events (tenant_id, id, referral_id, action, from_status, to_status, actor_membership_id, actor_organization_id,
                                      note, related_referral_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) ON CONFLICT (tenant_id, id) DO NOTHING`,
        [tenantId, event.id, demo.id, event.action, event.from, event.to, event.by ? await membership(event.by) : null, event.organizationId,
          event.note, event.related, event.at],
      );
    }
    for (const [index, message] of demo.messages.entries()) {
      const author = demoMember(message.by);
      await manager.query(
        `INSERT INTO referral_messages (tenant_id, id, referral_id, author_membership_id, author_organization_id, body, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT (tenant_id, id) DO NOTHING`,
        [tenantId, messageId(demo.n, index), demo.id, await membership(message.by), author.organizationId, message.body,
          new Date(now.getTime() - message.hoursAgo * HOUR_MS)],
      );
    }
    // Sent with the person's data: the provision record, under the consents that allowed it then.
    if (demo.personId && demo.sharedCategories.length > 0 && built.sentAt) {
      const rows: Array<Record<string, unknown>> = await manager.query(
        `SELECT ${CONSENT_FACT_COLUMNS} FROM consents c WHERE c.tenant_id = $1 AND c.person_id = $2`,
        [tenantId, demo.personId],
      );
      const consents = rows.map(toConsentRow);
      const recipient = { organizationId: built.receiverOrganizationId, organizationKind: demoOrganizationKind(built.receiverOrganizationId) };
      const categories = PERSONAL_DATA_CATEGORIES.codes.filter((category) => demo.sharedCategories.includes(category));
      const decisions = categories.map((category) => decideForRecipient(consents, recipient, 'REFERRAL', category, built.sentAt as Date));
      const withheld = categories.filter((_, index) => decisions[index].access !== 'DISCLOSED');
      if (withheld.length) throw new Error(`Demo referral ${demo.n}: no consent covers ${withheld.join(', ')}`);
      const consentIds = [...new Set(decisions.map((decision) => decision.consentId as string))].sort();
      await manager.query(
        `INSERT INTO provision_records (tenant_id, id, person_id, provider_organization_id, recipient_organization_id, categories, purpose,
                                        consent_ids, provider_acquisition, recipient_membership_id, context, provided_on, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'REFERRAL', $7, $8, NULL, $9, $10, $11, $11) ON CONFLICT DO NOTHING`,
        [tenantId, provisionId(demo.n), demo.personId, demo.senderOrganizationId, built.receiverOrganizationId, categories, consentIds,
          describeAcquisition(consents.filter((consent) => consentIds.includes(consent.id))), `REFERRAL:${demo.id}`,
          tokyoDate(built.sentAt), built.sentAt],
      );
    }
  }
}
