// The default storage: files on local disk under FILE_STORAGE_DIR (`.data/files` with
// `npm start`). A file is written to a temporary name beside its target and renamed into
// place, so a reader never sees half a file and a crash leaves only a `.tmp` to sweep. An
// upload staged on disk (FilesService stages under `<dir>/.uploads`, the same filesystem) is
// renamed into place: no copy at all.
import { randomUUID } from 'node:crypto';
import { copyFile, FileHandle, mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { assertStorageKey, FileStorage, StoredFileMissingError } from './file-storage';

/**
 * Writes `target` whole or not at all: `write` fills a temporary file beside it (and syncs it to
 * disk), which is then renamed into place; on any failure the temporary file is removed.
 */
async function replaceWhole(target: string, write: (temporary: string) => Promise<void>): Promise<void> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID()}.tmp`);
  try {
    await write(temporary);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Opens the file (a new one: owner-only), lets `fill` write to it, and syncs it to disk before closing. */
async function syncedFile(file: string, flags: 'wx' | 'r+', fill?: (handle: FileHandle) => Promise<void>): Promise<void> {
  const handle = await open(file, flags, 0o600);
  try {
    await fill?.(handle);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export class LocalFileStorage implements FileStorage {
  readonly driver = 'local' as const;
  private readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** Keys are checked, never trusted: no dots, so no `..` and no absolute paths. */
  pathOf(key: string): string {
    assertStorageKey(key);
    const target = path.join(this.root, ...key.split('/'));
    if (!target.startsWith(this.root + path.sep)) throw new Error(`Storage key escapes the storage directory: ${key}`);
    return target;
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    await replaceWhole(target, (temporary) => syncedFile(temporary, 'wx', (handle) => handle.writeFile(bytes)));
  }

  async putFile(key: string, sourcePath: string): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    try {
      await rename(sourcePath, target);
      return;
    } catch (error) {
      // Staged on another filesystem (a FILE_STORAGE_DIR mounted elsewhere): copy, then rename.
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    }
    await replaceWhole(target, async (temporary) => {
      await copyFile(sourcePath, temporary);
      await syncedFile(temporary, 'r+');
    });
  }

  async get(key: string): Promise<Readable> {
    try {
      const handle = await open(this.pathOf(key), 'r');
      return handle.createReadStream();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new StoredFileMissingError(this.driver, key);
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
