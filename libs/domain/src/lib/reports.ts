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

/** Counts from 1 to this many that concern people are never shown (shown as "<5"). */
export const SMALL_CELL_MAX = 4;
export const SUPPRESSED_LABEL = '<5';

export interface ReportCount {
  /** Null when suppressed. */
  readonly value: number | null;
  readonly suppressed: boolean;
  /** The figure as shown: the number, or "<5". */
  readonly display: string;
}

/** A count that concerns people: 1–4 is suppressed; 0 and 5 or more are shown. */
export function peopleCount(count: number): ReportCount {
  if (count >= 1 && count <= SMALL_CELL_MAX) return { value: null, suppressed: true, display: SUPPRESSED_LABEL };
  return { value: count, suppressed: false, display: String(count) };
}

/** A count that concerns organisations or listings only (grants, partnerships): never suppressed. */
export function plainCount(count: number): ReportCount {
  return { value: count, suppressed: false, display: String(count) };
}

/**
 * A rate in whole percent (rounded half up) of numerator over denominator. Null when the
 * denominator is 0, or when it is a people count of 1–4 (the rate would reveal the small cell).
 */
export function peopleRatePercent(numerator: number, denominator: number): number | null {
  if (denominator === 0 || denominator <= SMALL_CELL_MAX) return null;
  return Math.round((numerator * 100) / denominator);
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
