import { loadMunicipalityRegistry, MunicipalityRegistry } from './municipalities';
import { MUNICIPALITY_CODE_ROWS } from './municipality-codes.data';
import { PREFECTURE_NAMES } from '../prefectures';

describe('the municipality registry', () => {
  const registry = new MunicipalityRegistry(MUNICIPALITY_CODE_ROWS);

  it('names a municipality, a ward of a designated city and a prefecture with its prefecture', () => {
    expect(registry.nameOf('13102')).toBe('東京都中央区');
    expect(registry.nameOf('01101')).toBe('北海道札幌市中央区');
    expect(registry.nameOf('13000')).toBe('東京都');
    expect(registry.get('13102')).toMatchObject({ kind: 'MUNICIPALITY', localName: '中央区', reading: 'とうきょうとちゅうおうく' });
  });

  it('answers null for a code that is not on the list, so callers can show the code itself', () => {
    expect(registry.nameOf('13999')).toBeNull();
    expect(registry.nameOf('')).toBeNull();
  });

  it('holds 総務省 list as of 2024: 1,747 municipalities, 47 prefectures and 浜松市 in three wards', () => {
    const count = (kind: string) => registry.all.filter((entry) => entry.kind === kind).length;
    expect(count('PREFECTURE')).toBe(PREFECTURE_NAMES.length);
    expect(count('MUNICIPALITY')).toBe(1747);
    expect(count('WARD')).toBe(171);
    expect(registry.search('浜松市').map((entry) => entry.localName)).toEqual(['浜松市', '浜松市中央区', '浜松市浜名区', '浜松市天竜区']);
    expect(registry.nameOf('22131')).toBeNull();
  });

  it('every code is 5 digits, unique and in code order (a malformed row fails the parse)', () => {
    const codes = registry.all.map((entry) => entry.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(codes);
    for (const code of codes) expect(code).toMatch(/^\d{5}$/);
    expect(() => new MunicipalityRegistry('99000\tp\t外国\tがいこく')).toThrow(/Malformed/);
  });

  it('finds by name, by reading in hiragana, katakana or half-width katakana, and by code', () => {
    const codesOf = (query: string) => registry.search(query).map((entry) => entry.code);
    expect(codesOf('中央区')).toContain('13102');
    expect(codesOf('ちゅうおうく')).toContain('13102');
    expect(codesOf('チュウオウク')).toContain('13102');
    expect(codesOf('ﾁｭｳｵｳｸ')).toContain('13102');
    expect(codesOf('とうきょう ちゅうおう')).toEqual(['13102']);
    expect(codesOf('13102')).toEqual(['13102']);
    expect(codesOf('おしゃまんべ')).toEqual(['01347']);
  });

  it('offers prefecture-wide choices only when asked, and stops at the limit', () => {
    expect(registry.search('東京都').some((entry) => entry.code === '13000')).toBe(false);
    expect(registry.search('東京都', { includePrefectures: true })[0].code).toBe('13000');
    expect(registry.search('', { limit: 10 })).toHaveLength(10);
  });

  it('loads the list once, on demand', async () => {
    const first = await loadMunicipalityRegistry();
    expect(first.nameOf('27100')).toBe('大阪府大阪市');
    expect(await loadMunicipalityRegistry()).toBe(first);
  });
});
