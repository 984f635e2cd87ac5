// The stored passkeys (user_passkeys) as the WebAuthn ceremonies need them: plain functions on a
// transaction's manager (the user's own, or the auth context before anyone is signed in).
import type { AuthenticatorTransportFuture, WebAuthnCredential } from '@simplewebauthn/server';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../../core/database/returning';

export interface StoredPasskey {
  readonly id: string;
  readonly userId: string;
  readonly credential: WebAuthnCredential;
}

interface PasskeyRow {
  id: string;
  user_id: string;
  credential_id: string;
  public_key: Buffer;
  sign_count: string;
  transports: string[];
}

const COLUMNS = `p.id, p.user_id, p.credential_id, p.public_key, p.sign_count, p.transports`;

function toStored(row: PasskeyRow): StoredPasskey {
  return {
    id: row.id,
    userId: row.user_id,
    credential: {
      id: row.credential_id,
      publicKey: new Uint8Array(row.public_key),
      counter: Number(row.sign_count),
      transports: row.transports as AuthenticatorTransportFuture[],
    },
  };
}

/** The user's passkeys, oldest first (excludeCredentials, allowCredentials). */
export async function passkeysOf(manager: EntityManager, userId: string): Promise<StoredPasskey[]> {
  const rows = await queryRows<PasskeyRow>(
    manager,
    `SELECT ${COLUMNS} FROM user_passkeys p WHERE p.user_id = $1 ORDER BY p.created_at, p.id LIMIT 100`,
    [userId],
  );
  return rows.map(toStored);
}

/** The passkey with this credential id, of an account that is not disabled; locked for the counter update. */
export async function passkeyByCredentialId(manager: EntityManager, credentialId: string): Promise<StoredPasskey | null> {
  const [row] = await queryRows<PasskeyRow>(
    manager,
    `SELECT ${COLUMNS} FROM user_passkeys p JOIN users u ON u.id = p.user_id
      WHERE p.credential_id = $1 AND u.disabled_at IS NULL
      FOR UPDATE OF p`,
    [credentialId],
  );
  return row ? toStored(row) : null;
}

/** After a verified assertion: the authenticator's new counter and backup state, and when. */
export async function recordPasskeyUse(
  manager: EntityManager,
  passkeyId: string,
  use: { readonly counter: number; readonly backedUp: boolean },
): Promise<void> {
  await manager.query(`UPDATE user_passkeys SET sign_count = $2, backed_up = $3, last_used_at = now() WHERE id = $1`, [
    passkeyId,
    use.counter,
    use.backedUp,
  ]);
}
