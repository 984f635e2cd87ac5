// An organisation's fields (OrganizationInput, and the profile an organisation edits itself),
// as the API checks them and the forms show them. Every field is optional: an update names only
// what it changes, and a field left out stays out of the result. Blank optional values are null.
import { z } from 'zod';
import { isPlausibleEmail } from '../accounts';
import { isValidCorporateNumber, normalizeMunicipalityCode } from '../identifiers';
import { normalizeNumericText, numericTextOrNull, trimmedOrNull } from '../text';
import { say } from './kit';
import { withTextLimit } from './text-limits';

export const ORGANIZATION_MESSAGES = {
  name: say('団体名を1〜200文字で入力してください。', 'Enter an organisation name of 1 to 200 characters.'),
  nameKana: say('フリガナはカタカナ（全角）で200文字以内で入力してください。', 'Enter the reading in full-width katakana, up to 200 characters.'),
  corporateNumber: say(
    '法人番号は13桁の数字で、チェックデジットが正しい必要があります。国税庁の法人番号公表サイトで確認してください。',
    'The corporate number must be 13 digits with a valid check digit. Please check it on the National Tax Agency site.',
  ),
  municipalityCode: say(
    '地方公共団体コードは5桁（または検査数字付きの6桁）で入力してください（例：13102 中央区）。',
    'Enter a 5-digit local government code (or 6 digits with its check digit), e.g. 13102 for Chuo City.',
  ),
  description: say('紹介文は4000文字以内にしてください。', 'Keep the description within 4,000 characters.'),
  postalCode: say('郵便番号は「104-0061」の形で入力してください。', 'Enter the postal code as 104-0061.'),
  address: say('住所は300文字以内にしてください。', 'Keep the address within 300 characters.'),
  website: say('ウェブサイトは https:// から始まるアドレスで入力してください。', 'Enter the website as an address starting with https://.'),
  phone: say('電話番号は数字とハイフンで入力してください（例：03-0000-1234）。', 'Enter the phone number with digits and hyphens, e.g. 03-0000-1234.'),
  email: say('メールアドレスの形式が正しくありません。', 'This is not a valid email address.'),
  logoUrl: say('ロゴ画像は https:// から始まるアドレスで指定してください。', 'Give the logo as an address starting with https://.'),
} as const;

const KATAKANA = /^[\u30A0-\u30FF\u3000\s・ー（）()]+$/;

/** An optional text field: blank is null; anything else, trimmed, must pass the rule. */
function optionalField(valid: (value: string) => boolean, message: string, normalise: (value: string) => string | null = trimmedOrNull) {
  return z
    .string()
    .nullable()
    .transform((value) => (value === null ? null : normalise(value)))
    .refine((value) => value === null || valid(value), message)
    .optional();
}

/** An optional text field of at most maxLength characters (which the forms count down) that, when given, passes the rule. */
function limitedField(maxLength: number, message: string, valid: (value: string) => boolean = () => true) {
  return withTextLimit(
    optionalField((value) => value.length <= maxLength && valid(value), message),
    maxLength,
  );
}

const isWebAddress = (value: string) => /^https?:\/\/\S+$/.test(value) && URL.canParse(value);

export const organizationInputSchema = z.object({
  name: z.string().trim().min(1, ORGANIZATION_MESSAGES.name).max(200, ORGANIZATION_MESSAGES.name).optional(),
  nameKana: limitedField(200, ORGANIZATION_MESSAGES.nameKana, (value) => KATAKANA.test(value)),
  corporateNumber: optionalField(isValidCorporateNumber, ORGANIZATION_MESSAGES.corporateNumber, (value) => normalizeNumericText(value).replace(/[\s-]/g, '') || null),
  municipalityCode: z
    .string()
    .nullable()
    .transform(trimmedOrNull)
    .transform((raw, context) => {
      if (raw === null) return null;
      const code = normalizeMunicipalityCode(raw);
      if (code === null) context.addIssue({ code: 'custom', message: ORGANIZATION_MESSAGES.municipalityCode });
      return code;
    })
    .optional(),
  description: limitedField(4000, ORGANIZATION_MESSAGES.description),
  postalCode: optionalField((value) => /^\d{3}-?\d{4}$/.test(value), ORGANIZATION_MESSAGES.postalCode, numericTextOrNull),
  address: limitedField(300, ORGANIZATION_MESSAGES.address),
  website: limitedField(500, ORGANIZATION_MESSAGES.website, isWebAddress),
  phone: optionalField((value) => /^[0-9+()\- ]{6,40}$/.test(value), ORGANIZATION_MESSAGES.phone, numericTextOrNull),
  email: optionalField(isPlausibleEmail, ORGANIZATION_MESSAGES.email),
  logoUrl: limitedField(500, ORGANIZATION_MESSAGES.logoUrl, (value) => value.startsWith('https://') && isWebAddress(value)),
});

export type OrganizationInputFields = z.output<typeof organizationInputSchema>;
