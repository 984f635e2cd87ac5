// Validation of a training session's input: every faulty field is reported at once, in Japanese
// and English, with a stable reason per field so the web can point at it.
import type { LocalizedText } from '@tsunagu/domain';
import { AppError } from '../../../core/graphql/app-error';
import type { TrainingSessionInput } from './training-session.model';

export const MAX_SESSION_CAPACITY = 10_000;

export interface TrainingSessionFields {
  readonly title: string;
  readonly description: string;
  readonly courseId: string | null;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly place: string | null;
  readonly onlineUrl: string | null;
  readonly capacity: number;
}

const text = (ja: string, en: string): LocalizedText => ({ ja, en });

function trimmedOrNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function isWebLink(value: string): boolean {
  if (!/^https?:\/\//i.test(value) || /\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

function validInstant(value: Date | null | undefined): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

/** The normalised fields, or BAD_USER_INPUT naming each faulty one (reason SESSION_INVALID). */
export function validateSessionFields(input: TrainingSessionInput): TrainingSessionFields {
  const problems: Record<string, LocalizedText> = {};
  const title = input.title?.trim() ?? '';
  if (title.length < 1 || title.length > 200) problems['title'] = text('研修会名は1〜200文字で入力してください。', 'Enter a title of 1 to 200 characters.');
  const description = input.description?.trim() ?? '';
  if (description.length > 4000) problems['description'] = text('説明は4000文字以内で入力してください。', 'Keep the description to 4,000 characters.');
  if (!validInstant(input.startsAt)) problems['startsAt'] = text('開始日時を入力してください。', 'Enter when the session starts.');
  if (!validInstant(input.endsAt)) problems['endsAt'] = text('終了日時を入力してください。', 'Enter when the session ends.');
  else if (validInstant(input.startsAt) && input.endsAt.getTime() <= input.startsAt.getTime()) {
    problems['endsAt'] = text('終了日時は開始日時より後にしてください。', 'The session must end after it starts.');
  }
  const place = trimmedOrNull(input.place);
  const onlineUrl = trimmedOrNull(input.onlineUrl);
  if (place && place.length > 300) problems['place'] = text('会場は300文字以内で入力してください。', 'Keep the place to 300 characters.');
  if (onlineUrl && (onlineUrl.length > 1000 || !isWebLink(onlineUrl))) {
    problems['onlineUrl'] = text('オンライン参加のURLは http:// か https:// で始まるURLを入力してください。', 'Enter an online link starting with http:// or https://.');
  }
  if (!place && !onlineUrl) {
    problems['place'] = text('会場かオンライン参加のURLのどちらかを入力してください。', 'Enter a place or an online link (or both).');
  }
  if (!Number.isInteger(input.capacity) || input.capacity < 1 || input.capacity > MAX_SESSION_CAPACITY) {
    problems['capacity'] = text(`定員は1〜${MAX_SESSION_CAPACITY}人で入力してください。`, `Enter a capacity of 1 to ${MAX_SESSION_CAPACITY.toLocaleString('en')}.`);
  }
  if (Object.keys(problems).length > 0) {
    throw new AppError('BAD_USER_INPUT', text('入力内容を確認してください。', 'Please check the highlighted fields.'), {
      fields: problems,
      reason: 'SESSION_INVALID',
    });
  }
  return {
    title,
    description,
    courseId: trimmedOrNull(input.courseId),
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    place,
    onlineUrl,
    capacity: input.capacity,
  };
}
