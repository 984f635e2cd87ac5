// The one way an id from a request is checked before it reaches SQL. Every id argument is a
// UUID; anything else cannot name a row, so it answers exactly what an unknown id answers
// (NOT_FOUND with the entity's label, revealing nothing) and never reaches PostgreSQL, where
// the `::uuid` cast would fail as an internal error.
import { isUuid, type LocalizedText } from '@tsunagu/domain';
import { notFound } from '../authz/authorize';
import { AppError } from './app-error';

/** The id, or NOT_FOUND for `what` (the plain NOT_FOUND message when no label is given) if it is not a UUID. */
export function requireId(value: string, what?: LocalizedText): string {
  if (!isUuid(value)) throw what ? notFound(what) : new AppError('NOT_FOUND');
  return value;
}

/** As requireId, for an optional id (a filter): absent or empty passes. */
export function requireOptionalId(value: string | null | undefined, what: LocalizedText): void {
  if (value) requireId(value, what);
}

/** The id if it can name a row, else null: for lookups and filters where a malformed id simply finds nothing. */
export function usableId(value: string | null | undefined): string | null {
  return typeof value === 'string' && isUuid(value) ? value : null;
}

/** The ids that can name a row (malformed ones find nothing), de-duplicated. */
export function usableIds(values: readonly string[]): string[] {
  return [...new Set(values.filter((value) => isUuid(value)))];
}

/** As requireId, for a list of ids: one that is not a UUID answers NOT_FOUND for `what`. */
export function requireIds(values: readonly string[], what: LocalizedText): void {
  for (const value of values) requireId(value, what);
}
