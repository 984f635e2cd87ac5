import { DEFAULT_ERROR_MESSAGES, ERROR_CODES, isErrorCode, preferredLanguage } from './error-codes';

describe('error codes', () => {
  it('has a Japanese and an English message for every code', () => {
    for (const code of ERROR_CODES) {
      expect(DEFAULT_ERROR_MESSAGES[code].ja.length).toBeGreaterThan(0);
      expect(DEFAULT_ERROR_MESSAGES[code].en.length).toBeGreaterThan(0);
    }
  });

  it('recognises only the stable codes', () => {
    expect(isErrorCode('CONFLICT')).toBe(true);
    expect(isErrorCode('INTERNAL_SERVER_ERROR')).toBe(false);
    expect(isErrorCode(42)).toBe(false);
  });
});

describe('preferredLanguage', () => {
  it.each([
    [undefined, 'ja'],
    ['', 'ja'],
    ['en', 'en'],
    ['en-GB,en;q=0.9,ja;q=0.8', 'en'],
    ['ja-JP,ja;q=0.9,en-US;q=0.8', 'ja'],
    ['fr-FR,en;q=0.5,ja;q=0.7', 'ja'],
    ['fr-FR,de;q=0.5', 'ja'],
    ['ja;q=0,en', 'en'],
  ])('%s -> %s', (header, expected) => {
    expect(preferredLanguage(header)).toBe(expected);
  });
});
