// Small helpers shared by the mail templates: escaping for the HTML part, the one layout every
// mail uses, the "label: value" lines of the facts a mail is about, and dates shown in Japan time
// whatever the server's time zone.
import { JAPAN_TIME_ZONE, type LocalizedText } from '@tsunagu/domain';
import type { MailLanguage } from './mail-template';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

/** Names typed by users end up in a subject line: no line breaks, no runs of spaces. */
export function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** Links in mail are ours, but a link is only ever http(s): never javascript: or data:. */
export function assertWebLink(url: string): string {
  if (!/^https?:\/\//i.test(url) || !URL.canParse(url)) throw new Error('Mail links must be http(s) URLs');
  return url;
}

/** e.g. 2025年12月1日(月) 18:30 / Monday, 1 December 2025, 18:30 (Japan time) */
export function formatTokyoTime(date: Date, language: MailLanguage): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', {
      timeZone: JAPAN_TIME_ZONE,
      year: 'numeric',
      month: language === 'ja' ? 'numeric' : 'long',
      day: 'numeric',
      weekday: language === 'ja' ? 'short' : 'long',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  );
  return language === 'ja'
    ? `${parts.year}年${parts.month}月${parts.day}日(${parts.weekday}) ${parts.hour}:${parts.minute}`
    : `${parts.weekday}, ${parts.day} ${parts.month} ${parts.year}, ${parts.hour}:${parts.minute} (Japan time)`;
}

/** One fact a mail is about: its label in both languages, and its value (null: not shown). */
export type MailFact = readonly [label: LocalizedText, value: string | null];

/**
 * The facts as "label: value" lines in the mail's language, one label list for both languages so
 * the Japanese and English mails always state the same facts.
 */
export function factLines(language: MailLanguage, facts: readonly MailFact[]): string {
  return facts
    .filter((fact): fact is readonly [LocalizedText, string] => fact[1] !== null)
    .map(([label, value]) => `${label[language]}: ${value}`)
    .join('\n');
}

const FOOTER = {
  ja: 'つなぐ（Tsunagu）\nこのメールは送信専用のアドレスからお送りしています。ご返信いただいてもお答えできません。',
  en: 'Tsunagu (つなぐ)\nThis mail was sent from an address that does not receive replies.',
};

/** A paragraph of the mail: plain text, with at most one link shown as a button in HTML. */
export type MailBlock = { text: string } | { link: string; label: string };

/** Plain text and HTML from the same blocks, so both parts always say the same thing. */
export function layout(language: MailLanguage, blocks: MailBlock[]): { text: string; html: string } {
  const text = [...blocks.map((block) => ('text' in block ? block.text : block.link)), '――', FOOTER[language]].join('\n\n');
  const body = blocks
    .map((block) =>
      'text' in block
        ? `<p style="margin:0 0 16px;line-height:1.7">${escapeHtml(block.text).replace(/\n/g, '<br>')}</p>`
        : `<p style="margin:0 0 16px"><a href="${escapeHtml(block.link)}" style="display:inline-block;padding:10px 20px;background:#1c7ed6;color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(block.label)}</a></p>` +
          `<p style="margin:0 0 16px;font-size:13px;color:#555;word-break:break-all">${escapeHtml(block.link)}</p>`,
    )
    .join('\n');
  const footer = `<p style="margin:24px 0 0;font-size:12px;color:#777;line-height:1.6">${escapeHtml(FOOTER[language]).replace(/\n/g, '<br>')}</p>`;
  const html =
    `<!DOCTYPE html>\n<html lang="${language}"><head><meta charset="utf-8"></head>` +
    `<body style="font-family:sans-serif;color:#222;max-width:600px;margin:0 auto;padding:16px">\n${body}\n${footer}\n</body></html>\n`;
  return { text: text + '\n', html };
}
