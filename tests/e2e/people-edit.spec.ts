// 編集, the everyday change of a person's details: a coordinator of NPO法人こもれび registers a
// person, opens 編集 from the person's page, changes the phone number (typed in full width, as
// people do) and sees the new number saved on the page — with no reason asked; 訂正, for the
// person's own request, stays offered beside it and still asks for its reason.
import { expect, test } from './support/test';
import { COORDINATOR, signIn } from './support/session';
import { categorySection, fillPersonName, newPerson } from './support/people';
import { randomPhone } from './support/unique';

/** "03-1234-5678" as someone types it on a Japanese keyboard: ０３－１２３４－５６７８. */
function fullWidth(text: string): string {
  return text.replace(/[0-9-]/g, (character) => (character === '-' ? '－' : String.fromCharCode(character.charCodeAt(0) + 0xfee0)));
}

test('a coordinator edits a person’s phone number from the person page and sees it saved', async ({ page }) => {
  test.setTimeout(90_000);
  const person = newPerson('編集', '次郎', 'ジロウ');
  const newPhone = randomPhone();

  await signIn(page, COORDINATOR.email);
  await page.goto('/people/new');
  await fillPersonName(page, person);
  await page.getByRole('textbox', { name: '電話番号' }).fill(person.phone);
  await page.getByRole('button', { name: '登録する' }).click();
  await expect(page).toHaveURL(/\/people\/[0-9a-f-]{36}$/);
  const personUrl = new URL(page.url()).pathname;
  await expect(categorySection(page, 'CONTACT')).toContainText(person.phone);
  // 訂正 stays for the person's own request.
  await expect(page.getByRole('link', { name: '訂正', exact: true })).toBeVisible();

  await page.getByRole('link', { name: '編集', exact: true }).click();
  await expect(page).toHaveURL(`${personUrl}/edit`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('の編集');
  const phone = page.getByRole('textbox', { name: '電話番号' });
  await expect(phone).toHaveValue(person.phone);
  await expect(page.getByRole('textbox', { name: /訂正の理由/ })).toHaveCount(0);
  await phone.fill(fullWidth(newPhone));
  await page.getByRole('button', { name: '保存する' }).click();

  await expect(page).toHaveURL(personUrl);
  await expect(categorySection(page, 'CONTACT')).toContainText(newPhone);
  await expect(categorySection(page, 'CONTACT')).not.toContainText(person.phone);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(person.fullName);

  // The correction page is the other one: it explains it is for the person's request and asks why.
  await page.getByRole('link', { name: '訂正', exact: true }).click();
  await expect(page.getByText('本人の求めに応じて登録内容を訂正します', { exact: false })).toBeVisible();
  await expect(page.getByRole('textbox', { name: /訂正の理由/ })).toBeVisible();
  await expect(page.getByRole('textbox', { name: '電話番号' })).toHaveValue(newPhone);
});
