// Training mails: a course assigned to a member with a due date, and a place in a training
// session freed up for a member on its waiting list. Course and session facts only (titles,
// organisations, dates, links): nothing about a person supported.
import { assertWebLink, formatTokyoTime, layout, MailBlock, oneLine } from './mail-format';
import type { MailLanguage, RenderedMail, TrainingAssignedMail, TrainingSessionPromotedMail } from './mail-template';

export function renderTrainingAssigned(mail: TrainingAssignedMail, language: MailLanguage): RenderedMail {
  const link = assertWebLink(mail.courseUrl);
  const title = oneLine(mail.courseTitle);
  const due = mail.dueAt ? formatTokyoTime(mail.dueAt, language) : null;
  const facts =
    language === 'ja'
      ? [`研修: ${title}`, `割り当て: ${oneLine(mail.assignerName)}（${oneLine(mail.assignerOrganizationName)}）`, due ? `受講期限: ${due}` : null]
      : [`Course: ${title}`, `Assigned by: ${oneLine(mail.assignerName)} (${oneLine(mail.assignerOrganizationName)})`, due ? `Due: ${due}` : null];
  const blocks: MailBlock[] = [
    { text: language === 'ja' ? '研修の受講が割り当てられました。' : 'A course has been assigned to you.' },
    { text: facts.filter((line): line is string => line !== null).join('\n') },
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
      text:
        language === 'ja'
          ? `研修会: ${title}\n日時: ${starts}\n場所: ${where}`
          : `Session: ${title}\nWhen: ${starts}\nWhere: ${where}`,
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
