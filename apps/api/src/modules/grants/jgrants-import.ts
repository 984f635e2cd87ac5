// Import of grant listings from a jGrants-style JSON export (デジタル庁 Jグランツ public API:
// GET /exp/v1/public/subsidies and /subsidies/id/{id} answer { metadata, result: [subsidy, ...] }).
//
// Like the HSDS import, the whole document is checked first — JSON, its shape, each record's
// fields as we read them, then the grants module's own rules (validateGrantFields, the same as the
// editor form) — and every problem is reported once with its JSONPath into the document
// ($.result[3].acceptance_end_datetime) and its reason in both languages. With any problem
// nothing is written. Otherwise every record is upserted by (tenant, 'JGRANTS', id) in one
// transaction of the caller's network, with an audit entry (IMPORTED) each.
//
// Mapping (a subsidy of jGrants → a listing):
//   title (else name) → title; subsidy_catch_phrase → summary; detail → details (sanitised);
//   institution_name → funder name, its kind guessed from the name (funderKindOf);
//   subsidy_max_limit → amountMax (0 or missing: none given); subsidy_rate → subsidyRatePercent
//   when it is a fraction or a percentage ("1/2" → 50, "2/3" → 66.67; "定額" → none);
//   acceptance_start/end_datetime → the application window (ISO 8601; without an offset: Tokyo);
//   project_end_deadline → projectEndsOn (its Tokyo date); target_area_search → nationwide (全国)
//   or prefecture region codes (東京都 → 13000); use_purpose → themes where the directory's
//   SERVICE_CATEGORIES clearly fit (THEME_WORDS); front_subsidy_detail_page_url → applicationUrl;
//   target_area_detail, industry and target_number_of_employees → a note appended to the details.
//   Every listing is a SUBSIDY (jGrants carries 補助金), visible in this network only.
//
// A new listing is a DRAFT of the caller's organisation: the editor reviews and publishes it. A
// listing imported before keeps its status (a published one stays published with the new fields)
// and what the editor set that jGrants does not carry (visibility, eligible kinds and legal forms,
// contact, minimum amount, project start, type). A jGrants id already imported by another
// organisation of the network is reported rather than taken over.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FunderKind, japanDate, LocalizedText, localizedText as text, PREFECTURE_NAMES, prefectureRegionCode, ServiceCategory } from '@tsunagu/domain';
import { DataSource } from 'typeorm';
import type { RequestActor } from '../../core/auth/actor';
import { recordAudit } from '../../core/audit/audit-log';
import { assertCan } from '../../core/authz/authorize';
import { AppError } from '../../core/graphql/app-error';
import { runInTenant } from '../../core/tenancy/tenant-transaction';
import type { GrantInput } from './dto/grants.input';
import { GRANT_WRITABLE_COLUMNS, grantWritableValues, GrantFields, validateGrantFields } from './grant-fields';

/** Largest document accepted (UTF-8 bytes). */
export const MAX_JGRANTS_DOCUMENT_BYTES = 5 * 1024 * 1024;
/** Most records in one document. */
export const MAX_JGRANTS_RECORDS = 2000;

export interface JGrantsProblem {
  readonly path: string;
  readonly message: LocalizedText;
}

export interface JGrantsImportOutcome {
  readonly created: number;
  readonly updated: number;
  readonly errors: JGrantsProblem[];
}

export const JGRANTS_MESSAGES = {
  notJson: (detail: string) => text(`JSON として読めません：${detail}`, `This is not valid JSON: ${detail}`),
  shape: text(
    'jGrants の形式（{ "result": [ 補助金, ... ] }）にしてください。',
    'The document must have the jGrants shape { "result": [subsidy, ...] }.',
  ),
  tooMany: text(`一度に取り込めるのは ${MAX_JGRANTS_RECORDS} 件までです。`, `At most ${MAX_JGRANTS_RECORDS} records can be imported at once.`),
  notObject: text('補助金の項目はオブジェクトにしてください。', 'Each subsidy must be an object.'),
  id: text('id（jGrants の補助金ID）を1〜200文字の文字列で入れてください。', 'The id (the jGrants subsidy id) must be a string of 1 to 200 characters.'),
  duplicateId: text('同じ id がファイル内で重複しています。', 'This id appears more than once in the file.'),
  takenId: text(
    'この jGrants の補助金は、このネットワークの別の団体がすでに取り込んでいます。',
    'Another organisation of this network has already imported this jGrants subsidy.',
  ),
  title: text('title か name に名称を入れてください。', 'Give the name in title or name.'),
  string: text('文字列にしてください。', 'This must be a string.'),
  amount: text('上限額は0以上の整数（円）にしてください。', 'The maximum must be whole yen, 0 or more.'),
  dateTime: text(
    '日時は ISO 8601 の形（例：2026-04-01T00:00:00+09:00）にしてください。',
    'Give the date and time in ISO 8601, e.g. 2026-04-01T00:00:00+09:00.',
  ),
  area: (names: string[]) =>
    text(
      `対象地域は「全国」か都道府県名にしてください（読めない地域：${names.join('、')}）。`,
      `The area must be 全国 (nationwide) or prefecture names (not understood: ${names.join(', ')}).`,
    ),
  noArea: text('target_area_search に対象地域（全国または都道府県名）を入れてください。', 'Give the area covered in target_area_search (全国 or prefecture names).'),
  enableMultiple: text('真偽値にしてください。', 'This must be true or false.'),
};

/** Where each field of ours comes from in a jGrants subsidy. */
const FIELD_PATHS: Record<string, string> = {
  funderName: 'institution_name',
  funderKind: 'institution_name',
  summary: 'subsidy_catch_phrase',
  detailsHtml: 'detail',
  amountMin: 'subsidy_max_limit',
  amountMax: 'subsidy_max_limit',
  subsidyRatePercent: 'subsidy_rate',
  windowOpensAt: 'acceptance_start_datetime',
  windowClosesAt: 'acceptance_end_datetime',
  projectStartsOn: 'project_end_deadline',
  projectEndsOn: 'project_end_deadline',
  nationwide: 'target_area_search',
  regionCodes: 'target_area_search',
  themes: 'use_purpose',
  applicationUrl: 'front_subsidy_detail_page_url',
};

/** Words of use_purpose (and only there) that clearly name one of the directory's categories. */
export const THEME_WORDS: ReadonlyArray<readonly [RegExp, ServiceCategory]> = [
  [/子育て|育児|保育/, 'PARENTING'],
  [/子ども|子供|こども|児童|青少年|若者/, 'CHILDREN_YOUTH'],
  [/高齢|介護/, 'OLDER_PEOPLE'],
  [/障害|障がい|障碍/, 'DISABILITY'],
  [/生活困窮|生活支援|生活/, 'POVERTY'],
  [/住まい|住宅|居住/, 'HOUSING'],
  [/就労|雇用|就職/, 'EMPLOYMENT'],
  [/居場所/, 'IBASHO'],
  [/外国人|多文化/, 'FOREIGN_RESIDENTS'],
  [/ひきこもり|引きこもり/, 'HIKIKOMORI'],
  [/自殺/, 'SUICIDE_PREVENTION'],
  [/食料|食品ロス|フードバンク|こども食堂|子ども食堂/, 'FOOD'],
  [/医療/, 'MEDICAL'],
  [/心の健康|メンタル/, 'MENTAL_HEALTH'],
];

export function themesOf(usePurpose: string | null): ServiceCategory[] {
  if (!usePurpose) return [];
  return [...new Set(THEME_WORDS.filter(([pattern]) => pattern.test(usePurpose)).map(([, theme]) => theme))];
}

/**
 * The kind of funder a jGrants institution is: the national government for a ministry or agency
 * (〜省, 〜庁, 内閣府, 内閣官房, and national bodies such as 〜機構), a municipality when its name
 * ends in 市 区 町 村, a prefecture when it ends in 都 道 府 県 (or begins with a prefecture's name,
 * as 東京都福祉局 does), a foundation (財団, 基金), else OTHER. The first word is what is looked at
 * ("経済産業省 中小企業庁" is a ministry).
 */
export function funderKindOf(institution: string): FunderKind {
  const name = institution.trim();
  const head = name.split(/[\s\u3000]+/)[0] ?? name;
  if (/(省|庁|内閣府|内閣官房|機構)/.test(head)) return 'NATIONAL';
  if (/(市|区|町|村)$/.test(head)) return 'MUNICIPALITY';
  if (/(都|道|府|県)$/.test(head) || PREFECTURE_NAMES.some((prefecture) => head.startsWith(prefecture))) return 'PREFECTURE';
  if (/財団|基金/.test(name)) return 'FOUNDATION';
  return 'OTHER';
}

/** A subsidy rate as a percentage: "1/2" → 50, "2/3" → 66.67, "10/10" → 100, "50%" → 50; "定額" and the like → null. */
export function subsidyRatePercentOf(rate: string | null): number | null {
  if (!rate) return null;
  const normalized = rate.normalize('NFKC');
  const fraction = /(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)/.exec(normalized);
  if (fraction) {
    const [numerator, denominator] = [Number(fraction[1]), Number(fraction[2])];
    if (denominator > 0 && numerator > 0 && numerator <= denominator) return Math.round((numerator / denominator) * 10000) / 100;
    return null;
  }
  const percent = /(\d+(?:\.\d+)?)\s*(%|パーセント)/.exec(normalized);
  if (percent) {
    const value = Math.round(Number(percent[1]) * 100) / 100;
    return value > 0 && value <= 100 ? value : null;
  }
  const tenths = /(\d+)\s*割/.exec(normalized);
  if (tenths && Number(tenths[1]) >= 1 && Number(tenths[1]) <= 10) return Number(tenths[1]) * 10;
  return null;
}

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** An ISO 8601 date-time (a bare date: its Tokyo midnight; without an offset: Tokyo time); undefined when unreadable. */
export function jgrantsDateTime(value: string): Date | undefined {
  const match = ISO_DATE_TIME.exec(value.trim());
  if (!match) return undefined;
  const [, year, month, day, hour = '00', minute = '00', second = '00', zone] = match;
  const offset = zone === undefined ? '+09:00' : zone === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const date = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${offset}`);
  if (Number.isNaN(date.getTime())) return undefined;
  // Date() rolls 2026-02-30 over to March: refuse such dates.
  const local = new Date(date.getTime() + (zone === undefined ? 9 * 3600_000 : offsetMinutes(offset) * 60_000));
  if (local.getUTCFullYear() !== Number(year) || local.getUTCMonth() + 1 !== Number(month) || local.getUTCDate() !== Number(day)) return undefined;
  return date;
}

function offsetMinutes(offset: string): number {
  if (offset === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
}

/** target_area_search: 全国, or prefecture names separated by " / ", 、 or spaces. */
export function areaOf(area: string): { nationwide: boolean; regionCodes: string[]; unknown: string[] } {
  const parts = area
    .normalize('NFKC')
    .split(/[/、,;\s]+/)
    .map((part) => part.trim())
    .filter(Boolean);
  const regionCodes: string[] = [];
  const unknown: string[] = [];
  let nationwide = false;
  for (const part of parts) {
    if (part === '全国') {
      nationwide = true;
      continue;
    }
    const code = prefectureRegionCode(part);
    if (code) regionCodes.push(code);
    else unknown.push(part);
  }
  return { nationwide, regionCodes: nationwide ? [] : [...new Set(regionCodes)], unknown };
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** One subsidy of the document as read: its path, jGrants id and our input (undefined: unreadable). */
export interface JGrantsRecord {
  readonly path: string;
  readonly sourceId: string;
  readonly titleKey: 'title' | 'name';
  readonly input: GrantInput;
}

/**
 * Reads the document: every record at its path, and every problem found reading it. Records
 * with problems are still returned (for the further checks); the caller writes nothing when
 * any problem is reported.
 */
export function readJGrantsDocument(textDocument: string): { records: JGrantsRecord[]; problems: JGrantsProblem[] } {
  let document: unknown;
  try {
    document = JSON.parse(textDocument);
  } catch (error) {
    return { records: [], problems: [{ path: '$', message: JGRANTS_MESSAGES.notJson(error instanceof Error ? error.message : '') }] };
  }
  let items: unknown[];
  let base: string;
  if (Array.isArray(document)) {
    items = document;
    base = '$';
  } else if (document && typeof document === 'object' && Array.isArray((document as Record<string, unknown>)['result'])) {
    items = (document as Record<string, unknown[]>)['result'];
    base = '$.result';
  } else {
    return { records: [], problems: [{ path: '$', message: JGRANTS_MESSAGES.shape }] };
  }
  if (items.length > MAX_JGRANTS_RECORDS) return { records: [], problems: [{ path: base, message: JGRANTS_MESSAGES.tooMany }] };
  const problems: JGrantsProblem[] = [];
  const records = items.flatMap((item, index) => {
    const record = readRecord(item, `${base}[${index}]`, problems);
    return record ? [record] : [];
  });
  const seen = new Map<string, string>();
  for (const record of records) {
    if (!record.sourceId) continue;
    if (seen.has(record.sourceId)) problems.push({ path: `${record.path}.id`, message: JGRANTS_MESSAGES.duplicateId });
    seen.set(record.sourceId, record.path);
  }
  return { records, problems };
}

function readRecord(raw: unknown, path: string, problems: JGrantsProblem[]): JGrantsRecord | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ path, message: JGRANTS_MESSAGES.notObject });
    return undefined;
  }
  const record = raw as Record<string, unknown>;
  /** A string field (numbers read as their text); null when absent or empty; a problem when of another type. */
  const str = (key: string): string | null => {
    const value = record[key];
    if (value === undefined || value === null) return null;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value !== 'string') {
      problems.push({ path: `${path}.${key}`, message: JGRANTS_MESSAGES.string });
      return null;
    }
    return value.trim() || null;
  };

  const sourceId = str('id') ?? '';
  if (!sourceId || sourceId.length > 200) problems.push({ path: `${path}.id`, message: JGRANTS_MESSAGES.id });

  const present = (key: string) => typeof record[key] === 'string' && (record[key] as string).trim() !== '';
  const titleKey = present('title') || !present('name') ? 'title' : 'name';
  const title = str(titleKey) ?? '';
  if (!title) problems.push({ path: `${path}.title`, message: JGRANTS_MESSAGES.title });

  const funderName = str('institution_name') ?? '';

  let amountMax: number | null = null;
  const limit = record['subsidy_max_limit'];
  if (limit !== undefined && limit !== null && limit !== '') {
    const value = typeof limit === 'string' ? Number(limit.normalize('NFKC').replace(/[,円\s]/g, '')) : limit;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      problems.push({ path: `${path}.subsidy_max_limit`, message: JGRANTS_MESSAGES.amount });
    } else if (value > 0) {
      amountMax = value;
    }
  }

  const dateTime = (key: string): Date | null => {
    const value = str(key);
    if (value === null) return null;
    const date = jgrantsDateTime(value);
    if (!date) {
      problems.push({ path: `${path}.${key}`, message: JGRANTS_MESSAGES.dateTime });
      return null;
    }
    return date;
  };
  const windowOpensAt = dateTime('acceptance_start_datetime');
  const windowClosesAt = dateTime('acceptance_end_datetime');
  const projectEnd = dateTime('project_end_deadline');

  const areaText = str('target_area_search');
  const area = areaOf(areaText ?? '');
  if (areaText === null) problems.push({ path: `${path}.target_area_search`, message: JGRANTS_MESSAGES.noArea });
  else if (area.unknown.length) problems.push({ path: `${path}.target_area_search`, message: JGRANTS_MESSAGES.area(area.unknown) });
  else if (!area.nationwide && !area.regionCodes.length) problems.push({ path: `${path}.target_area_search`, message: JGRANTS_MESSAGES.noArea });

  const notes = (
    [
      ['対象地域の詳細', str('target_area_detail')],
      ['対象業種', str('industry')],
      ['対象従業員数', str('target_number_of_employees')],
    ] as Array<[string, string | null]>
  ).filter((entry): entry is [string, string] => entry[1] !== null);
  const detail = str('detail') ?? '';
  const detailsHtml = notes.length
    ? `${detail}<ul>${notes.map(([label, value]) => `<li>${label}：${escapeHtml(value)}</li>`).join('')}</ul>`
    : detail;

  return {
    path,
    sourceId,
    titleKey,
    input: {
      title,
      funderName,
      funderKind: funderKindOf(funderName),
      summary: str('subsidy_catch_phrase') ?? '',
      detailsHtml,
      grantType: 'SUBSIDY',
      amountMin: null,
      amountMax,
      amountUnlimited: false,
      subsidyRatePercent: subsidyRatePercentOf(str('subsidy_rate')),
      windowOpensAt,
      windowClosesAt,
      projectStartsOn: null,
      projectEndsOn: projectEnd ? japanDate(projectEnd) : null,
      eligibleKinds: [],
      legalForms: [],
      nationwide: area.nationwide,
      regionCodes: area.regionCodes,
      themes: themesOf(str('use_purpose')),
      applicationUrl: str('front_subsidy_detail_page_url'),
      contact: null,
      visibility: 'NETWORK',
    },
  };
}

/** validateGrantFields' findings as problems at the record's jGrants paths. */
export function checkRecord(record: JGrantsRecord, input: GrantInput = record.input): { fields?: GrantFields; problems: JGrantsProblem[] } {
  try {
    return { fields: validateGrantFields(input), problems: [] };
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'BAD_USER_INPUT') throw error;
    const fields = (error.extensions['fields'] ?? {}) as Record<string, LocalizedText>;
    const entries = Object.entries(fields);
    if (!entries.length) return { problems: [{ path: record.path, message: error.localized }] };
    const paths: Record<string, string> = { ...FIELD_PATHS, title: record.titleKey };
    return { problems: entries.map(([field, message]) => ({ path: `${record.path}.${paths[field] ?? field}`, message })) };
  }
}

/** Keeps the first problem reported at each path, in document order. */
function onePerPath(problems: JGrantsProblem[]): JGrantsProblem[] {
  const seen = new Set<string>();
  const kept = problems.filter((problem) => !seen.has(problem.path) && seen.add(problem.path));
  const order = (path: string) => path.replace(/\[(\d+)\]/g, (_, index: string) => `[${index.padStart(6, '0')}]`);
  return kept.sort((a, b) => (order(a.path) < order(b.path) ? -1 : order(a.path) > order(b.path) ? 1 : 0));
}

interface ExistingRow {
  id: string;
  source_id: string;
  organization_id: string;
  status: string;
  visibility: GrantInput['visibility'];
  eligible_kinds: GrantInput['eligibleKinds'];
  legal_forms: GrantInput['legalForms'];
  contact: string | null;
  amount_min: number | null;
  project_starts_on: string | null;
  grant_type: GrantInput['grantType'];
}

@Injectable()
export class JGrantsImportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async import(actor: RequestActor, document: string): Promise<JGrantsImportOutcome> {
    assertCan(actor, 'create', { __typename: 'Grant', organizationId: actor.organizationId });
    if (Buffer.byteLength(document, 'utf8') > MAX_JGRANTS_DOCUMENT_BYTES) {
      throw new AppError(
        'BAD_USER_INPUT',
        { ja: 'jGrants のファイルは 5 MB 以内にしてください。', en: 'The jGrants document must be at most 5 MB.' },
        { reason: 'DOCUMENT_TOO_LARGE' },
      );
    }
    const { records, problems } = readJGrantsDocument(document);
    if (!records.length && problems.length) return fail(problems);

    return runInTenant(this.dataSource, actor, async (manager) => {
      const ids = records.map((record) => record.sourceId).filter(Boolean);
      const existing: ExistingRow[] = ids.length
        ? await manager.query(
            `SELECT id, source_id, organization_id, status, visibility, eligible_kinds, legal_forms, contact,
                    amount_min::float8 AS amount_min, project_starts_on::text AS project_starts_on, grant_type
               FROM grants WHERE tenant_id = $1 AND source = 'JGRANTS' AND source_id = ANY($2::text[])
              ORDER BY id FOR UPDATE`,
            [actor.tenantId, ids],
          )
        : [];
      const bySourceId = new Map(existing.map((row) => [row.source_id, row]));

      // Every record checked by the editor's rules, with what the editor set on an earlier import kept.
      const checked: Array<{ record: JGrantsRecord; fields: GrantFields; current?: ExistingRow }> = [];
      for (const record of records) {
        const current = bySourceId.get(record.sourceId);
        if (current && current.organization_id !== actor.organizationId) {
          problems.push({ path: `${record.path}.id`, message: JGRANTS_MESSAGES.takenId });
        }
        const input: GrantInput = current
          ? {
              ...record.input,
              visibility: current.visibility,
              eligibleKinds: current.eligible_kinds,
              legalForms: current.legal_forms,
              contact: current.contact,
              amountMin: current.amount_min,
              projectStartsOn: current.project_starts_on,
              grantType: current.grant_type,
            }
          : record.input;
        const result = checkRecord(record, input);
        problems.push(...result.problems);
        if (result.fields) checked.push({ record, fields: result.fields, current });
      }
      if (problems.length) return fail(problems);

      let created = 0;
      let updated = 0;
      for (const { record, fields, current } of checked) {
        const values = await grantWritableValues(fields);
        let id: string;
        if (current) {
          await manager.query(
            `UPDATE grants SET ${GRANT_WRITABLE_COLUMNS.map((column, index) => `${column} = $${index + 3}`).join(', ')}
              WHERE tenant_id = $1 AND id = $2`,
            [actor.tenantId, current.id, ...values],
          );
          id = current.id;
          updated += 1;
        } else {
          const [row]: Array<{ id: string }> = await manager.query(
            `INSERT INTO grants (tenant_id, organization_id, created_by_membership_id, source, source_id,
                                 ${GRANT_WRITABLE_COLUMNS.join(', ')})
             VALUES ($1, $2, $3, 'JGRANTS', $4, ${GRANT_WRITABLE_COLUMNS.map((_, index) => `$${index + 5}`).join(', ')})
             RETURNING id`,
            [actor.tenantId, actor.organizationId, actor.membershipId, record.sourceId, ...values],
          );
          id = row.id;
          created += 1;
        }
        await recordAudit(manager, actor, {
          entity: 'Grant',
          entityId: id,
          action: 'IMPORTED',
          changedFields: Object.keys(fields),
        });
      }
      return { created, updated, errors: [] };
    });
  }
}

function fail(problems: JGrantsProblem[]): JGrantsImportOutcome {
  return { created: 0, updated: 0, errors: onePerPath(problems) };
}
