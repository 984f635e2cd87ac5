// Exports of a network's published grant listings: CSV for spreadsheets (UTF-8 with a BOM and
// CRLF for Excel in Japan, formula cells defused as the provision records CSV does) and a
// 360Giving-style JSON document.
//
// What is exported: the PUBLISHED listings of the caller's network — its own organisation's among
// them. Drafts, closed and archived listings, and other networks' public listings, are not.
//
// 360Giving (https://standard.threesixtygiving.org) describes grants that were AWARDED: its
// required amountAwarded, awardDate and recipientOrganization have no honest value for a listing,
// which is an open funding opportunity, so they are left out and the document is "360Giving-style"
// rather than a valid 360Giving publication. The mapping:
//   id                  "360G-tsunagu-<listing id>" (360G- prefix: an identifier minted by the publisher)
//   title, description  title; the summary, else the plain text of the details
//   currency            "JPY"
//   plannedDates        [{ startDate, endDate }] from the project period, when one is given
//   fundingOrganization [{ id: "360G-tsunagu-funder-<hash of the name>", name: the funder }]
//   grantProgramme      [{ code: the jGrants id or the listing id, title, url: the application URL }]
//   beneficiaryLocation 全国 or each region ({ name, geoCode (JIS code), countryCode: "JP" })
//   classifications     the themes (vocabulary "tsunagu:service-categories")
//   url, dateModified   the application URL; when the listing last changed
//   amountAwarded, amountAppliedFor, awardDate, recipientOrganization: omitted (no award, no applicant)
//   "tsunagu:opportunity" what an opportunity has and 360Giving does not: funder and grant type,
//                       amount range or "no upper limit", subsidy rate, application window, status,
//                       publisher, source.
import { createHash } from 'node:crypto';
import { FUNDER_KINDS, GRANT_TYPES, GRANT_VISIBILITIES, japanDateTime, Language, SERVICE_CATEGORIES, type MunicipalityRegistry } from '@tsunagu/domain';
import type { EntityManager } from 'typeorm';
import type { RequestActor } from '../../core/auth/actor';
import { spreadsheetCsv } from '../../core/csv/spreadsheet-csv';
import { detailsText } from './grant-fields';
import { GRANT_COLUMNS, GRANT_FROM, GrantRow } from './grant-reader';

/** Most listings in one export. */
export const MAX_EXPORTED_GRANTS = 10_000;

/** The listings exported: my network's published ones, by deadline. */
export async function exportedGrantRows(manager: EntityManager, actor: RequestActor): Promise<GrantRow[]> {
  return manager.query(
    `SELECT ${GRANT_COLUMNS} FROM ${GRANT_FROM}
      WHERE g.tenant_id = $1 AND g.status = 'PUBLISHED'
      ORDER BY g.window_closes_at NULLS LAST, g.title, g.id LIMIT $2`,
    [actor.tenantId, MAX_EXPORTED_GRANTS],
  );
}

/** An instant as Tokyo time, "2026-12-01 17:00". */
export function tokyoDateTime(value: Date | null): string {
  return value ? japanDateTime(value) : '';
}

/** A region's place name (東京都中央区, 東京都); a code not on the list stays the code. */
function placeName(code: string, places: MunicipalityRegistry): string {
  return places.nameOf(code) ?? code;
}

function regionNames(row: Pick<GrantRow, 'nationwide' | 'region_codes'>, language: Language, places: MunicipalityRegistry): string {
  if (row.nationwide) return language === 'ja' ? '全国' : 'Nationwide';
  return row.region_codes.map((code) => placeName(code, places)).join(' ');
}

const HEADERS: Record<Language, readonly string[]> = {
  ja: ['ID', '名称', '実施団体', '実施団体の種別', '種類', '概要', '下限額（円）', '上限額（円）', '上限なし', '補助率（%）',
    '募集開始', '募集締切', '事業開始', '事業終了', '対象地域', '対象地域コード', '分野', '申請先URL', '問い合わせ先', '公開範囲',
    '掲載団体', '出典', '出典ID', '公開日時'],
  en: ['ID', 'Title', 'Funder', 'Funder kind', 'Type', 'Summary', 'Minimum (JPY)', 'Maximum (JPY)', 'No upper limit', 'Subsidy rate (%)',
    'Opens (JST)', 'Closes (JST)', 'Project starts', 'Project ends', 'Regions', 'Region codes', 'Themes', 'Application URL', 'Contact',
    'Visibility', 'Publisher', 'Source', 'Source ID', 'Published at (JST)'],
};

export function grantsCsv(rows: readonly GrantRow[], language: Language, places: MunicipalityRegistry): string {
  const yes = language === 'ja' ? 'はい' : 'yes';
  const records = rows.map((row) => [
    row.id,
    row.title,
    row.funder_name,
    FUNDER_KINDS.labels[row.funder_kind][language],
    GRANT_TYPES.labels[row.grant_type][language],
    row.summary,
    row.amount_min === null ? '' : String(row.amount_min),
    row.amount_max === null ? '' : String(row.amount_max),
    row.amount_unlimited ? yes : '',
    row.subsidy_rate_percent === null ? '' : String(row.subsidy_rate_percent),
    tokyoDateTime(row.window_opens_at),
    tokyoDateTime(row.window_closes_at),
    row.project_starts_on ?? '',
    row.project_ends_on ?? '',
    regionNames(row, language, places),
    row.region_codes.join(' '),
    row.themes.map((theme) => SERVICE_CATEGORIES.labels[theme][language]).join(language === 'ja' ? '、' : ', '),
    row.application_url ?? '',
    row.contact ?? '',
    GRANT_VISIBILITIES.labels[row.visibility][language],
    row.organization_name ?? '',
    row.source,
    row.source_id ?? '',
    tokyoDateTime(row.published_at),
  ]);
  return spreadsheetCsv(HEADERS[language], records);
}

/** A stable 360Giving-style identifier for a funder known only by its name. */
export function funderIdentifier(name: string): string {
  return `360G-tsunagu-funder-${createHash('sha256').update(name.trim()).digest('hex').slice(0, 16)}`;
}

export function grants360Giving(rows: readonly GrantRow[], places: MunicipalityRegistry): { grants: Array<Record<string, unknown>> } {
  return {
    grants: rows.map((row) => {
      const description = row.summary.trim() || detailsText(row.details_html);
      const plannedDates =
        row.project_starts_on || row.project_ends_on
          ? [{ ...(row.project_starts_on ? { startDate: row.project_starts_on } : {}), ...(row.project_ends_on ? { endDate: row.project_ends_on } : {}) }]
          : undefined;
      return {
        id: `360G-tsunagu-${row.id}`,
        title: row.title,
        description,
        currency: 'JPY',
        ...(plannedDates ? { plannedDates } : {}),
        fundingOrganization: [{ id: funderIdentifier(row.funder_name), name: row.funder_name }],
        grantProgramme: [{ code: row.source_id ?? row.id, title: row.title, ...(row.application_url ? { url: row.application_url } : {}) }],
        beneficiaryLocation: row.nationwide
          ? [{ name: '全国', countryCode: 'JP' }]
          : row.region_codes.map((code) => ({ name: placeName(code, places), geoCode: code, countryCode: 'JP' })),
        classifications: row.themes.map((theme) => ({
          vocabulary: 'tsunagu:service-categories',
          code: theme,
          title: SERVICE_CATEGORIES.labels[theme].ja,
        })),
        ...(row.application_url ? { url: row.application_url } : {}),
        dateModified: row.updated_at.toISOString(),
        'tsunagu:opportunity': {
          funderKind: row.funder_kind,
          grantType: row.grant_type,
          amountMin: row.amount_min,
          amountMax: row.amount_max,
          amountUnlimited: row.amount_unlimited,
          subsidyRatePercent: row.subsidy_rate_percent,
          applicationOpens: row.window_opens_at?.toISOString() ?? null,
          applicationCloses: row.window_closes_at?.toISOString() ?? null,
          status: row.status,
          publisher: row.organization_name,
          source: row.source,
          sourceId: row.source_id,
        },
      };
    }),
  };
}
