// The fixed periods of published counts: exactly one Japan month or one fiscal year.
import { fiscalYearMonths, monthRange, reportPeriodOf } from './reports';

describe('reportPeriodOf', () => {
  it('knows a whole Japan month and a whole fiscal year, and nothing else', () => {
    expect(reportPeriodOf(new Date('2025-03-31T15:00:00Z'), new Date('2026-03-31T15:00:00Z'))).toEqual({ kind: 'FISCAL_YEAR', fiscalYear: 2025 });
    expect(reportPeriodOf(new Date('2025-11-30T15:00:00Z'), new Date('2025-12-31T15:00:00Z'))).toEqual({ kind: 'MONTH', month: '2025-12', fiscalYear: 2025 });
    expect(reportPeriodOf(new Date('2026-02-28T15:00:00Z'), new Date('2026-03-31T15:00:00Z'))).toEqual({ kind: 'MONTH', month: '2026-03', fiscalYear: 2025 });
    // The finding: [Oct 1, Dec 2) and [Oct 1, Dec 3) are no fixed period.
    expect(reportPeriodOf(new Date('2025-09-30T15:00:00Z'), new Date('2025-12-01T15:00:00Z'))).toBeNull();
    expect(reportPeriodOf(new Date('2025-09-30T15:00:00Z'), new Date('2025-12-02T15:00:00Z'))).toBeNull();
    // Two months, a calendar year, a month in UTC rather than Japan time.
    expect(reportPeriodOf(new Date('2025-09-30T15:00:00Z'), new Date('2025-11-30T15:00:00Z'))).toBeNull();
    expect(reportPeriodOf(new Date('2024-12-31T15:00:00Z'), new Date('2025-12-31T15:00:00Z'))).toBeNull();
    expect(reportPeriodOf(new Date('2025-10-01T00:00:00Z'), new Date('2025-11-01T00:00:00Z'))).toBeNull();
    expect(reportPeriodOf(new Date('1990-03-31T15:00:00Z'), new Date('1991-03-31T15:00:00Z'))).toBeNull();
  });

  it('a fiscal year is its twelve months, end to end', () => {
    const months = fiscalYearMonths(2025);
    expect(months).toEqual(['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03']);
    for (let index = 1; index < months.length; index++) expect(monthRange(months[index]).from).toEqual(monthRange(months[index - 1]).to);
    expect(monthRange('2026-03').to).toEqual(new Date('2026-03-31T15:00:00Z'));
  });
});
