// Validation and normalisation of a grant listing's input (every faulty field reported at once,
// in both languages), the sanitising of its rich-text details, and the search document it is
// found by.
import {
  FUNDER_KINDS,
  GRANT_TYPES,
  GRANT_VISIBILITIES,
  LEGAL_FORMS,
  LocalizedText,
  normalizeForSearch,
  normalizeMunicipalityCode,
  ORGANIZATION_KINDS,
  SERVICE_CATEGORIES,
} from '@tsunagu/domain';
import sanitizeHtml from 'sanitize-html';
import { AppError } from '../../core/graphql/app-error';
import type { GrantInput } from './dto/grants.input';

const text = (ja: string, en: string): LocalizedText => ({ ja, en });
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** The largest yen amount carried exactly by a GraphQL Float (2^53 − 1). */
export const MAX_AMOUNT = Number.MAX_SAFE_INTEGER;

/** The only markup kept in a grant's details; everything else (scripts, styles, handlers) goes. */
const DETAILS_POLICY: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a', 'h3', 'h4'],
  allowedAttributes: { a: ['href', 'rel', 'target'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: {},
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Links open outside the app and never pass the referrer or the opener.
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }) },
};

export function sanitizeDetails(html: string): string {
  return sanitizeHtml(html, DETAILS_POLICY).trim();
}

/** The plain text of sanitised details, for the search document. */
export function detailsText(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, ' ').trim();
}

export interface GrantFields {
  readonly title: string;
  readonly funderName: string;
  readonly funderKind: GrantInput['funderKind'];
  readonly summary: string;
  readonly detailsHtml: string;
  readonly grantType: GrantInput['grantType'];
  readonly amountMin: number | null;
  readonly amountMax: number | null;
  readonly amountUnlimited: boolean;
  readonly subsidyRatePercent: number | null;
  readonly windowOpensAt: Date | null;
  readonly windowClosesAt: Date | null;
  readonly projectStartsOn: string | null;
  readonly projectEndsOn: string | null;
  readonly eligibleKinds: GrantInput['eligibleKinds'];
  readonly legalForms: GrantInput['legalForms'];
  readonly nationwide: boolean;
  readonly regionCodes: string[];
  readonly themes: GrantInput['themes'];
  readonly applicationUrl: string | null;
  readonly contact: string | null;
  readonly visibility: GrantInput['visibility'];
}

function trimmedOrNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function validDate(value: string): boolean {
  return isoDate.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

function validAmount(value: number | null | undefined): boolean {
  return value === null || value === undefined || (Number.isInteger(value) && value >= 0 && value <= MAX_AMOUNT);
}

function validTime(value: Date | null | undefined): boolean {
  return value === null || value === undefined || (value instanceof Date && !Number.isNaN(value.getTime()));
}

/** Returns normalised fields, or throws BAD_USER_INPUT naming every faulty field. */
export function validateGrantFields(input: GrantInput): GrantFields {
  const problems: Record<string, LocalizedText> = {};
  const title = input.title.trim();
  if (title.length < 1 || title.length > 200) problems['title'] = text('名称を1〜200文字で入力してください。', 'Enter a title of 1 to 200 characters.');
  const funderName = input.funderName.trim();
  if (funderName.length < 1 || funderName.length > 200) {
    problems['funderName'] = text('実施団体（助成元）の名称を1〜200文字で入力してください。', "Enter the funder's name (1 to 200 characters).");
  }
  if (!FUNDER_KINDS.codes.includes(input.funderKind)) problems['funderKind'] = text('助成元の種別が正しくありません。', 'Unknown funder kind.');
  const summary = input.summary.trim();
  if (summary.length > 1000) problems['summary'] = text('概要は1000文字以内にしてください。', 'Keep the summary within 1,000 characters.');
  const detailsHtml = sanitizeDetails(input.detailsHtml);
  if (detailsHtml.length > 50000) problems['detailsHtml'] = text('詳細は50000文字以内にしてください。', 'Keep the details within 50,000 characters.');
  if (!GRANT_TYPES.codes.includes(input.grantType)) problems['grantType'] = text('種類が正しくありません。', 'Unknown grant type.');

  const amountMin = input.amountMin ?? null;
  const amountMax = input.amountUnlimited ? null : (input.amountMax ?? null);
  if (!validAmount(amountMin)) problems['amountMin'] = text('金額は0以上の整数（円）で入力してください。', 'Give amounts as whole yen, 0 or more.');
  if (!validAmount(input.amountMax)) problems['amountMax'] = text('金額は0以上の整数（円）で入力してください。', 'Give amounts as whole yen, 0 or more.');
  else if (input.amountUnlimited && input.amountMax !== null && input.amountMax !== undefined) {
    problems['amountMax'] = text('上限なしの場合は上限額を空にしてください。', 'Leave the maximum empty when there is no upper limit.');
  } else if (amountMin !== null && amountMax !== null && amountMin > amountMax) {
    problems['amountMax'] = text('上限額は下限額以上にしてください。', 'The maximum must not be below the minimum.');
  }
  const rate = input.subsidyRatePercent ?? null;
  if (rate !== null && (!Number.isFinite(rate) || rate <= 0 || rate > 100 || Math.abs(Math.round(rate * 100) - rate * 100) > 1e-6)) {
    problems['subsidyRatePercent'] = text('補助率は0より大きく100以下（小数第2位まで）で入力してください。', 'Give the subsidy rate as more than 0 and at most 100 (two decimals).');
  }

  const windowOpensAt = input.windowOpensAt ?? null;
  const windowClosesAt = input.windowClosesAt ?? null;
  if (!validTime(windowOpensAt)) problems['windowOpensAt'] = text('日時が正しくありません。', 'Not a valid date and time.');
  if (!validTime(windowClosesAt)) problems['windowClosesAt'] = text('日時が正しくありません。', 'Not a valid date and time.');
  else if (windowOpensAt && windowClosesAt && windowOpensAt.getTime() >= windowClosesAt.getTime()) {
    problems['windowClosesAt'] = text('募集の締切は開始より後にしてください。', 'The application window must close after it opens.');
  }
  const projectStartsOn = trimmedOrNull(input.projectStartsOn);
  const projectEndsOn = trimmedOrNull(input.projectEndsOn);
  if (projectStartsOn !== null && !validDate(projectStartsOn)) problems['projectStartsOn'] = text('日付は YYYY-MM-DD の形で入力してください。', 'Give the date as YYYY-MM-DD.');
  if (projectEndsOn !== null && !validDate(projectEndsOn)) problems['projectEndsOn'] = text('日付は YYYY-MM-DD の形で入力してください。', 'Give the date as YYYY-MM-DD.');
  else if (projectStartsOn !== null && projectEndsOn !== null && validDate(projectStartsOn) && projectStartsOn > projectEndsOn) {
    problems['projectEndsOn'] = text('事業期間の終了は開始以降にしてください。', 'The project must not end before it starts.');
  }

  const eligibleKinds = [...new Set(input.eligibleKinds)];
  if (eligibleKinds.some((kind) => !ORGANIZATION_KINDS.includes(kind))) problems['eligibleKinds'] = text('対象団体の種別が正しくありません。', 'Unknown organisation kind.');
  const legalForms = [...new Set(input.legalForms)];
  if (legalForms.some((form) => !LEGAL_FORMS.codes.includes(form))) problems['legalForms'] = text('法人格の値が正しくありません。', 'Unknown legal form.');
  const themes = [...new Set(input.themes)];
  if (themes.some((theme) => !SERVICE_CATEGORIES.codes.includes(theme))) problems['themes'] = text('分野の値が正しくありません。', 'Unknown theme.');
  const regionCodes = [...new Set(input.regionCodes.map((code) => normalizeMunicipalityCode(code)))];
  if (regionCodes.some((code) => code === null)) {
    problems['regionCodes'] = text('対象地域は地方公共団体コード（5桁、例：13102、都道府県は13000）で入力してください。', 'Give regions as 5-digit local government codes, e.g. 13102 (a prefecture: 13000).');
  } else if (!input.nationwide && regionCodes.length === 0) {
    problems['regionCodes'] = text('対象地域を選ぶか、全国を対象にしてください。', 'Choose the regions covered, or mark the grant nationwide.');
  }
  const applicationUrl = trimmedOrNull(input.applicationUrl);
  if (applicationUrl !== null && (!/^https?:\/\/[^\s]+$/i.test(applicationUrl) || applicationUrl.length > 500)) {
    problems['applicationUrl'] = text('申請先のURLは http:// または https:// で始まる500文字以内で入力してください。', 'Give an http:// or https:// address of at most 500 characters.');
  }
  const contact = trimmedOrNull(input.contact);
  if (contact !== null && contact.length > 500) problems['contact'] = text('問い合わせ先は500文字以内にしてください。', 'Keep the contact within 500 characters.');
  if (!GRANT_VISIBILITIES.codes.includes(input.visibility)) problems['visibility'] = text('公開範囲が正しくありません。', 'Unknown visibility.');

  if (Object.keys(problems).length) {
    throw new AppError('BAD_USER_INPUT', text('入力内容を確認してください。', 'Please check the highlighted fields.'), { fields: problems });
  }
  return {
    title,
    funderName,
    funderKind: input.funderKind,
    summary,
    detailsHtml,
    grantType: input.grantType,
    amountMin,
    amountMax,
    amountUnlimited: input.amountUnlimited,
    subsidyRatePercent: rate,
    windowOpensAt,
    windowClosesAt,
    projectStartsOn,
    projectEndsOn,
    eligibleKinds,
    legalForms,
    nationwide: input.nationwide,
    regionCodes: input.nationwide ? [] : (regionCodes as string[]),
    themes,
    applicationUrl,
    contact,
    visibility: input.visibility,
  };
}

/**
 * What a grant is found by: its title, funder, summary and the text of its details, and the
 * labels of its themes and funder kind in both languages (so 居場所 finds IBASHO grants).
 */
export function grantSearchDocument(fields: Pick<GrantFields, 'title' | 'funderName' | 'funderKind' | 'summary' | 'detailsHtml' | 'themes' | 'grantType'>): string {
  const labels = [
    ...fields.themes.map((code) => SERVICE_CATEGORIES.labels[code]),
    FUNDER_KINDS.labels[fields.funderKind],
    GRANT_TYPES.labels[fields.grantType],
  ].flatMap((label) => [label.ja, label.en]);
  return normalizeForSearch([fields.title, fields.funderName, fields.summary, detailsText(fields.detailsHtml), ...labels].join(' | '));
}

/** The columns grantWritableValues() fills, in its order (search_bigrams follows from the document in SQL). */
export const GRANT_WRITABLE_COLUMNS = [
  'title', 'funder_name', 'funder_kind', 'summary', 'details_html', 'grant_type', 'amount_min', 'amount_max',
  'amount_unlimited', 'subsidy_rate_percent', 'window_opens_at', 'window_closes_at', 'project_starts_on',
  'project_ends_on', 'eligible_kinds', 'legal_forms', 'nationwide', 'region_codes', 'themes', 'application_url',
  'contact', 'visibility', 'search_document',
];

export function grantWritableValues(fields: GrantFields): unknown[] {
  return [
    fields.title,
    fields.funderName,
    fields.funderKind,
    fields.summary,
    fields.detailsHtml,
    fields.grantType,
    fields.amountMin,
    fields.amountMax,
    fields.amountUnlimited,
    fields.subsidyRatePercent,
    fields.windowOpensAt,
    fields.windowClosesAt,
    fields.projectStartsOn,
    fields.projectEndsOn,
    fields.eligibleKinds,
    fields.legalForms,
    fields.nationwide,
    fields.regionCodes,
    fields.themes,
    fields.applicationUrl,
    fields.contact,
    fields.visibility,
    grantSearchDocument(fields),
  ];
}
