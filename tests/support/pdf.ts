// The text of a PDF as a reader gets it, for the API's unit tests and the integration tests alike.
import { execFile } from 'node:child_process';

/**
 * The text a reader gets out of a PDF, by pdf-parse (pdf.js). pdf.js loads its worker with a
 * dynamic import(), which jest's CommonJS sandbox refuses, so it runs in a plain Node process.
 */
export function pdfText(pdf: Buffer): Promise<string> {
  const script = `
    const { PDFParse } = require(${JSON.stringify(require.resolve('pdf-parse'))});
    const chunks = [];
    process.stdin.on('data', (chunk) => chunks.push(chunk)).on('end', async () => {
      const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
      process.stdout.write((await parser.getText()).text);
      await parser.destroy();
    });`;
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['-e', script], { maxBuffer: 10_000_000 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
    child.stdin?.end(pdf);
  });
}
