// Network reports end to end: 中央区 福祉保健部's liaison (a network reader) opens レポート from the
// navbar; the page defaults to the current fiscal year (in the URL only when changed), draws its
// charts as SVG with a data table under each, shows the demo network's small referral counts as
// 秘匿 (no bar drawn — the issue-14 finding was a hatched bar as tall as a real 5 — never a
// number), offers only months and fiscal years as periods and keeps a chosen month in the URL
// across a reload, and downloads the report CSV (UTF-8 with its BOM, the period in the file name)
// and the annual evaluation PDF of the current fiscal year.
import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from './support/test';
import { openNavigationIfCollapsed, signIn } from './support/session';

const LIAISON = { email: 'liaison@city-chuo.example.jp' };

/** The Japan day "YYYY-MM-DD" of an instant. */
function tokyoDay(instant: Date): string {
  return new Date(instant.getTime() + 9 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** The current fiscal year (April to March, Japan time) as its first and last day. */
function currentFiscalYear(): { year: number; fromDay: string; toDay: string } {
  const today = tokyoDay(new Date());
  const [year, month] = today.split('-').map(Number);
  const fiscalYear = month >= 4 ? year : year - 1;
  return { year: fiscalYear, fromDay: `${fiscalYear}-04-01`, toDay: `${fiscalYear + 1}-03-31` };
}

/** A chart (figure) by its heading. */
function chart(page: Page, title: string): Locator {
  return page.getByRole('figure', { name: title, exact: true });
}

/** Opens a chart's data table (details/summary) and returns it. */
async function tableOf(page: Page, title: string): Promise<Locator> {
  const figure = chart(page, title);
  await figure.getByText(`表で見る：${title}`).click();
  const table = figure.getByRole('table', { name: title });
  await expect(table).toBeVisible();
  return table;
}

test('a liaison reads the network report with its charts and tables, keeps a range in the URL, and downloads the CSV and the annual PDF', async ({ browser }) => {
  // Generous: sign-in hashes slowly (argon2) and the shared CI machine may be busy.
  test.setTimeout(240_000);
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, LIAISON.email);

  await openNavigationIfCollapsed(page, 'メニューを開く');
  const navigation = page.getByRole('navigation', { name: 'メインメニュー' });
  await navigation.getByRole('link', { name: 'レポート' }).click();
  await expect(page).toHaveURL(/\/reports$/);
  await expect(page.getByRole('heading', { level: 1, name: 'レポート' })).toBeVisible();

  // The current fiscal year by default.
  const fiscalYear = currentFiscalYear();
  const periodPicker = page.getByRole('combobox', { name: '集計期間（月または年度）' });
  await expect(periodPicker).toHaveValue(new RegExp(`令和.+年度（${fiscalYear.year}年度）（年度全体）`));
  await expect(page.getByText(/^集計期間：/)).toContainText(`${fiscalYear.year}年4月1日`);
  // No day range is offered: only months and fiscal years.
  await expect(page.getByLabel('期間の始まり')).toHaveCount(0);

  // Every section is there; the charts are drawn as SVG.
  for (const section of ['紹介', '助成', '研修', '連携']) {
    await expect(page.getByRole('heading', { level: 2, name: section, exact: true })).toBeVisible();
  }
  const byMonth = chart(page, '月別の紹介件数');
  await expect(byMonth.locator('svg.recharts-surface')).toBeVisible();
  await expect(byMonth.locator('.recharts-bar-rectangle').first()).toBeVisible();
  const partnershipsByType = chart(page, '種類別の連携');
  await expect(partnershipsByType.locator('svg.recharts-surface')).toBeVisible();

  // The suppression is explained, and the demo's referrals (one in each state) are small cells:
  // 秘匿 in the status table and at the chart's axis, never a figure from 1 to 4.
  await expect(page.getByText('秘匿した数値について')).toBeVisible();
  // Organisation names at the axis are whole (wrapped onto lines on a phone), never clipped: the
  // label's lines put together are the name (issue 16).
  const senders = chart(page, '紹介元の団体');
  const senderLabel = senders.locator('svg text').filter({ hasText: 'つながりサポートセン' });
  await expect(senderLabel).toHaveText('つながりサポートセンター');
  const [labelBox, chartBox] = [await senderLabel.boundingBox(), await senders.locator('svg.recharts-surface').boundingBox()];
  expect(labelBox && chartBox && labelBox.x >= chartBox.x).toBe(true);
  const byStatus = await tableOf(page, '状態別の紹介件数');
  const statusCells = byStatus.locator('tbody tr td:nth-child(2)');
  await expect(statusCells.first()).toBeVisible();
  const statusFigures = await statusCells.allTextContents();
  expect(statusFigures).toContain('秘匿');
  for (const figure of statusFigures) expect(['1', '2', '3', '4', '<5', 'x']).not.toContain(figure.trim());
  const statusChart = chart(page, '状態別の紹介件数');
  await expect(statusChart.locator('.recharts-label-list').getByText('秘匿').first()).toBeVisible();
  await expect(statusChart.getByText('「秘匿」：件数を伏せた項目（棒は描きません）')).toBeVisible();
  // A hidden cell draws no bar of any count, only a 3-pixel hatched stub at the axis (the finding:
  // a hatched bar as tall as a real 5).
  const stubs = await statusChart.locator('.recharts-bar-rectangle path[fill^="url(#"]').all();
  expect(stubs.length).toBeGreaterThan(0);
  for (const stub of stubs) {
    // A horizontal bar's length is its path's "h" step: 3 pixels, whatever the axis's scale.
    const length = Number(/h\s*(-?[\d.]+)/.exec((await stub.getAttribute('d')) ?? '')?.[1]);
    expect(Math.abs(length)).toBeLessThanOrEqual(3);
  }

  // Partnerships are not about people: the liaison's six demo partnerships are plain numbers.
  const byType = await tableOf(page, '種類別の連携');
  await expect(byType.locator('tbody tr')).not.toHaveCount(0);
  for (const figure of await byType.locator('tbody tr td:nth-child(2)').allTextContents()) expect(figure.trim()).toMatch(/^\d+$/);

  // The CSV of the year: the BOM first, the Japanese header, the period in the file name, hidden
  // cells as "x" (e-Stat's mark for 秘匿).
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'CSVをダウンロード' }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toBe(`network-report_FY${fiscalYear.year}.csv`);
  const csvBytes = await readFile(await csv.path());
  expect([...csvBytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csvText = csvBytes.subarray(3).toString('utf8');
  expect(csvText.split('\r\n')[0]).toBe('区分,キー,項目,値');
  expect(csvText).toMatch(/,x\r\n/);
  expect(csvText).not.toContain('<5');

  // A month of the year is a period of its own: into the URL, and it survives a reload.
  await periodPicker.click();
  await page.getByRole('option', { name: `${fiscalYear.year}年4月`, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`period=${fiscalYear.year}-04`));
  await page.reload();
  await expect(page.getByRole('combobox', { name: '集計期間（月または年度）' })).toHaveValue(`${fiscalYear.year}年4月`);
  await expect(page.getByText(/^集計期間：/)).toContainText(`${fiscalYear.year}年4月30日`);

  // The annual evaluation PDF of the current fiscal year (令和 label), fetched with the session.
  const annual = page.getByRole('region', { name: '年度の評価・検証' });
  await expect(annual.getByLabel('年度', { exact: true })).toHaveValue(new RegExp(`令和.+年度（${fiscalYear.year}年度）`));
  const pdfDownload = page.waitForEvent('download');
  await annual.getByRole('button', { name: '年度報告のPDF' }).click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toBe(`annual-evaluation_FY${fiscalYear.year}.pdf`);
  const pdfBytes = await readFile(await pdf.path());
  expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  await context.close();
});
