// The network's public portal (/p/<slug>) is published or withdrawn by the network admin on
// /admin/portal; tests that need it published switch it on and off again through that page.
import { expect, type Browser } from '@playwright/test';
import { NETWORK_ADMIN, signIn } from './session';

/** Publishes (`true`) or withdraws the demo network's portal, in a context of its own. */
export async function setPortal(browser: Browser, enabled: boolean): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await signIn(page, NETWORK_ADMIN.email, { next: '/admin/portal' });
    await expect(page.getByRole('heading', { level: 1, name: '公開ポータル' })).toBeVisible();
    const toggle = page.getByRole('switch', { name: 'ポータルを公開する' });
    if ((await toggle.isChecked()) !== enabled) await toggle.click({ force: true });
    await expect(page.getByRole('status').filter({ hasText: enabled ? '公開中' : '非公開' })).toBeVisible();
  } finally {
    await context.close();
  }
}
