// An upload on its way in: the bytes stream from the request to a temporary file on disk (never
// into memory), while a ContentProbe counts them, hashes them and keeps the first few for
// sniffing. The size limit is enforced as they arrive: the first byte over it stops the writing.
//
// The source is never destroyed, only drained: it is the multipart parser's file stream, and
// destroying it would stop the parser reading the request, so the client would hang (or see
// the connection reset) instead of getting the answer. On a refusal the rest of the upload is
// read and thrown away, in constant memory, while the answer is already on its way.
//
// Every failure removes the temporary file; only a crash of the process mid-upload can leave
// one in the staging directory (named by a random UUID, never reachable through the API), so
// anything there older than a day is safe to sweep.
import { randomUUID } from 'node:crypto';
import { mkdir, open, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { fileErrors } from './file-errors';
import { ContentProbe } from './file-types';

export interface StagedUpload {
  /** The temporary file holding the bytes. */
  readonly path: string;
  readonly byteSize: number;
  readonly sha256: string;
  /** The first SNIFF_HEAD_BYTES bytes. */
  readonly head: Buffer;
  readonly isUtf8Text: boolean;
  /** Removes the temporary file (again is fine). */
  discard(): Promise<void>;
}

/** The upload ended before its file did (the client went away or the multipart body broke off). */
export class UploadInterruptedError extends Error {
  constructor() {
    super('The upload ended before the whole file arrived');
    this.name = 'UploadInterruptedError';
  }
}

interface StageOptions {
  /** Where temporary files go; created when missing. */
  readonly dir: string;
  /** More bytes than this: FILE_TOO_LARGE with this limit. */
  readonly maxBytes: number;
}

/** Streams `source` to a new temporary file in `dir`. Throws FILE_TOO_LARGE or the source's error; then nothing is left on disk. */
export async function stageUpload(source: Readable, options: StageOptions): Promise<StagedUpload> {
  await mkdir(options.dir, { recursive: true, mode: 0o700 });
  const filePath = path.join(options.dir, randomUUID());
  const discard = () => rm(filePath, { force: true });
  const probe = new ContentProbe();
  const handle = await open(filePath, 'wx', 0o600);
  let written = false;
  try {
    await copyInto(source, options.maxBytes, probe, (chunk) => handle.write(chunk).then(() => undefined));
    // Cut short by the parser's own ceiling (flagged, in case its 'limit' came before we listened).
    if ((source as { truncated?: boolean }).truncated) throw fileErrors.tooLarge(options.maxBytes);
    await handle.sync();
    written = true;
  } finally {
    await handle.close();
    if (!written) await discard();
  }
  const seen = probe.finish();
  return { path: filePath, ...seen, discard };
}

/** Feeds each chunk of `source` to the probe and `write`, one write at a time (the source waits). */
function copyInto(source: Readable, maxBytes: number, probe: ContentProbe, write: (chunk: Buffer) => Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let lastWrite: Promise<void> = Promise.resolve();
    const settle = (error?: unknown) => {
      if (settled) return;
      settled = true;
      source.off('data', onData);
      source.off('end', onEnd);
      source.off('error', settle);
      source.off('close', onClose);
      source.off('limit', onLimit);
      if (error === undefined) {
        resolve();
        return;
      }
      // Drain the rest: no listener, so the bytes are dropped as they come.
      source.on('error', () => undefined);
      source.resume();
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      if (probe.byteSize + chunk.length > maxBytes) {
        settle(fileErrors.tooLarge(maxBytes));
        return;
      }
      probe.update(chunk);
      source.pause();
      lastWrite = write(chunk).then(() => {
        if (!settled) source.resume();
      });
      lastWrite.catch(settle);
    };
    // A paused source does not end, so every chunk is written by now; waiting costs nothing.
    const onEnd = () => lastWrite.then(() => settle(), settle);
    // The multipart parser's own ceiling: it stops passing bytes on, but the part goes on.
    const onLimit = () => settle(fileErrors.tooLarge(maxBytes));
    const onClose = () => {
      if (!source.readableEnded) settle(new UploadInterruptedError());
    };
    // Gone already (the client went away while the temporary file was being opened).
    if (source.destroyed && !source.readableEnded) {
      settle(source.errored ?? new UploadInterruptedError());
      return;
    }
    source.on('data', onData);
    source.once('end', onEnd);
    source.once('error', settle);
    source.once('close', onClose);
    source.once('limit', onLimit);
    source.resume();
  });
}
