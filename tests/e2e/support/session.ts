// Signing in as a seeded demo user (apps/api/src/seed/demo-seed.ts), through the login page.
import { expect, type Browser, type Locator, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'tsunagu-demo-2026';
export const NETWORK_ADMIN = { email: 'admin@chuo.example.jp', name: '佐藤 美咲', organization: 'つながりサポートセンター' };
export const ORG_ADMIN = { email: 'org-admin@komorebi.example.jp', name: '田中 由美', organization: 'NPO法人こもれび' };
/** The other demo members, one per role (apps/api/src/seed/demo-networks.ts). */
export const COORDINATOR = { email: 'coordinator@komorebi.example.jp', name: '鈴木 翔太', organization: 'NPO法人こもれび' };
export const STAFF = { email: 'staff@komorebi.example.jp', name: '伊藤 さくら', organization: 'NPO法人こもれび' };
export const GRANT_EDITOR = { email: 'grants@chuo.example.jp', name: '高橋 健' };
export const LIAISON = { email: 'liaison@city-chuo.example.jp', name: '渡辺 大輔' };
export const TRAINER = { email: 'trainer@shakyo-chuo.example.jp', name: '山本 直子' };
/** The demo network's public portal (/p/<slug>). */
export const DEMO_NETWORK_SLUG = 'chuo-tsunagari';

const labels = {
  ja: { email: 'メールアドレス', password: 'パスワード', submit: 'ログイン', title: 'ログイン' },
  en: { email: 'Email address', password: 'Password', submit: 'Sign in', title: 'Sign in' },
} as const;

/** Signs in on /login (optionally with ?next=) and waits until the app has left the login page. */
export async function signIn(
  page: Page,
  email: string,
  options: { language?: 'ja' | 'en'; next?: string; password?: string } = {},
): Promise<void> {
  const text = labels[options.language ?? 'ja'];
  await page.goto(options.next ? `/login?next=${encodeURIComponent(options.next)}` : '/login');
  await expect(page.getByRole('heading', { level: 1, name: text.title })).toBeVisible({ timeout: 20_000 });
  await page.getByRole('textbox', { name: text.email, exact: true }).fill(email);
  await page.getByRole('textbox', { name: text.password, exact: true }).fill(options.password ?? DEMO_PASSWORD);
  await page.getByRole('button', { name: text.submit, exact: true }).click();
  // Password hashing is deliberately slow (argon2) and slower still on a busy CI machine (as is
  // the first load of the app above).
  await expect(page).not.toHaveURL(/\/login/, { timeout: 20_000 });
}

/** A page in a fresh browser context (its own cookies), signed in as `email`. */
export async function signedInPage(browser: Browser, email: string): Promise<Page> {
  // Downloads are accepted (Playwright's default, stated because some tests read them).
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

export async function openNavigationIfCollapsed(page: Page, burgerName: string): Promise<void> {
  const burger = page.getByRole('button', { name: burgerName });
  if (await burger.isVisible()) {
    await burger.click();
  }
}

/** Follows a link of the main menu, as a person does: on a phone the menu is behind the burger. */
export async function openFromMenu(page: Page, linkName: string): Promise<void> {
  await openNavigationIfCollapsed(page, 'メニューを開く');
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: linkName, exact: true }).click();
}

/**
 * Signs in and checks that the member lands on the home page (issue 16) showing the card of
 * their everyday work, named `cardName`; returns that card.
 */
export async function signInAtHome(page: Page, email: string, cardName: string): Promise<Locator> {
  await signIn(page, email);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'ホーム' })).toBeVisible();
  const card = page.getByRole('region', { name: cardName });
  await expect(card).toBeVisible({ timeout: 20_000 });
  return card;
}
