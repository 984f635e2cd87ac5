import { normalizeForSearch } from './directory';
import { MAX_SEARCH_ALTERNATIVES, readingOfTokens, SEARCH_SYNONYMS, searchAlternatives } from './search';

const alternatives = (typed: string) => searchAlternatives(normalizeForSearch(typed));

describe('searchAlternatives', () => {
  it.each([
    ['社協', ['社協', '社会福祉協議会']],
    ['社会福祉協議会', ['社会福祉協議会', '社協']],
    ['中央区社協', ['中央区社協', '中央区社会福祉協議会']],
    ['ハロワ', ['ハロワ', 'ハローワーク', '職業安定所', '職安']],
    ['社福', ['社福', '社会福祉法人']],
    ['地活', ['地活', '地域活動支援センター']],
    ['こども食堂', ['コドモ食堂', '子ドモ食堂', '子供食堂']],
    ['障がい者', ['障ガイ者', '障害者', '障碍者']],
  ])('%s looks for %j', (typed, expected) => {
    expect(alternatives(typed)).toEqual(expected);
  });

  it('leaves out an alternative that contains another (包括 already finds 地域包括支援センター)', () => {
    expect(alternatives('包括')).toEqual(['包括']);
    expect(alternatives('地域包括支援センター')).toEqual(['包括支援センター', '地域包括']);
    expect(alternatives('民生')).toEqual(['民生']);
    expect(alternatives('民生児童委員')).toEqual(['民生児童委員', '民生委員', '民生・児童委員']);
  });

  it('looks for the full words from a short form, never the short form from them', () => {
    expect(alternatives('DV')).toEqual(['dv', '配偶者暴力', 'ドメスティック・バイオレンス', 'ドメスティックバイオレンス']);
    expect(alternatives('配偶者暴力')).not.toContain('dv');
    expect(alternatives('生保')).toEqual(['生保', '生活保護']);
    expect(alternatives('生活保護')).toEqual(['生活保護']);
  });

  it('keeps a term without synonyms as it is', () => {
    expect(alternatives('居場所')).toEqual(['居場所']);
    expect(alternatives('イバショ')).toEqual(['イバショ']);
  });

  it('takes a table of its own', () => {
    expect(searchAlternatives('abc', [{ words: ['abc', 'xyz'] }])).toEqual(['abc', 'xyz']);
  });
});

describe('SEARCH_SYNONYMS', () => {
  const words = SEARCH_SYNONYMS.flatMap((entry) => [...entry.words, ...(entry.shortForms ?? [])]).map(normalizeForSearch);

  it('lists each word once, never empty, and within the alternatives a term may have', () => {
    expect(words.filter((word) => word.length === 0)).toEqual([]);
    expect(words.filter((word, index) => words.indexOf(word) !== index)).toEqual([]);
    for (const entry of SEARCH_SYNONYMS) expect(entry.words.length + 1).toBeLessThanOrEqual(MAX_SEARCH_ALTERNATIVES);
  });

  it('finds every word of an entry from each of its words and short forms', () => {
    for (const entry of SEARCH_SYNONYMS) {
      const same = entry.words.map(normalizeForSearch);
      for (const typed of [...same, ...(entry.shortForms ?? []).map(normalizeForSearch)]) {
        const lookedFor = searchAlternatives(typed);
        for (const word of same) expect([typed, word, lookedFor.some((alternative) => word.includes(alternative))]).toEqual([typed, word, true]);
      }
    }
  });

  it('has the abbreviations the field uses most', () => {
    for (const [short, full] of [['社協', '社会福祉協議会'], ['包括', '地域包括支援センター'], ['ハロワ', 'ハローワーク'], ['社福', '社会福祉法人'], ['地活', '地域活動支援センター'], ['民生', '民生委員']]) {
      const entry = SEARCH_SYNONYMS.find((candidate) => candidate.words.includes(full));
      expect([...(entry?.words ?? []), ...(entry?.shortForms ?? [])]).toContain(short);
    }
  });
});

describe('readingOfTokens', () => {
  it('reads each word in kana, keeps what has no reading, and folds as documents are', () => {
    expect(
      readingOfTokens([
        { surface: '居場所', reading: 'イバショ' },
        { surface: 'づくり', reading: 'ヅクリ' },
        { surface: ' ' },
        { surface: 'ＬＩＮＥ', reading: null },
        { surface: '相談', reading: 'ソウダン' },
        { surface: '〒', reading: '*' },
      ]),
    ).toBe('イバショヅクリ lineソウダン〒');
  });
});
