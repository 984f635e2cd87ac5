// TOTP secrets at rest: sealed with the FieldCipher that protects special-care data, bound to the
// user (the sealing context), so a database dump alone gives no one the codes.
import type { EntityManager } from 'typeorm';
import type { FieldCipher } from '../../core/personal-data/field-cipher';
import { queryRows } from '../../core/database/returning';

function context(userId: string): string {
  return `user-totp/${userId}`;
}

export function sealTotpSecret(cipher: FieldCipher, userId: string, secret: string): Buffer {
  return Buffer.from(cipher.sealJson(secret, context(userId)), 'utf8');
}

export interface StoredTotp {
  readonly secret: string;
  readonly confirmed: boolean;
  readonly lastUsedStep: number | null;
}

/** The user's TOTP row, locked for the transaction (two codes at once are serialised). */
export async function lockedTotp(manager: EntityManager, cipher: FieldCipher, userId: string): Promise<StoredTotp | null> {
  const [row] = await queryRows<{ secret_sealed: Buffer; confirmed_at: Date | null; last_used_step: string | null }>(
    manager,
    `SELECT secret_sealed, confirmed_at, last_used_step FROM user_totp WHERE user_id = $1 FOR UPDATE`,
    [userId],
  );
  if (!row) return null;
  return {
    secret: cipher.openJson<string>(row.secret_sealed.toString('utf8'), context(userId)),
    confirmed: row.confirmed_at !== null,
    lastUsedStep: row.last_used_step === null ? null : Number(row.last_used_step),
  };
}

/** Remembers the step of an accepted code: it and every earlier code are refused from now on. */
export async function markTotpStepUsed(manager: EntityManager, userId: string, step: number): Promise<void> {
  await manager.query(`UPDATE user_totp SET last_used_step = $2 WHERE user_id = $1`, [userId, step]);
}
