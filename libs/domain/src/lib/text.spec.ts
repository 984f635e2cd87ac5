import { localizedText, trimmedOrNull } from './text';

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
