// Password reset link, sent on request. Single-use and short-lived.
import { assertWebLink, formatTokyoTime, layout } from './mail-format';
import type { MailLanguage, PasswordResetMail, RenderedMail } from './mail-template';

export function renderPasswordReset(mail: PasswordResetMail, language: MailLanguage): RenderedMail {
  const link = assertWebLink(mail.resetUrl);
  const expires = formatTokyoTime(mail.expiresAt, language);
  if (language === 'ja') {
    return {
      subject: '【つなぐ】パスワード再設定のご案内',
      ...layout('ja', [
        { text: 'パスワード再設定のご依頼を受け付けました。' },
        { text: '下のリンクを開いて、新しいパスワードを設定してください。' },
        { link, label: 'パスワードを再設定する' },
        { text: `このリンクは ${expires} まで有効で、一度だけお使いいただけます。` },
        { text: 'お心当たりがない場合は、このメールを破棄してください。パスワードは変更されません。' },
      ]),
    };
  }
  return {
    subject: 'Reset your Tsunagu password',
    ...layout('en', [
      { text: 'We received a request to reset your password.' },
      { text: 'Open the link below to choose a new password.' },
      { link, label: 'Reset my password' },
      { text: `The link works once and expires on ${expires}.` },
      { text: 'If you did not ask for this, ignore this mail: your password stays as it is.' },
    ]),
  };
}
