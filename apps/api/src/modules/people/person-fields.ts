// A person's values checked by the shared schema (libs/domain validation/people), and the names
// of what a change touched.
import { PERSONAL_DATA_CATEGORIES, personInputSchema, PersonValues } from '@tsunagu/domain';
import { validateInput } from '../../core/graphql/validate-input';
import type { PersonInput } from './dto/people.input';

/**
 * Checks the categories present in `input` (the shared person schema) and returns their
 * normalised values. A category given as null is returned as null (cleared); one left out is
 * not returned at all. Problems are keyed "category.field".
 */
export function validatePersonInput(input: PersonInput, today: Date): Partial<PersonValues> {
  return validateInput(personInputSchema(today), input);
}

/** "category.field" names of what differs, for the audit trail and the correction record. */
export function changedFieldNames(before: Partial<PersonValues>, after: Partial<PersonValues>): string[] {
  const names: string[] = [];
  for (const category of PERSONAL_DATA_CATEGORIES.codes) {
    if (!(category in after)) continue;
    const old = (before[category] ?? {}) as Record<string, unknown>;
    const next = (after[category] ?? {}) as Record<string, unknown>;
    for (const field of new Set([...Object.keys(old), ...Object.keys(next)])) {
      if (JSON.stringify(old[field] ?? null) !== JSON.stringify(next[field] ?? null)) {
        names.push(`${category.toLowerCase()}.${field}`);
      }
    }
  }
  return names;
}
