// The referral list as a triage tool (issue 16), on a laptop and on a 390 px phone (run it in
// both projects): NPO法人こもれび's coordinator opens the outbox of the demo seed. Urgency comes
// first; every urgency and status badge shows its whole label (nothing cut to "…"); sorting by
// reply deadline puts the overdue referral first and the other awaiting ones by deadline, the
// answered ones after them; on a phone the filters sit behind one 絞り込み button that counts
// them and the rows are cards; a reversed date range says why the list is empty. The referral,
// its person's page and the people list are cards on a phone too, and a person's pseudonym
// never breaks across lines. Screenshots of the list go to docs/screenshots/.
import { expect, test, type Locator, type Page } from './support/test';
import { signIn } from './support/session';

const COORDINATOR = 'coordinator@komorebi.example.jp';
const OUTBOX = '送信（自団体からの紹介）';
// Written from the complaint (緊.., 通.., 送信済み（返答…): the labels that were cut.
const SENT_LABEL = '送信済み（返答待ち）';
const NORMAL_LABEL = '通常';

const isPhone = (name: string) => name === 'phone';

/** The list of referrals: the table on a laptop, the list of cards on a phone. */
function referralList(page: Page, phone: boolean): Locator {
  return phone ? page.locator(`ul[data-layout="cards"][aria-label="${OUTBOX}"]`) : page.getByRole('table', { name: OUTBOX });
}

function rowsOf(list: Locator, phone: boolean): Locator {
  return phone ? list.locator(':scope > li') : list.locator('tbody tr');
}

/** Each badge's text, and whether it fits: its label is not cut (scrollWidth ≤ clientWidth), nor is the badge. */
async function badgeReadings(scope: Locator): Promise<Array<{ code: string; text: string; fits: boolean }>> {
  return scope.locator('[data-urgency], [data-status]').evaluateAll((badges) =>
    badges.map((badge) => {
      const label = badge.querySelector('.mantine-Badge-label') ?? badge;
      const fits = label.scrollWidth <= label.clientWidth + 1 && badge.scrollWidth <= badge.clientWidth + 1;
      return { code: badge.getAttribute('data-urgency') ?? badge.getAttribute('data-status') ?? '', text: (label.textContent ?? '').trim(), fits };
    }),
  );
}

async function expectWholeBadges(scope: Locator) {
  const readings = await badgeReadings(scope);
  expect(readings.length).toBeGreaterThan(0);
  for (const reading of readings) {
    expect(reading).toEqual({ code: reading.code, text: expect.not.stringMatching(/…|\.\.$/), fits: true });
  }
  return readings;
}

/** Every element matching `selector` in `scope` lies on one line (one client rect): no per-character stack. */
async function expectOneLine(scope: Locator, selector: string) {
  const lines = await scope.locator(selector).evaluateAll((elements) => elements.map((element) => ({ text: element.textContent, rects: element.getClientRects().length })));
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) expect(line).toEqual({ text: line.text, rects: 1 });
}

async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

/** "2026/12/07 9:05" (Japan time, as the list writes it) as a comparable number. */
function dueValue(text: string): number {
  const match = text.match(/(\d{4})\/(\d{2})\/(\d{2})\s+(\d{1,2}):(\d{2})/);
  if (!match) throw new Error(`not a date and time: ${text}`);
  const [, year, month, day, hour, minute] = match.map(Number);
  return Date.UTC(year, month - 1, day, hour, minute);
}

test('the outbox for triage: whole badges, urgency first, by deadline, filters folded on a phone, cards', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const phone = isPhone(testInfo.project.name);
  expect(page.viewportSize()?.width).toBe(phone ? 390 : testInfo.project.name === 'tablet' ? 820 : 1366);
  await signIn(page, COORDINATOR);
  await page.goto('/referrals?box=outbox');
  const list = referralList(page, phone);
  await expect(list).toBeVisible({ timeout: 20_000 });
  await expect(rowsOf(list, phone).first()).toBeVisible();
  await expect(page.getByRole('table', { name: OUTBOX })).toHaveCount(phone ? 0 : 1);

  // Urgency first: the first column on a laptop, the first badge of every card on a phone.
  if (phone) {
    const firstBadges = await rowsOf(list, phone).evaluateAll((cards) => cards.map((card) => card.querySelector('[data-urgency], [data-status]')?.hasAttribute('data-urgency')));
    expect(firstBadges.length).toBeGreaterThan(0);
    expect(firstBadges.every(Boolean)).toBe(true);
  } else {
    await expect(list.locator('thead th').first()).toHaveText('緊急度');
  }

  // Every badge whole: the demo outbox holds an awaiting (SENT) and a NORMAL one, the labels the issue found cut.
  const readings = await expectWholeBadges(list);
  expect(readings).toContainEqual({ code: 'SENT', text: SENT_LABEL, fits: true });
  expect(readings).toContainEqual({ code: 'NORMAL', text: NORMAL_LABEL, fits: true });

  // The filters: a bar on a laptop; on a phone one button, which opens them and counts those set.
  const filters = page.getByRole('region', { name: '絞り込み' });
  const toggle = page.getByTestId('referral-filter-toggle');
  if (phone) {
    await expect(filters).toBeHidden();
    await expect(toggle).toHaveText('絞り込み');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  } else {
    await expect(filters).toBeVisible();
    await expect(toggle).toHaveCount(0);
  }

  // Sort by reply deadline: the overdue referral first, the awaiting ones by deadline, then the rest.
  await page.getByLabel('並び順').selectOption('DEADLINE');
  await expect(page).toHaveURL(/sort=deadline/);
  const first = rowsOf(list, phone).first();
  await expect(first.getByTestId('overdue')).toBeVisible();
  const order = await rowsOf(list, phone).evaluateAll((rows, onPhone) =>
    rows.map((row) => ({
      status: row.querySelector('[data-status]')?.getAttribute('data-status') ?? '',
      due: (onPhone ? row.querySelector('[data-column="due"] dd') : row.querySelectorAll('td')[6])?.textContent?.trim() ?? '',
    })),
  phone);
  const awaiting = order.filter((row) => row.status === 'SENT');
  expect(awaiting.length).toBeGreaterThanOrEqual(2);
  expect(order.slice(0, awaiting.length).map((row) => row.status)).toEqual(awaiting.map(() => 'SENT'));
  const dues = awaiting.map((row) => dueValue(row.due));
  expect(dues).toEqual([...dues].sort((a, b) => a - b));
  await expectWholeBadges(list);

  await page.screenshot({ path: `docs/screenshots/referrals-${phone ? 'phone' : testInfo.project.name}.png`, fullPage: true });

  // On a phone the filters open from the button, and the button counts what is set.
  if (phone) {
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(filters).toBeVisible();
    await filters.getByRole('switch', { name: '返答期限切れのみ' }).check();
    await expect(page).toHaveURL(/overdue=1/);
    await expect(toggle).toHaveText('絞り込み（1件）');
    await expect(rowsOf(list, phone).first()).toBeVisible();
    await expect(rowsOf(list, phone).filter({ hasNot: page.getByTestId('overdue') })).toHaveCount(0);
    await filters.getByRole('switch', { name: '返答期限切れのみ' }).uncheck();
    await expect(toggle).toHaveText('絞り込み');
  }

  // A reversed date range: no list, and the page says why — where the list would be, and under the date.
  await filters.getByLabel('作成日（から）').fill('2026-05-01');
  await filters.getByLabel('作成日（まで）').fill('2026-04-01');
  await expect(page.getByTestId('referral-reversed-range')).toContainText('該当する紹介はありません');
  await expect(filters.getByText('終了日は開始日と同じか、それより後にしてください。')).toBeVisible();
  await expect(list).toHaveCount(0);
  if (phone) await expect(toggle).toHaveText('絞り込み（1件）');
  await filters.getByRole('button', { name: '絞り込みを解除' }).click();
  await expect(page.getByTestId('referral-reversed-range')).toHaveCount(0);
  await expect(rowsOf(list, phone).first()).toBeVisible();
  // Clearing the filters keeps the order.
  await expect(page).toHaveURL(/sort=deadline/);
  await expectNoSidewaysScroll(page);
});

test('a referral, its person and the people list: cards on a phone, pseudonyms on one line', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const phone = isPhone(testInfo.project.name);
  await signIn(page, COORDINATOR);

  // The demo's referral in progress (青木 遥 to the support centre): badges whole, the pseudonym on one line.
  await page.goto('/referrals?box=outbox&status=IN_PROGRESS&need=MENTAL_HEALTH');
  const list = referralList(page, phone);
  await expect(rowsOf(list, phone).first()).toBeVisible({ timeout: 20_000 });
  await rowsOf(list, phone).first().getByTestId('referral-link').click();
  await expect(page).toHaveURL(/\/referrals\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('referral-status')).toHaveAttribute('data-status', 'IN_PROGRESS');
  await expectWholeBadges(page.locator('main'));
  await expectOneLine(page.locator('main'), '[data-short-code]');
  await expectNoSidewaysScroll(page);

  // The person's page: the referral history as cards on a phone, a table on a laptop.
  await page.getByRole('link', { name: '当事者のページを開く' }).click();
  await expect(page).toHaveURL(/\/people\/[0-9a-f-]{36}$/);
  const history = page.getByTestId('person-referrals');
  await expect(history).toBeVisible({ timeout: 20_000 });
  await expect(history.locator('ul[data-layout="cards"]')).toHaveCount(phone ? 1 : 0);
  await expect(history.getByRole('table')).toHaveCount(phone ? 0 : 1);
  await expectWholeBadges(history);
  await expectNoSidewaysScroll(page);

  // The people list: cards on a phone, each titled by the pseudonym, which never breaks.
  await page.goto('/people');
  const people = phone ? page.locator('ul[data-layout="cards"][aria-label="自団体の当事者"]') : page.getByRole('table', { name: '自団体の当事者' });
  await expect(people).toBeVisible({ timeout: 20_000 });
  await expectOneLine(people, 'a[href^="/people/"] [data-short-code]');
  await expectNoSidewaysScroll(page);
});
