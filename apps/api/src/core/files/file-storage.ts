// Where the bytes of files live. The `files` table is the catalogue; a storage keeps bytes
// under keys the API makes (`<tenant id>/<random uuid>`), never under a name a user gave.
import type { Readable } from 'node:stream';

export type StorageDriver = 'local' | 's3';

export interface FileStorage {
  readonly driver: StorageDriver;
  /** Writes the bytes under `key`, whole or not at all. */
  put(key: string, bytes: Buffer, mediaType: string): Promise<void>;
  /**
   * Takes the finished file at `sourcePath` (of `byteSize` bytes, on local disk) under `key`,
   * whole or not at all, streaming it rather than reading it into memory. The source is moved
   * (local disk) or copied (object store); the caller removes it if it is still there.
   */
  putFile(key: string, sourcePath: string, byteSize: number, mediaType: string): Promise<void>;
  /** The bytes under `key`; rejects with StoredFileMissingError when there are none. */
  get(key: string): Promise<Readable>;
  /** Removes the bytes under `key`; nothing there is not an error. */
  delete(key: string): Promise<void>;
}

export const FILE_STORAGE = Symbol('FILE_STORAGE');

/** Keys: one to four lower-case segments of letters, digits and hyphens (no dots, no `..`). */
export const STORAGE_KEY_PATTERN = /^[0-9a-z-]{1,64}(\/[0-9a-z-]{1,64}){0,3}$/;

export function assertStorageKey(key: string): void {
  if (!STORAGE_KEY_PATTERN.test(key)) throw new Error(`Not a storage key: ${JSON.stringify(key.slice(0, 80))}`);
}

/** The catalogue names bytes the storage does not have (lost, or removed by hand). */
export class StoredFileMissingError extends Error {
  constructor(driver: StorageDriver, key: string) {
    super(`The ${driver} file storage has no bytes under key ${key}`);
    this.name = 'StoredFileMissingError';
  }
}
