// Foundation: the application role's privileges, the tenant helpers every tenant table uses,
// and the networks table (the tenant itself).
import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateFoundation1764201600000 implements MigrationInterface {
  name = 'CreateFoundation1764201600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The application role is usually created by whoever provisions the database (with LOGIN
    // and a password). Creating it here as NOLOGIN when absent keeps migrations runnable on a
    // bare server; it is a role without ownership and without BYPASSRLS either way.
    await queryRunner.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tsunagu_app') THEN
          CREATE ROLE tsunagu_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
        END IF;
      END
      $$`);
    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO tsunagu_app`);
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO tsunagu_app`,
    );
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO tsunagu_app`);

    // NULLIF: after a transaction-local set_config ends, the setting reads as '' rather than NULL.
    await queryRunner.query(`
      CREATE FUNCTION app_current_tenant() RETURNS uuid
      LANGUAGE sql STABLE PARALLEL SAFE
      AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$`);
    await queryRunner.query(`
      CREATE FUNCTION app_touch_updated_at() RETURNS trigger
      LANGUAGE plpgsql
      AS $$ BEGIN NEW.updated_at := now(); RETURN NEW; END $$`);

    await queryRunner.query(`
      CREATE TABLE networks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 63),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE TRIGGER networks_touch_updated_at BEFORE UPDATE ON networks FOR EACH ROW EXECUTE FUNCTION app_touch_updated_at()`,
    );
    // A network row is its own tenant: it is visible only inside its own tenant context.
    await queryRunner.query(`ALTER TABLE networks ENABLE ROW LEVEL SECURITY`);
    await queryRunner.query(`ALTER TABLE networks FORCE ROW LEVEL SECURITY`);
    await queryRunner.query(
      `CREATE POLICY networks_tenant_isolation ON networks USING (id = app_current_tenant()) WITH CHECK (id = app_current_tenant())`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE networks`);
    await queryRunner.query(`DROP FUNCTION app_touch_updated_at()`);
    await queryRunner.query(`DROP FUNCTION app_current_tenant()`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM tsunagu_app`);
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM tsunagu_app`,
    );
    await queryRunner.query(`REVOKE USAGE ON SCHEMA public FROM tsunagu_app`);
    // The role itself stays: roles are cluster-wide and may serve other databases.
  }
}
