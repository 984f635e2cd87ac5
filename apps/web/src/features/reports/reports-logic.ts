// Pure rules of the reports page, kept apart from the components so they are tested alone: the
// filters in the URL (a fixed period — one Japan month or one fiscal year, by default the current
// fiscal year — and an organisation), their conversion to the API's ReportInput ([from, to)
// instants), the rows a bar chart draws (hidden cells kept apart from real figures), and the
// labels and file names. Counts about people are published for fixed periods only (issue 14:
// two arbitrary ranges subtracted would give a hidden day back), so the page offers no day range.
import { fiscalYearLabelJa, fiscalYearOf, fiscalYearRange, japanDate, monthRange } from '@tsunagu/domain';

const DAY_MS = 24 * 60 * 60 * 1000;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const fiscalYearPattern = /^FY(\d{4})$/;
const monthPattern = /^(\d{4})-(0[1-9]|1[0-2])$/;

export interface ReportFilters {
  /** The fixed period: "FY2026" (a fiscal year, April to March) or "2026-05" (a Japan month). */
  readonly period: string;
  /** The organisation filter of network readers; null for the whole network. */
  readonly organizationId: string | null;
}

/** The current fiscal year's period, "FY2026". */
export function defaultReportPeriod(now: Date): string {
  return `FY${fiscalYearOf(now)}`;
}

/** Whether a text is a period the API serves: "FY2000"–"FY2100" or a month of those years. */
export function isReportPeriod(period: string): boolean {
  const fiscalYear = fiscalYearPattern.exec(period);
  if (fiscalYear) return Number(fiscalYear[1]) >= 2000 && Number(fiscalYear[1]) <= 2100;
  const month = monthPattern.exec(period);
  if (month === null) return false;
  // A month of fiscal years 2000–2100: April 2000 to March 2101.
  const [year, monthOfYear] = [Number(month[1]), Number(month[2])];
  const fiscal = monthOfYear >= 4 ? year : year - 1;
  return fiscal >= 2000 && fiscal <= 2100;
}

/** The instants [from, to) of a period. */
export function periodRangeOf(period: string): { readonly from: Date; readonly to: Date } {
  const fiscalYear = fiscalYearPattern.exec(period);
  return fiscalYear ? fiscalYearRange(Number(fiscalYear[1])) : monthRange(period);
}

/** A period's first and last days (Japan time, both included), as people read a period. */
export function periodDays(period: string): { fromDay: string; toDay: string } {
  const { from, to } = periodRangeOf(period);
  return { fromDay: japanDate(from), toDay: japanDate(new Date(to.getTime() - DAY_MS)) };
}

/**
 * The filters a URL asks for. A missing or malformed period falls back to the current fiscal
 * year; an organisation id that is not a UUID is dropped (the API would answer NOT_FOUND).
 */
export function readReportFilters(params: URLSearchParams, now: Date): ReportFilters {
  const period = params.get('period') ?? '';
  const organization = params.get('organization') ?? '';
  return {
    period: isReportPeriod(period) ? period : defaultReportPeriod(now),
    organizationId: uuidPattern.test(organization) ? organization : null,
  };
}

/** The URL query of the filters; the defaults are left out so a plain /reports stays the current year. */
export function writeReportFilters(filters: ReportFilters, now: Date): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.period !== defaultReportPeriod(now)) params.set('period', filters.period);
  if (filters.organizationId) params.set('organization', filters.organizationId);
  return params;
}

/**
 * The periods the picker offers, by fiscal year (the current one first, `count` in all): the
 * whole year, then its months from April up to the current month.
 */
export function periodChoices(now: Date, count = 6): Array<{ readonly fiscalYear: number; readonly periods: string[] }> {
  const current = fiscalYearOf(now);
  const thisMonth = japanDate(now).slice(0, 7);
  return Array.from({ length: count }, (_, index) => {
    const fiscalYear = current - index;
    const months = Array.from({ length: 12 }, (_, offset) => {
      const month = 4 + offset;
      return month <= 12 ? `${fiscalYear}-${String(month).padStart(2, '0')}` : `${fiscalYear + 1}-${String(month - 12).padStart(2, '0')}`;
    }).filter((month) => month <= thisMonth);
    return { fiscalYear, periods: [`FY${fiscalYear}`, ...months] };
  });
}

export interface ReportInputValue {
  readonly from: string;
  readonly to: string;
  readonly organizationId: string | null;
}

/** The API's ReportInput: the period's [from, to) instants (00:00 Japan time at both ends). */
export function reportInputOf(filters: ReportFilters): ReportInputValue | null {
  if (!isReportPeriod(filters.period)) return null;
  const { from, to } = periodRangeOf(filters.period);
  return { from: from.toISOString(), to: to.toISOString(), organizationId: filters.organizationId };
}

export interface ReportCountValue {
  readonly value?: number | null;
  readonly suppressed: boolean;
  readonly display: string;
}

/** One bar of a chart. Exactly one of `value` and `suppressedMarker` is set. */
export interface ChartRow {
  readonly key: string;
  readonly label: string;
  /** The real figure, drawn as a solid bar; null for a hidden cell. */
  readonly value: number | null;
  /**
   * For a hidden cell only: 0 — no bar of any count is drawn (its height would suggest a
   * quantity, and a hidden cell may be a 1–4 or a larger complementary cell); the chart draws a
   * fixed 3-pixel stub at the axis (minPointSize) carrying the hidden mark.
   */
  readonly suppressedMarker: number | null;
  /** The figure as the API shows it: the number, or "x" when hidden. */
  readonly display: string;
  readonly suppressed: boolean;
}

/** The chart rows of labelled counts, in the API's order. */
export function chartRowsOf(counts: ReadonlyArray<{ readonly key: string; readonly label: string; readonly count: ReportCountValue }>): ChartRow[] {
  return counts.map(({ key, label, count }) =>
    count.suppressed || count.value == null
      ? { key, label, value: null, suppressedMarker: 0, display: count.display, suppressed: true }
      : { key, label, value: count.value, suppressedMarker: null, display: count.display, suppressed: false },
  );
}

/** A Japan month "2026-04" as people read it: "2026年4月" or "Apr 2026". */
export function monthLabel(month: string, language: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  if (!year || !monthNumber) return month;
  if (language.startsWith('ja')) return `${year}年${monthNumber}月`;
  return new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(year, monthNumber - 1, 1)));
}

/** Whether a chart has anything to draw: a figure above zero or a suppressed cell. */
export function hasBars(rows: readonly ChartRow[]): boolean {
  return rows.some((row) => row.suppressed || (row.value ?? 0) > 0);
}

/** The fiscal years offered for the annual evaluation: the current one first, then `count - 1` before it. */
export function fiscalYearChoices(now: Date, count = 6): number[] {
  const current = fiscalYearOf(now);
  return Array.from({ length: count }, (_, index) => current - index);
}

/** A fiscal year's name: 令和7年度（2025年度） in Japanese, "FY2025 (April 2025 – March 2026)" otherwise. */
export function fiscalYearLabel(fiscalYear: number, language: string): string {
  return language.startsWith('ja') ? fiscalYearLabelJa(fiscalYear) : `FY${fiscalYear} (April ${fiscalYear} – March ${fiscalYear + 1})`;
}

/** "network-report_FY2026.csv" / "network-report_2026-05.csv": the period in the name, so saved files tell themselves apart. */
export function reportCsvFileName(filters: Pick<ReportFilters, 'period'>): string {
  return `network-report_${filters.period}.csv`;
}

export function annualEvaluationFileName(fiscalYear: number, extension: 'csv' | 'pdf'): string {
  return `annual-evaluation_FY${fiscalYear}.${extension}`;
}

/** The API path of the annual evaluation PDF (GET, bearer token). */
export function annualEvaluationPdfPath(fiscalYear: number, organizationId: string | null): string {
  const query = organizationId ? `?organizationId=${encodeURIComponent(organizationId)}` : '';
  return `/api/reports/annual/${fiscalYear}.pdf${query}`;
}

/** An amount in yen: "¥1,200,000" (the same in both languages, as Japanese documents write it). */
export function formatYen(amount: number, language: string): string {
  return new Intl.NumberFormat(language.startsWith('ja') ? 'ja-JP' : 'en-US', { style: 'currency', currency: 'JPY', maximumFractionDigits: 0 }).format(amount);
}

/** A character's width in ems, near enough for laying out labels: full-width (kanji, kana, full-width forms) 1, others 0.6. */
function emsOf(character: string): number {
  return /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(character) ? 1 : 0.6;
}

/**
 * A chart label broken into at most `maxLines` lines of at most `lineEms` ems each (organisation
 * names were clipped at the axis, issue 16). Latin text breaks at a space where one is in reach;
 * Japanese breaks anywhere, as it does in print. A label longer than the lines ends in "…" (the
 * data table under the chart holds every label in full).
 */
export function wrapLabel(label: string, lineEms: number, maxLines: number): string[] {
  const lines: string[] = [];
  let rest = Array.from(label.trim());
  while (rest.length > 0 && lines.length < maxLines) {
    let width = 0;
    let end = 0;
    while (end < rest.length && width + emsOf(rest[end]) <= lineEms) width += emsOf(rest[end++]);
    end = Math.max(end, 1);
    if (end < rest.length) {
      const space = rest.lastIndexOf(' ', end);
      if (space > 0 && rest[end] !== ' ') end = space;
    }
    lines.push(rest.slice(0, end).join('').trim());
    rest = rest.slice(end);
    while (rest[0] === ' ') rest = rest.slice(1);
  }
  if (rest.length > 0) {
    const last = Array.from(lines[lines.length - 1]);
    while (last.length > 0 && last.reduce((sum, character) => sum + emsOf(character), 0) + 1 > lineEms) last.pop();
    lines[lines.length - 1] = `${last.join('').trimEnd()}…`;
  }
  return lines;
}
