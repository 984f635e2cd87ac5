// Two-step verification in the browser (issue 18): a new member sets up an authenticator app on
// /account (the code computed here with otplib, as the app on a phone would), signs out, and signs
// in again with the password and then a code. A fresh account each run: the demo accounts never
// get a factor, since every other spec signs them in with the password alone.
import { expect, test } from './support/test';
import { generateSync } from 'otplib';
import { graphql } from '../support/graphql';
import { apiClientAs } from './support/api-client';
import { waitForLinkInMail } from './support/mail';
import { baseURL } from './support/servers';
import { ORG_ADMIN, signIn } from './support/session';

const INVITE = `mutation Invite($input: InviteMemberInput!) { inviteMember(input: $input) { id } }`;
const ACCEPT = `mutation Accept($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { auth { accessToken } } }`;
const PASSWORD = 'a-long-e2e-passphrase-for-totp';
const STEP_SECONDS = 30;

function currentStep(): number {
  return Math.floor(Date.now() / 1000 / STEP_SECONDS);
}

function codeAtStep(secret: string, step: number): string {
  return generateSync({ secret, epoch: step * STEP_SECONDS });
}

test('a member sets up an authenticator app on /account, signs out, and signs in with password and code', async ({ page, request }, testInfo) => {
  const email = `totp-${testInfo.project.name}-${Date.now()}@example.jp`;
  const name = '二段 階子';
  const admin = await apiClientAs(ORG_ADMIN.email);
  const invited = await admin.request(INVITE, { input: { email, roles: ['STAFF'] } });
  expect(invited.body.errors).toBeUndefined();
  const token = new URL(await waitForLinkInMail(request, email, '/invitations/accept')).searchParams.get('token');
  const accepted = await graphql(baseURL, ACCEPT, { variables: { input: { token, password: PASSWORD, displayName: name } } });
  expect(accepted.body.errors).toBeUndefined();

  await signIn(page, email, { password: PASSWORD });
  await page.goto('/account');
  const section = page.getByRole('region', { name: '2段階認証' });
  await expect(section).toContainText('未設定');
  await section.getByRole('button', { name: '認証アプリを設定する' }).click();
  await expect(section.getByRole('img', { name: '認証アプリ用のQRコード' })).toBeVisible();
  const secret = (await section.getByTestId('totp-secret').textContent())?.trim() ?? '';
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  const enrolmentStep = currentStep();
  await section.getByRole('textbox', { name: '認証アプリの6桁のコード' }).fill(codeAtStep(secret, enrolmentStep));
  await section.getByRole('button', { name: '確認して有効にする' }).click();

  // The recovery codes, shown this once.
  const codes = page.getByRole('dialog', { name: '回復コード' });
  await expect(codes.getByTestId('recovery-codes').locator('code')).toHaveCount(10);
  await codes.getByRole('button', { name: '保存しました' }).click();
  await expect(section).toContainText('有効');
  await expect(section).toContainText('認証アプリ');

  await page.getByRole('button', { name: `${name} のメニュー` }).click();
  await page.getByRole('menuitem', { name: 'ログアウト' }).click();
  await expect(page).toHaveURL(/\/login/);

  // The password alone is not enough any more: the second step asks for a code.
  await page.getByRole('textbox', { name: 'メールアドレス', exact: true }).fill(email);
  await page.getByRole('textbox', { name: 'パスワード', exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '2段階認証' })).toBeVisible({ timeout: 20_000 });
  await expect(page).toHaveURL(/\/login/);
  // A code is never accepted twice, so not the enrolment's: the next step's at the least (within the drift window).
  const step = Math.max(currentStep(), enrolmentStep + 1);
  await page.getByRole('textbox', { name: '認証アプリの6桁のコード' }).fill(codeAtStep(secret, step));
  await page.getByRole('button', { name: '確認してログイン' }).click();
  await expect(page).not.toHaveURL(/\/login/, { timeout: 20_000 });
  await expect(page.getByRole('banner')).toContainText(name);
});
