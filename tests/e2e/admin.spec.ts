// Administration pages as the people who use them: the account page (this device, the
// password rule and the API's field errors), a network admin admitting an organisation with
// field errors from the API and finding it in the audit log, and what an organisation admin
// does not see.
import { expect, test } from '@playwright/test';
import { NETWORK_ADMIN, ORG_ADMIN, openNavigationIfCollapsed, signIn } from './support/session';

test('the account page marks this device and explains password errors next to the fields', async ({ page }) => {
  await signIn(page, ORG_ADMIN.email, { next: '/account' });
  await expect(page.getByRole('heading', { level: 1, name: 'アカウント' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: '氏名（表示名）' })).toHaveValue(ORG_ADMIN.name);

  const sessions = page.getByRole('table', { name: 'ログイン中の端末' });
  await expect(sessions.getByRole('row').filter({ hasText: 'この端末' })).toHaveCount(1);

  const password = page.getByRole('region', { name: 'パスワードの変更' });
  await expect(password).toContainText('12文字以上');
  await password.getByRole('textbox', { name: '現在のパスワード', exact: true }).fill('not-my-current-password');
  await password.getByRole('textbox', { name: '新しいパスワード', exact: true }).fill('a long enough new passphrase');
  await password.getByRole('textbox', { name: 'パスワード（確認）', exact: true }).fill('a long enough new passphrase');
  await password.getByRole('button', { name: 'パスワードを変更する' }).click();
  // The API names the field; its message sits under "current password" as well as in the alert.
  await expect(password.getByRole('alert')).toBeVisible();
  const current = password.getByRole('textbox', { name: '現在のパスワード', exact: true });
  await expect(current).toHaveAttribute('aria-invalid', 'true');
  await expect(current).toHaveAccessibleDescription(/\S/);
});

test('a network admin admits an organisation, sees field errors, and finds the change in the audit log', async ({ page }) => {
  await signIn(page, NETWORK_ADMIN.email, { next: '/admin/organizations' });
  await expect(page.getByRole('heading', { level: 1, name: '団体管理' })).toBeVisible();
  await expect(page.getByRole('table', { name: '団体管理' }).getByRole('row').filter({ hasText: ORG_ADMIN.organization })).toBeVisible();

  const name = `テスト団体 ${Date.now()}`;
  await page.getByRole('button', { name: '団体を登録' }).click();
  const dialog = page.getByRole('dialog', { name: '団体を登録' });
  await dialog.getByRole('textbox', { name: '団体名' }).fill(name);
  await dialog.getByRole('textbox', { name: '法人番号' }).fill('1234567890123');
  await dialog.getByRole('textbox', { name: '地方公共団体コード' }).fill('13102');
  await dialog.getByRole('button', { name: '団体を登録' }).click();
  await expect(dialog.getByText('チェックデジット')).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: '法人番号' })).toHaveAttribute('aria-invalid', 'true');

  await dialog.getByRole('textbox', { name: '法人番号' }).fill('');
  await dialog.getByRole('button', { name: '団体を登録' }).click();
  await expect(dialog).toHaveCount(0);

  await openNavigationIfCollapsed(page, 'メニューを開く');
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '監査ログ' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '監査ログ' })).toBeVisible();
  const newest = page.getByRole('table', { name: '監査ログ' }).getByRole('row').nth(1);
  await expect(newest).toContainText(NETWORK_ADMIN.name);
  await expect(newest).toContainText('団体');
  await expect(newest).toContainText('作成');
  await expect(newest).toContainText('municipalityCode');
});

test('an organisation admin sees members and the audit log, but not the network administration', async ({ page }) => {
  await signIn(page, ORG_ADMIN.email);
  await openNavigationIfCollapsed(page, 'メニューを開く');
  const navigation = page.getByRole('navigation', { name: 'メインメニュー' });
  await expect(navigation.getByRole('link', { name: 'メンバー' })).toBeVisible();
  await expect(navigation.getByRole('link', { name: '監査ログ' })).toBeVisible();
  await expect(navigation.getByRole('link', { name: '団体管理' })).toHaveCount(0);

  await navigation.getByRole('link', { name: 'メンバー' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'メンバー' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(ORG_ADMIN.organization);
  // No organisation picker: only network admins look at other organisations.
  await expect(page.getByRole('textbox', { name: '団体' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '招待メールを送る' })).toBeVisible();

  await page.goto('/admin/organizations');
  await expect(page.getByRole('heading', { level: 1, name: 'このページを表示する権限がありません' })).toBeVisible();
});
