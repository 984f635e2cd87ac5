// The daily digest: one mail listing the referral notices a member chose to receive once a day.
// Like every referral mail it names organisations, services and statuses only, never a person.
import { assertWebLink, layout, MailBlock } from './mail-format';
import type { MailLanguage, ReferralDigestMail, RenderedMail } from './mail-template';
import { describeReferralNotice } from './referral-notification.template';

export function renderReferralDigest(mail: ReferralDigestMail, language: MailLanguage): RenderedMail {
  const overview = assertWebLink(mail.notificationsUrl);
  const count = mail.items.length;
  const blocks: MailBlock[] = [
    {
      text:
        language === 'ja'
          ? `前回のお知らせ以降、紹介について ${count} 件の通知があります。`
          : `You have ${count} referral notification${count === 1 ? '' : 's'} since the last digest.`,
    },
  ];
  for (const [index, item] of mail.items.entries()) {
    const notice = describeReferralNotice(item, language);
    blocks.push({ text: `${index + 1}. ${notice.lines.join('\n')}` });
    blocks.push({ link: assertWebLink(item.referralUrl), label: language === 'ja' ? '紹介を開く' : 'Open the referral' });
  }
  blocks.push({ link: overview, label: language === 'ja' ? '通知の一覧を開く' : 'Open your notifications' });
  blocks.push({
    text:
      language === 'ja'
        ? 'このメールには個人情報を載せていません。メールの受け取り方は、通知の設定で変えられます。'
        : 'This mail carries no personal details. You can change how you receive these mails in your notification settings.',
  });
  return {
    subject: language === 'ja' ? `【つなぐ】紹介の通知のまとめ（${count}件）` : `Your referral notifications: ${count} new (Tsunagu)`,
    ...layout(language, blocks),
  };
}
