// Rows the upload endpoint would write, made directly in the database for tests that need a
// stored file to attach, not the upload itself (the bytes are never read).
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

export interface StoredFileOptions {
  readonly purpose: string;
  readonly fileName: string;
  readonly mediaType?: string;
  readonly byteSize?: number;
}

/** A stored file's catalogue row (a PDF of 1234 bytes unless told), as an upload writes it; returns its id. */
export async function storedFileRow(sql: DataSource, tenantId: string, organizationId: string, file: StoredFileOptions): Promise<string> {
  const [row]: Array<{ id: string }> = await sql.query(
    `INSERT INTO files (tenant_id, organization_id, file_name, media_type, byte_size, sha256, storage_driver, storage_key, purpose)
     VALUES ($1, $2, $3, $4, $5, $6, 'local', $7, $8) RETURNING id`,
    [tenantId, organizationId, file.fileName, file.mediaType ?? 'application/pdf', file.byteSize ?? 1234, 'a'.repeat(64), `${tenantId}/${randomUUID()}`, file.purpose],
  );
  return row.id;
}
