// Directory exchange as Open Referral HSDS, as a network admin meets it on
// /admin/directory-exchange: the export downloads the network's directory as a JSON file with its
// services; importing that same file back changes nothing but updates every record (none
// created); a broken copy of it (a schedule time out of range, an unknown category, a service of
// an organisation that exists nowhere) is refused as a whole, with every problem listed by path.
import { expect, test, type Download, type Page } from './support/test';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { NETWORK_ADMIN, openNavigationIfCollapsed, signIn } from './support/session';

const NETWORK_SLUG = 'chuo-tsunagari';
const COORDINATOR_EMAIL = 'coordinator@komorebi.example.jp';
const CATEGORY_TAXONOMY = 'https://tsunagu.jp/taxonomy/service-category';

interface HsdsRecord {
  id: string;
  name?: string;
  organization_id?: string;
  schedules?: Array<Record<string, unknown>>;
  attributes?: Array<{ taxonomy_term?: { taxonomy?: string; code?: string } }>;
}

interface HsdsDocument {
  organizations: HsdsRecord[];
  services: HsdsRecord[];
}

async function openExchangePage(page: Page): Promise<void> {
  await signIn(page, NETWORK_ADMIN.email);
  await openNavigationIfCollapsed(page, 'メニューを開く');
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'データ連携（HSDS）' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'データ連携（HSDS）' })).toBeVisible();
}

async function exportDocument(page: Page): Promise<{ download: Download; path: string; document: HsdsDocument }> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'HSDS ファイルをダウンロード' }).click();
  const download = await downloading;
  const path = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(path);
  const document = JSON.parse(await readFile(path, 'utf8')) as HsdsDocument;
  return { download, path, document };
}

async function importFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await page.locator('input[type="file"]').setInputFiles(file);
  await expect(page.getByTestId('hsds-preview')).toBeVisible();
  await page.getByRole('button', { name: '取り込む', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'ファイルを取り込みますか？' });
  await expect(dialog).toContainText('同じ id のものがすでにある場合は、ファイルの内容で更新されます。');
  await dialog.getByRole('button', { name: '取り込む', exact: true }).click();
  await expect(dialog).toBeHidden();
}

test('a network admin exports the directory as an HSDS JSON file with its services', async ({ page }) => {
  await openExchangePage(page);
  await expect(page.getByRole('region', { name: 'HSDS（Open Referral）とは' })).toContainText('共通のデータ形式');

  const { download, document } = await exportDocument(page);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^tsunagu-directory-${NETWORK_SLUG}-\\d{8}\\.json$`));
  expect(document.organizations.length).toBeGreaterThan(0);
  expect(document.services.length).toBeGreaterThan(0);
  for (const service of document.services) {
    expect(service.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(document.organizations.some((organization) => organization.id === service.organization_id)).toBe(true);
  }
});

test('every member can export from the directory page; only network admins see the exchange page', async ({ page }) => {
  await signIn(page, COORDINATOR_EMAIL, { next: '/directory' });
  await expect(page.getByRole('heading', { level: 1, name: '支援機関・サービス' })).toBeVisible();
  const downloading = page.waitForEvent('download');
  // A file few members need: it is under その他の操作, not a button of its own.
  await page.getByRole('button', { name: 'その他の操作' }).click();
  await page.getByRole('menuitem', { name: 'HSDSでエクスポート' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^tsunagu-directory-${NETWORK_SLUG}-\\d{8}\\.json$`));
  const document = JSON.parse(await readFile(await download.path(), 'utf8')) as HsdsDocument;
  expect(document.services.length).toBeGreaterThan(0);

  await openNavigationIfCollapsed(page, 'メニューを開く');
  await expect(page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'データ連携（HSDS）' })).toHaveCount(0);
  await page.goto('/admin/directory-exchange');
  await expect(page.getByRole('heading', { level: 1, name: 'このページを表示する権限がありません' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'HSDS ファイルをダウンロード' })).toHaveCount(0);
  await expect(page.locator('input[type="file"]')).toHaveCount(0);
});

test('importing the exported file back updates every record and creates none', async ({ page }) => {
  await openExchangePage(page);
  const { path, document } = await exportDocument(page);

  await page.locator('input[type="file"]').setInputFiles(path);
  await expect(page.getByTestId('hsds-preview')).toContainText(
    `団体 ${document.organizations.length}件、サービス ${document.services.length}件`,
  );
  await importFile(page, path);

  const success = page.getByRole('status').filter({ hasText: '取り込みました' });
  await expect(success).toBeVisible({ timeout: 20_000 });
  await expect(success).toContainText('新しく登録：0件');
  const updated = Number(/更新：(\d+)件/.exec(await success.innerText())?.[1]);
  expect(updated).toBeGreaterThan(0);
  expect(updated).toBe(document.organizations.length + document.services.length);
});

test('a broken file is refused as a whole, with every problem listed by path', async ({ page }) => {
  await openExchangePage(page);
  const { document } = await exportDocument(page);

  // A schedule whose opening time does not exist.
  const scheduled = document.services.findIndex((service) => (service.schedules?.length ?? 0) > 0);
  expect(scheduled, 'a service with hours').toBeGreaterThanOrEqual(0);
  (document.services[scheduled].schedules ?? [])[0]['opens_at'] = '25:00';
  // A category that is not in the vocabulary.
  const categorized = document.services.findIndex((service) =>
    (service.attributes ?? []).some((attribute) => attribute.taxonomy_term?.taxonomy === CATEGORY_TAXONOMY),
  );
  expect(categorized, 'a service with a category').toBeGreaterThanOrEqual(0);
  const attributes = document.services[categorized].attributes ?? [];
  const attributeIndex = attributes.findIndex((attribute) => attribute.taxonomy_term?.taxonomy === CATEGORY_TAXONOMY);
  const term = attributes[attributeIndex].taxonomy_term;
  if (term) term.code = 'NOT_A_CATEGORY';
  // A new service of an organisation that is neither in the file nor in the network.
  const template = document.services[document.services.length - 1];
  const newId = randomUUID();
  const added = JSON.parse(JSON.stringify(template).split(template.id).join(newId)) as HsdsRecord;
  added.organization_id = randomUUID();
  added.name = `取り込まれないはずのサービス ${Date.now()}`;
  const addedIndex = document.services.push(added) - 1;

  await importFile(page, {
    name: 'broken-directory.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(document, null, 2)),
  });

  const report = page.getByRole('alert').filter({ hasText: '取り込めませんでした' });
  await expect(report).toBeVisible({ timeout: 20_000 });
  await expect(report).toContainText(/\d+件の問題があります。どれも修正するまで、何も取り込まれていません。/);
  const count = Number(/(\d+)件の問題があります/.exec(await report.innerText())?.[1]);

  const table = page.getByRole('table', { name: '問題の一覧' });
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(count + 1); // with the header row
  const paths = (await table.locator('tbody tr td:first-child').allInnerTexts()).map((text) => text.trim());
  expect(paths.some((path) => path.startsWith(`$.services[${scheduled}].schedules[0]`))).toBe(true);
  expect(paths).toContain(`$.services[${categorized}].attributes[${attributeIndex}].taxonomy_term.code`);
  expect(paths).toContain(`$.services[${addedIndex}].organization_id`);

  // Sorted by path on request ($.services[2] before $.services[10]).
  await table.getByRole('button', { name: '場所（パス）で並べ替え' }).click();
  await expect(table.getByRole('columnheader', { name: /場所（パス）/ })).toHaveAttribute('aria-sort', 'ascending');
  const sorted = (await table.locator('tbody tr td:first-child').allInnerTexts()).map((text) => text.trim());
  expect(sorted).toEqual([...sorted].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
  await expect(page.getByRole('button', { name: 'レポートをコピー' })).toBeVisible();

  // Nothing was written: a fresh export has no trace of the added service.
  const after = await exportDocument(page);
  expect(after.document.services.some((service) => service.id === newId)).toBe(false);
  expect(after.document.services).toHaveLength(document.services.length - 1);
});

test('the page speaks English too, and a file over 5 MB is refused in the browser', async ({ page }) => {
  await signIn(page, NETWORK_ADMIN.email, { next: '/admin/directory-exchange' });
  await expect(page.getByRole('heading', { level: 1, name: 'データ連携（HSDS）' })).toBeVisible();
  await page.evaluate(() => window.localStorage.setItem('tsunagu.language', 'en'));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Data exchange (HSDS)' })).toBeVisible();

  await page.locator('input[type="file"]').setInputFiles({
    name: 'huge.json',
    mimeType: 'application/json',
    buffer: Buffer.alloc(5 * 1024 * 1024 + 1, ' '),
  });
  await expect(page.getByText(/This file is too large \(5\.1 MB\)\. Please choose a file of 5 MB or less\./)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
});

test('the public file leaves out the DV line kept for police and hospitals; the file for partners has it, marked', async ({ page }) => {
  const partnerLine = '03-0000-1308';
  await openExchangePage(page);
  const { document: publicDocument } = await exportDocument(page);
  expect(JSON.stringify(publicDocument)).not.toContain(partnerLine);
  expect(JSON.stringify(publicDocument)).toContain('03-0000-1306');

  const partners = page.getByRole('region', { name: '関係機関向けのファイル' });
  await expect(partners).toContainText('公開しないでください');
  const downloading = page.waitForEvent('download');
  await partners.getByRole('button', { name: '関係機関向けファイルをダウンロード' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^tsunagu-directory-${NETWORK_SLUG}-partners-only-\\d{8}\\.json$`));
  const text = await readFile(await download.path(), 'utf8');
  const document = JSON.parse(text) as Record<string, unknown>;
  expect(document['x-tsunagu-audience']).toBe('partners');
  expect(text).toContain(partnerLine);
  expect(text).toContain('警察・医療機関からの連絡専用');
});
