// Network admins see who in their network has enrolled a second factor (issue 18), never the
// secrets: the service reads only whether a confirmed TOTP or a passkey exists. Until now only the
// user (and authentication flows) could read these rows. The TOTP secret stays sealed by
// FieldCipher (AES-256-GCM, key outside the database), so a row read here reveals nothing usable.
import type { MigrationInterface, QueryRunner } from 'typeorm';

const FACTOR_TABLES = ['user_totp', 'user_passkeys'] as const;

export class SecondFactorEnrolmentVisibility1764542000000 implements MigrationInterface {
  name = 'SecondFactorEnrolmentVisibility1764542000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of FACTOR_TABLES) {
      await queryRunner.query(`
        CREATE POLICY ${table}_network_members ON ${table} FOR SELECT USING (
          EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = ${table}.user_id AND m.tenant_id = app_current_tenant()))`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of FACTOR_TABLES) {
      await queryRunner.query(`DROP POLICY ${table}_network_members ON ${table}`);
    }
  }
}
