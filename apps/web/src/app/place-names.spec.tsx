// The place names and pickers: a stored code reads as its place (東京都中央区), one not on the
// list as itself; the pickers' search finds a place by name, by reading in hiragana or katakana
// and by code, offers whole prefectures only where the field allows them, and keeps the values
// codes. Rendered to static markup (no DOM), with the list loaded first as a page would have it.
import type { ComboboxItem } from '@mantine/core';
import { loadMunicipalityRegistry } from '@tsunagu/domain';
import { renderMarkup as render } from './testing/render-markup';
import { loadPlaceNames, MunicipalityMultiSelect, MunicipalitySelect, placeFilter, usePlaceName, usePlaceNames } from './place-names';

function Names({ codes }: { codes: string[] }) {
  const placeName = usePlaceName();
  const placeNames = usePlaceNames();
  return (
    <>
      <span data-one="">{placeName(codes[0])}</span>
      <span data-all="">{placeNames(codes)}</span>
    </>
  );
}

describe('place names', () => {
  beforeAll(async () => {
    await loadPlaceNames();
  });

  it('shows a code as its place and a code not on the list as the code', () => {
    const html = render(<Names codes={['13102', '13000', '01101', '99999']} />);
    expect(html).toContain('<span data-one="">東京都中央区</span>');
    expect(html).toContain('<span data-all="">東京都中央区、東京都、北海道札幌市中央区、99999</span>');
  });

  it('shows the chosen places of a picker by name while its value stays the codes', () => {
    const html = render(<MunicipalityMultiSelect label="対象地域" value={['13102', '13000']} includePrefectures />);
    expect(html).toContain('東京都中央区');
    expect(html).toContain('<input type="hidden" value="13102,13000"/>');
    const single = render(<MunicipalitySelect label="市区町村" value="27100" />);
    expect(single).toContain('value="大阪府大阪市"');
  });
});

describe('the picker search', () => {
  const optionsOf = async (includePrefectures: boolean): Promise<ComboboxItem[]> => {
    const registry = await loadMunicipalityRegistry();
    return registry.all.filter((entry) => includePrefectures || entry.kind !== 'PREFECTURE').map((entry) => ({ value: entry.code, label: entry.fullName }));
  };
  const search = async (text: string, includePrefectures = false, limit = 50) => {
    const registry = await loadMunicipalityRegistry();
    const options = await optionsOf(includePrefectures);
    return (placeFilter(registry, includePrefectures)({ options, search: text, limit }) as ComboboxItem[]).map((item) => item.label);
  };

  it('finds a place by its name, by its reading in hiragana or katakana, and by its code', async () => {
    expect(await search('中央区')).toContain('東京都中央区');
    expect(await search('ちゅうおうく')).toContain('東京都中央区');
    expect(await search('チュウオウク')).toContain('東京都中央区');
    expect(await search('とうきょう ちゅうおう')).toEqual(['東京都中央区']);
    expect(await search('13102')).toEqual(['東京都中央区']);
    expect(await search('おしゃまんべ')).toEqual(['北海道長万部町']);
  });

  it('offers whole prefectures only where the field allows them', async () => {
    expect(await search('とうきょうと')).not.toContain('東京都');
    expect((await search('とうきょうと', true))[0]).toBe('東京都');
  });

  it('shows at most the limit, and everything (up to the limit) for an empty search', async () => {
    expect(await search('く', false, 5)).toHaveLength(5);
    expect(await search('', false, 7)).toHaveLength(7);
  });
});
