// The default storage: files on local disk under FILE_STORAGE_DIR (`.data/files` with
// `npm start`). A file is written to a temporary name beside its target and renamed into
// place, so a reader never sees half a file and a crash leaves only a `.tmp` to sweep. An
// upload staged on disk (FilesService stages under `<dir>/.uploads`, the same filesystem) is
// renamed into place: no copy at all.
import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { assertStorageKey, FileStorage, StoredFileMissingError } from './file-storage';

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
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID()}.tmp`);
    try {
      const handle = await open(temporary, 'wx', 0o600);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
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
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID()}.tmp`);
    try {
      await copyFile(sourcePath, temporary);
      const handle = await open(temporary, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
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
