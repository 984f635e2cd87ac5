// Demo content for the service directory (DESIGN.md capability 1): organisation profiles and
// services for the demo networks in demo-seed.ts, plus a few more invented organisations so the
// directory has enough to search. Everything here is fictitious: names, addresses, the
// 03-0000-xxxx / 0120-000-xxx phone numbers, and the example.jp domains (reserved for examples).
import type {
  ChannelKind,
  OpeningPeriod,
  OrganizationKind,
  ServiceChannel,
  ServiceFields,
  Weekday,
} from '@tsunagu/domain';
import { DEMO_NETWORK, SECOND_DEMO_NETWORK } from './demo-networks';

export interface DemoOrganizationProfile {
  /** An organisation of DEMO_NETWORK / SECOND_DEMO_NETWORK, or one of DEMO_EXTRA_ORGANIZATIONS. */
  readonly organizationId: string;
  readonly description: string;
  readonly postalCode: string | null;
  readonly address: string | null;
  readonly municipalityCode: string | null;
  readonly website: string | null;
  readonly phone: string | null;
  readonly email: string | null;
}

export interface DemoExtraOrganization {
  readonly id: string;
  readonly kind: OrganizationKind;
  readonly name: string;
  readonly nameKana: string;
  readonly municipalityCode: string | null;
}

export interface DemoService extends ServiceFields {
  readonly id: string;
  readonly organizationId: string;
  readonly networkId: string;
}

const CHUO = '13102';
const CHIYODA = '13101';
const MINATO = '13103';

// Organisations of demo-seed.ts.
const [SUPPORT_CENTER, KOMOREBI, CITY_WELFARE, SHAKYO, KODOMO_SHOKUDO] = DEMO_NETWORK.organizations.map((o) => o.id);
const [MINATO_HOUSE] = SECOND_DEMO_NETWORK.organizations.map((o) => o.id);

// Invented organisations added by this file.
const HIDAMARI = '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a7f01';
const YOUTHPORT = '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a7f02';
const KOKORO = '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a7f03';
const PANTRY = '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a7f04';
const TABUNKA = '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a7f05';
const HARUKAZE = '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a7f06';
const SUMIRE_LAW = '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a7f07';
const AKARI_CLINIC = '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a7f08';
const TETOTE = '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a7f09';
const MINATO_KODOMO = '7a2e4d63-9b68-4b66-8f1c-3a1d7d2b8f31';

export const DEMO_EXTRA_ORGANIZATIONS: Record<string, DemoExtraOrganization[]> = {
  [DEMO_NETWORK.id]: [
    { id: HIDAMARI, kind: 'NPO', name: 'NPO法人ひだまりハウス', nameKana: 'エヌピーオーホウジンヒダマリハウス', municipalityCode: CHUO },
    { id: YOUTHPORT, kind: 'OTHER', name: '一般社団法人ユースポート中央', nameKana: 'イッパンシャダンホウジンユースポートチュウオウ', municipalityCode: CHUO },
    { id: KOKORO, kind: 'MUNICIPALITY', name: '中央区こころの相談室', nameKana: 'チュウオウクココロノソウダンシツ', municipalityCode: CHUO },
    { id: PANTRY, kind: 'OTHER', name: 'フードパントリーつきじ', nameKana: 'フードパントリーツキジ', municipalityCode: CHUO },
    { id: TABUNKA, kind: 'NPO', name: '多文化共生センターかちどき', nameKana: 'タブンカキョウセイセンターカチドキ', municipalityCode: CHUO },
    { id: HARUKAZE, kind: 'NPO', name: 'NPO法人はるかぜ', nameKana: 'エヌピーオーホウジンハルカゼ', municipalityCode: CHUO },
    { id: SUMIRE_LAW, kind: 'OTHER', name: '中央すみれ法律相談センター', nameKana: 'チュウオウスミレホウリツソウダンセンター', municipalityCode: CHUO },
    { id: AKARI_CLINIC, kind: 'OTHER', name: '医療法人社団あかり会 あかりクリニック', nameKana: 'イリョウホウジンシャダンアカリカイ アカリクリニック', municipalityCode: CHUO },
    { id: TETOTE, kind: 'NPO', name: 'NPO法人てとて', nameKana: 'エヌピーオーホウジンテトテ', municipalityCode: CHUO },
  ],
  [SECOND_DEMO_NETWORK.id]: [
    { id: MINATO_KODOMO, kind: 'OTHER', name: '一般社団法人みなと子ども未来', nameKana: 'イッパンシャダンホウジンミナトコドモミライ', municipalityCode: MINATO },
  ],
};

export const DEMO_PROFILES: DemoOrganizationProfile[] = [
  {
    organizationId: SUPPORT_CENTER,
    description:
      '中央区つながりネットワークの事務局として、区内の支援団体・行政・社会福祉協議会をつなぐ中間支援組織です。どこに相談したらよいか分からない方の総合相談を受け付け、適切な窓口へおつなぎします。関係機関向けの紹介調整や、支援者向けの研修も行っています。',
    postalCode: '104-0061',
    address: '東京都中央区銀座1-2-3 つながりビル2階',
    municipalityCode: CHUO,
    website: 'https://chuo.example.jp',
    phone: '03-0000-1100',
    email: 'info@chuo.example.jp',
  },
  {
    organizationId: KOMOREBI,
    description:
      '孤独や生きづらさを抱える方のための居場所づくりと相談支援を行うNPO法人です。八丁堀のカフェ型の居場所、オンラインの若者の居場所、ひきこもりのご家族の会を運営しています。予約なしでお立ち寄りいただけます。',
    postalCode: '104-0032',
    address: '東京都中央区八丁堀2-3-4 こもれびビル1階',
    municipalityCode: CHUO,
    website: 'https://komorebi.example.jp',
    phone: '03-0000-1200',
    email: 'info@komorebi.example.jp',
  },
  {
    organizationId: CITY_WELFARE,
    description:
      '中央区の福祉保健部です。生活困窮、住まい、高齢・障害福祉、子ども家庭、女性相談などの公的な相談窓口を担当しています。窓口は平日の日中に開いており、電話でのご相談も受け付けています。',
    postalCode: '104-0045',
    address: '東京都中央区築地1-2-5 中央区デモ庁舎3階',
    municipalityCode: CHUO,
    website: 'https://city-chuo.example.jp/fukushi',
    phone: '03-0000-1300',
    email: 'fukushi@city-chuo.example.jp',
  },
  {
    organizationId: SHAKYO,
    description:
      '地域の支え合いを進める社会福祉協議会です。高齢者のサロン、見守りボランティア、生活福祉資金の貸付、成年後見・権利擁護の相談などを行っています。ボランティアをしたい方のご相談もお待ちしています。',
    postalCode: '104-0041',
    address: '東京都中央区新富1-4-6 ふれあいプラザ4階',
    municipalityCode: CHUO,
    website: 'https://shakyo-chuo.example.jp',
    phone: '03-0000-1400',
    email: 'info@shakyo-chuo.example.jp',
  },
  {
    organizationId: KODOMO_SHOKUDO,
    description:
      '区内のこども食堂と学習支援の運営者がつながるネットワークです。各食堂の開催日のご案内、食材の融通、子育て家庭への食品のお届けを行っています。会場は各食堂ごとに異なります。',
    postalCode: null,
    address: null,
    municipalityCode: null,
    website: 'https://kodomo-shokudo-chuo.example.jp',
    phone: '03-0000-1500',
    email: 'info@kodomo-shokudo-chuo.example.jp',
  },
  {
    organizationId: HIDAMARI,
    description:
      '月島で、ひきこもりや孤立の状態にある方とそのご家族を支えるNPO法人です。誰でも過ごせる居場所、当事者会、家族相談、中間的就労の工房を運営しています。まずはお電話かLINEでお気軽にご連絡ください。',
    postalCode: '104-0052',
    address: '東京都中央区月島3-5-7 ひだまりハウス',
    municipalityCode: CHUO,
    website: 'https://hidamari.example.jp',
    phone: '03-0000-2100',
    email: 'info@hidamari.example.jp',
  },
  {
    organizationId: YOUTHPORT,
    description:
      '15歳から39歳までの若者の就労、学び直し、居場所を支援する一般社団法人です。LGBTQユースの居場所やヤングケアラーの相談も行っています。相談はすべて無料です。',
    postalCode: '103-0013',
    address: '東京都中央区日本橋人形町2-6-8 ポートビル3階',
    municipalityCode: CHUO,
    website: 'https://youthport-chuo.example.jp',
    phone: '03-0000-2200',
    email: 'info@youthport-chuo.example.jp',
  },
  {
    organizationId: KOKORO,
    description:
      '中央区が設置する、こころの健康と自殺対策の専門相談窓口です。精神保健福祉士・公認心理師が、こころの不調、依存症、自死遺族の方のご相談をお受けします。秘密は守られます。',
    postalCode: '104-0045',
    address: '東京都中央区築地1-2-5 中央区デモ庁舎5階',
    municipalityCode: CHUO,
    website: 'https://city-chuo.example.jp/kokoro',
    phone: '03-0000-2300',
    email: 'kokoro@city-chuo.example.jp',
  },
  {
    organizationId: PANTRY,
    description:
      '築地を拠点に、食品の寄付を集めて生活に困っている方へ無料でお渡ししているフードパントリーです。毎週土曜日に配布会を開いています。学生・若者向けの配布日もあります。',
    postalCode: '104-0045',
    address: '東京都中央区築地6-7-9 つきじ会館1階',
    municipalityCode: CHUO,
    website: 'https://pantry-tsukiji.example.jp',
    phone: '03-0000-2400',
    email: 'info@pantry-tsukiji.example.jp',
  },
  {
    organizationId: TABUNKA,
    description:
      '外国にルーツのある方の暮らしを支える多文化共生センターです。やさしい日本語と多言語での生活相談、日本語教室、子どもの学習支援を行っています。言葉が心配な方も安心してお越しください。',
    postalCode: '104-0054',
    address: '東京都中央区勝どき3-8-10 かちどきコミュニティプラザ2階',
    municipalityCode: CHUO,
    website: 'https://tabunka-kachidoki.example.jp',
    phone: '03-0000-2500',
    email: 'info@tabunka-kachidoki.example.jp',
  },
  {
    organizationId: HARUKAZE,
    description:
      'DVや性暴力の被害にあった方、困難を抱える女性を支えるNPO法人です。24時間のホットライン、LINE相談、女性のための居場所、シェルター退所後の生活支援を行っています。安全のため所在地は公開していません。',
    postalCode: null,
    address: null,
    municipalityCode: CHUO,
    website: 'https://harukaze.example.jp',
    phone: '03-0000-2600',
    email: 'soudan@harukaze.example.jp',
  },
  {
    organizationId: SUMIRE_LAW,
    description:
      '弁護士と司法書士が、暮らしの中の法律問題の相談に応じる法律相談センターです。借金、家族、労働、住まいのトラブルなど、費用が心配な方の無料相談も行っています。相談は予約制です。',
    postalCode: '104-0031',
    address: '東京都中央区京橋2-9-11 すみれビル6階',
    municipalityCode: CHUO,
    website: 'https://sumire-law.example.jp',
    phone: '03-0000-2700',
    email: 'info@sumire-law.example.jp',
  },
  {
    organizationId: AKARI_CLINIC,
    description:
      '内科・精神科・小児科のある地域のクリニックです。無料低額診療事業を行っており、経済的な理由で受診をためらっている方もご相談いただけます。在宅の方への訪問診療も行っています。',
    postalCode: '104-0044',
    address: '東京都中央区明石町4-10-12 あかりメディカルビル',
    municipalityCode: CHUO,
    website: 'https://akari-clinic.example.jp',
    phone: '03-0000-2800',
    email: 'info@akari-clinic.example.jp',
  },
  {
    organizationId: TETOTE,
    description:
      '障害のある方とそのご家族の相談、交流、就労を支えるNPO法人です。ろう者のスタッフが在籍し、日本手話での相談や交流サロンを開いています。ビデオ通話でのご相談もできます。',
    postalCode: '104-0043',
    address: '東京都中央区湊1-11-13 てとてハウス1階',
    municipalityCode: CHUO,
    website: 'https://tetote.example.jp',
    phone: '03-0000-2900',
    email: 'info@tetote.example.jp',
  },
  {
    organizationId: MINATO_HOUSE,
    description:
      '港区で孤独・孤立の状態にある方の相談と居場所づくりを行うNPO法人です。総合相談、居場所カフェ、住まい探しの同行支援などを行っています。英語・スペイン語でのご相談も受け付けています。',
    postalCode: '105-0014',
    address: '東京都港区芝2-3-14 みなとハウス2階',
    municipalityCode: MINATO,
    website: 'https://minato.example.jp',
    phone: '03-0000-3100',
    email: 'info@minato.example.jp',
  },
  {
    organizationId: MINATO_KODOMO,
    description:
      '港区の子どもと子育て家庭を応援する一般社団法人です。こども食堂と、子育て中の方のLINE相談を行っています。どなたでもお気軽にご利用ください。',
    postalCode: '108-0073',
    address: '東京都港区三田1-4-15 みらいビル1階',
    municipalityCode: MINATO,
    website: 'https://minato-kodomo.example.jp',
    phone: '03-0000-3200',
    email: 'info@minato-kodomo.example.jp',
  },
];

// --- Helpers that keep each service compact -------------------------------------------------

const MON_FRI: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR'];
const MON_SAT: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const EVERY_DAY: readonly Weekday[] = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

function on(days: readonly Weekday[], opens: string, closes: string): OpeningPeriod[] {
  return days.map((day) => ({ day, opens, closes }));
}

function channel(kind: ChannelKind, value: string, note: string | null = null, isPublic = true): ServiceChannel {
  return { kind, value, note, public: isPublic };
}

type Defaulted = 'nationwide' | 'areaCodes' | 'languages' | 'open24h' | 'fee' | 'capacity' | 'acceptsReferrals';
type ServiceInput = Omit<DemoService, 'networkId' | Defaulted> & Partial<Pick<DemoService, Defaulted>>;

function serviceIn(networkId: string, areaCode: string) {
  return (input: ServiceInput): DemoService => ({
    networkId,
    nationwide: false,
    areaCodes: [areaCode],
    languages: ['ja'],
    open24h: false,
    fee: 'FREE',
    capacity: 'ACCEPTING',
    acceptsReferrals: true,
    ...input,
  });
}

const chuo = serviceIn(DEMO_NETWORK.id, CHUO);
const minato = serviceIn(SECOND_DEMO_NETWORK.id, MINATO);
const CENTRAL_WARDS = [CHUO, CHIYODA, MINATO];

// --- Services ---------------------------------------------------------------------------------

const CHUO_SERVICES: DemoService[] = [
  // つながりサポートセンター
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8001',
    organizationId: SUPPORT_CENTER,
    name: 'つながり総合相談窓口',
    nameKana: 'ツナガリソウゴウソウダンマドグチ',
    description:
      'どこに相談したらよいか分からないお悩みを、まずはお聞きします。お話を伺ったうえで、区内の適切な窓口や支援団体へおつなぎします。平日9時〜17時、電話・来所・メールで受け付けています。',
    categories: ['GENERAL_CONSULTATION', 'POVERTY'],
    targetGroups: ['ANYONE'],
    languages: ['ja', 'ja-simple'],
    openingHours: on(MON_FRI, '09:00', '17:00'),
    channels: [
      channel('PHONE', '03-0000-1101'),
      channel('VISIT', '東京都中央区銀座1-2-3 つながりビル2階', '予約なしでお越しいただけます'),
      channel('EMAIL', 'soudan@chuo.example.jp', '返信は2営業日以内'),
    ],
    lastReviewedOn: '2026-04-01',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8002',
    organizationId: SUPPORT_CENTER,
    name: '関係機関向け つなぎ先コーディネート',
    nameKana: 'カンケイキカンムケツナギサキコーディネート',
    description:
      '支援者・関係機関の方向けに、ご本人に合うつなぎ先を一緒に探し、紹介先との調整を行います。ご本人の同意を得たうえで、専用ダイヤルまたはメールでご依頼ください。',
    categories: ['GENERAL_CONSULTATION'],
    targetGroups: ['ANYONE'],
    eligibility: '区内外の支援機関・行政・医療機関の職員の方',
    areaCodes: CENTRAL_WARDS,
    openingHours: on(MON_FRI, '09:00', '18:00'),
    channels: [
      channel('PHONE', '03-0000-1102', '関係機関専用の紹介ダイヤル', false),
      channel('EMAIL', 'referral@chuo.example.jp', '紹介票を添付してください', false),
    ],
    lastReviewedOn: '2026-04-01',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8003',
    organizationId: SUPPORT_CENTER,
    name: '孤独・孤立のチャット相談「つながりチャット」',
    nameKana: 'ツナガリチャット',
    description:
      'ひとりで抱えている気持ちを、チャットで相談員に打ち明けられます。名前を名乗る必要はありません。毎日17時〜22時、全国どこからでもご利用いただけます。',
    categories: ['GENERAL_CONSULTATION', 'MENTAL_HEALTH', 'SUICIDE_PREVENTION'],
    targetGroups: ['ANYONE', 'YOUTH'],
    nationwide: true,
    areaCodes: [],
    openingHours: on(EVERY_DAY, '17:00', '22:00'),
    channels: [channel('CHAT', 'https://chat.chuo.example.jp', '受付は21時30分まで')],
    lastReviewedOn: '2026-05-12',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8004',
    organizationId: SUPPORT_CENTER,
    name: 'つながり訪問サポート',
    nameKana: 'ツナガリホウモンサポート',
    description:
      '外出が難しい方や、窓口に来るのが不安な方のご自宅へ相談員が伺います。ご本人やご家族、民生委員などからのご連絡をきっかけに訪問します。現在は順番にご案内しています。',
    categories: ['GENERAL_CONSULTATION', 'OLDER_PEOPLE', 'HIKIKOMORI'],
    targetGroups: ['OLDER_PEOPLE', 'CAREGIVERS'],
    openingHours: on(MON_FRI, '10:00', '17:00'),
    channels: [channel('OUTREACH', '区内のご自宅へ訪問'), channel('PHONE', '03-0000-1103', '訪問のお申し込み')],
    capacity: 'WAITLIST',
    waitlistNote: '新規の訪問は1か月ほどお待ちいただいています。緊急の場合は総合相談窓口へご連絡ください。',
    waitlistExpectedOn: '2027-01-15',
    lastReviewedOn: '2026-06-03',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8005',
    organizationId: SUPPORT_CENTER,
    name: '傾聴ボランティアの電話「ほっとコール」',
    nameKana: 'ホットコール',
    description:
      '研修を受けた傾聴ボランティアが、お電話でゆっくりお話を聴きます。ひとり暮らしで話し相手がほしい方もどうぞ。火曜・木曜の13時〜16時です。',
    categories: ['OLDER_PEOPLE', 'MENTAL_HEALTH'],
    targetGroups: ['OLDER_PEOPLE', 'ANYONE'],
    openingHours: on(['TU', 'TH'], '13:00', '16:00'),
    channels: [channel('PHONE', '03-0000-1104')],
    acceptsReferrals: false,
    lastReviewedOn: '2026-03-18',
  }),

  // NPO法人こもれび
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8006',
    organizationId: KOMOREBI,
    name: 'こもれびカフェ（居場所）',
    nameKana: 'コモレビカフェ',
    description:
      '予約不要・出入り自由のカフェ型の居場所です。お茶を飲みながら過ごしたり、スタッフと話したり、ひとりで本を読んだり、思い思いに過ごせます。水曜・土曜の13時〜18時に開いています。',
    categories: ['IBASHO'],
    targetGroups: ['ANYONE'],
    openingHours: on(['WE', 'SA'], '13:00', '18:00'),
    channels: [channel('VISIT', '東京都中央区八丁堀2-3-4 こもれびビル1階'), channel('PHONE', '03-0000-1201')],
    lastReviewedOn: '2026-05-20',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8007',
    organizationId: KOMOREBI,
    name: 'ひきこもり家族会「こもれびの会」',
    nameKana: 'コモレビノカイ',
    description:
      'ひきこもりの状態にあるお子さんやご家族を持つ方が、悩みや経験を分かち合う家族会です。毎月第2土曜日の14時〜16時に開いています。初めての方は事前にお電話ください。',
    categories: ['HIKIKOMORI'],
    targetGroups: ['CAREGIVERS', 'PARENTS'],
    openingHours: on(['SA'], '14:00', '16:00'),
    channels: [channel('PHONE', '03-0000-1202', '初参加の申し込み'), channel('VISIT', '東京都中央区八丁堀2-3-4 こもれびビル2階')],
    fee: 'PAID',
    feeNote: '参加費1回300円（お茶代）',
    lastReviewedOn: '2026-02-14',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8008',
    organizationId: KOMOREBI,
    name: 'ひきこもり相談・訪問支援',
    nameKana: 'ヒキコモリソウダンホウモンシエン',
    description:
      'ひきこもりの状態にあるご本人とご家族の相談に、専門の相談員が応じます。ご家族だけのご相談や、ご自宅への訪問にも対応します。現在は新規の訪問を順番にご案内しています。',
    categories: ['HIKIKOMORI', 'MENTAL_HEALTH'],
    targetGroups: ['YOUTH', 'CAREGIVERS'],
    openingHours: on(MON_FRI, '10:00', '18:00'),
    channels: [
      channel('PHONE', '03-0000-1203'),
      channel('EMAIL', 'hikikomori@komorebi.example.jp'),
      channel('OUTREACH', '区内のご自宅へ訪問', 'ご家族との面談のあとに訪問します'),
    ],
    capacity: 'WAITLIST',
    waitlistNote: '訪問支援は2か月ほどお待ちいただく見込みです。電話・メール相談はすぐにお受けできます。',
    waitlistExpectedOn: '2027-02-01',
    lastReviewedOn: '2026-05-20',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8009',
    organizationId: KOMOREBI,
    name: 'オンラインの若者の居場所「こもれびルーム」',
    nameKana: 'コモレビルーム',
    description:
      '家から出るのがしんどい若者のための、オンラインの居場所です。チャットで雑談したり、ゲームの話をしたり、見ているだけでも大丈夫です。毎週金曜の19時〜21時に開いています。',
    categories: ['IBASHO', 'CHILDREN_YOUTH'],
    targetGroups: ['YOUTH'],
    ageMin: 15,
    ageMax: 39,
    nationwide: true,
    areaCodes: [],
    openingHours: on(['FR'], '19:00', '21:00'),
    channels: [channel('CHAT', 'https://room.komorebi.example.jp', '参加にはニックネームの登録が必要です')],
    acceptsReferrals: false,
    lastReviewedOn: '2026-04-22',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8010',
    organizationId: KOMOREBI,
    name: 'こもれびLINE相談',
    nameKana: 'コモレビラインソウダン',
    description:
      '寂しさ、生きづらさ、人間関係の悩みなどをLINEで相談できます。月・水・金の18時〜22時に相談員が返信します。友だち登録して、メッセージを送ってください。',
    categories: ['GENERAL_CONSULTATION', 'MENTAL_HEALTH'],
    targetGroups: ['ANYONE', 'YOUTH'],
    openingHours: on(['MO', 'WE', 'FR'], '18:00', '22:00'),
    channels: [channel('SNS_LINE', '@tsunagu-komorebi')],
    lastReviewedOn: '2026-04-22',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8011',
    organizationId: KOMOREBI,
    name: 'こころの不調のピアサポートミーティング',
    nameKana: 'ピアサポートミーティング',
    description:
      'こころの病気や障害の経験がある方同士で、体験や工夫を語り合うミーティングです。ピアサポーターが進行します。毎月第4日曜日の13時〜15時、予約不要です。',
    categories: ['MENTAL_HEALTH', 'DISABILITY'],
    targetGroups: ['PEOPLE_WITH_DISABILITIES', 'ANYONE'],
    openingHours: on(['SU'], '13:00', '15:00'),
    channels: [channel('VISIT', '東京都中央区八丁堀2-3-4 こもれびビル2階')],
    lastReviewedOn: '2026-01-30',
  }),

  // 中央区 福祉保健部
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8012',
    organizationId: CITY_WELFARE,
    name: '生活困窮者自立相談支援窓口',
    nameKana: 'セイカツコンキュウシャジリツソウダンシエンマドグチ',
    description:
      '仕事や収入、家賃の支払いなど、生活のお困りごとを相談できる区の窓口です。支援員が一緒に状況を整理し、住居確保給付金や就労支援などの制度をご案内します。平日8時30分〜17時15分です。',
    categories: ['POVERTY', 'HOUSING', 'EMPLOYMENT'],
    targetGroups: ['LOW_INCOME'],
    languages: ['ja', 'ja-simple'],
    openingHours: on(MON_FRI, '08:30', '17:15'),
    channels: [
      channel('PHONE', '03-0000-1301'),
      channel('VISIT', '東京都中央区築地1-2-5 中央区デモ庁舎3階 生活支援課'),
      channel('PHONE', '03-0000-1309', '関係機関からの紹介専用', false),
    ],
    lastReviewedOn: '2026-04-01',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8013',
    organizationId: CITY_WELFARE,
    name: '住まいの相談窓口',
    nameKana: 'スマイノソウダンマドグチ',
    description:
      '高齢、障害、収入などの理由で住まい探しにお困りの方の相談窓口です。協力不動産店や居住支援法人と連携し、物件探しや入居後の見守りをご案内します。相談は予約制です。',
    categories: ['HOUSING', 'OLDER_PEOPLE'],
    targetGroups: ['LOW_INCOME', 'OLDER_PEOPLE', 'PEOPLE_WITH_DISABILITIES'],
    openingHours: on(['MO', 'WE', 'FR'], '09:00', '16:00'),
    channels: [channel('PHONE', '03-0000-1302', '予約受付'), channel('EMAIL', 'sumai@city-chuo.example.jp')],
    lastReviewedOn: '2026-03-10',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8014',
    organizationId: CITY_WELFARE,
    name: '高齢者あんしん相談センター',
    nameKana: 'コウレイシャアンシンソウダンセンター',
    description:
      '65歳以上の方とそのご家族の、介護・健康・暮らしの総合相談窓口です。介護保険の申請、見守り、認知症の心配などのご相談に、保健師や社会福祉士が応じます。必要に応じてご自宅へ伺います。',
    categories: ['OLDER_PEOPLE', 'GENERAL_CONSULTATION'],
    targetGroups: ['OLDER_PEOPLE', 'CAREGIVERS'],
    ageMin: 65,
    openingHours: on(MON_SAT, '09:00', '17:00'),
    channels: [
      channel('PHONE', '03-0000-1303'),
      channel('VISIT', '東京都中央区築地1-2-5 中央区デモ庁舎1階'),
      channel('OUTREACH', '区内のご自宅へ訪問'),
    ],
    lastReviewedOn: '2026-05-08',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8015',
    organizationId: CITY_WELFARE,
    name: '障害者相談支援窓口',
    nameKana: 'ショウガイシャソウダンシエンマドグチ',
    description:
      '障害のある方とご家族の、福祉サービスの利用や暮らしの相談に応じます。手話通訳者が在席する日があり、メールでのご相談も受け付けています。平日8時30分〜17時15分です。',
    categories: ['DISABILITY'],
    targetGroups: ['PEOPLE_WITH_DISABILITIES', 'CAREGIVERS'],
    languages: ['ja', 'jsl'],
    openingHours: on(MON_FRI, '08:30', '17:15'),
    channels: [
      channel('PHONE', '03-0000-1304'),
      channel('EMAIL', 'shogai@city-chuo.example.jp', '聴覚に障害のある方はメールをご利用ください'),
      channel('VISIT', '東京都中央区築地1-2-5 中央区デモ庁舎3階 障害福祉課', '手話通訳は火曜・木曜に在席'),
    ],
    lastReviewedOn: '2026-04-01',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8016',
    organizationId: CITY_WELFARE,
    name: '子ども家庭総合相談',
    nameKana: 'コドモカテイソウゴウソウダン',
    description:
      '18歳までのお子さんと子育て家庭のあらゆる相談に応じます。子育ての不安、子どもの発達、家庭の困りごと、虐待が心配なときもご連絡ください。お子さんご本人からの相談も受け付けます。',
    categories: ['PARENTING', 'CHILDREN_YOUTH'],
    targetGroups: ['PARENTS', 'CHILDREN'],
    ageMin: 0,
    ageMax: 18,
    openingHours: [...on(MON_FRI, '09:00', '19:00'), ...on(['SA'], '09:00', '17:00')],
    channels: [channel('PHONE', '03-0000-1305'), channel('VISIT', '東京都中央区築地1-2-5 中央区デモ庁舎2階'), channel('SNS_LINE', '@tsunagu-chuo-kosodate')],
    lastReviewedOn: '2026-05-15',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8017',
    organizationId: CITY_WELFARE,
    name: '女性相談（DV・配偶者暴力相談）',
    nameKana: 'ジョセイソウダン',
    description:
      '配偶者やパートナーからの暴力、生活や家族の悩みなど、女性の相談に女性相談支援員が応じます。一時保護や保護命令の手続きについてもご案内します。相談内容の秘密は守られます。',
    categories: ['DV_SEXUAL_VIOLENCE', 'GENERAL_CONSULTATION'],
    targetGroups: ['WOMEN'],
    openingHours: on(MON_FRI, '08:30', '17:15'),
    channels: [channel('PHONE', '03-0000-1306'), channel('PHONE', '03-0000-1308', '警察・医療機関からの連絡専用', false)],
    lastReviewedOn: '2026-04-01',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8018',
    organizationId: CITY_WELFARE,
    name: '家計改善支援',
    nameKana: 'カケイカイゼンシエン',
    description:
      '家計の収支を一緒に見える化し、滞納の解消や支出の見直しを支援します。家計簿づくりが苦手な方も、相談員が伴走します。予約制で、平日の日中に面談します。',
    categories: ['POVERTY'],
    targetGroups: ['LOW_INCOME'],
    openingHours: on(['TU', 'TH'], '09:30', '16:30'),
    channels: [channel('PHONE', '03-0000-1307', '予約受付')],
    lastReviewedOn: '2026-02-27',
  }),

  // 中央区社会福祉協議会
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8019',
    organizationId: SHAKYO,
    name: 'ふれあい・いきいきサロン',
    nameKana: 'フレアイイキイキサロン',
    description:
      '地域の集会所で開く、高齢の方の交流の場です。体操、お茶会、季節の行事などを楽しめます。開催日と会場は地区ごとに異なりますので、お電話でお問い合わせください。',
    categories: ['IBASHO', 'OLDER_PEOPLE'],
    targetGroups: ['OLDER_PEOPLE'],
    openingHours: on(['TU', 'FR'], '13:30', '15:30'),
    channels: [channel('PHONE', '03-0000-1401'), channel('VISIT', '区内各地区の集会所')],
    fee: 'PAID',
    feeNote: '参加費1回100円（茶菓代）',
    lastReviewedOn: '2026-03-05',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8020',
    organizationId: SHAKYO,
    name: '生活福祉資金の貸付相談',
    nameKana: 'セイカツフクシシキンノカシツケソウダン',
    description:
      '一時的に生活費が足りなくなった世帯への、無利子または低利子の貸付制度の相談窓口です。返済の見通しも含めて相談員と一緒に検討します。来所の際は事前にお電話でご予約ください。',
    categories: ['POVERTY'],
    targetGroups: ['LOW_INCOME'],
    eligibility: '区内にお住まいの低所得世帯・高齢者世帯・障害者世帯',
    openingHours: on(MON_FRI, '09:00', '17:00'),
    channels: [channel('PHONE', '03-0000-1402'), channel('VISIT', '東京都中央区新富1-4-6 ふれあいプラザ4階')],
    lastReviewedOn: '2026-04-10',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8021',
    organizationId: SHAKYO,
    name: '見守りボランティア訪問「ご近所さん」',
    nameKana: 'ゴキンジョサン',
    description:
      'ひとり暮らしの高齢の方のご自宅を、地域のボランティアが月2回ほど訪問し、おしゃべりや安否確認をします。ボランティアの人数に限りがあるため、現在は順番待ちです。',
    categories: ['OLDER_PEOPLE', 'IBASHO'],
    targetGroups: ['OLDER_PEOPLE'],
    ageMin: 65,
    openingHours: on(MON_FRI, '10:00', '16:00'),
    channels: [channel('OUTREACH', '区内のご自宅へ訪問'), channel('PHONE', '03-0000-1403', '申し込み・お問い合わせ')],
    capacity: 'WAITLIST',
    waitlistNote: '新しいボランティアの研修後、順次ご案内します。',
    waitlistExpectedOn: '2027-04-01',
    lastReviewedOn: '2026-06-10',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8022',
    organizationId: SHAKYO,
    name: '日常生活自立支援事業（福祉サービス利用援助）',
    nameKana: 'ニチジョウセイカツジリツシエンジギョウ',
    description:
      '判断能力に不安のある高齢の方や障害のある方の、福祉サービスの利用手続きや日常のお金の管理をお手伝いします。契約に基づき、生活支援員が定期的に訪問します。',
    categories: ['OLDER_PEOPLE', 'DISABILITY'],
    targetGroups: ['OLDER_PEOPLE', 'PEOPLE_WITH_DISABILITIES'],
    openingHours: on(MON_FRI, '09:00', '17:00'),
    channels: [channel('PHONE', '03-0000-1404'), channel('OUTREACH', '契約者のご自宅へ訪問')],
    fee: 'PAID',
    feeNote: '訪問1回1,200円（生活保護を受けている方は無料）',
    lastReviewedOn: '2026-01-20',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8023',
    organizationId: SHAKYO,
    name: '緊急食料支援（フードドライブ）',
    nameKana: 'キンキュウショクリョウシエン',
    description:
      '区民の皆さんから寄せられた食品を、すぐに食べるものに困っている方へお渡しします。窓口で簡単な聞き取りをしたうえで、数日分の食品をお渡しします。平日9時〜16時です。',
    categories: ['FOOD', 'POVERTY'],
    targetGroups: ['LOW_INCOME'],
    openingHours: on(MON_FRI, '09:00', '16:00'),
    channels: [channel('VISIT', '東京都中央区新富1-4-6 ふれあいプラザ4階'), channel('PHONE', '03-0000-1405')],
    lastReviewedOn: '2026-05-01',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8024',
    organizationId: SHAKYO,
    name: 'ボランティアセンター（活動の紹介）',
    nameKana: 'ボランティアセンター',
    description:
      '地域でボランティアをしてみたい方に、活動先をご紹介します。人とのつながりをつくるきっかけとして、退職後の方や学生の方にもおすすめです。窓口・メールで受け付けています。',
    categories: ['IBASHO', 'GENERAL_CONSULTATION'],
    targetGroups: ['ANYONE'],
    openingHours: on(MON_SAT, '09:00', '17:00'),
    channels: [channel('VISIT', '東京都中央区新富1-4-6 ふれあいプラザ3階'), channel('EMAIL', 'volunteer@shakyo-chuo.example.jp')],
    acceptsReferrals: false,
    lastReviewedOn: '2026-02-08',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8025',
    organizationId: SHAKYO,
    name: '成年後見・権利擁護の相談',
    nameKana: 'セイネンコウケンケンリヨウゴノソウダン',
    description:
      '認知症や障害などで財産管理や契約に不安がある方と、そのご家族の相談窓口です。成年後見制度の利用や申立ての手続きについて、専門職が分かりやすくご説明します。',
    categories: ['LEGAL', 'OLDER_PEOPLE', 'DISABILITY'],
    targetGroups: ['OLDER_PEOPLE', 'CAREGIVERS', 'PEOPLE_WITH_DISABILITIES'],
    openingHours: on(MON_FRI, '09:00', '17:00'),
    channels: [channel('PHONE', '03-0000-1406')],
    lastReviewedOn: '2026-03-22',
  }),

  // 中央区こども食堂ネットワーク
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8026',
    organizationId: KODOMO_SHOKUDO,
    name: 'こども食堂あおぞら',
    nameKana: 'コドモショクドウアオゾラ',
    description:
      '毎週火曜の夕方、地域のボランティアが手づくりの夕ご飯を用意します。子どもはひとりでも来られます。保護者の方も一緒にどうぞ。',
    categories: ['FOOD', 'CHILDREN_YOUTH', 'IBASHO'],
    targetGroups: ['CHILDREN', 'PARENTS'],
    ageMin: 0,
    ageMax: 18,
    openingHours: on(['TU'], '17:00', '19:30'),
    channels: [channel('VISIT', '東京都中央区入船2-1-4 入船町会会館')],
    fee: 'PAID',
    feeNote: '子どもは無料、大人は1食300円',
    acceptsReferrals: false,
    lastReviewedOn: '2026-05-27',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8027',
    organizationId: KODOMO_SHOKUDO,
    name: 'こども食堂つきしま',
    nameKana: 'コドモショクドウツキシマ',
    description:
      '月島の商店街の空き店舗で開く、こども食堂です。ご飯のあとは宿題をしたり遊んだりして過ごせます。水曜の17時〜19時、申し込みは不要です。',
    categories: ['FOOD', 'CHILDREN_YOUTH'],
    targetGroups: ['CHILDREN'],
    ageMin: 0,
    ageMax: 18,
    openingHours: on(['WE'], '17:00', '19:00'),
    channels: [channel('VISIT', '東京都中央区月島1-9-2 つきしま商店会 旧青果店')],
    lastReviewedOn: '2026-04-16',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8028',
    organizationId: KODOMO_SHOKUDO,
    name: 'にほんばし子ども食堂と学習支援',
    nameKana: 'ニホンバシコドモショクドウトガクシュウシエン',
    description:
      '土曜日の午後、大学生ボランティアと一緒に勉強したあと、みんなで昼ご飯を食べます。勉強が苦手な子も、家に居づらい子も歓迎です。',
    categories: ['CHILDREN_YOUTH', 'IBASHO', 'FOOD'],
    targetGroups: ['CHILDREN'],
    ageMin: 6,
    ageMax: 15,
    openingHours: on(['SA'], '11:00', '15:00'),
    channels: [channel('VISIT', '東京都中央区日本橋浜町2-5-7 浜町地域会館'), channel('EMAIL', 'nihonbashi@kodomo-shokudo-chuo.example.jp')],
    lastReviewedOn: '2026-03-29',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8029',
    organizationId: KODOMO_SHOKUDO,
    name: '子育て家庭への食品お届け「おすそわけ便」',
    nameKana: 'オスソワケビン',
    description:
      '子育て中で生活が苦しいご家庭に、月1回、お米や食品をご自宅までお届けします。配達ボランティアがお子さんやご家族の様子もうかがいます。現在は申し込みが多く、順番にご案内しています。',
    categories: ['FOOD', 'PARENTING', 'POVERTY'],
    targetGroups: ['PARENTS', 'LOW_INCOME'],
    eligibility: '区内在住で18歳未満のお子さんを養育している世帯',
    openingHours: on(['SA'], '10:00', '16:00'),
    channels: [
      channel('OUTREACH', '区内のご自宅へお届け'),
      channel('EMAIL', 'osusowake@kodomo-shokudo-chuo.example.jp', '申し込みはメールで'),
      channel('PHONE', '03-0000-1501', '学校・保健師など関係機関からの紹介用', false),
    ],
    capacity: 'WAITLIST',
    waitlistNote: '現在40世帯が順番待ちです。緊急の場合は社会福祉協議会の緊急食料支援をご案内します。',
    waitlistExpectedOn: '2027-03-01',
    lastReviewedOn: '2026-06-01',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8030',
    organizationId: KODOMO_SHOKUDO,
    name: 'こども食堂の立ち上げ相談',
    nameKana: 'コドモショクドウノタチアゲソウダン',
    description:
      'こども食堂を始めたい方、運営に悩んでいる方の相談に、ネットワークの運営者が応じます。会場探し、衛生管理、食材の確保などのノウハウをお伝えします。',
    categories: ['CHILDREN_YOUTH', 'FOOD'],
    targetGroups: ['ANYONE'],
    areaCodes: CENTRAL_WARDS,
    openingHours: on(['TH'], '10:00', '15:00'),
    channels: [channel('EMAIL', 'info@kodomo-shokudo-chuo.example.jp'), channel('PHONE', '03-0000-1500')],
    acceptsReferrals: false,
    lastReviewedOn: '2026-01-12',
  }),

  // NPO法人ひだまりハウス
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8031',
    organizationId: HIDAMARI,
    name: '居場所「ひだまりハウス」',
    nameKana: 'イバショヒダマリハウス',
    description:
      '月島の一軒家を使った、誰でも過ごせる居場所です。昼ご飯づくり、ボードゲーム、畑仕事など、その日の気分で参加できます。月曜〜土曜の11時〜19時、見学だけでも歓迎です。',
    categories: ['IBASHO', 'HIKIKOMORI'],
    targetGroups: ['ANYONE', 'YOUTH'],
    openingHours: on(MON_SAT, '11:00', '19:00'),
    channels: [channel('VISIT', '東京都中央区月島3-5-7 ひだまりハウス'), channel('PHONE', '03-0000-2101')],
    lastReviewedOn: '2026-05-30',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8032',
    organizationId: HIDAMARI,
    name: 'ひきこもり当事者会「ひだまりの会」',
    nameKana: 'ヒダマリノカイ',
    description:
      'ひきこもりの経験がある方同士で、ゆるやかに話をする当事者会です。話さずに聞いているだけでも構いません。毎月第1・第3日曜日の14時〜16時に開いています。',
    categories: ['HIKIKOMORI', 'IBASHO'],
    targetGroups: ['YOUTH', 'ANYONE'],
    areaCodes: CENTRAL_WARDS,
    openingHours: on(['SU'], '14:00', '16:00'),
    channels: [channel('VISIT', '東京都中央区月島3-5-7 ひだまりハウス2階'), channel('EMAIL', 'tojisha@hidamari.example.jp')],
    acceptsReferrals: false,
    lastReviewedOn: '2026-04-05',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8033',
    organizationId: HIDAMARI,
    name: '8050問題 家族相談',
    nameKana: 'ハチマルゴーマルモンダイカゾクソウダン',
    description:
      '高齢の親と、ひきこもりの状態にある中高年のお子さんの世帯のご相談に応じます。親亡きあとの暮らしやお金のこと、介護との両立などを一緒に考えます。予約制の面談です。',
    categories: ['HIKIKOMORI', 'OLDER_PEOPLE'],
    targetGroups: ['CAREGIVERS', 'OLDER_PEOPLE'],
    openingHours: on(['TU', 'TH'], '10:00', '16:00'),
    channels: [channel('PHONE', '03-0000-2102', '面談の予約'), channel('VISIT', '東京都中央区月島3-5-7 ひだまりハウス')],
    lastReviewedOn: '2026-03-14',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8034',
    organizationId: HIDAMARI,
    name: 'ひだまりLINE相談',
    nameKana: 'ヒダマリラインソウダン',
    description:
      '電話や来所はハードルが高い方のための、LINEでの相談です。ひきこもりのこと、家族のこと、これからのことなど、何でも送ってください。火曜〜土曜の15時〜21時に返信します。',
    categories: ['HIKIKOMORI', 'MENTAL_HEALTH'],
    targetGroups: ['YOUTH', 'CAREGIVERS'],
    openingHours: on(['TU', 'WE', 'TH', 'FR', 'SA'], '15:00', '21:00'),
    channels: [channel('SNS_LINE', '@tsunagu-hidamari')],
    lastReviewedOn: '2026-05-30',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8035',
    organizationId: HIDAMARI,
    name: '中間的就労「ひだまり工房」',
    nameKana: 'ヒダマリコウボウ',
    description:
      '焼き菓子づくりや軽作業を通じて、自分のペースで働く体験ができる工房です。1日2時間・週1日から始められ、工賃をお支払いします。現在は定員のため順番待ちです。',
    categories: ['EMPLOYMENT', 'HIKIKOMORI'],
    targetGroups: ['YOUTH', 'PEOPLE_WITH_DISABILITIES'],
    ageMin: 18,
    ageMax: 64,
    openingHours: on(['MO', 'WE', 'FR'], '10:00', '15:00'),
    channels: [channel('PHONE', '03-0000-2103'), channel('VISIT', '東京都中央区月島3-5-7 ひだまりハウス1階 工房')],
    capacity: 'WAITLIST',
    waitlistNote: '定員10名のところ満員です。見学はいつでもできます。',
    waitlistExpectedOn: '2027-01-10',
    lastReviewedOn: '2026-05-30',
  }),

  // 一般社団法人ユースポート中央
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8036',
    organizationId: YOUTHPORT,
    name: '若者就労サポート「ステップ」',
    nameKana: 'ワカモノシュウロウサポートステップ',
    description:
      '働きたいけれど何から始めたらよいか分からない若者を、キャリアカウンセラーが個別に支援します。職場体験、履歴書づくり、面接練習、就職後の定着まで伴走します。',
    categories: ['EMPLOYMENT', 'CHILDREN_YOUTH'],
    targetGroups: ['YOUTH'],
    ageMin: 15,
    ageMax: 39,
    areaCodes: CENTRAL_WARDS,
    openingHours: [...on(MON_FRI, '10:00', '19:00'), ...on(['SA'], '10:00', '17:00')],
    channels: [
      channel('PHONE', '03-0000-2201'),
      channel('VISIT', '東京都中央区日本橋人形町2-6-8 ポートビル3階'),
      channel('EMAIL', 'step@youthport-chuo.example.jp'),
    ],
    lastReviewedOn: '2026-04-18',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8037',
    organizationId: YOUTHPORT,
    name: 'LGBTQユース居場所「にじいろポート」',
    nameKana: 'ニジイロポート',
    description:
      'LGBTQの若者や、性のあり方に悩んでいる若者が安心して過ごせる居場所です。スタッフもLGBTQの当事者です。毎月第2・第4土曜日の14時〜18時、参加は予約不要・無料です。',
    categories: ['LGBTQ', 'IBASHO', 'CHILDREN_YOUTH'],
    targetGroups: ['LGBTQ', 'YOUTH'],
    ageMin: 13,
    ageMax: 29,
    areaCodes: CENTRAL_WARDS,
    openingHours: on(['SA'], '14:00', '18:00'),
    channels: [channel('VISIT', '会場は参加登録後にお知らせします'), channel('EMAIL', 'niji@youthport-chuo.example.jp')],
    lastReviewedOn: '2026-05-09',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8038',
    organizationId: YOUTHPORT,
    name: 'LGBTQのためのチャット相談',
    nameKana: 'エルジービーティーキューノタメノチャットソウダン',
    description:
      '性のあり方、カミングアウト、学校や職場での困りごとなどを、チャットで相談できます。全国どこからでも、日本語か英語でご利用いただけます。火曜・金曜の18時〜22時です。',
    categories: ['LGBTQ', 'MENTAL_HEALTH'],
    targetGroups: ['LGBTQ'],
    nationwide: true,
    areaCodes: [],
    languages: ['ja', 'en'],
    openingHours: on(['TU', 'FR'], '18:00', '22:00'),
    channels: [channel('CHAT', 'https://niji-chat.youthport-chuo.example.jp')],
    acceptsReferrals: false,
    lastReviewedOn: '2026-05-09',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8039',
    organizationId: YOUTHPORT,
    name: '学び直し・高卒認定サポート',
    nameKana: 'マナビナオシコウソツニンテイサポート',
    description:
      '高校を中退した方や、学び直したい若者のための学習支援です。高卒認定試験の対策や、通信制高校への進学相談を、ボランティアの講師がマンツーマンで行います。',
    categories: ['CHILDREN_YOUTH', 'EMPLOYMENT'],
    targetGroups: ['YOUTH'],
    ageMin: 15,
    ageMax: 29,
    openingHours: on(['MO', 'WE', 'TH'], '16:00', '20:00'),
    channels: [channel('VISIT', '東京都中央区日本橋人形町2-6-8 ポートビル3階'), channel('SNS_LINE', '@tsunagu-youthport')],
    capacity: 'WAITLIST',
    waitlistNote: '講師の都合により新規の受け入れは来年度からになります。',
    waitlistExpectedOn: '2027-04-05',
    lastReviewedOn: '2026-06-12',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8040',
    organizationId: YOUTHPORT,
    name: 'ヤングケアラー相談',
    nameKana: 'ヤングケアラーソウダン',
    description:
      '家族の介護やお世話、きょうだいの面倒をみていて、自分の時間が持てない子ども・若者の相談窓口です。LINEで気軽に話せます。必要なときは学校や区と一緒にサポートを考えます。',
    categories: ['CHILDREN_YOUTH', 'GENERAL_CONSULTATION'],
    targetGroups: ['CHILDREN', 'YOUTH', 'CAREGIVERS'],
    ageMin: 10,
    ageMax: 29,
    openingHours: on(MON_FRI, '16:00', '21:00'),
    channels: [channel('SNS_LINE', '@tsunagu-youngcarer'), channel('PHONE', '03-0000-2202')],
    lastReviewedOn: '2026-04-18',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8041',
    organizationId: YOUTHPORT,
    name: '10代の夜の居場所「ナイトポート」',
    nameKana: 'ナイトポート',
    description:
      '夜に家に居づらい10代のための居場所です。軽食を用意し、スタッフが話を聞きます。金曜・土曜の18時〜22時、帰りが遅くなる場合はスタッフが相談に乗ります。',
    categories: ['IBASHO', 'CHILDREN_YOUTH'],
    targetGroups: ['CHILDREN', 'YOUTH'],
    ageMin: 13,
    ageMax: 19,
    openingHours: on(['FR', 'SA'], '18:00', '22:00'),
    channels: [channel('VISIT', '東京都中央区日本橋人形町2-6-8 ポートビル1階'), channel('SNS_LINE', '@tsunagu-nightport')],
    lastReviewedOn: '2026-06-05',
  }),

  // 中央区こころの相談室
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8042',
    organizationId: KOKORO,
    name: 'こころの電話相談',
    nameKana: 'ココロノデンワソウダン',
    description:
      '気分の落ち込み、不安、眠れないなど、こころの不調について専門の相談員がお話を伺います。必要に応じて医療機関や支援機関をご案内します。平日9時〜21時です。',
    categories: ['MENTAL_HEALTH', 'SUICIDE_PREVENTION'],
    targetGroups: ['ANYONE'],
    openingHours: on(MON_FRI, '09:00', '21:00'),
    channels: [channel('PHONE', '03-0000-2301')],
    lastReviewedOn: '2026-04-01',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8043',
    organizationId: KOKORO,
    name: 'いのちの相談ダイヤル（24時間）',
    nameKana: 'イノチノソウダンダイヤル',
    description:
      '死にたいほどつらい気持ちを抱えている方の電話相談です。24時間365日、相談員が対応します。全国どこからでも無料でおかけいただけます。',
    categories: ['SUICIDE_PREVENTION', 'MENTAL_HEALTH'],
    targetGroups: ['ANYONE'],
    nationwide: true,
    areaCodes: [],
    open24h: true,
    openingHours: [],
    channels: [channel('PHONE', '0120-000-231', '通話料無料')],
    acceptsReferrals: false,
    lastReviewedOn: '2026-06-01',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8044',
    organizationId: KOKORO,
    name: '依存症家族相談',
    nameKana: 'イゾンショウカゾクソウダン',
    description:
      'アルコール、ギャンブル、薬物などの問題を抱える方のご家族の相談です。ご本人への接し方や、ご家族自身の心身の健康について一緒に考えます。毎月第3水曜日には家族教室も開いています。',
    categories: ['ADDICTION'],
    targetGroups: ['CAREGIVERS'],
    openingHours: on(['WE'], '13:00', '17:00'),
    channels: [channel('PHONE', '03-0000-2302', '予約受付'), channel('VISIT', '東京都中央区築地1-2-5 中央区デモ庁舎5階')],
    lastReviewedOn: '2026-03-25',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8045',
    organizationId: KOKORO,
    name: '依存症の回復プログラム',
    nameKana: 'イゾンショウノカイフクプログラム',
    description:
      'アルコールやギャンブル、ゲームなどをやめたい、減らしたい方のための全8回のグループプログラムです。専門医と公認心理師が担当します。次のクールは定員に達したため、順番待ちです。',
    categories: ['ADDICTION', 'MENTAL_HEALTH'],
    targetGroups: ['ANYONE'],
    ageMin: 18,
    openingHours: on(['TH'], '18:30', '20:30'),
    channels: [channel('PHONE', '03-0000-2303')],
    capacity: 'WAITLIST',
    waitlistNote: '次回のクールは2027年1月開始予定です。個別相談はすぐにお受けできます。',
    waitlistExpectedOn: '2027-01-07',
    lastReviewedOn: '2026-06-08',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8046',
    organizationId: KOKORO,
    name: '精神保健福祉士による訪問相談',
    nameKana: 'セイシンホケンフクシシニヨルホウモンソウダン',
    description:
      '医療につながっていない、こころの不調が心配な方のご自宅へ、精神保健福祉士と保健師が訪問します。ご家族や関係機関からのご相談をきっかけに伺います。',
    categories: ['MENTAL_HEALTH', 'MEDICAL'],
    targetGroups: ['ANYONE', 'CAREGIVERS'],
    openingHours: on(MON_FRI, '09:00', '17:00'),
    channels: [
      channel('OUTREACH', '区内のご自宅へ訪問'),
      channel('PHONE', '03-0000-2304', '関係機関専用の訪問依頼ダイヤル', false),
    ],
    lastReviewedOn: '2026-04-01',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8047',
    organizationId: KOKORO,
    name: '自死遺族のわかちあいの会',
    nameKana: 'ジシイゾクノワカチアイノカイ',
    description:
      '大切な方を自死で亡くされた方が、安心して気持ちを語り合える集いです。ファシリテーターが進行し、話したくないことは話さなくて構いません。偶数月の第2日曜日に開いています。',
    categories: ['SUICIDE_PREVENTION', 'MENTAL_HEALTH'],
    targetGroups: ['CAREGIVERS'],
    areaCodes: CENTRAL_WARDS,
    openingHours: on(['SU'], '13:30', '16:00'),
    channels: [channel('PHONE', '03-0000-2305', '参加の申し込み'), channel('EMAIL', 'wakachiai@city-chuo.example.jp')],
    acceptsReferrals: false,
    lastReviewedOn: '2026-02-16',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8048',
    organizationId: KOKORO,
    name: '産後のこころと子育て不安の相談',
    nameKana: 'サンゴノココロトコソダテフアンノソウダン',
    description:
      '産後の気分の落ち込みや、子育てへの不安・孤立感について、助産師と公認心理師が相談に応じます。赤ちゃん連れでの来所も歓迎です。オンライン面談も選べます。',
    categories: ['MENTAL_HEALTH', 'PARENTING'],
    targetGroups: ['PARENTS', 'WOMEN'],
    openingHours: on(['MO', 'TH'], '10:00', '16:00'),
    channels: [
      channel('PHONE', '03-0000-2306'),
      channel('CHAT', 'https://sango.city-chuo.example.jp', 'オンライン面談の予約'),
      channel('VISIT', '東京都中央区築地1-2-5 中央区デモ庁舎5階'),
    ],
    lastReviewedOn: '2026-05-22',
  }),

  // フードパントリーつきじ
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8049',
    organizationId: PANTRY,
    name: 'フードパントリーつきじ（食品の無料配布）',
    nameKana: 'フードパントリーツキジ',
    description:
      '毎週土曜の10時〜13時、お米・レトルト食品・野菜などを無料でお渡しします。初回は簡単な登録をお願いしています。収入の証明などは必要ありません。',
    categories: ['FOOD', 'POVERTY'],
    targetGroups: ['LOW_INCOME', 'ANYONE'],
    languages: ['ja', 'ja-simple'],
    openingHours: on(['SA'], '10:00', '13:00'),
    channels: [channel('VISIT', '東京都中央区築地6-7-9 つきじ会館1階'), channel('PHONE', '03-0000-2401')],
    lastReviewedOn: '2026-06-06',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8050',
    organizationId: PANTRY,
    name: '学生・若者応援パントリー',
    nameKana: 'ガクセイワカモノオウエンパントリー',
    description:
      '一人暮らしの学生や、仕事が不安定な若者向けの食品配布日です。食品と一緒に日用品もお渡しし、希望する方には生活の相談窓口をご案内します。毎月最終水曜の18時〜20時です。',
    categories: ['FOOD', 'CHILDREN_YOUTH'],
    targetGroups: ['YOUTH', 'LOW_INCOME'],
    ageMin: 18,
    ageMax: 29,
    areaCodes: CENTRAL_WARDS,
    openingHours: on(['WE'], '18:00', '20:00'),
    channels: [channel('VISIT', '東京都中央区築地6-7-9 つきじ会館1階'), channel('SNS_LINE', '@tsunagu-pantry')],
    acceptsReferrals: false,
    lastReviewedOn: '2026-05-28',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8051',
    organizationId: PANTRY,
    name: '関係機関からの食料緊急依頼',
    nameKana: 'カンケイキカンカラノショクリョウキンキュウイライ',
    description:
      '支援機関がかかわっている方に、その日のうちに食品をお届けする緊急対応です。倉庫の改修工事のため、現在は受け付けを休止しています。再開まではフードパントリーの配布日をご案内ください。',
    categories: ['FOOD', 'POVERTY'],
    targetGroups: ['LOW_INCOME'],
    eligibility: '支援機関・行政の担当者からのご依頼に限ります',
    openingHours: on(MON_FRI, '10:00', '17:00'),
    channels: [channel('PHONE', '03-0000-2402', '関係機関専用の依頼ダイヤル', false)],
    capacity: 'NOT_ACCEPTING',
    lastReviewedOn: '2026-06-06',
  }),

  // 多文化共生センターかちどき
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8052',
    organizationId: TABUNKA,
    name: '外国人のための生活相談（やさしい日本語・ベトナム語）',
    nameKana: 'ガイコクジンノタメノセイカツソウダン',
    description:
      '在留手続き、仕事、住まい、病院、子どもの学校など、日本での暮らしの困りごとを相談できます。やさしい日本語、ベトナム語、英語で対応します。火曜〜土曜の10時〜18時です。',
    categories: ['FOREIGN_RESIDENTS', 'GENERAL_CONSULTATION'],
    targetGroups: ['FOREIGN_RESIDENTS'],
    languages: ['ja-simple', 'vi', 'en'],
    openingHours: on(['TU', 'WE', 'TH', 'FR', 'SA'], '10:00', '18:00'),
    channels: [
      channel('VISIT', '東京都中央区勝どき3-8-10 かちどきコミュニティプラザ2階'),
      channel('PHONE', '03-0000-2501'),
      channel('SNS_LINE', '@tsunagu-kachidoki', 'Tiếng Việt OK'),
    ],
    lastReviewedOn: '2026-04-25',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8053',
    organizationId: TABUNKA,
    name: '多言語電話相談（中国語・韓国語・タガログ語・ネパール語）',
    nameKana: 'タゲンゴデンワソウダン',
    description:
      '母語で相談できる電話窓口です。曜日ごとに通訳スタッフが在席し、生活全般の相談をお受けします。中国語は月曜、韓国語は火曜、タガログ語は水曜、ネパール語は木曜の13時〜17時です。',
    categories: ['FOREIGN_RESIDENTS'],
    targetGroups: ['FOREIGN_RESIDENTS'],
    languages: ['zh', 'ko', 'tl', 'ne', 'ja-simple'],
    areaCodes: CENTRAL_WARDS,
    openingHours: on(['MO', 'TU', 'WE', 'TH'], '13:00', '17:00'),
    channels: [channel('PHONE', '03-0000-2502')],
    lastReviewedOn: '2026-04-25',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8054',
    organizationId: TABUNKA,
    name: '日本語教室「かちどき にほんご ひろば」',
    nameKana: 'カチドキニホンゴヒロバ',
    description:
      '日本語を学びたい方のための、少人数の日本語教室です。会話の練習を通じて、地域に知り合いをつくることもできます。現在は満員のため、順番にご案内しています。',
    categories: ['FOREIGN_RESIDENTS', 'IBASHO'],
    targetGroups: ['FOREIGN_RESIDENTS'],
    languages: ['ja-simple', 'en'],
    openingHours: [...on(['WE'], '19:00', '20:30'), ...on(['SU'], '10:00', '12:00')],
    channels: [channel('VISIT', '東京都中央区勝どき3-8-10 かちどきコミュニティプラザ3階'), channel('EMAIL', 'nihongo@tabunka-kachidoki.example.jp')],
    fee: 'PAID',
    feeNote: '教材費 月500円',
    capacity: 'WAITLIST',
    waitlistNote: '次の募集は来年の春です。メールで順番待ちの登録ができます。',
    waitlistExpectedOn: '2027-04-10',
    acceptsReferrals: false,
    lastReviewedOn: '2026-03-01',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8055',
    organizationId: TABUNKA,
    name: '外国にルーツのある子どもの学習支援',
    nameKana: 'ガイコクニルーツノアルコドモノガクシュウシエン',
    description:
      '日本語や教科の勉強に困っている子どもを、ボランティアが一対一で支えます。ポルトガル語・スペイン語を話すスタッフもいます。保護者の方の進学相談にも応じます。',
    categories: ['FOREIGN_RESIDENTS', 'CHILDREN_YOUTH'],
    targetGroups: ['CHILDREN', 'FOREIGN_RESIDENTS'],
    ageMin: 6,
    ageMax: 18,
    languages: ['ja-simple', 'pt', 'es'],
    openingHours: on(['TU', 'TH'], '16:00', '19:00'),
    channels: [channel('VISIT', '東京都中央区勝どき3-8-10 かちどきコミュニティプラザ3階'), channel('PHONE', '03-0000-2503')],
    lastReviewedOn: '2026-05-19',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8056',
    organizationId: TABUNKA,
    name: '医療通訳コーディネート',
    nameKana: 'イリョウツウヤクコーディネート',
    description:
      '病院の受診に通訳が必要な方のために、医療通訳ボランティアを手配します。医療機関や支援機関からの依頼は専用ダイヤルで受け付けます。受診日の1週間前までにご連絡ください。',
    categories: ['FOREIGN_RESIDENTS', 'MEDICAL'],
    targetGroups: ['FOREIGN_RESIDENTS'],
    languages: ['en', 'zh', 'vi', 'pt', 'es'],
    areaCodes: CENTRAL_WARDS,
    openingHours: on(MON_FRI, '10:00', '17:00'),
    channels: [
      channel('EMAIL', 'tsuyaku@tabunka-kachidoki.example.jp'),
      channel('PHONE', '03-0000-2504', '医療機関・関係機関専用', false),
    ],
    lastReviewedOn: '2026-04-25',
  }),

  // NPO法人はるかぜ
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8057',
    organizationId: HARUKAZE,
    name: 'DV・性暴力ホットライン（24時間）',
    nameKana: 'ディーブイセイボウリョクホットライン',
    description:
      '配偶者やパートナーからの暴力、性暴力の被害について、24時間いつでも電話で相談できます。女性の相談員が対応し、必要なときは病院や警察への付き添い、安全な避難先の確保を支援します。',
    categories: ['DV_SEXUAL_VIOLENCE'],
    targetGroups: ['WOMEN', 'LGBTQ', 'ANYONE'],
    nationwide: true,
    areaCodes: [],
    languages: ['ja', 'en'],
    open24h: true,
    openingHours: [],
    channels: [
      channel('PHONE', '0120-000-811', '通話料無料・24時間'),
      channel('CHAT', 'https://chat.harukaze.example.jp', 'チャットは毎日18時〜翌2時'),
    ],
    lastReviewedOn: '2026-06-02',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8058',
    organizationId: HARUKAZE,
    name: '女性のための居場所「はるかぜサロン」',
    nameKana: 'ハルカゼサロン',
    description:
      '家にも職場にも居場所がないと感じている女性が、ほっとひと息つける場所です。お茶やお菓子を用意して、女性スタッフがお待ちしています。会場は安全のため、ご連絡いただいた方にお知らせします。',
    categories: ['IBASHO', 'DV_SEXUAL_VIOLENCE'],
    targetGroups: ['WOMEN'],
    openingHours: on(['TU', 'SA'], '12:00', '17:00'),
    channels: [channel('SNS_LINE', '@tsunagu-harukaze', '会場の案内はLINEで'), channel('PHONE', '03-0000-2601')],
    lastReviewedOn: '2026-05-11',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8059',
    organizationId: HARUKAZE,
    name: 'シェルター退所後の住まいと暮らしのサポート',
    nameKana: 'シェルタータイショゴノスマイトクラシノサポート',
    description:
      'DV被害などでシェルターを退所した女性と子どもの、住まい探し、転校や各種手続き、就労を支援します。関係機関からの紹介のみ受け付けています。現在はスタッフ体制の都合により、新規の受け付けを停止しています。',
    categories: ['HOUSING', 'DV_SEXUAL_VIOLENCE'],
    targetGroups: ['WOMEN', 'PARENTS'],
    eligibility: '女性相談支援センター・区の女性相談などからの紹介による方',
    areaCodes: CENTRAL_WARDS,
    openingHours: on(MON_FRI, '10:00', '17:00'),
    channels: [channel('PHONE', '03-0000-2602', '関係機関専用の紹介ダイヤル', false)],
    capacity: 'NOT_ACCEPTING',
    lastReviewedOn: '2026-06-02',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8060',
    organizationId: HARUKAZE,
    name: '若年女性のLINE相談「はるかぜLINE」',
    nameKana: 'ハルカゼライン',
    description:
      '家に帰りたくない、頼れる人がいない、性被害にあったかもしれない――そんな10代・20代の女性のためのLINE相談です。毎日20時〜23時30分に、女性の相談員が返信します。',
    categories: ['DV_SEXUAL_VIOLENCE', 'CHILDREN_YOUTH'],
    targetGroups: ['WOMEN', 'YOUTH'],
    ageMin: 15,
    ageMax: 29,
    areaCodes: CENTRAL_WARDS,
    openingHours: on(EVERY_DAY, '20:00', '23:30'),
    channels: [channel('SNS_LINE', '@tsunagu-harukaze-line')],
    lastReviewedOn: '2026-05-11',
  }),

  // 中央すみれ法律相談センター
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8061',
    organizationId: SUMIRE_LAW,
    name: '弁護士による無料法律相談',
    nameKana: 'ベンゴシニヨルムリョウホウリツソウダン',
    description:
      '離婚、相続、労働、近隣トラブルなど、暮らしの法律問題を弁護士に無料で相談できます。1回30分、予約制です。火曜・木曜の13時〜16時に行っています。',
    categories: ['LEGAL'],
    targetGroups: ['ANYONE'],
    openingHours: on(['TU', 'TH'], '13:00', '16:00'),
    channels: [channel('PHONE', '03-0000-2701', '予約受付（平日10時〜17時）'), channel('VISIT', '東京都中央区京橋2-9-11 すみれビル6階')],
    lastReviewedOn: '2026-03-09',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8062',
    organizationId: SUMIRE_LAW,
    name: '借金・多重債務の相談',
    nameKana: 'シャッキンタジュウサイムノソウダン',
    description:
      '返済に困っている借金について、債務整理や自己破産などの解決方法を弁護士・司法書士がご説明します。ギャンブルなどの依存が背景にある場合は、専門の相談先とも連携します。初回相談は無料です。',
    categories: ['LEGAL', 'POVERTY', 'ADDICTION'],
    targetGroups: ['LOW_INCOME', 'ANYONE'],
    areaCodes: CENTRAL_WARDS,
    openingHours: on(MON_FRI, '10:00', '18:00'),
    channels: [channel('PHONE', '03-0000-2702'), channel('EMAIL', 'saimu@sumire-law.example.jp')],
    fee: 'PAID',
    feeNote: '初回相談（45分）は無料。依頼後の費用は分割払いに対応します。',
    lastReviewedOn: '2026-03-09',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8063',
    organizationId: SUMIRE_LAW,
    name: '外国人のための法律相談（英語・中国語）',
    nameKana: 'ガイコクジンノタメノホウリツソウダン',
    description:
      '在留資格、労働、家族のことなど、外国籍の方の法律相談を英語または中国語で受け付けます。通訳を介さずに弁護士と話すことができます。毎月第1土曜日の10時〜13時、予約制です。',
    categories: ['LEGAL', 'FOREIGN_RESIDENTS'],
    targetGroups: ['FOREIGN_RESIDENTS'],
    languages: ['en', 'zh', 'ja'],
    areaCodes: CENTRAL_WARDS,
    openingHours: on(['SA'], '10:00', '13:00'),
    channels: [channel('EMAIL', 'global@sumire-law.example.jp', 'English / 中文 OK'), channel('VISIT', '東京都中央区京橋2-9-11 すみれビル6階')],
    lastReviewedOn: '2026-02-20',
  }),

  // 医療法人社団あかり会 あかりクリニック
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8064',
    organizationId: AKARI_CLINIC,
    name: '無料低額診療',
    nameKana: 'ムリョウテイガクシンリョウ',
    description:
      '経済的な理由で病院にかかれない方の医療費の自己負担を、収入に応じて減額・免除します。受診前に医療ソーシャルワーカーが面談します。保険証がない方もご相談ください。',
    categories: ['MEDICAL', 'POVERTY'],
    targetGroups: ['LOW_INCOME'],
    openingHours: [...on(MON_FRI, '09:00', '18:00'), ...on(['SA'], '09:00', '12:30')],
    channels: [channel('PHONE', '03-0000-2801', '医療相談室'), channel('VISIT', '東京都中央区明石町4-10-12 あかりメディカルビル1階')],
    fee: 'PAID',
    feeNote: '収入に応じて自己負担を減額または免除します',
    lastReviewedOn: '2026-04-12',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8065',
    organizationId: AKARI_CLINIC,
    name: '訪問診療・訪問看護',
    nameKana: 'ホウモンシンリョウホウモンカンゴ',
    description:
      '通院が難しい高齢の方や障害のある方のご自宅へ、医師と看護師が定期的に伺います。ひとり暮らしの方の服薬や体調の見守りも行います。新規の受け入れは順番にご案内しています。',
    categories: ['MEDICAL', 'OLDER_PEOPLE'],
    targetGroups: ['OLDER_PEOPLE', 'PEOPLE_WITH_DISABILITIES'],
    openingHours: on(MON_FRI, '09:00', '17:00'),
    channels: [channel('OUTREACH', '区内のご自宅へ訪問'), channel('PHONE', '03-0000-2802', 'ケアマネジャー・関係機関からの依頼', false)],
    fee: 'PAID',
    feeNote: '医療保険・介護保険の自己負担分',
    capacity: 'WAITLIST',
    waitlistNote: '医師の体制が整い次第、順次受け入れます。',
    waitlistExpectedOn: '2027-02-15',
    lastReviewedOn: '2026-05-06',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8066',
    organizationId: AKARI_CLINIC,
    name: '思春期のこころの外来',
    nameKana: 'シシュンキノココロノガイライ',
    description:
      '不登校、眠れない、食べられない、自分を傷つけてしまうなど、思春期のこころの不調を専門医が診察します。保護者だけの相談もできます。初診は予約制で、現在は新規予約を停止しています。',
    categories: ['MEDICAL', 'MENTAL_HEALTH', 'CHILDREN_YOUTH'],
    targetGroups: ['CHILDREN', 'YOUTH', 'PARENTS'],
    ageMin: 12,
    ageMax: 18,
    openingHours: on(['WE', 'FR'], '14:00', '18:00'),
    channels: [channel('PHONE', '03-0000-2803', '初診予約')],
    fee: 'PAID',
    feeNote: '健康保険の自己負担分（子ども医療費助成の対象）',
    capacity: 'NOT_ACCEPTING',
    lastReviewedOn: '2026-05-06',
  }),

  // NPO法人てとて
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8067',
    organizationId: TETOTE,
    name: '手話で話せる相談・交流サロン',
    nameKana: 'シュワデハナセルソウダンコウリュウサロン',
    description:
      'ろう者・難聴者の方が、日本手話で相談したり交流したりできるサロンです。ろう者のスタッフが対応します。来所が難しい方はビデオ通話でもご相談いただけます。',
    categories: ['DISABILITY', 'IBASHO'],
    targetGroups: ['PEOPLE_WITH_DISABILITIES'],
    languages: ['jsl', 'ja'],
    areaCodes: CENTRAL_WARDS,
    openingHours: on(['WE', 'SA'], '10:00', '16:00'),
    channels: [
      channel('VISIT', '東京都中央区湊1-11-13 てとてハウス1階'),
      channel('CHAT', 'https://video.tetote.example.jp', 'ビデオ通話（手話）'),
      channel('EMAIL', 'soudan@tetote.example.jp'),
    ],
    lastReviewedOn: '2026-04-28',
  }),
  chuo({
    id: '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8068',
    organizationId: TETOTE,
    name: '障害のある方の就労相談',
    nameKana: 'ショウガイノアルカタノシュウロウソウダン',
    description:
      '障害のある方の、働きたい・働き続けたいという思いを支える相談窓口です。就労移行支援事業所やハローワークと連携し、職場への定着もサポートします。手話での相談もできます。',
    categories: ['DISABILITY', 'EMPLOYMENT'],
    targetGroups: ['PEOPLE_WITH_DISABILITIES'],
    ageMin: 18,
    ageMax: 64,
    languages: ['ja', 'jsl'],
    openingHours: on(MON_FRI, '09:30', '17:30'),
    channels: [channel('PHONE', '03-0000-2901'), channel('EMAIL', 'shuro@tetote.example.jp')],
    lastReviewedOn: '2026-04-28',
  }),
];

const MINATO_SERVICES: DemoService[] = [
  minato({
    id: '7a2e4d63-9b68-4b66-8f1c-3a1d7d2b9001',
    organizationId: MINATO_HOUSE,
    name: 'みなと総合相談',
    nameKana: 'ミナトソウゴウソウダン',
    description:
      '孤独や生活の困りごとなど、どんなことでもまずはご相談ください。相談員がお話を伺い、港区内の支援につなぎます。平日10時〜18時、電話と来所で受け付けています。',
    categories: ['GENERAL_CONSULTATION'],
    targetGroups: ['ANYONE'],
    openingHours: on(MON_FRI, '10:00', '18:00'),
    channels: [channel('PHONE', '03-0000-3101'), channel('VISIT', '東京都港区芝2-3-14 みなとハウス2階')],
    lastReviewedOn: '2026-04-14',
  }),
  minato({
    id: '7a2e4d63-9b68-4b66-8f1c-3a1d7d2b9002',
    organizationId: MINATO_HOUSE,
    name: 'みなと居場所カフェ',
    nameKana: 'ミナトイバショカフェ',
    description:
      'どなたでも立ち寄れるカフェ型の居場所です。飲み物は無料で、ひとりで過ごしても、スタッフとおしゃべりしても構いません。木曜・日曜の12時〜17時に開いています。',
    categories: ['IBASHO'],
    targetGroups: ['ANYONE'],
    openingHours: on(['TH', 'SU'], '12:00', '17:00'),
    channels: [channel('VISIT', '東京都港区芝2-3-14 みなとハウス1階')],
    acceptsReferrals: false,
    lastReviewedOn: '2026-04-14',
  }),
  minato({
    id: '7a2e4d63-9b68-4b66-8f1c-3a1d7d2b9003',
    organizationId: MINATO_HOUSE,
    name: '住まい探し同行サポート',
    nameKana: 'スマイサガシドウコウサポート',
    description:
      '住まいを失いそうな方、保証人がいなくて部屋を借りられない方の住まい探しに、スタッフが同行します。不動産店への同行や入居後の見守りも行います。現在は順番待ちです。',
    categories: ['HOUSING', 'POVERTY'],
    targetGroups: ['LOW_INCOME', 'OLDER_PEOPLE'],
    openingHours: on(MON_FRI, '10:00', '17:00'),
    channels: [channel('PHONE', '03-0000-3102'), channel('PHONE', '03-0000-3109', '関係機関専用の紹介ダイヤル', false)],
    capacity: 'WAITLIST',
    waitlistNote: '同行支援は1か月ほどお待ちいただいています。',
    waitlistExpectedOn: '2027-01-20',
    lastReviewedOn: '2026-05-18',
  }),
  minato({
    id: '7a2e4d63-9b68-4b66-8f1c-3a1d7d2b9004',
    organizationId: MINATO_HOUSE,
    name: 'みなと若者しごと相談',
    nameKana: 'ミナトワカモノシゴトソウダン',
    description:
      '仕事が続かない、働くことに自信がない若者の相談に応じます。職場見学や短時間の就労体験もご用意しています。オンライン面談もできます。',
    categories: ['EMPLOYMENT', 'CHILDREN_YOUTH'],
    targetGroups: ['YOUTH'],
    ageMin: 15,
    ageMax: 39,
    openingHours: on(['TU', 'TH', 'SA'], '11:00', '19:00'),
    channels: [channel('EMAIL', 'shigoto@minato.example.jp'), channel('CHAT', 'https://online.minato.example.jp')],
    lastReviewedOn: '2026-03-30',
  }),
  minato({
    id: '7a2e4d63-9b68-4b66-8f1c-3a1d7d2b9005',
    organizationId: MINATO_HOUSE,
    name: '外国人のための生活相談（英語・スペイン語）',
    nameKana: 'ガイコクジンノタメノセイカツソウダン',
    description:
      '港区で暮らす外国籍の方の生活相談を、英語・スペイン語・やさしい日本語でお受けします。行政の手続きや病院探しのお手伝いもします。毎週水曜の13時〜18時です。',
    categories: ['FOREIGN_RESIDENTS', 'GENERAL_CONSULTATION'],
    targetGroups: ['FOREIGN_RESIDENTS'],
    languages: ['en', 'es', 'ja-simple'],
    openingHours: on(['WE'], '13:00', '18:00'),
    channels: [channel('PHONE', '03-0000-3103'), channel('EMAIL', 'global@minato.example.jp')],
    lastReviewedOn: '2026-04-14',
  }),
  minato({
    id: '7a2e4d63-9b68-4b66-8f1c-3a1d7d2b9006',
    organizationId: MINATO_KODOMO,
    name: 'こども食堂みなと',
    nameKana: 'コドモショクドウミナト',
    description:
      '毎週金曜の夕方、子どもが無料で夕ご飯を食べられるこども食堂です。食事のあとは宿題や遊びの時間もあります。保護者の方も一緒にどうぞ。',
    categories: ['FOOD', 'CHILDREN_YOUTH'],
    targetGroups: ['CHILDREN', 'PARENTS'],
    ageMin: 0,
    ageMax: 18,
    openingHours: on(['FR'], '17:00', '19:30'),
    channels: [channel('VISIT', '東京都港区三田1-4-15 みらいビル1階')],
    fee: 'PAID',
    feeNote: '子どもは無料、大人は1食300円',
    acceptsReferrals: false,
    lastReviewedOn: '2026-05-23',
  }),
  minato({
    id: '7a2e4d63-9b68-4b66-8f1c-3a1d7d2b9007',
    organizationId: MINATO_KODOMO,
    name: '子育てLINE相談「みなとママパパ」',
    nameKana: 'ミナトママパパ',
    description:
      '子育ての悩みや孤立感を、LINEで気軽に相談できます。保育士と助産師が交代で返信します。平日の10時〜16時と、火曜の夜20時〜22時に対応しています。',
    categories: ['PARENTING'],
    targetGroups: ['PARENTS'],
    openingHours: [...on(MON_FRI, '10:00', '16:00'), ...on(['TU'], '20:00', '22:00')],
    channels: [channel('SNS_LINE', '@tsunagu-minato-kosodate')],
    lastReviewedOn: '2026-05-23',
  }),
];

export const DEMO_SERVICES: DemoService[] = [...CHUO_SERVICES, ...MINATO_SERVICES];
