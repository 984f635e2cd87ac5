// Text inputs that may be left out, in the two ways the API has always stored them.
import { z } from 'zod';

/** Text that may be left out: trimmed, and null when blank. */
export const blankAsNull = z
  .string()
  .nullish()
  .transform((value) => value?.trim() || null);

/** Free text that may be left out: trimmed, and empty (not null) when not given. */
export function optionalLongText(max: number, tooLong: string) {
  return z
    .string()
    .nullish()
    .transform((value) => (value ?? '').trim())
    .refine((value) => value.length <= max, tooLong);
}
