// axe-core on every route of the web app (support/accessibility.ts lists them), signed out and as
// the demo member who can see each page, in every project (laptop and phone): no serious or
// critical violation of the WCAG 2.x A/AA rules (issue 16). One test per visitor, so each signs
// in once; each route is checked softly, so one run lists every page's violations.
import { expect, test } from './support/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { accessibilityRoutes, openRoute, seriousAxeViolations, type AccessibilityRoute } from './support/accessibility';
import { signIn } from './support/session';

// Routes that render no page of their own (a redirect), so axe has nothing more to check there.
const REDIRECTS = new Set(['home']);

test('the route table lists every page route of app.tsx', () => {
  const app = readFileSync(path.join(__dirname, '../../apps/web/src/app/app.tsx'), 'utf8');
  const declared = [...app.matchAll(/<Route path="([^"]+)"/g)].map(([, route]) => route).filter((route) => route !== '*' && !REDIRECTS.has(route));
  const listed = new Set(accessibilityRoutes.map((route) => route.route));
  expect(declared.filter((route) => !listed.has(route))).toEqual([]);
  expect(app).toContain('<Route index element={<HomePage />} />');
  expect(listed).toContain('(index)');
  expect(listed).toContain('* (not found)');
});

const byVisitor = new Map<string, AccessibilityRoute[]>();
for (const route of accessibilityRoutes) {
  const key = route.as?.email ?? 'signed out';
  byVisitor.set(key, [...(byVisitor.get(key) ?? []), route]);
}

for (const [visitor, routes] of byVisitor) {
  test(`no serious axe violations: ${visitor} (${routes.length} routes)`, async ({ page, browser }) => {
    // About 10 s a route on a busy machine (a record page is found through its list first).
    test.setTimeout(30_000 + routes.length * 12_000);
    const member = routes[0].as;
    if (member) await signIn(page, member.email);
    for (const route of routes) {
      await test.step(route.route, async () => {
        await route.around?.before(browser);
        try {
          const url = await openRoute(page, route);
          expect.soft(await seriousAxeViolations(page), `${route.route} (${url})`).toEqual([]);
        } finally {
          await route.around?.after(browser);
        }
      });
    }
  });
}
