// The admin shell in a real browser: Japanese by default, live API health over GraphQL,
// the English switch (remembered across reloads), the navbar's partnerships link and the
// not-found page. Locators use roles and accessible names, as assistive technology would.
// The health moved from home to /admin/status for network admins (issue 16; the home page is
// home.spec.ts); /status stays public.
import { expect, test, type Locator } from './support/test';
import { NETWORK_ADMIN, openNavigationIfCollapsed, signIn } from './support/session';

/** The value (<dd>) shown for a term (<dt>) in a description list. */
function valueOf(scope: Locator, term: string): Locator {
  return scope.locator(`xpath=.//dt[normalize-space()="${term}"]/following-sibling::dd[1]`);
}

test('shows the Japanese shell and the API health by default', async ({ page }) => {
  await signIn(page, NETWORK_ADMIN.email);
  await page.goto('/admin/status');

  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('banner').getByRole('link', { name: 'つなぐ' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'システムの状態' })).toBeVisible();

  const summary = page.getByRole('region', { name: '稼働状況' });
  await expect(summary).toBeVisible();
  await expect(valueOf(summary, '全体の状態')).toHaveText('正常');
  await expect(valueOf(summary, 'データベース')).toHaveText('正常');
  await expect(valueOf(summary, 'バージョン')).toHaveText(/\S+/);
  await expect(valueOf(summary, '環境')).toHaveText(/\S+/);
  await expect(valueOf(summary, '確認日時')).toContainText('日本時間');

  await openNavigationIfCollapsed(page, 'メニューを開く');
  const navigation = page.getByRole('navigation', { name: 'メインメニュー' });
  await expect(navigation.getByRole('link', { name: 'ホーム' })).toBeVisible();
  // Partnerships are built (issue 9): the navbar links to them.
  await expect(navigation.getByRole('link', { name: '連携管理' })).toHaveAttribute('href', '/partnerships');
});

test('refreshes the health on demand', async ({ page }) => {
  await page.goto('/status');
  const summary = page.getByRole('region', { name: '稼働状況' });
  await expect(summary.locator('time')).toBeVisible();

  const refetched = page.waitForResponse(
    (response) => response.url().endsWith('/graphql') && response.request().method() === 'POST',
  );
  await page.getByRole('button', { name: '再読み込み' }).click();
  expect((await refetched).ok()).toBe(true);
  await expect(summary.locator('time')).toBeVisible();
});

test('switches to English and remembers the choice after a reload', async ({ page }) => {
  await signIn(page, NETWORK_ADMIN.email);
  await page.goto('/admin/status');
  const languages = page.getByRole('group', { name: '表示言語' });
  await languages.getByRole('button', { name: 'English' }).click();

  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'System status' })).toBeVisible();
  const summary = page.getByRole('region', { name: 'Service health' });
  await expect(valueOf(summary, 'Overall status')).toHaveText('Up');
  await expect(valueOf(summary, 'Version')).toHaveText(/\S+/);
  await expect(valueOf(summary, 'Checked at')).toContainText('Japan time');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Tsunagu' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Display language' }).getByRole('button', { name: 'English' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'System status' })).toBeVisible();
  await openNavigationIfCollapsed(page, 'Open menu');
  await expect(page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Home' })).toBeVisible();

  await page.getByRole('group', { name: 'Display language' }).getByRole('button', { name: '日本語' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('heading', { level: 1, name: 'システムの状態' })).toBeVisible();
});

test('shows a translated not-found page for an unknown route, with a way home', async ({ page }) => {
  await signIn(page, NETWORK_ADMIN.email, { next: '/no-such-page' });
  await expect(page.getByRole('heading', { level: 1, name: 'ページが見つかりません' })).toBeVisible();

  await page.getByRole('link', { name: 'ホームに戻る' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'ホーム' })).toBeVisible();
});

test('explains a failed health check in words, then recovers on refresh', async ({ page }) => {
  let failing = true;
  await page.route('**/graphql', async (route) => {
    if (failing) {
      await route.fulfill({ status: 503, contentType: 'text/plain', body: 'upstream exploded' });
    } else {
      await route.continue();
    }
  });

  await page.goto('/status');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('状態を取得できませんでした');
  await expect(alert).not.toContainText('upstream exploded');
  await expect(page.getByRole('region', { name: '稼働状況' })).toHaveCount(0);

  failing = false;
  await page.getByRole('button', { name: '再読み込み' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('region', { name: '稼働状況' })).toBeVisible();
});
