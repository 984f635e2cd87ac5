// Where the product under test listens; shared by playwright.config.ts and the tests.
export const baseURL = process.env['E2E_BASE_URL'] ?? 'http://127.0.0.1:3100';
/** The local mail catcher's viewer (tools/mail-catcher.mjs), fixed so tests can read the mail. */
export const mailCatcherPort = process.env['E2E_MAIL_CATCHER_PORT'] ?? '3180';
