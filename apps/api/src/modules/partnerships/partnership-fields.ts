// Validation of partnership, contact, interaction and follow-up input with the shared schemas
// (libs/domain): every faulty field is reported at once, in Japanese and English, under the
// reason INVALID_PARTNERSHIP or INVALID_INTERACTION (the database's CHECKs are the last line,
// never the message a person reads).
import { interactionInputSchema, isoDate, partnershipInputSchema, type FollowUpFields, type InteractionFields, type PartnershipFields } from '@tsunagu/domain';
import { validateInput } from '../../core/graphql/validate-input';
import type { InteractionInput, PartnershipInput } from './dto/partnerships.input';

export type { FollowUpFields, InteractionFields, PartnershipFields };

const calendarDate = isoDate('');

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  return calendarDate.safeParse(value).success;
}

/** Today's date in Japan (UTC+9, no daylight saving), YYYY-MM-DD. */
export function japanDate(at: Date): string {
  return new Date(at.getTime() + 9 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** Normalised fields, or BAD_USER_INPUT (reason INVALID_PARTNERSHIP) naming every faulty field. */
export function validatePartnershipFields(input: PartnershipInput): PartnershipFields {
  return validateInput(partnershipInputSchema, input, { reason: 'INVALID_PARTNERSHIP' });
}

/** Normalised fields, or BAD_USER_INPUT (reason INVALID_INTERACTION) naming every faulty field. */
export function validateInteractionFields(input: InteractionInput): InteractionFields {
  return validateInput(interactionInputSchema, input, { reason: 'INVALID_INTERACTION' });
}
