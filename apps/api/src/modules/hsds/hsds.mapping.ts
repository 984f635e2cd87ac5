// Exchange of the directory as Open Referral HSDS (Human Services Data Specification) 3.x JSON.
//
// The document is one object, { "organizations": [organization…], "services": [service…] }:
// every organization validates against HSDS organization.json and every service against
// service.json (schemas/3.2, the official 3.2 files; 3.2 accepts every 3.0 field
// used here). Services name their organisation by `organization_id` (the tabular link), not by a
// nested copy, so an organisation is written once.
//
// Mapping (Tsunagu → HSDS; import reads the same places back, so an export re-imports exactly):
//
// organisation → organization
//   id, name, alternate_name ← name_kana, description ('' when none: required by HSDS), email,
//   website, logo ← logo_url, phones[0].number ← phone.
//   Tsunagu-only (kind, corporate number, municipality code, postal code, address) → attributes.
// service → service
//   id, organization_id, name, description, status "active", eligibility_description,
//   minimum_age / maximum_age, fees_description ← fee note.
//   phones ← PHONE channels (number, description ← note).
//   schedules ← opening hours: one WEEKLY schedule per period (byday MO…SU, opens_at / closes_at
//     "HH:MM", timezone 9 = Japan time). Open 24 hours → one schedule per day 00:00–23:59, plus the
//     open_24h attribute so the flag itself survives.
//   service_areas ← one per municipality code (name = the 5-digit JIS X 0402 code, uri
//     urn:jis-x0402:<code>); nationwide → one area named "全国" (uri urn:tsunagu:area:nationwide).
//   languages ← languages (code = our BCP 47 tag, name in Japanese).
//   attributes ← categories and target groups as taxonomy terms of the Tsunagu taxonomies
//     (code = our enum code, name in Japanese, description in English), and every Tsunagu-only
//     field as a term of the "tsunagu-field" taxonomy whose `value` carries the value: name_kana,
//     fee, capacity, waitlist_note, waitlist_expected_on, accepts_referrals, last_reviewed_on,
//     open_24h, and each contact channel (kind, value, note, public flag) as JSON — phones too, so
//     a non-public phone stays non-public.
//
// Audience. A channel not marked public (e.g. a DV line kept for police and hospitals,
// 「警察・医療機関からの連絡専用」) is for network members only, and an HSDS file travels on: any
// system that takes it republishes it. So the ordinary export (PUBLIC) holds public channels only,
// neither in `phones[]` nor in the channel attributes. Only a network admin may choose the
// PARTNERS export, which keeps every channel and says so at its top (`x-tsunagu-audience`,
// `x-tsunagu-notice`); that file is for partner organisations, never for publication.
//   Ids of the nested HSDS records (phones, schedules, areas, languages, attributes, terms) are
//   derived from the owner's id (stable UUIDs), so the same directory exports the same document.
//
// Import reads HSDS written by other systems as well: without our attributes, phones become public
// PHONE channels, the fee is FREE unless fees_description is given, capacity ACCEPTING, referrals
// accepted, and a week of 00:00–23:59 schedules means open 24 hours.
import {
  CAPACITY_STATES,
  CHANNEL_KINDS,
  FEE_KINDS,
  LocalizedText,
  normalizeMunicipalityCode,
  ORGANIZATION_KINDS,
  OrganizationKind,
  SERVICE_CATEGORIES,
  SERVICE_LANGUAGES,
  ServiceChannel,
  TARGET_GROUPS,
  WEEKDAYS,
  type Weekday,
} from '@tsunagu/domain';
import { createHash } from 'node:crypto';
import type { Service } from '../directory/service.model';
import type { UncheckedServiceFields } from '../directory/service-fields';
import { usableId } from '../../core/graphql/ids';
import type { OrganizationRecord } from '../organizations/organization-record';

export const TAXONOMY = {
  category: 'https://tsunagu.jp/taxonomy/service-category',
  targetGroup: 'https://tsunagu.jp/taxonomy/target-group',
  field: 'https://tsunagu.jp/taxonomy/tsunagu-field',
} as const;

const FIELD_TERMS: Record<string, LocalizedText> = {
  name_kana: { ja: 'フリガナ', en: 'Name in katakana' },
  fee: { ja: '料金区分', en: 'Fee kind' },
  capacity: { ja: '受け入れ状況', en: 'Capacity' },
  waitlist_note: { ja: '待機の説明', en: 'Waitlist note' },
  waitlist_expected_on: { ja: '受け入れ再開見込み日', en: 'Waitlist expected on' },
  accepts_referrals: { ja: 'つなぎの受け付け', en: 'Accepts referrals' },
  last_reviewed_on: { ja: '最終確認日', en: 'Last reviewed on' },
  open_24h: { ja: '24時間対応', en: 'Open 24 hours' },
  channel: { ja: '連絡方法', en: 'Contact channel' },
  kind: { ja: '団体の種別', en: 'Organisation kind' },
  corporate_number: { ja: '法人番号', en: 'Corporate number' },
  municipality_code: { ja: '地方公共団体コード', en: 'Local government code' },
  postal_code: { ja: '郵便番号', en: 'Postal code' },
  address: { ja: '住所', en: 'Address' },
};

const NATIONWIDE_URI = 'urn:tsunagu:area:nationwide';
const NATIONWIDE_NAMES = ['全国', 'nationwide'];

/** A UUID derived from its parts (SHA-1, laid out as a version 5 UUID). */
export function stableUuid(...parts: string[]): string {
  const hex = createHash('sha1').update(parts.join('\u0000')).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

type Json = Record<string, unknown>;

function term(taxonomy: string, code: string, label: LocalizedText): Json {
  return {
    id: stableUuid(taxonomy, code),
    code,
    name: label.ja,
    description: label.en,
    taxonomy,
    taxonomy_id: stableUuid(taxonomy),
    language: 'ja',
  };
}

function attribute(ownerId: string, entity: string, taxonomy: string, code: string, label: LocalizedText, value?: string, index = 0): Json {
  const taxonomyTerm = term(taxonomy, code, label);
  return {
    id: stableUuid(ownerId, 'attribute', taxonomy, code, String(index)),
    link_id: ownerId,
    link_type: taxonomy === TAXONOMY.field ? 'tsunagu_field' : taxonomy === TAXONOMY.category ? 'service_category' : 'target_group',
    link_entity: entity,
    taxonomy_term_id: taxonomyTerm['id'],
    taxonomy_term: taxonomyTerm,
    ...(value === undefined ? {} : { value }),
    label: label.ja,
  };
}

const fieldAttribute = (ownerId: string, entity: string, code: string, value: string, index = 0) =>
  attribute(ownerId, entity, TAXONOMY.field, code, FIELD_TERMS[code], value, index);

const omitNull = (record: Json): Json => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null && value !== undefined));

export function toHsdsOrganization(row: OrganizationRecord): Json {
  const attributes = [fieldAttribute(row.id, 'organization', 'kind', row.kind)];
  for (const code of ['corporate_number', 'municipality_code', 'postal_code', 'address'] as const) {
    const value = row[code];
    if (value !== null) attributes.push(fieldAttribute(row.id, 'organization', code, value));
  }
  return omitNull({
    id: row.id,
    name: row.name,
    alternate_name: row.name_kana,
    description: row.description ?? '',
    email: row.email,
    website: row.website,
    logo: row.logo_url,
    phones: row.phone ? [{ id: stableUuid(row.id, 'phone', '0'), organization_id: row.id, number: row.phone }] : [],
    attributes,
  });
}

/** Who an export is for: PUBLIC (partner-only channels left out) or PARTNERS (network admins only). */
export const HSDS_AUDIENCES = ['PUBLIC', 'PARTNERS'] as const;
export type HsdsAudience = (typeof HSDS_AUDIENCES)[number];

/** The marker at the top of an export: which audience it was made for, in words a recipient can act on. */
export const HSDS_AUDIENCE_NOTICE: Record<HsdsAudience, LocalizedText> = {
  PUBLIC: {
    ja: '公開用の名簿です。関係機関専用の連絡先は含みません。',
    en: 'Public directory: contact channels kept for partner organisations are not included.',
  },
  PARTNERS: {
    ja: '関係機関向けの名簿です。公開しないでください（関係機関専用の連絡先を含みます）。',
    en: 'For partner organisations only: do not publish (includes contact channels kept for partners).',
  },
};

/** The top-level fields that mark a document's audience (an `x-` extension: HSDS readers ignore it). */
export function audienceMarker(audience: HsdsAudience): Json {
  return {
    'x-tsunagu-audience': audience.toLowerCase(),
    'x-tsunagu-notice': `${HSDS_AUDIENCE_NOTICE[audience].ja} / ${HSDS_AUDIENCE_NOTICE[audience].en}`,
  };
}

/** Whether a document says it was exported for partners (its channels then include non-public ones). */
export function isPartnersDocument(document: Record<string, unknown>): boolean {
  return document['x-tsunagu-audience'] === 'partners';
}

/** The service as HSDS for `audience`: a PUBLIC record never carries a channel that is not public. */
export function toHsdsService(service: Service, audience: HsdsAudience = 'PUBLIC'): Json {
  const id = service.id;
  const channels = audience === 'PARTNERS' ? service.channels : service.channels.filter((channel) => channel.public);
  const attributes: Json[] = [
    ...service.categories.map((code) => attribute(id, 'service', TAXONOMY.category, code, SERVICE_CATEGORIES.labels[code])),
    ...service.targetGroups.map((code) => attribute(id, 'service', TAXONOMY.targetGroup, code, TARGET_GROUPS.labels[code])),
    fieldAttribute(id, 'service', 'fee', service.fee),
    fieldAttribute(id, 'service', 'capacity', service.capacity),
    fieldAttribute(id, 'service', 'accepts_referrals', String(service.acceptsReferrals)),
    fieldAttribute(id, 'service', 'open_24h', String(service.open24h)),
    ...channels.map((channel, index) =>
      fieldAttribute(id, 'service', 'channel', JSON.stringify({ kind: channel.kind, value: channel.value, note: channel.note ?? null, public: channel.public }), index),
    ),
  ];
  for (const [code, value] of [
    ['name_kana', service.nameKana],
    ['waitlist_note', service.waitlistNote],
    ['waitlist_expected_on', service.waitlistExpectedOn],
    ['last_reviewed_on', service.lastReviewedOn],
  ] as const) {
    if (value !== null) attributes.push(fieldAttribute(id, 'service', code, value));
  }
  const periods = service.open24h ? WEEKDAYS.map((day) => ({ day, opens: '00:00', closes: '23:59' })) : service.openingHours;
  return omitNull({
    id,
    organization_id: service.organization.id,
    name: service.name,
    alternate_name: service.nameKana,
    description: service.description,
    status: 'active',
    eligibility_description: service.eligibility,
    minimum_age: service.ageMin,
    maximum_age: service.ageMax,
    fees_description: service.feeNote,
    phones: channels
      .filter((channel) => channel.kind === 'PHONE')
      .map((channel, index) => omitNull({ id: stableUuid(id, 'phone', String(index)), service_id: id, number: channel.value, description: channel.note })),
    schedules: periods.map((period, index) => ({
      id: stableUuid(id, 'schedule', String(index)),
      service_id: id,
      freq: 'WEEKLY',
      byday: period.day,
      opens_at: period.opens,
      closes_at: period.closes,
      timezone: 9,
    })),
    service_areas: service.nationwide
      ? [{ id: stableUuid(id, 'area', 'nationwide'), service_id: id, name: '全国', description: 'nationwide', uri: NATIONWIDE_URI }]
      : service.areaCodes.map((code) => ({ id: stableUuid(id, 'area', code), service_id: id, name: code, uri: `urn:jis-x0402:${code}` })),
    languages: service.languages.map((code) => ({
      id: stableUuid(id, 'language', code),
      service_id: id,
      code,
      name: SERVICE_LANGUAGES.labels[code as keyof typeof SERVICE_LANGUAGES.labels]?.ja ?? code,
    })),
    attributes,
  });
}

// ---------------------------------------------------------------------------------------------
// Reading a document back (our rules; the official schemas are checked separately).

export interface ImportProblem {
  readonly path: string;
  readonly message: LocalizedText;
}

export const MESSAGES = {
  notObject: { ja: 'HSDS 文書は { "organizations": [...], "services": [...] } の形のオブジェクトにしてください。', en: 'The HSDS document must be an object { "organizations": [...], "services": [...] }.' },
  uuid: { ja: 'id は UUID にしてください。', en: 'The id must be a UUID.' },
  duplicateId: { ja: '同じ id がファイル内で重複しています。', en: 'This id appears more than once in the file.' },
  unknownCategory: { ja: '分野のコードがつなぐの分類にありません。', en: 'This category code is not in the Tsunagu vocabulary.' },
  unknownTargetGroup: { ja: '対象のコードがつなぐの分類にありません。', en: 'This target group code is not in the Tsunagu vocabulary.' },
  unknownField: { ja: 'つなぐの項目コードが正しくありません。', en: 'Unknown Tsunagu field code.' },
  badValue: { ja: 'この項目の値が正しくありません。', en: 'This value is not valid for the field.' },
  badChannel: { ja: '連絡方法の値が正しくありません（kind・value・public）。', en: 'The contact channel is not valid (kind, value, public).' },
  unknownLanguage: { ja: '対応言語のコードがつなぐの一覧にありません。', en: 'This language code is not in the Tsunagu list.' },
  badSchedule: { ja: '受付時間は毎週（freq WEEKLY）、曜日（MO〜SU）、「09:00」の形の開始・終了時刻で指定してください。', en: 'Give schedules as WEEKLY, one weekday (MO–SU), opens_at and closes_at as HH:MM.' },
  badArea: { ja: '対象地域の名前は地方公共団体コード（5桁）か「全国」にしてください。', en: 'Name each service area by its 5-digit local government code, or "全国" (nationwide).' },
  unknownOrganization: { ja: 'このサービスの団体がファイルにもネットワークにもありません。', en: 'The organization of this service is neither in the file nor in the network.' },
  missingOrganization: { ja: 'サービスには organization_id が必要です。', en: 'A service needs an organization_id.' },
  duplicateName: { ja: '同じ名前の団体がすでにあります。', en: 'Another organisation already has this name.' },
} satisfies Record<string, LocalizedText>;

/** Two organisations of the file would end up with one name; `path` is the other one. */
export const sameNameInFile = (path: string): LocalizedText => ({
  ja: `ファイル内の別の団体（${path}）と同じ名前です。団体名はネットワーク内で重複できません。`,
  en: `Another organisation in the file (${path}) has the same name; names must be unique in the network.`,
});

const time = /^([01]\d|2[0-3]):[0-5]\d$/;

const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asObject = (value: unknown): Json => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {});
const asString = (value: unknown): string | null => (typeof value === 'string' ? value : null);

interface ReadAttribute {
  readonly path: string;
  readonly taxonomy: string | null;
  readonly code: string | null;
  readonly value: string | null;
}

function readAttributes(record: Json, path: string): ReadAttribute[] {
  return asArray(record['attributes']).map((raw, index) => {
    const item = asObject(raw);
    const taxonomyTerm = asObject(item['taxonomy_term']);
    return {
      path: `${path}.attributes[${index}]`,
      taxonomy: asString(taxonomyTerm['taxonomy']),
      code: asString(taxonomyTerm['code']),
      value: asString(item['value']),
    };
  });
}

export interface ImportedOrganization {
  readonly path: string;
  readonly id: string;
  readonly kind: OrganizationKind | null;
  readonly fields: {
    name: string;
    nameKana: string | null;
    corporateNumber: string | null;
    municipalityCode: string | null;
    description: string | null;
    postalCode: string | null;
    address: string | null;
    website: string | null;
    phone: string | null;
    email: string | null;
    logoUrl: string | null;
  };
}

const blankToNull = (value: string | null): string | null => (value && value.trim() ? value : null);

export function readOrganization(raw: unknown, path: string, problems: ImportProblem[]): ImportedOrganization {
  const record = asObject(raw);
  const id = asString(record['id']) ?? '';
  if (!usableId(id)) problems.push({ path: `${path}.id`, message: MESSAGES.uuid });
  const fields: Record<string, string | null> = {};
  let kind: OrganizationKind | null = null;
  for (const attribute of readAttributes(record, path)) {
    if (attribute.taxonomy !== TAXONOMY.field) continue;
    if (attribute.code === 'kind') {
      if (!(ORGANIZATION_KINDS as readonly string[]).includes(attribute.value ?? '')) problems.push({ path: `${attribute.path}.value`, message: MESSAGES.badValue });
      else kind = attribute.value as OrganizationKind;
    } else if (attribute.code && ['corporate_number', 'municipality_code', 'postal_code', 'address'].includes(attribute.code)) {
      fields[attribute.code] = attribute.value;
    } else {
      problems.push({ path: `${attribute.path}.taxonomy_term.code`, message: MESSAGES.unknownField });
    }
  }
  const phone = asString(asObject(asArray(record['phones'])[0])['number']);
  return {
    path,
    id,
    kind,
    fields: {
      name: asString(record['name']) ?? '',
      nameKana: blankToNull(asString(record['alternate_name'])),
      corporateNumber: blankToNull(fields['corporate_number'] ?? null),
      municipalityCode: blankToNull(fields['municipality_code'] ?? null),
      description: blankToNull(asString(record['description'])),
      postalCode: blankToNull(fields['postal_code'] ?? null),
      address: blankToNull(fields['address'] ?? null),
      website: blankToNull(asString(record['website'])),
      phone: blankToNull(phone),
      email: blankToNull(asString(record['email'])),
      logoUrl: blankToNull(asString(record['logo'])),
    },
  };
}

export interface ImportedService {
  readonly path: string;
  readonly id: string;
  readonly organizationId: string;
  readonly fields: UncheckedServiceFields;
}

function parseChannel(value: string | null): ServiceChannel | null {
  try {
    const channel = asObject(JSON.parse(value ?? ''));
    const kind = asString(channel['kind']);
    const text = asString(channel['value']);
    const note = channel['note'] === null || channel['note'] === undefined ? null : asString(channel['note']);
    if (!kind || !(CHANNEL_KINDS.codes as string[]).includes(kind) || text === null || typeof channel['public'] !== 'boolean') return null;
    if (channel['note'] !== null && channel['note'] !== undefined && note === null) return null;
    return { kind: kind as ServiceChannel['kind'], value: text, note, public: channel['public'] };
  } catch {
    return null;
  }
}

export function readService(raw: unknown, path: string, problems: ImportProblem[]): ImportedService {
  const record = asObject(raw);
  const id = asString(record['id']) ?? '';
  if (!usableId(id)) problems.push({ path: `${path}.id`, message: MESSAGES.uuid });
  const organizationId = asString(record['organization_id']) ?? asString(asObject(record['organization'])['id']) ?? '';
  if (!organizationId) problems.push({ path: `${path}.organization_id`, message: MESSAGES.missingOrganization });
  else if (!usableId(organizationId)) problems.push({ path: `${path}.organization_id`, message: MESSAGES.uuid });

  const categories: string[] = [];
  const targetGroups: string[] = [];
  const channels: ServiceChannel[] = [];
  const values: Record<string, string | null> = {};
  for (const attribute of readAttributes(record, path)) {
    if (attribute.taxonomy === TAXONOMY.category) {
      if ((SERVICE_CATEGORIES.codes as string[]).includes(attribute.code ?? '')) categories.push(attribute.code as string);
      else problems.push({ path: `${attribute.path}.taxonomy_term.code`, message: MESSAGES.unknownCategory });
    } else if (attribute.taxonomy === TAXONOMY.targetGroup) {
      if ((TARGET_GROUPS.codes as string[]).includes(attribute.code ?? '')) targetGroups.push(attribute.code as string);
      else problems.push({ path: `${attribute.path}.taxonomy_term.code`, message: MESSAGES.unknownTargetGroup });
    } else if (attribute.taxonomy === TAXONOMY.field) {
      if (attribute.code === 'channel') {
        const channel = parseChannel(attribute.value);
        if (channel) channels.push(channel);
        else problems.push({ path: `${attribute.path}.value`, message: MESSAGES.badChannel });
      } else if (attribute.code && attribute.code in FIELD_TERMS) {
        values[attribute.code] = attribute.value;
      } else {
        problems.push({ path: `${attribute.path}.taxonomy_term.code`, message: MESSAGES.unknownField });
      }
    }
    // Terms of other taxonomies (other systems' classifications) are not ours to keep.
  }
  const hasChannelAttributes = channels.length > 0;
  if (!hasChannelAttributes) {
    asArray(record['phones']).forEach((raw) => {
      const phone = asObject(raw);
      const number = asString(phone['number']);
      if (number) channels.push({ kind: 'PHONE', value: number, note: asString(phone['description']), public: true });
    });
  }

  const checkedValue = <T extends string>(code: string, allowed: readonly T[], fallback: T): T => {
    const value = values[code];
    if (value === undefined) return fallback;
    if (value !== null && (allowed as readonly string[]).includes(value)) return value as T;
    const at = readAttributes(record, path).find((attribute) => attribute.taxonomy === TAXONOMY.field && attribute.code === code);
    problems.push({ path: `${at?.path ?? path}.value`, message: MESSAGES.badValue });
    return fallback;
  };

  const openingHours: Array<{ day: Weekday; opens: string; closes: string }> = [];
  asArray(record['schedules']).forEach((raw, index) => {
    const schedule = asObject(raw);
    const day = asString(schedule['byday']);
    const opens = asString(schedule['opens_at']);
    const closes = asString(schedule['closes_at']);
    const freq = schedule['freq'] ?? 'WEEKLY';
    if (freq !== 'WEEKLY' || !day || !(WEEKDAYS as readonly string[]).includes(day) || !opens || !time.test(opens) || !closes || !time.test(closes) || closes <= opens) {
      problems.push({ path: `${path}.schedules[${index}]`, message: MESSAGES.badSchedule });
    } else {
      openingHours.push({ day: day as Weekday, opens, closes });
    }
  });
  const open24hValue = checkedValue('open_24h', ['true', 'false'], 'unset' as 'true' | 'false');
  const allDay = WEEKDAYS.every((day) => openingHours.some((period) => period.day === day && period.opens === '00:00' && period.closes === '23:59'));
  const open24h = open24hValue === 'true' || ((open24hValue as string) === 'unset' && allDay && openingHours.length === 7);

  let nationwide = false;
  const areaCodes: string[] = [];
  asArray(record['service_areas']).forEach((raw, index) => {
    const area = asObject(raw);
    const name = asString(area['name'])?.trim() ?? '';
    if (asString(area['uri']) === NATIONWIDE_URI || NATIONWIDE_NAMES.includes(name.toLowerCase())) {
      nationwide = true;
      return;
    }
    const code = normalizeMunicipalityCode(name);
    if (!code) problems.push({ path: `${path}.service_areas[${index}].name`, message: MESSAGES.badArea });
    else areaCodes.push(code);
  });

  const languages: string[] = [];
  asArray(record['languages']).forEach((raw, index) => {
    const code = asString(asObject(raw)['code']) ?? '';
    if ((SERVICE_LANGUAGES.codes as string[]).includes(code)) languages.push(code);
    else problems.push({ path: `${path}.languages[${index}].code`, message: MESSAGES.unknownLanguage });
  });

  const age = (value: unknown): number | null => (typeof value === 'number' && Number.isInteger(value) ? value : null);
  const feeNote = asString(record['fees_description']);
  return {
    path,
    id,
    organizationId,
    fields: {
      name: asString(record['name']) ?? '',
      nameKana: values['name_kana'] !== undefined ? values['name_kana'] : asString(record['alternate_name']),
      description: asString(record['description']) ?? '',
      categories: categories as UncheckedServiceFields['categories'],
      targetGroups: targetGroups as UncheckedServiceFields['targetGroups'],
      eligibility: asString(record['eligibility_description']),
      ageMin: age(record['minimum_age']),
      ageMax: age(record['maximum_age']),
      nationwide,
      areaCodes: nationwide ? [] : areaCodes,
      languages,
      open24h,
      openingHours: open24h ? [] : openingHours,
      channels,
      fee: checkedValue('fee', FEE_KINDS, feeNote ? 'PAID' : 'FREE'),
      feeNote,
      capacity: checkedValue('capacity', CAPACITY_STATES, 'ACCEPTING'),
      waitlistNote: values['waitlist_note'] ?? null,
      waitlistExpectedOn: values['waitlist_expected_on'] ?? null,
      acceptsReferrals: checkedValue('accepts_referrals', ['true', 'false'], 'true') === 'true',
      lastReviewedOn: values['last_reviewed_on'] ?? null,
    },
  };
}
