// Two-step verification: the codes people type at sign-in and on /account, and the network
// admin's policy form, as the API checks them.
import { z } from 'zod';
import { MAX_SECOND_FACTOR_GRACE_DAYS, normalizeTotpCode } from '../second-factor';
import { ACCOUNT_MESSAGES } from './accounts';
import { say } from './kit';

export const SECOND_FACTOR_MESSAGES = {
  totpCode: say('認証アプリに表示されている6桁の数字を入力してください。', 'Enter the 6-digit code shown in your authenticator app.'),
  graceDays: say(
    `猶予期間は0〜${MAX_SECOND_FACTOR_GRACE_DAYS}日で指定してください。`,
    `Enter a grace period of 0 to ${MAX_SECOND_FACTOR_GRACE_DAYS} days.`,
  ),
} as const;

export const totpCode = z.string().transform(normalizeTotpCode).refine((code) => /^\d{6}$/.test(code), SECOND_FACTOR_MESSAGES.totpCode);

export const totpCodeSchema = z.object({ code: totpCode });

export const recoveryCodeSchema = z.object({ recoveryCode: z.string().trim().min(1, ACCOUNT_MESSAGES.required) });

export const reauthenticateSchema = (needsCode: boolean) =>
  z.object({
    password: z.string().min(1, ACCOUNT_MESSAGES.required),
    code: needsCode ? totpCode : z.string().optional(),
  });

export const secondFactorPolicySchema = z.object({
  required: z.boolean(),
  graceDays: z
    .number(SECOND_FACTOR_MESSAGES.graceDays)
    .int(SECOND_FACTOR_MESSAGES.graceDays)
    .min(0, SECOND_FACTOR_MESSAGES.graceDays)
    .max(MAX_SECOND_FACTOR_GRACE_DAYS, SECOND_FACTOR_MESSAGES.graceDays),
});
