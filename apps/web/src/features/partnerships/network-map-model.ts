// The network map's pure parts (no React, no layout library, so jest runs them as they are):
// the period picked (a fiscal year in Japan time, the current one by default: referral flows are
// published for whole fiscal years only, issue 14) and the instants the
// API takes for it, the width of each edge, and the connections of one node for its details.

import { isCalendarDate, japanDate, startOfJapanDay } from '@tsunagu/domain';

/** A period of whole days in Japan time, both ends included: "YYYY-MM-DD". */
export interface MapPeriod {
  readonly from: string;
  readonly to: string;
}

/** A real calendar day's parts, for day arithmetic; a malformed day is a programming error. */
function parseDate(value: string): { year: number; month: number; day: number } {
  if (!isCalendarDate(value)) throw new Error(`Not a date: ${value}`);
  const [year, month, day] = value.split('-').map(Number);
  return { year, month, day };
}

function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The instant a period's day begins in Japan; a malformed day is a programming error. */
function startOfDay(value: string): string {
  const start = startOfJapanDay(value);
  if (!start) throw new Error(`Not a date: ${value}`);
  return start.toISOString();
}

/** A date moved by whole days. */
export function addDays(value: string, days: number): string {
  const parsed = parseDate(value);
  return formatDate(new Date(Date.UTC(parsed.year, parsed.month - 1, parsed.day + days)));
}

/** A date moved by whole months; a day the target month lacks becomes its last day (3/31 − 1 month = 2/28). */
export function addMonths(value: string, months: number): string {
  const parsed = parseDate(value);
  const firstOfTarget = new Date(Date.UTC(parsed.year, parsed.month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0)).getUTCDate();
  return formatDate(new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth(), Math.min(parsed.day, lastDay))));
}

/** The fiscal year (April to March, Japan time) holding a day: 2026-11-27 → 2026-04-01 … 2027-03-31. */
export function fiscalYearPeriod(fiscalYear: number): MapPeriod {
  return { from: `${fiscalYear}-04-01`, to: `${fiscalYear + 1}-03-31` };
}

/** The fiscal year a period is, or null when it is not exactly one. */
export function fiscalYearOfPeriod(period: MapPeriod): number | null {
  const year = Number(period.from.slice(0, 4));
  const whole = fiscalYearPeriod(year);
  return whole.from === period.from && whole.to === period.to ? year : null;
}

/** The current fiscal year (Japan time): 2026-11-27 → 2026-04-01 … 2027-03-31. */
export function defaultMapPeriod(now: Date): MapPeriod {
  const today = japanDate(now);
  const year = Number(today.slice(0, 4));
  return fiscalYearPeriod(today.slice(5) >= '04-01' ? year : year - 1);
}

/**
 * The period in the URL (?from=&to=), or the default when either is missing, not a date, or the
 * two are not exactly one fiscal year.
 */
export function readMapPeriod(params: URLSearchParams, now: Date): MapPeriod {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  // Only a whole fiscal year: the API refuses other periods (REPORT_PERIOD_NOT_FIXED).
  if (isCalendarDate(from) && isCalendarDate(to) && fiscalYearOfPeriod({ from, to }) !== null) return { from, to };
  return defaultMapPeriod(now);
}

/** The API's half-open range [from, to) for a period of whole Japan-time days. */
export function periodRange(period: MapPeriod): { from: string; to: string } {
  return {
    from: startOfDay(period.from),
    to: startOfDay(addDays(period.to, 1)),
  };
}

/** A count from the reports: null with suppressed true when it is 1–4 people. */
export interface MapCount {
  readonly value?: number | null;
  readonly suppressed: boolean;
  readonly display: string;
}

export interface MapEdgeInput {
  readonly kind: string;
  readonly sourceId: string;
  readonly targetId: string;
  readonly referrals?: MapCount | null;
}

/** A hidden flow (a 1–4, or a complementary cell): drawn thin, as 2, never as its unknown real value. */
const suppressedStandIn = 2;
export const MIN_EDGE_WIDTH = 1.5;
export const MAX_EDGE_WIDTH = 9;
export const PARTNERSHIP_EDGE_WIDTH = 2.5;

/** The count a referral edge is drawn with (suppressed ones as 2, never their unknown real value). */
export function referralWeight(count: MapCount | null | undefined): number {
  if (!count) return 0;
  if (count.suppressed) return suppressedStandIn;
  return Math.max(0, count.value ?? 0);
}

/**
 * Flows are measured against the largest one, but never against less than this: in a small
 * network where every flow is suppressed (1–4), the stand-in 2 would otherwise be drawn as the
 * widest line there can be.
 */
export const MIN_REFERENCE_FLOW = 20;

/**
 * The stroke width of each edge, in the edges' order: partnerships a fixed width; referral flows
 * from MIN to MAX by the square root of their count against the largest flow (at least
 * MIN_REFERENCE_FLOW), so a flow of 400 does not make one of 20 vanish.
 */
export function edgeWidths(edges: readonly MapEdgeInput[]): number[] {
  const largest = Math.max(MIN_REFERENCE_FLOW, ...edges.filter((edge) => edge.kind === 'REFERRALS').map((edge) => referralWeight(edge.referrals)));
  return edges.map((edge) => {
    if (edge.kind !== 'REFERRALS') return PARTNERSHIP_EDGE_WIDTH;
    const weight = referralWeight(edge.referrals);
    if (weight === 0) return MIN_EDGE_WIDTH;
    const width = MIN_EDGE_WIDTH + (MAX_EDGE_WIDTH - MIN_EDGE_WIDTH) * Math.sqrt(weight / largest);
    return Math.round(width * 10) / 10;
  });
}

/**
 * How far a referral edge bends to the side (px). The bend is relative to the direction, so flows
 * both ways between two organisations bend to opposite sides, and a partnership between them stays
 * the straight line in the middle.
 */
export const REFERRAL_BEND = 28;

export interface NodeConnections {
  readonly partnerships: number[];
  readonly referralsOut: number[];
  readonly referralsIn: number[];
}

/** Indexes of the edges touching one node, by kind and direction (for its details on hover or focus). */
export function connectionsOf(edges: readonly MapEdgeInput[], nodeId: string): NodeConnections {
  const partnerships: number[] = [];
  const referralsOut: number[] = [];
  const referralsIn: number[] = [];
  edges.forEach((edge, index) => {
    if (edge.kind === 'REFERRALS') {
      if (edge.sourceId === nodeId) referralsOut.push(index);
      if (edge.targetId === nodeId) referralsIn.push(index);
    } else if (edge.sourceId === nodeId || edge.targetId === nodeId) {
      partnerships.push(index);
    }
  });
  return { partnerships, referralsOut, referralsIn };
}

/** Edges whose two ends are both among the nodes (the API sends consistent data; the drawing must not break if not). */
export function drawableEdges<E extends MapEdgeInput>(edges: readonly E[], nodeIds: ReadonlySet<string>): E[] {
  return edges.filter((edge) => edge.sourceId !== edge.targetId && nodeIds.has(edge.sourceId) && nodeIds.has(edge.targetId));
}
