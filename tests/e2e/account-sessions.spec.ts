// Sessions on /account as a person uses them (issue 18): signed in on two browsers, the first
// signs the other out (one device, or every other device), after a confirmation, and the other
// browser's very next request is refused and lands on the sign-in page. The history shows the
// ending. A network admin reads the network's security log and narrows it to one member.
import { expect, test, type Browser, type Page } from './support/test';
import { NETWORK_ADMIN, TRAINER, openFromMenu, signIn } from './support/session';

/** The second browser says it is Firefox on Linux, so its row is told apart from this one's. */
const FIREFOX_ON_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';
const OTHER_DEVICE = 'Firefox（Linux）';

async function otherBrowser(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ userAgent: FIREFOX_ON_LINUX });
  const page = await context.newPage();
  await signIn(page, TRAINER.email);
  return page;
}

/** The other browser's next request: refused (UNAUTHENTICATED), and it is sent to sign in again. */
async function expectRefused(other: Page): Promise<void> {
  const refused = other.waitForResponse(
    async (response) => response.url().endsWith('/graphql') && (await response.text()).includes('"UNAUTHENTICATED"'),
  );
  await openFromMenu(other, 'アカウント');
  await refused;
  await expect(other.getByRole('heading', { level: 1, name: 'ログイン' })).toBeVisible();
  await expect(other).toHaveURL(/\/login/);
}

test('signs another browser out from /account; that browser is refused at its next request', async ({ page, browser }) => {
  const other = await otherBrowser(browser);
  await signIn(page, TRAINER.email, { next: '/account' });

  const sessions = page.getByRole('table', { name: 'ログイン中の端末' });
  await expect(sessions.getByRole('row').filter({ hasText: 'この端末' })).toHaveCount(1);
  const otherRows = sessions.getByRole('row').filter({ hasText: OTHER_DEVICE });
  await expect(otherRows.first()).toBeVisible();
  const before = await otherRows.count();
  await expect(otherRows.first()).toContainText('パソコン');
  await expect(otherRows.first()).toContainText('パスワード');

  await otherRows.first().getByRole('button', { name: 'ログアウトさせる' }).click();
  const dialog = page.getByRole('dialog', { name: 'この端末をログアウトさせますか？' });
  await expect(dialog).toContainText(OTHER_DEVICE);
  await dialog.getByRole('button', { name: 'ログアウトさせる' }).click();
  await expect(dialog).toBeHidden();
  await expect(otherRows).toHaveCount(before - 1);
  await expect(page.getByRole('region', { name: 'ログイン履歴' })).toContainText('端末のログアウト');

  await expectRefused(other);
  await other.context().close();
});

test('signs out every other browser at once, keeping this one', async ({ page, browser }) => {
  const other = await otherBrowser(browser);
  await signIn(page, TRAINER.email, { next: '/account' });

  await page.getByRole('button', { name: 'ほかの端末をすべてログアウト' }).click();
  const dialog = page.getByRole('dialog', { name: 'ほかの端末をすべてログアウトさせますか？' });
  await dialog.getByRole('button', { name: 'ほかの端末をすべてログアウト' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/台の端末をログアウトさせました。/)).toBeVisible();
  const sessions = page.getByRole('table', { name: 'ログイン中の端末' });
  await expect(sessions.getByRole('row').filter({ hasText: OTHER_DEVICE })).toHaveCount(0);
  await expect(sessions.getByRole('row').filter({ hasText: 'この端末' })).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'ログイン履歴' })).toContainText('ほかの端末をすべてログアウト');

  await expectRefused(other);
  await other.context().close();
  // This browser goes on.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'アカウント' })).toBeVisible();
});

test("a network admin reads the network's security log and narrows it to one member", async ({ page }) => {
  await signIn(page, NETWORK_ADMIN.email);
  await openFromMenu(page, 'セキュリティログ');
  await expect(page.getByRole('heading', { level: 1, name: 'セキュリティログ' })).toBeVisible();
  const log = page.getByLabel('セキュリティログ', { exact: true });
  const own = log.getByRole('button', { name: NETWORK_ADMIN.name }).first();
  await expect(own).toBeVisible();
  await own.click();
  await expect(page.getByText(`${NETWORK_ADMIN.name} さんの記録を表示しています。`)).toBeVisible();
  await expect(log).toContainText('ログイン');
  await page.getByRole('button', { name: 'すべてのメンバーを表示' }).click();
  await expect(log.getByRole('button', { name: NETWORK_ADMIN.name }).first()).toBeVisible();
});
