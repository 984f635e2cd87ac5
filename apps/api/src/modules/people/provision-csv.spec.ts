import { parse } from 'csv-parse/sync';
import { defuseFormula } from '../../core/csv/spreadsheet-csv';
import { provisionRecordsCsv, type ProvisionRecordRow } from './provision-csv';

function provisionRow(overrides: Partial<ProvisionRecordRow> = {}): ProvisionRecordRow {
  return {
    providedAt: '2026-03-31T15:30:00.000Z',
    providerOrganizationName: 'NPO法人こもれび',
    recipientOrganizationName: '中央区 福祉保健部',
    personPseudonym: 'P-7QK2M',
    categories: ['IDENTITY', 'CONTACT'],
    purpose: 'REFERRAL',
    consentId: 'c0a80101-0000-4000-8000-000000000001',
    acquisition: '本人からの相談受付時に取得',
    ...overrides,
  };
}

describe('provisionRecordsCsv', () => {
  it('starts with a UTF-8 BOM and uses CRLF line ends for Excel', () => {
    const csv = provisionRecordsCsv([provisionRow()], 'ja');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(3); // header, one row, trailing empty
  });

  it('writes Japanese headers and readable cells in Japan time', () => {
    const csv = provisionRecordsCsv([provisionRow()], 'ja');
    const [header, row] = parse(csv.slice(1)) as string[][];
    expect(header).toEqual(['提供日', '提供元', '提供先', '本人（仮名ID）', '項目', '目的', '同意ID', '取得の経緯']);
    expect(row).toEqual([
      '2026-04-01 00:30',
      'NPO法人こもれび',
      '中央区 福祉保健部',
      'P-7QK2M',
      '本人確認情報（氏名・ふりがな・生年月日）・連絡先',
      '他団体へのつなぎ（紹介）',
      'c0a80101-0000-4000-8000-000000000001',
      '本人からの相談受付時に取得',
    ]);
  });

  it('writes English headers and labels', () => {
    const csv = provisionRecordsCsv([provisionRow({ consentId: null, acquisition: null, purpose: 'CASE_CONFERENCE' })], 'en');
    const [header, row] = parse(csv.slice(1)) as string[][];
    expect(header[0]).toBe('Provided at (JST)');
    expect(row[4]).toBe('Identity (name, kana, birth date), Contact details');
    expect(row[5]).toBe('Case conference');
    expect(row[6]).toBe('');
    expect(row[7]).toBe('');
  });

  it('quotes commas, quotes and line breaks so every row keeps its columns', () => {
    const tricky = '相談,受付"時"\n電話にて';
    const csv = provisionRecordsCsv([provisionRow({ acquisition: tricky })], 'ja');
    const rows = parse(csv.slice(1)) as string[][];
    expect(rows).toHaveLength(2);
    expect(rows[1][7]).toBe(tricky);
  });

  it('defuses cells a spreadsheet would run as a formula', () => {
    const csv = provisionRecordsCsv(
      [
        provisionRow({
          providerOrganizationName: '=HYPERLINK("http://evil.example","click")',
          recipientOrganizationName: '+81 3-0000',
          personPseudonym: '-2+3',
          acquisition: '@SUM(A1)',
        }),
      ],
      'ja',
    );
    const [, row] = parse(csv.slice(1)) as string[][];
    expect(row[1]).toBe('\'=HYPERLINK("http://evil.example","click")');
    expect(row[2]).toBe("'+81 3-0000");
    expect(row[3]).toBe("'-2+3");
    expect(row[7]).toBe("'@SUM(A1)");
  });

  it('leaves harmless cells alone, full-width formula signs included in the guard', () => {
    expect(defuseFormula('中央区')).toBe('中央区');
    expect(defuseFormula('a=b')).toBe('a=b');
    expect(defuseFormula('＝1+1')).toBe("'＝1+1");
    expect(defuseFormula('\tcmd')).toBe("'\tcmd");
  });

  it('writes only the header when there are no records', () => {
    const rows = parse(provisionRecordsCsv([], 'en').slice(1)) as string[][];
    expect(rows).toHaveLength(1);
  });
});
