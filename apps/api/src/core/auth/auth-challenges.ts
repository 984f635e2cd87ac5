// Short-lived, single-use challenges of the sign-in flows (auth_challenges): the pending second
// step after a right password, a passkey registration, a passwordless passkey sign-in. The token
// handed to the client is random; only its hash is stored. A challenge takes a bounded number of
// wrong answers, then it is spent and the sign-in must start again.
import type { DataSource, EntityManager } from 'typeorm';
import { runInAuthContext } from '../tenancy/tenant-transaction';
import { queryRows } from '../database/returning';
import { hashSecretToken, newSecretToken } from './secret-tokens';
import { ClientInfo, storableAddress, storableUserAgent } from './security-log';

export type ChallengePurpose = 'SECOND_FACTOR' | 'PASSKEY_REGISTRATION' | 'PASSKEY_SIGN_IN';

/** Wrong second-factor answers one challenge takes before it is spent. */
export const MAX_CHALLENGE_FAILURES = 5;
export const CHALLENGE_TTL_SECONDS: Record<ChallengePurpose, number> = {
  SECOND_FACTOR: 5 * 60,
  PASSKEY_REGISTRATION: 5 * 60,
  PASSKEY_SIGN_IN: 5 * 60,
};

export interface IssuedChallenge {
  readonly id: string;
  readonly token: string;
  readonly expiresAt: Date;
}

export interface OpenChallenge {
  readonly id: string;
  readonly userId: string | null;
  readonly webauthnChallenge: string | null;
  readonly failures: number;
}

/** In an auth-context (or the user's own) transaction. */
export async function createChallenge(
  manager: EntityManager,
  input: {
    readonly purpose: ChallengePurpose;
    readonly userId: string | null;
    readonly client: ClientInfo;
    readonly webauthnChallenge?: string | null;
  },
): Promise<IssuedChallenge> {
  const { token, hash } = newSecretToken();
  const [row]: Array<{ id: string; expires_at: Date }> = await manager.query(
    `INSERT INTO auth_challenges (purpose, user_id, token_hash, webauthn_challenge, ip, user_agent, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7)) RETURNING id, expires_at`,
    [
      input.purpose,
      input.userId,
      hash,
      input.webauthnChallenge ?? null,
      storableAddress(input.client.ip),
      storableUserAgent(input.client.userAgent),
      CHALLENGE_TTL_SECONDS[input.purpose],
    ],
  );
  return { id: row.id, token, expiresAt: row.expires_at };
}

/**
 * The open challenge behind `token`, locked for this transaction (two concurrent answers to one
 * challenge are serialised), or null when it is unknown, spent, expired or of another purpose.
 */
export async function findOpenChallenge(
  manager: EntityManager,
  token: string,
  purpose: ChallengePurpose,
): Promise<OpenChallenge | null> {
  const [row] = await queryRows<{ id: string; user_id: string | null; webauthn_challenge: string | null; failures: number }>(
    manager,
    `SELECT id, user_id, webauthn_challenge, failures FROM auth_challenges
      WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()
        AND failures < $3
      FOR UPDATE`,
    [hashSecretToken(token), purpose, MAX_CHALLENGE_FAILURES],
  );
  return row
    ? { id: row.id, userId: row.user_id, webauthnChallenge: row.webauthn_challenge, failures: row.failures }
    : null;
}

/** Marks the challenge spent: it answers nothing again. */
export async function spendChallenge(manager: EntityManager, challengeId: string): Promise<void> {
  await manager.query(`UPDATE auth_challenges SET used_at = now() WHERE id = $1`, [challengeId]);
}

/**
 * Counts a wrong answer. Call it in its own auth-context transaction: the failing request's
 * transaction is rolled back. Returns the failures left before the challenge is spent.
 */
export async function recordChallengeFailure(manager: EntityManager, challengeId: string): Promise<number> {
  const [row] = await queryRows<{ failures: number }>(
    manager,
    `UPDATE auth_challenges SET failures = failures + 1 WHERE id = $1 RETURNING failures`,
    [challengeId],
  );
  return Math.max(0, MAX_CHALLENGE_FAILURES - (row?.failures ?? MAX_CHALLENGE_FAILURES));
}

/** Challenges are kept this long after they expire (a day of sign-in trouble to look into). */
export const ENDED_CHALLENGE_KEPT_HOURS = 24;

/**
 * Deletes challenges that expired more than ENDED_CHALLENGE_KEPT_HOURS ago (spent or not): each
 * holds the address and browser of a sign-in attempt, which nothing needs once it is over.
 * Run nightly with the security log's retention; returns how many went.
 */
export async function purgeEndedChallenges(dataSource: DataSource): Promise<number> {
  const rows = await runInAuthContext(dataSource, (manager) =>
    queryRows(manager, `DELETE FROM auth_challenges WHERE expires_at < now() - make_interval(hours => $1) RETURNING id`, [
      ENDED_CHALLENGE_KEPT_HOURS,
    ]),
  );
  return rows.length;
}
