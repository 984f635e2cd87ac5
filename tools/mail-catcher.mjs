// A local mail catcher for `npm start` / `npm run dev` when no SMTP_URL is configured: an SMTP
// server on 127.0.0.1 that accepts every mail the API sends (nothing leaves the machine) and a
// small web page listing them, newest first, with links clickable. The last 200 mails are kept,
// in memory only.
//
//   import { startMailCatcher } from './mail-catcher.mjs';
//   const catcher = await startMailCatcher({ smtpPort: 1025, httpPort: 1080, say });
//   catcher.smtpUrl  // smtp://127.0.0.1:1025, for the API's SMTP_URL
//   await catcher.stop();
import http from 'node:http';
import { loopbackSmtpServer } from './lib/loopback-smtp.cjs';

const KEEP = 200;
const LINK = /https?:\/\/[^\s<>"')]+/g;

export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** Escaped text with every http(s) link made clickable (the link is escaped too). */
export function linkify(text) {
  let html = '';
  let last = 0;
  for (const match of String(text ?? '').matchAll(LINK)) {
    html += escapeHtml(text.slice(last, match.index));
    const url = escapeHtml(match[0]);
    html += `<a href="${url}" target="_blank" rel="noopener noreferrer">${url}</a>`;
    last = match.index + match[0].length;
  }
  return html + escapeHtml(String(text ?? '').slice(last));
}

function page(mails) {
  const items = mails.length
    ? mails
        .map(
          (mail) => `<article>
  <h2>${escapeHtml(mail.subject || '(no subject)')}</h2>
  <p class="meta"><b>From</b> ${escapeHtml(mail.from)} · <b>To</b> ${escapeHtml(mail.to)} · <time>${escapeHtml(mail.receivedAt.toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' }))}</time></p>
  <pre>${linkify(mail.text)}</pre>
</article>`,
        )
        .join('\n')
    : '<p>No mail yet. まだメールはありません。</p>';
  return `<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
<title>Tsunagu mail catcher</title>
<style>body{font-family:sans-serif;max-width:860px;margin:2em auto;padding:0 1em;color:#222}
article{border:1px solid #ddd;border-radius:6px;padding:0 1em;margin:1em 0}h2{font-size:1.1em}
.meta{color:#555;font-size:.9em}pre{white-space:pre-wrap;word-break:break-all;background:#f8f8f8;padding:.8em}</style>
</head><body><h1>Tsunagu mail catcher</h1>
<p>Mail the local API sent, newest first (the last ${KEEP}, kept in memory). ローカルで送信されたメール（新しい順）。</p>
${items}
</body></html>
`;
}

function listen(server, port, what, say) {
  return new Promise((resolve, reject) => {
    const attempt = (p) => {
      const onError = (error) => {
        if (error.code === 'EADDRINUSE' && p !== 0) {
          say(`Port ${p} for the mail catcher's ${what} is in use; using a free port instead.`);
          attempt(0);
        } else reject(error);
      };
      server.once('error', onError);
      server.listen(p, '127.0.0.1', () => {
        server.off('error', onError);
        resolve(server.address().port);
      });
    };
    attempt(port);
  });
}

export async function startMailCatcher({ smtpPort = 1025, httpPort = 1080, say = () => undefined } = {}) {
  const mails = [];
  const smtp = loopbackSmtpServer((parsed, envelope) => {
    const to = envelope.rcptTo.map((rcpt) => rcpt.address).join(', ');
    const text = parsed.text ?? '';
    mails.unshift({ from: parsed.from?.text ?? envelope.mailFrom?.address ?? '', to, subject: parsed.subject ?? '', text, receivedAt: new Date() });
    mails.splice(KEEP);
    const link = text.match(LINK)?.[0] ?? '';
    say(`mail to ${to}: ${parsed.subject ?? ''}${link ? ` ${link}` : ''}`);
  });
  const viewer = http.createServer((request, response) => {
    if (request.method !== 'GET' || (request.url ?? '/').split('?')[0] !== '/') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" })
      .end(page(mails));
  });
  const actualSmtpPort = await listen(smtp.server, smtpPort, 'SMTP server', say);
  let actualHttpPort;
  try {
    actualHttpPort = await listen(viewer, httpPort, 'web page', say);
  } catch (error) {
    await new Promise((resolve) => smtp.close(resolve));
    throw error;
  }
  return {
    smtpUrl: `smtp://127.0.0.1:${actualSmtpPort}`,
    viewerUrl: `http://localhost:${actualHttpPort}`,
    mails,
    async stop() {
      viewer.closeAllConnections?.();
      await Promise.all([new Promise((resolve) => smtp.close(resolve)), new Promise((resolve) => viewer.close(resolve))]);
    },
  };
}
