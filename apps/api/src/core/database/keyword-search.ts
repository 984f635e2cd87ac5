// Keyword search over a row's search_document (the normalised text of what a reader sees), its
// search_reading (the kana reading of that text, core/search) and search_bigrams (the indexed
// bigrams of both), the same way in the directory, the grants and the training catalogue: each
// keyword, or one of its synonyms (SEARCH_SYNONYMS in libs/domain), must occur in the document or
// in its reading. So 社協 finds 社会福祉協議会 and いばしょ finds 居場所.
import { normalizeForSearch, searchAlternatives } from '@tsunagu/domain';
import type { Conditions } from './conditions';

/** Keywords a search looks for at most; more are ignored. */
const MAX_TERMS = 8;

/** One keyword as typed and normalised, and the alternatives it stands for (itself and its synonyms). */
export interface SearchTerm {
  readonly typed: string;
  readonly alternatives: readonly string[];
}

/** The keywords as the documents were normalised, split on spaces, each with its synonyms. */
export function searchTerms(keywords: string | null | undefined): SearchTerm[] {
  return normalizeForSearch(keywords ?? '')
    .split(' ')
    .filter((term) => term.length > 0)
    .slice(0, MAX_TERMS)
    .map((typed) => ({ typed, alternatives: searchAlternatives(typed) }));
}

/** A LIKE pattern finding the term anywhere (its own % _ \ taken literally). */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/** The same character bigrams as the database's app_bigrams() (by code point). */
export function bigramsOf(term: string): string[] {
  const characters = [...term];
  return [...new Set(characters.slice(0, -1).map((character, index) => character + characters[index + 1]))];
}

/**
 * One condition per term on the rows of `alias`: any of its alternatives. An alternative of two
 * characters or more first narrows the rows by the bigram index, then LIKE confirms the whole
 * alternative in the document or the reading.
 */
export function addKeywordConditions(where: Conditions, alias: string, terms: readonly SearchTerm[]): void {
  for (const term of terms) {
    const alternatives = term.alternatives.map((alternative) => {
      const pattern = where.param(likePattern(alternative));
      const found = `(${alias}.search_document LIKE ${pattern} OR ${alias}.search_reading LIKE ${pattern})`;
      return [...alternative].length >= 2 ? `(${alias}.search_bigrams @> ${where.param(bigramsOf(alternative))}::text[] AND ${found})` : found;
    });
    where.add(alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(' OR ')})`);
  }
}
