// Opaque single-use secrets (refresh tokens, invitation and reset links): 256 random bits sent
// to the holder, only their SHA-256 stored, so a database leak reveals no usable token.
import { createHash, randomBytes } from 'node:crypto';

export function newSecretToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashSecretToken(token) };
}

export function hashSecretToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/**
 * For throttling keys: a stable, non-reversible label for an address, an (account, address) pair
 * at sign-in, or an account or address asking for password resets.
 */
export function throttleKey(kind: 'ip' | 'account-address' | 'reset-account' | 'reset-ip', value: string): string {
  return `${kind}:${createHash('sha256').update(value, 'utf8').digest('base64url').slice(0, 32)}`;
}
