// Accounts end to end, in Japanese and in English: a network/organisation admin signs in,
// invites a new address to their organisation, the invitee opens the link from the mail the
// API really sent (read from the local mail catcher), sets a name and a password, is signed
// in and sees the organisation's members.
import { expect, test, type Locator, type Page } from './support/test';
import { waitForLinkInMail } from './support/mail';
import { NETWORK_ADMIN, openNavigationIfCollapsed, signIn } from './support/session';

const text = {
  ja: {
    language: '日本語',
    languageGroup: '表示言語',
    openMenu: 'メニューを開く',
    navigation: 'メインメニュー',
    members: 'メンバー',
    membersList: 'メンバー一覧',
    email: 'メールアドレス',
    coordinator: '相談支援コーディネーター',
    staff: 'スタッフ',
    sendInvitation: '招待メールを送る',
    sent: (email: string) => `${email} に招待メールを送りました。`,
    pending: '招待中',
    acceptTitle: '招待を受ける',
    name: '氏名（表示名）',
    password: 'パスワード',
    confirm: 'パスワード（確認）',
    join: '参加する',
    active: '有効',
    loadMore: 'さらに読み込む',
    tooShort: 'パスワードは12文字以上にしてください。',
  },
  en: {
    language: 'English',
    languageGroup: 'Display language',
    openMenu: 'Open menu',
    navigation: 'Main menu',
    members: 'Members',
    membersList: 'Members',
    email: 'Email address',
    coordinator: 'Support coordinator',
    staff: 'Staff',
    sendInvitation: 'Send invitation',
    sent: (email: string) => `Invitation sent to ${email}.`,
    pending: 'Pending invitations',
    acceptTitle: 'Accept invitation',
    name: 'Name',
    password: 'Password',
    confirm: 'Confirm password',
    join: 'Join',
    active: 'Active',
    loadMore: 'Load more',
    tooShort: 'Use at least 12 characters.',
  },
} as const;

/**
 * The members row for `email`. Members are listed oldest first, 25 at a time, and the e2e
 * database keeps earlier runs' invitees, so this presses "load more" until the row appears.
 */
async function memberRow(page: Page, tableName: string, loadMore: string, email: string): Promise<Locator> {
  const rows = page.getByRole('table', { name: tableName }).getByRole('row');
  const row = rows.filter({ hasText: email });
  const more = page.getByRole('button', { name: loadMore });
  await expect(rows.first()).toBeVisible();
  for (let round = 0; round < 50 && (await row.count()) === 0 && (await more.isVisible()); round += 1) {
    const before = await rows.count();
    await more.click();
    await expect.poll(() => rows.count()).toBeGreaterThan(before);
  }
  return row;
}

for (const language of ['ja', 'en'] as const) {
  const t = text[language];

  test(`an admin invites a new member who joins from the mailed link (${language})`, async ({ page, browser }, testInfo) => {
    const invitee = `invitee-${language}-${testInfo.project.name}-${Date.now()}@example.jp`;
    const inviteeName = language === 'ja' ? '中村 あおい' : 'Aoi Nakamura';

    // The admin chooses the language on the login page and signs in.
    await page.goto('/login');
    await page.getByRole('group', { name: '表示言語' }).getByRole('button', { name: t.language }).click();
    await signIn(page, NETWORK_ADMIN.email, { language });
    await expect(page.getByRole('banner')).toContainText(NETWORK_ADMIN.name);

    await openNavigationIfCollapsed(page, t.openMenu);
    await page.getByRole('navigation', { name: t.navigation }).getByRole('link', { name: t.members }).click();
    await expect(page.getByRole('heading', { level: 1, name: t.members })).toBeVisible();
    const members = page.getByRole('table', { name: t.membersList });
    await expect(members.getByRole('row').filter({ hasText: NETWORK_ADMIN.name })).toBeVisible();

    // Invite, as coordinator and staff, in the page's language.
    const invite = page.getByRole('region', { name: language === 'ja' ? 'メンバーを招待' : 'Invite a member' });
    await invite.getByRole('textbox', { name: t.email, exact: true }).fill(invitee);
    await invite.getByRole('checkbox', { name: t.coordinator }).check();
    await expect(invite.getByRole('checkbox', { name: t.staff })).toBeChecked();
    await invite.getByRole('button', { name: t.sendInvitation }).click();
    await expect(invite.getByRole('status')).toHaveText(t.sent(invitee));
    await expect(page.getByRole('table', { name: t.pending }).getByRole('row').filter({ hasText: invitee })).toBeVisible();

    // The invitee opens the link from the mail, in a browser of their own.
    const link = await waitForLinkInMail(page.request, invitee, '/invitations/accept');
    const context = await browser.newContext({ viewport: page.viewportSize() ?? undefined });
    const inviteePage = await context.newPage();
    await inviteePage.goto(link);
    if (language === 'en') {
      await inviteePage.getByRole('group', { name: '表示言語' }).getByRole('button', { name: 'English' }).click();
    }
    await expect(inviteePage.getByRole('heading', { level: 1, name: t.acceptTitle })).toBeVisible();
    await expect(inviteePage.getByRole('main')).toContainText(NETWORK_ADMIN.organization);
    await expect(inviteePage.getByRole('main')).toContainText(invitee);

    await inviteePage.getByRole('textbox', { name: t.name, exact: true }).fill(inviteeName);
    // Too short first: the rule is explained next to the field before anything is sent.
    await inviteePage.getByRole('textbox', { name: t.password, exact: true }).fill('short');
    await inviteePage.getByRole('textbox', { name: t.confirm, exact: true }).fill('short');
    await inviteePage.getByRole('button', { name: t.join }).click();
    await expect(inviteePage.getByText(t.tooShort)).toBeVisible();

    const password = `correct horse ${language} battery staple`;
    await inviteePage.getByRole('textbox', { name: t.password, exact: true }).fill(password);
    await inviteePage.getByRole('textbox', { name: t.confirm, exact: true }).fill(password);
    await inviteePage.getByRole('button', { name: t.join }).click();

    // Signed in, on the organisation's members, with the header naming them and the organisation.
    await expect(inviteePage).toHaveURL(/\/organization\/members$/);
    await expect(inviteePage.getByRole('heading', { level: 1, name: t.members })).toBeVisible();
    await expect(inviteePage.getByRole('banner')).toContainText(inviteeName);
    await expect(inviteePage.getByRole('banner')).toContainText(NETWORK_ADMIN.organization);
    const inviteeMembers = inviteePage.getByRole('table', { name: t.membersList });
    const inviteeRow = await memberRow(inviteePage, t.membersList, t.loadMore, invitee);
    await expect(inviteeRow).toContainText(inviteeName);
    await expect(inviteeRow).toContainText(t.coordinator);
    await expect(inviteeRow).toContainText(t.active);
    await expect(inviteeMembers.getByRole('row').filter({ hasText: NETWORK_ADMIN.name })).toBeVisible();
    // A coordinator may not invite: the form is not there.
    await expect(inviteePage.getByRole('button', { name: t.sendInvitation })).toHaveCount(0);

    // The invitation is no longer pending for the admin.
    await page.reload();
    await expect(await memberRow(page, t.membersList, t.loadMore, invitee)).toContainText(inviteeName);
    await expect(page.getByRole('table', { name: t.pending }).getByRole('row').filter({ hasText: invitee })).toHaveCount(0);
    await context.close();
  });
}

test('a protected page sends a signed-out visitor to the login page and back', async ({ page }) => {
  await page.goto('/organization/members');
  await expect(page).toHaveURL(/\/login\?next=%2Forganization%2Fmembers$/);
  await signIn(page, NETWORK_ADMIN.email, { next: '/organization/members' });
  await expect(page).toHaveURL(/\/organization\/members$/);
  await expect(page.getByRole('heading', { level: 1, name: 'メンバー' })).toBeVisible();
});

test('a wrong password is refused with the API message, in the UI language', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'メールアドレス', exact: true }).fill('nobody@example.jp');
  await page.getByRole('textbox', { name: 'パスワード', exact: true }).fill('not-the-password-at-all');
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('alert')).toContainText(/[ぁ-んァ-ン一-龥]/);
  await expect(page).toHaveURL(/\/login/);
});

test('signing out ends the session, also after a reload', async ({ page }) => {
  await signIn(page, NETWORK_ADMIN.email);
  await page.reload();
  await expect(page.getByRole('banner')).toContainText(NETWORK_ADMIN.name);
  await page.getByRole('button', { name: `${NETWORK_ADMIN.name} のメニュー` }).click();
  await page.getByRole('menuitem', { name: 'ログアウト' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/account');
  await expect(page).toHaveURL(/\/login\?next=%2Faccount$/);
});
