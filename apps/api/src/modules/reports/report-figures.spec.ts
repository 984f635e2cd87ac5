// The report arithmetic apart from the database: Japan-day rounding, the months a range
// touches, suppression and the acceptance figures, and the CSV's shape.
import { parse } from 'csv-parse/sync';
import { japanDayRange, monthsOf, referralFigures, reportCsv, reportSections, trainingFigures, wholeMonthsOf } from './report-figures';
import type { NetworkReport } from './report.model';

const EMPTY = { byStatus: [], byCategory: [], byMonth: [], bySender: [], byReceiver: [], acceptanceHours: [], overdue: 0 };

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

describe('referralFigures', () => {
  it('suppresses 1–4, shows 0 and 5, and gives no percentile or rate under 5 accepted', () => {
    const figures = referralFigures(
      { ...EMPTY, byStatus: [{ key: 'ACCEPTED', count: 3 }, { key: 'SENT', count: 2 }], acceptanceHours: [{ hours: 4, count: 3 }] },
      ['2026-04'],
      'ja',
    );
    expect(figures.total).toEqual({ value: 5, suppressed: false, display: '5' });
    expect(figures.byStatus.find((item) => item.key === 'ACCEPTED')?.count).toEqual({ value: null, suppressed: true, display: '<5' });
    expect(figures.byStatus.find((item) => item.key === 'DECLINED')?.count).toEqual({ value: 0, suppressed: false, display: '0' });
    expect(figures.byStatus.some((item) => item.key === 'DRAFT')).toBe(false);
    expect([figures.medianHoursToAcceptance, figures.p90HoursToAcceptance, figures.completionRatePercent]).toEqual([null, null, null]);
  });

  it('takes the median and p90 by nearest rank from the hourly histogram', () => {
    const figures = referralFigures(
      {
        ...EMPTY,
        byStatus: [{ key: 'COMPLETED', count: 3 }, { key: 'CLOSED_UNRESOLVED', count: 1 }, { key: 'ACCEPTED', count: 6 }],
        acceptanceHours: [{ hours: 1, count: 5 }, { hours: 3, count: 4 }, { hours: 48, count: 1 }],
      },
      [],
      'en',
    );
    expect([figures.medianHoursToAcceptance, figures.p90HoursToAcceptance]).toEqual([1, 3]);
    expect([figures.completionRatePercent, figures.unresolvedRatePercent]).toEqual([30, 10]);
  });

  it('sorts suppressed organisations together, so the order does not tell a 4 from a 1', () => {
    const figures = referralFigures(
      {
        ...EMPTY,
        bySender: [
          { organization_id: 'a', organization_name: 'い', count: 4 },
          { organization_id: 'b', organization_name: 'あ', count: 1 },
          { organization_id: 'c', organization_name: 'う', count: 7 },
          { organization_id: 'd', organization_name: 'え', count: 0 },
        ],
      },
      [],
      'ja',
    );
    expect(figures.bySender.map((item) => item.organizationId)).toEqual(['c', 'b', 'a']);
  });
});

describe('trainingFigures', () => {
  it('gives the share of the enrolments completed, none under 5 enrolments', () => {
    expect(trainingFigures({ enrolments: 8, completions: 2, completedEnrolments: 6 }).completionRatePercent).toBe(75);
    expect(trainingFigures({ enrolments: 4, completions: 4, completedEnrolments: 4 }).completionRatePercent).toBeNull();
  });
});

describe('reportCsv', () => {
  it('writes a BOM, the header in the language and one row per figure', () => {
    const count = (value: number) => ({ value, suppressed: false, display: String(value) });
    const report: NetworkReport = {
      from: new Date('2026-03-31T15:00:00Z'),
      to: new Date('2026-04-30T15:00:00Z'),
      organizationId: null,
      referrals: { ...referralFigures(EMPTY, ['2026-04'], 'en') },
      grants: { published: count(0), applications: count(0), awarded: count(0), awardedAmountYen: 0, applicationsByStatus: [] },
      training: trainingFigures({ enrolments: 0, completions: 0, completedEnrolments: 0 }),
      partnerships: { total: count(0), byType: [], byStatus: [] },
    };
    const csv = reportCsv(reportSections(report, '=SUM(A1)', 'en', 'Title'), 'en');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows: string[][] = parse(csv.slice(1));
    expect(rows[0]).toEqual(['section', 'key', 'label', 'value']);
    expect(rows).toContainEqual(['report', 'to', 'To, exclusive (Japan time)', '2026-05-01']);
    expect(rows).toContainEqual(['report', 'organization', 'Organisation', "'=SUM(A1)"]);
    expect(rows).toContainEqual(['referrals.month', '2026-04', 'April 2026', '0']);
    expect(rows).toContainEqual(['referrals', 'medianHoursToAcceptance', 'Hours to acceptance (median)', '']);
  });
});
