// The certificate of completion (修了証) as a one-page PDF in Japanese: the learner, the course,
// the completion date (Japan time), the issuing organisation, and the code with the page where
// anyone can check it. Fonts and page set-up are core/pdf's (Noto Sans JP, subset by pdfkit).
import { japanDate } from '@tsunagu/domain';
import { startPdf } from '../../../core/pdf/pdf-document';

export interface CertificateDocument {
  readonly learnerName: string;
  readonly courseTitle: string;
  readonly issuerName: string;
  readonly completedAt: Date;
  readonly code: string;
  readonly verificationUrl: string;
}

/** The full-width space Japanese documents put between a label and its value. */
const IDEOGRAPHIC_SPACE = '\u3000';

/** "2026年11月26日" for a moment, in Japan time. */
export function japaneseDate(at: Date): string {
  const [year, month, day] = japanDate(at).split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

export async function renderCertificatePdf(doc: CertificateDocument): Promise<Buffer> {
  const { pdf, finish } = startPdf({
    title: `修了証 ${doc.courseTitle}`,
    lang: 'ja-JP',
    layout: 'landscape',
    margins: { top: 60, bottom: 50, left: 70, right: 70 },
  });

  const left = pdf.page.margins.left;
  const width = pdf.page.width - left - pdf.page.margins.right;
  const centred = { width, align: 'center' as const };
  pdf.rect(30, 30, pdf.page.width - 60, pdf.page.height - 60).lineWidth(2).stroke('#555555');

  pdf.font('bold').fontSize(36).fillColor('#000000').text('修了証', left, 80, centred);
  pdf.moveDown(1);
  pdf.font('bold').fontSize(24).text(`${doc.learnerName} 様`, centred);
  pdf.moveDown(1);
  pdf.font('regular').fontSize(13).text('あなたは次の研修を修了したことを証します。', centred);
  pdf.moveDown(0.8);
  pdf.font('bold').fontSize(20).text(doc.courseTitle, centred);
  pdf.moveDown(1.2);
  pdf.font('regular').fontSize(13).text(`修了日${IDEOGRAPHIC_SPACE}${japaneseDate(doc.completedAt)}`, centred);
  pdf.moveDown(0.4);
  pdf.text(`発行団体${IDEOGRAPHIC_SPACE}${doc.issuerName}`, centred);

  const footerTop = pdf.page.height - pdf.page.margins.bottom - 70;
  pdf.font('regular').fontSize(10).fillColor('#333333');
  pdf.text(`確認コード${IDEOGRAPHIC_SPACE}${doc.code}`, left, footerTop, centred);
  pdf.text('この修了証は次のページで、ログインせずに確認できます。', centred);
  pdf.text(doc.verificationUrl, centred);

  return finish();
}
