// The `test` every e2e spec imports (`import { expect, test } from './support/test'`): Playwright's
// own, plus an automatic guard that fails the test when the web app breaks its
// Content-Security-Policy in any page of any browser context the test opens (the default one and
// those made with browser.newContext). A violation does not always break what a test checks (a
// blocked style still leaves the button clickable), so the guard is what keeps the policy and
// the app in step. Everything else is re-exported unchanged.
import { test as base, type BrowserContext, type Page } from '@playwright/test';

export * from '@playwright/test';

/** What Chromium writes for a blocked load, inline script or style, eval, and what the init script reports. */
const CSP_MESSAGE = /Content Security Policy|securitypolicyviolation|unsafe-eval|unsafe-inline/i;

/** Reports every violation as a console error, also those Chromium would describe only in DevTools. */
function reportViolationsInPage(): void {
  document.addEventListener('securitypolicyviolation', (event) => {
    console.error(
      `securitypolicyviolation: ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`,
    );
  });
}

export const test = base.extend<{ contentSecurityPolicyGuard: void }>({
  contentSecurityPolicyGuard: [
    async ({ browser, context }, use, testInfo) => {
      const violations: string[] = [];
      const watchPage = (page: Page) => {
        page.on('console', (message) => {
          if (CSP_MESSAGE.test(message.text())) violations.push(`${page.url()} console ${message.type()}: ${message.text()}`);
        });
        page.on('pageerror', (error) => {
          if (CSP_MESSAGE.test(`${error.name}: ${error.message}`)) violations.push(`${page.url()} page error: ${error.message}`);
        });
      };
      const watchContext = (watched: BrowserContext) => {
        // Not awaited for a context the test makes itself (an event cannot wait): Chromium's own
        // console message for a violation is the guard's first source anyway.
        const reporting = watched.addInitScript(reportViolationsInPage).catch(() => undefined);
        for (const page of watched.pages()) watchPage(page);
        watched.on('page', watchPage);
        return reporting;
      };
      await watchContext(context);
      browser.on('context', watchContext);
      try {
        await use();
      } finally {
        browser.off('context', watchContext);
      }
      if (violations.length) {
        await testInfo.attach('content-security-policy-violations', { body: violations.join('\n'), contentType: 'text/plain' });
        throw new Error(`The web app broke its Content-Security-Policy:\n${[...new Set(violations)].join('\n')}`);
      }
    },
    { auto: true },
  ],
});
