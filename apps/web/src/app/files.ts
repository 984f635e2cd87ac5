// Files over the files endpoint (not GraphQL), for every feature (grant attachments, training
// materials, course covers) and the files the API generates at GET paths (certificates, calendar
// entries, report PDFs): upload as multipart with progress (XMLHttpRequest, since fetch reports
// no upload progress) and download through fetch → Blob → a temporary link (saveBlob, also used
// for text made in the browser), both with the session's bearer token. An expired token is renewed once and the request repeated, like
// the Apollo link does. Errors carry the API's own message (already in the UI language, chosen
// by Accept-Language), e.g. for a file too large or in disguise.
//
// The purpose goes in the query string, so the API knows the file's rules (types, size limit,
// who may upload) before the first byte; the file streams to storage and is never held whole
// in the API's memory, so large videos upload fine.
import { authStore, refreshSession } from './auth/auth-store';
import { i18n } from './i18n/i18n';

/** The purposes the API takes (apps/api/src/core/files/file-purposes.ts). */
export type FilePurpose = 'GRANT_ATTACHMENT' | 'TRAINING_MATERIAL' | 'COURSE_COVER' | 'PARTNERSHIP_DOCUMENT';

export interface UploadOptions {
  /** Cancels the upload (the promise rejects with FileRequestError, status 0, reason UPLOAD_ABORTED). */
  readonly signal?: AbortSignal;
}

export interface UploadedFile {
  readonly id: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly byteSize: number;
}

/** A failed upload or download: the API's message when it sent one, else null (show a generic text). */
export class FileRequestError extends Error {
  constructor(
    readonly apiMessage: string | null,
    readonly code: string | null,
    readonly reason: string | null,
    readonly status: number,
  ) {
    super(apiMessage ?? `HTTP ${status}`);
  }
}

interface ErrorBody {
  errors?: Array<{ message?: string; extensions?: { code?: string; reason?: string } }>;
}

function errorOf(status: number, text: string): FileRequestError {
  try {
    const body = JSON.parse(text) as ErrorBody;
    const first = body.errors?.[0];
    return new FileRequestError(first?.message ?? null, first?.extensions?.code ?? null, first?.extensions?.reason ?? null, status);
  } catch {
    return new FileRequestError(null, null, null, status);
  }
}

function headers(): Record<string, string> {
  const token = authStore.getAccessToken();
  return { 'accept-language': i18n.language, ...(token ? { authorization: `Bearer ${token}` } : {}) };
}

function isUnauthenticated(error: FileRequestError): boolean {
  return error.status === 401 || error.code === 'UNAUTHENTICATED';
}

/** Runs a request; on an expired session, renews it once and runs it again. */
async function withRenewal<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof FileRequestError && isUnauthenticated(error) && (await refreshSession())) return run();
    throw error;
  }
}

function uploadOnce(file: File, purpose: FilePurpose, onProgress: (fraction: number) => void, options: UploadOptions): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const { signal } = options;
    if (signal?.aborted) {
      reject(new FileRequestError(null, null, 'UPLOAD_ABORTED', 0));
      return;
    }
    const request = new XMLHttpRequest();
    request.open('POST', `/api/files?purpose=${encodeURIComponent(purpose)}`);
    for (const [name, value] of Object.entries(headers())) request.setRequestHeader(name, value);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) {
        try {
          resolve(JSON.parse(request.responseText) as UploadedFile);
        } catch {
          reject(new FileRequestError(null, null, null, request.status));
        }
      } else {
        reject(errorOf(request.status, request.responseText));
      }
    };
    request.onerror = () => reject(new FileRequestError(null, null, null, 0));
    const abort = () => request.abort();
    request.onabort = () => reject(new FileRequestError(null, null, 'UPLOAD_ABORTED', 0));
    request.onloadend = () => signal?.removeEventListener('abort', abort);
    signal?.addEventListener('abort', abort, { once: true });
    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
}

/**
 * Uploads one file for `purpose`, reporting progress as a fraction (0–1) of the bytes sent.
 * Resolves with the stored file; rejects with FileRequestError (the API's message when it sent one).
 */
export function uploadFile(
  file: File,
  purpose: FilePurpose,
  onProgress: (fraction: number) => void,
  options: UploadOptions = {},
): Promise<UploadedFile> {
  return withRenewal(() => uploadOnce(file, purpose, onProgress, options));
}

/** The path of a stored file. */
export function storedFilePath(fileId: string): string {
  return `/api/files/${encodeURIComponent(fileId)}`;
}

async function fetchPathOnce(path: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(path, { headers: headers(), credentials: 'same-origin' });
  } catch {
    throw new FileRequestError(null, null, null, 0);
  }
  if (!response.ok) throw errorOf(response.status, await response.text());
  return response.blob();
}

/**
 * GETs an API path with the session (a stored file, or what the API generates at a path: a
 * certificate PDF, a calendar entry, a report); renews an expired session once.
 */
export function fetchApiBlob(path: string): Promise<Blob> {
  // Only the API's own paths: a token must never travel to another origin.
  if (!path.startsWith('/api/')) return Promise.reject(new FileRequestError(null, null, null, 0));
  return withRenewal(() => fetchPathOnce(path));
}

/** Saves a blob under `fileName` through a temporary object URL. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
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

/** Saves text as a file; the string goes into the Blob unchanged, so a CSV's BOM stays first. */
export function saveText(text: string, fileName: string, mediaType: string): void {
  saveBlob(new Blob([text], { type: mediaType }), fileName);
}

/** Downloads an API path and saves it under `fileName`. */
export async function downloadApiPath(path: string, fileName: string): Promise<void> {
  saveBlob(await fetchApiBlob(path), fileName);
}

/** Downloads a file the session may see and saves it under its name. */
export function downloadFile(fileId: string, fileName: string): Promise<void> {
  return downloadApiPath(storedFilePath(fileId), fileName);
}

/**
 * "1.2 MB", "34 KB", "512 B", for every file the UI names (attachments, documents, materials,
 * a chosen directory file). Rounded up, so a file just over a limit never looks equal to it.
 */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(Math.ceil((bytes / (1024 * 1024)) * 10) / 10).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.ceil(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** The message to show for a failed download: the API's own, else the generic one. */
export function downloadErrorMessage(error: unknown, generic: string): string {
  return error instanceof FileRequestError && error.apiMessage ? error.apiMessage : generic;
}
