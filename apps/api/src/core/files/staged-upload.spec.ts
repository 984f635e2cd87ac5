import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { AppError } from '../graphql/app-error';
import { stageUpload, UploadInterruptedError } from './staged-upload';

describe('stageUpload', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'tsunagu-staging-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes the stream to a temporary file with its size, SHA-256 and first bytes', async () => {
    const chunks = [Buffer.from('%PDF-1.7\n'), Buffer.alloc(100_000, 0x20), Buffer.from('%%EOF\n')];
    const staged = await stageUpload(Readable.from(chunks), { dir: path.join(dir, 'uploads'), maxBytes: 1_000_000 });
    const whole = Buffer.concat(chunks);
    expect(staged).toMatchObject({ byteSize: whole.length, sha256: createHash('sha256').update(whole).digest('hex'), isUtf8Text: true });
    expect(staged.head.subarray(0, 9).toString()).toBe('%PDF-1.7\n');
    expect(await readFile(staged.path)).toEqual(whole);
    await staged.discard();
    expect(await readdir(path.join(dir, 'uploads'))).toEqual([]);
  });

  it('stops at the first byte over the limit, leaves no file and drains the rest of the source', async () => {
    const source = new PassThrough();
    const staging = stageUpload(source, { dir, maxBytes: 10 });
    source.write(Buffer.from('0123456789'));
    source.write(Buffer.from('a'));
    await expect(staging).rejects.toMatchObject({ code: 'BAD_USER_INPUT', extensions: { reason: 'FILE_TOO_LARGE' } });
    await expect(staging).rejects.toBeInstanceOf(AppError);
    // Still read after the refusal: a writer is never left blocked.
    source.write(Buffer.alloc(1024 * 1024));
    await new Promise((resolve) => setImmediate(resolve));
    expect(source.writableLength).toBe(0);
    source.end();
    expect(await readdir(dir)).toEqual([]);
  });

  it.each([
    ['while it streams', (source: PassThrough) => setTimeout(() => source.destroy(), 50)],
    ['before it is read', (source: PassThrough) => source.destroy()],
  ])('leaves no file when the source breaks off %s', async (_when, breakOff) => {
    const source = new PassThrough();
    source.write(Buffer.from('part of a file'));
    const staging = stageUpload(source, { dir, maxBytes: 1000 });
    breakOff(source);
    await expect(staging).rejects.toBeInstanceOf(UploadInterruptedError);
    expect(await readdir(dir)).toEqual([]);
  });
});
