// The fixtures and what they must yield are shared with the import integration test.
import { JGRANTS_INVALID, JGRANTS_INVALID_PATHS, JGRANTS_VALID } from '../../../../../tests/support/jgrants';
import {
  areaOf,
  checkRecord,
  funderKindOf,
  jgrantsDateTime,
  readJGrantsDocument,
  subsidyRatePercentOf,
  themesOf,
} from './jgrants-import';

describe('the jGrants mapping', () => {
  it('reads subsidy rates as percentages', () => {
    expect(subsidyRatePercentOf('1/2')).toBe(50);
    expect(subsidyRatePercentOf('2/3')).toBe(66.67);
    expect(subsidyRatePercentOf('３／４以内')).toBe(75);
    expect(subsidyRatePercentOf('10/10')).toBe(100);
    expect(subsidyRatePercentOf('50%')).toBe(50);
    expect(subsidyRatePercentOf('定額')).toBeNull();
    expect(subsidyRatePercentOf(null)).toBeNull();
  });

  it('tells the funder kind from the institution name', () => {
    expect(funderKindOf('厚生労働省')).toBe('NATIONAL');
    expect(funderKindOf('経済産業省 中小企業庁')).toBe('NATIONAL');
    expect(funderKindOf('内閣府')).toBe('NATIONAL');
    expect(funderKindOf('東京都')).toBe('PREFECTURE');
    expect(funderKindOf('北海道')).toBe('PREFECTURE');
    expect(funderKindOf('京都府')).toBe('PREFECTURE');
    expect(funderKindOf('東京都福祉局')).toBe('PREFECTURE');
    expect(funderKindOf('東京都中央区')).toBe('MUNICIPALITY');
    expect(funderKindOf('横浜市')).toBe('MUNICIPALITY');
    expect(funderKindOf('公益財団法人北の大地福祉財団')).toBe('FOUNDATION');
    expect(funderKindOf('株式会社サンプル')).toBe('OTHER');
  });

  it('reads areas as nationwide or prefecture codes', () => {
    expect(areaOf('全国')).toEqual({ nationwide: true, regionCodes: [], unknown: [] });
    expect(areaOf('東京都 / 神奈川県')).toEqual({ nationwide: false, regionCodes: ['13000', '14000'], unknown: [] });
    expect(areaOf('北海道、沖縄県')).toEqual({ nationwide: false, regionCodes: ['01000', '47000'], unknown: [] });
    expect(areaOf('ムー大陸').unknown).toEqual(['ムー大陸']);
  });

  it('maps use_purpose to themes only where the words are clear', () => {
    expect(themesOf('子育て支援を行いたい')).toEqual(['PARENTING']);
    expect(themesOf('高齢者の見守りを行いたい')).toEqual(['OLDER_PEOPLE']);
    expect(themesOf('障害者の就労を支援したい')).toEqual(['DISABILITY', 'EMPLOYMENT']);
    expect(themesOf('生活困窮者を支援したい')).toEqual(['POVERTY']);
    expect(themesOf('販路拡大・海外展開をしたい')).toEqual([]);
  });

  it('reads ISO date-times with or without an offset (Tokyo) and refuses others', () => {
    expect(jgrantsDateTime('2026-12-01T00:00:00+09:00')?.toISOString()).toBe('2026-11-30T15:00:00.000Z');
    expect(jgrantsDateTime('2026-12-01T00:00:00')?.toISOString()).toBe('2026-11-30T15:00:00.000Z');
    expect(jgrantsDateTime('2026-12-01T00:00:00.000Z')?.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(jgrantsDateTime('2026-02-30T00:00:00+09:00')).toBeUndefined();
    expect(jgrantsDateTime('2026年12月1日')).toBeUndefined();
  });
});

describe('the fixtures', () => {
  it('reads every record of the valid fixture, each valid by the grants rules', () => {
    const { records, problems } = readJGrantsDocument(JGRANTS_VALID);
    expect(problems).toEqual([]);
    expect(records).toHaveLength(12);
    for (const record of records) expect([record.path, checkRecord(record).problems]).toEqual([record.path, []]);
    const first = checkRecord(records[0]).fields!;
    expect(first).toMatchObject({ title: '地域子育て支援拠点整備補助金（令和8年度・架空）', funderKind: 'NATIONAL', amountMax: 5_000_000, subsidyRatePercent: 50, nationwide: true, themes: ['PARENTING'] });
    expect(first.detailsHtml).not.toContain('script');
  });

  it('finds every problem of the invalid fixture with its path', () => {
    const { records, problems } = readJGrantsDocument(JGRANTS_INVALID);
    const all = [...problems, ...records.flatMap((record) => checkRecord(record).problems)].map((problem) => problem.path).sort();
    expect([...new Set(all)]).toEqual(JGRANTS_INVALID_PATHS);
  });

  it('reports a document that is not JSON or not of the jGrants shape at $', () => {
    expect(readJGrantsDocument('{').problems.map((problem) => problem.path)).toEqual(['$']);
    expect(readJGrantsDocument('{"items": []}').problems.map((problem) => problem.path)).toEqual(['$']);
    expect(readJGrantsDocument('{"result": [1]}').problems.map((problem) => problem.path)).toEqual(['$.result[0]']);
  });
});
