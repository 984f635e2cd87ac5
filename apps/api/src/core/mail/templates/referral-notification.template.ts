// A referral event, mailed at once to a member who asked for it (NOTIFICATION_KINDS in
// libs/domain). Mail leaves our hands, so it carries no personal data: no person, no reason, no
// note, no message body — only the organisations, the service, the status, the deadlines and the
// link to the referral, where the member reads the rest after signing in.
import { REFERRAL_STATUSES, REFERRAL_URGENCIES } from '@tsunagu/domain';
import { assertWebLink, formatTokyoTime, layout, MailBlock, oneLine } from './mail-format';
import type { MailLanguage, ReferralNoticeFacts, ReferralNotificationMail, RenderedMail } from './mail-template';

interface NoticeText {
  readonly subject: string;
  readonly lines: string[];
}

/** Subject and opening lines for one notice, in one language. Shared with the daily digest. */
export function describeReferralNotice(facts: ReferralNoticeFacts, language: MailLanguage): NoticeText {
  const counterpart = oneLine(facts.counterpartName);
  const service = oneLine(facts.serviceName);
  const status = REFERRAL_STATUSES.labels[facts.status][language];
  const urgency = REFERRAL_URGENCIES.labels[facts.urgency][language];
  const due = facts.responseDueAt ? formatTokyoTime(facts.responseDueAt, language) : null;
  const expires = facts.expiresAt ? formatTokyoTime(facts.expiresAt, language) : null;
  const urgent = facts.urgency === 'URGENT';
  if (language === 'ja') {
    switch (facts.notification) {
      case 'REFERRAL_RECEIVED':
        return {
          subject: `【つなぐ】${urgent ? '【緊急】' : ''}「${counterpart}」から「${service}」への紹介が届きました`,
          lines: [
            `「${counterpart}」から、「${service}」への紹介が届きました。`,
            `緊急度: ${urgency}${due ? `\n返答期限: ${due}` : ''}`,
            '内容を確認し、受け入れるかどうかを期限までにお返事ください。',
          ],
        };
      case 'REFERRAL_ACCEPTED':
        return {
          subject: `【つなぐ】「${counterpart}」が「${service}」への紹介を受け入れました`,
          lines: [`「${service}」への紹介を「${counterpart}」が受け入れました。`, `状況: ${status}`],
        };
      case 'REFERRAL_DECLINED':
        return facts.status === 'FORWARDED'
          ? {
              subject: `【つなぐ】「${service}」への紹介が他団体へ転送されました`,
              lines: [`「${counterpart}」が、「${service}」への紹介を他の団体へ転送しました。`, `状況: ${status}`, '理由と転送先は画面でご確認ください。'],
            }
          : {
              subject: `【つなぐ】「${counterpart}」が「${service}」への紹介をお断りしました`,
              lines: [`「${service}」への紹介を「${counterpart}」がお断りしました。`, `状況: ${status}`, '理由は画面でご確認ください。'],
            };
      case 'REFERRAL_COMPLETED':
        return {
          subject: `【つなぐ】「${service}」への紹介の支援が${facts.status === 'COMPLETED' ? '完了しました' : '終了しました'}`,
          lines: [`「${counterpart}」が、「${service}」への紹介の支援を終えました。`, `状況: ${status}`, '結果は画面でご確認ください。'],
        };
      case 'REFERRAL_MESSAGE':
        return {
          subject: `【つなぐ】「${service}」の紹介に「${counterpart}」から新しいメッセージがあります`,
          lines: [`「${service}」の紹介について、「${counterpart}」から新しいメッセージが届きました。`, 'メッセージの内容は画面でご確認ください。'],
        };
      case 'REFERRAL_CATEGORIES_REQUESTED':
        return {
          subject: `【つなぐ】「${counterpart}」が「${service}」への紹介で追加の項目の共有を求めています`,
          lines: [`「${service}」への紹介について、「${counterpart}」が追加の項目の共有を求めています。`, '求められた項目と理由は画面でご確認のうえ、共有するか判断してください。'],
        };
      case 'REFERRAL_ESCALATED':
        return {
          subject: `【つなぐ】【返答期限超過】「${service}」への紹介にまだ返答がありません`,
          lines: [
            `「${service}」への紹介（緊急度: ${urgency}）が、返答のないまま返答期限${due ? `（${due}）` : ''}を過ぎました。`,
            `相手の団体: ${counterpart}`,
            expires ? `${expires} までに返答がない場合、この紹介は期限切れになります。` : 'このままでは、この紹介は期限切れになります。',
          ],
        };
    }
  }
  switch (facts.notification) {
    case 'REFERRAL_RECEIVED':
      return {
        subject: `${urgent ? '[Urgent] ' : ''}New referral to ${service} from ${counterpart}`,
        lines: [
          `${counterpart} referred a case to ${service}.`,
          `Urgency: ${urgency}${due ? `\nReply by: ${due}` : ''}`,
          'Please review it and accept or decline it before the deadline.',
        ],
      };
    case 'REFERRAL_ACCEPTED':
      return {
        subject: `${counterpart} accepted your referral to ${service}`,
        lines: [`${counterpart} accepted the referral to ${service}.`, `Status: ${status}`],
      };
    case 'REFERRAL_DECLINED':
      return facts.status === 'FORWARDED'
        ? {
            subject: `Your referral to ${service} was forwarded to another organisation`,
            lines: [`${counterpart} forwarded the referral to ${service} to another organisation.`, `Status: ${status}`, 'See the reason and the new recipient in Tsunagu.'],
          }
        : {
            subject: `${counterpart} declined your referral to ${service}`,
            lines: [`${counterpart} declined the referral to ${service}.`, `Status: ${status}`, 'See the reason in Tsunagu.'],
          };
    case 'REFERRAL_COMPLETED':
      return {
        subject: `Support for your referral to ${service} has ${facts.status === 'COMPLETED' ? 'been completed' : 'ended'}`,
        lines: [`${counterpart} finished supporting the referral to ${service}.`, `Status: ${status}`, 'See the outcome in Tsunagu.'],
      };
    case 'REFERRAL_MESSAGE':
      return {
        subject: `New message from ${counterpart} on the referral to ${service}`,
        lines: [`${counterpart} wrote a new message on the referral to ${service}.`, 'Read it in Tsunagu.'],
      };
    case 'REFERRAL_CATEGORIES_REQUESTED':
      return {
        subject: `${counterpart} asks for more categories on the referral to ${service}`,
        lines: [`${counterpart} asks you to share more categories on the referral to ${service}.`, 'See which ones and why in Tsunagu, and decide whether to share them.'],
      };
    case 'REFERRAL_ESCALATED':
      return {
        subject: `[Overdue] The referral to ${service} has not been answered`,
        lines: [
          `The referral to ${service} (urgency: ${urgency}) passed its reply deadline${due ? ` (${due})` : ''} without an answer.`,
          `Other organisation: ${counterpart}`,
          expires ? `Unless it is answered by ${expires}, the referral expires.` : 'Unless it is answered, the referral expires.',
        ],
      };
  }
}

export function renderReferralNotification(mail: ReferralNotificationMail, language: MailLanguage): RenderedMail {
  const link = assertWebLink(mail.referralUrl);
  const notice = describeReferralNotice(mail, language);
  const blocks: MailBlock[] = [
    ...notice.lines.map((text) => ({ text })),
    { link, label: language === 'ja' ? '紹介を開く' : 'Open the referral' },
    {
      text:
        language === 'ja'
          ? 'このメールには個人情報を載せていません。詳しい内容は、つなぐにログインしてご確認ください。\nメールの受け取り方（すぐに・1日1回まとめて・受け取らない）は、通知の設定で変えられます。'
          : 'This mail carries no personal details: sign in to Tsunagu to read the referral.\nYou can choose how you receive these mails (at once, daily digest, or off) in your notification settings.',
    },
  ];
  return { subject: language === 'ja' ? notice.subject : `${notice.subject} (Tsunagu)`, ...layout(language, blocks) };
}
