// The daily digest of saved grant searches: the listings published since the last digest that
// match each of the member's saved searches, each with its funder, closing time (Japan time) and
// link.
import { assertWebLink, factLines, formatTokyoTime, layout, MailBlock, oneLine } from './mail-format';
import type { GrantSavedSearchMail, MailLanguage, RenderedMail } from './mail-template';

export function renderGrantSavedSearch(mail: GrantSavedSearchMail, language: MailLanguage): RenderedMail {
  const count = mail.searches.reduce((sum, search) => sum + search.grants.length, 0);
  const blocks: MailBlock[] = [
    {
      text:
        language === 'ja'
          ? `保存した検索条件に合う新しい助成金情報が ${count} 件あります。`
          : `${count} new grant${count === 1 ? '' : 's'} match${count === 1 ? 'es' : ''} your saved searches.`,
    },
  ];
  for (const search of mail.searches) {
    blocks.push({ text: language === 'ja' ? `■ 検索条件「${oneLine(search.name)}」` : `■ Saved search "${oneLine(search.name)}"` });
    for (const [index, grant] of search.grants.entries()) {
      const closes = grant.closesAt
        ? formatTokyoTime(grant.closesAt, language)
        : language === 'ja'
          ? '定めなし'
          : 'no closing date';
      const facts = factLines(language, [
        [{ ja: '実施主体', en: 'Funder' }, oneLine(grant.funderName)],
        [{ ja: '締切', en: 'Closes' }, closes],
      ]);
      blocks.push({ text: `${index + 1}. ${oneLine(grant.title)}\n${facts}` });
      blocks.push({ link: assertWebLink(grant.grantUrl), label: language === 'ja' ? '助成金情報を開く' : 'Open the grant' });
    }
  }
  blocks.push({ link: assertWebLink(mail.savedSearchesUrl), label: language === 'ja' ? '保存した検索条件を開く' : 'Open your saved searches' });
  blocks.push({
    text:
      language === 'ja'
        ? '検索条件を削除すると、このお知らせは届かなくなります。'
        : 'Delete a saved search to stop its mails.',
  });
  return {
    subject: language === 'ja' ? `【つなぐ】検索条件に合う新しい助成金情報（${count}件）` : `New grants for your saved searches: ${count} (Tsunagu)`,
    ...layout(language, blocks),
  };
}
