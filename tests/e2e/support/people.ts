// The person pages (/people): the registration form's name fields and a category's section.
import type { Page } from '@playwright/test';
import { uniqueKana } from './unique';

/**
 * Fills the name fields of the registration form (/people/new); the furigana of the family name
 * is random, so no earlier run's person is offered as a duplicate.
 */
export async function fillPersonName(page: Page, name: { family: string; given: string; givenKana: string }): Promise<void> {
  await page.getByRole('textbox', { name: /^姓\s*\*?$/ }).fill(name.family);
  await page.getByRole('textbox', { name: /^名\s*\*?$/ }).fill(name.given);
  await page.getByRole('textbox', { name: /^姓（ふりがな）/ }).fill(uniqueKana(6));
  await page.getByRole('textbox', { name: /^名（ふりがな）/ }).fill(name.givenKana);
}

/** A personal-data category's section on a person's page (data-category is its code). */
export function categorySection(page: Page, code: string) {
  return page.locator(`section[data-category="${code}"]`);
}
