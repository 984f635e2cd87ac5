// Keyword search over a row's search_document (the normalised text of what a reader sees) and
// its indexed search_bigrams, the same way in the directory, the grants and the training
// catalogue: each keyword must occur in the document.
import { normalizeForSearch } from '@tsunagu/domain';
import type { Conditions } from './conditions';

/** Keywords a search looks for at most; more are ignored. */
const MAX_TERMS = 8;

/** The keywords as the documents were normalised, split on spaces. */
export function searchTerms(keywords: string | null | undefined): string[] {
  return normalizeForSearch(keywords ?? '')
    .split(' ')
    .filter((term) => term.length > 0)
    .slice(0, MAX_TERMS);
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
 * One condition per term on the rows of `alias`: a term of two characters or more first narrows
 * the rows by the bigram index, then LIKE confirms the whole term in the document.
 */
export function addKeywordConditions(where: Conditions, alias: string, terms: readonly string[]): void {
  for (const term of terms) {
    const pattern = where.param(likePattern(term));
    where.add(
      [...term].length >= 2
        ? `${alias}.search_bigrams @> ${where.param(bigramsOf(term))}::text[] AND ${alias}.search_document LIKE ${pattern}`
        : `${alias}.search_document LIKE ${pattern}`,
    );
  }
}
