// The annual evaluation (施策の評価・検証) as a PDF in Japanese: the fiscal year's label, the
// network (and organisation), the period, then one table per section of the report — the same
// rows as the CSV, hidden cells as "x" (primary and secondary suppression alike), figures with
// thousands separators (the CSV keeps plain digits for spreadsheets). A breakdown (by status,
// month, organisation…) is drawn as horizontal bars above its table, so a reader of the printed
// evaluation sees the shape at a glance; a hidden count gets no bar, only its "x". Fonts and page
// set-up are core/pdf's (Noto Sans JP, subset by pdfkit).
import { startPdf } from '../../core/pdf/pdf-document';
import { readableFigure, type ReportSection } from './report-figures';

export interface AnnualEvaluationDocument {
  readonly title: string;
  readonly networkName: string;
  readonly sections: readonly ReportSection[];
  readonly generatedOn: string;
}

/** The full-width space Japanese documents put between two statements. */
const IDEOGRAPHIC_SPACE = '\u3000';
const COLORS = { text: '#000000', label: '#444444', rule: '#bbbbbb', header: '#eeeeee', bar: '#0c7b5a' };
const VALUE_WIDTH = 120;
const ROW_PADDING = 4;
const BAR = { labelWidth: 150, valueWidth: 60, height: 10, gap: 4, fontSize: 8 };

/**
 * Each row's bar as a share of the longest (0 to 1), or null where the value is no count (a hidden
 * "x"). Bars start at zero and share one scale, so two bars compare as their counts do.
 */
export function barShares(values: readonly string[]): Array<number | null> {
  const counts = values.map((value) => (/^\d+$/.test(value) ? Number(value) : null));
  const longest = Math.max(0, ...counts.map((count) => count ?? 0));
  return counts.map((count) => (count === null ? null : longest === 0 ? 0 : count / longest));
}

export async function renderAnnualEvaluationPdf(doc: AnnualEvaluationDocument): Promise<Buffer> {
  const { pdf, finish } = startPdf({ title: doc.title, lang: 'ja-JP', margins: { top: 56, bottom: 56, left: 56, right: 56 } });

  const left = pdf.page.margins.left;
  const width = pdf.page.width - left - pdf.page.margins.right;
  const labelWidth = width - VALUE_WIDTH;
  const bottom = () => pdf.page.height - pdf.page.margins.bottom;

  pdf.font('bold').fontSize(18).fillColor(COLORS.text).text(doc.title, left, pdf.y, { width });
  pdf.moveDown(0.3);
  pdf.font('regular').fontSize(11).text(doc.networkName, { width });
  pdf.fontSize(8).fillColor(COLORS.label).text(`作成日 ${doc.generatedOn}${IDEOGRAPHIC_SPACE}「x」は秘匿：人に関する件数が1〜4のもの、およびそれが差し引きで分からないよう併せて秘匿したものです。`, { width });

  const row = (label: string, value: string, header = false) => {
    pdf.font(header ? 'bold' : 'regular').fontSize(9);
    const height = Math.max(pdf.heightOfString(label, { width: labelWidth - 2 * ROW_PADDING }), pdf.heightOfString(value, { width: VALUE_WIDTH - 2 * ROW_PADDING })) + 2 * ROW_PADDING;
    if (pdf.y + height > bottom()) pdf.addPage();
    const top = pdf.y;
    if (header) pdf.rect(left, top, width, height).fillColor(COLORS.header).fill();
    pdf.fillColor(COLORS.text).text(label, left + ROW_PADDING, top + ROW_PADDING, { width: labelWidth - 2 * ROW_PADDING });
    pdf.text(value, left + labelWidth + ROW_PADDING, top + ROW_PADDING, { width: VALUE_WIDTH - 2 * ROW_PADDING, align: 'right' });
    pdf.moveTo(left, top + height).lineTo(left + width, top + height).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
    pdf.y = top + height;
  };

  const bars = (rows: ReportSection['rows']) => {
    const barWidth = width - BAR.labelWidth - BAR.valueWidth - 2 * ROW_PADDING;
    const shares = barShares(rows.map((item) => item.value));
    rows.forEach((item, index) => {
      if (pdf.y + BAR.height + BAR.gap > bottom()) pdf.addPage();
      const top = pdf.y;
      const share = shares[index];
      pdf.font('regular').fontSize(BAR.fontSize).fillColor(COLORS.label);
      pdf.text(item.label, left, top, { width: BAR.labelWidth - ROW_PADDING, height: BAR.height, ellipsis: true, lineBreak: false });
      if (share !== null && share > 0) {
        pdf.rect(left + BAR.labelWidth, top, Math.max(1, share * barWidth), BAR.height).fillColor(COLORS.bar).fill();
      }
      pdf.fillColor(COLORS.text).text(readableFigure(item.value, 'ja'), left + BAR.labelWidth + barWidth + 2 * ROW_PADDING, top, { width: BAR.valueWidth, lineBreak: false });
      pdf.y = top + BAR.height + BAR.gap;
    });
    pdf.moveDown(0.5);
  };

  for (const section of doc.sections) {
    pdf.moveDown(1);
    if (pdf.y + 60 > bottom()) pdf.addPage();
    pdf.font('bold').fontSize(12).fillColor(COLORS.text).text(section.title, left, pdf.y, { width });
    pdf.moveDown(0.3);
    if (section.breakdown && section.rows.length > 0) bars(section.rows);
    row('項目', '値', true);
    if (section.rows.length === 0) row('（該当なし）', '');
    // The report's own heading rows (title, period, organisation) are words and dates, not figures.
    for (const item of section.rows) row(item.label, section.section === 'report' ? item.value : readableFigure(item.value, 'ja'));
  }

  return finish();
}
