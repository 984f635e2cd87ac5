// Accounts, sign-in and members: the inputs people type on the auth pages, the account page and
// the members page, as the API checks them. Rules that need the database (a wrong current
// password, a common password, an address already invited) stay in the API.
import { z } from 'zod';
import { isPlausibleEmail, normalizeEmail, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordLengthProblem, SUPPORTED_LANGUAGES } from '../accounts';
import { NETWORK_ROLES, ORGANIZATION_ROLES } from '../roles';
import { localizedMessage, say } from './kit';

export const ACCOUNT_MESSAGES = {
  required: say('入力してください。', 'Please fill this in.'),
  email: say('メールアドレスの形式が正しくありません。', 'This is not a valid email address.'),
  roles: say('役割を1つ以上選んでください。', 'Choose at least one role.'),
  inviteLanguage: say('言語は ja か en です。', 'The language must be ja or en.'),
  /** As the invitation's acceptance says it. */
  newDisplayName: say('表示名を1〜100文字で入力してください。', 'Enter a display name of 1 to 100 characters.'),
  /** As the profile says it. */
  displayName: say('表示名は1〜100文字で入力してください。', 'Enter a display name of 1 to 100 characters.'),
  preferredLanguage: say('言語は ja か en を指定してください。', 'The language must be ja or en.'),
  passwordTooShort: say(
    `パスワードは${PASSWORD_MIN_LENGTH}文字以上にしてください。覚えやすい長めの文を使うのがおすすめです。`,
    `Use at least ${PASSWORD_MIN_LENGTH} characters. A longer phrase that is easy to remember works well.`,
  ),
  passwordTooLong: say(`パスワードは${PASSWORD_MAX_LENGTH}文字以内にしてください。`, `Use at most ${PASSWORD_MAX_LENGTH} characters.`),
  passwordCommon: say(
    'このパスワードはよく使われているか、推測されやすい（繰り返し・連続した文字、よく使われる語と数字の組み合わせなど）ため使えません。別のパスワードにしてください。',
    'This password is commonly used or easy to guess (repeated or sequential characters, a common word with digits, and the like). Please choose another.',
  ),
  passwordMismatch: say('確認用のパスワードが一致しません。', 'The two passwords do not match.'),
} as const;

/** The password policy's messages in both languages (the API adds COMMON, which needs its word list). */
export const PASSWORD_MESSAGES = {
  TOO_SHORT: localizedMessage(ACCOUNT_MESSAGES.passwordTooShort),
  TOO_LONG: localizedMessage(ACCOUNT_MESSAGES.passwordTooLong),
  COMMON: localizedMessage(ACCOUNT_MESSAGES.passwordCommon),
} as const;

/** An email address as stored: trimmed, lower case, plausible. */
export const emailAddress = z.string().transform(normalizeEmail).refine(isPlausibleEmail, ACCOUNT_MESSAGES.email);

/** A new password: the length rules of the policy. */
export const newPassword = z.string().superRefine((password, context) => {
  const problem = passwordLengthProblem(password);
  if (problem === 'TOO_SHORT') context.addIssue({ code: 'custom', message: ACCOUNT_MESSAGES.passwordTooShort });
  if (problem === 'TOO_LONG') context.addIssue({ code: 'custom', message: ACCOUNT_MESSAGES.passwordTooLong });
});

const language = (message: string) => z.enum(SUPPORTED_LANGUAGES, { error: message });

/** A new password typed twice: the confirmation is the form's own check, never sent. */
export function withConfirmation<F extends string>(field: F) {
  return (values: { [key: string]: unknown; confirmation: string }, context: z.RefinementCtx) => {
    if (values[field] !== values.confirmation) context.addIssue({ code: 'custom', path: ['confirmation'], message: ACCOUNT_MESSAGES.passwordMismatch });
  };
}

export const loginInputSchema = z.object({
  email: z.string().trim().min(1, ACCOUNT_MESSAGES.required),
  password: z.string().min(1, ACCOUNT_MESSAGES.required),
});

export const passwordResetRequestSchema = z.object({ email: emailAddress });

export const resetPasswordSchema = z.object({ newPassword, confirmation: z.string() }).superRefine(withConfirmation('newPassword'));

export const changePasswordSchema = z
  .object({ currentPassword: z.string().min(1, ACCOUNT_MESSAGES.required), newPassword, confirmation: z.string() })
  .superRefine(withConfirmation('newPassword'));

export const myProfileSchema = z.object({
  displayName: z.string().trim().min(1, ACCOUNT_MESSAGES.displayName).max(100, ACCOUNT_MESSAGES.displayName),
  preferredLanguage: language(ACCOUNT_MESSAGES.preferredLanguage),
});

/** The roles a membership holds: at least one, each once. */
const roleList = z
  .array(z.enum([...NETWORK_ROLES, ...ORGANIZATION_ROLES]))
  .transform((roles) => [...new Set(roles)])
  .refine((roles) => roles.length > 0, ACCOUNT_MESSAGES.roles);

export const inviteMemberSchema = z.object({
  email: emailAddress,
  roles: roleList,
  language: language(ACCOUNT_MESSAGES.inviteLanguage),
});

export const memberRolesSchema = z.object({
  roles: roleList,
});

/** Accepting an invitation: a new account names itself and sets a password; an existing one gives its password. */
export function acceptInvitationSchema(newAccount: boolean) {
  if (!newAccount) return z.object({ password: z.string().min(1, ACCOUNT_MESSAGES.required) });
  return z
    .object({
      displayName: z.string().trim().min(1, ACCOUNT_MESSAGES.newDisplayName).max(100, ACCOUNT_MESSAGES.newDisplayName),
      password: newPassword,
      confirmation: z.string(),
    })
    .superRefine(withConfirmation('password'));
}
