// Password reset requests waiting for their job (issue 18): the request answers at once, alike for
// every address, and a job finds the account and mails the link. A job payload carries ids only,
// so the address waits here; the job deletes the row as it reads it (rows whose job never
// finished go after a day). Authentication flows only, like password_resets.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PasswordResetRequests1764541000000 implements MigrationInterface {
  name = 'PasswordResetRequests1764541000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`
      CREATE TABLE password_reset_requests (
        id uuid PRIMARY KEY,
        email text NOT NULL CHECK (length(email) <= 320),
        ip inet,
        user_agent text CHECK (length(user_agent) <= 300),
        requested_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q(`CREATE INDEX password_reset_requests_requested_idx ON password_reset_requests (requested_at)`);
    await q(`ALTER TABLE password_reset_requests ENABLE ROW LEVEL SECURITY`);
    await q(`ALTER TABLE password_reset_requests FORCE ROW LEVEL SECURITY`);
    await q(`CREATE POLICY password_reset_requests_auth ON password_reset_requests
               USING (app_in_auth_context()) WITH CHECK (app_in_auth_context())`);
    // Unused links of an account, found when a new one is issued or one is used.
    await q(`CREATE INDEX password_resets_user_open_idx ON password_resets (user_id) WHERE used_at IS NULL AND invalidated_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX password_resets_user_open_idx`);
    await queryRunner.query(`DROP TABLE password_reset_requests`);
  }
}
