// Saving the reports' downloads. CSV text from GraphQL is saved as is (the API puts the BOM first,
// so Excel reads the UTF-8); the annual PDF is a GET on the API with the bearer token, through the
// shared API-path download (renews an expired session once, carries the API's own message).
import { downloadApiPath, downloadErrorMessage } from '../training/learning/api-downloads';

/** Saves CSV text under `fileName`; the string goes into the Blob unchanged, so its BOM stays first. */
export function saveText(text: string, fileName: string, mediaType = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes away.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads the annual evaluation PDF (an API path) and saves it under `fileName`. */
export function downloadReportPdf(path: string, fileName: string): Promise<void> {
  return downloadApiPath(path, fileName);
}

/** The message for a failed download: the API's own when it sent one, else `generic`. */
export function downloadFailureMessage(error: unknown, generic: string): string {
  return downloadErrorMessage(error, generic);
}
