// Demo grant listings (助成金・補助金情報, DESIGN.md capability 4) for `npm start`: 40 fictional
// listings of 中央区つながりネットワーク, published by つながりサポートセンター (grants@chuo.example.jp)
// and 中央区 福祉保健部 (grants@city-chuo.example.jp) — open now, closing within 7 days, and closed —
// with varied funders, themes, amounts and regions, a few public to every network; and a few
// bookmarks and applications of NPO法人こもれび.
//
// Every listing goes through the grants module's own validation (validateGrantFields) and search
// document (grantWritableValues), so it is one the editor could have saved. Times are days
// relative to seeding; fixed ids and inserts that skip existing rows make it idempotent (the
// first seeding fixes the dates).
import type { ApplicationStatus, FunderKind, GrantType, ServiceCategory } from '@tsunagu/domain';
import type { EntityManager } from 'typeorm';
import type { GrantInput } from '../modules/grants/dto/grants.input';
import { GRANT_WRITABLE_COLUMNS, GrantFields, grantWritableValues, validateGrantFields } from '../modules/grants/grant-fields';
import { DEMO_NETWORK } from './demo-networks';

const [SUPPORT_CENTER, KOMOREBI, CITY] = DEMO_NETWORK.organizations.map((organization) => organization.id);

export const DEMO_GRANT_EDITORS = { CENTER: 'grants@chuo.example.jp', CITY: 'grants@city-chuo.example.jp' } as const;
const KOMOREBI_COORDINATOR = 'coordinator@komorebi.example.jp';
const KOMOREBI_ADMIN = 'org-admin@komorebi.example.jp';

export const demoGrantId = (n: number) => `6f1d3c52-8a57-4a55-9e0b-2f0c6c1af1${String(n).padStart(2, '0')}`;
const bookmarkId = (n: number) => `6f1d3c52-8a57-4a55-9e0b-2f0c6c1af2${String(n).padStart(2, '0')}`;
const applicationId = (n: number) => `6f1d3c52-8a57-4a55-9e0b-2f0c6c1af3${String(n).padStart(2, '0')}`;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Where a listing's window stands at seeding: open, closing within 7 days, or already closed. */
export type DemoWindow = 'OPEN' | 'CLOSING_SOON' | 'CLOSED';

export interface DemoGrant {
  readonly n: number;
  readonly id: string;
  readonly publisher: 'CENTER' | 'CITY';
  readonly window: DemoWindow;
  /** Days from seeding: when the window opens and closes (17:00 in Tokyo on that day). */
  readonly opensInDays: number;
  readonly closesInDays: number;
  readonly input: Omit<GrantInput, 'windowOpensAt' | 'windowClosesAt'>;
}

type Row = readonly [
  title: string,
  funderName: string,
  funderKind: FunderKind,
  grantType: GrantType,
  themes: ServiceCategory[],
  amountMin: number | null,
  amountMax: number | null | 'UNLIMITED',
  subsidyRatePercent: number | null,
  regions: 'NATIONWIDE' | string[],
  summary: string,
  publisher: 'CENTER' | 'CITY',
  visibility: 'NETWORK' | 'PUBLIC',
];

// Every funder and programme here is invented (架空).
const ROWS: readonly Row[] = [
  ['子どもの居場所づくり活動助成', '公益財団法人みらい子ども財団', 'FOUNDATION', 'GRANT', ['IBASHO', 'CHILDREN_YOUTH'], 100_000, 1_000_000, null, 'NATIONWIDE', '放課後や休日に子どもが安心して過ごせる居場所の立ち上げ・運営を応援します。', 'CENTER', 'PUBLIC'],
  ['中央区地域福祉活動補助金', '中央区', 'MUNICIPALITY', 'SUBSIDY', ['GENERAL_CONSULTATION', 'OLDER_PEOPLE'], null, 500_000, 50, ['13102'], '区内で地域の支え合い活動を行う団体の経費の2分の1を補助します。', 'CITY', 'NETWORK'],
  ['東京都ひとり親家庭支援事業補助金', '東京都', 'PREFECTURE', 'SUBSIDY', ['PARENTING', 'POVERTY'], null, 3_000_000, 66.67, ['13000'], 'ひとり親家庭の生活・学習支援を行う民間団体の事業費を補助します。', 'CENTER', 'NETWORK'],
  ['フードバンク活動支援助成', '一般財団法人ひだまり福祉基金', 'FOUNDATION', 'GRANT', ['FOOD', 'POVERTY'], 50_000, 300_000, null, 'NATIONWIDE', '食品の寄贈受け入れ・配布に必要な冷蔵設備や車両の費用を助成します。', 'CENTER', 'PUBLIC'],
  ['高齢者見守りネットワーク推進委託', '中央区', 'MUNICIPALITY', 'CONTRACT', ['OLDER_PEOPLE'], 2_000_000, 2_000_000, null, ['13102'], '一人暮らし高齢者の見守り訪問と安否確認を区から委託します。', 'CITY', 'NETWORK'],
  ['ひきこもり支援ピアサポート助成', '公益財団法人こころのかけはし財団', 'FOUNDATION', 'GRANT', ['HIKIKOMORI', 'MENTAL_HEALTH'], null, 800_000, null, 'NATIONWIDE', '当事者・経験者によるピアサポート活動の運営費を助成します。', 'CENTER', 'NETWORK'],
  ['外国人住民のための多言語相談事業補助金', '東京都', 'PREFECTURE', 'SUBSIDY', ['FOREIGN_RESIDENTS', 'GENERAL_CONSULTATION'], null, 1_500_000, 50, ['13000'], '多言語による生活相談・通訳同行の事業費を補助します。', 'CENTER', 'NETWORK'],
  ['障害のある人の就労体験プログラム助成', '株式会社あおば銀行 社会貢献基金', 'COMPANY', 'GRANT', ['DISABILITY', 'EMPLOYMENT'], 100_000, 500_000, null, ['13000', '14000'], '地域の事業所と連携した就労体験の実施費用を助成します。', 'CENTER', 'NETWORK'],
  ['中央区子ども食堂運営費補助金', '中央区', 'MUNICIPALITY', 'SUBSIDY', ['FOOD', 'CHILDREN_YOUTH'], null, 240_000, 100, ['13102'], '区内の子ども食堂の食材費・会場費を1回あたり上限額の範囲で補助します。', 'CITY', 'NETWORK'],
  ['住まい確保支援モデル事業', '厚生労働省（架空モデル事業）', 'NATIONAL', 'SUBSIDY', ['HOUSING', 'POVERTY'], null, 10_000_000, 75, 'NATIONWIDE', '住宅確保が難しい方の入居支援と居住継続支援のモデル事業を補助します。', 'CENTER', 'PUBLIC'],
  ['DV被害者支援団体活動助成', '公益財団法人あかり女性基金', 'FOUNDATION', 'GRANT', ['DV_SEXUAL_VIOLENCE'], null, 1_200_000, null, 'NATIONWIDE', '相談・同行支援・シェルター運営の経費を助成します。', 'CENTER', 'NETWORK'],
  ['自殺対策地域連携事業補助金', '東京都', 'PREFECTURE', 'SUBSIDY', ['SUICIDE_PREVENTION', 'MENTAL_HEALTH'], null, 2_000_000, 50, ['13000'], 'ゲートキーパー養成や相談窓口の連携強化の取り組みを補助します。', 'CENTER', 'NETWORK'],
  ['地域の居場所づくりスタートアップ支援', '中央区', 'MUNICIPALITY', 'SUBSIDY', ['IBASHO'], null, 300_000, 100, ['13102'], '新たに居場所を開く団体の初期費用（備品・改修）を補助します。', 'CITY', 'NETWORK'],
  ['若者の就労準備支援プログラム委託', '東京都', 'PREFECTURE', 'CONTRACT', ['EMPLOYMENT', 'CHILDREN_YOUTH'], 5_000_000, 8_000_000, null, ['13000'], '就労に不安のある若者向け準備講座の企画運営を委託します。', 'CENTER', 'NETWORK'],
  ['LGBTQ相談窓口運営助成', '一般財団法人にじいろ未来基金', 'FOUNDATION', 'GRANT', ['LGBTQ', 'GENERAL_CONSULTATION'], null, 600_000, null, 'NATIONWIDE', '電話・SNS相談窓口の運営と相談員研修の費用を助成します。', 'CENTER', 'PUBLIC'],
  ['依存症の家族支援活動助成', '公益財団法人つむぎ財団', 'FOUNDATION', 'GRANT', ['ADDICTION'], null, 400_000, null, 'NATIONWIDE', '家族会・学習会の開催費用を助成します。', 'CENTER', 'NETWORK'],
  ['法律相談会開催支援', '一般社団法人まちの法律ネット', 'OTHER', 'IN_KIND', ['LEGAL'], null, null, null, ['13000'], '弁護士・司法書士を無償で派遣し、団体が開く無料法律相談会を支援します。', 'CENTER', 'NETWORK'],
  ['地域医療と福祉の連携推進助成', '公益財団法人すこやか医療福祉財団', 'FOUNDATION', 'GRANT', ['MEDICAL', 'OLDER_PEOPLE'], 200_000, 2_000_000, null, 'NATIONWIDE', '医療機関と福祉団体の連携による在宅支援の試行を助成します。', 'CENTER', 'NETWORK'],
  ['中央区子育てひろば運営補助金', '中央区', 'MUNICIPALITY', 'SUBSIDY', ['PARENTING'], null, 1_800_000, 66.67, ['13102'], '乳幼児と保護者が集うひろばの運営費を補助します。', 'CITY', 'NETWORK'],
  ['つながりアワード（地域福祉実践賞）', 'つながりサポートセンター', 'OTHER', 'PRIZE', ['GENERAL_CONSULTATION'], 100_000, 300_000, null, ['13102'], '中央区で優れた地域福祉の実践をしている団体を表彰し、副賞を贈ります。', 'CENTER', 'NETWORK'],
  ['生活困窮世帯の学習支援事業補助金', '中央区', 'MUNICIPALITY', 'SUBSIDY', ['CHILDREN_YOUTH', 'POVERTY'], null, 1_200_000, 100, ['13102'], '生活困窮世帯の中高生向け学習支援の事業費を補助します。', 'CITY', 'NETWORK'],
  ['障害者グループホーム開設支援補助金', '東京都', 'PREFECTURE', 'SUBSIDY', ['DISABILITY', 'HOUSING'], null, 20_000_000, 75, ['13000'], 'グループホームの新規開設に要する改修・備品費を補助します。', 'CENTER', 'NETWORK'],
  ['こころの健康づくり市民活動助成', '一般財団法人ひだまり福祉基金', 'FOUNDATION', 'GRANT', ['MENTAL_HEALTH'], null, 500_000, null, ['13000', '11000', '12000', '14000'], 'メンタルヘルスの普及啓発や当事者活動を助成します。', 'CENTER', 'NETWORK'],
  ['認知症カフェ運営補助金', '中央区', 'MUNICIPALITY', 'SUBSIDY', ['OLDER_PEOPLE', 'IBASHO'], null, 200_000, 100, ['13102'], '認知症の方と家族が集うカフェの運営費を補助します。', 'CITY', 'NETWORK'],
  ['休眠預金活用 地域の包括支援助成（架空）', '一般財団法人みんなのつなぎ基金', 'FOUNDATION', 'GRANT', ['GENERAL_CONSULTATION', 'POVERTY', 'HOUSING'], 5_000_000, 'UNLIMITED', 80, 'NATIONWIDE', '複合的な課題を抱える世帯への包括的な支援体制づくりを、複数年で助成します（上限なし・事業規模に応じて審査）。', 'CENTER', 'PUBLIC'],
  ['ヤングケアラー支援事業補助金', '東京都', 'PREFECTURE', 'SUBSIDY', ['CHILDREN_YOUTH', 'PARENTING'], null, 2_500_000, 50, ['13000'], 'ヤングケアラーの相談・居場所・家事支援の事業費を補助します。', 'CENTER', 'NETWORK'],
  ['防災と要配慮者支援の地域訓練助成', '株式会社みなと損害保険 地域貢献プログラム', 'COMPANY', 'GRANT', ['DISABILITY', 'OLDER_PEOPLE'], null, 300_000, null, ['13000'], '高齢者・障害者を含む地域の避難訓練の実施費用を助成します。', 'CENTER', 'NETWORK'],
  ['中央区ボランティア活動推進補助金', '中央区', 'MUNICIPALITY', 'SUBSIDY', ['GENERAL_CONSULTATION'], null, 100_000, 50, ['13102'], 'ボランティア養成講座や活動保険の費用を補助します。', 'CITY', 'NETWORK'],
  ['子ども若者の体験活動助成', '公益財団法人みらい子ども財団', 'FOUNDATION', 'GRANT', ['CHILDREN_YOUTH'], null, 700_000, null, 'NATIONWIDE', '経済的な理由で体験の機会が少ない子どもへの自然・文化体験を助成します。', 'CENTER', 'NETWORK'],
  ['就労継続支援事業所の販路開拓支援', '東京都', 'PREFECTURE', 'SUBSIDY', ['DISABILITY', 'EMPLOYMENT'], null, 1_000_000, 66.67, ['13000'], '福祉事業所の商品開発・販路開拓の経費を補助します。', 'CENTER', 'NETWORK'],
  ['中央区生活困窮者自立支援 相談員研修委託', '中央区', 'MUNICIPALITY', 'CONTRACT', ['POVERTY', 'GENERAL_CONSULTATION'], 800_000, 1_000_000, null, ['13102'], '相談支援員向け研修の企画・実施を委託します。', 'CITY', 'NETWORK'],
  ['医療的ケア児の家族支援助成', '公益財団法人すこやか医療福祉財団', 'FOUNDATION', 'GRANT', ['MEDICAL', 'PARENTING', 'DISABILITY'], null, 1_000_000, null, 'NATIONWIDE', '医療的ケア児と家族のレスパイト・交流の取り組みを助成します。', 'CENTER', 'NETWORK'],
  ['外国ルーツの子どもの学習支援助成', '一般財団法人にじいろ未来基金', 'FOUNDATION', 'GRANT', ['FOREIGN_RESIDENTS', 'CHILDREN_YOUTH'], null, 500_000, null, ['13000', '14000'], '日本語学習と教科学習の支援教室の運営費を助成します。', 'CENTER', 'NETWORK'],
  ['中央区高齢者サロン運営補助金', '中央区', 'MUNICIPALITY', 'SUBSIDY', ['OLDER_PEOPLE', 'IBASHO'], null, 150_000, 100, ['13102'], '地域の高齢者サロンの会場費・茶菓代を補助します。', 'CITY', 'NETWORK'],
  ['シングルマザーの就労・住まい支援助成', '公益財団法人あかり女性基金', 'FOUNDATION', 'GRANT', ['PARENTING', 'HOUSING', 'EMPLOYMENT'], null, 900_000, null, 'NATIONWIDE', '就労支援と住まいの確保を一体で行う取り組みを助成します。', 'CENTER', 'NETWORK'],
  ['福祉車両の寄贈プログラム', '株式会社あおば銀行 社会貢献基金', 'COMPANY', 'IN_KIND', ['OLDER_PEOPLE', 'DISABILITY'], null, null, null, ['13000'], '送迎に使う福祉車両（軽自動車）を寄贈します。', 'CENTER', 'NETWORK'],
  ['孤独・孤立対策 官民連携プラットフォーム助成', '内閣府（架空連携事業）', 'NATIONAL', 'SUBSIDY', ['IBASHO', 'MENTAL_HEALTH', 'HIKIKOMORI'], null, 5_000_000, 75, 'NATIONWIDE', '孤独・孤立の予防と相談支援の連携体制づくりを補助します。', 'CENTER', 'NETWORK'],
  ['中央区ひとり親家庭ホームヘルプ委託', '中央区', 'MUNICIPALITY', 'CONTRACT', ['PARENTING'], 1_500_000, 1_500_000, null, ['13102'], 'ひとり親家庭への家事援助ヘルパー派遣を委託します。', 'CITY', 'NETWORK'],
  ['アルコール依存症の回復支援活動助成', '公益財団法人つむぎ財団', 'FOUNDATION', 'GRANT', ['ADDICTION', 'MEDICAL'], null, 600_000, null, ['13000'], '回復支援施設と地域団体の連携プログラムを助成します。', 'CENTER', 'NETWORK'],
  ['中央区食品ロス削減・フードドライブ補助金', '中央区', 'MUNICIPALITY', 'SUBSIDY', ['FOOD'], null, 100_000, 50, ['13102'], 'フードドライブの回収箱・保管棚の購入費を補助します。', 'CITY', 'NETWORK'],
];

/** The window of listing i: three in five open, one closing within 7 days, one closed. */
function windowOf(index: number): { window: DemoWindow; opensInDays: number; closesInDays: number } {
  switch (index % 5) {
    case 3:
      return { window: 'CLOSING_SOON', opensInDays: -30 - (index % 4) * 5, closesInDays: 1 + (index % 6) };
    case 4:
      return { window: 'CLOSED', opensInDays: -60 - (index % 3) * 10, closesInDays: -(2 + ((index * 7) % 30)) };
    default:
      return { window: 'OPEN', opensInDays: -(3 + ((index * 5) % 25)), closesInDays: 10 + ((index * 11) % 60) };
  }
}

export const DEMO_GRANTS: readonly DemoGrant[] = ROWS.map((row, index) => {
  const [title, funderName, funderKind, grantType, themes, amountMin, amountMax, rate, regions, summary, publisher, visibility] = row;
  const n = index + 1;
  const unlimited = amountMax === 'UNLIMITED';
  return {
    n,
    id: demoGrantId(n),
    publisher,
    ...windowOf(index),
    input: {
      title,
      funderName,
      funderKind,
      summary,
      detailsHtml: `<h3>対象となる活動</h3><p>${summary}</p><h3>対象団体</h3><ul><li>NPO法人・一般社団法人・任意団体など非営利の団体</li><li>${regions === 'NATIONWIDE' ? '全国' : '対象地域'}で活動していること</li></ul><p>詳しくは募集要項をご覧ください（この募集は架空のデモデータです）。</p>`,
      grantType,
      amountMin,
      amountMax: unlimited ? null : amountMax,
      amountUnlimited: unlimited,
      subsidyRatePercent: rate,
      projectStartsOn: null,
      projectEndsOn: null,
      eligibleKinds: grantType === 'CONTRACT' ? ['NPO', 'SOCIAL_WELFARE_COUNCIL'] : ['NPO', 'OTHER'],
      legalForms: grantType === 'CONTRACT' ? ['NPO_CORPORATION', 'GENERAL_INCORPORATED_ASSOCIATION', 'SOCIAL_WELFARE_CORPORATION'] : [],
      nationwide: regions === 'NATIONWIDE',
      regionCodes: regions === 'NATIONWIDE' ? [] : regions,
      themes,
      applicationUrl: `https://grants.example.jp/demo/${n}`,
      contact: publisher === 'CITY' ? '中央区 福祉保健部 地域福祉課（03-0000-0000）' : 'つながりサポートセンター 助成金相談窓口',
      visibility,
    },
  };
});

/** A day `days` from `now`, at 17:00 in Tokyo (08:00 UTC). */
function dayAt17(now: Date, days: number): Date {
  const day = new Date(now.getTime() + days * DAY_MS);
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 8, 0, 0));
}

export interface BuiltDemoGrant {
  readonly demo: DemoGrant;
  readonly fields: GrantFields;
  readonly status: 'PUBLISHED' | 'CLOSED';
  readonly publishedAt: Date;
  readonly closedAt: Date | null;
}

/** The listing as seeded at `now`, checked by the editor's rules (throws when it breaks them). */
export function buildDemoGrant(demo: DemoGrant, now: Date): BuiltDemoGrant {
  let windowOpensAt = dayAt17(now, demo.opensInDays);
  let windowClosesAt = dayAt17(now, demo.closesInDays);
  // Closing "soon" stays within 7 days and after now, whatever the hour of seeding.
  if (demo.window === 'CLOSING_SOON' && windowClosesAt.getTime() <= now.getTime()) windowClosesAt = new Date(windowClosesAt.getTime() + DAY_MS);
  if (demo.window === 'CLOSED' && windowClosesAt.getTime() >= now.getTime()) windowClosesAt = new Date(now.getTime() - DAY_MS);
  if (windowOpensAt.getTime() >= windowClosesAt.getTime()) windowOpensAt = new Date(windowClosesAt.getTime() - 30 * DAY_MS);
  const fields = validateGrantFields({ ...demo.input, windowOpensAt, windowClosesAt });
  const closed = demo.window === 'CLOSED';
  return {
    demo,
    fields,
    status: closed ? 'CLOSED' : 'PUBLISHED',
    publishedAt: new Date(Math.min(windowOpensAt.getTime(), now.getTime()) - DAY_MS),
    closedAt: closed ? windowClosesAt : null,
  };
}

/** Bookmarks of こもれび's members and こもれび's applications (to open, closing and closed listings). */
export const DEMO_GRANT_BOOKMARKS: ReadonlyArray<{ readonly n: number; readonly email: string; readonly grant: number }> = [
  { n: 1, email: KOMOREBI_COORDINATOR, grant: 1 },
  { n: 2, email: KOMOREBI_COORDINATOR, grant: 4 },
  { n: 3, email: KOMOREBI_COORDINATOR, grant: 13 },
  { n: 4, email: KOMOREBI_ADMIN, grant: 3 },
  { n: 5, email: KOMOREBI_ADMIN, grant: 9 },
];

export const DEMO_GRANT_APPLICATIONS: ReadonlyArray<{
  readonly n: number;
  readonly grant: number;
  readonly status: ApplicationStatus;
  readonly amountRequested: number | null;
  readonly amountAwarded: number | null;
  readonly notes: string | null;
}> = [
  { n: 1, grant: 1, status: 'PLANNING', amountRequested: 800_000, amountAwarded: null, notes: '事業計画書を作成中。理事会で承認を得てから申請する。' },
  { n: 2, grant: 4, status: 'APPLIED', amountRequested: 240_000, amountAwarded: null, notes: '締切前に申請済み。結果は翌月末に通知予定。' },
  { n: 3, grant: 5, status: 'AWARDED', amountRequested: 1_000_000, amountAwarded: 900_000, notes: '採択。報告書は事業終了後30日以内。' },
  { n: 4, grant: 10, status: 'REJECTED', amountRequested: 2_000_000, amountAwarded: null, notes: null },
];

export async function seedDemoGrants(manager: EntityManager, now: Date = new Date()): Promise<void> {
  const tenantId = DEMO_NETWORK.id;
  const membership = async (email: string): Promise<string> => {
    const [row]: Array<{ id: string }> = await manager.query(
      `SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.tenant_id = $1 AND u.email = $2 LIMIT 1`,
      [tenantId, email],
    );
    if (!row) throw new Error(`Demo grants: no membership of ${email}`);
    return row.id;
  };
  const editors = { CENTER: await membership(DEMO_GRANT_EDITORS.CENTER), CITY: await membership(DEMO_GRANT_EDITORS.CITY) };
  const organizations = { CENTER: SUPPORT_CENTER, CITY };

  for (const demo of DEMO_GRANTS) {
    const built = buildDemoGrant(demo, now);
    const values = await grantWritableValues(built.fields);
    await manager.query(
      `INSERT INTO grants (tenant_id, id, organization_id, created_by_membership_id, status, published_at, closed_at,
                           ${GRANT_WRITABLE_COLUMNS.join(', ')})
       VALUES ($1, $2, $3, $4, $5, $6, $7, ${GRANT_WRITABLE_COLUMNS.map((_, index) => `$${index + 8}`).join(', ')})
       ON CONFLICT (tenant_id, id) DO NOTHING`,
      [tenantId, demo.id, organizations[demo.publisher], editors[demo.publisher], built.status, built.publishedAt, built.closedAt, ...values],
    );
  }
  for (const bookmark of DEMO_GRANT_BOOKMARKS) {
    await manager.query(
      `INSERT INTO grant_bookmarks (tenant_id, id, membership_id, grant_tenant_id, grant_id) VALUES ($1, $2, $3, $1, $4)
       ON CONFLICT DO NOTHING`,
      [tenantId, bookmarkId(bookmark.n), await membership(bookmark.email), demoGrantId(bookmark.grant)],
    );
  }
  const applicant = await membership(KOMOREBI_ADMIN);
  for (const application of DEMO_GRANT_APPLICATIONS) {
    await manager.query(
      `INSERT INTO grant_applications (tenant_id, id, organization_id, grant_tenant_id, grant_id, status, amount_requested,
                                       amount_awarded, notes, updated_by_membership_id)
       VALUES ($1, $2, $3, $1, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
      [tenantId, applicationId(application.n), KOMOREBI, demoGrantId(application.grant), application.status,
        application.amountRequested, application.amountAwarded, application.notes, applicant],
    );
  }
}
