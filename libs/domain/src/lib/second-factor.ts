// The network's second-factor policy (issue 18): which roles it covers, shared by the API (which
// enforces it at sign-in) and the web (which explains it to a network admin).
import type { Role } from './roles';

/** Roles that read personal data; a network may require a second factor of them. */
export const SECOND_FACTOR_POLICY_ROLES: readonly Role[] = ['NETWORK_ADMIN', 'ORG_ADMIN', 'COORDINATOR', 'STAFF'];

export function fallsUnderSecondFactorPolicy(roles: readonly Role[]): boolean {
  return roles.some((role) => SECOND_FACTOR_POLICY_ROLES.includes(role));
}

/** Longest grace period a network admin may give before the policy is enforced. */
export const MAX_SECOND_FACTOR_GRACE_DAYS = 90;

/** A TOTP code as typed: six digits (spaces a person may type are removed first). */
export function normalizeTotpCode(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/** Recovery codes: shown once, typed with or without the dash and in any case. */
export function normalizeRecoveryCode(input: string): string {
  return input.replace(/[\s-]/g, '').toLowerCase();
}
