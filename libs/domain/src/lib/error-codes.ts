// Stable error codes shared by the API and the web. Clients branch on the code, never on the
// message; the message is for a person and exists in Japanese and English.

export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type Language = 'ja' | 'en';

export interface LocalizedText {
  readonly ja: string;
  readonly en: string;
}

/** What a person sees when nothing more specific is known about the failure. */
export const DEFAULT_ERROR_MESSAGES: Readonly<Record<ErrorCode, LocalizedText>> = {
  UNAUTHENTICATED: {
    ja: 'ログインが必要です。もう一度ログインしてください。',
    en: 'You need to sign in. Please sign in again.',
  },
  FORBIDDEN: {
    ja: 'この操作を行う権限がありません。団体の管理者にお問い合わせください。',
    en: 'You do not have permission for this. Please ask your organisation administrator.',
  },
  BAD_USER_INPUT: {
    ja: '入力内容に誤りがあります。内容を確認してもう一度お試しください。',
    en: 'Some of the input is not valid. Please check it and try again.',
  },
  NOT_FOUND: {
    ja: '指定されたデータが見つかりません。削除されたか、閲覧できない可能性があります。',
    en: 'The requested item was not found. It may have been removed, or you may not have access to it.',
  },
  CONFLICT: {
    ja: '他の操作と競合しました。画面を更新してからもう一度お試しください。',
    en: 'This conflicted with another change. Please refresh and try again.',
  },
  INTERNAL: {
    ja: 'システムでエラーが発生しました。時間をおいてもう一度お試しください。続く場合はお問い合わせ番号を添えてご連絡ください。',
    en: 'Something went wrong on our side. Please try again later. If it continues, contact support with the reference number.',
  },
};

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/**
 * Picks the response language from an Accept-Language header: English only when the caller
 * prefers it over Japanese, Japanese otherwise (the product's default).
 */
export function preferredLanguage(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return 'ja';
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { tag } of ranked) {
    if (tag === 'ja' || tag.startsWith('ja-')) return 'ja';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'ja';
}
