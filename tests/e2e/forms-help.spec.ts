// Forms that help (issue 16), on a laptop and on a 390 px phone: a failed submit of the 56-field
// person form takes the person to the first invalid field and lists every problem at the top of
// the form, each a link to its field; a postcode and a household size typed in full width (as a
// Japanese IME gives them) are saved; grant details are written with the rich-text editor (bold
// and a list) and shown so on the grant's page; an over-long referral message is refused on its
// field with the limit named.
import { expect, test } from './support/test';
import { categorySection, fillPersonName, newPerson } from './support/people';
import { writeRichText } from './support/rich-text';
import { signedInPage } from './support/session';

const COORDINATOR = 'coordinator@komorebi.example.jp';
const GRANT_EDITOR = 'grants@chuo.example.jp';

test('an empty person form points at its first invalid field and lists every problem; full-width numbers are saved', async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await signedInPage(browser, COORDINATOR);
  await page.goto('/people/new');
  await expect(page.getByRole('heading', { level: 1, name: '当事者の登録' })).toBeVisible({ timeout: 20_000 });

  await page.getByRole('button', { name: '登録する' }).click();
  const summary = page.getByTestId('form-error-summary');
  await expect(summary).toBeVisible();
  await expect(summary).toContainText('4項目を確認してください');
  // Focus is on the first invalid field (the family name), not left on the button at the bottom.
  const familyName = page.getByRole('textbox', { name: /^姓\s*\*?$/ });
  await expect(familyName).toBeFocused();
  await expect(familyName).toBeInViewport();
  // Each problem is a link named by the field's label and its message, in the form's order.
  const links = summary.getByRole('link');
  await expect(links).toHaveCount(4);
  await expect(links.first()).toHaveText('姓：姓を1〜50文字で入力してください。');
  const kanaLink = summary.getByRole('link', { name: /^名（ふりがな）：/ });
  await kanaLink.click();
  await expect(page.getByRole('textbox', { name: /^名（ふりがな）/ })).toBeFocused();

  // Fixing the fields takes their problems out of the summary; a full-width postcode and household size are taken.
  const person = newPerson('全角', '一郎', 'イチロウ');
  await fillPersonName(page, person);
  await expect(summary).toBeHidden();
  await page.getByRole('textbox', { name: '郵便番号' }).fill('１０４－００６１');
  await page.getByRole('textbox', { name: '世帯人数' }).fill('２');
  await page.getByRole('button', { name: '登録する' }).click();
  await expect(page).toHaveURL(/\/people\/[0-9a-f-]{36}$/, { timeout: 20_000 });
  await expect(categorySection(page, 'CONTACT')).toContainText('104-0061');
  await expect(categorySection(page, 'HOUSEHOLD')).toContainText('2');
});

test('grant details written with the editor (bold and a list) are shown so on the grant page; a full-width amount is taken', async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await signedInPage(browser, GRANT_EDITOR);
  await page.goto('/grants/new');
  const run = Date.now().toString(36);
  await page.getByRole('textbox', { name: /^名称/ }).fill(`書式の確認（${run}）`);
  await page.getByRole('textbox', { name: /^実施団体（助成元）の名称/ }).fill('つながり地域基金');
  await writeRichText(page, '詳細', ['対象は', { bold: '子ども食堂' }, 'です。', { bulletList: ['食材費', '会場費'] }]);
  const amount = page.getByRole('textbox', { name: '下限額（円）' });
  await amount.fill('１０００００');
  await expect(amount).toHaveValue(/^100,000/);
  await page.getByLabel('全国を対象にする').check();
  const created = page.waitForResponse((response) => response.request().postDataJSON()?.operationName === 'CreateGrant');
  await page.getByRole('button', { name: '下書きを保存' }).click();
  // What the editor wrote is stored unchanged: the API's sanitiser keeps all of its markup.
  const response = await created;
  const sent = (response.request().postDataJSON() as { variables: { input: { detailsHtml: string } } }).variables.input.detailsHtml;
  const stored = ((await response.json()) as { data: { createGrant: { detailsHtml: string } } }).data.createGrant.detailsHtml;
  expect(sent).toContain('<strong>子ども食堂</strong>');
  expect(sent).toContain('<ul><li>');
  expect(stored).toBe(sent);
  await expect(page).toHaveURL(/\/grants\/[^/]+\/edit/, { timeout: 20_000 });
  await expect(page.getByText('保存しました。')).toBeVisible();

  await page.goto(new URL(page.url()).pathname.replace(/\/edit$/, ''));
  const main = page.getByRole('main');
  await expect(main.locator('strong', { hasText: '子ども食堂' })).toBeVisible({ timeout: 20_000 });
  await expect(main.getByRole('listitem').filter({ hasText: '食材費' })).toBeVisible();
  await expect(main.getByRole('listitem').filter({ hasText: '会場費' })).toBeVisible();
});

test('an over-long referral message is refused on its field, with the limit named', async ({ browser }) => {
  const page = await signedInPage(browser, COORDINATOR);
  // A demo referral of NPO法人こもれび's, already sent (messages can be written).
  await page.goto('/referrals/6f1d3c52-8a57-4a55-9e0b-2f0c6c1a9a08');
  const composer = page.getByRole('form', { name: 'メッセージを書く' });
  const body = composer.getByRole('textbox', { name: 'メッセージ' });
  await expect(body).toBeVisible({ timeout: 20_000 });
  await body.fill('あ'.repeat(10_000));
  await composer.getByRole('button', { name: '送信' }).click();
  await expect(composer).toContainText('メッセージを1〜4000文字で入力してください。');
  await expect(composer).not.toContainText('入力内容に誤りがあります');
  await expect(body).toBeFocused();
});
