// Sign-in fit for special-care data (issue 18): second factors (TOTP, passkeys, recovery codes),
// the pending second step of a sign-in, a network's second-factor policy, throttling by
// (account, address) with back-off instead of account lock-out, and the security log.
//
// Everything here is global (per user, like users and sessions), not tenant-owned: a person has
// one login across networks. Row-level security follows the accounts migration: the user's own
// rows (app.user_id), and authentication flows (app.auth = 'on') that must find them before any
// tenant is known. The security log is also readable, for their own network, through the
// tenant setting (the service lets only network admins ask).
import type { MigrationInterface, QueryRunner } from 'typeorm';

const SESSION_REVOKED_REASONS = [
  'LOGOUT',
  'REVOKED',
  'REUSE_DETECTED',
  'PASSWORD_CHANGED',
  'DISABLED',
  'PASSWORD_RESET',
  'SECOND_FACTOR_CHANGED',
];

export const SECURITY_EVENT_KINDS = [
  'SIGN_IN_SUCCEEDED',
  'SIGN_IN_FAILED',
  'SIGN_IN_THROTTLED',
  'SECOND_FACTOR_SUCCEEDED',
  'SECOND_FACTOR_FAILED',
  'RECOVERY_CODE_USED',
  'PASSWORD_CHANGED',
  'PASSWORD_RESET_REQUESTED',
  'PASSWORD_RESET',
  'TOTP_ENROLLED',
  'TOTP_REMOVED',
  'PASSKEY_ADDED',
  'PASSKEY_REMOVED',
  'RECOVERY_CODES_GENERATED',
  'SESSION_ENDED',
  'OTHER_SESSIONS_ENDED',
  'REFRESH_TOKEN_REUSED',
  'SECOND_FACTOR_POLICY_CHANGED',
] as const;

const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

/** Own rows, or any row during an authentication flow. */
function ownOrAuthPolicy(table: string): string {
  return `CREATE POLICY ${table}_own_or_auth ON ${table}
    USING (user_id = app_current_user() OR app_in_auth_context())
    WITH CHECK (user_id = app_current_user() OR app_in_auth_context())`;
}

export class SignInSecurity1764540000000 implements MigrationInterface {
  name = 'SignInSecurity1764540000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);

    // --- sessions: where from, and how the sign-in was proven ------------------------------------
    await q(`ALTER TABLE sessions ADD COLUMN ip inet, ADD COLUMN last_ip inet`);
    // PASSWORD, PASSWORD+TOTP, PASSWORD+RECOVERY_CODE, PASSWORD+PASSKEY or PASSKEY (passwordless).
    await q(`ALTER TABLE sessions ADD COLUMN authenticated_with text
               CHECK (authenticated_with IN ('PASSWORD', 'TOTP', 'RECOVERY_CODE', 'PASSKEY', 'PASSWORDLESS_PASSKEY'))`);
    // A session signed in past the network's grace period without a second factor: it may only
    // enrol one (and read who it is, and sign out) until it has.
    await q(`ALTER TABLE sessions ADD COLUMN second_factor_enrolment_required boolean NOT NULL DEFAULT false`);
    // The moment the user last proved who they are in this session (password, factor): removing a
    // factor needs it to be recent.
    await q(`ALTER TABLE sessions ADD COLUMN authenticated_at timestamptz NOT NULL DEFAULT now()`);
    await q(`ALTER TABLE sessions DROP CONSTRAINT sessions_revoked_reason_check`);
    await q(`ALTER TABLE sessions ADD CONSTRAINT sessions_revoked_reason_check
               CHECK (revoked_reason IN (${list(SESSION_REVOKED_REASONS)}))`);

    // --- TOTP (RFC 6238): one per user; the secret sealed by FieldCipher like special-care data ---
    await q(`
      CREATE TABLE user_totp (
        user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        secret_sealed bytea NOT NULL,
        -- NULL until the user proved the authenticator app works with a first code.
        confirmed_at timestamptz,
        -- The last time step accepted: a code is never accepted twice (replay).
        last_used_step bigint,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    // --- passkeys (WebAuthn credentials) ---------------------------------------------------------
    await q(`
      CREATE TABLE user_passkeys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        credential_id text NOT NULL CHECK (length(credential_id) BETWEEN 1 AND 1400),
        public_key bytea NOT NULL,
        sign_count bigint NOT NULL DEFAULT 0,
        transports text[] NOT NULL DEFAULT '{}',
        device_type text CHECK (device_type IN ('singleDevice', 'multiDevice')),
        backed_up boolean NOT NULL DEFAULT false,
        label text NOT NULL CHECK (length(btrim(label)) BETWEEN 1 AND 100),
        last_used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q(`CREATE UNIQUE INDEX user_passkeys_credential_key ON user_passkeys (credential_id)`);
    await q(`CREATE INDEX user_passkeys_user_idx ON user_passkeys (user_id, created_at, id)`);

    // --- recovery codes: shown once, stored as hashes, each used once ------------------------------
    await q(`
      CREATE TABLE user_recovery_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        code_hash bytea NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q(`CREATE UNIQUE INDEX user_recovery_codes_hash_key ON user_recovery_codes (user_id, code_hash)`);

    // --- challenges: the pending second step of a sign-in, a passkey ceremony ----------------------
    // A sign-in whose password was right but which still needs a second factor gets a challenge
    // token (hashed here); so do passkey registrations and passwordless sign-ins (which hold the
    // WebAuthn challenge). Short-lived, single-use, with a bounded number of wrong codes.
    await q(`
      CREATE TABLE auth_challenges (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        purpose text NOT NULL CHECK (purpose IN ('SECOND_FACTOR', 'PASSKEY_REGISTRATION', 'PASSKEY_SIGN_IN')),
        user_id uuid REFERENCES users (id) ON DELETE CASCADE,
        token_hash bytea NOT NULL UNIQUE,
        webauthn_challenge text,
        ip inet,
        user_agent text CHECK (length(user_agent) <= 300),
        failures integer NOT NULL DEFAULT 0,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (purpose = 'PASSKEY_SIGN_IN' OR user_id IS NOT NULL)
      )`);
    await q(`CREATE INDEX auth_challenges_user_idx ON auth_challenges (user_id, created_at)`);
    await q(`CREATE INDEX auth_challenges_expires_idx ON auth_challenges (expires_at)`);

    for (const table of ['user_totp', 'user_passkeys']) {
      await q(`CREATE TRIGGER ${table}_touch_updated_at BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION app_touch_updated_at()`);
    }
    for (const table of ['user_totp', 'user_passkeys', 'user_recovery_codes']) {
      await q(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q(ownOrAuthPolicy(table));
    }
    await q(`ALTER TABLE auth_challenges ENABLE ROW LEVEL SECURITY`);
    await q(`ALTER TABLE auth_challenges FORCE ROW LEVEL SECURITY`);
    // Passwordless challenges have no user yet: authentication flows only, plus the user's own
    // registration ceremonies.
    await q(ownOrAuthPolicy('auth_challenges'));

    // --- the network's policy: a second factor for roles that read personal data ----------------
    await q(`ALTER TABLE networks ADD COLUMN second_factor_required_since timestamptz`);
    // Until then, members without a factor are asked to enrol at every sign-in but may go on.
    await q(`ALTER TABLE networks ADD COLUMN second_factor_grace_until timestamptz`);
    await q(`ALTER TABLE networks ADD CONSTRAINT networks_second_factor_grace_check
               CHECK (second_factor_grace_until IS NULL OR second_factor_required_since IS NOT NULL)`);

    // --- throttling by (account, address) with back-off --------------------------------------------
    // Failures delay the next attempt (next_attempt_at) exponentially; keys are hashes of the
    // account and address pair, of the address alone, or of a reset-request scope.
    await q(`ALTER TABLE login_throttle ADD COLUMN next_attempt_at timestamptz`);
    await q(`ALTER TABLE login_throttle ADD COLUMN last_failure_at timestamptz`);

    // --- password resets: a newer token or a reset invalidates every earlier token -----------------
    await q(`ALTER TABLE password_resets ADD COLUMN invalidated_at timestamptz`);

    // --- the security log (append-only) -------------------------------------------------------------
    await q(`
      CREATE TABLE security_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        -- The network whose membership the session acted in, when there was one; account-level
        -- events (a failed password, a factor added) have none and are shown to the admins of
        -- every network the user belongs to.
        network_id uuid REFERENCES networks (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN (${list(SECURITY_EVENT_KINDS)})),
        -- TOTP, PASSKEY, RECOVERY_CODE, PASSWORD…: how, where it applies.
        method text CHECK (length(method) <= 40),
        session_id uuid,
        ip inet,
        user_agent text CHECK (length(user_agent) <= 300),
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q(`CREATE INDEX security_events_user_idx ON security_events (user_id, occurred_at DESC, id DESC)`);
    await q(`CREATE INDEX security_events_network_idx ON security_events (network_id, occurred_at DESC, id DESC)`);
    await q(`CREATE INDEX security_events_occurred_idx ON security_events (occurred_at)`);
    await q(`ALTER TABLE security_events ENABLE ROW LEVEL SECURITY`);
    await q(`ALTER TABLE security_events FORCE ROW LEVEL SECURITY`);
    await q(`CREATE POLICY security_events_insert ON security_events FOR INSERT
               WITH CHECK (user_id = app_current_user() OR app_in_auth_context())`);
    await q(`CREATE POLICY security_events_own ON security_events FOR SELECT USING (user_id = app_current_user())`);
    // Sign-in flows count an account's recent wrong second-factor answers (its limit across
    // challenges) before any user is signed in.
    await q(`CREATE POLICY security_events_auth ON security_events FOR SELECT USING (app_in_auth_context())`);
    // The current network's members, for the events in that network or of the account itself:
    // only in the network admins' security-log context (runAsNetworkSecurityLogReader), never in
    // any other query run as the network.
    await q(`
      CREATE POLICY security_events_network ON security_events FOR SELECT USING (
        coalesce(current_setting('app.security_log', true), '') = 'on'
        AND (network_id = app_current_tenant() OR network_id IS NULL)
        AND EXISTS (SELECT 1 FROM memberships m
                     WHERE m.user_id = security_events.user_id AND m.tenant_id = app_current_tenant()))`);
    await q(`REVOKE UPDATE, DELETE, TRUNCATE ON security_events FROM tsunagu_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const q = (sql: string) => queryRunner.query(sql);
    await q(`DROP TABLE security_events`);
    await q(`ALTER TABLE password_resets DROP COLUMN invalidated_at`);
    await q(`ALTER TABLE login_throttle DROP COLUMN last_failure_at, DROP COLUMN next_attempt_at`);
    await q(`ALTER TABLE networks DROP CONSTRAINT networks_second_factor_grace_check`);
    await q(`ALTER TABLE networks DROP COLUMN second_factor_grace_until, DROP COLUMN second_factor_required_since`);
    await q(`DROP TABLE auth_challenges, user_recovery_codes, user_passkeys, user_totp`);
    await q(`ALTER TABLE sessions DROP CONSTRAINT sessions_revoked_reason_check`);
    await q(`UPDATE sessions SET revoked_reason = 'REVOKED' WHERE revoked_reason IN ('PASSWORD_RESET', 'SECOND_FACTOR_CHANGED')`);
    await q(`ALTER TABLE sessions ADD CONSTRAINT sessions_revoked_reason_check
               CHECK (revoked_reason IN ('LOGOUT', 'REVOKED', 'REUSE_DETECTED', 'PASSWORD_CHANGED', 'DISABLED'))`);
    await q(`ALTER TABLE sessions DROP COLUMN authenticated_at, DROP COLUMN second_factor_enrolment_required,
               DROP COLUMN authenticated_with, DROP COLUMN last_ip, DROP COLUMN ip`);
  }
}
