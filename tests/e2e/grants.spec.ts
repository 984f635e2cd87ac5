// Grant information end to end: the intermediary body's grant editor (つながりサポートセンター)
// lists a grant with a unique Japanese title, attaches a small PDF and publishes it; NPO法人こもれび's
// coordinator finds it by a two-character Japanese keyword, opens it, downloads the PDF,
// bookmarks it and records an APPLIED application; the bookmark is on /grants/bookmarks and the
// publisher sees the application counted under 申請済み.
import { expect, test } from './support/test';
import { tokyoLocal } from './support/japan-time';
import { writeRichText } from './support/rich-text';
import { signedInPage } from './support/session';
import { uniqueKeyword } from './support/unique';
import { tinyPdf } from '../support/sample-files';

const EDITOR = { email: 'grants@chuo.example.jp' };
const COORDINATOR = { email: 'coordinator@komorebi.example.jp' };

test('an intermediary publishes a grant with a file; an NPO finds it by a Japanese keyword, downloads the file, bookmarks it and records an application', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const keyword = uniqueKeyword();
  const run = Date.now().toString(36);
  const title = `「${keyword}」地域の居場所づくり応援助成（${run}）`;
  const fileName = `boshu-yoko-${run}.pdf`;

  // The grant editor drafts the listing…
  const editor = await signedInPage(browser, EDITOR.email);
  await editor.goto('/grants');
  await expect(editor.getByRole('heading', { level: 1, name: '助成金情報' })).toBeVisible();
  await editor.getByRole('link', { name: '助成金情報を掲載' }).click();
  await expect(editor).toHaveURL(/\/grants\/new$/);
  await editor.getByRole('textbox', { name: /^名称/ }).fill(title);
  await editor.getByRole('textbox', { name: /^実施団体（助成元）の名称/ }).fill('つながり地域基金');
  await editor.getByRole('textbox', { name: '概要', exact: true }).fill('地域で孤立しがちな方の居場所づくりを応援します。');
  await writeRichText(editor, '詳細', ['居場所の', { bold: '立ち上げ' }, 'と運営の費用を助成します。', { bulletList: ['会場費', '食材費'] }]);
  await editor.getByRole('textbox', { name: '下限額（円）' }).fill('100000');
  await editor.getByRole('textbox', { name: '上限額（円）' }).fill('500000');
  await editor.getByLabel('募集締切').fill(tokyoLocal(10));
  await editor.getByLabel('全国を対象にする').check();

  // …whose preview renders the details as the page will.
  await editor.getByRole('tab', { name: 'プレビュー' }).click();
  await expect(editor.getByRole('tabpanel').getByText('立ち上げ', { exact: true })).toBeVisible();
  await editor.getByRole('tab', { name: '入力' }).click();

  await editor.getByRole('button', { name: '下書きを保存' }).click();
  await expect(editor).toHaveURL(/\/grants\/[^/]+\/edit/);
  await expect(editor.getByText('保存しました。')).toBeVisible();
  const grantPath = new URL(editor.url()).pathname.replace(/\/edit$/, '');

  // …attaches the PDF…
  await editor.locator('input[type="file"]').setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: tinyPdf() });
  await expect(editor.getByText(`${fileName} を添付しました。`)).toBeVisible();
  await expect(editor.getByRole('button', { name: `${fileName} をダウンロード` })).toBeVisible();

  // …and publishes it.
  await editor.getByRole('group', { name: 'この掲載への操作' }).getByRole('button', { name: '公開する', exact: true }).click();
  const dialog = editor.getByRole('dialog', { name: '公開する' });
  await dialog.getByRole('button', { name: '公開する', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(editor.getByText('公開中', { exact: true }).first()).toBeVisible();
  // The earlier 保存しました。 is not left to read as if it were about the publishing (issue 16).
  await expect(editor.getByText('保存しました。')).toHaveCount(0);

  // The NPO's coordinator finds it by the keyword…
  const coordinator = await signedInPage(browser, COORDINATOR.email);
  await coordinator.goto('/grants');
  const search = coordinator.getByRole('search', { name: '助成金情報の検索' });
  await search.getByRole('searchbox', { name: 'キーワード' }).fill(keyword);
  await search.getByRole('button', { name: '検索' }).click();
  await expect(coordinator).toHaveURL(new RegExp(`q=${encodeURIComponent(keyword)}`));
  const result = coordinator.getByRole('link', { name: title });
  await expect(result).toBeVisible();
  await expect(coordinator.getByRole('article', { name: title }).getByText('締切まで10日')).toBeVisible();

  // (The search can be saved for the daily mail; it is listed on /grants/saved and can be deleted.)
  const searchName = `${keyword}の助成金 ${run}`;
  await coordinator.getByRole('button', { name: 'この検索を保存' }).click();
  const saveDialog = coordinator.getByRole('dialog', { name: '検索条件を保存' });
  await saveDialog.getByRole('textbox', { name: /^名前/ }).fill(searchName);
  await saveDialog.getByRole('button', { name: '保存', exact: true }).click();
  await expect(saveDialog.getByText(/毎日メールでお知らせします/)).toBeVisible();
  await saveDialog.getByRole('button', { name: '閉じる', exact: true }).click();
  await coordinator.goto('/grants/saved');
  await expect(coordinator.getByRole('link', { name: searchName })).toBeVisible();
  await coordinator.getByRole('button', { name: `保存した検索「${searchName}」を削除` }).click();
  const deleteDialog = coordinator.getByRole('dialog', { name: '保存した検索を削除' });
  await deleteDialog.getByRole('button', { name: '削除', exact: true }).click();
  await expect(coordinator.getByRole('link', { name: searchName })).toBeHidden();
  await coordinator.goBack();
  await expect(coordinator).toHaveURL(new RegExp(`q=${encodeURIComponent(keyword)}`));
  await result.click();
  await expect(coordinator).toHaveURL(new RegExp(`${grantPath}$`));
  await expect(coordinator.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(coordinator.getByText('立ち上げ', { exact: true })).toBeVisible();

  // …downloads the attachment…
  const downloading = coordinator.waitForEvent('download');
  await coordinator.getByRole('button', { name: `${fileName} をダウンロード` }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(fileName);

  // …bookmarks it…
  await coordinator.getByRole('button', { name: `「${title}」をブックマーク` }).click();
  await expect(coordinator.getByRole('button', { name: `「${title}」のブックマークを外す` })).toHaveAttribute('aria-pressed', 'true');

  // …and records the organisation's application.
  const application = coordinator.getByRole('region', { name: '自団体の申請を記録' });
  await application.getByRole('combobox', { name: '申請の状態' }).click();
  await coordinator.getByRole('option', { name: '申請済み' }).click();
  await application.getByRole('textbox', { name: '申請額（円）' }).fill('300000');
  await application.getByRole('button', { name: '申請状況を保存' }).click();
  await expect(application.getByText('申請状況を保存しました。')).toBeVisible();
  await expect(application.getByTestId('my-application-status')).toContainText('申請済み');

  // The bookmark is listed, and so is the application.
  await coordinator.goto('/grants/bookmarks');
  await expect(coordinator.getByRole('link', { name: title })).toBeVisible();
  await coordinator.goto('/grants/applications');
  await expect(coordinator.getByRole('link', { name: title })).toBeVisible();

  // The publisher sees one application under 申請済み (counts only).
  await editor.goto(grantPath);
  await expect(editor.getByTestId('count-APPLIED')).toHaveText('1');
});
