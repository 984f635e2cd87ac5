// The app's confirmed actions on a record (公開する, アーカイブ …): a button in the record's group
// of actions opens a dialog named like the button, whose button of the same name carries it out.
import { expect, type Page } from '@playwright/test';

/** Chooses `action` in the group of actions named `group`, confirms it and waits for the dialog to close. */
export async function confirmAction(page: Page, group: string, action: string): Promise<void> {
  await page.getByRole('group', { name: group }).getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: action });
  await dialog.getByRole('button', { name: action, exact: true }).click();
  await expect(dialog).toBeHidden();
}
