// The one CSV writer of the exports, for Excel in Japan: UTF-8 with a BOM (without it Excel reads
// Shift_JIS and garbles every name), CRLF line ends, quoting by csv-stringify, and every cell
// that a spreadsheet would run as a formula defused.
import { stringify } from 'csv-stringify/sync';

const BOM = '\uFEFF';

/**
 * Cells a spreadsheet would treat as a formula (CSV injection): = + - @, tab and carriage
 * return, and the full-width ＝ ＋ － ＠ that Japanese input produces. A leading apostrophe makes
 * Excel show the text as it is.
 */
const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

export function defuseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** A header row and the records, as the CSV file the exports hand out. */
export function spreadsheetCsv(header: readonly string[], records: ReadonlyArray<readonly string[]>): string {
  return BOM + stringify([header, ...records].map((cells) => cells.map(defuseFormula)), { record_delimiter: 'windows' });
}
