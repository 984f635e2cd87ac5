// One code out of a fixed vocabulary, as a schema: the vocabularies' codes are plain arrays
// (not the tuples z.enum wants), and a wrong code must answer with the vocabulary's own words.
// A refinement rather than z.custom: an unknown code must not stop the cross-field rules, so
// that every faulty field is named at once.
import { z } from 'zod';

export function oneOf<const T extends string>(codes: readonly T[], unknown: string) {
  return z
    .string(unknown)
    .refine((value) => (codes as readonly string[]).includes(value), unknown)
    .transform((value) => value as T);
}

/** A list of codes, each from the vocabulary, without repeats (the first occurrence's order kept). */
export function distinctCodes<const T extends string>(codes: readonly T[], unknown: string) {
  return z.array(oneOf(codes, unknown)).transform((values) => [...new Set(values)]);
}
