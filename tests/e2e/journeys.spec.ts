// The everyday journeys of three of the four main users (issue 16), on a laptop and on a 390 px
// phone (the coordinator's is home.spec.ts). Each starts by signing in and landing on the home
// page with the card of the member's work, then goes on by clicking and typing only, through the
// app's own menu (behind the burger on a phone) and links: no address is typed after the login.
// Names carry a run id: the e2e server keeps its data across the specs and projects of one run.
//  1. The intermediary's grant editor drafts a grant with rich-text details and a region chosen
//     by its reading, publishes it; an NPO's coordinator finds it and reads the place's name.
//  2. The municipal liaison opens a partnership from the home's partnerships card, records a
//     meeting with a follow-up and sees it open on the partnership and counted on the home.
//  3. The trainer builds a course with a module and a link material and publishes it; a staff
//     member of an NPO finds it in the catalogue.
import { expect, test, type Browser, type Locator, type Page } from './support/test';
import { confirmAction } from './support/actions';
import { tokyoDate, tokyoLocal } from './support/japan-time';
import { writeRichText } from './support/rich-text';
import { searchByKeyword } from './support/search';
import { COORDINATOR, GRANT_EDITOR, LIAISON, STAFF, TRAINER, openFromMenu, signInAtHome } from './support/session';
import { startCourseDraft } from './support/training';
import { uniqueKeyword } from './support/unique';

// Every journey is many round trips to the API on a machine other test runs may be using.
test.describe.configure({ timeout: 120_000 });

const GRANTS_CARD = '締切が近いブックマーク中の助成金';
const COURSES_CARD = '受講中・割り当てられた研修';
const PARTNERSHIPS_CARD = '連携の見直しとフォローアップ';

/** Where another member looks for what was published: the card of their home, the menu item, the search form. */
interface MemberSearch {
  readonly email: string;
  readonly card: string;
  readonly menu: string;
  readonly search: string;
}

/** Another member, in a browser of their own: signs in at home, follows the menu and searches for `keyword`. */
async function searchAsMember(browser: Browser, member: MemberSearch, keyword: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAtHome(page, member.email, member.card);
  await openFromMenu(page, member.menu);
  await searchByKeyword(page, member.search, keyword);
  return page;
}

test('the grant editor publishes a grant for a region chosen by its reading; a member finds it and reads the place name', async ({ page, browser }) => {
  const keyword = uniqueKeyword();
  const title = `「${keyword}」見守り活動の応援助成（${Date.now().toString(36)}）`;

  await signInAtHome(page, GRANT_EDITOR.email, GRANTS_CARD);
  await openFromMenu(page, '助成金情報');
  await page.getByRole('tab', { name: '自団体の掲載' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '自団体の掲載' })).toBeVisible();
  await page.getByRole('link', { name: '助成金情報を掲載' }).click();

  await page.getByRole('textbox', { name: /^名称/ }).fill(title);
  await page.getByRole('textbox', { name: /^実施団体（助成元）の名称/ }).fill('中央区みまもり基金');
  await page.getByRole('textbox', { name: '概要', exact: true }).fill('一人暮らしの高齢者の見守り活動を応援します。');
  await writeRichText(page, '詳細', ['見守り訪問の', { bold: '交通費' }, 'を助成します。']);
  await page.getByLabel('募集締切').fill(tokyoLocal(20));
  // The region by its reading, never a local government code: ちゅうおうく finds every 中央区.
  await page.getByRole('combobox', { name: '対象地域' }).fill('ちゅうおうく');
  await page.getByRole('option', { name: '東京都中央区', exact: true }).click();
  await page.getByRole('button', { name: '下書きを保存' }).click();
  await expect(page.getByText('保存しました。')).toBeVisible();

  await confirmAction(page, 'この掲載への操作', '公開する');
  await expect(page.getByText('公開中', { exact: true }).first()).toBeVisible();

  // NPO法人こもれび's coordinator, in a browser of their own, finds it from their home.
  const member = await searchAsMember(browser, { email: COORDINATOR.email, card: GRANTS_CARD, menu: '助成金情報', search: '助成金情報の検索' }, keyword);
  await member.getByRole('article', { name: title }).getByRole('link', { name: title }).click();
  await expect(member.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(member.getByRole('definition').filter({ hasText: '東京都中央区' })).toHaveText('東京都中央区');
  await expect(member.getByText('交通費', { exact: true })).toBeVisible();
  await member.context().close();
});

/** The number a count link of a home card shows ("3件"). */
async function countOf(link: Locator): Promise<number> {
  const text = await link.innerText();
  return Number(/(\d+)件/.exec(text)?.[1] ?? Number.NaN);
}

test('the liaison opens a partnership from home, records a meeting with a follow-up and sees it listed', async ({ page }) => {
  const run = Date.now().toString(36);
  const followUp = `家族会の案内を窓口に届ける（${run}）`;

  const card = await signInAtHome(page, LIAISON.email, PARTNERSHIPS_CARD);
  const due = card.getByRole('link', { name: /期限が近いフォローアップ/ });
  await expect(due).toContainText('件');
  const before = await countOf(due);
  await due.click();
  await expect(page.getByRole('heading', { level: 1, name: '連携管理' })).toBeVisible();

  // The seeded informal exchange with NPO法人こもれび, which 中央区 manages.
  await searchByKeyword(page, '連携の絞り込み', 'ひきこもり');
  await page.getByRole('article', { name: 'ひきこもり支援の情報交換' }).getByRole('link', { name: 'ひきこもり支援の情報交換' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ひきこもり支援の情報交換' })).toBeVisible();

  const log = page.getByRole('region', { name: 'やりとりの記録' });
  await log.getByRole('button', { name: '打合せ等を記録' }).click();
  const meeting = page.getByRole('form', { name: 'やりとりの記録' });
  await meeting.getByLabel('実施日').fill(tokyoDate(0));
  await meeting.getByRole('textbox', { name: '内容・メモ' }).fill(`家族会の日程と窓口での案内の仕方を相談した（${run}）。`);
  await meeting.getByRole('button', { name: 'フォローアップを追加' }).click();
  const first = meeting.getByRole('group', { name: 'フォローアップ 1' });
  await first.getByRole('textbox', { name: '内容', exact: true }).fill(followUp);
  await first.getByLabel('期日').fill(tokyoDate(3));
  await meeting.getByRole('button', { name: '記録する' }).click();
  await expect(meeting).toBeHidden();

  await expect(log.getByRole('listitem').filter({ hasText: `窓口での案内の仕方を相談した（${run}）` })).toBeVisible();
  const open = page.getByRole('region', { name: '未完了のフォローアップ' });
  const item = open.getByRole('listitem').filter({ hasText: followUp });
  await expect(item).toBeVisible();
  await expect(item).not.toContainText('期限切れ');

  // Back home, the follow-up due within the week is counted.
  await openFromMenu(page, 'ホーム');
  const after = page.getByRole('region', { name: PARTNERSHIPS_CARD }).getByRole('link', { name: /期限が近いフォローアップ/ });
  await expect.poll(() => countOf(after)).toBe(before + 1);
});

test('the trainer publishes a course with a module and a material; a staff member finds it in the catalogue', async ({ page, browser }) => {
  const keyword = uniqueKeyword();
  const title = `「${keyword}」見守りボランティア入門（${Date.now().toString(36)}）`;
  const moduleTitle = '見守りの心得';
  const material = '見守り活動の手引き';

  await signInAtHome(page, TRAINER.email, COURSES_CARD);
  await openFromMenu(page, '研修');
  await page.getByRole('tab', { name: '自団体のコース' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '研修コースの管理' })).toBeVisible();
  await startCourseDraft(page, { title, summary: '地域の見守り活動を始める人のための入門です。', minutes: 15 });

  const addModule = page.getByRole('form', { name: '単元の追加' });
  await addModule.getByRole('textbox', { name: '新しい単元の名前' }).fill(moduleTitle);
  await addModule.getByRole('button', { name: '単元を追加' }).click();
  const module = page.getByRole('region', { name: `単元：${moduleTitle}` });
  await expect(module).toBeVisible();
  await module.getByRole('radio', { name: '外部リンク' }).check();
  await module.getByRole('textbox', { name: '教材名' }).fill(material);
  await module.getByRole('textbox', { name: 'リンクのURL' }).fill('https://www.mhlw.go.jp/');
  await module.getByRole('button', { name: 'リンクを追加' }).click();
  await expect(module.getByRole('list', { name: `単元「${moduleTitle}」の教材一覧` }).getByRole('listitem')).toContainText(material);

  await confirmAction(page, 'コースの操作', '公開する');
  await expect(page.getByText('公開中', { exact: true }).first()).toBeVisible();

  // NPO法人こもれび's staff member, in a browser of their own, finds it from their home.
  const learner = await searchAsMember(browser, { email: STAFF.email, card: COURSES_CARD, menu: '研修', search: '研修コースの検索' }, keyword);
  const course = learner.getByRole('article', { name: title });
  await expect(course.getByText('目安 約15分')).toBeVisible();
  await expect(course.getByText('外部リンク')).toBeVisible();
  await course.getByRole('link', { name: title }).click();
  await expect(learner.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(learner.getByText(moduleTitle).first()).toBeVisible();
  await learner.context().close();
});
