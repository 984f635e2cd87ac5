// Where the product under test listens; shared by playwright.config.ts and the tests.
export const baseURL = process.env['E2E_BASE_URL'] ?? 'http://127.0.0.1:3100';
/** The local mail catcher's viewer (tools/mail-catcher.mjs), fixed so tests can read the mail. */
export const mailCatcherPort = process.env['E2E_MAIL_CATCHER_PORT'] ?? '3180';
/**
 * The same server under the name localhost: WebAuthn refuses an IP address as relying party, so
 * passkey tests open the app here (playwright.config.ts sets WEBAUTHN_RP_ID and _ORIGINS to it).
 */
export const passkeyBaseURL = (() => {
  const url = new URL(baseURL);
  url.hostname = 'localhost';
  return url.origin;
})();
