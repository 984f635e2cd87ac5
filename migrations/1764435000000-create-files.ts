// Stored files (attachments of grants, later training materials and partnership documents).
// The bytes live in the configured storage (local disk by default, S3-compatible by
// configuration); this table is the catalogue: who uploaded what, its sniffed type, size and
// checksum, and where the storage keeps it. Downloads go through the API, which checks the
// caller may see what the file is attached to.
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createTenantOwnedTable, tenantForeignKey } from './lib/tenant-owned-table';

export class CreateFiles1764435000000 implements MigrationInterface {
  name = 'CreateFiles1764435000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await createTenantOwnedTable(queryRunner, 'files', [
      `organization_id uuid NOT NULL`,
      `uploaded_by_membership_id uuid`,
      `file_name text NOT NULL CHECK (length(btrim(file_name)) BETWEEN 1 AND 200)`,
      // The type found in the content, never the one claimed by the name or the browser.
      `media_type text NOT NULL CHECK (length(media_type) BETWEEN 3 AND 100)`,
      `byte_size bigint NOT NULL CHECK (byte_size > 0)`,
      `sha256 char(64) NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$')`,
      `storage_driver text NOT NULL CHECK (storage_driver IN ('local', 's3'))`,
      `storage_key text NOT NULL CHECK (length(storage_key) BETWEEN 1 AND 500)`,
      `purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 40)`,
      tenantForeignKey('organization_id', 'organizations'),
      tenantForeignKey('uploaded_by_membership_id', 'memberships', 'SET NULL (uploaded_by_membership_id)'),
      `UNIQUE (storage_driver, storage_key)`,
    ]);
    await queryRunner.query(`CREATE INDEX files_organization_idx ON files (tenant_id, organization_id, created_at, id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE files`);
  }
}
