// The one PDF set-up of the API (disclosure, annual evaluation, certificates, the demo handout):
// the Japanese font, its cache, the page set-up, the collected output, and page numbers.
//
// pdfkit's standard fonts have no Japanese glyphs, so Noto Sans JP (SIL OFL 1.1) is embedded from
// the npm package @expo-google-fonts/noto-sans-jp. pdfkit subsets it: only the glyphs used are
// written, so a document is tens of KB, not the 5 MB of the font file.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

const FONT_PACKAGE = '@expo-google-fonts/noto-sans-jp';
const FONT_FILES = {
  regular: '400Regular/NotoSansJP_400Regular.ttf',
  bold: '700Bold/NotoSansJP_700Bold.ttf',
} as const;
export type PdfFontWeight = keyof typeof FONT_FILES;

/**
 * Where a font file lies. webpack rewrites a bare `require.resolve` into a module id, so the
 * path is resolved with Node's own resolver from this file (in the build, dist/apps/api/main.js),
 * which finds the package in node_modules like any other external dependency.
 * TSUNAGU_PDF_FONT_DIR may point at a folder holding the same relative paths instead.
 */
export function pdfFontPath(weight: PdfFontWeight): string {
  const override = process.env['TSUNAGU_PDF_FONT_DIR'];
  if (override) return `${override.replace(/\/$/, '')}/${FONT_FILES[weight]}`;
  return createRequire(__filename).resolve(`${FONT_PACKAGE}/${FONT_FILES[weight]}`);
}

// Read once per process: every PDF embeds (a subset of) the same two files.
const fontCache = new Map<PdfFontWeight, Buffer>();
function fontData(weight: PdfFontWeight): Buffer {
  let data = fontCache.get(weight);
  if (!data) {
    data = readFileSync(pdfFontPath(weight));
    fontCache.set(weight, data);
  }
  return data;
}

export interface PdfSetup {
  readonly title: string;
  readonly lang: 'ja-JP' | 'en-GB';
  readonly margins: { readonly top: number; readonly bottom: number; readonly left: number; readonly right: number };
  readonly layout?: 'portrait' | 'landscape';
  /** Keep pages open to the end, for page numbers (numberPages). */
  readonly bufferPages?: boolean;
}

export interface StartedPdf {
  readonly pdf: PDFKit.PDFDocument;
  /** Ends the document and resolves to its bytes. */
  finish(): Promise<Buffer>;
}

/** An A4 document with the fonts 'regular' and 'bold' registered, collecting its output. */
export function startPdf(setup: PdfSetup): StartedPdf {
  const pdf = new PDFDocument({
    size: 'A4',
    layout: setup.layout ?? 'portrait',
    margins: { ...setup.margins },
    bufferPages: setup.bufferPages ?? false,
    lang: setup.lang,
    info: { Title: setup.title, Creator: 'Tsunagu' },
  });
  pdf.registerFont('regular', fontData('regular'));
  pdf.registerFont('bold', fontData('bold'));
  const chunks: Buffer[] = [];
  const finished = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  return {
    pdf,
    finish: () => {
      pdf.end();
      return finished;
    },
  };
}

/** Writes `footer(page, count)` centred in the bottom margin of every page (needs bufferPages). */
export function numberPages(pdf: PDFKit.PDFDocument, footer: (page: number, count: number) => string, style: { size: number; color: string }): void {
  const range = pdf.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    pdf.switchToPage(index);
    const { left, right, bottom } = pdf.page.margins;
    pdf.page.margins.bottom = 0; // writing inside the margin must not start a new page
    pdf
      .font('regular')
      .fontSize(style.size)
      .fillColor(style.color)
      .text(footer(index + 1, range.count), left, pdf.page.height - bottom / 2 - style.size, {
        width: pdf.page.width - left - right,
        align: 'center',
        lineBreak: false,
      });
    pdf.page.margins.bottom = bottom;
  }
}
