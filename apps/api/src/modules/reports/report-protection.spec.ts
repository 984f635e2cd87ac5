// The protected fiscal year on data shaped like the bench's million referrals (tools/bench/fixtures.mjs,
// prepareReferralData: the same arithmetic for sender, receiver, status, need and sending time,
// aggregated here instead of written to PostgreSQL), for the rule's cost at that size, and the
// audit: no hidden figure is determined by the published ones.
import { fiscalYearOf, fiscalYearRange } from '@tsunagu/domain';
import { REPORTED_CATEGORIES, REPORTED_REFERRAL_STATUSES } from './report-figures';
import { FiscalYearRows, MonthCell, protectFiscalYear } from './report-protection';

const NEEDS = ['GENERAL_CONSULTATION', 'POVERTY', 'HOUSING', 'EMPLOYMENT', 'MENTAL_HEALTH', 'IBASHO', 'CHILDREN_YOUTH', 'PARENTING',
  'DV_SEXUAL_VIOLENCE', 'HIKIKOMORI', 'OLDER_PEOPLE', 'DISABILITY', 'FOREIGN_RESIDENTS', 'LGBTQ', 'SUICIDE_PREVENTION', 'ADDICTION',
  'LEGAL', 'MEDICAL', 'FOOD'];

function benchStatus(i: number, h: number): string {
  if (i <= 10_000) return h < 5 ? 'DRAFT' : h < 35 ? 'SENT' : h < 55 ? 'ACCEPTED' : h < 95 ? 'IN_PROGRESS' : 'CANCELLED';
  if (i <= 100_000) {
    return h < 2 ? 'DRAFT' : h < 32 ? 'IN_PROGRESS' : h < 37 ? 'ACCEPTED' : h < 77 ? 'COMPLETED' : h < 87 ? 'DECLINED' : h < 92 ? 'CLOSED_UNRESOLVED' : h < 95 ? 'FORWARDED' : 'EXPIRED';
  }
  return h < 2 ? 'DRAFT' : h < 67 ? 'COMPLETED' : h < 77 ? 'DECLINED' : h < 84 ? 'EXPIRED' : h < 89 ? 'CANCELLED' : h < 97 ? 'CLOSED_UNRESOLVED' : 'FORWARDED';
}

/** The bench's referrals of one fiscal year, as the report's month cells (written "now" minus i minutes). */
function benchYear(now: Date, fiscalYear: number, referrals = 1_000_000, organizations = 20): FiscalYearRows {
  const { from, to } = fiscalYearRange(fiscalYear);
  const cells = { status: new Map<string, number>(), sender: new Map<string, number>(), receiver: new Map<string, number>(), category: new Map<string, number>() };
  const flows = new Map<string, number>();
  const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (let i = 1; i <= referrals; i++) {
    const r = i % organizations;
    const k = Math.floor(i / organizations);
    const s = (r + 1 + (k % (organizations - 1))) % organizations;
    const h = (k * 37 + Math.floor(k / 100)) % 100;
    const status = benchStatus(i, h);
    const sent = now.getTime() - i * 60_000 + 5 * 60_000;
    if (status === 'DRAFT' || sent < from.getTime() || sent >= to.getTime()) continue;
    const month = new Date(sent + 9 * 3_600_000).toISOString().slice(0, 7);
    add(cells.status, `${month}|${status}`);
    add(cells.sender, `${month}|o${s}`);
    add(cells.receiver, `${month}|o${r}`);
    add(cells.category, `${month}|${NEEDS[(k * 7) % 19]}`);
    add(flows, `o${s}|o${r}`);
  }
  const monthCells = (map: Map<string, number>): MonthCell[] =>
    [...map].map(([key, count]) => ({ month: key.slice(0, 7), key: key.slice(8), count }));
  return {
    fiscalYear,
    byMonthStatus: monthCells(cells.status),
    byMonthSender: monthCells(cells.sender),
    byMonthReceiver: monthCells(cells.receiver),
    byMonthCategory: monthCells(cells.category),
    flows: [...flows].map(([key, count]) => ({ sender: key.split('|')[0], receiver: key.split('|')[1], count })),
    training: [],
  };
}

describe('protectFiscalYear at bench size', () => {
  it("FY2025 of the bench's million referrals: what is hidden, and nothing hidden is determined", () => {
    // The bench run of 2026-11-26 (README): ~525,000 of the referrals were sent in FY2025.
    const now = new Date('2026-11-26T03:00:00Z');
    expect(fiscalYearOf(now)).toBe(2026);
    const rows = benchYear(now, 2025);
    const sent = rows.byMonthStatus.reduce((sum, cell) => sum + cell.count, 0);
    expect(sent).toBeGreaterThan(500_000);
    const started = Date.now();
    const year = protectFiscalYear(rows, REPORTED_REFERRAL_STATUSES, REPORTED_CATEGORIES);
    const elapsed = Date.now() - started;
    expect(year.determined()).toEqual([]);
    // Every month × status cell is large here (about 4,000 referrals a month per status or more,
    // or none at all), so nothing is small and nothing needs hiding: the rule costs no cell.
    expect(year.cost.primary).toBe(0);
    expect(year.cost.secondary).toBe(0);
    process.stdout.write(`bench FY2025: ${sent} referrals, ${year.cost.figures} figures, ${year.cost.primary} primary, ${year.cost.secondary} secondary, ${elapsed} ms\n`);
  });

});
