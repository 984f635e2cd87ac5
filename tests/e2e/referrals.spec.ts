// Closed-loop referrals, end to end: NPO法人こもれび's coordinator registers a person (a unique
// name each run) and records a consent to give IDENTITY to 中央区社会福祉協議会 for referral, then
// refers the person with the wizard to that council's 「生活福祉資金の貸付相談」 (the wizard offers
// IDENTITY — naming the consent — and not CONTACT). The council's coordinator sees the referral
// in the inbox, receives the mail (read from the local mail catcher) linking to it, sees the
// identity disclosed and the contact withheld, accepts, starts and completes it with an outcome.
// The sender sees the outcome on the timeline and is notified of the completion.
import { expect, test, type APIRequestContext, type Page } from './support/test';
import { mailCatcherPort } from './support/servers';
import { signedInPage } from './support/session';
import { categorySection, fillPersonName, newPerson } from './support/people';
import { listRecords } from './support/records';
import { runId } from './support/unique';

const SENDER = { email: 'coordinator@komorebi.example.jp', organization: 'NPO法人こもれび' };
const RECEIVER = { email: 'soudan@shakyo-chuo.example.jp', organization: '中央区社会福祉協議会' };
const SERVICE = '生活福祉資金の貸付相談';

/**
 * Waits for a mail to `address` linking to `pathname` and returns the link. Unlike the shared
 * helper, every mail to the address is searched, not only the newest: the demo seed's overdue
 * referrals may escalate (and mail the same coordinator) while this test runs.
 */
async function waitForMailLinking(request: APIRequestContext, address: string, pathname: string): Promise<string> {
  let link: string | null = null;
  await expect
    .poll(
      async () => {
        const response = await request.get(`http://127.0.0.1:${mailCatcherPort}/`);
        if (!response.ok()) return null;
        const articles = (await response.text()).match(/<article>[\s\S]*?<\/article>/g) ?? [];
        const hrefs = articles
          .filter((article) => (article.match(/<p class="meta">([\s\S]*?)<\/p>/)?.[1] ?? '').toLowerCase().includes(address))
          .flatMap((article) => [...article.matchAll(/href="([^"]+)"/g)].map((match) => match[1].replace(/&amp;/g, '&')));
        link = hrefs.find((href) => new URL(href).pathname === pathname) ?? null;
        return link;
      },
      { message: `a mail to ${address} with a ${pathname} link`, timeout: 20_000, intervals: [250, 500, 1000] },
    )
    .not.toBeNull();
  return link as unknown as string;
}

/** Takes an action from the referral's action buttons, confirming it in its dialog. */
async function act(page: Page, action: string, text?: { label: RegExp; value: string }) {
  await page.getByRole('group', { name: 'この紹介への操作' }).getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: action });
  if (text) await dialog.getByRole('textbox', { name: text.label }).fill(text.value);
  await dialog.getByRole('button', { name: action, exact: true }).click();
  await expect(dialog).toBeHidden();
}

test('a coordinator refers a person; the receiver accepts, starts and completes it; the sender sees the outcome', async ({ browser }) => {
  test.setTimeout(120_000);
  const run = runId();
  const person = newPerson('紹介', '一郎', 'イチロウ');
  const outcome = `生活福祉資金の申請を支援し、貸付が決定した（${run}）`;

  // The sender's coordinator registers the person…
  const sender = await signedInPage(browser, SENDER.email);
  await sender.goto('/people/new');
  await fillPersonName(sender, person);
  await sender.getByLabel('生年月日').fill('1975-09-12');
  await sender.getByRole('textbox', { name: '電話番号' }).fill(person.phone);
  await sender.getByRole('button', { name: '登録する' }).click();
  await expect(sender).toHaveURL(/\/people\/[0-9a-f-]{36}$/);
  await expect(sender.getByRole('heading', { level: 1 })).toContainText(person.fullName);

  // …and records a consent: identity only, to the council, for referral.
  await sender.getByRole('tab', { name: '同意' }).click();
  await sender.getByRole('button', { name: '同意を記録', exact: true }).click();
  const form = sender.getByRole('dialog', { name: '同意を記録' });
  await form.getByRole('checkbox', { name: '本人確認情報（氏名・ふりがな・生年月日）' }).check();
  await form.getByRole('combobox', { name: '提供先の団体' }).click();
  await sender.getByRole('option', { name: RECEIVER.organization }).click();
  await form.getByRole('button', { name: '同意を記録する' }).click();
  await expect(form).toBeHidden();
  await expect(sender.locator('article[data-consent-state="ACTIVE"]')).toHaveCount(1);

  // The wizard: the person, the council's service, the categories consent allows, the details.
  await sender.goto('/referrals/new');
  await expect(sender.getByRole('heading', { level: 1, name: '新しい紹介' })).toBeVisible();
  const personSearch = sender.getByRole('search', { name: '当事者を検索' });
  await personSearch.getByRole('searchbox').fill(person.family);
  await personSearch.getByRole('button', { name: '検索' }).click();
  await sender.getByRole('button', { name: `${person.fullName} を選ぶ` }).click();
  await expect(sender.getByTestId('chosen-person')).toContainText(person.family);
  await sender.getByRole('button', { name: '次へ' }).click();

  const serviceSearch = sender.getByRole('search', { name: '紹介先のサービスを検索' });
  await serviceSearch.getByRole('searchbox').fill(SERVICE);
  await serviceSearch.getByRole('button', { name: '検索' }).click();
  await sender.getByRole('button', { name: `${SERVICE}（${RECEIVER.organization}）を紹介先に選ぶ` }).click();
  await expect(sender.getByTestId('chosen-service')).toContainText(SERVICE);
  await sender.getByRole('button', { name: '次へ' }).click();

  const identity = sender.locator('[data-category-choice="IDENTITY"]');
  await expect(identity).toHaveAttribute('data-allowed', 'true');
  await expect(identity).toContainText('同意あり');
  await expect(sender.locator('[data-category-choice="CONTACT"]')).toHaveAttribute('data-allowed', 'false');
  await expect(sender.locator('[data-category-choice="CONTACT"]').getByRole('checkbox')).toBeDisabled();
  await identity.getByRole('checkbox').check();
  await sender.getByRole('button', { name: '次へ' }).click();

  await sender.getByRole('textbox', { name: /紹介の理由/ }).fill('家賃の滞納があり、生活福祉資金の相談が必要です。');
  await expect(sender.locator('section[aria-labelledby="review-heading"]')).toContainText(SERVICE);
  await sender.getByRole('button', { name: '紹介を送信' }).click();
  await expect(sender).toHaveURL(/\/referrals\/[0-9a-f-]{36}$/);
  const referralId = new URL(sender.url()).pathname.split('/').pop() ?? '';
  await expect(sender.getByTestId('referral-status')).toHaveAttribute('data-status', 'SENT');

  // The council's coordinator: the bell counts it, the inbox lists it, and the mail links to it.
  const receiver = await signedInPage(browser, RECEIVER.email);
  await expect(receiver.getByRole('button', { name: /通知（未読 [1-9]\d*件）/ })).toBeVisible();
  await receiver.goto('/referrals');
  await expect(receiver.getByRole('tab', { name: '受信（自団体への紹介）' })).toHaveAttribute('aria-selected', 'true');
  const row = listRecords(receiver).filter({ has: receiver.locator(`a[href="/referrals/${referralId}"]`) });
  await expect(row).toContainText(SENDER.organization);
  await expect(row.locator('[data-status="SENT"]')).toBeVisible();
  const link = await waitForMailLinking(receiver.request, RECEIVER.email, `/referrals/${referralId}`);
  await receiver.goto(link);
  await expect(receiver).toHaveURL(new RegExp(`/referrals/${referralId}$`));
  await expect(categorySection(receiver, 'IDENTITY')).toHaveAttribute('data-access', 'DISCLOSED');
  await expect(categorySection(receiver, 'IDENTITY')).toContainText(person.family);
  await expect(categorySection(receiver, 'CONTACT')).toHaveAttribute('data-access', 'WITHHELD');
  await expect(receiver.getByRole('main')).not.toContainText(person.phone);

  // …accepts, starts and completes it with an outcome.
  await act(receiver, '受け入れる');
  await expect(receiver.getByTestId('referral-status')).toHaveAttribute('data-status', 'ACCEPTED');
  await act(receiver, '支援を開始する');
  await expect(receiver.getByTestId('referral-status')).toHaveAttribute('data-status', 'IN_PROGRESS');
  await act(receiver, '完了にする', { label: /支援の結果/, value: outcome });
  await expect(receiver.getByTestId('referral-status')).toHaveAttribute('data-status', 'COMPLETED');

  // The sender sees the outcome on the timeline, and is told of the completion.
  await sender.reload();
  await expect(sender.getByTestId('referral-status')).toHaveAttribute('data-status', 'COMPLETED');
  const completed = sender.getByTestId('referral-timeline').locator('[data-action="COMPLETE"]');
  await expect(completed).toContainText('完了');
  await expect(completed).toContainText(outcome);
  await expect(sender.getByTestId('referral-outcome')).toContainText(outcome);
  await sender.getByRole('button', { name: /通知（未読 [1-9]\d*件）/ }).click();
  await expect(sender.getByRole('region', { name: '最近の通知' }).locator('[data-notification-kind="REFERRAL_COMPLETED"]').first()).toBeVisible();

  await sender.context().close();
  await receiver.context().close();
});
