// Network reports (実態把握・評価, DESIGN.md capability 7): the rules every figure follows, so the
// API, the CSV, the PDF and the tests agree — who reads which scope, small-cell suppression,
// the fiscal year, and how a percentile is taken from the hourly acceptance histogram.
import { roleAllowedInKind, type OrganizationKind, type Role } from './roles';

/**
 * Network admins and a municipality's liaisons read the whole network's reports. The kind is
 * checked as well as the role (defence in depth): a LIAISON outside a municipality cannot exist
 * (roleAllowedInKind), and if one did it would still read nothing network-wide.
 */
export function mayReadNetworkReports(organizationKind: OrganizationKind, roles: readonly Role[]): boolean {
  return roles.includes('NETWORK_ADMIN') || (roles.includes('LIAISON') && roleAllowedInKind('LIAISON', organizationKind));
}

/** Organisation admins read their own organisation's reports. */
export function mayReadOrganizationReports(roles: readonly Role[]): boolean {
  return roles.includes('ORG_ADMIN');
}

/** Counts from 1 to this many that concern people are never shown (primary suppression). */
export const SMALL_CELL_MAX = 4;
/**
 * How every hidden count is shown, whether it is a 1–4 (primary) or a complementary cell hidden
 * so that the 1–4 cannot be subtracted back (secondary; see disclosure-control.ts): "x", as
 * Japanese official statistics (e-Stat) print 秘匿 cells. One mark for both, so a reader cannot
 * tell which hidden cell is the small one.
 */
export const SUPPRESSED_LABEL = 'x';

export interface ReportCount {
  /** Null when suppressed. */
  readonly value: number | null;
  readonly suppressed: boolean;
  /** The figure as shown: the number, or "x". */
  readonly display: string;
}

/** A count that concerns people: 1–4 is suppressed; 0 and 5 or more are shown. */
export function peopleCount(count: number): ReportCount {
  if (count >= 1 && count <= SMALL_CELL_MAX) return { value: null, suppressed: true, display: SUPPRESSED_LABEL };
  return { value: count, suppressed: false, display: String(count) };
}

/** A count that concerns people, hidden when the disclosure control hid it (primary or secondary). */
export function protectedCount(count: number, hidden: boolean): ReportCount {
  if (hidden || (count >= 1 && count <= SMALL_CELL_MAX)) return { value: null, suppressed: true, display: SUPPRESSED_LABEL };
  return { value: count, suppressed: false, display: String(count) };
}

/**
 * The periods counts concerning people are published for: a whole Japan month or a fiscal year,
 * nothing else. Any two published periods are then either disjoint or one holds the other as
 * the sum of whole months, so the only subtractions left are "year minus its months", which the
 * secondary suppression of disclosure-control.ts covers (the months and the year are protected as
 * one table). An arbitrary day range would let [Oct 1, Dec 3) − [Oct 1, Dec 2) give one day.
 * Grants published, applications and partnerships concern listings and organisations, not
 * people: they follow the same periods in the report but are never suppressed.
 */
export type ReportPeriod = { readonly kind: 'MONTH'; readonly month: string; readonly fiscalYear: number } | { readonly kind: 'FISCAL_YEAR'; readonly fiscalYear: number };

const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000;

/** 00:00 Japan time on the first day of a month "2026-04". */
export function monthStart(month: string): Date {
  const [year, number] = month.split('-').map(Number);
  return new Date(Date.UTC(year, number - 1, 1) - TOKYO_OFFSET_MS);
}

/** The instants a Japan month covers: [first day 00:00, next month's first day 00:00), Japan time. */
export function monthRange(month: string): { readonly from: Date; readonly to: Date } {
  const [year, number] = month.split('-').map(Number);
  return { from: monthStart(month), to: new Date(Date.UTC(year, number, 1) - TOKYO_OFFSET_MS) };
}

/** The twelve Japan months of a fiscal year, April to March: "2025-04" … "2026-03". */
export function fiscalYearMonths(fiscalYear: number): string[] {
  return Array.from({ length: 12 }, (_, index) => {
    const month = 4 + index;
    return month <= 12 ? `${fiscalYear}-${String(month).padStart(2, '0')}` : `${fiscalYear + 1}-${String(month - 12).padStart(2, '0')}`;
  });
}

/**
 * The fixed period [from, to) is, or null when it is neither exactly one Japan month nor exactly
 * one fiscal year (the API refuses it then, with reason REPORT_PERIOD_NOT_FIXED).
 */
export function reportPeriodOf(from: Date, to: Date): ReportPeriod | null {
  const fiscalYear = fiscalYearOf(from);
  if (fiscalYear < 2000 || fiscalYear > 2100) return null;
  const year = fiscalYearRange(fiscalYear);
  if (year.from.getTime() === from.getTime() && year.to.getTime() === to.getTime()) return { kind: 'FISCAL_YEAR', fiscalYear };
  const month = new Date(from.getTime() + TOKYO_OFFSET_MS).toISOString().slice(0, 7);
  const range = monthRange(month);
  if (range.from.getTime() === from.getTime() && range.to.getTime() === to.getTime()) return { kind: 'MONTH', month, fiscalYear };
  return null;
}

/** A count that concerns organisations or listings only (grants, partnerships): never suppressed. */
export function plainCount(count: number): ReportCount {
  return { value: count, suppressed: false, display: String(count) };
}

/** Japan's fiscal year (年度) of an instant: April to March in Japan time; FY2025 = 2025-04-01 … 2026-03-31. */
export function fiscalYearOf(instant: Date): number {
  const tokyo = new Date(instant.getTime() + 9 * 60 * 60 * 1000);
  const year = tokyo.getUTCFullYear();
  return tokyo.getUTCMonth() >= 3 ? year : year - 1;
}

/** The instants a fiscal year covers: [from, to) — 1 April 00:00 to the next 1 April 00:00, Japan time. */
export function fiscalYearRange(fiscalYear: number): { readonly from: Date; readonly to: Date } {
  if (!Number.isInteger(fiscalYear) || fiscalYear < 2000 || fiscalYear > 2100) throw new Error(`Not a fiscal year: ${fiscalYear}`);
  return {
    from: new Date(Date.UTC(fiscalYear, 3, 1, -9)),
    to: new Date(Date.UTC(fiscalYear + 1, 3, 1, -9)),
  };
}

/** 令和 era label of a fiscal year for Japanese documents: 2025 → "令和7年度". */
export function fiscalYearLabelJa(fiscalYear: number): string {
  const reiwa = fiscalYear - 2018;
  return reiwa >= 1 ? `令和${reiwa === 1 ? '元' : reiwa}年度（${fiscalYear}年度）` : `${fiscalYear}年度`;
}

/**
 * Nearest-rank percentile over a histogram of whole hours: the smallest hour h such that at
 * least p% of the values are ≤ h. Null for an empty histogram. The median is p = 50.
 */
export function percentileFromHistogram(buckets: ReadonlyArray<{ readonly hours: number; readonly count: number }>, percent: number): number | null {
  const sorted = [...buckets].filter((bucket) => bucket.count > 0).sort((a, b) => a.hours - b.hours);
  const total = sorted.reduce((sum, bucket) => sum + bucket.count, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil((percent / 100) * total));
  let seen = 0;
  for (const bucket of sorted) {
    seen += bucket.count;
    if (seen >= rank) return bucket.hours;
  }
  return sorted[sorted.length - 1].hours;
}
