// The deadline reminder for a bookmarked grant: 7 days and 1 day before its application window
// closes. A grant listing is public information (title, funder, closing time): nothing personal.
import { assertWebLink, factLines, formatTokyoTime, layout, MailBlock, oneLine } from './mail-format';
import type { GrantReminderMail, MailLanguage, RenderedMail } from './mail-template';

export function renderGrantReminder(mail: GrantReminderMail, language: MailLanguage): RenderedMail {
  const link = assertWebLink(mail.grantUrl);
  const title = oneLine(mail.title);
  const closes = formatTokyoTime(mail.closesAt, language);
  const when =
    mail.daysBefore === 1
      ? { ja: 'まもなく（1日以内に）', en: 'within a day' }
      : { ja: '1週間以内に', en: 'within a week' };
  const blocks: MailBlock[] = [
    {
      text:
        language === 'ja'
          ? `ブックマークしている助成金情報の募集が${when.ja}締め切られます。`
          : `A grant you bookmarked stops taking applications ${when.en}.`,
    },
    {
      text: factLines(language, [
        [{ ja: '名称', en: 'Title' }, title],
        [{ ja: '実施主体', en: 'Funder' }, oneLine(mail.funderName)],
        [{ ja: '締切', en: 'Closes' }, closes],
      ]),
    },
    { link, label: language === 'ja' ? '助成金情報を開く' : 'Open the grant' },
    {
      text:
        language === 'ja'
          ? 'ブックマークを外すと、このお知らせは届かなくなります。'
          : 'Remove the bookmark to stop these reminders.',
    },
  ];
  return {
    subject:
      language === 'ja'
        ? `【つなぐ】締切${mail.daysBefore === 1 ? '1日前' : '7日前'}：「${title}」`
        : `Closing ${mail.daysBefore === 1 ? 'tomorrow' : 'in a week'}: ${title} (Tsunagu)`,
    ...layout(language, blocks),
  };
}
