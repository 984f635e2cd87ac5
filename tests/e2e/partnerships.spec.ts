// Partnerships end to end: 中央区 福祉保健部's liaison (a seeded demo user) records a 補助 partnership
// with NPO法人こもれび in the editor (contacts on both sides, period, review date, budget), makes it
// 実施中 after confirming, adds a PDF with the upload progress, records a meeting with two
// follow-ups (one already overdue, shown in red words, one assigned to a colleague and ticked off),
// then opens the network map: the new partnership is one more line between the two organisations
// in the connections table, and focusing こもれび's node shows it in the details.
import { expect, test, type Locator, type Page } from './support/test';
import { tokyoDate } from './support/japan-time';
import { openNavigationIfCollapsed, signIn } from './support/session';
import { tinyPdf } from '../support/sample-files';

const LIAISON = { email: 'liaison@city-chuo.example.jp' };
const MUNICIPALITY = '中央区 福祉保健部';
const PARTNER = 'NPO法人こもれび';

async function choose(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The rows of the map's connections table for partnerships of `type · status` between the municipality and the partner. */
function partnershipRows(page: Page, detail: string): Locator {
  const table = page.getByRole('table', { name: 'つながりの一覧' });
  return table
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: '連携', exact: true }) })
    .filter({ has: page.getByRole('cell', { name: MUNICIPALITY, exact: true }) })
    .filter({ has: page.getByRole('cell', { name: PARTNER, exact: true }) })
    .filter({ has: page.getByRole('cell', { name: detail, exact: true }) });
}

test('a liaison records a partnership and a meeting, sees it on the network map', async ({ page }) => {
  // Many steps, each a round trip to the API on a machine that may be busy.
  test.setTimeout(240_000);
  const run = Date.now().toString(36);
  const title = `居場所づくり活動への補助（${run}）`;
  const fileName = `kyotei-${run}.pdf`;

  await signIn(page, LIAISON.email);

  // The map before: how many active 補助 lines join the two already (earlier runs leave theirs).
  await page.goto('/network-map');
  await expect(page.getByRole('heading', { level: 1, name: 'ネットワークマップ' })).toBeVisible();
  await expect(page.getByRole('table', { name: '団体の一覧' }).getByRole('rowheader', { name: PARTNER, exact: true })).toBeVisible();
  const before = await partnershipRows(page, '補助 · 実施中').count();

  // To the partnerships through the navbar, then the editor.
  await openNavigationIfCollapsed(page, 'メニューを開く');
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '連携管理' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '連携管理' })).toBeVisible();
  await page.getByRole('link', { name: '連携を登録' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '連携を登録' })).toBeVisible();

  const form = page.getByRole('form', { name: '連携の内容' });
  // An empty submit names every required field at once: the two choices as well as the title (issue 16).
  await form.getByRole('button', { name: '登録する' }).click();
  for (const [field, role] of [['連携先の団体', 'combobox'], ['連携の種類', 'combobox'], ['名称', 'textbox']] as const) {
    await expect(form.getByRole(role, { name: field })).toHaveAttribute('aria-invalid', 'true');
  }
  await expect(form.getByText('連携先の団体を選んでください。').first()).toBeVisible();
  await expect(form.getByText('連携の種類を一覧から選んでください。').first()).toBeVisible();
  await choose(page, form, '連携先の団体', PARTNER);
  await choose(page, form, '連携の種類', '補助');
  await form.getByRole('textbox', { name: '名称' }).fill(title);
  await form.getByRole('textbox', { name: '内容', exact: true }).fill('子どもの居場所づくり活動の運営費を補助する。');
  await form.getByLabel('開始日').fill(tokyoDate(-30));
  await form.getByLabel('終了日').fill(tokyoDate(335));
  await form.getByLabel('見直し予定日').fill(tokyoDate(60));
  await form.getByRole('textbox', { name: '予算額（円）' }).fill('1200000');
  await form.getByRole('button', { name: '自治体側の担当者を追加' }).click();
  await form.getByRole('button', { name: '連携先の担当者を追加' }).click();
  const first = form.getByRole('group', { name: '担当者 1' });
  await first.getByRole('textbox', { name: '氏名' }).fill('渡辺 大輔');
  await first.getByRole('textbox', { name: '役職・部署' }).fill('地域福祉課 係長');
  const second = form.getByRole('group', { name: '担当者 2' });
  await second.getByRole('textbox', { name: '氏名' }).fill('田中 由美');
  await second.getByRole('textbox', { name: 'メールアドレス' }).fill('org-admin@komorebi.example.jp');
  await form.getByRole('button', { name: '登録する' }).click();

  // The partnership's page: every field as entered, the contacts of both sides.
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible({ timeout: 20_000 });
  await expect(page).toHaveURL(/\/partnerships\/[0-9a-f-]{36}$/);
  const details = page.getByRole('region', { name: '連携の内容' });
  await expect(details.getByText('提案中')).toBeVisible();
  await expect(details.getByText(`${PARTNER}（NPO）`)).toBeVisible();
  await expect(details.getByText(/^[￥¥]1,200,000$/)).toBeVisible();
  const contacts = page.getByRole('region', { name: '担当者' });
  await expect(contacts.getByRole('row', { name: /自治体側 渡辺 大輔 地域福祉課 係長/ })).toBeVisible();
  await expect(contacts.getByRole('row', { name: /連携先 田中 由美/ })).toBeVisible();

  // 提案中 → 実施中, after confirming.
  await page.getByRole('group', { name: '状態の変更' }).getByRole('button', { name: '「実施中」にする' }).click();
  const dialog = page.getByRole('dialog', { name: '「実施中」にする' });
  await expect(dialog).toContainText(title);
  await dialog.getByRole('button', { name: '「実施中」にする' }).click();
  await expect(dialog).toBeHidden();
  await expect(details.getByText('実施中')).toBeVisible();

  // A document, with the upload's progress, then listed with its download.
  const documents = page.getByRole('region', { name: '文書' });
  await documents.getByLabel('文書を追加').setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: tinyPdf() });
  await expect(documents.getByRole('status').filter({ hasText: `${fileName} を追加しました。` })).toBeVisible();
  await expect(documents.getByRole('button', { name: `${fileName} をダウンロード` })).toBeVisible();
  const download = page.waitForEvent('download');
  await documents.getByRole('button', { name: `${fileName} をダウンロード` }).click();
  expect((await download).suggestedFilename()).toBe(fileName);

  // A meeting with two follow-ups: one overdue already, one for the colleague next week.
  const log = page.getByRole('region', { name: 'やりとりの記録' });
  await log.getByRole('button', { name: '打合せ等を記録' }).click();
  const meeting = page.getByRole('form', { name: 'やりとりの記録' });
  await expect(meeting.getByRole('combobox', { name: '種類' })).toHaveValue('打合せ・会議');
  await meeting.getByLabel('実施日').fill(tokyoDate(-2));
  await meeting.getByRole('textbox', { name: '出席者' }).fill('渡辺（中央区）、田中（こもれび）');
  await meeting.getByRole('textbox', { name: '内容・メモ' }).fill('補助の実施計画と報告の時期を確認した。');
  await meeting.getByRole('button', { name: 'フォローアップを追加' }).click();
  await meeting.getByRole('button', { name: 'フォローアップを追加' }).click();
  const overdue = meeting.getByRole('group', { name: 'フォローアップ 1' });
  await overdue.getByRole('textbox', { name: '内容', exact: true }).fill(`実施計画書を受け取る（${run}）`);
  await overdue.getByLabel('期日').fill(tokyoDate(-1));
  const upcoming = meeting.getByRole('group', { name: 'フォローアップ 2' });
  await upcoming.getByRole('textbox', { name: '内容', exact: true }).fill(`報告様式を送る（${run}）`);
  await upcoming.getByLabel('期日').fill(tokyoDate(7));
  await upcoming.getByRole('combobox', { name: '担当者' }).click();
  await page.getByRole('option').first().click();
  await meeting.getByRole('button', { name: '記録する' }).click();
  await expect(meeting).toBeHidden();

  const entry = log.getByRole('listitem').filter({ hasText: '補助の実施計画と報告の時期を確認した。' });
  await expect(entry).toContainText('打合せ・会議');
  await expect(entry).toContainText('出席者: 渡辺（中央区）、田中（こもれび）');

  const open = page.getByRole('region', { name: '未完了のフォローアップ' });
  await expect(open.getByRole('listitem').filter({ hasText: `実施計画書を受け取る（${run}）` })).toContainText('期限切れ');
  await expect(open.getByRole('listitem').filter({ hasText: `報告様式を送る（${run}）` })).not.toContainText('期限切れ');
  await open.getByRole('checkbox', { name: `「報告様式を送る（${run}）」を完了にする` }).check();
  await expect(open.getByText(`報告様式を送る（${run}）`)).toHaveCount(0);
  await expect(open.getByText(`実施計画書を受け取る（${run}）`)).toBeVisible();
  // In the log the done one stays, ticked.
  await expect(log.getByRole('checkbox', { name: `「報告様式を送る（${run}）」を完了にする` })).toBeChecked();

  // The network map: one more active 補助 line between the two, and in the partner's details.
  await openNavigationIfCollapsed(page, 'メニューを開く');
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'ネットワークマップ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ネットワークマップ' })).toBeVisible();
  await expect(page.locator('#network-map-title')).toHaveText(/ネットワークマップ（紹介の期間：.+）/);
  await expect(partnershipRows(page, '補助 · 実施中')).toHaveCount(before + 1);
  await page.getByRole('img', { name: `${PARTNER}（NPO）`, exact: true }).focus();
  await expect(page.getByRole('region', { name: '詳細', exact: true })).toContainText(`連携：${MUNICIPALITY} と ${PARTNER}（補助・実施中）`);
});

test('a partner organisation reads its partnership with the municipality and has no controls to change it', async ({ page }) => {
  test.setTimeout(120_000);
  // NPO法人こもれび's org admin; the seed gives 中央区 福祉保健部 an informal exchange with こもれび.
  await signIn(page, 'org-admin@komorebi.example.jp');
  await page.goto('/partnerships');
  await expect(page.getByRole('heading', { level: 1, name: '連携管理' })).toBeVisible();
  await expect(page.getByRole('link', { name: '連携を登録' })).toHaveCount(0);

  // The keyword filter goes into the URL and finds it, marked read-only.
  const search = page.getByRole('search', { name: '連携の絞り込み' });
  await search.getByRole('searchbox', { name: 'キーワード' }).fill('ひきこもり');
  await search.getByRole('button', { name: '検索' }).click();
  await expect(page).toHaveURL(/[?&]q=/);
  const card = page.getByRole('article', { name: 'ひきこもり支援の情報交換' });
  await expect(card).toContainText('閲覧のみ');
  await expect(card).toContainText(`${MUNICIPALITY} と ${PARTNER}`);
  await card.getByRole('link', { name: 'ひきこもり支援の情報交換' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'ひきこもり支援の情報交換' })).toBeVisible();
  await expect(page.getByText('この連携は相手方の自治体が管理しています。')).toBeVisible();
  const log = page.getByRole('region', { name: 'やりとりの記録' });
  await expect(log).toContainText('家族会の開催日程と、区の窓口で受けた相談の件数感を共有。');
  await expect(page.getByRole('region', { name: '未完了のフォローアップ' })).toContainText('家族会のチラシを窓口に置く');
  // No edit controls at all.
  await expect(page.getByRole('link', { name: '編集' })).toHaveCount(0);
  await expect(page.getByRole('group', { name: '状態の変更' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '打合せ等を記録' })).toHaveCount(0);
  await expect(page.getByLabel('文書を追加')).toHaveCount(0);
  await expect(page.getByRole('checkbox')).toHaveCount(0);

  // The network map is for readers of the network's reports, not for an org admin.
  await openNavigationIfCollapsed(page, 'メニューを開く');
  await expect(page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'ネットワークマップ' })).toHaveCount(0);
});
