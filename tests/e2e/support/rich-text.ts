// Writing in a rich-text field (the Tiptap editor of RichTextField) as a person does: typing,
// and the toolbar's buttons for bold and lists.
import { expect, type Page } from '@playwright/test';

/** A run of plain text, a run of bold text, or a bulleted list started on a new line. */
export type RichTextPart = string | { readonly bold: string } | { readonly bulletList: readonly string[] };

/** Clicks into the rich-text field named `name` and writes the parts in order. */
export async function writeRichText(page: Page, name: string, parts: readonly RichTextPart[]): Promise<void> {
  const editor = page.getByRole('textbox', { name, exact: true });
  // The editor is loaded on first use (React.lazy); a busy machine takes a moment.
  await expect(editor).toBeVisible({ timeout: 20_000 });
  await editor.click();
  const toolbar = page.getByRole('toolbar', { name: '書式' });
  for (const part of parts) {
    if (typeof part === 'string') {
      await page.keyboard.insertText(part);
    } else if ('bold' in part) {
      await toolbar.getByRole('button', { name: '太字' }).click();
      await page.keyboard.insertText(part.bold);
      await toolbar.getByRole('button', { name: '太字' }).click();
    } else {
      await page.keyboard.press('Enter');
      await toolbar.getByRole('button', { name: '箇条書き' }).click();
      for (const [index, item] of part.bulletList.entries()) {
        if (index > 0) await page.keyboard.press('Enter');
        await page.keyboard.insertText(item);
      }
    }
  }
}
