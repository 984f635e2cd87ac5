// Rules about accounts that both the API and the web apply.
import type { Role } from './roles';

export const PASSWORD_MIN_LENGTH = 12;
/** Long enough for any passphrase; bounded so hashing cost cannot be abused. */
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordProblem = 'TOO_SHORT' | 'TOO_LONG' | 'COMMON';

/** Length rules only (NIST SP 800-63B: no composition rules); the API adds the common-password list. */
export function passwordLengthProblem(password: string): PasswordProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'TOO_SHORT';
  if (length > PASSWORD_MAX_LENGTH) return 'TOO_LONG';
  return null;
}

/** Emails are compared and stored in one form. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function isPlausibleEmail(email: string): boolean {
  return email.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);
}

export const SUPPORTED_LANGUAGES = ['ja', 'en'] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

/**
 * Which roles a granter may give. NETWORK_ADMIN is given only by a network admin; an
 * organisation admin gives the organisation roles (including ORG_ADMIN) within their own
 * organisation. Nobody else grants anything.
 */
export function grantableRoles(granterRoles: readonly Role[]): readonly Role[] {
  if (granterRoles.includes('NETWORK_ADMIN')) {
    return ['NETWORK_ADMIN', 'ORG_ADMIN', 'COORDINATOR', 'GRANT_EDITOR', 'LIAISON', 'TRAINER', 'STAFF'];
  }
  if (granterRoles.includes('ORG_ADMIN')) {
    return ['ORG_ADMIN', 'COORDINATOR', 'GRANT_EDITOR', 'LIAISON', 'TRAINER', 'STAFF'];
  }
  return [];
}
