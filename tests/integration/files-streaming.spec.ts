// Large uploads stream: a 200 MB video goes from the HTTP request to the storage without being
// held in memory. The test sends it through the real upload endpoint of the in-process API
// (so client and server share this process's memory), generated chunk by chunk — neither side
// ever has the whole file — and samples the process's memory every few milliseconds while it
// travels, then checks the stored bytes and downloads them back as a stream. Also: who may
// upload training materials, and a video over the material limit refused while it streams,
// with nothing left behind (no row, no bytes, no temporary file).
import { createHash, Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { ftypBox } from '../support/sample-files';
import { DEMO_NETWORK } from '../../apps/api/src/seed/demo-networks';
import { SignedInClient } from '../support/accounts';
import { setupDemoApiTest } from '../support/demo';

const MiB = 1024 * 1024;
const VIDEO_BYTES = 200 * MiB;
// Just above the video, so the refused one is refused after a short stream too.
const MATERIAL_LIMIT = 208 * MiB;
/** Far below the file: holding it in memory anywhere would add at least 200 MB. */
const MAX_MEMORY_GROWTH = 64 * MiB;
const CHUNK_BYTES = 64 * 1024;

const t = setupDemoApiTest({ storage: true, env: { FILE_MATERIAL_MAX_BYTES: String(MATERIAL_LIMIT) }, accounts: ['trainer', 'staff'] });
let owner: DataSource;
let storageDir: string;
let trainer: SignedInClient;
let staff: SignedInClient;

interface UploadAnswer {
  status: number;
  body: { id?: string; byteSize?: number; mediaType?: string; errors?: Array<{ message: string; extensions: { code: string; reason?: string } }> };
  /** Bytes of the file the client had handed to the socket when the answer arrived. */
  sentWhenAnswered: number;
}

/**
 * An MP4 of `size` bytes made on the fly: a valid ftyp box, then filler that differs per chunk.
 * Infinity: it goes on until `stop()` says so. Hashes what it yields.
 */
function* generatedVideo(size: number, hash: Hash, stop: () => boolean = () => false): Generator<Buffer> {
  const header = ftypBox('isom', ['isom', 'iso2', 'avc1', 'mp41']);
  hash.update(header);
  yield header;
  let produced = header.length;
  for (let index = 0; produced < size && !stop(); index++) {
    const chunk = Buffer.alloc(Math.min(CHUNK_BYTES, size - produced), index % 251);
    chunk.writeUInt32BE(index, 0);
    hash.update(chunk);
    produced += chunk.length;
    yield chunk;
  }
}

/**
 * POSTs one multipart file through node:http, writing chunk by chunk as the socket takes them
 * (backpressure: never more than a few chunks in flight), and stops writing once the answer
 * has arrived (a refusal comes while the upload is still going).
 */
function uploadStream(client: SignedInClient, purpose: string, fileName: string, chunks: (answered: () => boolean) => Iterable<Buffer>): Promise<UploadAnswer> {
  const boundary = `----tsunagu-${Date.now().toString(16)}`;
  const url = new URL(`${t.api.url}/api/files?purpose=${encodeURIComponent(purpose)}`);
  return new Promise((resolve, reject) => {
    let answered = false;
    let sent = 0;
    const request = http.request(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${client.token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    request.on('error', (error) => (answered ? undefined : reject(error)));
    request.on('response', (response) => {
      answered = true;
      const sentWhenAnswered = sent;
      const parts: Buffer[] = [];
      response.on('data', (part: Buffer) => parts.push(part));
      response.on('end', () => {
        request.destroy();
        resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(parts).toString('utf8')), sentWhenAnswered });
      });
    });
    const iterator = chunks(() => answered)[Symbol.iterator]();
    const write = () => {
      while (!answered) {
        const next = iterator.next();
        if (next.done) {
          request.end(`\r\n--${boundary}--\r\n`);
          return;
        }
        sent += next.value.length;
        if (!request.write(next.value)) {
          request.once('drain', write);
          return;
        }
      }
    };
    request.write(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: video/mp4\r\n\r\n`,
    );
    write();
  });
}

/** Samples rss and array buffers (Buffers live there) every 5 ms while `work` runs; the peak growth over the start. */
async function peakMemoryGrowth<T>(work: () => Promise<T>): Promise<{ result: T; rss: number; arrayBuffers: number }> {
  const start = process.memoryUsage();
  const peak = { rss: start.rss, arrayBuffers: start.arrayBuffers };
  const sample = () => {
    const now = process.memoryUsage();
    peak.rss = Math.max(peak.rss, now.rss);
    peak.arrayBuffers = Math.max(peak.arrayBuffers, now.arrayBuffers);
  };
  const timer = setInterval(sample, 5);
  try {
    const result = await work();
    sample();
    return { result, rss: peak.rss - start.rss, arrayBuffers: peak.arrayBuffers - start.arrayBuffers };
  } finally {
    clearInterval(timer);
  }
}

async function fileRow(id: string): Promise<{ byte_size: string; sha256: string; media_type: string; purpose: string; storage_key: string } | undefined> {
  return owner.transaction(async (manager) => {
    await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [DEMO_NETWORK.id]);
    const [row] = await manager.query(`SELECT byte_size, sha256, media_type, purpose, storage_key FROM files WHERE id = $1`, [id]);
    return row;
  });
}

async function fileRowCount(): Promise<number> {
  return owner.transaction(async (manager) => {
    await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [DEMO_NETWORK.id]);
    const [row]: Array<{ count: string }> = await manager.query(`SELECT count(*) FROM files`);
    return Number(row.count);
  });
}

/** Every file under the storage directory, temporary ones included. */
async function filesOnDisk(): Promise<string[]> {
  const entries = await readdir(storageDir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(storageDir, path.join(entry.parentPath, entry.name)));
}

/** Downloads a file as a stream, hashing and counting it on the way. */
async function downloadHashed(id: string): Promise<{ status: number; type: string | null; size: number; sha256: string }> {
  const response = await fetch(`${t.api.url}/api/files/${id}`, { headers: { authorization: `Bearer ${trainer.token}` } });
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { status: response.status, type: response.headers.get('content-type'), size, sha256: hash.digest('hex') };
}

async function sha256OfFile(filePath: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(filePath)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

beforeAll(async () => {
  ({ storageDir, clients: { trainer, staff } } = t);
  owner = await new DataSource({ type: 'postgres', url: t.database.ownerUrl, extra: { max: 2 } }).initialize();
  t.onClose(() => owner.destroy());
});

describe('a 200 MB training video', () => {
  it('streams to storage without being held in memory, stored and downloaded back byte for byte', async () => {
    // A small one first, so code loaded and compiled on first use is not counted below.
    const warmUp = await uploadStream(trainer, 'TRAINING_MATERIAL', 'warm-up.mp4', () => generatedVideo(8 * MiB, createHash('sha256')));
    expect(warmUp.status).toBe(201);
    await downloadHashed(String(warmUp.body.id));

    const sentHash = createHash('sha256');
    const upload = await peakMemoryGrowth(() => uploadStream(trainer, 'TRAINING_MATERIAL', '研修動画 第1回.mp4', () => generatedVideo(VIDEO_BYTES, sentHash)));
    const sentSha256 = sentHash.digest('hex');
    expect(upload.result).toMatchObject({ status: 201, body: { byteSize: VIDEO_BYTES, mediaType: 'video/mp4' } });
    // Far below the file's 200 MB in the whole process, client and server together.
    expect(upload.rss).toBeLessThan(MAX_MEMORY_GROWTH);
    expect(upload.arrayBuffers).toBeLessThan(MAX_MEMORY_GROWTH);

    const id = String(upload.result.body.id);
    const row = await fileRow(id);
    expect(row).toMatchObject({ byte_size: String(VIDEO_BYTES), sha256: sentSha256, media_type: 'video/mp4', purpose: 'TRAINING_MATERIAL' });
    const storedPath = path.join(storageDir, ...String(row?.storage_key).split('/'));
    expect((await stat(storedPath)).size).toBe(VIDEO_BYTES);
    expect(await sha256OfFile(storedPath)).toBe(sentSha256);
    // Moved, not copied: no temporary file is left.
    expect((await filesOnDisk()).filter((name) => name.startsWith('.'))).toEqual([]);

    const download = await peakMemoryGrowth(() => downloadHashed(id));
    expect(download.result).toEqual({ status: 200, type: 'video/mp4', size: VIDEO_BYTES, sha256: sentSha256 });
    expect(download.rss).toBeLessThan(MAX_MEMORY_GROWTH);
    expect(download.arrayBuffers).toBeLessThan(MAX_MEMORY_GROWTH);
  }, 180_000);
});

describe('training materials', () => {
  it('are uploaded by trainers only: a staff member is FORBIDDEN before any byte is stored', async () => {
    const rowsBefore = await fileRowCount();
    const filesBefore = await filesOnDisk();
    const answer = await uploadStream(staff, 'TRAINING_MATERIAL', 'clip.mp4', () => generatedVideo(2 * MiB, createHash('sha256')));
    expect({ status: answer.status, code: answer.body.errors?.[0].extensions.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
    expect(await fileRowCount()).toBe(rowsBefore);
    expect(await filesOnDisk()).toEqual(filesBefore);
  });

  it('refuses a video over the material limit while it streams, with the limit in MB, leaving no row, no bytes and no temporary file', async () => {
    const rowsBefore = await fileRowCount();
    const filesBefore = await filesOnDisk();
    // A video that would go on for ever: only the refusal ends it.
    const answer = await uploadStream(trainer, 'TRAINING_MATERIAL', '長い研修動画.mp4', (answered) =>
      generatedVideo(Infinity, createHash('sha256'), answered),
    );
    expect({ status: answer.status, code: answer.body.errors?.[0].extensions.code, reason: answer.body.errors?.[0].extensions.reason }).toEqual({
      status: 413,
      code: 'BAD_USER_INPUT',
      reason: 'FILE_TOO_LARGE',
    });
    expect(answer.body.errors?.[0].message).toBe('ファイルが大きすぎます。208 MB 以下のファイルを選んでください。');
    // The file has no end: answered while it streamed, past the limit. (The server reads on and
    // drops what follows the refusal, so some more is sent before the answer is read.)
    expect(answer.sentWhenAnswered).toBeGreaterThan(MATERIAL_LIMIT);
    expect(answer.sentWhenAnswered).toBeLessThan(MATERIAL_LIMIT + 128 * MiB);
    expect(await fileRowCount()).toBe(rowsBefore);
    expect(await filesOnDisk()).toEqual(filesBefore);
  }, 120_000);

  it('must name their purpose before the file: a purpose field after it is refused with FILE_PURPOSE_MISSING', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(ftypBox('isom'))]), 'clip.mp4');
    form.append('purpose', 'TRAINING_MATERIAL');
    const response = await fetch(`${t.api.url}/api/files`, { method: 'POST', body: form, headers: { authorization: `Bearer ${trainer.token}` } });
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string; reason: string } }> };
    expect({ status: response.status, ...body.errors[0].extensions }).toMatchObject({ status: 400, code: 'BAD_USER_INPUT', reason: 'FILE_PURPOSE_MISSING' });
  });
});
