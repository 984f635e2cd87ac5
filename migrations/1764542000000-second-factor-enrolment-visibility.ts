// Network admins see who in their network has enrolled a second factor (issue 18), never the
// factors. Rather than letting network members read user_totp / user_passkeys rows (the TOTP row
// holds the sealed secret), the kinds a user has enrolled are mirrored into users.second_factor_kinds,
// which members of a shared network can already read (users_visible). Triggers keep the mirror: they
// run in the transaction that changes a factor (the user's own or an authentication flow, which may
// update their users row), so it can never disagree with the factor tables.
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { withForcedRowLevelSecurityLifted } from './lib/tenant-owned-table';

export class SecondFactorEnrolmentVisibility1764542000000 implements MigrationInterface {
  name = 'SecondFactorEnrolmentVisibility1764542000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`ALTER TABLE users ADD COLUMN second_factor_kinds text[] NOT NULL DEFAULT '{}'
               CHECK (second_factor_kinds <@ ARRAY['TOTP', 'PASSKEY']::text[])`);
    await q(`
      CREATE FUNCTION app_refresh_second_factor_kinds() RETURNS trigger
      LANGUAGE plpgsql AS $$
      DECLARE
        affected uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.user_id ELSE NEW.user_id END;
      BEGIN
        -- Lock the user first: the UPDATE below then runs with a snapshot taken after any
        -- concurrent factor change of the same user committed (a passkey added while the app is
        -- removed must not leave the mirror empty).
        PERFORM 1 FROM users WHERE id = affected FOR UPDATE;
        UPDATE users SET second_factor_kinds =
          (CASE WHEN EXISTS (SELECT 1 FROM user_totp t WHERE t.user_id = affected AND t.confirmed_at IS NOT NULL)
                THEN ARRAY['TOTP'] ELSE ARRAY[]::text[] END)
          || (CASE WHEN EXISTS (SELECT 1 FROM user_passkeys p WHERE p.user_id = affected)
                THEN ARRAY['PASSKEY'] ELSE ARRAY[]::text[] END)
         WHERE id = affected;
        RETURN NULL;
      END $$`);
    // Factors enrolled before this migration ran (possible only on a database that ran the
    // sign-in security migration first).
    await withForcedRowLevelSecurityLifted(queryRunner, ['users', 'user_totp', 'user_passkeys'], async () => {
      await q(`
        UPDATE users u SET second_factor_kinds =
          (CASE WHEN EXISTS (SELECT 1 FROM user_totp t WHERE t.user_id = u.id AND t.confirmed_at IS NOT NULL)
                THEN ARRAY['TOTP'] ELSE ARRAY[]::text[] END)
          || (CASE WHEN EXISTS (SELECT 1 FROM user_passkeys p WHERE p.user_id = u.id)
                THEN ARRAY['PASSKEY'] ELSE ARRAY[]::text[] END)
         WHERE EXISTS (SELECT 1 FROM user_totp t WHERE t.user_id = u.id) OR EXISTS (SELECT 1 FROM user_passkeys p WHERE p.user_id = u.id)`);
    });
    await q(`CREATE TRIGGER user_totp_second_factor_kinds AFTER INSERT OR DELETE OR UPDATE OF confirmed_at ON user_totp
               FOR EACH ROW EXECUTE FUNCTION app_refresh_second_factor_kinds()`);
    await q(`CREATE TRIGGER user_passkeys_second_factor_kinds AFTER INSERT OR DELETE ON user_passkeys
               FOR EACH ROW EXECUTE FUNCTION app_refresh_second_factor_kinds()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`DROP TRIGGER user_passkeys_second_factor_kinds ON user_passkeys`);
    await q(`DROP TRIGGER user_totp_second_factor_kinds ON user_totp`);
    await q(`DROP FUNCTION app_refresh_second_factor_kinds()`);
    await q(`ALTER TABLE users DROP COLUMN second_factor_kinds`);
  }
}
