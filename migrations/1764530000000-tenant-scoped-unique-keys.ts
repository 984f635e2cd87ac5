// Unique keys of tenant tables include tenant_id, as Citus requires of a distributed table
// (docs/scaling.md; tests/integration/tenant-distribution.spec.ts keeps it so):
//
//   - invitations: the token hash is unique within its network. The token is 32 random bytes,
//     so a hash shared across networks does not happen; acceptance still finds the invitation by
//     hash alone (before any network is known), through a plain index.
//   - files: the storage key starts with the network's id (as uploads and the demo seed have
//     always written it), now checked, so a key unique within its network is unique everywhere
//     and no two networks' rows can point at the same bytes.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TenantScopedUniqueKeys1764530000000 implements MigrationInterface {
  name = 'TenantScopedUniqueKeys1764530000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`ALTER TABLE invitations DROP CONSTRAINT invitations_token_hash_key`);
    await q(`ALTER TABLE invitations ADD CONSTRAINT invitations_tenant_id_token_hash_key UNIQUE (tenant_id, token_hash)`);
    await q(`CREATE INDEX invitations_token_hash_idx ON invitations (token_hash)`);

    await q(`ALTER TABLE files ADD CONSTRAINT files_storage_key_of_tenant CHECK (starts_with(storage_key, tenant_id::text || '/'))`);
    await q(`ALTER TABLE files DROP CONSTRAINT files_storage_driver_storage_key_key`);
    await q(`ALTER TABLE files ADD CONSTRAINT files_tenant_id_storage_driver_storage_key_key UNIQUE (tenant_id, storage_driver, storage_key)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`ALTER TABLE files DROP CONSTRAINT files_tenant_id_storage_driver_storage_key_key`);
    await q(`ALTER TABLE files ADD CONSTRAINT files_storage_driver_storage_key_key UNIQUE (storage_driver, storage_key)`);
    await q(`ALTER TABLE files DROP CONSTRAINT files_storage_key_of_tenant`);

    await q(`DROP INDEX invitations_token_hash_idx`);
    await q(`ALTER TABLE invitations DROP CONSTRAINT invitations_tenant_id_token_hash_key`);
    await q(`ALTER TABLE invitations ADD CONSTRAINT invitations_token_hash_key UNIQUE (token_hash)`);
  }
}
