// Third-party provision and receipt records (第三者提供記録, APPI Art. 29 and 30) as CSV, for an
// organisation to keep, hand to its auditor or show the Personal Information Protection
// Commission. Opened mostly in Excel in Japan: UTF-8 with a BOM (without it Excel reads
// Shift_JIS and garbles every name), CRLF line ends, and cells that Excel would run as a formula
// defused.
import { stringify } from 'csv-stringify/sync';
import type { ConsentPurpose, Language, PersonalDataCategory } from '@tsunagu/domain';
import { categoryLabels, purposeLabel, tokyoDateTime } from './disclosure-document';

export interface ProvisionRecordRow {
  providedAt: string; // ISO 8601 instant
  providerOrganizationName: string;
  recipientOrganizationName: string;
  personPseudonym: string;
  categories: PersonalDataCategory[];
  purpose: ConsentPurpose;
  consentId: string | null;
  /** 取得の経緯: how the provider came to hold the data (e.g. 本人からの相談受付時に取得). */
  acquisition: string | null;
}

const HEADERS: Record<Language, readonly string[]> = {
  ja: ['提供日', '提供元', '提供先', '本人（仮名ID）', '項目', '目的', '同意ID', '取得の経緯'],
  en: ['Provided at (JST)', 'Provider', 'Recipient', 'Person (pseudonym)', 'Categories', 'Purpose', 'Consent ID', 'How the provider obtained it'],
};

const BOM = '\uFEFF';

/**
 * Cells a spreadsheet would treat as a formula (CSV injection): = + - @, tab and carriage
 * return, and the full-width ＝ ＋ － ＠ that Japanese input produces. A leading apostrophe makes
 * Excel show the text as it is.
 */
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

export function defuseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

export function provisionRecordsCsv(rows: readonly ProvisionRecordRow[], language: Language): string {
  const records = rows.map((row) => [
    tokyoDateTime(row.providedAt),
    row.providerOrganizationName,
    row.recipientOrganizationName,
    row.personPseudonym,
    categoryLabels(row.categories, language),
    purposeLabel(row.purpose, language),
    row.consentId ?? '',
    row.acquisition ?? '',
  ]);
  const csv = stringify([[...HEADERS[language]], ...records].map((cells) => cells.map(defuseFormula)), {
    record_delimiter: 'windows',
  });
  return BOM + csv;
}
