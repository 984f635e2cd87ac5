// Training mails: a course assigned to a member with a due date, and a place in a training
// session freed up for a member on its waiting list. Course and session facts only (titles,
// organisations, dates, links): nothing about a person supported.
import { assertWebLink, factLines, formatTokyoTime, layout, MailBlock, oneLine } from './mail-format';
import type { MailLanguage, RenderedMail, TrainingAssignedMail, TrainingSessionPromotedMail } from './mail-template';

export function renderTrainingAssigned(mail: TrainingAssignedMail, language: MailLanguage): RenderedMail {
  const link = assertWebLink(mail.courseUrl);
  const title = oneLine(mail.courseTitle);
  const assigner = oneLine(mail.assignerName);
  const organization = oneLine(mail.assignerOrganizationName);
  const blocks: MailBlock[] = [
    { text: language === 'ja' ? '研修の受講が割り当てられました。' : 'A course has been assigned to you.' },
    {
      text: factLines(language, [
        [{ ja: '研修', en: 'Course' }, title],
        [{ ja: '割り当て', en: 'Assigned by' }, language === 'ja' ? `${assigner}（${organization}）` : `${assigner} (${organization})`],
        [{ ja: '受講期限', en: 'Due' }, mail.dueAt ? formatTokyoTime(mail.dueAt, language) : null],
      ]),
    },
    { link, label: language === 'ja' ? '研修を開く' : 'Open the course' },
  ];
  return {
    subject: language === 'ja' ? `【つなぐ】研修の割り当て：「${title}」` : `Course assigned: ${title} (Tsunagu)`,
    ...layout(language, blocks),
  };
}

export function renderTrainingSessionPromoted(mail: TrainingSessionPromotedMail, language: MailLanguage): RenderedMail {
  const link = assertWebLink(mail.sessionUrl);
  const title = oneLine(mail.sessionTitle);
  const starts = formatTokyoTime(mail.startsAt, language);
  const where = oneLine(mail.place ?? (language === 'ja' ? 'オンライン' : 'Online'));
  const blocks: MailBlock[] = [
    {
      text:
        language === 'ja'
          ? 'キャンセル待ちをしていた研修会に空きが出たため、参加登録が確定しました。'
          : 'A place came free in a training session you were waiting for: you are now registered.',
    },
    {
      text: factLines(language, [
        [{ ja: '研修会', en: 'Session' }, title],
        [{ ja: '日時', en: 'When' }, starts],
        [{ ja: '場所', en: 'Where' }, where],
      ]),
    },
    { link, label: language === 'ja' ? '研修会を開く' : 'Open the session' },
    {
      text:
        language === 'ja'
          ? '参加できない場合は、次の方のために登録を取り消してください。'
          : 'If you cannot attend, please cancel so the next person can take the place.',
    },
  ];
  return {
    subject: language === 'ja' ? `【つなぐ】研修会の参加が確定しました：「${title}」` : `You are registered: ${title} (Tsunagu)`,
    ...layout(language, blocks),
  };
}
