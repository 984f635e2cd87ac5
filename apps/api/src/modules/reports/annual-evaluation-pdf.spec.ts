// The annual evaluation PDF as people read it: the period's last day itself and figures with
// thousands separators (issue 16: it printed "期間の終わり（含まない）2027-04-01" and "900000").
import { pdfText } from '../../../../../tests/support/pdf';
import { barShares, renderAnnualEvaluationPdf } from './annual-evaluation-pdf';
import { readableFigure, reportSections } from './report-figures';
import type { NetworkReport } from './report.model';

const count = (value: number) => ({ value, suppressed: false, display: String(value) });
const hidden = { value: null, suppressed: true, display: 'x' };

function fiscalYear2026(): NetworkReport {
  return {
    from: new Date('2026-03-31T15:00:00Z'),
    to: new Date('2027-03-31T15:00:00Z'),
    organizationId: null,
    referrals: {
      total: count(1234),
      medianHoursToAcceptance: 12.5,
      p90HoursToAcceptance: null,
      completionRatePercent: 40,
      unresolvedRatePercent: null,
      overdue: hidden,
      byStatus: [],
      byCategory: [],
      byMonth: [{ month: '2026-04', count: count(1234) }],
      bySender: [{ organizationId: 'o1', organizationName: '中央区社会福祉協議会', count: count(1234) }],
      byReceiver: [],
    },
    grants: { published: count(3), applications: count(12), awarded: count(5), awardedAmountYen: 900000, applicationsByStatus: [] },
    training: { enrolments: count(20), completions: hidden, completionRatePercent: null },
    partnerships: { total: count(2), byType: [], byStatus: [] },
  };
}

describe('readableFigure', () => {
  it('groups digits in Japanese and English, keeps decimals, leaves "x", empty and words alone', () => {
    expect(readableFigure('900000', 'ja')).toBe('900,000');
    expect(readableFigure('1234567', 'en')).toBe('1,234,567');
    expect(readableFigure('12.5', 'ja')).toBe('12.5');
    expect(readableFigure('40', 'en')).toBe('40');
    for (const value of ['x', '', '2027-03-31', '中央区']) expect(readableFigure(value, 'ja')).toBe(value);
  });
});

describe('renderAnnualEvaluationPdf', () => {
  it('prints the last day of the period and the figures with separators', async () => {
    const pdf = await renderAnnualEvaluationPdf({
      title: '令和8年度（2026年度） 施策の評価・検証',
      networkName: '中央区つながりネットワーク',
      sections: reportSections(fiscalYear2026(), null, 'ja', '令和8年度（2026年度） 施策の評価・検証'),
      generatedOn: '2027-04-02',
    });
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
    expect(text).toContain('期間の始め（日本時間） 2026-04-01');
    expect(text).toContain('期間の最終日（日本時間） 2027-03-31');
    expect(text).not.toContain('2027-04-01');
    expect(text).not.toContain('含まない');
    expect(text).toContain('採択額（円） 900,000');
    expect(text).not.toContain('900000');
    expect(text).toContain('合計 1,234');
    expect(text).toContain('2026年4月 1,234');
  });

  it('draws each breakdown as bars above its table: the label and the figure once for the bar, once for the row', async () => {
    const report = fiscalYear2026();
    const sender = (organizationName: string, value: ReturnType<typeof count> | typeof hidden) => ({ organizationId: organizationName, organizationName, count: value });
    const withSenders: NetworkReport = { ...report, referrals: { ...report.referrals, bySender: [sender('ひだまり食堂', count(40)), sender('こもれびカフェ', hidden)] } };
    const sections = reportSections(withSenders, null, 'ja');
    expect(sections.filter((section) => section.breakdown).map((section) => section.section)).toEqual([
      'referrals.status',
      'referrals.category',
      'referrals.month',
      'referrals.sender',
      'referrals.receiver',
      'grants.applicationStatus',
      'partnerships.type',
      'partnerships.status',
    ]);
    const text = (await pdfText(await renderAnnualEvaluationPdf({ title: '年次', networkName: 'ネットワーク', sections, generatedOn: '2027-04-02' }))).replace(/\s+/g, ' ');
    expect(text.match(/ひだまり食堂 40/g)).toHaveLength(2);
    expect(text.match(/こもれびカフェ x/g)).toHaveLength(2);
  });
});

describe('barShares', () => {
  it('scales every count against the largest, from zero, and gives a hidden count no bar', () => {
    expect(barShares(['40', '10', 'x', '0'])).toEqual([1, 0.25, null, 0]);
    expect(barShares(['0', '0'])).toEqual([0, 0]);
    expect(barShares(['x'])).toEqual([null]);
    expect(barShares([])).toEqual([]);
  });
});
