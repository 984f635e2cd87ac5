// The one way files enter and leave the product. `store` checks a file (size, type sniffed from
// its bytes against its name and the caller's allowed list), writes its bytes to the configured
// storage and its catalogue row in the caller's transaction; `open` finds a file the caller may
// see — row-level security first (its own network, or another network's public grant or course),
// then the access rule of its purpose (file-access.ts: whoever may read the record it is attached
// to) — and streams its bytes.
//
// Uploads come in two steps so that no file, however large, is held in memory and no
// transaction stays open while bytes travel over the network: `receive` streams the upload to
// a temporary file under `<FILE_STORAGE_DIR>/.uploads` (hashing, counting and enforcing the
// limit on the way) and checks it there — the type from its first bytes and, for the Office
// formats, from the ZIP directory read at the end of the file; `storeReceived` then moves it
// into the storage (a rename on local disk, a streamed PUT to S3) and writes the row. `store`
// does the same for bytes already in memory (small files the API makes itself).
//
// Bytes and row cannot share one transaction, so the bytes are written first under a fresh key
// and the row after; when that transaction rolls back (the insert failed, or the caller's later
// work did), the bytes are removed at once — TypeORM announces the rollback to subscribers. Only
// a crash between the write and the commit can leave bytes without a row; they are unreachable
// (downloads go through the row) and carry their tenant in the key, so a sweep can find them.
// The opposite order (row first, bytes after commit) could leave a row with no bytes, which
// readers would meet; an orphan nobody can reach is the safer failure.
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { open as openFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from 'typeorm';
import type { RequestActor } from '../auth/actor';
import { APP_CONFIG, AppConfig } from '../config/config';
import { AppError } from '../graphql/app-error';
import { requireId } from '../graphql/ids';
import { FileAccessRule, FileAccessRules } from './file-access';
import { fileErrors } from './file-errors';
import { FILE_STORAGE, FileStorage, StorageDriver } from './file-storage';
import { FilePurposeKey, isFilePurpose, maxBytesOf } from './file-purposes';
import {
  claimedType,
  extensionOf,
  FileTypeKey,
  isTextType,
  looksLikeZip,
  sniffFile,
  sniffSample,
  SniffedType,
  zipEntryNamesOfFile,
} from './file-types';
import { stageUpload } from './staged-upload';
import { camelized } from '../database/rows';

/** Who stores a file: the uploader's network, organisation and membership. */
export type FileOwner = Pick<RequestActor, 'tenantId' | 'organizationId'> & { readonly membershipId: string | null };

export interface StoreFileInput {
  /** As the uploader named it; cleaned (no path, no control characters, at most 200 characters). */
  readonly fileName: string;
  readonly bytes: Buffer;
  /** What the file is for, e.g. GRANT_ATTACHMENT (see file-purposes.ts); 1–40 characters. */
  readonly purpose: string;
  readonly allowedTypes: readonly FileTypeKey[];
}

export interface ReceiveFileInput {
  /** As the uploader named it (cleaned as for `store`). */
  readonly fileName: string;
  /** The file's bytes as they arrive; read to its end (also when refused). */
  readonly stream: Readable;
  readonly allowedTypes: readonly FileTypeKey[];
  /** More bytes than this are refused with FILE_TOO_LARGE as soon as they arrive. */
  readonly maxBytes: number;
}

/** A checked upload waiting in a temporary file for `storeReceived`. */
export interface ReceivedFile {
  /** Cleaned (see cleanFileName). */
  readonly fileName: string;
  /** Sniffed from the content. */
  readonly mediaType: string;
  readonly byteSize: number;
  readonly sha256: string;
  readonly stagedPath: string;
  /** Removes the temporary file (nothing happens when it has been moved into storage). */
  discard(): Promise<void>;
}

export interface StoredFile {
  readonly id: string;
  readonly tenantId: string;
  readonly organizationId: string;
  readonly uploadedByMembershipId: string | null;
  readonly fileName: string;
  /** Sniffed from the content. */
  readonly mediaType: string;
  readonly byteSize: number;
  readonly sha256: string;
  readonly purpose: string;
  readonly storageDriver: StorageDriver;
  readonly storageKey: string;
  readonly createdAt: Date;
}

export interface OpenedFile {
  readonly file: StoredFile;
  readonly stream: Readable;
}

interface FileRow {
  id: string;
  tenant_id: string;
  organization_id: string;
  uploaded_by_membership_id: string | null;
  file_name: string;
  media_type: string;
  byte_size: string;
  sha256: string;
  purpose: string;
  storage_driver: StorageDriver;
  storage_key: string;
  created_at: Date;
}

const FILE_COLUMNS = `id, tenant_id, organization_id, uploaded_by_membership_id, file_name, media_type, byte_size, sha256,
  purpose, storage_driver, storage_key, created_at`;

const MAX_FILE_NAME_LENGTH = 200;

/**
 * The last path segment (browsers may send `C:\fakepath\…`), NFC, without control characters or
 * bidirectional overrides (which can show `…exe.pdf` as `…fdp.exe`), at most 200 characters
 * with the extension kept. Null when nothing usable is left.
 */
export function cleanFileName(raw: string): string | null {
  const lastSegment = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const name = lastSegment.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  if (!name || /^\.+$/.test(name)) return null;
  const characters = [...name];
  if (characters.length <= MAX_FILE_NAME_LENGTH) return name;
  const extension = extensionOf(name);
  const suffix = extension && extension.length <= 10 ? `.${extension}` : '';
  return characters.slice(0, MAX_FILE_NAME_LENGTH - suffix.length).join('').trimEnd() + suffix;
}

@Injectable()
export class FilesService implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(FilesService.name);
  /** Bytes written in a transaction not yet committed, with the savepoint depth they were written at. */
  private readonly pending = new WeakMap<QueryRunner, Array<{ key: string; depth: number }>>();
  /** Who may read the files of each purpose (file-access.ts). */
  private readonly accessRules = new FileAccessRules();
  private readonly rollbackCleanup: EntitySubscriberInterface = {
    afterTransactionRollback: ({ queryRunner }) => this.discardAbove(queryRunner, transactionDepth(queryRunner)),
    afterTransactionCommit: ({ queryRunner }) => {
      if (!queryRunner.isTransactionActive) this.pending.delete(queryRunner);
    },
  };

  constructor(
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.dataSource.subscribers.push(this.rollbackCleanup);
  }

  /** Every feature registered its rules in onModuleInit: a purpose left without one stops the start. */
  onApplicationBootstrap(): void {
    this.accessRules.assertComplete();
  }

  onModuleDestroy(): void {
    const index = this.dataSource.subscribers.indexOf(this.rollbackCleanup);
    if (index >= 0) this.dataSource.subscribers.splice(index, 1);
  }

  /** Where uploads wait while they stream in: inside the storage directory, so a rename moves them. */
  get stagingDir(): string {
    return path.join(this.config.files.dir, '.uploads');
  }

  /** The size limit of a purpose (FILE_MAX_BYTES unless the purpose has its own). */
  maxBytesFor(purpose: string): number {
    return isFilePurpose(purpose) ? maxBytesOf(purpose, this.config.files) : this.config.files.maxBytes;
  }

  /**
   * Streams an upload to a temporary file and checks it; no transaction needed. Throws
   * BAD_USER_INPUT with reason FILE_NAME_INVALID or FILE_TYPE_NOT_ALLOWED (before reading any
   * byte), FILE_TOO_LARGE (at the first byte over the limit), FILE_EMPTY or FILE_TYPE_MISMATCH;
   * the rest of the stream is drained then and no temporary file is left. The caller passes the
   * result to `storeReceived` and calls `discard` when done either way.
   */
  async receive(input: ReceiveFileInput): Promise<ReceivedFile> {
    const { stream, allowedTypes } = input;
    const fileName = cleanFileName(input.fileName);
    const claimed = fileName ? claimedType(fileName, allowedTypes) : null;
    if (!fileName || !claimed) {
      stream.on('error', () => undefined);
      stream.resume();
      throw fileName ? fileErrors.notAllowed(allowedTypes) : fileErrors.nameInvalid();
    }
    const staged = await stageUpload(stream, { dir: this.stagingDir, maxBytes: input.maxBytes });
    try {
      if (staged.byteSize === 0) throw fileErrors.empty();
      const zipEntryNames = looksLikeZip(staged.head) ? await this.readZipEntryNames(staged.path, staged.byteSize) : null;
      const found = sniffSample({ head: staged.head, isUtf8Text: () => staged.isUtf8Text, zipEntryNames: () => zipEntryNames }, claimed);
      assertAgrees(fileName, claimed, found, allowedTypes);
      return {
        fileName,
        mediaType: found.mediaType,
        byteSize: staged.byteSize,
        sha256: staged.sha256,
        stagedPath: staged.path,
        discard: staged.discard,
      };
    } catch (error) {
      await staged.discard();
      throw error;
    }
  }

  /**
   * Stores a received file within the caller's transaction (runInTenant): its bytes move into
   * the storage, its row is written, and the temporary file is gone afterwards either way.
   */
  async storeReceived(manager: EntityManager, owner: FileOwner, received: ReceivedFile, purpose: string): Promise<StoredFile> {
    const queryRunner = this.transactionOf(manager, purpose);
    const storageKey = `${owner.tenantId}/${randomUUID()}`;
    try {
      await this.storage.putFile(storageKey, received.stagedPath, received.byteSize, received.mediaType);
    } finally {
      await received.discard();
    }
    return this.insertRow(manager, queryRunner, owner, { ...received, purpose, storageKey });
  }

  /**
   * Checks and stores a file within the caller's transaction (runInTenant). Throws
   * BAD_USER_INPUT with reason FILE_EMPTY, FILE_TOO_LARGE, FILE_NAME_INVALID,
   * FILE_TYPE_NOT_ALLOWED or FILE_TYPE_MISMATCH; nothing is stored then.
   */
  async store(manager: EntityManager, owner: FileOwner, input: StoreFileInput): Promise<StoredFile> {
    const queryRunner = this.transactionOf(manager, input.purpose);
    const { bytes, allowedTypes } = input;
    const maxBytes = this.maxBytesFor(input.purpose);
    if (bytes.length === 0) throw fileErrors.empty();
    if (bytes.length > maxBytes) throw fileErrors.tooLarge(maxBytes);
    const fileName = cleanFileName(input.fileName);
    if (!fileName) throw fileErrors.nameInvalid();
    const claimed = claimedType(fileName, allowedTypes);
    if (!claimed) throw fileErrors.notAllowed(allowedTypes);
    const found = sniffFile(bytes, claimed);
    assertAgrees(fileName, claimed, found, allowedTypes);

    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const storageKey = `${owner.tenantId}/${randomUUID()}`;
    await this.storage.put(storageKey, bytes, found.mediaType);
    return this.insertRow(manager, queryRunner, owner, {
      fileName,
      mediaType: found.mediaType,
      byteSize: bytes.length,
      sha256,
      purpose: input.purpose,
      storageKey,
    });
  }

  private transactionOf(manager: EntityManager, purpose: string): QueryRunner {
    const queryRunner = manager.queryRunner;
    if (!queryRunner?.isTransactionActive) throw new Error('FilesService must store files inside a transaction (runInTenant)');
    if (!/^[A-Z][A-Z0-9_]{0,39}$/.test(purpose)) throw new Error(`Not a file purpose: ${purpose}`);
    return queryRunner;
  }

  /** The row of bytes just written under `storageKey`; the bytes go again if it cannot be written or rolls back. */
  private async insertRow(
    manager: EntityManager,
    queryRunner: QueryRunner,
    owner: FileOwner,
    file: { fileName: string; mediaType: string; byteSize: number; sha256: string; purpose: string; storageKey: string },
  ): Promise<StoredFile> {
    this.remember(queryRunner, file.storageKey);
    try {
      const [row]: FileRow[] = await manager.query(
        `INSERT INTO files (tenant_id, organization_id, uploaded_by_membership_id, file_name, media_type, byte_size, sha256,
                            storage_driver, storage_key, purpose)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         RETURNING ${FILE_COLUMNS}`,
        [owner.tenantId, owner.organizationId, owner.membershipId, file.fileName, file.mediaType, file.byteSize, file.sha256,
          this.storage.driver, file.storageKey, file.purpose],
      );
      return toStoredFile(row);
    } catch (error) {
      await this.discard(queryRunner, file.storageKey);
      throw error;
    }
  }

  private async readZipEntryNames(filePath: string, byteSize: number): Promise<Set<string> | null> {
    const handle = await openFile(filePath, 'r');
    try {
      return await zipEntryNamesOfFile(handle, byteSize);
    } finally {
      await handle.close();
    }
  }

  /**
   * The file's row, or NOT_FOUND when the id is not a UUID or row-level security hides it
   * (another network's file that is not attached to a public grant). Metadata only.
   */
  async find(manager: EntityManager, actor: Pick<RequestActor, 'tenantId'>, fileId: string): Promise<StoredFile> {
    requireId(fileId);
    // The caller's own network first, through the primary key; then any file RLS lets through.
    const own: FileRow[] = await manager.query(`SELECT ${FILE_COLUMNS} FROM files WHERE tenant_id = $1 AND id = $2`, [
      actor.tenantId,
      fileId,
    ]);
    const rows: FileRow[] = own.length ? own : await manager.query(`SELECT ${FILE_COLUMNS} FROM files WHERE id = $1 LIMIT 1`, [fileId]);
    if (!rows[0]) throw new AppError('NOT_FOUND');
    return toStoredFile(rows[0]);
  }

  /**
   * Declares who may read the files of a purpose: those who may read the record a file is
   * attached to. The feature owning those records registers it in onModuleInit; every purpose
   * must have one (file-access.ts).
   */
  registerAccessRule(purpose: FilePurposeKey, rule: FileAccessRule): void {
    this.accessRules.register(purpose, rule);
  }

  /** Whether the actor may read this file: its purpose's rule (false when it has none). */
  mayRead(manager: EntityManager, actor: RequestActor, file: StoredFile): Promise<boolean> {
    return this.accessRules.mayRead(manager, actor, file);
  }

  /** The file's row and its bytes as a stream (NOT_FOUND as for `find`, and when its purpose's rule refuses the actor). */
  async open(manager: EntityManager, actor: RequestActor, fileId: string): Promise<OpenedFile> {
    const file = await this.find(manager, actor, fileId);
    if (!(await this.mayRead(manager, actor, file))) throw new AppError('NOT_FOUND');
    if (file.storageDriver !== this.storage.driver) {
      throw new Error(`File ${file.id} is kept in the ${file.storageDriver} storage, but FILE_STORAGE is ${this.storage.driver}`);
    }
    return { file, stream: await this.storage.get(file.storageKey) };
  }

  private remember(queryRunner: QueryRunner, key: string): void {
    const keys = this.pending.get(queryRunner) ?? [];
    keys.push({ key, depth: transactionDepth(queryRunner) });
    this.pending.set(queryRunner, keys);
  }

  private async discard(queryRunner: QueryRunner, key: string): Promise<void> {
    const keys = this.pending.get(queryRunner);
    if (keys) this.pending.set(queryRunner, keys.filter((entry) => entry.key !== key));
    await this.deleteQuietly(key);
  }

  /** After a rollback to `depth`: the rows written deeper are gone, so are their bytes. */
  private async discardAbove(queryRunner: QueryRunner, depth: number): Promise<void> {
    const keys = this.pending.get(queryRunner);
    if (!keys?.length) return;
    const gone = keys.filter((entry) => entry.depth > depth);
    this.pending.set(queryRunner, keys.filter((entry) => entry.depth <= depth));
    await Promise.all(gone.map((entry) => this.deleteQuietly(entry.key)));
  }

  private async deleteQuietly(key: string): Promise<void> {
    try {
      await this.storage.delete(key);
    } catch (error) {
      // The rollback itself must not fail for this; the orphan is unreachable and logged.
      this.logger.error({ err: error, storageKey: key }, 'Could not remove the bytes of a file whose row was rolled back');
    }
  }
}

/** The sniffed type must be the claimed one (any text type will do for a text claim). */
function assertAgrees(fileName: string, claimed: FileTypeKey, found: SniffedType, allowedTypes: readonly FileTypeKey[]): void {
  const agrees = found.key === claimed || (isTextType(claimed) && found.key !== null && isTextType(found.key));
  if (!agrees) throw fileErrors.mismatch(fileName, claimed, found, allowedTypes);
}

/** TypeORM keeps the savepoint depth protected; 0 once the outer transaction has ended. */
function transactionDepth(queryRunner: QueryRunner): number {
  if (!queryRunner.isTransactionActive) return 0;
  return (queryRunner as unknown as { transactionDepth?: number }).transactionDepth ?? 1;
}

function toStoredFile(row: FileRow): StoredFile {
  return { ...camelized(row), byteSize: Number(row.byte_size) };
}
