// Places by name, not by code (issue 16): the grant editor chooses the regions a grant covers
// by typing a reading (ちゅうおうく) or a prefecture's name, never a local government code, and
// the grant's page shows the places (東京都中央区, 神奈川県) where it showed 13102 and 14000.
import { expect, test } from './support/test';
import { signedInPage } from './support/session';

const EDITOR = { email: 'grants@chuo.example.jp' };

test('a grant editor picks regions by reading and the grant page names the places', async ({ browser }) => {
  test.setTimeout(90_000);
  const title = `地域の見守り活動助成（${Date.now().toString(36)}）`;
  const editor = await signedInPage(browser, EDITOR.email);
  await editor.goto('/grants/new');
  await editor.getByRole('textbox', { name: /^名称/ }).fill(title);
  await editor.getByRole('textbox', { name: /^実施団体（助成元）の名称/ }).fill('つながり地域基金');
  await editor.getByRole('textbox', { name: '概要', exact: true }).fill('見守り活動を応援します。');

  const regions = editor.getByRole('combobox', { name: '対象地域' });
  await regions.fill('ちゅうおうく');
  // The reading finds every 中央区; the one in Tokyo is chosen by its full name.
  await editor.getByRole('option', { name: '東京都中央区', exact: true }).click();
  await regions.fill('かながわ');
  await editor.getByRole('option', { name: '神奈川県', exact: true }).click();
  // A multiple choice keeps its list open for the next pick; Escape closes it, as a person does
  // before reaching the buttons it covers.
  await regions.press('Escape');
  await expect(editor.getByRole('option', { name: '神奈川県', exact: true })).toBeHidden();

  await editor.getByRole('button', { name: '下書きを保存' }).click();
  await expect(editor).toHaveURL(/\/grants\/[^/]+\/edit/);
  const grantPath = new URL(editor.url()).pathname.replace(/\/edit$/, '');

  await editor.goto(grantPath);
  await expect(editor.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const place = editor.getByRole('definition').filter({ hasText: '東京都中央区' });
  await expect(place).toHaveText('東京都中央区、神奈川県');
  await expect(editor.locator('main')).not.toContainText('13102');
});
