import {
  annualEvaluationPdfPath,
  chartRowsOf,
  defaultReportPeriod,
  fiscalYearChoices,
  fiscalYearLabel,
  formatYen,
  hasBars,
  isReportPeriod,
  monthLabel,
  periodChoices,
  periodDays,
  readReportFilters,
  reportCsvFileName,
  reportInputOf,
  wrapLabel,
  writeReportFilters,
} from './reports-logic';

const organizationId = '3f0c2a4e-8d1b-4c57-9a2e-5b6f7d8e9a01';

describe('defaultReportPeriod', () => {
  it('is the fiscal year holding today in Japan, turning at midnight of April 1 Japan time', () => {
    expect(defaultReportPeriod(new Date('2026-11-26T12:00:00Z'))).toBe('FY2026');
    expect(defaultReportPeriod(new Date('2027-03-31T14:59:59Z'))).toBe('FY2026');
    expect(defaultReportPeriod(new Date('2027-03-31T15:00:00Z'))).toBe('FY2027');
    expect(periodDays('FY2026')).toEqual({ fromDay: '2026-04-01', toDay: '2027-03-31' });
    expect(periodDays('2026-02')).toEqual({ fromDay: '2026-02-01', toDay: '2026-02-28' });
  });
});

describe('readReportFilters / writeReportFilters', () => {
  const now = new Date('2026-11-26T12:00:00Z');

  it('falls back to the current fiscal year and the whole network', () => {
    expect(readReportFilters(new URLSearchParams(''), now)).toEqual({ period: 'FY2026', organizationId: null });
  });

  it('reads a month or a fiscal year and an organisation; a day range, a malformed period or a non-UUID id is dropped', () => {
    expect(readReportFilters(new URLSearchParams(`period=2025-10&organization=${organizationId}`), now)).toEqual({ period: '2025-10', organizationId });
    expect(readReportFilters(new URLSearchParams('period=FY2024'), now)).toEqual({ period: 'FY2024', organizationId: null });
    // The old day-range URLs, and periods that are not fixed, read as the current year.
    expect(readReportFilters(new URLSearchParams('from=2025-04-01&to=2025-09-30'), now).period).toBe('FY2026');
    for (const period of ['2025-13', '2025-4', 'FY25', '2025-10-01', 'Q3']) expect(readReportFilters(new URLSearchParams({ period }), now).period).toBe('FY2026');
  });

  it('leaves the defaults out of the URL and round-trips everything else', () => {
    expect(writeReportFilters({ period: 'FY2026', organizationId: null }, now).toString()).toBe('');
    const filters = { period: '2026-03', organizationId };
    const params = writeReportFilters(filters, now);
    expect(params.toString()).toBe(`period=2026-03&organization=${organizationId}`);
    expect(readReportFilters(params, now)).toEqual(filters);
  });
});

describe('reportInputOf', () => {
  it('sends the fixed period as [from, to) instants at 00:00 Japan time', () => {
    expect(reportInputOf({ period: 'FY2026', organizationId: null })).toEqual({
      from: '2026-03-31T15:00:00.000Z',
      to: '2027-03-31T15:00:00.000Z',
      organizationId: null,
    });
    expect(reportInputOf({ period: '2026-12', organizationId })).toEqual({ from: '2026-11-30T15:00:00.000Z', to: '2026-12-31T15:00:00.000Z', organizationId });
    expect(reportInputOf({ period: '2026-05-01', organizationId: null })).toBeNull();
  });
});

describe('periodChoices', () => {
  it('offers each fiscal year, then its months up to the current one', () => {
    const [current, previous] = periodChoices(new Date('2026-06-15T00:00:00Z'), 2);
    expect(current).toEqual({ fiscalYear: 2026, periods: ['FY2026', '2026-04', '2026-05', '2026-06'] });
    expect(previous.periods).toHaveLength(13);
    expect(previous.periods.slice(-1)).toEqual(['2026-03']);
  });
});

describe('chartRowsOf', () => {
  const shown = (value: number) => ({ value, suppressed: false, display: String(value) });
  const hidden = { value: null, suppressed: true, display: 'x' };

  it('keeps real figures as solid bars and draws no bar for a hidden cell, only its mark at the axis', () => {
    const rows = chartRowsOf([
      { key: 'SENT', label: '送付済み', count: shown(12) },
      { key: 'DECLINED', label: '辞退', count: hidden },
      { key: 'CANCELLED', label: '取り消し', count: shown(0) },
    ]);
    expect(rows).toEqual([
      { key: 'SENT', label: '送付済み', value: 12, suppressedMarker: null, display: '12', suppressed: false },
      // Not as tall as a real 5 (the finding): a hidden cell has no height at all.
      { key: 'DECLINED', label: '辞退', value: null, suppressedMarker: 0, display: 'x', suppressed: true },
      { key: 'CANCELLED', label: '取り消し', value: 0, suppressedMarker: null, display: '0', suppressed: false },
    ]);
  });

  it('never turns a hidden cell into a number, even when the API sent a stray value', () => {
    const [row] = chartRowsOf([{ key: 'X', label: 'X', count: { value: 3, suppressed: true, display: 'x' } }]);
    expect(row.value).toBeNull();
    expect(row.suppressedMarker).toBe(0);
  });

  it('has bars to draw when any figure is above zero or hidden, not when all are zero', () => {
    expect(hasBars(chartRowsOf([{ key: 'A', label: 'A', count: shown(0) }]))).toBe(false);
    expect(hasBars(chartRowsOf([{ key: 'A', label: 'A', count: shown(0) }, { key: 'B', label: 'B', count: hidden }]))).toBe(true);
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

  it('puts the period in the CSV name and the organisation in the PDF path', () => {
    expect(reportCsvFileName({ period: 'FY2026' })).toBe('network-report_FY2026.csv');
    expect(reportCsvFileName({ period: '2026-05' })).toBe('network-report_2026-05.csv');
    expect(annualEvaluationPdfPath(2025, null)).toBe('/api/reports/annual/2025.pdf');
    expect(annualEvaluationPdfPath(2025, organizationId)).toBe(`/api/reports/annual/2025.pdf?organizationId=${organizationId}`);
  });

  it('formats yen without decimals', () => {
    expect(formatYen(1200000, 'ja')).toMatch(/^[¥￥]1,200,000$/);
  });
});

describe('isReportPeriod', () => {
  it('knows the months of fiscal years 2000–2100 as the API does: April 2000 to March 2101', () => {
    expect(isReportPeriod('FY2000')).toBe(true);
    expect(isReportPeriod('FY1999')).toBe(false);
    expect(isReportPeriod('2000-03')).toBe(false);
    expect(isReportPeriod('2000-04')).toBe(true);
    expect(isReportPeriod('2101-03')).toBe(true);
    expect(isReportPeriod('2101-04')).toBe(false);
    expect(isReportPeriod('2025-13')).toBe(false);
  });
});

describe('wrapLabel', () => {
  it('keeps a short label on one line', () => {
    expect(wrapLabel('NPO法人こもれび', 16, 3)).toEqual(['NPO法人こもれび']);
  });

  it('breaks a long Japanese organisation name into lines of the given width, at its spaces where it has them', () => {
    expect(wrapLabel('社会福祉法人 中央区社会福祉協議会 地域福祉推進課', 10, 3)).toEqual(['社会福祉法人', '中央区社会福祉協議会', '地域福祉推進課']);
    expect(wrapLabel('中央区社会福祉協議会地域福祉推進課', 8, 3)).toEqual(['中央区社会福祉協', '議会地域福祉推進', '課']);
  });

  it('breaks English at a space and ends a label too long for the lines with an ellipsis', () => {
    expect(wrapLabel('Chuo City Social Welfare Council', 12, 3)).toEqual(['Chuo City Social', 'Welfare Council']);
    expect(wrapLabel('Chuo City Social Welfare Council', 6, 2)).toEqual(['Chuo City', 'Social…']);
    const cut = wrapLabel('あいうえおかきくけこさしすせそ', 5, 2);
    expect(cut).toEqual(['あいうえお', 'かきくけ…']);
  });
});
