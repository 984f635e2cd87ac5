// What a user has enrolled as a second factor, and what their network's policy asks of them
// (issue 18). Read by sign-in (is a second step needed? must this session enrol first?), by `me`
// (the web's prompt and blocked state) and by the enrolment flows. Plain functions over a
// transaction the caller opened (auth context or the user's own).
import { createHash, randomBytes } from 'node:crypto';
import { fallsUnderSecondFactorPolicy, normalizeRecoveryCode, type Role } from '@tsunagu/domain';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../database/returning';

/** The factors that answer a second step (recovery codes are a fallback of these, not one). */
export type SecondFactorKind = 'TOTP' | 'PASSKEY';
export type SecondStepMethod = SecondFactorKind | 'RECOVERY_CODE';

export interface EnrolledFactors {
  readonly factors: SecondFactorKind[];
  readonly recoveryCodesLeft: number;
}

/** The user's confirmed factors and unused recovery codes: one statement. */
export async function enrolledFactors(manager: EntityManager, userId: string): Promise<EnrolledFactors> {
  // users.second_factor_kinds mirrors the factor tables (kept by their triggers, migration 1764542000000).
  const [row] = await queryRows<{ totp: boolean; passkey: boolean; recovery_codes_left: number }>(
    manager,
    `SELECT 'TOTP' = ANY (second_factor_kinds) AS totp, 'PASSKEY' = ANY (second_factor_kinds) AS passkey,
            (SELECT count(*)::int FROM user_recovery_codes WHERE user_id = $1 AND used_at IS NULL) AS recovery_codes_left
       FROM users WHERE id = $1`,
    [userId],
  );
  const factors: SecondFactorKind[] = [];
  if (row?.totp) factors.push('TOTP');
  if (row?.passkey) factors.push('PASSKEY');
  return { factors, recoveryCodesLeft: row?.recovery_codes_left ?? 0 };
}

/** The ways a pending second step may be answered (none: no second step). */
export function secondStepMethods(enrolled: EnrolledFactors): SecondStepMethod[] {
  if (!enrolled.factors.length) return [];
  return enrolled.recoveryCodesLeft > 0 ? [...enrolled.factors, 'RECOVERY_CODE'] : [...enrolled.factors];
}

export interface NetworkPolicy {
  readonly requiredSince: Date | null;
  readonly graceUntil: Date | null;
}

export type PolicyStanding =
  /** The policy does not ask this membership for a factor (off, or roles outside it), or it has one. */
  | { readonly kind: 'NOT_REQUIRED' }
  /** Asked at every sign-in, may go on until `dueBy`. */
  | { readonly kind: 'GRACE'; readonly dueBy: Date | null }
  /** Past the grace period without a factor: only enrolment is open. */
  | { readonly kind: 'ENFORCED'; readonly dueBy: Date | null };

/** What the network's policy asks of a member with `roles` who has (or lacks) a factor, at `now`. */
export function policyStanding(policy: NetworkPolicy, roles: readonly Role[], hasFactor: boolean, now: Date): PolicyStanding {
  if (!policy.requiredSince || hasFactor || !fallsUnderSecondFactorPolicy(roles)) return { kind: 'NOT_REQUIRED' };
  if (policy.graceUntil && policy.graceUntil.getTime() > now.getTime()) return { kind: 'GRACE', dueBy: policy.graceUntil };
  return { kind: 'ENFORCED', dueBy: policy.graceUntil };
}

/** The policy of the membership's network and the membership's roles. */
export async function membershipPolicy(
  manager: EntityManager,
  userId: string,
  membershipId: string,
): Promise<{ roles: Role[]; policy: NetworkPolicy } | null> {
  const [row] = await queryRows<{ roles: Role[]; required_since: Date | null; grace_until: Date | null }>(
    manager,
    `SELECT m.roles, n.second_factor_required_since AS required_since, n.second_factor_grace_until AS grace_until
       FROM memberships m JOIN networks n ON n.id = m.tenant_id
      WHERE m.id = $1 AND m.user_id = $2`,
    [membershipId, userId],
  );
  return row ? { roles: row.roles, policy: { requiredSince: row.required_since, graceUntil: row.grace_until } } : null;
}

/**
 * Marks a new session as "enrol first" when the policy of its membership's network is past its
 * grace period and the user has no factor. Returns the standing, for the caller to report.
 */
export async function applySecondFactorPolicy(
  manager: EntityManager,
  input: { readonly userId: string; readonly membershipId: string; readonly sessionId: string; readonly now: Date },
): Promise<PolicyStanding> {
  const [membership, enrolled] = [
    await membershipPolicy(manager, input.userId, input.membershipId),
    await enrolledFactors(manager, input.userId),
  ];
  const standing = membership
    ? policyStanding(membership.policy, membership.roles, enrolled.factors.length > 0, input.now)
    : ({ kind: 'NOT_REQUIRED' } as const);
  await manager.query(`UPDATE sessions SET second_factor_enrolment_required = $3 WHERE id = $1 AND user_id = $2`, [
    input.sessionId,
    input.userId,
    standing.kind === 'ENFORCED',
  ]);
  return standing;
}

// --- recovery codes ------------------------------------------------------------------------------

export const RECOVERY_CODE_COUNT = 10;
/** 16 characters of a 32-letter alphabet: 80 random bits per code. */
const RECOVERY_CODE_LENGTH = 16;
/** Crockford's base32 in lower case: no i, l, o or u to misread. 256 is a multiple of 32: no bias. */
const RECOVERY_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * A code as shown: four groups of four. 80 random bits make a fast hash (SHA-256) enough, as for
 * the other random tokens (secret-tokens.ts): no dictionary to try, and 2^80 guesses are out of
 * reach even with the stored hashes; a slow password hash would only slow sign-in.
 */
function newRecoveryCode(): string {
  const bytes = randomBytes(RECOVERY_CODE_LENGTH);
  const letters = Array.from(bytes, (byte) => RECOVERY_ALPHABET[byte % 32]);
  return [0, 4, 8, 12].map((start) => letters.slice(start, start + 4).join('')).join('-');
}

export function hashRecoveryCode(input: string): Buffer {
  return createHash('sha256').update(normalizeRecoveryCode(input), 'utf8').digest();
}

/** Replaces every recovery code of the user with new ones; returns them (shown once). */
export async function replaceRecoveryCodes(manager: EntityManager, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await manager.query(`DELETE FROM user_recovery_codes WHERE user_id = $1`, [userId]);
  await manager.query(
    `INSERT INTO user_recovery_codes (user_id, code_hash) SELECT $1, unnest($2::bytea[])`,
    [userId, codes.map(hashRecoveryCode)],
  );
  return codes;
}

/** Uses one recovery code; false when it is unknown or already used. */
export async function spendRecoveryCode(manager: EntityManager, userId: string, code: string): Promise<boolean> {
  const rows = await queryRows(
    manager,
    `UPDATE user_recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id`,
    [userId, hashRecoveryCode(code)],
  );
  return rows.length > 0;
}
