import { CHANNEL_KINDS, normalizeForSearch, SERVICE_CATEGORIES, tokyoClock } from './directory';

describe('directory vocabulary', () => {
  it('labels every code in both languages', () => {
    for (const vocabulary of [SERVICE_CATEGORIES, CHANNEL_KINDS]) {
      for (const code of vocabulary.codes) {
        const labels = vocabulary.labels[code as keyof typeof vocabulary.labels] as { ja: string; en: string };
        expect(labels.ja.length).toBeGreaterThan(0);
        expect(labels.en.length).toBeGreaterThan(0);
      }
    }
    expect(SERVICE_CATEGORIES.labels.HOUSING.ja).toBe('住まい');
  });
});

describe('normalizeForSearch', () => {
  it('folds width, case and hiragana', () => {
    expect(normalizeForSearch('ＤＶ相談')).toBe('dv相談');
    expect(normalizeForSearch('こもれび')).toBe('コモレビ');
    expect(normalizeForSearch('  住まい　の  相談 ')).toBe('住マイ ノ 相談');
  });
});

describe('tokyoClock', () => {
  it('uses Japan time across midnight UTC', () => {
    expect(tokyoClock(new Date('2026-11-26T15:30:00Z'))).toEqual({ day: 'FR', minutes: 30 });
    expect(tokyoClock(new Date('2026-11-26T01:00:00Z'))).toEqual({ day: 'TH', minutes: 600 });
  });
});
