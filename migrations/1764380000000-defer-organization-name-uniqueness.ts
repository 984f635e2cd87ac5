// Organisation names stay unique in a network, but the check may wait for the end of a
// transaction: an HSDS import that swaps two organisations' names (or moves a name along a
// chain of renames) passes through a moment where two rows share a name, and is only wrong if
// that is still so when it commits. INITIALLY IMMEDIATE keeps every other write as it was (a
// duplicate fails at its statement, 23505); the import alone asks for the deferred check with
// SET CONSTRAINTS (apps/api/src/modules/hsds/hsds.service.ts). Same name as before, so code
// that recognises the constraint by name keeps working.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DeferOrganizationNameUniqueness1764380000000 implements MigrationInterface {
  name = 'DeferOrganizationNameUniqueness1764380000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE organizations DROP CONSTRAINT organizations_tenant_id_name_key`);
    await queryRunner.query(
      `ALTER TABLE organizations ADD CONSTRAINT organizations_tenant_id_name_key UNIQUE (tenant_id, name) DEFERRABLE INITIALLY IMMEDIATE`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE organizations DROP CONSTRAINT organizations_tenant_id_name_key`);
    await queryRunner.query(`ALTER TABLE organizations ADD CONSTRAINT organizations_tenant_id_name_key UNIQUE (tenant_id, name)`);
  }
}
