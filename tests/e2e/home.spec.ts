// The task-first home (issue 16), on a laptop and on a 390 px phone: つながりサポートセンター's
// admin sends an urgent anonymous case to こもれびカフェ (through the API, unique each run);
// こもれび's coordinator signs in, sees it on the home page among the referrals waiting for an
// answer with its deadline, opens it from there and accepts it; back home, it is no longer
// waiting. The home page is saved as docs/screenshots/home-<project>.png for the closing note.
// System status, which was the home page, is at /admin/status (shell.spec.ts).
import { expect, test, type APIRequestContext, type Page } from './support/test';
import { api, apiToken } from './support/graphql';
import { signIn } from './support/session';

const CENTER_ADMIN = 'admin@chuo.example.jp';
const COORDINATOR = 'coordinator@komorebi.example.jp';
const KOMOREBI_CAFE = '6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8006';

/** Sends an urgent anonymous case from the support centre to こもれびカフェ; returns its id. */
async function sendWaitingReferral(request: APIRequestContext, reason: string): Promise<string> {
  const { createReferral } = await api<{ createReferral: { id: string } }>(
    request,
    await apiToken(request, CENTER_ADMIN),
    `mutation($input: ReferralInput!) { createReferral(input: $input, send: true) { id } }`,
    { input: { serviceId: KOMOREBI_CAFE, anonymousCase: { ageBand: 'AGE_40_49' }, needs: ['IBASHO'], urgency: 'URGENT', reason } },
  );
  return createReferral.id;
}

function waitingCard(page: Page) {
  return page.getByRole('region', { name: '返答を待っている紹介' });
}

test('the coordinator sees the waiting referral on the home page and accepts it from there', async ({ page, request }, testInfo) => {
  test.setTimeout(90_000);
  const id = await sendWaitingReferral(request, `居場所を探している方です（ホーム${Date.now().toString(36)}）`);

  await signIn(page, COORDINATOR);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'ホーム' })).toBeVisible();
  const card = waitingCard(page);
  await expect(card).toBeVisible();
  // The count opens the inbox filtered to what waits for an answer.
  await expect(card.getByTestId('home-referrals-waiting')).toHaveAttribute('href', '/referrals?status=SENT&sort=deadline');
  await expect(card.getByTestId('home-referrals-waiting')).not.toContainText(/^0/);
  const item = card.getByTestId('home-waiting-referral').filter({ has: page.locator(`a[href="/referrals/${id}"]`) });
  await expect(item).toBeVisible();
  await expect(item).toContainText('こもれびカフェ');
  await expect(item).toContainText('つながりサポートセンター');
  await expect(item).toContainText('緊急');
  await expect(item).toContainText('返答期限');
  // Everyone gets grants and courses; a coordinator is no network admin and no liaison.
  await expect(page.getByRole('region', { name: '締切が近いブックマーク中の助成金' })).toBeVisible();
  await expect(page.getByRole('region', { name: '受講中・割り当てられた研修' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'ネットワーク全体の返答待ち' })).toHaveCount(0);
  // Single column on a phone: nothing wider than the window.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `docs/screenshots/home-${testInfo.project.name}.png`, fullPage: true });

  await item.getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`/referrals/${id}$`));
  await expect(page.getByTestId('referral-status')).toHaveAttribute('data-status', 'SENT');
  await page.getByRole('group', { name: 'この紹介への操作' }).getByRole('button', { name: '受け入れる', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '受け入れる' });
  await dialog.getByRole('button', { name: '受け入れる', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('referral-status')).toHaveAttribute('data-status', 'ACCEPTED');

  // Back home, it no longer waits for an answer.
  await page.goto('/');
  await expect(waitingCard(page)).toBeVisible();
  await expect(waitingCard(page).locator(`a[href="/referrals/${id}"]`)).toHaveCount(0);
});

test('a network admin sees the network’s waiting referrals and reaches the system status', async ({ page }) => {
  await signIn(page, CENTER_ADMIN);
  await page.goto('/');
  const network = page.getByRole('region', { name: 'ネットワーク全体の返答待ち' });
  await expect(network).toBeVisible();
  await network.getByRole('link', { name: 'システムの状態を見る' }).click();
  await expect(page).toHaveURL(/\/admin\/status$/);
  await expect(page.getByRole('heading', { level: 1, name: 'システムの状態' })).toBeVisible();
});
