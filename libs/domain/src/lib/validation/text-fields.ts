// Text inputs that may be left out, in the two ways the API has always stored them.
import { z } from 'zod';
import { trimmedOrNull } from '../text';
import { withTextLimit } from './text-limits';

/** Text that may be left out: trimmed, and null when blank. */
export const blankAsNull = z.string().nullish().transform(trimmedOrNull);

/** As blankAsNull, for a text whose length the input's own rule checks (at most maxLength), which the forms count down. */
export function blankAsNullUpTo(maxLength: number) {
  return withTextLimit(z.string(), maxLength).nullish().transform(trimmedOrNull);
}

/** Free text that may be left out: trimmed, and empty (not null) when not given. */
export function optionalLongText(max: number, tooLong: string) {
  return withTextLimit(z.string(), max)
    .nullish()
    .transform((value) => (value ?? '').trim())
    .refine((value) => value.length <= max, tooLong);
}
