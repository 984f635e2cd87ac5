// Passkeys end to end in Chromium, with its virtual authenticator (DevTools protocol WebAuthn
// domain) standing in for a phone's or laptop's platform authenticator: a member adds a passkey
// on /account, signs out, and signs in with the passkey alone (no email, no password).
// A member invited for this test is used: a demo account must never be left with a passkey.
import { expect, test, type Page } from './support/test';
import { graphql } from '../support/graphql';
import { apiClientAs } from './support/api-client';
import { waitForLinkInMail } from './support/mail';
import { baseURL, passkeyBaseURL } from './support/servers';
import { NETWORK_ADMIN, signIn } from './support/session';

const PASSWORD = 'passkey-e2e-passphrase-2026';

/** A new STAFF member of the network admin's organisation, who joined with PASSWORD. */
async function newMember(page: Page, email: string, displayName: string): Promise<void> {
  const admin = await apiClientAs(NETWORK_ADMIN.email);
  const invited = await admin.request('mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { id } }', {
    input: { email, roles: ['STAFF'] },
  });
  expect(invited.body.errors).toBeUndefined();
  const link = await waitForLinkInMail(page.request, email, '/invitations/accept');
  const token = new URL(link).searchParams.get('token');
  const accepted = await graphql(baseURL, 'mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { auth { accessToken } } }', {
    variables: { input: { token, displayName, password: PASSWORD } },
  });
  expect(accepted.body.errors).toBeUndefined();
}

test.use({ baseURL: passkeyBaseURL });

test('a member adds a passkey on /account, signs out and signs in with it alone', async ({ page }, testInfo) => {
  const email = `passkey-${testInfo.project.name}-${Date.now()}@example.jp`;
  const name = `パスキー ${testInfo.project.name}`;
  await newMember(page, email, name);

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
  });

  await signIn(page, email, { password: PASSWORD });
  await page.goto('/account');
  const section = page.getByRole('region', { name: 'パスキー' });
  await expect(section.getByText('パスキーはまだ登録されていません。')).toBeVisible();
  await section.getByRole('textbox', { name: 'パスキーの名前' }).fill('仕事用のノートパソコン');
  await section.getByRole('button', { name: 'パスキーを追加' }).click();
  await expect(section.getByRole('status')).toHaveText('パスキー「仕事用のノートパソコン」を追加しました。');
  await expect(section.getByRole('table', { name: 'パスキー' }).getByRole('row').filter({ hasText: '仕事用のノートパソコン' })).toBeVisible();
  // A discoverable credential, so it can sign in without the email address.
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  expect(credentials).toHaveLength(1);
  expect(credentials[0].isResidentCredential).toBe(true);

  await page.getByRole('button', { name: `${name} のメニュー` }).click();
  await page.getByRole('menuitem', { name: 'ログアウト' }).click();
  await expect(page).toHaveURL(/\/login/);

  await page.getByRole('button', { name: 'パスキーでログイン' }).click();
  await expect(page).not.toHaveURL(/\/login/, { timeout: 20_000 });
  await expect(page.getByRole('banner')).toContainText(name);
  await page.goto('/account');
  await expect(page.getByRole('region', { name: 'パスキー' }).getByRole('row').filter({ hasText: '仕事用のノートパソコン' })).not.toContainText('未使用');
  const after = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  expect(after.credentials[0].signCount).toBeGreaterThan(0);
});

test('cancelling the passkey prompt on the login page says so and leaves the person on the page', async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  // An authenticator that holds no passkey for this site: Chromium ends the request as cancelled.
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
  });
  await page.goto('/login');
  await page.getByRole('button', { name: 'パスキーでログイン' }).click();
  await expect(page.getByRole('alert')).toHaveText('パスキーの操作が取り消されたか、時間切れになりました。もう一度お試しください。', {
    timeout: 20_000,
  });
  await expect(page).toHaveURL(/\/login/);
});
