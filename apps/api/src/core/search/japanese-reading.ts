// The kana reading of Japanese text, so that a search typed in kana (いばしょ, イバショ) finds
// text written in kanji (居場所). Readings come from kuromoji (npm `kuromoji` 0.1.2, a pure
// JavaScript port of the Kuromoji morphological analyser with the IPADIC dictionary bundled in the
// package: nothing to download at run time, no native build). Its forks add browser packaging or
// other dictionaries, none of which an API process needs, so the original is used.
//
// The dictionary takes about half a second and some 300 MB to load, so it is loaded once per
// process, on first use, and the tokenizer is shared by every caller (saves, the backfill job,
// the demo seed). A failed load is forgotten, so the next call tries again.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Logger } from '@nestjs/common';
import { builder, type IpadicFeatures, type Tokenizer } from 'kuromoji';
import { readingOfTokens } from '@tsunagu/domain';

const logger = new Logger('SearchReading');
let loading: Promise<Tokenizer<IpadicFeatures>> | undefined;

/**
 * Where kuromoji's dictionary lies. webpack rewrites a bare `require.resolve` into a module id, so
 * the package is found with Node's own resolver from this file (as core/pdf finds its font).
 */
function dictionaryPath(): string {
  return join(dirname(createRequire(__filename).resolve('kuromoji/package.json')), 'dict');
}

/** The shared tokenizer, loading the dictionary the first time. */
export function readingAnalyser(): Promise<Tokenizer<IpadicFeatures>> {
  loading ??= new Promise<Tokenizer<IpadicFeatures>>((resolve, reject) => {
    builder({ dicPath: dictionaryPath() }).build((error, tokenizer) => (error ? reject(error) : resolve(tokenizer)));
  }).catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/**
 * The reading of a record's search text (the text before normalizeForSearch: folding hiragana
 * first would make 住まい read as ジュウマイ), folded as search documents are.
 */
export async function searchReading(source: string): Promise<string> {
  const tokenizer = await readingAnalyser();
  return readingOfTokens(tokenizer.tokenize(source.normalize('NFKC')).map((token) => ({ surface: token.surface_form, reading: token.reading })));
}

/**
 * The reading for a save, or null when the analyser cannot load: the record is still saved and
 * searchable by its text, and the search-readings job fills the reading in later.
 */
export async function searchReadingOrNull(source: string): Promise<string | null> {
  try {
    return await searchReading(source);
  } catch (error) {
    logger.error({ err: error }, 'The reading analyser could not load; the reading is left to the search-readings job');
    return null;
  }
}
