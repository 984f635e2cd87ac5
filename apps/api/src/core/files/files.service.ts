// The one way files enter and leave the product. `store` checks a file (size, type sniffed from
// its bytes against its name and the caller's allowed list), writes its bytes to the configured
// storage and its catalogue row in the caller's transaction; `open` finds a file the caller may
// see (row-level security decides: its own network, or another network's public grant) and
// streams its bytes.
//
// Bytes and row cannot share one transaction, so the bytes are written first under a fresh key
// and the row after; when that transaction rolls back (the insert failed, or the caller's later
// work did), the bytes are removed at once — TypeORM announces the rollback to subscribers. Only
// a crash between the write and the commit can leave bytes without a row; they are unreachable
// (downloads go through the row) and carry their tenant in the key, so a sweep can find them.
// The opposite order (row first, bytes after commit) could leave a row with no bytes, which
// readers would meet; an orphan nobody can reach is the safer failure.
import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUuid } from '@tsunagu/domain';
import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner } from 'typeorm';
import type { RequestActor } from '../auth/actor';
import { APP_CONFIG, AppConfig } from '../config/config';
import { AppError } from '../graphql/app-error';
import { fileErrors } from './file-errors';
import { FILE_STORAGE, FileStorage, StorageDriver } from './file-storage';
import { claimedType, extensionOf, FileTypeKey, isTextType, sniffFile } from './file-types';

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
export class FilesService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(FilesService.name);
  /** Bytes written in a transaction not yet committed, with the savepoint depth they were written at. */
  private readonly pending = new WeakMap<QueryRunner, Array<{ key: string; depth: number }>>();
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

  onModuleDestroy(): void {
    const index = this.dataSource.subscribers.indexOf(this.rollbackCleanup);
    if (index >= 0) this.dataSource.subscribers.splice(index, 1);
  }

  get maxBytes(): number {
    return this.config.files.maxBytes;
  }

  /**
   * Checks and stores a file within the caller's transaction (runInTenant). Throws
   * BAD_USER_INPUT with reason FILE_EMPTY, FILE_TOO_LARGE, FILE_NAME_INVALID,
   * FILE_TYPE_NOT_ALLOWED or FILE_TYPE_MISMATCH; nothing is stored then.
   */
  async store(manager: EntityManager, owner: FileOwner, input: StoreFileInput): Promise<StoredFile> {
    const queryRunner = manager.queryRunner;
    if (!queryRunner?.isTransactionActive) throw new Error('FilesService.store must run inside a transaction (runInTenant)');
    const { bytes, allowedTypes } = input;
    if (!/^[A-Z][A-Z0-9_]{0,39}$/.test(input.purpose)) throw new Error(`Not a file purpose: ${input.purpose}`);
    if (bytes.length === 0) throw fileErrors.empty();
    if (bytes.length > this.maxBytes) throw fileErrors.tooLarge(this.maxBytes);
    const fileName = cleanFileName(input.fileName);
    if (!fileName) throw fileErrors.nameInvalid();
    const claimed = claimedType(fileName, allowedTypes);
    if (!claimed) throw fileErrors.notAllowed(allowedTypes);
    const found = sniffFile(bytes, claimed);
    const agrees = found.key === claimed || (isTextType(claimed) && found.key !== null && isTextType(found.key));
    if (!agrees) throw fileErrors.mismatch(fileName, claimed, found, allowedTypes);

    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const storageKey = `${owner.tenantId}/${randomUUID()}`;
    await this.storage.put(storageKey, bytes, found.mediaType);
    this.remember(queryRunner, storageKey);
    try {
      const [row]: FileRow[] = await manager.query(
        `INSERT INTO files (tenant_id, organization_id, uploaded_by_membership_id, file_name, media_type, byte_size, sha256,
                            storage_driver, storage_key, purpose)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         RETURNING ${FILE_COLUMNS}`,
        [owner.tenantId, owner.organizationId, owner.membershipId, fileName, found.mediaType, bytes.length, sha256,
          this.storage.driver, storageKey, input.purpose],
      );
      return toStoredFile(row);
    } catch (error) {
      await this.discard(queryRunner, storageKey);
      throw error;
    }
  }

  /**
   * The file's row, or NOT_FOUND when the id is not a UUID or row-level security hides it
   * (another network's file that is not attached to a public grant). Metadata only.
   */
  async find(manager: EntityManager, actor: Pick<RequestActor, 'tenantId'>, fileId: string): Promise<StoredFile> {
    if (!isUuid(fileId)) throw new AppError('NOT_FOUND');
    // The caller's own network first, through the primary key; then any file RLS lets through.
    const own: FileRow[] = await manager.query(`SELECT ${FILE_COLUMNS} FROM files WHERE tenant_id = $1 AND id = $2`, [
      actor.tenantId,
      fileId,
    ]);
    const rows: FileRow[] = own.length ? own : await manager.query(`SELECT ${FILE_COLUMNS} FROM files WHERE id = $1 LIMIT 1`, [fileId]);
    if (!rows[0]) throw new AppError('NOT_FOUND');
    return toStoredFile(rows[0]);
  }

  /** The file's row and its bytes as a stream (NOT_FOUND as for `find`). */
  async open(manager: EntityManager, actor: Pick<RequestActor, 'tenantId'>, fileId: string): Promise<OpenedFile> {
    const file = await this.find(manager, actor, fileId);
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

/** TypeORM keeps the savepoint depth protected; 0 once the outer transaction has ended. */
function transactionDepth(queryRunner: QueryRunner): number {
  if (!queryRunner.isTransactionActive) return 0;
  return (queryRunner as unknown as { transactionDepth?: number }).transactionDepth ?? 1;
}

function toStoredFile(row: FileRow): StoredFile {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    organizationId: row.organization_id,
    uploadedByMembershipId: row.uploaded_by_membership_id,
    fileName: row.file_name,
    mediaType: row.media_type,
    byteSize: Number(row.byte_size),
    sha256: row.sha256,
    purpose: row.purpose,
    storageDriver: row.storage_driver,
    storageKey: row.storage_key,
    createdAt: row.created_at,
  };
}
