// The real analyser and dictionary (kuromoji), loaded once for the whole file as in the API.
import { readingAnalyser, searchReading } from './japanese-reading';

beforeAll(() => readingAnalyser(), 30_000);

describe('searchReading', () => {
  it.each([
    ['居場所づくり', 'イバショヅクリ'],
    ['中央区社会福祉協議会', 'チュウオウクシャカイフクシキョウギカイ'],
    ['地域包括支援センター', 'チイキホウカツシエンセンター'],
    ['住まいの相談', 'スマイノソウダン'],
  ])('reads %s as %s', async (text, reading) => {
    expect(await searchReading(text)).toBe(reading);
  });

  it('keeps what has no reading, folded as documents are (width, case, spaces)', async () => {
    expect(await searchReading('ＬＩＮＥ相談　24時間 | DV')).toBe('lineソウダン 24ジカン | dv');
  });

  it('shares one tokenizer between callers', async () => {
    expect(await readingAnalyser()).toBe(await readingAnalyser());
  });
});
