// validateInput for the inputs whose refusal also names a reason narrower than BAD_USER_INPUT
// (INVALID_PARTNERSHIP, SESSION_INVALID, …), which clients and tests have always relied on.
import type { z } from 'zod';
import { AppError } from './app-error';
import { validateInput } from './validate-input';

/** The input normalised by its schema, or BAD_USER_INPUT with `reason`, naming each faulty field. */
export function validateInputFor<S extends z.ZodType>(schema: S, input: unknown, reason: string): z.output<S> {
  try {
    return validateInput(schema, input);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'BAD_USER_INPUT') throw error;
    const fields = error.extensions['fields'] as Record<string, { ja: string; en: string }>;
    throw new AppError('BAD_USER_INPUT', error.localized, { reason, fields });
  }
}
