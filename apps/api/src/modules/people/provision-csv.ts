// Third-party provision and receipt records (第三者提供記録, APPI Art. 29 and 30) as CSV, for an
// organisation to keep, hand to its auditor or show the Personal Information Protection
// Commission. Opened mostly in Excel in Japan: written by core/csv (BOM, CRLF, formulas defused).
import type { ConsentPurpose, Language, PersonalDataCategory } from '@tsunagu/domain';
import { spreadsheetCsv } from '../../core/csv/spreadsheet-csv';
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
  return spreadsheetCsv(HEADERS[language], records);
}
