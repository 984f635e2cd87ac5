// A moment in an input: a Date on the API (the DateTime scalar has parsed it), ISO text from a
// form. Either way the checked value is a Date.
import { z } from 'zod';

function moment(invalid: string) {
  return z
    .union([z.date(), z.string()], invalid)
    .nullish()
    .transform((value) => (value === null || value === undefined ? null : new Date(value)));
}

/** A moment that may be left out (null). */
export function optionalMoment(invalid: string) {
  return moment(invalid).refine((value) => value === null || !Number.isNaN(value.getTime()), invalid);
}

/** A moment that must be given; `missing` answers a blank or invalid one. */
export function requiredMoment(missing: string) {
  return moment(missing)
    .refine((value) => value !== null && !Number.isNaN(value.getTime()), missing)
    .transform((value) => value as Date);
}
