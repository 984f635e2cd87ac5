// Validation of organisation input, reporting every faulty field at once in both languages.
import { isPlausibleEmail, isValidCorporateNumber, LocalizedText, normalizeMunicipalityCode } from '@tsunagu/domain';
import { AppError } from '../../core/graphql/app-error';

export interface OrganizationFields {
  name?: string;
  nameKana?: string | null;
  corporateNumber?: string | null;
  municipalityCode?: string | null;
  description?: string | null;
  postalCode?: string | null;
  address?: string | null;
  website?: string | null;
  phone?: string | null;
  email?: string | null;
  logoUrl?: string | null;
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
  description: { ja: '紹介文は4000文字以内にしてください。', en: 'Keep the description within 4,000 characters.' },
  postalCode: { ja: '郵便番号は「104-0061」の形で入力してください。', en: 'Enter the postal code as 104-0061.' },
  address: { ja: '住所は300文字以内にしてください。', en: 'Keep the address within 300 characters.' },
  website: { ja: 'ウェブサイトは https:// から始まるアドレスで入力してください。', en: 'Enter the website as an address starting with https://.' },
  phone: { ja: '電話番号は数字とハイフンで入力してください（例：03-0000-1234）。', en: 'Enter the phone number with digits and hyphens, e.g. 03-0000-1234.' },
  email: { ja: 'メールアドレスの形式が正しくありません。', en: 'This is not a valid email address.' },
  logoUrl: { ja: 'ロゴ画像は https:// から始まるアドレスで指定してください。', en: 'Give the logo as an address starting with https://.' },
} satisfies Record<keyof OrganizationFields, LocalizedText>;

const profileRules: Array<[keyof OrganizationFields, (value: string) => boolean]> = [
  ['description', (value) => value.length <= 4000],
  ['postalCode', (value) => /^\d{3}-?\d{4}$/.test(value)],
  ['address', (value) => value.length <= 300],
  ['website', (value) => /^https?:\/\/\S+$/.test(value) && value.length <= 500 && URL.canParse(value)],
  ['phone', (value) => /^[0-9+()\- ]{6,40}$/.test(value)],
  ['email', (value) => isPlausibleEmail(value)],
  ['logoUrl', (value) => /^https:\/\/\S+$/.test(value) && value.length <= 500 && URL.canParse(value)],
];

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
  for (const [field, valid] of profileRules) {
    const raw = input[field];
    if (raw === undefined) continue;
    const value = typeof raw === 'string' ? raw.trim() || null : null;
    if (value !== null && !valid(value)) problems[field] = messages[field];
    result[field] = value as never;
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
