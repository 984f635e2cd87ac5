// Accounts: organisations and memberships (tenant-owned), users and their sessions (global: a
// person has one login across networks), invitations, password resets, login throttling and
// the append-only audit log.
//
// Row-level security on the global tables uses two more per-transaction settings besides
// app.tenant_id: app.user_id (the authenticated user: their own rows) and app.auth = 'on'
// (authentication flows only — login, refresh, invitation and reset — which must find a user
// or a token before any tenant is known; set by core/auth's runInAuthContext and nowhere else).
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createTenantOwnedTable, dropTables, makeAppendOnly, tenantForeignKey } from './lib/tenant-owned-table';

const ORGANIZATION_KINDS = `'NPO', 'INTERMEDIARY', 'MUNICIPALITY', 'SOCIAL_WELFARE_COUNCIL', 'OTHER'`;
const ROLES = `'NETWORK_ADMIN', 'ORG_ADMIN', 'COORDINATOR', 'GRANT_EDITOR', 'LIAISON', 'TRAINER', 'STAFF'`;

export class CreateAccounts1764250000000 implements MigrationInterface {
  name = 'CreateAccounts1764250000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);

    await q(`
      CREATE FUNCTION app_current_user() RETURNS uuid
      LANGUAGE sql STABLE PARALLEL SAFE
      AS $$ SELECT NULLIF(current_setting('app.user_id', true), '')::uuid $$`);
    await q(`
      CREATE FUNCTION app_in_auth_context() RETURNS boolean
      LANGUAGE sql STABLE PARALLEL SAFE
      AS $$ SELECT coalesce(current_setting('app.auth', true), '') = 'on' $$`);

    // --- users (global) -------------------------------------------------------------------
    await q(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(btrim(email)) AND length(email) BETWEEN 3 AND 254),
        display_name text NOT NULL CHECK (length(btrim(display_name)) BETWEEN 1 AND 100),
        preferred_language text NOT NULL DEFAULT 'ja' CHECK (preferred_language IN ('ja', 'en')),
        password_hash text NOT NULL,
        password_changed_at timestamptz NOT NULL DEFAULT now(),
        disabled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q(`CREATE UNIQUE INDEX users_email_key ON users (email)`);
    await q(`CREATE TRIGGER users_touch_updated_at BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION app_touch_updated_at()`);

    // --- organisations and memberships (tenant-owned) ----------------------------------------
    await createTenantOwnedTable(queryRunner, 'organizations', [
      `kind text NOT NULL CHECK (kind IN (${ORGANIZATION_KINDS}))`,
      `name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200)`,
      `name_kana text CHECK (name_kana IS NULL OR length(btrim(name_kana)) BETWEEN 1 AND 200)`,
      `corporate_number char(13) CHECK (corporate_number IS NULL OR corporate_number ~ '^[0-9]{13}$')`,
      `municipality_code char(5) CHECK (municipality_code IS NULL OR municipality_code ~ '^[0-9]{5}$')`,
      `UNIQUE (tenant_id, name)`,
    ]);
    await q(`CREATE INDEX organizations_tenant_name_idx ON organizations (tenant_id, name, id)`);

    await createTenantOwnedTable(queryRunner, 'memberships', [
      `user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE`,
      `organization_id uuid NOT NULL`,
      `roles text[] NOT NULL CHECK (cardinality(roles) >= 1 AND roles <@ ARRAY[${ROLES}]::text[])`,
      `disabled_at timestamptz`,
      tenantForeignKey('organization_id', 'organizations', 'CASCADE'),
      `UNIQUE (tenant_id, organization_id, user_id)`,
    ]);
    await q(`CREATE INDEX memberships_user_idx ON memberships (user_id)`);
    await q(`CREATE INDEX memberships_organization_idx ON memberships (tenant_id, organization_id, created_at, id)`);

    // A user sees their own memberships in every network (to choose the active one), and the
    // networks and organisations those memberships point at.
    await q(`CREATE POLICY memberships_own ON memberships FOR SELECT USING (user_id = app_current_user())`);
    await q(`CREATE POLICY memberships_auth ON memberships FOR SELECT USING (app_in_auth_context())`);
    await q(`
      CREATE POLICY organizations_of_own_memberships ON organizations FOR SELECT USING (
        EXISTS (SELECT 1 FROM memberships m
                 WHERE m.tenant_id = organizations.tenant_id AND m.organization_id = organizations.id
                   AND m.user_id = app_current_user()))`);
    await q(`CREATE POLICY organizations_auth ON organizations FOR SELECT USING (app_in_auth_context())`);
    await q(`
      CREATE POLICY networks_of_own_memberships ON networks FOR SELECT USING (
        EXISTS (SELECT 1 FROM memberships m WHERE m.tenant_id = networks.id AND m.user_id = app_current_user()))`);
    await q(`CREATE POLICY networks_auth ON networks FOR SELECT USING (app_in_auth_context())`);

    // Users: yourself; people with a membership in the current network; anyone during an
    // authentication flow. Created only by authentication flows (invitation acceptance).
    await q(`ALTER TABLE users ENABLE ROW LEVEL SECURITY`);
    await q(`ALTER TABLE users FORCE ROW LEVEL SECURITY`);
    await q(`
      CREATE POLICY users_visible ON users FOR SELECT USING (
        id = app_current_user() OR app_in_auth_context()
        OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id AND m.tenant_id = app_current_tenant()))`);
    await q(`CREATE POLICY users_insert ON users FOR INSERT WITH CHECK (app_in_auth_context())`);
    await q(`
      CREATE POLICY users_update ON users FOR UPDATE
        USING (id = app_current_user() OR app_in_auth_context())
        WITH CHECK (id = app_current_user() OR app_in_auth_context())`);

    // --- sessions and refresh tokens (global, per user) -----------------------------------------
    await q(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        active_membership_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text CHECK (revoked_reason IN ('LOGOUT', 'REVOKED', 'REUSE_DETECTED', 'PASSWORD_CHANGED', 'DISABLED')),
        user_agent text CHECK (length(user_agent) <= 300),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q(`CREATE INDEX sessions_user_idx ON sessions (user_id, created_at)`);
    await q(`CREATE TRIGGER sessions_touch_updated_at BEFORE UPDATE ON sessions FOR EACH ROW EXECUTE FUNCTION app_touch_updated_at()`);
    await q(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        token_hash bytea NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        rotated_at timestamptz
      )`);
    await q(`CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id)`);
    for (const table of ['sessions', 'refresh_tokens']) {
      await q(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q(`CREATE POLICY ${table}_auth ON ${table} USING (app_in_auth_context()) WITH CHECK (app_in_auth_context())`);
    }
    await q(`CREATE POLICY sessions_own ON sessions USING (user_id = app_current_user()) WITH CHECK (user_id = app_current_user())`);

    // --- invitations (tenant-owned) --------------------------------------------------------------
    await createTenantOwnedTable(queryRunner, 'invitations', [
      `organization_id uuid NOT NULL`,
      `email text NOT NULL CHECK (email = lower(btrim(email)) AND length(email) BETWEEN 3 AND 254)`,
      `roles text[] NOT NULL CHECK (cardinality(roles) >= 1 AND roles <@ ARRAY[${ROLES}]::text[])`,
      `token_hash bytea NOT NULL UNIQUE`,
      `invited_by_membership_id uuid NOT NULL`,
      `expires_at timestamptz NOT NULL`,
      `accepted_at timestamptz`,
      `revoked_at timestamptz`,
      tenantForeignKey('organization_id', 'organizations', 'CASCADE'),
      tenantForeignKey('invited_by_membership_id', 'memberships', 'CASCADE'),
    ]);
    await q(`CREATE INDEX invitations_organization_idx ON invitations (tenant_id, organization_id, created_at, id)`);
    await q(`CREATE INDEX invitations_inviter_idx ON invitations (tenant_id, invited_by_membership_id)`);
    await q(`CREATE POLICY invitations_auth ON invitations USING (app_in_auth_context()) WITH CHECK (app_in_auth_context())`);

    // --- password resets and login throttling (global, authentication flows only) ---------------
    await q(`
      CREATE TABLE password_resets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash bytea NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q(`CREATE INDEX password_resets_user_idx ON password_resets (user_id)`);
    // Keyed by a hash of the email (or the client address), never the address itself.
    await q(`
      CREATE TABLE login_throttle (
        key text PRIMARY KEY CHECK (length(key) <= 100),
        failures integer NOT NULL DEFAULT 0,
        window_started_at timestamptz NOT NULL,
        locked_until timestamptz
      )`);
    for (const table of ['password_resets', 'login_throttle']) {
      await q(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q(`CREATE POLICY ${table}_auth ON ${table} USING (app_in_auth_context()) WITH CHECK (app_in_auth_context())`);
    }

    // --- audit log (tenant-owned, append-only) -----------------------------------------------------
    await createTenantOwnedTable(queryRunner, 'audit_log', [
      `actor_user_id uuid REFERENCES users (id) ON DELETE SET NULL`,
      `actor_membership_id uuid`,
      `organization_id uuid`,
      `entity text NOT NULL CHECK (length(entity) <= 60)`,
      `entity_id uuid NOT NULL`,
      `action text NOT NULL CHECK (length(action) <= 60)`,
      `changed_fields text[] NOT NULL DEFAULT '{}'`,
    ]);
    await q(`CREATE INDEX audit_log_entity_idx ON audit_log (tenant_id, entity, entity_id)`);
    await q(`CREATE INDEX audit_log_organization_idx ON audit_log (tenant_id, organization_id, created_at, id)`);
    await q(`CREATE POLICY audit_log_auth_insert ON audit_log FOR INSERT WITH CHECK (app_in_auth_context())`);
    // Nobody changes the audit trail through the application.
    await makeAppendOnly(queryRunner, 'audit_log');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropTables(queryRunner, [
      'audit_log',
      'login_throttle',
      'password_resets',
      'invitations',
      'refresh_tokens',
      'sessions',
    ]);
    await queryRunner.query(`DROP POLICY networks_of_own_memberships ON networks`);
    await queryRunner.query(`DROP POLICY networks_auth ON networks`);
    await queryRunner.query(`DROP POLICY organizations_of_own_memberships ON organizations`);
    await queryRunner.query(`DROP POLICY users_visible ON users`);
    await queryRunner.query(`DROP TABLE memberships`);
    await queryRunner.query(`DROP TABLE organizations`);
    await queryRunner.query(`DROP TABLE users`);
    await queryRunner.query(`DROP FUNCTION app_in_auth_context()`);
    await queryRunner.query(`DROP FUNCTION app_current_user()`);
  }
}
