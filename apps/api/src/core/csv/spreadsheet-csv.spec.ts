import { defuseFormula, spreadsheetCsv } from './spreadsheet-csv';

describe('spreadsheetCsv', () => {
  it('writes a BOM, CRLF line ends and quotes where needed', () => {
    expect(spreadsheetCsv(['名前', 'メモ'], [['中央区', 'a, "b"']])).toBe('\uFEFF名前,メモ\r\n中央区,"a, ""b"""\r\n');
  });

  it('defuses every cell a spreadsheet would run as a formula, the header too', () => {
    expect(spreadsheetCsv(['=HEADER'], [['＋1'], ['@SUM(A1)'], ['a=b']])).toBe("\uFEFF'=HEADER\r\n'＋1\r\n'@SUM(A1)\r\na=b\r\n");
    expect(defuseFormula('\tcmd')).toBe("'\tcmd");
    expect(defuseFormula('-1')).toBe("'-1");
  });
});
