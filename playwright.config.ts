// End-to-end tests: the built web app in the system Chromium against the real API, started by
// tools/start.mjs (production mode, serving dist/apps/web) on port 3100 with a throwaway data dir.
// Build first (`npx nx build web` and the API); Playwright's own browser downloads are never used.
// The local mail catcher (tools/mail-catcher.mjs) listens on a fixed HTTP port so tests can read
// the mails the API sent (invitation links point at APP_BASE_URL, i.e. this server).
import { defineConfig, devices } from '@playwright/test';
import { baseURL, mailCatcherPort, passkeyBaseURL } from './tests/e2e/support/servers';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'tests/.tmp/e2e-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env['CI'],
  reporter: 'list',
  timeout: 30_000,
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    { name: 'laptop', use: { ...devices['Desktop Chrome'], viewport: { width: 1366, height: 800 } } },
    // A 390 px phone, as coordinators use the app away from a desk (issue 16); it replaces the
    // tablet: what works at 390 px with the collapsed navbar works at a tablet's width too.
    {
      name: 'phone',
      use: { ...devices['Desktop Chrome'], viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 },
    },
  ],
  webServer: {
    command: 'node tools/start.mjs --no-build',
    env: {
      PORT: '3100',
      TSUNAGU_DATA_DIR: 'tests/.tmp/e2e-data',
      EMBEDDED_POSTGRES_PORT: '0',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      APP_BASE_URL: 'http://127.0.0.1:3100',
      // Passkeys need a domain name as relying party: the passkey tests use localhost.
      WEBAUTHN_RP_ID: 'localhost',
      WEBAUTHN_ORIGINS: passkeyBaseURL,
      MAIL_CATCHER_SMTP_PORT: '0',
      MAIL_CATCHER_HTTP_PORT: mailCatcherPort,
      JOBS_POLLING_INTERVAL_SECONDS: '0.5',
    },
    url: 'http://127.0.0.1:3100/readyz',
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
