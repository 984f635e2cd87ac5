// Demo partnerships (連携管理, DESIGN.md capability 6) for `npm start`: 中央区 福祉保健部 (its liaison
// liaison@city-chuo.example.jp) with six partnerships to organisations of several kinds — a
// 委託 with its budget, a 補助, a 協定, a 地域協議会, an informal exchange, and one ended — with
// contacts on both sides, review dates in the coming weeks, and meetings whose follow-ups are
// due soon (one tomorrow, so its reminder goes out on the next run).
//
// Every partnership goes through the module's own validation (validatePartnershipFields and
// validateInteractionFields), so it is one a liaison could have saved. Dates are days relative
// to seeding (Japan dates); fixed ids and inserts that skip existing rows make it idempotent,
// and a partnership's contacts, interactions and follow-ups are written only with the
// partnership itself, so later edits in the app are never undone by the next start.
import { japanDate, type ContactSide, type InteractionKind, type PartnershipStatus, type PartnershipType } from '@tsunagu/domain';
import type { EntityManager } from 'typeorm';
import { validateInteractionFields, validatePartnershipFields } from '../modules/partnerships/partnership-fields';
import { DEMO_ORGANIZATION_IDS } from './demo-directory';
import { DEMO_NETWORK } from './demo-networks';

const { SUPPORT_CENTER, KOMOREBI, CITY_WELFARE: CITY, SHAKYO, KODOMO_SHOKUDO, HIDAMARI, TABUNKA } = DEMO_ORGANIZATION_IDS;

export const DEMO_LIAISON = 'liaison@city-chuo.example.jp';
/** The municipality's grant editor, a colleague a follow-up can be assigned to. */
const CITY_COLLEAGUE = 'grants@city-chuo.example.jp';

/** Fixed ids: `…2f0c6c1b<kind><nnn>`, one hex digit per kind of row. */
const KINDS = { partnership: 1, contact: 2, interaction: 3, followUp: 4 } as const;
export function demoPartnershipRowId(kind: keyof typeof KINDS, n: number): string {
  return `6f1d3c52-8a57-4a55-9e0b-2f0c6c1b${KINDS[kind]}${String(n).padStart(3, '0')}`;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export interface DemoFollowUp {
  readonly description: string;
  readonly dueInDays: number;
  readonly assignee: typeof DEMO_LIAISON | typeof CITY_COLLEAGUE | null;
  readonly done: boolean;
}

export interface DemoInteraction {
  readonly kind: InteractionKind;
  readonly daysAgo: number;
  readonly attendees: string;
  readonly notes: string;
  readonly followUps: readonly DemoFollowUp[];
}

export interface DemoPartnership {
  readonly n: number;
  readonly partnerOrganizationId: string;
  readonly type: PartnershipType;
  readonly status: PartnershipStatus;
  readonly title: string;
  readonly description: string;
  /** Days from seeding (Japan dates); null: none. */
  readonly startsInDays: number | null;
  readonly endsInDays: number | null;
  readonly reviewInDays: number | null;
  readonly budgetYen: number | null;
  /** How long ago it was recorded (orders the list). */
  readonly createdDaysAgo: number;
  readonly contacts: ReadonlyArray<{ side: ContactSide; name: string; jobTitle?: string; email?: string; phone?: string }>;
  readonly interactions: readonly DemoInteraction[];
}

// Every person, address and programme here is invented (架空).
export const DEMO_PARTNERSHIPS: readonly DemoPartnership[] = [
  {
    n: 1,
    partnerOrganizationId: SHAKYO,
    type: 'CONTRACT',
    status: 'ACTIVE',
    title: '高齢者見守り訪問事業の委託',
    description: '一人暮らし高齢者の見守り訪問と安否確認を社会福祉協議会に委託する。月次で訪問件数と気になる世帯を報告。',
    startsInDays: -240,
    endsInDays: 125,
    reviewInDays: 21,
    budgetYen: 2_400_000,
    createdDaysAgo: 250,
    contacts: [
      { side: 'MUNICIPALITY', name: '渡辺 大輔', jobTitle: '福祉保健部 地域福祉課 係長', email: 'liaison@city-chuo.example.jp', phone: '03-0000-1001' },
      { side: 'PARTNER', name: '山本 直子', jobTitle: '地域福祉係 主任', email: 'trainer@shakyo-chuo.example.jp', phone: '03-0000-2001' },
    ],
    interactions: [
      {
        kind: 'MEETING',
        daysAgo: 12,
        attendees: '区：渡辺、中村／社協：山本、小林',
        notes: '上半期の訪問実績（延べ412件）を確認。冬季の訪問回数を増やす方向で来年度の仕様書を検討する。',
        followUps: [
          { description: '来年度仕様書の素案を社協に送る', dueInDays: 1, assignee: DEMO_LIAISON, done: false },
          { description: '上半期の実績報告書を受け取る', dueInDays: -5, assignee: CITY_COLLEAGUE, done: true },
        ],
      },
    ],
  },
  {
    n: 2,
    partnerOrganizationId: KODOMO_SHOKUDO,
    type: 'AGREEMENT',
    status: 'ACTIVE',
    title: '子ども食堂の食の支援に関する協定',
    description: '区内の子ども食堂への食材提供の調整、衛生講習の案内、気になる家庭の相談窓口へのつなぎについての協定。',
    startsInDays: -400,
    endsInDays: null,
    reviewInDays: 35,
    budgetYen: null,
    createdDaysAgo: 410,
    contacts: [
      { side: 'MUNICIPALITY', name: '渡辺 大輔', jobTitle: '地域福祉課 係長', email: 'liaison@city-chuo.example.jp' },
      { side: 'PARTNER', name: '松本 美穂', jobTitle: 'ネットワーク代表', email: 'info@kodomo-shokudo.example.jp', phone: '090-0000-3001' },
    ],
    interactions: [
      {
        kind: 'VISIT',
        daysAgo: 20,
        attendees: '区：渡辺／ネットワーク：松本ほか2名',
        notes: '月島の子ども食堂を訪問。参加世帯の増加で食材が不足気味との相談。',
        followUps: [{ description: 'フードバンクとの調整状況を連絡する', dueInDays: 4, assignee: DEMO_LIAISON, done: false }],
      },
    ],
  },
  {
    n: 3,
    partnerOrganizationId: SUPPORT_CENTER,
    type: 'COUNCIL',
    status: 'ACTIVE',
    title: '中央区生活困窮者支援地域協議会',
    description: '生活困窮者自立支援の関係機関による協議会。つながりサポートセンターが事務局。年4回開催。',
    startsInDays: -700,
    endsInDays: null,
    reviewInDays: 10,
    budgetYen: null,
    createdDaysAgo: 700,
    contacts: [
      { side: 'MUNICIPALITY', name: '渡辺 大輔', jobTitle: '地域福祉課 係長' },
      { side: 'PARTNER', name: '佐藤 美咲', jobTitle: '事務局長', email: 'admin@chuo.example.jp', phone: '03-0000-4001' },
    ],
    interactions: [],
  },
  {
    n: 4,
    partnerOrganizationId: KOMOREBI,
    type: 'INFORMAL',
    status: 'PROPOSED',
    title: 'ひきこもり支援の情報交換',
    description: 'ひきこもり家族会と区の相談窓口で、相談の傾向と支援の空きを定期的に共有する（任意の連携）。',
    startsInDays: null,
    endsInDays: null,
    reviewInDays: 28,
    budgetYen: null,
    createdDaysAgo: 30,
    contacts: [{ side: 'PARTNER', name: '田中 由美', jobTitle: '理事長', email: 'org-admin@komorebi.example.jp' }],
    interactions: [
      {
        kind: 'CALL',
        daysAgo: 6,
        attendees: '区：渡辺／こもれび：田中',
        notes: '家族会の開催日程と、区の窓口で受けた相談の件数感を共有。',
        followUps: [{ description: '家族会のチラシを窓口に置く', dueInDays: 7, assignee: CITY_COLLEAGUE, done: false }],
      },
    ],
  },
  {
    n: 5,
    partnerOrganizationId: HIDAMARI,
    type: 'SUBSIDY',
    status: 'UNDER_REVIEW',
    title: '子どもの学習支援事業補助',
    description: '生活困窮世帯の中高生向け学習支援の事業費を補助。来年度の継続可否を見直し中。',
    startsInDays: -235,
    endsInDays: 125,
    reviewInDays: 7,
    budgetYen: 1_200_000,
    createdDaysAgo: 240,
    contacts: [
      { side: 'MUNICIPALITY', name: '中村 恵', jobTitle: '地域福祉課', email: 'grants@city-chuo.example.jp' },
      { side: 'PARTNER', name: '石井 翼', jobTitle: '事業担当', phone: '03-0000-5001' },
    ],
    interactions: [],
  },
  {
    n: 6,
    partnerOrganizationId: TABUNKA,
    type: 'CONTRACT',
    status: 'ENDED',
    title: '多言語相談窓口の試行委託',
    description: '外国人住民向け多言語相談窓口の試行（半年間）。結果を踏まえ補助事業に移行。',
    startsInDays: -550,
    endsInDays: -370,
    reviewInDays: null,
    budgetYen: 800_000,
    createdDaysAgo: 560,
    contacts: [{ side: 'PARTNER', name: 'グエン・ミン', jobTitle: '相談員' }],
    interactions: [],
  },
];

function dayFrom(now: Date, days: number | null): string | null {
  return days === null ? null : japanDate(new Date(now.getTime() + days * DAY_MS));
}

/** The rows of a demo partnership at `now`, checked by the partnerships module's rules (throws otherwise). */
export function buildDemoPartnership(demo: DemoPartnership, now: Date) {
  const fields = validatePartnershipFields({
    partnerOrganizationId: demo.partnerOrganizationId,
    type: demo.type,
    title: demo.title,
    description: demo.description,
    startsOn: dayFrom(now, demo.startsInDays),
    endsOn: dayFrom(now, demo.endsInDays),
    reviewOn: dayFrom(now, demo.reviewInDays),
    budgetYen: demo.budgetYen,
    contacts: demo.contacts.map((contact) => ({ jobTitle: null, email: null, phone: null, ...contact })),
  });
  const interactions = demo.interactions.map((interaction) => ({
    demo: interaction,
    fields: validateInteractionFields({
      kind: interaction.kind,
      occurredOn: dayFrom(now, -interaction.daysAgo) as string,
      attendees: interaction.attendees,
      notes: interaction.notes,
      followUps: interaction.followUps.map((followUp) => ({ description: followUp.description, dueOn: dayFrom(now, followUp.dueInDays) as string })),
    }),
  }));
  return { fields, interactions, createdAt: new Date(now.getTime() - demo.createdDaysAgo * DAY_MS) };
}

export async function seedDemoPartnerships(manager: EntityManager, now: Date = new Date()): Promise<void> {
  const tenantId = DEMO_NETWORK.id;
  const membership = async (email: string): Promise<string> => {
    const [row]: Array<{ id: string }> = await manager.query(
      `SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.tenant_id = $1 AND m.organization_id = $2 AND u.email = $3`,
      [tenantId, CITY, email],
    );
    if (!row) throw new Error(`Demo partnerships: no membership of ${email} in the municipality`);
    return row.id;
  };
  const members = { [DEMO_LIAISON]: await membership(DEMO_LIAISON), [CITY_COLLEAGUE]: await membership(CITY_COLLEAGUE) };
  let contactN = 0;
  let interactionN = 0;
  let followUpN = 0;
  for (const demo of DEMO_PARTNERSHIPS) {
    const { fields, interactions, createdAt } = buildDemoPartnership(demo, now);
    const inserted: Array<{ id: string }> = await manager.query(
      `INSERT INTO partnerships (tenant_id, id, organization_id, partner_organization_id, created_by_membership_id, partnership_type, title,
                                 description, starts_on, ends_on, review_on, status, budget_yen, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)
       ON CONFLICT (tenant_id, id) DO NOTHING RETURNING id`,
      [tenantId, demoPartnershipRowId('partnership', demo.n), CITY, fields.partnerOrganizationId, members[DEMO_LIAISON], fields.type,
        fields.title, fields.description, fields.startsOn, fields.endsOn, fields.reviewOn, demo.status, fields.budgetYen, createdAt],
    );
    // Ids keep counting whether or not this partnership was new, so each row's id never changes.
    const contactIds = (fields.contacts ?? []).map(() => demoPartnershipRowId('contact', ++contactN));
    const interactionIds = interactions.map((interaction) => ({
      id: demoPartnershipRowId('interaction', ++interactionN),
      followUpIds: interaction.demo.followUps.map(() => demoPartnershipRowId('followUp', ++followUpN)),
    }));
    if (!inserted.length) continue;
    const partnershipId = demoPartnershipRowId('partnership', demo.n);
    for (const [position, contact] of (fields.contacts ?? []).entries()) {
      await manager.query(
        `INSERT INTO partnership_contacts (tenant_id, id, partnership_id, side, position, name, job_title, email, phone)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (tenant_id, id) DO NOTHING`,
        [tenantId, contactIds[position], partnershipId, contact.side, position, contact.name, contact.jobTitle, contact.email, contact.phone],
      );
    }
    for (const [index, { demo: interaction, fields: interactionFields }] of interactions.entries()) {
      const { id, followUpIds } = interactionIds[index];
      await manager.query(
        `INSERT INTO partnership_interactions (tenant_id, id, partnership_id, kind, occurred_on, attendees, notes, recorded_by_membership_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (tenant_id, id) DO NOTHING`,
        [tenantId, id, partnershipId, interactionFields.kind, interactionFields.occurredOn, interactionFields.attendees, interactionFields.notes,
          members[DEMO_LIAISON], new Date(now.getTime() - interaction.daysAgo * DAY_MS)],
      );
      for (const [followUpIndex, followUp] of (interactionFields.followUps ?? []).entries()) {
        const demoFollowUp = interaction.followUps[followUpIndex];
        await manager.query(
          `INSERT INTO partnership_follow_ups (tenant_id, id, partnership_id, interaction_id, description, due_on, assignee_membership_id, done_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (tenant_id, id) DO NOTHING`,
          [tenantId, followUpIds[followUpIndex], partnershipId, id, followUp.description, followUp.dueOn,
            demoFollowUp.assignee ? members[demoFollowUp.assignee] : null, demoFollowUp.done ? new Date(now.getTime() - 2 * DAY_MS) : null],
        );
      }
    }
  }
}
