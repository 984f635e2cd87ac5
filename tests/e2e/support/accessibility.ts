// Every route of apps/web/src/app/app.tsx, with the demo member who can see it (null: signed out)
// and how to reach a concrete URL, for the axe checks of accessibility.spec.ts. A new route gets
// a row here. Ids are random per seed, so a record's page is reached from the list that links to it.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type Page } from '@playwright/test';
import { setPortal } from './portal';
import { COORDINATOR, DEMO_NETWORK_SLUG, GRANT_EDITOR, LIAISON, NETWORK_ADMIN, STAFF, TRAINER } from './session';

/** A demo member (support/session.ts), or null for a signed-out visitor. */
export type Visitor = { readonly email: string; readonly name: string } | null;

export interface AccessibilityRoute {
  /** The route as app.tsx declares it. */
  readonly route: string;
  readonly as: Visitor;
  /** The URL to open: fixed, or found on the page that links to the record. */
  readonly url: string | ((page: Page) => Promise<string>);
  /** What shows that the page's content has arrived, beyond its heading (content loaded by a later query). */
  readonly ready?: (page: Page) => Promise<void>;
  /** State the page needs (set before the visit) and its undoing (after it, whatever happened). */
  readonly around?: { readonly before: (browser: Browser) => Promise<void>; readonly after: (browser: Browser) => Promise<void> };
}

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** The first link in <main> of `listUrl` whose path is `prefix` followed by a record id. */
export function recordLinkOn(listUrl: string, prefix: string, suffix = ''): (page: Page) => Promise<string> {
  const pattern = new RegExp(`^${prefix}/${uuid}$`);
  return async (page) => {
    await page.goto(listUrl);
    let found: string | undefined;
    await expect
      .poll(
        async () => {
          const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
          found = hrefs.find((href) => pattern.test(href));
          return found;
        },
        { message: `a link to ${prefix}/<id> on ${listUrl}`, timeout: 15_000 },
      )
      .toBeTruthy();
    return `${found}${suffix}`;
  };
}

const service = (suffix = '') => recordLinkOn('/directory', '/directory/services', suffix);
const person = (suffix = '') => recordLinkOn('/people', '/people', suffix);
const grant = (suffix = '') => recordLinkOn('/grants/mine', '/grants', suffix);
const partnership = (suffix = '') => recordLinkOn('/partnerships', '/partnerships', suffix);
const session = (suffix = '') => recordLinkOn('/training/sessions', '/training/sessions', suffix);

export const accessibilityRoutes: readonly AccessibilityRoute[] = [
  // Signed out.
  { route: 'login', as: null, url: '/login' },
  { route: 'forgot-password', as: null, url: '/forgot-password' },
  { route: 'reset-password', as: null, url: '/reset-password?token=not-a-real-token' },
  { route: 'invitations/accept', as: null, url: '/invitations/accept?token=not-a-real-token' },
  { route: 'status', as: null, url: '/status' },
  { route: 'verify', as: null, url: '/verify' },
  {
    route: 'p/:networkSlug',
    as: null,
    url: `/p/${DEMO_NETWORK_SLUG}`,
    ready: (page) => expect(page.getByTestId('portal-service').first()).toBeVisible({ timeout: 15_000 }),
    // The demo portal starts withdrawn; its windows are what the check is about.
    around: { before: (browser) => setPortal(browser, true), after: (browser) => setPortal(browser, false) },
  },
  // The network admin (also an organisation admin): the network's and the organisation's pages.
  { route: '(index)', as: NETWORK_ADMIN, url: '/' },
  { route: 'account', as: NETWORK_ADMIN, url: '/account' },
  { route: 'directory', as: NETWORK_ADMIN, url: '/directory' },
  { route: 'directory/services/new', as: NETWORK_ADMIN, url: '/directory/services/new' },
  { route: 'directory/services/:id', as: NETWORK_ADMIN, url: service() },
  { route: 'directory/services/:id/edit', as: NETWORK_ADMIN, url: recordLinkOn('/organization/profile', '/directory/services', '/edit') },
  { route: 'notifications', as: NETWORK_ADMIN, url: '/notifications' },
  { route: 'grants', as: NETWORK_ADMIN, url: '/grants' },
  { route: 'grants/bookmarks', as: NETWORK_ADMIN, url: '/grants/bookmarks' },
  { route: 'grants/saved', as: NETWORK_ADMIN, url: '/grants/saved' },
  { route: 'grants/applications', as: NETWORK_ADMIN, url: '/grants/applications' },
  { route: 'training', as: NETWORK_ADMIN, url: '/training' },
  { route: 'training/my', as: NETWORK_ADMIN, url: '/training/my' },
  { route: 'training/courses/:id', as: NETWORK_ADMIN, url: recordLinkOn('/training', '/training/courses') },
  { route: 'training/sessions', as: NETWORK_ADMIN, url: '/training/sessions' },
  { route: 'training/sessions/:id', as: NETWORK_ADMIN, url: session() },
  { route: 'reports', as: NETWORK_ADMIN, url: '/reports' },
  { route: 'partnerships', as: NETWORK_ADMIN, url: '/partnerships' },
  { route: 'network-map', as: NETWORK_ADMIN, url: '/network-map' },
  { route: 'organization/members', as: NETWORK_ADMIN, url: '/organization/members' },
  { route: 'organization/profile', as: NETWORK_ADMIN, url: '/organization/profile' },
  { route: 'admin/organizations', as: NETWORK_ADMIN, url: '/admin/organizations' },
  { route: 'admin/portal', as: NETWORK_ADMIN, url: '/admin/portal' },
  { route: 'admin/referrals', as: NETWORK_ADMIN, url: '/admin/referrals' },
  { route: 'admin/directory-exchange', as: NETWORK_ADMIN, url: '/admin/directory-exchange' },
  { route: 'admin/audit', as: NETWORK_ADMIN, url: '/admin/audit' },
  { route: 'admin/security-log', as: NETWORK_ADMIN, url: '/admin/security-log' },
  { route: 'admin/second-factor', as: NETWORK_ADMIN, url: '/admin/second-factor' },
  { route: 'admin/status', as: NETWORK_ADMIN, url: '/admin/status' },
  { route: '* (not found)', as: NETWORK_ADMIN, url: '/no-such-page' },
  // The coordinator: people and referrals (case work).
  { route: 'people', as: COORDINATOR, url: '/people' },
  { route: 'people/shared', as: COORDINATOR, url: '/people/shared' },
  { route: 'people/new', as: COORDINATOR, url: '/people/new' },
  { route: 'people/:id', as: COORDINATOR, url: person() },
  { route: 'people/:id/edit', as: COORDINATOR, url: person('/edit') },
  { route: 'people/:id/correct', as: COORDINATOR, url: person('/correct') },
  { route: 'records/provision', as: COORDINATOR, url: '/records/provision' },
  { route: 'referrals', as: COORDINATOR, url: '/referrals' },
  { route: 'referrals/new', as: COORDINATOR, url: '/referrals/new' },
  { route: 'referrals/:id', as: COORDINATOR, url: recordLinkOn('/referrals?box=outbox', '/referrals') },
  // The staff member wrote the demo's draft referral.
  { route: 'referrals/:id/edit', as: STAFF, url: recordLinkOn('/referrals?box=outbox&status=DRAFT', '/referrals', '/edit') },
  // The grant editor: their organisation's grants.
  { route: 'grants/mine', as: GRANT_EDITOR, url: '/grants/mine' },
  { route: 'grants/new', as: GRANT_EDITOR, url: '/grants/new' },
  { route: 'grants/:id', as: GRANT_EDITOR, url: grant() },
  { route: 'grants/:id/edit', as: GRANT_EDITOR, url: grant('/edit') },
  // The municipal liaison: partnerships.
  { route: 'partnerships/new', as: LIAISON, url: '/partnerships/new' },
  { route: 'partnerships/:id', as: LIAISON, url: partnership() },
  { route: 'partnerships/:id/edit', as: LIAISON, url: partnership('/edit') },
  // The trainer: authoring courses and sessions.
  { route: 'training/manage', as: TRAINER, url: '/training/manage' },
  { route: 'training/manage/new', as: TRAINER, url: '/training/manage/new' },
  { route: 'training/manage/:id', as: TRAINER, url: recordLinkOn('/training/manage', '/training/manage') },
  { route: 'training/sessions/new', as: TRAINER, url: '/training/sessions/new' },
  { route: 'training/sessions/:id/edit', as: TRAINER, url: session('/edit') },
  { route: 'training/reports', as: TRAINER, url: '/training/reports' },
];

/** WCAG 2.x level A and AA rules: what the acceptance (and the law's JIS X 8341-3) asks. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * The serious and critical axe violations on the page as it stands, one line per rule and
 * element (rule id, impact, CSS target, axe's summary), so a failure says what to fix where.
 */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id} (${violation.impact}) ${node.target.join(' ')}: ${node.failureSummary?.split('\n').slice(1).join(' ')}`),
    );
}

/** Opens the route's URL and waits until the page has loaded its data (a heading, no requests in flight). */
export async function openRoute(page: Page, route: AccessibilityRoute): Promise<string> {
  const url = typeof route.url === 'string' ? route.url : await route.url(page);
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible({ timeout: 15_000 });
  await route.ready?.(page);
  await page.waitForLoadState('networkidle');
  return url;
}
