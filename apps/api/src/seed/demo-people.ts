// Demo people supported (当事者) and their consents for `npm start` (DESIGN.md capability 2), so
// the people pages, the consent rule and the kept records have something to show. Everything
// here is invented: names, birth dates, the 03-0000-xxxx phone numbers and example.jp
// addresses. Most people are registered by NPO法人こもれび, where the coordinator
// (coordinator@komorebi.example.jp) is the usual case worker; one is registered by
// つながりサポートセンター and shared with こもれび, so the coordinator also sees a shared person.
//
// The consents show each state the rule knows: active to a named organisation for referral,
// active to organisation kinds for case conferences, separate special-care consents, one
// expired, one revoked (with its reason), one not valid yet, one for statistics, and one person
// whose use has stopped. Their dates are relative to the first seeding, which fixes them (fixed ids, inserts
// that skip existing rows).
import {
  ConsentMethod,
  ConsentPurpose,
  duplicateKey,
  OrganizationKind,
  PERSONAL_DATA_CATEGORIES,
  PersonalDataCategory,
  PersonValues,
} from '@tsunagu/domain';
import type { EntityManager } from 'typeorm';
import { FieldCipher } from '../core/personal-data/field-cipher';
import { personColumnValues, searchText } from '../core/personal-data/person-records';
import type { PersonInput } from '../modules/people/dto/people.input';
import { validatePersonInput } from '../modules/people/person-fields';
import { DEMO_NETWORK } from './demo-networks';

export interface DemoPerson {
  readonly id: string;
  /** The registering organisation (the owner). */
  readonly organizationId: string;
  /** The member who registered them (and obtained their consents). */
  readonly caseWorkerEmail: string;
  /** Days before the first seeding the person was registered. */
  readonly registeredDaysAgo: number;
  readonly input: PersonInput & { identity: NonNullable<PersonInput['identity']> };
  /** 利用停止 at the person's request. */
  readonly useCeased?: { readonly daysAgo: number; readonly reason: string };
}

export interface DemoConsent {
  readonly id: string;
  readonly personId: string;
  readonly categories: PersonalDataCategory[];
  readonly purposes: ConsentPurpose[];
  readonly recipientOrganizationIds: string[];
  readonly recipientKinds: OrganizationKind[];
  /** Days relative to the first seeding (negative: before). */
  readonly validFromDays: number;
  readonly validUntilDays: number | null;
  readonly method: ConsentMethod;
  readonly evidenceNote: string | null;
  readonly specialCareExplained: boolean;
  readonly revoked?: { readonly daysAgo: number; readonly reason: string };
}

const [SUPPORT_CENTER, KOMOREBI] = DEMO_NETWORK.organizations.map((organization) => organization.id);
// Organisations of demo-directory.ts.
const HIDAMARI = '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a7f01';
const YOUTHPORT = '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a7f02';
const TABUNKA = '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a7f05';
const SUMIRE_LAW = '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a7f07';

const COORDINATOR = 'coordinator@komorebi.example.jp';
const STAFF = 'staff@komorebi.example.jp';
const CENTER_ADMIN = 'admin@chuo.example.jp';

const person = (n: number) => `6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8a${String(n).padStart(2, '0')}`;
const consent = (n: number) => `6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8c${String(n).padStart(2, '0')}`;

const CHUO = '13102';

export const DEMO_PEOPLE: DemoPerson[] = [
  {
    id: person(1),
    organizationId: KOMOREBI,
    caseWorkerEmail: COORDINATOR,
    registeredDaysAgo: 120,
    input: {
      identity: { familyName: '青木', givenName: '遥', familyNameKana: 'アオキ', givenNameKana: 'ハルカ', birthDate: '1998-05-12', gender: 'FEMALE' },
      contact: { phone: '03-0000-2101', email: 'haruka.aoki@example.jp', postalCode: '104-0061', address: '東京都中央区銀座九丁目（架空）', municipalityCode: CHUO, preferredChannel: 'メール（平日夜）', notes: null },
      household: { livingSituation: 'ALONE', householdSize: 1, dependents: null, notes: '地方出身、都内に頼れる家族はいない' },
      health: { conditions: '不眠、抑うつ状態（通院中）', medications: '睡眠導入剤', medicalInstitution: 'あかりクリニック', notes: '体調の波が大きい時期がある' },
      financial: { incomeSources: 'アルバイト（週3日）', receivesPublicAssistance: false, hasDebt: false, notes: null },
      consultation: { needs: ['IBASHO', 'MENTAL_HEALTH', 'EMPLOYMENT'], summary: '仕事を辞めてから人と話す機会がほとんどない', notes: '居場所サロンに月2回参加。就労相談を希望' },
    },
  },
  {
    id: person(2),
    organizationId: KOMOREBI,
    caseWorkerEmail: COORDINATOR,
    registeredDaysAgo: 200,
    input: {
      identity: { familyName: '川口', givenName: '正雄', familyNameKana: 'カワグチ', givenNameKana: 'マサオ', birthDate: '1948-11-03', gender: 'MALE' },
      contact: { phone: '03-0000-2102', email: null, postalCode: '104-0044', address: '東京都中央区明石町一丁目（架空）', municipalityCode: CHUO, preferredChannel: '電話（午前中）', notes: '耳が遠いので、ゆっくり話す' },
      household: { livingSituation: 'ALONE', householdSize: 1, dependents: null, notes: '妻と3年前に死別' },
      financial: { incomeSources: '老齢基礎年金のみ', receivesPublicAssistance: false, hasDebt: false, notes: '家賃の負担が重い' },
      consultation: { needs: ['OLDER_PEOPLE', 'FOOD', 'POVERTY'], summary: '外出が減り、食事を抜くことが多い', notes: 'フードパントリーを案内済み' },
    },
  },
  {
    id: person(3),
    organizationId: KOMOREBI,
    caseWorkerEmail: COORDINATOR,
    registeredDaysAgo: 420,
    input: {
      identity: { familyName: '森下', givenName: 'ゆい', familyNameKana: 'もりした', givenNameKana: 'ゆい', birthDate: '2007-08-21', gender: 'FEMALE' },
      contact: { phone: null, email: 'yui.morishita@example.jp', postalCode: null, address: null, municipalityCode: CHUO, preferredChannel: 'LINE', notes: null },
      household: { livingSituation: 'WITH_FAMILY', householdSize: 4, dependents: '弟2人', notes: '母親が夜勤のため、弟たちの世話をしている' },
      consultation: { needs: ['CHILDREN_YOUTH', 'IBASHO'], summary: '放課後に安心して過ごせる場所がほしい', notes: null },
    },
  },
  {
    id: person(4),
    organizationId: KOMOREBI,
    caseWorkerEmail: COORDINATOR,
    registeredDaysAgo: 90,
    input: {
      identity: { familyName: '大野', givenName: '拓海', familyNameKana: 'オオノ', givenNameKana: 'タクミ', birthDate: '1991-02-14', gender: 'MALE' },
      contact: { phone: '03-0000-2104', email: 'takumi.ono@example.jp', postalCode: null, address: null, municipalityCode: CHUO, preferredChannel: 'メール', notes: '電話は苦手' },
      household: { livingSituation: 'WITH_FAMILY', householdSize: 3, dependents: null, notes: '両親と同居' },
      consultation: { needs: ['HIKIKOMORI', 'EMPLOYMENT'], summary: '5年ほど自宅からほとんど出ていない', notes: 'オンライン面談から始めている' },
    },
  },
  {
    id: person(5),
    organizationId: KOMOREBI,
    caseWorkerEmail: COORDINATOR,
    registeredDaysAgo: 30,
    input: {
      identity: { familyName: 'グエン', givenName: 'ティ ラン', familyNameKana: 'グエン', givenNameKana: 'ティ ラン', birthDate: '1989-07-30', gender: 'FEMALE' },
      contact: { phone: '03-0000-2105', email: 'lan.nguyen@example.jp', postalCode: '104-0054', address: '東京都中央区勝どき九丁目（架空）', municipalityCode: CHUO, preferredChannel: 'やさしい日本語で電話', notes: null },
      household: { livingSituation: 'WITH_FAMILY', householdSize: 3, dependents: '子ども2人（3歳、6歳）', notes: 'ひとり親' },
      consultation: { needs: ['FOREIGN_RESIDENTS', 'PARENTING'], summary: '保育園の手続きと子育ての相談先を探している', notes: '来月のケース会議で多文化共生センターと共有予定' },
    },
  },
  {
    id: person(6),
    organizationId: KOMOREBI,
    caseWorkerEmail: COORDINATOR,
    registeredDaysAgo: 60,
    input: {
      identity: { familyName: '西村', givenName: '恵子', familyNameKana: 'ニシムラ', givenNameKana: 'ケイコ', birthDate: '1975-04-09', gender: 'FEMALE' },
      contact: { phone: '03-0000-2106', email: null, postalCode: null, address: null, municipalityCode: CHUO, preferredChannel: '本人からの連絡を待つ', notes: '自宅への連絡・郵送は不可' },
      household: { livingSituation: 'SHELTER', householdSize: 2, dependents: '娘（中学生）', notes: null },
      legal: { criminalRecord: null, victimisation: '配偶者からの暴力（保護命令申立て中）', protectionOrder: true, notes: '住所は秘匿' },
      consultation: { needs: ['DV_SEXUAL_VIOLENCE', 'HOUSING', 'LEGAL'], summary: '避難後の住まいと離婚の手続きの相談', notes: '法律相談センターにつなぐ予定' },
    },
  },
  {
    id: person(7),
    organizationId: KOMOREBI,
    caseWorkerEmail: COORDINATOR,
    registeredDaysAgo: 150,
    input: {
      identity: { familyName: '石田', givenName: '健一', familyNameKana: 'イシダ', givenNameKana: 'ケンイチ', birthDate: '1968-12-01', gender: 'MALE' },
      contact: { phone: '03-0000-2107', email: 'kenichi.ishida@example.jp', postalCode: '104-0032', address: '東京都中央区八丁堀九丁目（架空）', municipalityCode: CHUO, preferredChannel: '電話', notes: null },
      household: { livingSituation: 'ALONE', householdSize: 1, dependents: null, notes: null },
      disability: { certificate: 'MENTAL', grade: '2級', notes: '就労継続支援B型事業所に通所していた' },
      financial: { incomeSources: '障害年金', receivesPublicAssistance: true, hasDebt: false, notes: null },
      consultation: { needs: ['DISABILITY', 'EMPLOYMENT'], summary: '通所先が閉所し、日中の居場所がなくなった', notes: '社協のケース会議で次の通所先を検討' },
    },
  },
  {
    id: person(8),
    organizationId: KOMOREBI,
    caseWorkerEmail: COORDINATOR,
    registeredDaysAgo: 300,
    input: {
      identity: { familyName: '藤井', givenName: '美穂', familyNameKana: 'フジイ', givenNameKana: 'ミホ', birthDate: '1983-09-17', gender: 'FEMALE' },
      contact: { phone: '03-0000-2108', email: 'miho.fujii@example.jp', postalCode: null, address: null, municipalityCode: CHUO, preferredChannel: 'メール', notes: null },
      household: { livingSituation: 'WITH_FAMILY', householdSize: 2, dependents: '母（要介護2）', notes: 'ダブルケアではないが介護負担が大きい' },
      consultation: { needs: ['OLDER_PEOPLE', 'GENERAL_CONSULTATION'], summary: '介護と仕事の両立の相談', notes: null },
    },
    useCeased: { daysAgo: 20, reason: '本人の申し出により利用停止（他区へ転居したため）' },
  },
  {
    id: person(9),
    organizationId: KOMOREBI,
    caseWorkerEmail: COORDINATOR,
    registeredDaysAgo: 45,
    input: {
      identity: { familyName: '松本', givenName: '蒼', familyNameKana: 'マツモト', givenNameKana: 'アオイ', birthDate: '2001-01-25', gender: 'NON_BINARY' },
      contact: { phone: null, email: 'aoi.matsumoto@example.jp', postalCode: null, address: null, municipalityCode: CHUO, preferredChannel: 'チャット相談', notes: null },
      household: { livingSituation: 'WITH_OTHERS', householdSize: 2, dependents: null, notes: '友人とルームシェア' },
      health: { conditions: '希死念慮の訴えあり（過去）', medications: null, medicalInstitution: null, notes: '受診を勧めている。緊急時はいのちの電話を案内' },
      consultation: { needs: ['LGBTQ', 'SUICIDE_PREVENTION', 'MENTAL_HEALTH'], summary: '家族との関係に悩み、孤立している', notes: '同意が得られるまで他団体とは共有しない' },
    },
  },
  {
    id: person(10),
    organizationId: KOMOREBI,
    caseWorkerEmail: STAFF,
    registeredDaysAgo: 10,
    input: {
      identity: { familyName: '岡田', givenName: '大和', familyNameKana: 'オカダ', givenNameKana: 'ヤマト', birthDate: '1979-03-03', gender: 'MALE' },
      contact: { phone: '03-0000-2110', email: null, postalCode: null, address: null, municipalityCode: CHUO, preferredChannel: '電話（夕方）', notes: null },
      financial: { incomeSources: '日雇い', receivesPublicAssistance: false, hasDebt: true, notes: '消費者金融からの借入あり' },
      consultation: { needs: ['POVERTY', 'ADDICTION', 'FOOD'], summary: 'ギャンブルによる借金と生活費の不足', notes: '初回面談のみ' },
    },
  },
  {
    id: person(11),
    organizationId: SUPPORT_CENTER,
    caseWorkerEmail: CENTER_ADMIN,
    registeredDaysAgo: 75,
    input: {
      identity: { familyName: '小川', givenName: '澄江', familyNameKana: 'オガワ', givenNameKana: 'スミエ', birthDate: '1952-06-06', gender: 'FEMALE' },
      contact: { phone: '03-0000-2111', email: null, postalCode: '104-0045', address: '東京都中央区築地九丁目（架空）', municipalityCode: CHUO, preferredChannel: '電話', notes: null },
      household: { livingSituation: 'ALONE', householdSize: 1, dependents: null, notes: '近所付き合いがほとんどない' },
      consultation: { needs: ['OLDER_PEOPLE', 'IBASHO'], summary: '話し相手がほしい。地域の集まりに行ってみたい', notes: 'こもれびの居場所サロンを紹介予定' },
    },
  },
];

export const DEMO_CONSENTS: DemoConsent[] = [
  // 青木 遥: referral to the support centre (ordinary data), and a consent of its own for health.
  {
    id: consent(1), personId: person(1), categories: ['IDENTITY', 'CONTACT', 'CONSULTATION'], purposes: ['REFERRAL'],
    recipientOrganizationIds: [SUPPORT_CENTER], recipientKinds: [], validFromDays: -100, validUntilDays: 265,
    method: 'WRITTEN', evidenceNote: '同意書（紙）に署名。こもれび事務所で保管', specialCareExplained: false,
  },
  {
    id: consent(2), personId: person(1), categories: ['HEALTH'], purposes: ['REFERRAL'],
    recipientOrganizationIds: [SUPPORT_CENTER], recipientKinds: [], validFromDays: -100, validUntilDays: 265,
    method: 'WRITTEN', evidenceNote: '要配慮個人情報について別紙で説明し、署名を得た', specialCareExplained: true,
  },
  // 川口 正雄: case conferences with the municipality and the social welfare council.
  {
    id: consent(3), personId: person(2), categories: ['IDENTITY', 'CONTACT', 'HOUSEHOLD', 'FINANCIAL', 'CONSULTATION'],
    purposes: ['CASE_CONFERENCE'], recipientOrganizationIds: [], recipientKinds: ['MUNICIPALITY', 'SOCIAL_WELFARE_COUNCIL'],
    validFromDays: -180, validUntilDays: null, method: 'VERBAL', evidenceNote: '自宅訪問時に口頭で説明し同意。訪問記録に記載', specialCareExplained: false,
  },
  // 森下 ゆい: a referral consent that has expired.
  {
    id: consent(4), personId: person(3), categories: ['IDENTITY', 'CONTACT', 'CONSULTATION'], purposes: ['REFERRAL'],
    recipientOrganizationIds: [HIDAMARI], recipientKinds: [], validFromDays: -400, validUntilDays: -35,
    method: 'ELECTRONIC', evidenceNote: '保護者と本人がフォームで同意', specialCareExplained: false,
  },
  // 大野 拓海: revoked.
  {
    id: consent(5), personId: person(4), categories: ['IDENTITY', 'CONTACT', 'HOUSEHOLD', 'CONSULTATION'], purposes: ['REFERRAL'],
    recipientOrganizationIds: [YOUTHPORT], recipientKinds: [], validFromDays: -80, validUntilDays: 285,
    method: 'ELECTRONIC', evidenceNote: 'オンライン面談後にメールで同意', specialCareExplained: false,
    revoked: { daysAgo: 12, reason: '本人から、家族に知られたくないので共有をやめてほしいとの申し出' },
  },
  // グエン ティ ラン: case conference next month (not valid yet).
  {
    id: consent(6), personId: person(5), categories: ['IDENTITY', 'CONTACT', 'HOUSEHOLD', 'CONSULTATION'], purposes: ['CASE_CONFERENCE'],
    recipientOrganizationIds: [TABUNKA], recipientKinds: [], validFromDays: 90, validUntilDays: 455,
    method: 'WRITTEN', evidenceNote: 'ベトナム語訳の説明書を渡し、署名を得た', specialCareExplained: false,
  },
  // 西村 恵子: referral to the legal centre, with the victimisation (special care) on its own.
  {
    id: consent(7), personId: person(6), categories: ['IDENTITY', 'CONTACT', 'CONSULTATION'], purposes: ['REFERRAL'],
    recipientOrganizationIds: [SUMIRE_LAW], recipientKinds: [], validFromDays: -55, validUntilDays: 125,
    method: 'WRITTEN', evidenceNote: '同意書に署名（写しは本人が保管）', specialCareExplained: false,
  },
  {
    id: consent(8), personId: person(6), categories: ['LEGAL'], purposes: ['REFERRAL'],
    recipientOrganizationIds: [SUMIRE_LAW], recipientKinds: [], validFromDays: -55, validUntilDays: 125,
    method: 'WRITTEN', evidenceNote: '被害歴の共有について別紙で説明し、署名を得た', specialCareExplained: true,
  },
  // 石田 健一: case conferences with the social welfare council, disability on its own.
  {
    id: consent(9), personId: person(7), categories: ['IDENTITY', 'CONTACT', 'CONSULTATION'], purposes: ['CASE_CONFERENCE'],
    recipientOrganizationIds: [], recipientKinds: ['SOCIAL_WELFARE_COUNCIL'], validFromDays: -140, validUntilDays: 225,
    method: 'VERBAL', evidenceNote: '面談時に口頭で同意。面談記録に記載', specialCareExplained: false,
  },
  {
    id: consent(10), personId: person(7), categories: ['DISABILITY'], purposes: ['CASE_CONFERENCE'],
    recipientOrganizationIds: [], recipientKinds: ['SOCIAL_WELFARE_COUNCIL'], validFromDays: -140, validUntilDays: 225,
    method: 'WRITTEN', evidenceNote: '障害に関する情報の共有について説明書を読み上げ、署名を得た', specialCareExplained: true,
  },
  // 藤井 美穂: consented once; use has since stopped, so nobody reads her data.
  {
    id: consent(11), personId: person(8), categories: ['IDENTITY', 'CONTACT', 'HOUSEHOLD', 'CONSULTATION'], purposes: ['CASE_CONFERENCE'],
    recipientOrganizationIds: [], recipientKinds: ['MUNICIPALITY'], validFromDays: -280, validUntilDays: null,
    method: 'WRITTEN', evidenceNote: null, specialCareExplained: false,
  },
  // 小川 澄江 (つながりサポートセンター): shared with こもれび for referral and case conferences.
  {
    id: consent(12), personId: person(11), categories: ['IDENTITY', 'CONTACT', 'HOUSEHOLD', 'CONSULTATION'],
    purposes: ['REFERRAL', 'CASE_CONFERENCE'], recipientOrganizationIds: [KOMOREBI], recipientKinds: [],
    validFromDays: -70, validUntilDays: 295, method: 'WRITTEN', evidenceNote: '窓口で同意書に署名', specialCareExplained: false,
  },
  // 青木 遥: also for statistics to the support centre, which then reads only the statistical
  // fields (age band, municipality, living situation, needs), never her name (issue 14).
  {
    id: consent(13), personId: person(1), categories: ['IDENTITY', 'CONTACT', 'HOUSEHOLD', 'CONSULTATION'], purposes: ['STATISTICS'],
    recipientOrganizationIds: [SUPPORT_CENTER], recipientKinds: [], validFromDays: -100, validUntilDays: 265,
    method: 'WRITTEN', evidenceNote: '統計への利用について同意書に署名', specialCareExplained: false,
  },
];

const DAY_MS = 24 * 60 * 60 * 1000;

function daysFrom(now: Date, days: number): Date {
  return new Date(now.getTime() + days * DAY_MS);
}

/** A demo person's values, checked and normalised exactly as createPerson does. */
export function demoPersonValues(demo: DemoPerson, today: Date): PersonValues {
  const values = validatePersonInput(demo.input, today);
  return Object.fromEntries(
    PERSONAL_DATA_CATEGORIES.codes.map((category) => [category, values[category] ?? null]),
  ) as unknown as PersonValues;
}

/** The `persons` row of a demo person as PersonRecords.create would write it (sealed where it must be). */
export function demoPersonColumns(cipher: FieldCipher, tenantId: string, demo: DemoPerson, now: Date): Record<string, unknown> {
  const values = demoPersonValues(demo, now);
  return {
    search_text: searchText(values.IDENTITY),
    duplicate_key: duplicateKey(values.IDENTITY.familyNameKana, values.IDENTITY.givenNameKana, values.IDENTITY.birthDate),
    ...personColumnValues(cipher, tenantId, demo.id, values, PERSONAL_DATA_CATEGORIES.codes),
  };
}

async function membershipOf(manager: EntityManager, tenantId: string, organizationId: string, email: string): Promise<string> {
  const [row]: Array<{ id: string }> = await manager.query(
    `SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id
      WHERE m.tenant_id = $1 AND m.organization_id = $2 AND u.email = $3`,
    [tenantId, organizationId, email],
  );
  if (!row) throw new Error(`Demo people: no membership of ${email} in organisation ${organizationId}`);
  return row.id;
}

/** Seeds DEMO_PEOPLE and DEMO_CONSENTS into DEMO_NETWORK (inside the seeding transaction). */
export async function seedDemoPeople(manager: EntityManager, cipher: FieldCipher): Promise<void> {
  const tenantId = DEMO_NETWORK.id;
  const now = new Date();
  const caseWorkers = new Map<string, string>();
  for (const demo of DEMO_PEOPLE) {
    const membershipId = await membershipOf(manager, tenantId, demo.organizationId, demo.caseWorkerEmail);
    caseWorkers.set(demo.id, membershipId);
    const columns = demoPersonColumns(cipher, tenantId, demo, now);
    const registeredAt = daysFrom(now, -demo.registeredDaysAgo);
    const names = [
      'tenant_id', 'id', 'organization_id', 'created_by_membership_id', 'created_at', 'updated_at',
      'status', 'use_ceased_at', 'use_ceased_reason', ...Object.keys(columns),
    ];
    const values = [
      tenantId, demo.id, demo.organizationId, membershipId, registeredAt, registeredAt,
      demo.useCeased ? 'USE_CEASED' : 'ACTIVE',
      demo.useCeased ? daysFrom(now, -demo.useCeased.daysAgo) : null,
      demo.useCeased?.reason ?? null,
      ...Object.values(columns),
    ];
    await manager.query(
      `INSERT INTO persons (${names.join(', ')}) VALUES (${names.map((_, index) => `$${index + 1}`).join(', ')})
       ON CONFLICT (tenant_id, id) DO NOTHING`,
      values,
    );
  }
  for (const demo of DEMO_CONSENTS) {
    const owner = DEMO_PEOPLE.find((candidate) => candidate.id === demo.personId);
    const membershipId = caseWorkers.get(demo.personId);
    if (!owner || !membershipId) throw new Error(`Demo consent ${demo.id} names an unknown person`);
    const obtainedAt = daysFrom(now, Math.min(demo.validFromDays, 0) - 1);
    await manager.query(
      `INSERT INTO consents (tenant_id, id, person_id, organization_id, categories, purposes, recipient_organization_ids,
                             recipient_kinds, valid_from, valid_until, method, obtained_by_membership_id, obtained_at,
                             evidence_note, special_care_explained, revoked_at, revoked_by_membership_id, revocation_reason,
                             created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $13, $13)
       ON CONFLICT (tenant_id, id) DO NOTHING`,
      [
        tenantId, demo.id, demo.personId, owner.organizationId, demo.categories, demo.purposes, demo.recipientOrganizationIds,
        demo.recipientKinds, daysFrom(now, demo.validFromDays), demo.validUntilDays === null ? null : daysFrom(now, demo.validUntilDays),
        demo.method, membershipId, obtainedAt, demo.evidenceNote, demo.specialCareExplained,
        demo.revoked ? daysFrom(now, -demo.revoked.daysAgo) : null,
        demo.revoked ? membershipId : null,
        demo.revoked?.reason ?? null,
      ],
    );
  }
}
