// The report arithmetic apart from the database: Japan-day rounding, the months a range
// touches, suppression and the acceptance figures, and the CSV's shape.
import { parse } from 'csv-parse/sync';
import { japanDayRange, monthsOf, referralFigures, REPORTED_CATEGORIES, REPORTED_REFERRAL_STATUSES, reportCsv, reportSections, trainingFigures, wholeMonthsOf } from './report-figures';
import { FiscalYearRows, protectFiscalYear, ProtectedFiscalYear } from './report-protection';
import type { NetworkReport } from './report.model';

describe('japanDayRange', () => {
  it('keeps a range that already runs from one Japan midnight to another', () => {
    const range = japanDayRange(new Date('2026-03-31T15:00:00Z'), new Date('2027-03-31T15:00:00Z'));
    expect(range).toEqual({
      from: new Date('2026-03-31T15:00:00Z'),
      to: new Date('2027-03-31T15:00:00Z'),
      fromDay: '2026-04-01',
      toDay: '2027-04-01',
    });
  });

  it('rounds from back and to forward to whole Japan days', () => {
    // 2026-04-01 08:59 Japan time to 2026-04-02 00:00:01 Japan time.
    const range = japanDayRange(new Date('2026-03-31T23:59:00Z'), new Date('2026-04-01T15:00:01Z'));
    expect([range.fromDay, range.toDay]).toEqual(['2026-04-01', '2026-04-03']);
    // 23:59:59 on 31 March in Japan is still March.
    expect(japanDayRange(new Date('2026-03-31T14:59:59Z'), new Date('2026-03-31T15:00:00Z')).fromDay).toBe('2026-03-31');
  });
});

describe('wholeMonthsOf', () => {
  it('gives the whole months between partial ones at either end', () => {
    expect(wholeMonthsOf({ fromDay: '2026-03-05', toDay: '2026-05-20' })).toEqual({ from: '2026-04-01', to: '2026-05-01' });
    expect(wholeMonthsOf({ fromDay: '2025-12-31', toDay: '2026-03-01' })).toEqual({ from: '2026-01-01', to: '2026-03-01' });
  });

  it('keeps a fiscal year whole', () => {
    expect(wholeMonthsOf({ fromDay: '2025-04-01', toDay: '2026-04-01' })).toEqual({ from: '2025-04-01', to: '2026-04-01' });
  });

  it('gives none (from = to = toDay) when no month is whole', () => {
    expect(wholeMonthsOf({ fromDay: '2026-05-02', toDay: '2026-06-01' })).toEqual({ from: '2026-06-01', to: '2026-06-01' });
    expect(wholeMonthsOf({ fromDay: '2026-05-10', toDay: '2026-06-10' })).toEqual({ from: '2026-06-10', to: '2026-06-10' });
    expect(wholeMonthsOf({ fromDay: '2026-12-15', toDay: '2027-01-15' })).toEqual({ from: '2027-01-15', to: '2027-01-15' });
  });
});

describe('monthsOf', () => {
  it('lists every Japan month a range touches, across a year end', () => {
    expect(monthsOf({ fromDay: '2026-11-15', toDay: '2027-02-01' })).toEqual(['2026-11', '2026-12', '2027-01']);
    expect(monthsOf({ fromDay: '2026-05-01', toDay: '2026-05-02' })).toEqual(['2026-05']);
  });
});

/** A protected fiscal year (FY2026) from month × status cells, senders and training. */
function yearOf(statusCells: Array<[string, string, number]>, extra: Partial<FiscalYearRows> = {}): ProtectedFiscalYear {
  const byMonthStatus = statusCells.map(([month, key, count]) => ({ month, key, count }));
  return protectFiscalYear(
    { fiscalYear: 2026, byMonthStatus, byMonthSender: [], byMonthReceiver: [], byMonthCategory: [], flows: null, training: [], ...extra },
    REPORTED_REFERRAL_STATUSES,
    REPORTED_CATEGORIES,
  );
}
const EXTRAS = { acceptanceHours: [], overdue: 0, names: new Map<string, string>() };
const HIDDEN = { value: null, suppressed: true, display: 'x' };

describe('referralFigures', () => {
  it('hides 1–4 and its complement, shows 0 and 5, and gives no percentile or rate under 5 accepted', () => {
    const year = yearOf([['2026-04', 'ACCEPTED', 3], ['2026-04', 'SENT', 9], ['2026-04', 'DECLINED', 6]]);
    const figures = referralFigures(year, { month: '2026-04' }, { ...EXTRAS, acceptanceHours: [{ hours: 4, count: 3 }] }, 'ja');
    expect(figures.total).toEqual({ value: 18, suppressed: false, display: '18' });
    expect(figures.byStatus.find((item) => item.key === 'ACCEPTED')?.count).toEqual(HIDDEN);
    // The smallest other status of April is hidden too: 18 − 9 − 6 would give the 3 back.
    expect(figures.byStatus.find((item) => item.key === 'DECLINED')?.count).toEqual(HIDDEN);
    expect(figures.byStatus.find((item) => item.key === 'EXPIRED')?.count).toEqual({ value: 0, suppressed: false, display: '0' });
    expect(figures.byStatus.some((item) => item.key === 'DRAFT')).toBe(false);
    expect([figures.medianHoursToAcceptance, figures.p90HoursToAcceptance, figures.completionRatePercent]).toEqual([null, null, null]);
    // The year is the same table's margin: hidden alike where April alone makes it up.
    const fy = referralFigures(year, 'YEAR', EXTRAS, 'ja');
    expect(fy.byStatus.find((item) => item.key === 'ACCEPTED')?.count).toEqual(HIDDEN);
    expect(fy.byMonth.map((item) => item.count.display)).toEqual(['18', ...new Array(11).fill('0')]);
  });

  it('takes the median and p90 by nearest rank from the hourly histogram, and rates only from published counts', () => {
    const year = yearOf([['2026-05', 'COMPLETED', 6], ['2026-05', 'CLOSED_UNRESOLVED', 0], ['2026-05', 'ACCEPTED', 14]]);
    const figures = referralFigures(
      year,
      { month: '2026-05' },
      { ...EXTRAS, acceptanceHours: [{ hours: 1, count: 10 }, { hours: 3, count: 9 }, { hours: 48, count: 1 }] },
      'en',
    );
    expect([figures.medianHoursToAcceptance, figures.p90HoursToAcceptance]).toEqual([1, 3]);
    expect([figures.completionRatePercent, figures.unresolvedRatePercent]).toEqual([30, 0]);
    // A hidden completion count gives no rate (the finding: 5 accepted, "<5" completed, 40 %).
    const hidden = referralFigures(yearOf([['2026-05', 'COMPLETED', 2], ['2026-05', 'ACCEPTED', 3]]), { month: '2026-05' }, EXTRAS, 'en');
    expect(hidden.completionRatePercent).toBeNull();
  });

  it('sorts hidden organisations together, so the order does not tell a 4 from a 1', () => {
    const senders = [
      { month: '2026-04', key: 'a', count: 4 },
      { month: '2026-04', key: 'b', count: 1 },
      { month: '2026-04', key: 'c', count: 7 },
    ];
    const year = yearOf([['2026-04', 'SENT', 12]], { byMonthSender: senders });
    const names = new Map([['a', 'い'], ['b', 'あ'], ['c', 'う']]);
    const figures = referralFigures(year, 'YEAR', { ...EXTRAS, names }, 'ja');
    expect(figures.bySender.map((item) => item.organizationId)).toEqual(['c', 'b', 'a']);
  });
});

describe('trainingFigures', () => {
  it('gives the share of the enrolments completed, none under 5 enrolments nor when completions are hidden', () => {
    const training = (enrolments: number, completions: number, completedEnrolments: number) =>
      trainingFigures(yearOf([], { training: [{ month: '2026-04', enrolments, completions, completedEnrolments }] }), { month: '2026-04' });
    expect(training(12, 6, 6).completionRatePercent).toBe(50);
    // 8 enrolled, 6 completed: 75 % would tell that 2 did not complete.
    expect(training(8, 6, 6).completionRatePercent).toBeNull();
    expect(training(4, 4, 4).completionRatePercent).toBeNull();
    // 5 enrolled, 2 completed (hidden): 40 % would be exactly 2.
    expect(training(5, 2, 2)).toEqual({ enrolments: { value: 5, suppressed: false, display: '5' }, completions: HIDDEN, completionRatePercent: null });
  });
});

describe('reportCsv', () => {
  it('writes a BOM, the header in the language and one row per figure', () => {
    const count = (value: number) => ({ value, suppressed: false, display: String(value) });
    const report: NetworkReport = {
      from: new Date('2026-03-31T15:00:00Z'),
      to: new Date('2026-04-30T15:00:00Z'),
      organizationId: null,
      referrals: { ...referralFigures(yearOf([]), { month: '2026-04' }, EXTRAS, 'en') },
      grants: { published: count(0), applications: count(0), awarded: count(0), awardedAmountYen: 0, applicationsByStatus: [] },
      training: trainingFigures(yearOf([]), { month: '2026-04' }),
      partnerships: { total: count(0), byType: [], byStatus: [] },
    };
    const csv = reportCsv(reportSections(report, '=SUM(A1)', 'en', 'Title'), 'en');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows: string[][] = parse(csv.slice(1));
    expect(rows[0]).toEqual(['section', 'key', 'label', 'value']);
    // The last day of April itself, not the exclusive 2026-05-01.
    expect(rows).toContainEqual(['report', 'lastDay', 'Last day (Japan time)', '2026-04-30']);
    expect(rows).toContainEqual(['report', 'organization', 'Organisation', "'=SUM(A1)"]);
    expect(rows).toContainEqual(['referrals.month', '2026-04', 'April 2026', '0']);
    expect(rows).toContainEqual(['referrals', 'medianHoursToAcceptance', 'Hours to acceptance (median)', '']);
  });
});
