// Special-care data leaves no trace for STAFF (issue 14, finding 9), and a statistics read shows
// only the statistical fields (finding 5), in Chromium against the demo data: 青木 遥 of NPO法人
// こもれび has a consent of its own for HEALTH (apps/api/src/seed/demo-people.ts, consent 2).
// Her coordinator sees 健康・病歴 and the evidence note on that consent; the staff member
// sees the consent as 「要配慮個人情報（非表示）」 with its evidence withheld, and neither the
// category nor the note anywhere on the consents tab. つながりサポートセンター, which she consented
// to for statistics (consent 13), reading her for STATISTICS gets the statistical fields and no
// name, birth date or address.
import { expect, test, type Page } from './support/test';
import { NETWORK_ADMIN, signedInPage } from './support/session';

const AOKI = '/people/6f1d3c52-8a57-4a55-9e0b-2f0c6c1a8a01';
const HEALTH_LABEL = '健康・病歴';
const HEALTH_EVIDENCE = '要配慮個人情報について別紙で説明し、署名を得た';
const ORDINARY_EVIDENCE = '同意書（紙）に署名。こもれび事務所で保管';

async function openConsents(page: Page): Promise<void> {
  await page.goto(AOKI);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('青木 遥');
  await page.getByRole('tab', { name: '同意' }).click();
  await expect(page.locator('article[data-consent-state]')).toHaveCount(3);
}

test('staff see a special-care consent only as 「要配慮個人情報（非表示）」, without its category or evidence', async ({ browser }) => {
  test.setTimeout(60_000);
  const coordinator = await signedInPage(browser, 'coordinator@komorebi.example.jp');
  await openConsents(coordinator);
  const coordinatorPanel = coordinator.getByRole('tabpanel');
  await expect(coordinatorPanel.getByTestId('consent-categories').filter({ hasText: HEALTH_LABEL })).toHaveCount(1);
  await expect(coordinatorPanel).toContainText(HEALTH_EVIDENCE);
  await expect(coordinatorPanel).not.toContainText('要配慮個人情報（非表示）');

  const staff = await signedInPage(browser, 'staff@komorebi.example.jp');
  await openConsents(staff);
  const panel = staff.getByRole('tabpanel');
  const hidden = panel.locator('article[data-consent-state]').filter({ hasText: '要配慮個人情報（非表示）' });
  await expect(hidden).toHaveCount(1);
  await expect(hidden.getByTestId('withheld')).toContainText('この役割では閲覧できません（要配慮個人情報）');
  await expect(panel).not.toContainText(HEALTH_LABEL);
  await expect(panel).not.toContainText(HEALTH_EVIDENCE);
  // The ordinary consent is shown to staff as before, evidence included.
  await expect(panel).toContainText(ORDINARY_EVIDENCE);
});

test('a statistics read shows the statistical fields and no name, birth date or address', async ({ browser }) => {
  test.setTimeout(60_000);
  const recipient = await signedInPage(browser, NETWORK_ADMIN.email);
  await recipient.goto(`${AOKI}?purpose=STATISTICS`);
  const statistics = recipient.getByTestId('person-statistics');
  // The first read of the page after sign-in can be slow on a busy machine.
  await expect(statistics).toBeVisible({ timeout: 20_000 });
  await expect(statistics).toContainText('年齢階級');
  await expect(statistics).toContainText('東京都中央区');
  await expect(statistics).toContainText('一人暮らし');
  await expect(statistics).toContainText('居場所');
  await expect(statistics).not.toContainText('同意の対象外');
  await expect(recipient.locator('section[data-category="IDENTITY"]')).toContainText('統計目的の閲覧では');
  const page = recipient.locator('body');
  for (const identifying of ['青木', 'アオキ', '1998', '銀座', 'haruka.aoki', '03-0000-2101']) {
    await expect(page).not.toContainText(identifying);
  }
});
