// The trainer's editor end to end: 中央区社会福祉協議会's trainer starts a course (a unique title
// each run), is told why it cannot be published without modules, adds two modules, uploads a
// PDF material to the first and watches the progress bar reach 100 % and the file appear in the
// list, moves the second module above the first with the keyboard-reachable buttons (focus stays
// on the moved module), writes a one-question quiz, publishes; then downloads the training
// report as CSV (UTF-8 with its BOM, for Excel) on /training/reports.
import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { signIn } from './support/session';

const TRAINER = { email: 'trainer@shakyo-chuo.example.jp' };

/** A tiny but well-formed PDF (the API sniffs the bytes, not the name). */
function tinyPdf(): Buffer {
  const body = [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
  ].join('\n');
  return Buffer.from(body, 'latin1');
}

test('a trainer builds a course in the editor (upload with progress, module reorder, quiz, publish) and downloads the report CSV', async ({ page }) => {
  // A long flow of many saves on a shared machine: more time than the default 30 s.
  test.setTimeout(180_000);
  const run = `${Date.now().toString(36)}`;
  const title = `相談支援の基礎（編集テスト ${run}）`;
  const first = 'はじめに';
  const second = '相談の受け方';
  const fileName = `guide-${run}.pdf`;
  await signIn(page, TRAINER.email);

  // A new draft from the trainer's course list…
  await page.goto('/training/manage');
  await expect(page.getByRole('heading', { level: 1, name: '研修コースの管理' })).toBeVisible();
  await page.getByRole('link', { name: '新しいコース' }).click();
  await page.getByRole('textbox', { name: 'コース名' }).fill(title);
  await page.getByRole('textbox', { name: '概要' }).fill('相談を受けるときの基本を学びます。');
  await page.getByRole('textbox', { name: '所要時間（分）' }).fill('30');
  await page.getByRole('button', { name: '下書きとして保存' }).click();
  await expect(page).toHaveURL(/\/training\/manage\/[0-9a-f-]{36}/);
  await expect(page.getByRole('status').filter({ hasText: '保存しました。' })).toBeVisible();

  // …which the API refuses to publish while it has no modules, and the dialog says why.
  const actions = page.getByRole('group', { name: 'コースの操作' });
  await actions.getByRole('button', { name: '公開する' }).click();
  const dialog = page.getByRole('dialog', { name: '公開する' });
  await dialog.getByRole('button', { name: '公開する' }).click();
  await expect(dialog.getByRole('alert')).toContainText('単元が1つ以上必要');
  await dialog.getByRole('button', { name: 'キャンセル' }).click();

  // Two modules.
  for (const moduleTitle of [first, second]) {
    const form = page.getByRole('form', { name: '単元の追加' });
    await form.getByRole('textbox', { name: '新しい単元の名前' }).fill(moduleTitle);
    await form.getByRole('button', { name: '単元を追加' }).click();
    await expect(page.getByRole('region', { name: `単元：${moduleTitle}` })).toBeVisible();
  }

  // A PDF material for the first: the bar reaches 100 % and the file is listed.
  const firstModule = page.getByRole('region', { name: `単元：${first}` });
  await firstModule.getByRole('textbox', { name: '教材名' }).fill('相談支援ガイド');
  await firstModule.getByLabel('ファイルをアップロード').setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: tinyPdf() });
  const bar = firstModule.getByRole('progressbar', { name: `「${fileName}」のアップロードの進み具合` });
  await expect(bar).toHaveAttribute('aria-valuenow', '100');
  await expect(firstModule.getByText('アップロードしました')).toBeVisible();
  const materials = firstModule.getByRole('list', { name: `単元「${first}」の教材一覧` });
  await expect(materials.getByRole('listitem')).toHaveCount(1);
  await expect(materials.getByRole('listitem').first()).toContainText('相談支援ガイド');
  await expect(materials.getByRole('listitem').first()).toContainText(fileName);

  // The second module moves to the top; focus stays with it (on its remaining move button).
  await page.getByRole('button', { name: `単元「${second}」を上へ移動` }).click();
  const headings = page.getByRole('region', { name: /^単元：/ }).getByRole('heading', { level: 3 });
  await expect(headings).toHaveText([`1. ${second}`, `2. ${first}`]);
  await expect(page.getByRole('button', { name: `単元「${second}」を下へ移動` })).toBeFocused();

  // A one-question quiz on the (now first) module; an unmarked answer is caught before saving.
  const secondModule = page.getByRole('region', { name: `単元：${second}` });
  await secondModule.getByRole('button', { name: `単元「${second}」の小テストを作成` }).click();
  const quiz = secondModule.getByRole('form', { name: `単元「${second}」の小テスト` });
  await quiz.getByRole('button', { name: '問題を追加' }).click();
  await quiz.getByRole('textbox', { name: '問1の問題文' }).fill('相談を受けるとき最初にすることは？');
  await quiz.getByRole('textbox', { name: '問1の選択肢1' }).fill('話をよく聴く');
  await quiz.getByRole('textbox', { name: '問1の選択肢2' }).fill('すぐに助言する');
  await quiz.getByRole('button', { name: '小テストを保存' }).click();
  await expect(quiz.getByText('正解の選択肢に印を付けてください。')).toBeVisible();
  await quiz.getByRole('checkbox', { name: '問1の選択肢1を正解にする' }).check();
  await quiz.getByRole('button', { name: '小テストを保存' }).click();
  await expect(secondModule.getByText('1 問・合格点 80%・受験回数の上限 なし')).toBeVisible();

  // Published.
  await actions.getByRole('button', { name: '公開する' }).click();
  await dialog.getByRole('button', { name: '公開する' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('公開中', { exact: true })).toBeVisible();

  // The report's CSV keeps the BOM Excel needs to read it as UTF-8.
  await page.goto('/training/reports');
  await expect(page.getByRole('heading', { level: 1, name: '研修レポート' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'コース別' })).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'CSVをダウンロード' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^training-report-\d{8}\.csv$/);
  const path = await download.path();
  const bytes = await readFile(path);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
});
