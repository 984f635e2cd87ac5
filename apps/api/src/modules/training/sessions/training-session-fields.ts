// Validation of a training session's input with the shared schema (libs/domain): every faulty
// field is reported at once, in Japanese and English, under the reason SESSION_INVALID.
import { trainingSessionInputSchema, type TrainingSessionFields } from '@tsunagu/domain';
import { validateInput } from '../../../core/graphql/validate-input';
import type { TrainingSessionInput } from './training-session.model';

export type { TrainingSessionFields };

/** The normalised fields, or BAD_USER_INPUT naming each faulty one (reason SESSION_INVALID). */
export function validateSessionFields(input: TrainingSessionInput): TrainingSessionFields {
  return validateInput(trainingSessionInputSchema, input, { reason: 'SESSION_INVALID' });
}
