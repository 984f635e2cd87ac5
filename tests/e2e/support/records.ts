// A list of records is a table on a laptop and a list of cards on a phone (apps/web/src/app
// responsive-table.tsx): a spec finds a record the same way in either, as a row or as a card.
import type { Locator, Page } from '@playwright/test';

/** Every record shown in `scope`: table rows on a laptop, cards (ul[data-layout="cards"] > li) on a phone. */
export function listRecords(scope: Page | Locator): Locator {
  return scope.getByRole('row').or(scope.locator('ul[data-layout="cards"] > li'));
}
