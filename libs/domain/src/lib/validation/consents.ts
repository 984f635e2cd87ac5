// A consent as it is recorded (ConsentInput), as the API checks it and the consent form shows it.
// Codes are normalised to their vocabulary's order (unknown ones dropped), recipients de-duplicated,
// the note trimmed. Whether the recipients, the staff member and the replaced consent exist is
// the API's to check against the database.
import { z } from 'zod';
import { ORGANIZATION_KINDS } from '../roles';
import { CONSENT_METHODS, CONSENT_PURPOSES, isSpecialCare, PERSONAL_DATA_CATEGORIES } from '../people';
import { optionalText, orDefault, say, uuid } from './kit';
import { reasonText } from './people';

/** The largest evidence file, in bytes (4 MB). */
export const MAX_EVIDENCE_BYTES = 4 * 1024 * 1024;

export const CONSENT_MESSAGES = {
  categories: say('同意する項目を1つ以上選んでください。', 'Choose at least one category.'),
  specialCareApart: say(
    '健康・障害・犯罪歴や被害歴（要配慮個人情報）は、ほかの項目と分けて、別の同意として記録してください。',
    'Record health, disability and legal (special-care) data as a consent of its own, separate from the other categories.',
  ),
  // The consent form's wording, which the end-to-end test of a special-care consent reads.
  specialCareExplained: say('本人への説明を確認してください。', 'Confirm that the person was told.'),
  purposes: say('利用目的を1つ以上選んでください。', 'Choose at least one purpose.'),
  recipientOrganizations: say('提供先は、このネットワークの他の団体から選んでください。', 'Choose recipients among the other organisations of this network.'),
  recipients: say('提供先の団体か、団体の種類を選んでください。', 'Choose the recipient organisations or kinds of organisation.'),
  validFrom: say('入力してください。', 'Please fill this in.'),
  validUntil: say('有効期限は開始日より後にしてください。', 'The end of validity must be after its start.'),
  evidenceNote: say('記録は2000文字以内にしてください。', 'Keep the note within 2,000 characters.'),
  evidenceFile: say('証跡ファイルは4MB以下で、名前のあるファイルを選んでください。', 'Choose a named evidence file of at most 4 MB.'),
  method: say('一覧から選んでください。', 'Choose a value from the list.'),
} as const;

/** The codes of a vocabulary that were chosen, in the vocabulary's order, each once. */
function chosen<C extends string>(codes: readonly C[]) {
  return z.array(z.string()).transform((values) => codes.filter((code) => values.includes(code)));
}

/** The bytes a base64 text decodes to (as Node's lenient decoder reads it: up to the padding, other characters skipped). */
export function base64ByteLength(base64: string): number {
  const digits = base64.split('=')[0].replace(/[^A-Za-z0-9+/_-]/g, '').length;
  return Math.floor((digits * 3) / 4);
}

const evidenceFile = z
  .object({ fileName: z.string(), mediaType: z.string(), contentBase64: z.string() })
  .nullish()
  .transform((file) =>
    file ? { fileName: file.fileName.trim(), mediaType: file.mediaType.slice(0, 100) || 'application/octet-stream', contentBase64: file.contentBase64 } : null,
  )
  .refine((file) => {
    if (file === null) return true;
    const bytes = base64ByteLength(file.contentBase64);
    return bytes >= 1 && bytes <= MAX_EVIDENCE_BYTES && file.fileName.length >= 1 && file.fileName.length <= 200;
  }, CONSENT_MESSAGES.evidenceFile);

const instant = z.date().refine((date) => !Number.isNaN(date.getTime()));

export const consentInputSchema = z
  .object({
    personId: z.string(),
    categories: chosen(PERSONAL_DATA_CATEGORIES.codes)
      .refine((codes) => codes.length > 0, CONSENT_MESSAGES.categories)
      .refine((codes) => codes.every(isSpecialCare) || !codes.some(isSpecialCare), CONSENT_MESSAGES.specialCareApart),
    purposes: chosen(CONSENT_PURPOSES.codes).refine((codes) => codes.length > 0, CONSENT_MESSAGES.purposes),
    recipientOrganizationIds: z
      .array(z.string())
      .default([])
      .transform((ids) => [...new Set(ids)])
      .refine((ids) => ids.every((id) => uuid.safeParse(id).success), CONSENT_MESSAGES.recipientOrganizations),
    recipientKinds: chosen(ORGANIZATION_KINDS).default([]),
    validFrom: instant.nullish().refine((date) => date != null, CONSENT_MESSAGES.validFrom),
    validUntil: orDefault(instant, null),
    method: z.enum(CONSENT_METHODS.codes, { message: CONSENT_MESSAGES.method }),
    obtainedByMembershipId: orDefault(z.string(), null),
    obtainedAt: orDefault(instant, null),
    evidenceNote: optionalText(2000, CONSENT_MESSAGES.evidenceNote),
    evidenceFile,
    specialCareExplained: z.boolean().default(false),
    supersedesId: orDefault(z.string(), null),
  })
  .superRefine((input, context) => {
    // (Categories mixing special-care and ordinary ones were refused above, so this is a special-care consent.)
    if (input.categories.some(isSpecialCare) && !input.specialCareExplained) {
      context.addIssue({ code: 'custom', path: ['specialCareExplained'], message: CONSENT_MESSAGES.specialCareExplained });
    }
    if (input.recipientOrganizationIds.length + input.recipientKinds.length === 0) {
      context.addIssue({ code: 'custom', path: ['recipientOrganizationIds'], message: CONSENT_MESSAGES.recipients });
    }
    if (input.validFrom && input.validUntil && input.validUntil <= input.validFrom) {
      context.addIssue({ code: 'custom', path: ['validUntil'], message: CONSENT_MESSAGES.validUntil });
    }
  })
  .transform(({ validFrom, ...rest }) => ({ ...rest, validFrom: validFrom as Date }));

export type CheckedConsentInput = z.output<typeof consentInputSchema>;

/** Revoking a consent: the reason it is recorded with (1 to 1,000 characters, trimmed). */
export const consentRevocationSchema = z.object({ reason: reasonText('revocation') });
