// What a keyword search looks for beyond the letters typed (issue 16): the readings of kanji text
// (いばしょ finds 居場所) and the field's abbreviations and spelling variants (社協 finds
// 社会福祉協議会). The API stores each record's reading beside its search document and expands
// every query term with SEARCH_SYNONYMS; both are folded by normalizeForSearch, as the documents are.
import { normalizeForSearch } from './directory';

/**
 * One entry of the synonym list. `words` name the same thing: a query containing any of them also
 * looks for each of the others. `shortForms` look for `words` too, but `words` never look for
 * them: they are too broad on their own (包括 is also 包括的, 生保 is also 生命保険).
 */
export interface SearchSynonym {
  readonly words: readonly string[];
  readonly shortForms?: readonly string[];
}

/**
 * The reviewed synonym list of 孤独・孤立対策 work. Add an entry only for words that people in
 * the field use for one another; a wrong entry makes every search for it noisier. Words are
 * written as people type them: normalizeForSearch folds width, case and hiragana.
 */
export const SEARCH_SYNONYMS: readonly SearchSynonym[] = [
  // 社会福祉協議会は「社協」と呼ばれるのが普通（「中央区社協」など）。
  { words: ['社会福祉協議会', '社協'] },
  // 地域包括支援センターは「包括」「地域包括」「包括支援センター」とも。「包括」だけでは「包括的」にも当たるので片方向。
  { words: ['地域包括支援センター', '包括支援センター', '地域包括'], shortForms: ['包括'] },
  // ハローワークの正式名称は公共職業安定所。「ハロワ」「職安」は口語。
  { words: ['ハローワーク', 'ハロワ', '公共職業安定所', '職業安定所', '職安'] },
  // 社会福祉法人の略称。
  { words: ['社会福祉法人', '社福'] },
  // 障害者総合支援法の地域活動支援センター。
  { words: ['地域活動支援センター', '地活'] },
  // 民生委員は児童委員を兼ねる（民生委員・児童委員）。「民生」だけでは「民生部」などにも当たるので片方向。
  { words: ['民生委員', '民生児童委員', '民生・児童委員'], shortForms: ['民生'] },
  // 子ども食堂の表記ゆれ。
  { words: ['子ども食堂', 'こども食堂', '子供食堂'] },
  // 子ども・若者の表記ゆれ（「子ども食堂」は上の項目が先に当たる）。
  { words: ['子ども', '子供', 'こども'] },
  // フードバンクの表記ゆれ。
  { words: ['フードバンク', 'フード・バンク', 'food bank'] },
  // 障害の表記ゆれ（自治体により「障がい」「障碍」）。
  { words: ['障害', '障がい', '障碍'] },
  // ひきこもりの表記ゆれ（読みでは見つからない漢字かな混じりの違い）。
  { words: ['ひきこもり', '引きこもり', '引き籠もり'] },
  // 児童相談所の略称。
  { words: ['児童相談所', '児相'] },
  // 地域若者サポートステーションの略称。
  { words: ['地域若者サポートステーション', 'サポステ'] },
  // 介護支援専門員の通称。
  { words: ['介護支援専門員', 'ケアマネジャー', 'ケアマネージャー', 'ケアマネ'] },
  // 特別養護老人ホームの略称。
  { words: ['特別養護老人ホーム', '特養'] },
  // コミュニティソーシャルワーカー（多くは社協に配置）。
  { words: ['コミュニティソーシャルワーカー', 'コミュニティ・ソーシャルワーカー', 'csw'] },
  // スクールソーシャルワーカー。
  { words: ['スクールソーシャルワーカー', 'ssw'] },
  // 特定非営利活動法人は「NPO法人」とも。
  { words: ['特定非営利活動法人', 'npo法人'] },
  // 重層的支援体制整備事業（社会福祉法第106条の4）。「重層」だけでは広すぎるので片方向。
  { words: ['重層的支援体制整備事業', '重層事業'], shortForms: ['重層'] },
  // 配偶者からの暴力。「DV」は英文の adv… などにも当たるので片方向。
  { words: ['配偶者暴力', 'ドメスティック・バイオレンス', 'ドメスティックバイオレンス'], shortForms: ['dv'] },
  // 「生保」は生命保険にも使われるので片方向。
  { words: ['生活保護'], shortForms: ['生保'] },
  // 自殺と自死は同じ事柄（遺族支援などでは「自死」が使われる）。
  { words: ['自殺', '自死'] },
];

/** A query term looks for at most this many alternatives (the term itself included). */
export const MAX_SEARCH_ALTERNATIVES = 8;

interface SynonymMatch {
  readonly word: string;
  readonly lookFor: readonly string[];
}

/** Every listed word, normalised, with what a query containing it looks for; longest first. */
function synonymIndex(synonyms: readonly SearchSynonym[]): SynonymMatch[] {
  const index: SynonymMatch[] = [];
  for (const entry of synonyms) {
    const words = entry.words.map(normalizeForSearch);
    for (const word of words) index.push({ word, lookFor: words });
    for (const shortForm of (entry.shortForms ?? []).map(normalizeForSearch)) index.push({ word: shortForm, lookFor: [shortForm, ...words] });
  }
  return index.sort((a, b) => b.word.length - a.word.length);
}

const SYNONYM_INDEX = synonymIndex(SEARCH_SYNONYMS);

/**
 * The alternatives one normalised query term stands for, any of which a record must contain:
 * the term, and the term with its longest listed word replaced by each synonym (中央区社協 →
 * 中央区社会福祉協議会). An alternative containing another is left out, since whatever contains
 * it contains the other too (包括 already finds 地域包括支援センター).
 */
export function searchAlternatives(term: string, synonyms: readonly SearchSynonym[] = SEARCH_SYNONYMS): string[] {
  const index = synonyms === SEARCH_SYNONYMS ? SYNONYM_INDEX : synonymIndex(synonyms);
  const match = index.find(({ word }) => term.includes(word));
  const found = match ? [term, ...match.lookFor.map((word) => term.replace(match.word, word))] : [term];
  const distinct = [...new Set(found)];
  const needed = distinct.filter((alternative) => !distinct.some((other) => other !== alternative && alternative.includes(other)));
  return needed.slice(0, MAX_SEARCH_ALTERNATIVES);
}

/** A word as a morphological analyser gives it: the text and, when known, its reading in kana. */
export interface ReadingToken {
  readonly surface: string;
  readonly reading?: string | null;
}

/**
 * The reading of analysed text, folded as search documents are: each word's kana reading, or the
 * word itself where the analyser knows none (Latin letters, digits, unknown words, spaces).
 */
export function readingOfTokens(tokens: readonly ReadingToken[]): string {
  return normalizeForSearch(tokens.map((token) => (token.reading && token.reading !== '*' ? token.reading : token.surface)).join(''));
}
