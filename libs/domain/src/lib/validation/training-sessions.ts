// A training session's input (TrainingSessionInput), as the API checks it and the trainer's
// session form shows it. Times are moments (the form enters them in Japan time).
import { z } from 'zod';
import { optionalText, requiredText, say } from './kit';
import { requiredMoment } from './moments';
import { blankAsNull, optionalLongText } from './text-fields';

export const MAX_SESSION_CAPACITY = 10_000;

/** An http(s) address a browser can open (no spaces, a host). */
export function isWebLink(value: string): boolean {
  if (!/^https?:\/\//i.test(value) || /\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

const onlineUrlMessage = say('オンライン参加のURLは http:// か https:// で始まるURLを入力してください。', 'Enter an online link starting with http:// or https://.');

export const trainingSessionInputSchema = z
  .object({
    title: requiredText(1, 200, say('研修会名は1〜200文字で入力してください。', 'Enter a title of 1 to 200 characters.')),
    description: optionalLongText(4000, say('説明は4000文字以内で入力してください。', 'Keep the description to 4,000 characters.')),
    courseId: blankAsNull,
    startsAt: requiredMoment(say('開始日時を入力してください。', 'Enter when the session starts.')),
    endsAt: requiredMoment(say('終了日時を入力してください。', 'Enter when the session ends.')),
    place: optionalText(300, say('会場は300文字以内で入力してください。', 'Keep the place to 300 characters.')),
    onlineUrl: optionalText(1000, onlineUrlMessage).refine((url) => url === null || isWebLink(url), onlineUrlMessage),
    capacity: z
      .number()
      .refine(
        (value) => Number.isInteger(value) && value >= 1 && value <= MAX_SESSION_CAPACITY,
        say(`定員は1〜${MAX_SESSION_CAPACITY}人で入力してください。`, `Enter a capacity of 1 to ${MAX_SESSION_CAPACITY.toLocaleString('en')}.`),
      ),
  })
  // Cross-field rules run even when a field failed (every faulty field at once); a field's own problem is reported first.
  .superRefine((session, context) => {
    if (session.startsAt instanceof Date && session.endsAt instanceof Date && session.endsAt.getTime() <= session.startsAt.getTime()) {
      context.addIssue({ code: 'custom', path: ['endsAt'], message: say('終了日時は開始日時より後にしてください。', 'The session must end after it starts.') });
    }
    if (!session.place && !session.onlineUrl) {
      context.addIssue({ code: 'custom', path: ['place'], message: say('会場かオンライン参加のURLのどちらかを入力してください。', 'Enter a place or an online link (or both).') });
    }
  });
export type TrainingSessionFields = z.output<typeof trainingSessionInputSchema>;
