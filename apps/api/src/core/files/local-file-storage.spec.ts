import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { StoredFileMissingError } from './file-storage';
import { LocalFileStorage } from './local-file-storage';

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('LocalFileStorage', () => {
  let dir: string;
  let storage: LocalFileStorage;
  const key = '0b9a3c1e-0000-4000-8000-000000000001/5f0c1b7e-0000-4000-8000-000000000002';

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'tsunagu-files-'));
    storage = new LocalFileStorage(dir);
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes, reads back and deletes bytes under a key, leaving no temporary file', async () => {
    const bytes = Buffer.from('%PDF-1.7 hello');
    await storage.put(key, bytes);
    expect(await bytesOf(await storage.get(key))).toEqual(bytes);
    const tenantDir = path.join(dir, key.split('/')[0]);
    expect(await readdir(tenantDir)).toEqual([key.split('/')[1]]);
    expect(await readFile(path.join(dir, ...key.split('/')))).toEqual(bytes);
    await storage.delete(key);
    expect(await readdir(tenantDir)).toEqual([]);
    await expect(storage.delete(key)).resolves.toBeUndefined();
  });

  it('moves a staged file into place under a key (a rename, the staging directory is left empty)', async () => {
    const staging = path.join(dir, '.uploads');
    await mkdir(staging);
    const staged = path.join(staging, 'upload-1');
    await writeFile(staged, 'staged video bytes');
    await storage.putFile(key, staged);
    expect(await bytesOf(await storage.get(key))).toEqual(Buffer.from('staged video bytes'));
    expect(await readdir(staging)).toEqual([]);
    await expect(storage.putFile('../x', staged)).rejects.toThrow(/storage key/i);
  });

  it('says plainly when the bytes are missing', async () => {
    await expect(storage.get(key)).rejects.toBeInstanceOf(StoredFileMissingError);
  });

  it.each(['../etc/passwd', '/etc/passwd', 'a/../../b', 'a/b.pdf', 'A/B', '', 'a//b', 'a\\b', 'a/b/c/d/e'])(
    'refuses the key %j',
    async (bad) => {
      await expect(storage.put(bad, Buffer.from('x'))).rejects.toThrow(/storage key/i);
      await expect(storage.get(bad)).rejects.toThrow(/storage key/i);
      await expect(storage.delete(bad)).rejects.toThrow(/storage key/i);
    },
  );

  it('replaces nothing half-written: a failed write leaves no file behind', async () => {
    const notABuffer = { length: 1 } as unknown as Buffer;
    await expect(storage.put(key, notABuffer)).rejects.toThrow();
    expect(await readdir(path.join(dir, key.split('/')[0]))).toEqual([]);
  });
});
