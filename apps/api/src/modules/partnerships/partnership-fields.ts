// Validation of partnership, contact, interaction and follow-up input with the shared schemas
// (libs/domain): every faulty field is reported at once, in Japanese and English, under the
// reason INVALID_PARTNERSHIP or INVALID_INTERACTION (the database's CHECKs are the last line,
// never the message a person reads).
import { interactionInputSchema, partnershipInputSchema, type FollowUpFields, type InteractionFields, type PartnershipFields } from '@tsunagu/domain';
import { validateInput } from '../../core/graphql/validate-input';
import type { InteractionInput, PartnershipInput } from './dto/partnerships.input';

export type { FollowUpFields, InteractionFields, PartnershipFields };

/** Normalised fields, or BAD_USER_INPUT (reason INVALID_PARTNERSHIP) naming every faulty field. */
export function validatePartnershipFields(input: PartnershipInput): PartnershipFields {
  return validateInput(partnershipInputSchema, input, { reason: 'INVALID_PARTNERSHIP' });
}

/** Normalised fields, or BAD_USER_INPUT (reason INVALID_INTERACTION) naming every faulty field. */
export function validateInteractionFields(input: InteractionInput): InteractionFields {
  return validateInput(interactionInputSchema, input, { reason: 'INVALID_INTERACTION' });
}
