// Validation and normalisation of service input (every faulty field reported at once, in both
// languages), and the search document a service is found by.
import {
  CAPACITY_STATES,
  CHANNEL_KINDS,
  FEE_KINDS,
  LocalizedText,
  normalizeForSearch,
  normalizeMunicipalityCode,
  SERVICE_CATEGORIES,
  SERVICE_LANGUAGES,
  ServiceCategory,
  ServiceFields,
  ServiceLanguage,
  TARGET_GROUPS,
  TargetGroup,
  WEEKDAYS,
} from '@tsunagu/domain';
import type { EntityManager } from 'typeorm';
import { AppError } from '../../core/graphql/app-error';

const time = /^([01]\d|2[0-3]):[0-5]\d$/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

const text = (ja: string, en: string): LocalizedText => ({ ja, en });

function trimmedOrNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function validDate(value: string): boolean {
  return isoDate.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** Service fields as they arrive: languages are free strings until checked. */
export type UncheckedServiceFields = Omit<ServiceFields, 'languages'> & { readonly languages: readonly string[] };

/** Returns normalised fields, or throws BAD_USER_INPUT naming every faulty field. */
export function validateServiceFields(input: UncheckedServiceFields): ServiceFields {
  const problems: Record<string, LocalizedText> = {};
  const name = input.name.trim();
  if (name.length < 1 || name.length > 200) problems['name'] = text('サービス名を1〜200文字で入力してください。', 'Enter a service name of 1 to 200 characters.');
  if (input.description.length > 8000) problems['description'] = text('説明は8000文字以内にしてください。', 'Keep the description within 8,000 characters.');
  const categories = [...new Set(input.categories)];
  if (!categories.length || categories.some((code) => !SERVICE_CATEGORIES.codes.includes(code))) {
    problems['categories'] = text('分野を1つ以上選んでください。', 'Choose at least one category.');
  }
  const targetGroups = [...new Set(input.targetGroups)];
  if (targetGroups.some((code) => !TARGET_GROUPS.codes.includes(code))) problems['targetGroups'] = text('対象の値が正しくありません。', 'Unknown target group.');
  const languages = [...new Set(input.languages)].filter((code): code is ServiceLanguage =>
    (SERVICE_LANGUAGES.codes as readonly string[]).includes(code),
  );
  if (!languages.length || languages.length !== new Set(input.languages).size) {
    problems['languages'] = text('対応言語を1つ以上、一覧から選んでください。', 'Choose at least one language from the list.');
  }
  const ageMin = input.ageMin ?? null;
  const ageMax = input.ageMax ?? null;
  if ((ageMin !== null && (ageMin < 0 || ageMin > 130)) || (ageMax !== null && (ageMax < 0 || ageMax > 130)) || (ageMin !== null && ageMax !== null && ageMin > ageMax)) {
    problems['ageMin'] = text('対象年齢は0〜130歳で、下限は上限以下にしてください。', 'Ages must be 0 to 130, the lower not above the upper.');
  }
  const areaCodes = [...new Set(input.areaCodes.map((code) => normalizeMunicipalityCode(code)))];
  if (areaCodes.some((code) => code === null)) {
    problems['areaCodes'] = text('対象地域は地方公共団体コード（5桁、例：13102）で入力してください。', 'Give service areas as 5-digit local government codes, e.g. 13102.');
  } else if (!input.nationwide && areaCodes.length === 0) {
    problems['areaCodes'] = text('対象地域を選ぶか、全国対応にしてください。', 'Choose the areas served, or mark the service nationwide.');
  }
  const openingHours = input.openingHours.map((period) => ({ day: period.day, opens: period.opens, closes: period.closes }));
  if (openingHours.some((period) => !WEEKDAYS.includes(period.day) || !time.test(period.opens) || !time.test(period.closes) || period.closes <= period.opens)) {
    problems['openingHours'] = text('受付時間は「09:00」の形で、終了を開始より後にしてください。', 'Give hours as HH:MM, closing after opening.');
  }
  const channels = input.channels.map((channel) => ({
    kind: channel.kind,
    value: channel.value.trim(),
    note: trimmedOrNull(channel.note),
    public: channel.public,
  }));
  if (channels.some((channel) => !CHANNEL_KINDS.codes.includes(channel.kind) || channel.value.length < 1 || channel.value.length > 300)) {
    problems['channels'] = text('連絡方法ごとに、電話番号・URL・場所などを入力してください。', 'Give each contact channel its number, address or place.');
  }
  if (!FEE_KINDS.includes(input.fee)) problems['fee'] = text('料金の区分が正しくありません。', 'Unknown fee kind.');
  if (!CAPACITY_STATES.includes(input.capacity)) problems['capacity'] = text('受け入れ状況が正しくありません。', 'Unknown capacity state.');
  const waitlistExpectedOn = trimmedOrNull(input.waitlistExpectedOn);
  if (waitlistExpectedOn !== null && !validDate(waitlistExpectedOn)) problems['waitlistExpectedOn'] = text('日付は YYYY-MM-DD の形で入力してください。', 'Give the date as YYYY-MM-DD.');
  const lastReviewedOn = trimmedOrNull(input.lastReviewedOn);
  if (lastReviewedOn !== null && !validDate(lastReviewedOn)) problems['lastReviewedOn'] = text('日付は YYYY-MM-DD の形で入力してください。', 'Give the date as YYYY-MM-DD.');

  if (Object.keys(problems).length) {
    throw new AppError('BAD_USER_INPUT', text('入力内容を確認してください。', 'Please check the highlighted fields.'), { fields: problems });
  }
  return {
    name,
    nameKana: trimmedOrNull(input.nameKana),
    description: input.description.trim(),
    categories,
    targetGroups,
    eligibility: trimmedOrNull(input.eligibility),
    ageMin,
    ageMax,
    nationwide: input.nationwide,
    areaCodes: input.nationwide ? [] : (areaCodes as string[]),
    languages,
    open24h: input.open24h,
    openingHours: input.open24h ? [] : openingHours,
    channels,
    fee: input.fee,
    feeNote: trimmedOrNull(input.feeNote),
    capacity: input.capacity,
    waitlistNote: input.capacity === 'WAITLIST' ? trimmedOrNull(input.waitlistNote) : null,
    waitlistExpectedOn: input.capacity === 'WAITLIST' ? waitlistExpectedOn : null,
    acceptsReferrals: input.acceptsReferrals,
    lastReviewedOn,
  };
}

/**
 * What a service is found by: its own texts, its organisation's names, and the labels of its
 * categories and target groups in both languages (so 住まい finds HOUSING services), normalised.
 */
export function searchDocument(
  service: Pick<ServiceFields, 'name' | 'nameKana' | 'description' | 'eligibility' | 'categories' | 'targetGroups'>,
  organization: { name: string; nameKana: string | null },
): string {
  const labels = [
    ...service.categories.map((code) => SERVICE_CATEGORIES.labels[code]),
    ...service.targetGroups.map((code) => TARGET_GROUPS.labels[code]),
  ].flatMap((label) => [label.ja, label.en]);
  return normalizeForSearch(
    [service.name, service.nameKana, organization.name, organization.nameKana, service.description, service.eligibility, ...labels]
      .filter(Boolean)
      .join(' | '),
  );
}

/** After an organisation is renamed, its services' search documents follow. */
export async function refreshServiceSearchDocuments(
  manager: EntityManager,
  tenantId: string,
  organization: { id: string; name: string; nameKana: string | null },
): Promise<void> {
  const rows: Array<{
    id: string;
    name: string;
    name_kana: string | null;
    description: string;
    eligibility: string | null;
    categories: ServiceCategory[];
    target_groups: TargetGroup[];
  }> = await manager.query(
    `SELECT id, name, name_kana, description, eligibility, categories, target_groups
       FROM services WHERE tenant_id = $1 AND organization_id = $2`,
    [tenantId, organization.id],
  );
  for (const row of rows) {
    const document = searchDocument(
      {
        name: row.name,
        nameKana: row.name_kana,
        description: row.description,
        eligibility: row.eligibility,
        categories: row.categories,
        targetGroups: row.target_groups,
      },
      organization,
    );
    await manager.query(`UPDATE services SET search_document = $3 WHERE tenant_id = $1 AND id = $2`, [
      tenantId,
      row.id,
      document,
    ]);
  }
}
