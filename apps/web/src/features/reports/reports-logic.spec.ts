import { describe, expect, it } from '@jest/globals';
import {
  annualEvaluationPdfPath,
  chartRowsOf,
  defaultReportRange,
  fiscalYearChoices,
  fiscalYearLabel,
  formatYen,
  hasBars,
  monthLabel,
  rangeProblem,
  readReportFilters,
  reportCsvFileName,
  reportInputOf,
  writeReportFilters,
} from './reports-logic';

const organizationId = '3f0c2a4e-8d1b-4c57-9a2e-5b6f7d8e9a01';

describe('defaultReportRange', () => {
  it('is the fiscal year holding today in Japan: April 1 to March 31', () => {
    expect(defaultReportRange(new Date('2026-11-26T12:00:00Z'))).toEqual({ fromDay: '2026-04-01', toDay: '2027-03-31' });
    expect(defaultReportRange(new Date('2027-02-10T00:00:00Z'))).toEqual({ fromDay: '2026-04-01', toDay: '2027-03-31' });
  });

  it('turns to the new fiscal year at midnight of April 1 Japan time, not UTC', () => {
    // 2027-03-31T15:00Z is 2027-04-01 00:00 in Japan.
    expect(defaultReportRange(new Date('2027-03-31T14:59:59Z')).fromDay).toBe('2026-04-01');
    expect(defaultReportRange(new Date('2027-03-31T15:00:00Z'))).toEqual({ fromDay: '2027-04-01', toDay: '2028-03-31' });
  });
});

describe('readReportFilters / writeReportFilters', () => {
  const now = new Date('2026-11-26T12:00:00Z');

  it('falls back to the current fiscal year and the whole network', () => {
    expect(readReportFilters(new URLSearchParams(''), now)).toEqual({ fromDay: '2026-04-01', toDay: '2027-03-31', organizationId: null });
  });

  it('reads a range and an organisation, dropping malformed days, impossible dates and non-UUID ids', () => {
    expect(readReportFilters(new URLSearchParams(`from=2025-04-01&to=2025-09-30&organization=${organizationId}`), now)).toEqual({
      fromDay: '2025-04-01',
      toDay: '2025-09-30',
      organizationId,
    });
    expect(readReportFilters(new URLSearchParams('from=2025-4-1&to=2026-02-30&organization=x'), now)).toEqual({
      fromDay: '2026-04-01',
      toDay: '2027-03-31',
      organizationId: null,
    });
  });

  it('leaves the defaults out of the URL and round-trips everything else', () => {
    expect(writeReportFilters({ fromDay: '2026-04-01', toDay: '2027-03-31', organizationId: null }, now).toString()).toBe('');
    const filters = { fromDay: '2025-10-01', toDay: '2026-03-31', organizationId };
    const params = writeReportFilters(filters, now);
    expect(params.toString()).toBe(`from=2025-10-01&to=2026-03-31&organization=${organizationId}`);
    expect(readReportFilters(params, now)).toEqual(filters);
  });
});

describe('reportInputOf', () => {
  it('sends [from, to) instants: 00:00 Japan time of the first day and of the day after the last', () => {
    expect(reportInputOf({ fromDay: '2026-04-01', toDay: '2027-03-31', organizationId: null })).toEqual({
      from: '2026-03-31T15:00:00.000Z',
      to: '2027-03-31T15:00:00.000Z',
      organizationId: null,
    });
  });

  it('takes a one-day range, and refuses an end before the start or a missing day', () => {
    expect(reportInputOf({ fromDay: '2026-05-01', toDay: '2026-05-01', organizationId })?.to).toBe('2026-05-01T15:00:00.000Z');
    expect(rangeProblem({ fromDay: '2026-05-02', toDay: '2026-05-01' })).toBe('order');
    expect(rangeProblem({ fromDay: '', toDay: '2026-05-01' })).toBe('from');
    expect(rangeProblem({ fromDay: '2026-05-01', toDay: '' })).toBe('to');
    expect(reportInputOf({ fromDay: '2026-05-02', toDay: '2026-05-01', organizationId: null })).toBeNull();
  });
});

describe('chartRowsOf', () => {
  const shown = (value: number) => ({ value, suppressed: false, display: String(value) });
  const suppressed = { value: null, suppressed: true, display: '<5' };

  it('keeps real figures as solid bars and suppressed cells as hatched bars up to the bound, labelled <5', () => {
    const rows = chartRowsOf([
      { key: 'SENT', label: '送付済み', count: shown(12) },
      { key: 'DECLINED', label: '辞退', count: suppressed },
      { key: 'CANCELLED', label: '取り消し', count: shown(0) },
    ]);
    expect(rows).toEqual([
      { key: 'SENT', label: '送付済み', value: 12, suppressedBound: null, display: '12', suppressed: false },
      { key: 'DECLINED', label: '辞退', value: null, suppressedBound: 5, display: '<5', suppressed: true },
      { key: 'CANCELLED', label: '取り消し', value: 0, suppressedBound: null, display: '0', suppressed: false },
    ]);
  });

  it('never turns a suppressed cell into a number, even when the API sent a stray value', () => {
    const [row] = chartRowsOf([{ key: 'X', label: 'X', count: { value: 3, suppressed: true, display: '<5' } }]);
    expect(row.value).toBeNull();
    expect(row.display).toBe('<5');
  });

  it('has bars to draw when any figure is above zero or suppressed, not when all are zero', () => {
    expect(hasBars(chartRowsOf([{ key: 'A', label: 'A', count: shown(0) }]))).toBe(false);
    expect(hasBars(chartRowsOf([{ key: 'A', label: 'A', count: shown(0) }, { key: 'B', label: 'B', count: suppressed }]))).toBe(true);
    expect(hasBars(chartRowsOf([{ key: 'A', label: 'A', count: shown(7) }]))).toBe(true);
  });
});

describe('labels and file names', () => {
  it('names months and fiscal years in each language', () => {
    expect(monthLabel('2026-04', 'ja')).toBe('2026年4月');
    expect(monthLabel('2027-01', 'en')).toBe('Jan 2027');
    expect(fiscalYearLabel(2025, 'ja')).toBe('令和7年度（2025年度）');
    expect(fiscalYearLabel(2025, 'en')).toBe('FY2025 (April 2025 – March 2026)');
  });

  it('offers the current fiscal year first and the years before it', () => {
    expect(fiscalYearChoices(new Date('2026-11-26T12:00:00Z'), 3)).toEqual([2026, 2025, 2024]);
    expect(fiscalYearChoices(new Date('2026-03-31T12:00:00Z'), 2)).toEqual([2025, 2024]);
  });

  it('puts the range in the CSV name and the organisation in the PDF path', () => {
    expect(reportCsvFileName({ fromDay: '2026-04-01', toDay: '2027-03-31' })).toBe('network-report_2026-04-01_2027-03-31.csv');
    expect(annualEvaluationPdfPath(2025, null)).toBe('/api/reports/annual/2025.pdf');
    expect(annualEvaluationPdfPath(2025, organizationId)).toBe(`/api/reports/annual/2025.pdf?organizationId=${organizationId}`);
  });

  it('formats yen without decimals', () => {
    expect(formatYen(1200000, 'ja')).toMatch(/^[¥￥]1,200,000$/);
  });
});
