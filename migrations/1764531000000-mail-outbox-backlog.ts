// The mail outbox's backlog for the metrics endpoint (issue 17): how many mails wait and how long
// the oldest has waited. The application role may only INSERT outbox rows (their bodies carry
// single-use links), so it reads these two aggregates through a function that runs as the owner
// and returns counts only: no row, no recipient, no tenant. The outbox has no tenant column; the
// figures are for the whole installation.
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MailOutboxBacklog1764531000000 implements MigrationInterface {
  name = 'MailOutboxBacklog1764531000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Reads the partial index mail_outbox_pending_created_at only.
    await queryRunner.query(`
      CREATE FUNCTION app_mail_outbox_backlog(OUT pending bigint, OUT oldest_pending_seconds double precision)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT count(*), COALESCE(EXTRACT(EPOCH FROM now() - min(created_at))::double precision, 0)
          FROM mail_outbox WHERE status = 'PENDING'
      $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION app_mail_outbox_backlog() FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION app_mail_outbox_backlog() TO tsunagu_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION app_mail_outbox_backlog()`);
  }
}
