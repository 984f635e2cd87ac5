// The person pages (/people): the registration form's name fields and a category's section.
import type { Page } from '@playwright/test';
import { randomPhone, runId, uniqueKana } from './unique';

/** A person a test registers: a family name unique to the run, and a phone number of its own. */
export interface NewPerson {
  readonly family: string;
  readonly given: string;
  readonly givenKana: string;
  /** "family given", as the person's page and lists show the name. */
  readonly fullName: string;
  readonly phone: string;
}

/** A new person named `familyPrefix` and this run's id, with the given name and its furigana. */
export function newPerson(familyPrefix: string, given: string, givenKana: string): NewPerson {
  const family = `${familyPrefix}${runId()}`;
  return { family, given, givenKana, fullName: `${family} ${given}`, phone: randomPhone() };
}

/**
 * Fills the name fields of the registration form (/people/new); the furigana of the family name
 * is random, so no earlier run's person is offered as a duplicate.
 */
export async function fillPersonName(page: Page, name: Pick<NewPerson, 'family' | 'given' | 'givenKana'>): Promise<void> {
  await page.getByRole('textbox', { name: /^姓\s*\*?$/ }).fill(name.family);
  await page.getByRole('textbox', { name: /^名\s*\*?$/ }).fill(name.given);
  await page.getByRole('textbox', { name: /^姓（ふりがな）/ }).fill(uniqueKana(6));
  await page.getByRole('textbox', { name: /^名（ふりがな）/ }).fill(name.givenKana);
}

/** A personal-data category's section on a person's page (data-category is its code). */
export function categorySection(page: Page, code: string) {
  return page.locator(`section[data-category="${code}"]`);
}
