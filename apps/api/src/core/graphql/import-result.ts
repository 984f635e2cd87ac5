// What every document import (HSDS directory, jGrants listings) answers over GraphQL: either
// every record was written (ok, with counts) or none, with each problem in the caller's language.
import type { Language, LocalizedText } from '@tsunagu/domain';

export interface ImportOutcome {
  readonly created: number;
  readonly updated: number;
  readonly errors: readonly { readonly path: string; readonly message: LocalizedText }[];
}

export interface ImportResultFields {
  ok: boolean;
  created: number;
  updated: number;
  errors: { path: string; message: string }[];
}

/** The outcome as the GraphQL result types carry it: ok when nothing failed, messages in `language`. */
export function importResultIn(outcome: ImportOutcome, language: Language): ImportResultFields {
  return {
    ok: outcome.errors.length === 0,
    created: outcome.created,
    updated: outcome.updated,
    errors: outcome.errors.map((error) => ({ path: error.path, message: error.message[language] })),
  };
}
