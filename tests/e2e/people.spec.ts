// People supported and their consent, end to end: a coordinator of NPO法人こもれび registers a
// person (a unique name each run) and records a consent to give IDENTITY and CONTACT to
// つながりサポートセンター for referral; that organisation's admin opens the person for referral
// and sees the name and phone while the household is shown as withheld, never as blank; the
// coordinator revokes the consent; on reload the recipient sees identity and contact withheld
// because the consent was revoked.
import { expect, test } from './support/test';
import { NETWORK_ADMIN, signedInPage } from './support/session';
import { categorySection, fillPersonName, newPerson } from './support/people';
import { listRecords } from './support/records';

const COORDINATOR = { email: 'coordinator@komorebi.example.jp' };
const RECIPIENT = NETWORK_ADMIN; // ORG_ADMIN of つながりサポートセンター (INTERMEDIARY): does case work

test('a consent discloses identity and contact to a named organisation until it is revoked', async ({ browser }) => {
  test.setTimeout(90_000);
  const person = newPerson('試験', '花子', 'ハナコ');

  // The coordinator registers the person.
  const coordinator = await signedInPage(browser, COORDINATOR.email);
  await coordinator.goto('/people/new');
  await expect(coordinator.getByRole('heading', { level: 1, name: '当事者の登録' })).toBeVisible();
  await fillPersonName(coordinator, person);
  await coordinator.getByLabel('生年月日').fill('1990-04-01');
  await coordinator.getByRole('textbox', { name: '電話番号' }).fill(person.phone);
  await coordinator.getByLabel('世帯人数').fill('2');
  await coordinator.getByRole('button', { name: '登録する' }).click();
  await expect(coordinator).toHaveURL(/\/people\/[0-9a-f-]{36}$/);
  const personId = new URL(coordinator.url()).pathname.split('/').pop() ?? '';
  await expect(coordinator.getByRole('heading', { level: 1 })).toContainText(person.fullName);
  await expect(categorySection(coordinator, 'CONTACT')).toContainText(person.phone);

  // …and records the consent: identity and contact, to つながりサポートセンター, for referral.
  await coordinator.getByRole('tab', { name: '同意' }).click();
  await coordinator.getByRole('button', { name: '同意を記録', exact: true }).click();
  const form = coordinator.getByRole('dialog', { name: '同意を記録' });
  await form.getByRole('checkbox', { name: '本人確認情報（氏名・ふりがな・生年月日）' }).check();
  await form.getByRole('checkbox', { name: '連絡先' }).check();
  await form.getByRole('combobox', { name: '提供先の団体' }).click();
  await coordinator.getByRole('option', { name: RECIPIENT.organization }).click();
  await expect(form.getByTestId('consent-summary')).toContainText(
    `あなたの本人確認情報（氏名・ふりがな・生年月日）、連絡先を、${RECIPIENT.organization}に、他団体へのつなぎ（紹介）のために`,
  );
  await form.getByRole('button', { name: '同意を記録する' }).click();
  await expect(form).toBeHidden();
  const consent = coordinator.locator('article[data-consent-state]');
  await expect(consent).toHaveCount(1);
  await expect(consent).toHaveAttribute('data-consent-state', 'ACTIVE');
  await expect(consent).toContainText(RECIPIENT.organization);

  // The recipient finds the person among those shared for referral, and sees what was consented.
  const recipient = await signedInPage(browser, RECIPIENT.email);
  await recipient.goto('/people/shared');
  const row = listRecords(recipient).filter({ hasText: person.fullName });
  await expect(row).toContainText('NPO法人こもれび');
  await row.getByRole('link').click();
  await expect(recipient).toHaveURL(new RegExp(`/people/${personId}\\?purpose=REFERRAL$`));
  await expect(categorySection(recipient, 'IDENTITY')).toHaveAttribute('data-access', 'DISCLOSED');
  await expect(categorySection(recipient, 'IDENTITY')).toContainText(person.family);
  await expect(categorySection(recipient, 'CONTACT')).toContainText(person.phone);
  for (const withheld of ['HOUSEHOLD', 'CONSULTATION', 'HEALTH']) {
    await expect(categorySection(recipient, withheld)).toHaveAttribute('data-access', 'WITHHELD');
    await expect(categorySection(recipient, withheld)).toContainText('非開示 — 同意が必要です');
  }
  await expect(categorySection(recipient, 'HOUSEHOLD')).not.toContainText('2');

  // The coordinator revokes the consent, with a reason.
  await consent.getByRole('button', { name: '撤回' }).click();
  const revoke = coordinator.getByRole('dialog', { name: '同意を撤回しますか' });
  await revoke.getByRole('textbox', { name: /撤回の理由/ }).fill('本人から撤回の申し出があった');
  await revoke.getByRole('button', { name: '撤回する' }).click();
  await expect(revoke).toBeHidden();
  await expect(consent).toHaveAttribute('data-consent-state', 'REVOKED');

  // On reload the recipient sees identity and contact withheld, because the consent was revoked.
  await recipient.reload();
  for (const withheld of ['IDENTITY', 'CONTACT']) {
    await expect(categorySection(recipient, withheld)).toHaveAttribute('data-access', 'WITHHELD');
    await expect(categorySection(recipient, withheld)).toContainText('同意が撤回されました');
  }
  await expect(recipient.getByRole('main')).not.toContainText(person.phone);
  await expect(recipient.getByRole('main')).not.toContainText(person.family);

  await coordinator.context().close();
  await recipient.context().close();
});
