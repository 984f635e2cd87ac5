// Time-based one-time passwords (RFC 6238) through otplib: 30-second steps, 6 digits, SHA-1 (what
// every authenticator app speaks), one step of drift either way. The time comes from the caller
// (the injected Clock), so tests choose it. A matched code names its time step; the caller keeps
// the last step accepted and passes it back, so a code is never accepted twice (replay).
import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';
import { normalizeTotpCode } from '@tsunagu/domain';

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps of clock drift accepted before and after the current one. */
export const TOTP_WINDOW_STEPS = 1;
/** 160 random bits, as RFC 4226 recommends (base32 for the apps). */
const SECRET_BYTES = 20;
export const TOTP_ISSUER = 'Tsunagu';

export function newTotpSecret(): string {
  return generateSecret({ length: SECRET_BYTES });
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpUri(secret: string, accountLabel: string): string {
  return generateURI({
    issuer: TOTP_ISSUER,
    label: accountLabel,
    secret,
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
  });
}

/**
 * The time step `code` belongs to, or null when it matches no step within the window, or only
 * a step at or before `lastUsedStep` (already used, or older than a code already used).
 */
export function matchTotp(secret: string, codeInput: string, now: Date, lastUsedStep: number | null): number | null {
  const code = normalizeTotpCode(codeInput);
  if (!new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(code)) return null;
  const result = verifySync({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    period: TOTP_PERIOD_SECONDS,
    digits: TOTP_DIGITS,
    epochTolerance: TOTP_WINDOW_STEPS * TOTP_PERIOD_SECONDS,
    ...(lastUsedStep === null ? {} : { afterTimeStep: lastUsedStep }),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** The code an authenticator app shows at `now` (tests and the demo tooling). */
export function totpCodeAt(secret: string, now: Date): string {
  return generateSync({ secret, epoch: Math.floor(now.getTime() / 1000), period: TOTP_PERIOD_SECONDS, digits: TOTP_DIGITS });
}
