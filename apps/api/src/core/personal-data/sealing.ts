// Where special-care values (要配慮個人情報) live sealed, and what each seal is bound to. Shared
// by the reader, the writer and the reseal command so all three agree byte for byte.
import type { PersonalDataCategory } from '@tsunagu/domain';

/** The sealed columns of `persons` and the category each holds (part of the seal's AAD). */
export const PERSON_SEALED_COLUMNS = [
  { column: 'health_sealed', category: 'HEALTH' },
  { column: 'disability_sealed', category: 'DISABILITY' },
  { column: 'legal_sealed', category: 'LEGAL' },
] as const;

export type SealedColumn = (typeof PERSON_SEALED_COLUMNS)[number]['column'];

/** The sealed column of a special-care category; undefined for ordinary categories. */
export function sealedColumnOf(category: PersonalDataCategory): SealedColumn | undefined {
  return PERSON_SEALED_COLUMNS.find((entry) => entry.category === category)?.column;
}

/** The additional data a sealed value is bound to: it opens only in its own row and category. */
export function sealingContext(tenantId: string, personId: string, category: PersonalDataCategory): string {
  return `${tenantId}/${personId}/${category}`;
}
