// The verification page's code box: people type codes from a printed certificate in any case,
// with spaces or without the dashes. The domain's normalizeCertificateCode turns that into the
// printed form (or says it cannot be one); these helpers put it in and out of the URL (?code=).
import { normalizeCertificateCode } from '@tsunagu/domain';

/** The code to ask the API about, or null when what was typed cannot be a certificate code. */
export function codeToVerify(typed: string): string | null {
  return normalizeCertificateCode(typed);
}

/** The ?code= value of the verification page for a code as typed (trimmed; empty = none). */
export function verifyLink(code: string): string {
  const params = new URLSearchParams({ code: code.trim() });
  return `/verify?${params.toString()}`;
}
