import { localizedText, normalizeNumericText, trimmedOrNull } from './text';

describe('text helpers', () => {
  it('builds a localized text from both languages', () => {
    expect(localizedText('名前', 'Name')).toEqual({ ja: '名前', en: 'Name' });
  });

  it('treats blank input as not given and trims the rest', () => {
    expect(trimmedOrNull(undefined)).toBeNull();
    expect(trimmedOrNull(null)).toBeNull();
    expect(trimmedOrNull('   ')).toBeNull();
    expect(trimmedOrNull('  相談  ')).toBe('相談');
  });
});

describe('normalizeNumericText', () => {
  it('turns full-width digits and the full-width hyphen of a postcode into ASCII', () => {
    expect(normalizeNumericText('１０４－００６１')).toBe('104-0061');
  });

  it('turns every dash and minus people type between digits into a hyphen', () => {
    for (const dash of ['－', '‐', '‑', '‒', '–', '—', '―', '−', '﹣', 'ー', 'ｰ']) {
      expect(normalizeNumericText(`03${dash}1234${dash}5678`)).toBe('03-1234-5678');
    }
  });

  it('keeps the long-vowel mark where it is not after a digit', () => {
    expect(normalizeNumericText('ーー１')).toBe('ーー1');
    expect(normalizeNumericText('センター１２')).toBe('センター12');
  });

  it('turns full-width spaces, parentheses and plus into ASCII and leaves ASCII alone', () => {
    expect(normalizeNumericText('＋８１\u3000（３）')).toBe('+81 (3)');
    expect(normalizeNumericText('13102')).toBe('13102');
  });
});
