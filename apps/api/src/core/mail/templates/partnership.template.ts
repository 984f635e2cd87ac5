// Partnership reminders for a municipality's liaisons: a partnership's review date is near, or a
// follow-up from a meeting is due. Titles, organisations and dates only.
import { assertWebLink, factLines, layout, MailBlock, oneLine } from './mail-format';
import type { MailLanguage, PartnershipFollowUpReminderMail, PartnershipReviewReminderMail, RenderedMail } from './mail-template';

/** A calendar date (YYYY-MM-DD) as 2026年4月1日 / 1 April 2026. */
function formatDay(day: string, language: MailLanguage): string {
  const [year, month, date] = day.split('-').map(Number);
  if (language === 'ja') return `${year}年${month}月${date}日`;
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(Date.UTC(year, month - 1, date)));
}

const PARTNERSHIP = { ja: '連携', en: 'Partnership' };

function inDays(daysBefore: number, language: MailLanguage): string {
  if (daysBefore === 0) return language === 'ja' ? '本日' : 'today';
  return language === 'ja' ? `${daysBefore}日後` : `in ${daysBefore} day${daysBefore === 1 ? '' : 's'}`;
}

/** What both reminders show of the partnership: its title, the partner, and the button to open it. */
function aboutPartnership(mail: PartnershipReviewReminderMail | PartnershipFollowUpReminderMail, language: MailLanguage) {
  const open: MailBlock = { link: assertWebLink(mail.partnershipUrl), label: language === 'ja' ? '連携を開く' : 'Open the partnership' };
  return { title: oneLine(mail.title), partner: oneLine(mail.partnerName), open };
}

export function renderPartnershipReviewReminder(mail: PartnershipReviewReminderMail, language: MailLanguage): RenderedMail {
  const { title, partner, open } = aboutPartnership(mail, language);
  const blocks: MailBlock[] = [
    {
      text:
        language === 'ja'
          ? `連携の見直し日が${inDays(mail.daysBefore, language)}です。内容と今後の方針をご確認ください。`
          : `A partnership is due for review ${inDays(mail.daysBefore, language)}. Please check it and decide how to continue.`,
    },
    {
      text: factLines(language, [
        [PARTNERSHIP, title],
        [{ ja: '連携先', en: 'Partner' }, partner],
        [{ ja: '見直し日', en: 'Review date' }, formatDay(mail.reviewOn, language)],
      ]),
    },
    open,
  ];
  return {
    subject: language === 'ja' ? `【つなぐ】連携の見直し日が近づいています：「${title}」` : `Partnership review due: ${title} (Tsunagu)`,
    ...layout(language, blocks),
  };
}

export function renderPartnershipFollowUpReminder(mail: PartnershipFollowUpReminderMail, language: MailLanguage): RenderedMail {
  const { title, partner, open } = aboutPartnership(mail, language);
  const blocks: MailBlock[] = [
    {
      text:
        language === 'ja'
          ? `連携の対応事項の期限が${inDays(mail.daysBefore, language)}です。`
          : `A partnership follow-up is due ${inDays(mail.daysBefore, language)}.`,
    },
    {
      text: factLines(language, [
        [{ ja: '対応事項', en: 'Follow-up' }, oneLine(mail.followUp)],
        [PARTNERSHIP, language === 'ja' ? `${title}（${partner}）` : `${title} (${partner})`],
        [{ ja: '期限', en: 'Due' }, formatDay(mail.dueOn, language)],
      ]),
    },
    open,
  ];
  return {
    subject: language === 'ja' ? `【つなぐ】対応事項の期限：「${oneLine(mail.followUp)}」` : `Follow-up due: ${oneLine(mail.followUp)} (Tsunagu)`,
    ...layout(language, blocks),
  };
}
