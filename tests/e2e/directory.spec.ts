// The services directory and the public portal as their users meet them: a coordinator searches
// 住まい, narrows the results with a filter whose facet count becomes the new total, and opens a
// service; a coordinator adds a service (the API's field error shown next to the hours) and
// finds it by a two-character word; a network admin publishes the portal, which a phone
// (375×667, no session) then shows with tap-to-call links and without non-public channels, in
// Japanese and in English. The portal is withdrawn again whatever happens, so order never matters.
import { expect, test, type Locator, type Page } from './support/test';
import { setPortal } from './support/portal';
import { NETWORK_ADMIN, openNavigationIfCollapsed, signIn } from './support/session';

const COORDINATOR = { email: 'coordinator@komorebi.example.jp', organization: 'NPO法人こもれび' };
const NETWORK_SLUG = 'chuo-tsunagari';
const NETWORK_NAME = '中央区つながりネットワーク';

/** "住まい（12）" → 12 */
function countIn(name: string): number {
  const match = /[（(](\d+)[）)]\s*$/.exec(name);
  if (!match) throw new Error(`no count in "${name}"`);
  return Number(match[1]);
}

async function totalOf(page: Page): Promise<number> {
  const text = await page.getByTestId('directory-total').innerText();
  return Number(/\d+/.exec(text)?.[0]);
}

async function accessibleNameOf(checkbox: Locator): Promise<string> {
  const id = await checkbox.getAttribute('id');
  return (await checkbox.page().locator(`label[for="${id}"]`).innerText()).trim();
}

async function searchDirectory(page: Page, words: string): Promise<void> {
  const search = page.getByRole('search', { name: 'サービスを検索' });
  await search.getByRole('searchbox', { name: 'キーワード' }).fill(words);
  await search.getByRole('button', { name: '検索' }).click();
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(words)}`));
}

test('a coordinator searches 住まい, narrows by a facet and opens a service', async ({ page }) => {
  await signIn(page, COORDINATOR.email);
  await openNavigationIfCollapsed(page, 'メニューを開く');
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '支援機関・サービス' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '支援機関・サービス' })).toBeVisible();

  await searchDirectory(page, '住まい');
  const results = page.getByRole('region', { name: '検索結果' });
  await expect(results.getByRole('article').first()).toBeVisible();
  const total = await totalOf(page);
  expect(total).toBeGreaterThan(1);

  // A filter value that some but not all results carry: choosing it makes its count the total.
  const filters = page.getByRole('region', { name: '絞り込み' });
  const checkboxes = filters.getByRole('checkbox');
  let chosen: { checkbox: Locator; name: string; count: number } | null = null;
  for (const checkbox of await checkboxes.all()) {
    const name = await accessibleNameOf(checkbox);
    const count = countIn(name);
    if (count > 0 && count < total) {
      chosen = { checkbox, name, count };
      break;
    }
  }
  expect(chosen, 'a facet value narrower than the results').not.toBeNull();
  if (!chosen) return;
  const label = chosen.name.replace(/[（(]\d+[）)]\s*$/, '');
  await filters.getByRole('checkbox', { name: chosen.name }).check();
  await expect(page.getByTestId('directory-total')).toHaveText(`${chosen.count}件`);
  await expect(page).toHaveURL(/q=/);
  // The facet counts now describe the narrowed results.
  await expect(filters.getByRole('checkbox', { name: `${label}（${chosen.count}）` })).toBeChecked();
  await expect(results.getByRole('article')).toHaveCount(Math.min(chosen.count, 20));

  // The search is in the URL: a reload (or a shared link) shows the same results.
  await page.reload();
  await expect(page.getByTestId('directory-total')).toHaveText(`${chosen.count}件`);
  await expect(page.getByRole('searchbox', { name: 'キーワード' })).toHaveValue('住まい');

  const first = results.getByRole('article').first().getByRole('heading').getByRole('link');
  const serviceName = (await first.innerText()).trim();
  await first.click();
  await expect(page.getByRole('heading', { level: 1, name: serviceName })).toBeVisible();
  await expect(page.getByRole('region', { name: '受付時間' })).toBeVisible();
  await expect(page.getByRole('region', { name: '連絡方法' })).toBeVisible();
  await expect(page.getByRole('region', { name: '受け入れ状況' })).toBeVisible();
});

test('a coordinator adds a service for their organisation and finds it by a two-character word', async ({ page }) => {
  const name = `星空ことば相談 ${Date.now()}`;
  await signIn(page, COORDINATOR.email, { next: '/directory' });
  await page.getByRole('button', { name: 'サービスを登録' }).or(page.getByRole('link', { name: 'サービスを登録' })).click();
  await expect(page.getByRole('heading', { level: 1, name: 'サービスを登録' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(COORDINATOR.organization);

  await page.getByRole('textbox', { name: 'サービス名', exact: true }).fill(name);
  await page.getByRole('textbox', { name: '説明' }).fill('夜に話し相手がほしい方のための電話とチャットの窓口です。');
  await page.getByRole('checkbox', { name: '居場所', exact: true }).check();
  await page.getByRole('checkbox', { name: '若者', exact: true }).check();
  await page.getByRole('textbox', { name: '電話番号・URL・場所など（1行目）' }).fill('03-0000-9876');

  // Hours closing before they open: the API names the field and the message sits by the rows.
  await page.getByRole('button', { name: '受付時間を追加' }).click();
  await page.getByLabel('開始（1行目）').fill('18:00');
  await page.getByLabel('終了（1行目）').fill('09:00');
  await page.getByRole('button', { name: '登録する' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '受付時間は' })).toBeVisible();
  await page.getByLabel('終了（1行目）').fill('22:00');
  await page.getByRole('button', { name: '登録する' }).click();

  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page).toHaveURL(/\/directory\/services\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('link', { name: '03-0000-9876' })).toHaveAttribute('href', 'tel:0300009876');
  await expect(page.getByRole('button', { name: '編集' }).or(page.getByRole('link', { name: '編集' }))).toBeVisible();

  await page.goto('/directory');
  await searchDirectory(page, '星空');
  await expect(page.getByRole('region', { name: '検索結果' }).getByRole('link', { name })).toBeVisible();
});

test.describe('the public portal', () => {
  test.afterEach(async ({ browser }) => {
    await setPortal(browser, false);
  });

  test('a network admin publishes it; a phone without a session sees public windows only, in Japanese and English', async ({
    page,
    browser,
  }) => {
    await signIn(page, NETWORK_ADMIN.email);
    await openNavigationIfCollapsed(page, 'メニューを開く');
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '公開ポータル' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '公開ポータル' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: '公開アドレス' })).toHaveValue(new RegExp(`/p/${NETWORK_SLUG}$`));
    const toggle = page.getByRole('switch', { name: 'ポータルを公開する' });
    if (!(await toggle.isChecked())) await toggle.click({ force: true });
    await expect(toggle).toBeChecked();
    await expect(page.getByRole('status').filter({ hasText: '公開中' })).toBeVisible();

    const phone = await browser.newContext({ viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });
    try {
      const portal = await phone.newPage();
      await portal.goto(`/p/${NETWORK_SLUG}`);
      await expect(portal.getByRole('heading', { level: 1, name: 'ひとりで悩まず、相談してください' })).toBeVisible();
      await expect(portal.getByTestId('portal-network')).toHaveText(NETWORK_NAME);
      await expect(portal.getByRole('navigation')).toHaveCount(0);
      const cards = portal.getByTestId('portal-service');
      await expect(cards.first()).toBeVisible();
      const all = await cards.count();
      expect(all).toBeGreaterThan(10);
      await expect(portal.locator('a[href^="tel:"]').first()).toBeVisible();
      await expect(portal.getByRole('main')).not.toContainText('関係機関専用');
      // Nothing wider than the phone.
      expect(await portal.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

      // Category and words narrow the list on the page itself.
      await portal.getByRole('group', { name: '分野で探す' }).getByText('住まい', { exact: true }).click();
      await expect.poll(() => cards.count()).toBeLessThan(all);
      await expect(cards.first()).toContainText('住まい');
      await portal.getByRole('group', { name: '分野で探す' }).getByText('すべて', { exact: true }).click();
      await expect(cards).toHaveCount(all);
      await expect(portal.getByText('24時間', { exact: true }).first()).toBeVisible();

      await portal.getByRole('group', { name: '表示言語' }).getByRole('button', { name: 'English' }).click();
      await expect(portal.getByRole('heading', { level: 1, name: "You don't have to face it alone" })).toBeVisible();
      await expect(portal.locator('html')).toHaveAttribute('lang', 'en');
      await expect(portal.getByRole('link', { name: /^Call / }).first()).toHaveAttribute('href', /^tel:/);
      await expect(portal.getByRole('main')).not.toContainText('関係機関専用');
      await portal.getByRole('group', { name: 'Browse by category' }).getByText('Housing', { exact: true }).click();
      await expect.poll(() => cards.count()).toBeLessThan(all);

      // Withdrawn: the same address says so (in the chosen language).
      await toggle.click({ force: true });
      await expect(page.getByRole('status').filter({ hasText: '非公開' })).toBeVisible();
      await portal.reload();
      await expect(portal.getByRole('heading', { level: 1, name: 'This page is not published' })).toBeVisible();
      await expect(cards).toHaveCount(0);
    } finally {
      await phone.close();
    }
  });
});
