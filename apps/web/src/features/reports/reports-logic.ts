// Pure rules of the reports page, kept apart from the components so they are tested alone: the
// filters in the URL (a range of Japan days, by default the current fiscal year, and an
// organisation), their conversion to the API's ReportInput ([from, to) instants), the rows a bar
// chart draws (suppressed cells kept apart from real figures), and the labels and file names.
import { fiscalYearLabelJa, fiscalYearOf, fiscalYearRange, SMALL_CELL_MAX } from '@tsunagu/domain';

const DAY_MS = 24 * 60 * 60 * 1000;
const dayPattern = /^\d{4}-\d{2}-\d{2}$/;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ReportFilters {
  /** First day of the range, a Japan day "YYYY-MM-DD" (inclusive). */
  readonly fromDay: string;
  /** Last day of the range, a Japan day "YYYY-MM-DD" (inclusive, as people read a period). */
  readonly toDay: string;
  /** The organisation filter of network readers; null for the whole network. */
  readonly organizationId: string | null;
}

/** The Japan day ("YYYY-MM-DD") of an instant. */
export function tokyoDay(instant: Date): string {
  return new Date(instant.getTime() + 9 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** 00:00 Japan time of a day, or null when the text is not a real day. */
export function startOfTokyoDay(day: string): Date | null {
  if (!dayPattern.test(day)) return null;
  const date = new Date(`${day}T00:00:00+09:00`);
  // Reject days the calendar does not have (2026-02-30 would roll over to March).
  return Number.isNaN(date.getTime()) || tokyoDay(date) !== day ? null : date;
}

/** The current fiscal year (April to March, Japan time) as inclusive days. */
export function defaultReportRange(now: Date): { fromDay: string; toDay: string } {
  const { from, to } = fiscalYearRange(fiscalYearOf(now));
  return { fromDay: tokyoDay(from), toDay: tokyoDay(new Date(to.getTime() - DAY_MS)) };
}

/**
 * The filters a URL asks for. A missing or malformed day falls back to the current fiscal
 * year's; an organisation id that is not a UUID is dropped (the API would answer NOT_FOUND).
 */
export function readReportFilters(params: URLSearchParams, now: Date): ReportFilters {
  const defaults = defaultReportRange(now);
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const organization = params.get('organization') ?? '';
  return {
    fromDay: startOfTokyoDay(from) ? from : defaults.fromDay,
    toDay: startOfTokyoDay(to) ? to : defaults.toDay,
    organizationId: uuidPattern.test(organization) ? organization : null,
  };
}

/** The URL query of the filters; the defaults are left out so a plain /reports stays the current year. */
export function writeReportFilters(filters: ReportFilters, now: Date): URLSearchParams {
  const defaults = defaultReportRange(now);
  const params = new URLSearchParams();
  if (filters.fromDay !== defaults.fromDay || filters.toDay !== defaults.toDay) {
    params.set('from', filters.fromDay);
    params.set('to', filters.toDay);
  }
  if (filters.organizationId) params.set('organization', filters.organizationId);
  return params;
}

/** What is wrong with the range, if anything: a day missing, or the end before the start. */
export function rangeProblem(filters: Pick<ReportFilters, 'fromDay' | 'toDay'>): 'from' | 'to' | 'order' | null {
  const from = startOfTokyoDay(filters.fromDay);
  const to = startOfTokyoDay(filters.toDay);
  if (!from) return 'from';
  if (!to) return 'to';
  return to.getTime() < from.getTime() ? 'order' : null;
}

export interface ReportInputValue {
  readonly from: string;
  readonly to: string;
  readonly organizationId: string | null;
}

/**
 * The API's ReportInput: [from, to) instants — the last day is included whole, so `to` is
 * 00:00 Japan time of the day after it. Null while the range is not valid.
 */
export function reportInputOf(filters: ReportFilters): ReportInputValue | null {
  if (rangeProblem(filters)) return null;
  const from = startOfTokyoDay(filters.fromDay) as Date;
  const to = new Date((startOfTokyoDay(filters.toDay) as Date).getTime() + DAY_MS);
  return { from: from.toISOString(), to: to.toISOString(), organizationId: filters.organizationId };
}

export interface ReportCountValue {
  readonly value?: number | null;
  readonly suppressed: boolean;
  readonly display: string;
}

/** One bar of a chart. Exactly one of `value` and `suppressedBound` is set. */
export interface ChartRow {
  readonly key: string;
  readonly label: string;
  /** The real figure, drawn as a solid bar; null for a suppressed cell. */
  readonly value: number | null;
  /**
   * For a suppressed cell only: the bar is drawn hatched up to the suppression bound (5), the
   * figure being somewhere from 1 to 4 — never drawn as 0 nor as a guessed value.
   */
  readonly suppressedBound: number | null;
  /** The label on the bar and in the table: the number, or "<5". */
  readonly display: string;
  readonly suppressed: boolean;
}

/** The chart rows of labelled counts, in the API's order. */
export function chartRowsOf(counts: ReadonlyArray<{ readonly key: string; readonly label: string; readonly count: ReportCountValue }>): ChartRow[] {
  return counts.map(({ key, label, count }) =>
    count.suppressed || count.value == null
      ? { key, label, value: null, suppressedBound: SMALL_CELL_MAX + 1, display: count.display, suppressed: true }
      : { key, label, value: count.value, suppressedBound: null, display: count.display, suppressed: false },
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

/** "network-report_2026-04-01_2027-03-31.csv": the range in the name, so saved files tell themselves apart. */
export function reportCsvFileName(filters: Pick<ReportFilters, 'fromDay' | 'toDay'>): string {
  return `network-report_${filters.fromDay}_${filters.toDay}.csv`;
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
