// Validation of organisation input, reporting every faulty field at once in both languages.
import { isValidCorporateNumber, LocalizedText, normalizeMunicipalityCode } from '@tsunagu/domain';
import { AppError } from '../../core/graphql/app-error';

export interface OrganizationFields {
  name?: string;
  nameKana?: string | null;
  corporateNumber?: string | null;
  municipalityCode?: string | null;
}

const messages = {
  name: { ja: '団体名を1〜200文字で入力してください。', en: 'Enter an organisation name of 1 to 200 characters.' },
  nameKana: {
    ja: 'フリガナはカタカナ（全角）で200文字以内で入力してください。',
    en: 'Enter the reading in full-width katakana, up to 200 characters.',
  },
  corporateNumber: {
    ja: '法人番号は13桁の数字で、チェックデジットが正しい必要があります。国税庁の法人番号公表サイトで確認してください。',
    en: 'The corporate number must be 13 digits with a valid check digit. Please check it on the National Tax Agency site.',
  },
  municipalityCode: {
    ja: '地方公共団体コードは5桁（または検査数字付きの6桁）で入力してください（例：13102 中央区）。',
    en: 'Enter a 5-digit local government code (or 6 digits with its check digit), e.g. 13102 for Chuo City.',
  },
} satisfies Record<keyof OrganizationFields, LocalizedText>;

const katakana = /^[\u30A0-\u30FF\u3000\s・ー（）()]+$/;

/** Returns the normalised fields (blank optional values become null) or throws BAD_USER_INPUT. */
export function validateOrganizationFields(input: OrganizationFields): OrganizationFields {
  const problems: Record<string, LocalizedText> = {};
  const result: OrganizationFields = {};
  if (input.name !== undefined) {
    const name = input.name.trim();
    if (name.length < 1 || name.length > 200) problems['name'] = messages.name;
    result.name = name;
  }
  if (input.nameKana !== undefined) {
    const kana = input.nameKana?.trim() || null;
    if (kana !== null && (kana.length > 200 || !katakana.test(kana))) problems['nameKana'] = messages.nameKana;
    result.nameKana = kana;
  }
  if (input.corporateNumber !== undefined) {
    const number = input.corporateNumber?.replace(/[\s-]/g, '') || null;
    if (number !== null && !isValidCorporateNumber(number)) problems['corporateNumber'] = messages.corporateNumber;
    result.corporateNumber = number;
  }
  if (input.municipalityCode !== undefined) {
    const raw = input.municipalityCode?.trim() || null;
    const code = raw === null ? null : normalizeMunicipalityCode(raw);
    if (raw !== null && code === null) problems['municipalityCode'] = messages.municipalityCode;
    result.municipalityCode = code;
  }
  if (Object.keys(problems).length) {
    throw new AppError(
      'BAD_USER_INPUT',
      { ja: '入力内容を確認してください。', en: 'Please check the highlighted fields.' },
      { fields: problems },
    );
  }
  return result;
}
