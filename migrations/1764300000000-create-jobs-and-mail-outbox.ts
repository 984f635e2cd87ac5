// Background jobs and the mail outbox.
//
// Jobs run on pg-boss in its own `pgboss` schema: PostgreSQL is already the system of record, so
// jobs need no extra service, and pg-boss's SKIP LOCKED claims keep several API replicas from
// running the same job twice. The schema is installed here, by the owner, like every other schema
// change; the API connects as the application role with pg-boss's own installer and migrations
// turned off, so the application role needs (and gets) DML and EXECUTE only.
//
// A later pg-boss upgrade that changes its schema version gets its own migration running
// getMigrationPlans(schema, installedVersion) (read the installed one from pgboss.version): the API
// refuses to start against a pg-boss schema older than its library ("requires migrations").
//
// mail_outbox is a system table: mail is written to it in the transaction that causes it and sent
// by a job afterwards. It has no tenant_id (the sender serves every tenant) and the application
// role may only INSERT into it: bodies carry single-use links (invitations, password resets), so
// nothing serving requests may read them back. The sender reads and updates rows as the owner.
import { getConstructionPlans } from 'pg-boss';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const JOBS_SCHEMA = 'pgboss';
const APP_ROLE = 'tsunagu_app';

/**
 * pg-boss wraps its construction SQL in its own BEGIN … COMMIT. Our migrations already run in a
 * transaction (one per migration), and a nested COMMIT would end it half-way, so the wrapper is
 * taken off and the statements run inside the migration's transaction instead.
 */
export function constructionSqlWithoutTransaction(schema: string): string {
  const plan = getConstructionPlans(schema, { createSchema: true });
  const match = /^\s*BEGIN;([\s\S]*);\s*COMMIT;\s*$/.exec(plan);
  if (!match) throw new Error('pg-boss construction plan is not wrapped in BEGIN … COMMIT as expected');
  return match[1];
}

export class CreateJobsAndMailOutbox1764300000000 implements MigrationInterface {
  name = 'CreateJobsAndMailOutbox1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(constructionSqlWithoutTransaction(JOBS_SCHEMA));
    await queryRunner.query(`GRANT USAGE ON SCHEMA ${JOBS_SCHEMA} TO ${APP_ROLE}`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOBS_SCHEMA} TO ${APP_ROLE}`);
    await queryRunner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${JOBS_SCHEMA} TO ${APP_ROLE}`);
    await queryRunner.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${JOBS_SCHEMA} TO ${APP_ROLE}`);
    // Tables pg-boss adds later as the owner (daily queue_stats partitions, per-queue partitions
    // created by a later migration) are reachable without another grant.
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA ${JOBS_SCHEMA} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE}`,
    );
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${JOBS_SCHEMA} GRANT USAGE, SELECT ON SEQUENCES TO ${APP_ROLE}`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${JOBS_SCHEMA} GRANT EXECUTE ON FUNCTIONS TO ${APP_ROLE}`);

    // The id comes from the application (crypto.randomUUID()), not a default: the application role
    // cannot read the row back (no SELECT, so no RETURNING), yet needs the id for the job.
    await queryRunner.query(`
      CREATE TABLE mail_outbox (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind ~ '^[a-z]+(-[a-z]+)*$'),
        recipient text NOT NULL CHECK (length(recipient) BETWEEN 3 AND 320),
        language text NOT NULL CHECK (language IN ('ja', 'en')),
        subject text NOT NULL,
        text_body text NOT NULL,
        html_body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT')),
        attempts int NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error text,
        sent_at timestamptz,
        message_id text UNIQUE,
        CHECK ((status = 'SENT') = (sent_at IS NOT NULL))
      )`);
    // The foundation's default privileges gave the application role full DML on every new table
    // in public; for the outbox it keeps INSERT only.
    await queryRunner.query(`REVOKE ALL ON mail_outbox FROM ${APP_ROLE}`);
    await queryRunner.query(`GRANT INSERT ON mail_outbox TO ${APP_ROLE}`);
    await queryRunner.query(`CREATE INDEX mail_outbox_pending_created_at ON mail_outbox (created_at) WHERE status = 'PENDING'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE mail_outbox`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${JOBS_SCHEMA} REVOKE EXECUTE ON FUNCTIONS FROM ${APP_ROLE}`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA ${JOBS_SCHEMA} REVOKE USAGE, SELECT ON SEQUENCES FROM ${APP_ROLE}`);
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA ${JOBS_SCHEMA} REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM ${APP_ROLE}`,
    );
    await queryRunner.query(`DROP SCHEMA ${JOBS_SCHEMA} CASCADE`);
  }
}
