// The app's search forms (助成金情報の検索, 研修コースの検索, 連携の絞り込み …) share one shape: a
// search landmark with a キーワード box and a 検索 button; the keyword goes into the URL.
import { expect, type Page } from '@playwright/test';

/** Types `keyword` into the search form named `searchName`, submits it and waits for the URL to carry it. */
export async function searchByKeyword(page: Page, searchName: string, keyword: string): Promise<void> {
  const search = page.getByRole('search', { name: searchName });
  await search.getByRole('searchbox', { name: 'キーワード' }).fill(keyword);
  await search.getByRole('button', { name: '検索' }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(keyword)}`));
}
