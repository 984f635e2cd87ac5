// Reads the mails the API sent from the local mail catcher (tools/mail-catcher.mjs), which
// playwright.config.ts starts on a fixed port. The catcher has no JSON API, only an HTML
// page listing mails newest first (<article> with "To" in .meta and the text, links as <a>),
// so this reads that page.
import { expect, type APIRequestContext } from '@playwright/test';
import { mailCatcherPort } from './servers';

const viewerUrl = `http://127.0.0.1:${mailCatcherPort}/`;

function unescapeHtml(value: string): string {
  return value
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The newest mail to `address`, as the catcher's viewer shows it (HTML of its <article>). */
async function newestMailTo(request: APIRequestContext, address: string): Promise<string | null> {
  const response = await request.get(viewerUrl);
  if (!response.ok()) return null;
  const html = await response.text();
  const articles = html.match(/<article>[\s\S]*?<\/article>/g) ?? [];
  const needle = address.toLowerCase();
  return (
    articles.find((article) => {
      const meta = article.match(/<p class="meta">([\s\S]*?)<\/p>/)?.[1] ?? '';
      return unescapeHtml(meta).toLowerCase().includes(needle);
    }) ?? null
  );
}

/** Waits for a mail to `address` containing a link to `pathname`, and returns that link. */
export async function waitForLinkInMail(request: APIRequestContext, address: string, pathname: string): Promise<string> {
  let link: string | null = null;
  await expect
    .poll(
      async () => {
        const article = await newestMailTo(request, address);
        const hrefs = [...(article ?? '').matchAll(/href="([^"]+)"/g)].map((match) => unescapeHtml(match[1]));
        link = hrefs.find((href) => new URL(href).pathname === pathname) ?? null;
        return link;
      },
      { message: `a mail to ${address} with a ${pathname} link`, timeout: 20_000, intervals: [250, 500, 1000] },
    )
    .not.toBeNull();
  return link as unknown as string;
}
