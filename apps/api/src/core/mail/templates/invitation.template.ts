// Invitation to join an organisation of a network. The link is single-use and expires.
import { assertWebLink, formatTokyoTime, layout, oneLine } from './mail-format';
import type { InvitationMail, MailLanguage, RenderedMail } from './mail-template';

export function renderInvitation(mail: InvitationMail, language: MailLanguage): RenderedMail {
  const inviter = oneLine(mail.inviterName);
  const organization = oneLine(mail.organizationName);
  const network = oneLine(mail.networkName);
  const link = assertWebLink(mail.acceptUrl);
  const expires = formatTokyoTime(mail.expiresAt, language);
  if (language === 'ja') {
    return {
      subject: `【つなぐ】${inviter}さんから「${organization}」への招待が届いています`,
      ...layout('ja', [
        { text: `${inviter}さんから、${network}の「${organization}」に参加するよう招待されました。` },
        { text: '下のリンクを開いて、招待を承諾してください。' },
        { link, label: '招待を承諾する' },
        { text: `このリンクは ${expires} まで有効で、一度だけお使いいただけます。` },
        { text: 'お心当たりがない場合は、このメールを破棄してください。招待は有効期限が過ぎると無効になります。' },
      ]),
    };
  }
  return {
    subject: `${inviter} invited you to join ${organization} on Tsunagu`,
    ...layout('en', [
      { text: `${inviter} invited you to join ${organization} in ${network}.` },
      { text: 'Open the link below to accept the invitation.' },
      { link, label: 'Accept the invitation' },
      { text: `The link works once and expires on ${expires}.` },
      { text: 'If you did not expect this invitation, you can ignore this mail: it expires by itself.' },
    ]),
  };
}
