// Administration pages as the people who use them: the account page (this device, the
// password rule and the API's field errors), a network admin admitting an organisation with
// field errors from the API and finding it in the audit log, changing an organisation's kind
// after seeing its effect on consents (and being stopped while a liaison would lose their
// role), and what an organisation admin does not see or offer.
import { expect, test } from './support/test';
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
  // The API names the field; its message sits under "current password" as well as in the alerts
  // (the API's answer, and the form's summary of problems).
  await expect(password.getByRole('alert').first()).toBeVisible();
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
  // The municipality is chosen by its reading, not typed as a local government code.
  await dialog.getByRole('combobox', { name: '所在地の市区町村' }).fill('ちゅうおうく');
  await page.getByRole('option', { name: '東京都中央区', exact: true }).click();
  await dialog.getByRole('button', { name: '団体を登録' }).click();
  // At the field and in the form's summary of problems.
  await expect(dialog.getByText('チェックデジット').first()).toBeVisible();
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
  await expect(newest).toContainText('市区町村');
});

test('a network admin changes an organisation kind only after seeing its effect, audited; a liaison blocks it', async ({ page }) => {
  await signIn(page, NETWORK_ADMIN.email, { next: '/admin/organizations' });
  const name = `種別テスト ${Date.now()}`;
  await page.getByRole('button', { name: '団体を登録' }).click();
  const create = page.getByRole('dialog', { name: '団体を登録' });
  await create.getByRole('textbox', { name: '団体名' }).fill(name);
  await create.getByRole('button', { name: '団体を登録' }).click();
  await expect(create).toHaveCount(0);

  // The edit form shows the kind but does not change it.
  await page.getByRole('button', { name: `${name} を編集` }).click();
  const edit = page.getByRole('dialog', { name: '団体を編集' });
  await expect(edit.getByRole('combobox', { name: '種別' })).toBeDisabled();
  await edit.getByRole('button', { name: 'キャンセル' }).click();

  await page.getByRole('button', { name: `${name} の種別を変更` }).click();
  const dialog = page.getByRole('dialog', { name: `${name} の種別を変更` });
  await expect(dialog).toContainText('現在の種別：NPO');
  const confirm = dialog.getByRole('button', { name: '種別を変更する' });
  await expect(confirm).toBeDisabled();
  await dialog.getByRole('combobox', { name: '新しい種別' }).click();
  await page.getByRole('option', { name: '自治体', exact: true }).click();
  // The demo holds consents given "to municipalities": the preview counts who becomes readable.
  const effect = dialog.getByTestId('kind-change-effect');
  await expect(effect).toContainText(/有効な同意のうち、NPOあて：\d+ 件、自治体あて：\d+ 件/);
  await expect(effect).toContainText(/この団体が新たに閲覧できるようになる人：[1-9]\d* 人/);
  await expect(confirm).toBeEnabled();
  await confirm.click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('table', { name: '団体管理' }).getByRole('row').filter({ hasText: name })).toContainText('自治体');

  // A municipality with a liaison cannot become an NPO: the dialog names the member.
  await page.getByRole('button', { name: '中央区 福祉保健部 の種別を変更' }).click();
  const blocked = page.getByRole('dialog', { name: '中央区 福祉保健部 の種別を変更' });
  await blocked.getByRole('combobox', { name: '新しい種別' }).click();
  await page.getByRole('option', { name: 'NPO', exact: true }).click();
  await expect(blocked.getByRole('alert').filter({ hasText: '渡辺 大輔' })).toContainText('渡辺 大輔（自治体連携担当）');
  await expect(blocked.getByRole('button', { name: '種別を変更する' })).toBeDisabled();
  await blocked.getByRole('button', { name: 'キャンセル' }).click();

  await openNavigationIfCollapsed(page, 'メニューを開く');
  await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '監査ログ' }).click();
  const newest = page.getByRole('table', { name: '監査ログ' }).getByRole('row').nth(1);
  await expect(newest).toContainText('種別を変更した（NPO → 自治体）');
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
  // An NPO holds no municipal liaison and no grant editor: they are not offered, and it says why.
  const invite = page.getByRole('region', { name: 'メンバーを招待' });
  await expect(invite.getByRole('checkbox', { name: 'スタッフ' })).toBeVisible();
  await expect(invite.getByRole('checkbox', { name: '自治体連携担当' })).toHaveCount(0);
  await expect(invite).toContainText('この団体の種別（NPO）では付与できない役割は表示していません');

  await page.goto('/admin/organizations');
  await expect(page.getByRole('heading', { level: 1, name: 'このページを表示する権限がありません' })).toBeVisible();
});
