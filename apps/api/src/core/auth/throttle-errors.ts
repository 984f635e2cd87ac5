// The answers to a throttled sign-in or reset request: a stable reason, a message that says when
// to try again, and the same wait in seconds (extensions.retryAfterSeconds) for a client to use.
import { AppError } from '../graphql/app-error';

/** "in 8 seconds" / "in 15 minutes", rounded up: minutes once the wait is two minutes or more. */
export function waitText(seconds: number): { ja: string; en: string } {
  if (seconds < 120) return { ja: `${seconds}秒`, en: `${seconds} second${seconds === 1 ? '' : 's'}` };
  const minutes = Math.ceil(seconds / 60);
  return { ja: `${minutes}分`, en: `${minutes} minutes` };
}

export function tooManyAttempts(retryAfterSeconds: number): AppError {
  const wait = waitText(retryAfterSeconds);
  return new AppError(
    'UNAUTHENTICATED',
    {
      ja: `ログインの失敗が続いたため、この端末からのログインを一時的に止めています。${wait.ja}後にもう一度お試しください。`,
      en: `Too many failed sign-in attempts from here. Please try again in ${wait.en}.`,
    },
    { reason: 'TOO_MANY_ATTEMPTS', retryAfterSeconds },
  );
}

export function tooManyResetRequests(retryAfterSeconds: number): AppError {
  const wait = waitText(retryAfterSeconds);
  return new AppError(
    'BAD_USER_INPUT',
    {
      ja: `パスワード再設定の申請が多すぎます。${wait.ja}後にもう一度お試しください。`,
      en: `Too many password reset requests from here. Please try again in ${wait.en}.`,
    },
    { reason: 'TOO_MANY_RESET_REQUESTS', retryAfterSeconds },
  );
}
