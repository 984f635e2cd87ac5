// The person's requests and special-care consent, end to end: the org admin of NPO法人こもれび
// (the owner) registers a person with health (要配慮個人情報) and financial (生活保護) data, records
// a special-care consent — refused until the explicit-explanation checkbox is ticked — and then
// erases the person (消去) by typing the pseudonym: the person shows as erased, every category
// withheld with that reason, and none of the values remain on the page.
import { expect, test } from './support/test';
import { NETWORK_ADMIN, ORG_ADMIN, signIn } from './support/session';
import { categorySection, fillPersonName, newPerson } from './support/people';
import { runId } from './support/unique';

test('a special-care consent needs the explicit confirmation, and erasure leaves only the pseudonym', async ({ page }) => {
  test.setTimeout(90_000);
  const run = runId();
  const person = newPerson('消去', '太郎', 'タロウ');
  const condition = `糖尿病${run}`;
  const income = `年金${run}`;

  // The owner's org admin registers the person, with special-care and financial data.
  await signIn(page, ORG_ADMIN.email);
  await page.goto('/people/new');
  await fillPersonName(page, person);
  await page.getByRole('textbox', { name: '収入源' }).fill(income);
  await page.getByRole('combobox', { name: '生活保護の受給' }).click();
  await page.getByRole('option', { name: 'はい' }).click();
  await page.getByRole('textbox', { name: '病気・症状' }).fill(condition);
  await page.getByRole('button', { name: '登録する' }).click();
  await expect(page).toHaveURL(/\/people\/[0-9a-f-]{36}$/);
  await expect(categorySection(page, 'FINANCIAL')).toContainText(income);
  await expect(categorySection(page, 'FINANCIAL')).toContainText('はい');
  await expect(categorySection(page, 'HEALTH')).toContainText(condition);

  // A special-care consent: health, to つながりサポートセンター. Not recorded without the confirmation.
  await page.getByRole('tab', { name: '同意' }).click();
  await page.getByRole('button', { name: '要配慮個人情報の同意を記録' }).click();
  const form = page.getByRole('dialog', { name: '要配慮個人情報の同意を記録' });
  await expect(form.getByRole('checkbox', { name: '本人確認情報（氏名・ふりがな・生年月日）' })).toHaveCount(0);
  await form.getByRole('checkbox', { name: '健康・病歴' }).check();
  await form.getByRole('combobox', { name: '提供先の団体' }).click();
  await page.getByRole('option', { name: NETWORK_ADMIN.organization }).click();
  await form.getByRole('button', { name: '同意を記録する' }).click();
  await expect(form).toContainText('本人への説明を確認してください。');
  await expect(page.locator('article[data-consent-state]')).toHaveCount(0);
  await form.getByRole('checkbox', { name: /要配慮個人情報の内容と提供先を/ }).check();
  await form.getByRole('button', { name: '同意を記録する' }).click();
  await expect(form).toBeHidden();
  const consent = page.locator('article[data-consent-state]');
  await expect(consent).toHaveCount(1);
  await expect(consent).toHaveAttribute('data-consent-state', 'ACTIVE');
  await expect(consent).toContainText('健康・病歴');

  // 消去: confirmed by typing the pseudonym.
  await page.getByRole('button', { name: '消去', exact: true }).click();
  const erase = page.getByRole('dialog', { name: '個人情報を消去しますか' });
  const confirmation = erase.getByRole('textbox', { name: /確認のため仮名ID/ });
  const label = (await erase.getByText(/確認のため仮名ID/).textContent()) ?? '';
  const pseudonym = /「(.+)」/.exec(label)?.[1] ?? '';
  expect(pseudonym).not.toBe('');
  await confirmation.fill(`${pseudonym}x`);
  await erase.getByRole('button', { name: '消去', exact: true }).click();
  await expect(erase).toContainText('仮名IDが一致しません。');
  await confirmation.fill(pseudonym);
  await erase.getByRole('button', { name: '消去', exact: true }).click();
  await expect(erase).toBeHidden();

  // The person is erased: the pseudonym remains, every category withheld as erased, no values.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(pseudonym);
  await expect(page.getByRole('main')).toContainText('消去済み');
  for (const code of ['IDENTITY', 'FINANCIAL', 'HEALTH', 'CONSULTATION']) {
    await expect(categorySection(page, code)).toHaveAttribute('data-access', 'WITHHELD');
    await expect(categorySection(page, code)).toContainText('本人の求めにより消去済みです');
  }
  for (const gone of [person.family, condition, income]) await expect(page.getByRole('main')).not.toContainText(gone);
  await expect(page.getByRole('button', { name: '消去', exact: true })).toHaveCount(0);
});
