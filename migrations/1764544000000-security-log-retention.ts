// Retention of the security log (issue 18): events older than SECURITY_LOG_RETENTION_DAYS (400 by
// default, docs/privacy.md) are deleted by a nightly job. The log is append-only for the
// application role (no UPDATE, no DELETE), so the job deletes through a function that runs as the
// owner and deletes by age only: it takes a number of days, never a row, a user or a network.
//
// Row-level security is forced on the table, for the owner too, so the function (which runs as
// the role migrating now, the owner) needs policies of its own: a DELETE with a WHERE clause also
// needs the rows to pass a SELECT policy. Both are for that role only and both refuse events
// younger than 30 days, so not even the owner's function can cut the recent log. The application
// role has no DELETE privilege at all. Deleting a user still cascades (foreign keys bypass RLS).
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SecurityLogRetention1764544000000 implements MigrationInterface {
  name = 'SecurityLogRetention1764544000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`CREATE POLICY security_events_purge_read ON security_events FOR SELECT TO CURRENT_USER
               USING (occurred_at < now() - interval '30 days')`);
    await q(`CREATE POLICY security_events_purge ON security_events FOR DELETE TO CURRENT_USER
               USING (occurred_at < now() - interval '30 days')`);
    await q(`
      CREATE FUNCTION app_purge_security_events(p_retention_days integer) RETURNS bigint
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        deleted bigint;
      BEGIN
        IF p_retention_days IS NULL OR p_retention_days < 30 THEN
          RAISE EXCEPTION 'app_purge_security_events: keep at least 30 days, not %', p_retention_days;
        END IF;
        -- Reads the index security_events_occurred_idx.
        DELETE FROM security_events WHERE occurred_at < now() - make_interval(days => p_retention_days);
        GET DIAGNOSTICS deleted = ROW_COUNT;
        RETURN deleted;
      END $$`);
    await q(`REVOKE ALL ON FUNCTION app_purge_security_events(integer) FROM PUBLIC`);
    await q(`GRANT EXECUTE ON FUNCTION app_purge_security_events(integer) TO tsunagu_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION app_purge_security_events(integer)`);
    await queryRunner.query(`DROP POLICY security_events_purge ON security_events`);
    await queryRunner.query(`DROP POLICY security_events_purge_read ON security_events`);
  }
}
