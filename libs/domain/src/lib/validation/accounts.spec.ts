import {
  acceptInvitationSchema,
  ACCOUNT_MESSAGES,
  changePasswordSchema,
  inviteMemberSchema,
  loginInputSchema,
  memberRolesSchema,
  myProfileSchema,
  PASSWORD_MESSAGES,
  passwordResetRequestSchema,
  resetPasswordSchema,
} from './accounts';
import { checkInput, inputProblems, localizedMessage } from './kit';

const PASSPHRASE = 'correct horse battery staple';

describe('account inputs', () => {
  it('normalises valid inputs', () => {
    expect(checkInput(inviteMemberSchema, { email: ' Aoi@Example.JP ', roles: ['STAFF', 'STAFF', 'COORDINATOR'], language: 'en' })).toEqual({
      ok: true,
      value: { email: 'aoi@example.jp', roles: ['STAFF', 'COORDINATOR'], language: 'en' },
    });
    expect(checkInput(myProfileSchema, { displayName: ' 中村 あおい ', preferredLanguage: 'ja' })).toEqual({
      ok: true,
      value: { displayName: '中村 あおい', preferredLanguage: 'ja' },
    });
    expect(checkInput(loginInputSchema, { email: ' a@example.jp ', password: 'x' }).ok).toBe(true);
    expect(checkInput(resetPasswordSchema, { newPassword: PASSPHRASE, confirmation: PASSPHRASE }).ok).toBe(true);
    expect(checkInput(acceptInvitationSchema(false), { password: 'existing', displayName: '' }).ok).toBe(true);
  });

  it.each([
    [passwordResetRequestSchema, { email: 'not-an-address' }, 'email', ACCOUNT_MESSAGES.email],
    [inviteMemberSchema, { email: 'a@example.jp', roles: [], language: 'ja' }, 'roles', ACCOUNT_MESSAGES.roles],
    [inviteMemberSchema, { email: 'a@example.jp', roles: ['STAFF'], language: 'fr' }, 'language', ACCOUNT_MESSAGES.inviteLanguage],
    [memberRolesSchema, { roles: [] }, 'roles', ACCOUNT_MESSAGES.roles],
    [myProfileSchema, { displayName: ' ', preferredLanguage: 'ja' }, 'displayName', ACCOUNT_MESSAGES.displayName],
    [myProfileSchema, { displayName: 'x', preferredLanguage: 'de' }, 'preferredLanguage', ACCOUNT_MESSAGES.preferredLanguage],
    [loginInputSchema, { email: 'a@example.jp', password: '' }, 'password', ACCOUNT_MESSAGES.required],
    [resetPasswordSchema, { newPassword: 'short', confirmation: 'short' }, 'newPassword', ACCOUNT_MESSAGES.passwordTooShort],
    [resetPasswordSchema, { newPassword: 'x'.repeat(257), confirmation: 'x'.repeat(257) }, 'newPassword', ACCOUNT_MESSAGES.passwordTooLong],
    [resetPasswordSchema, { newPassword: PASSPHRASE, confirmation: 'other' }, 'confirmation', ACCOUNT_MESSAGES.passwordMismatch],
    [changePasswordSchema, { currentPassword: '', newPassword: PASSPHRASE, confirmation: PASSPHRASE }, 'currentPassword', ACCOUNT_MESSAGES.required],
    [acceptInvitationSchema(true), { displayName: '', password: PASSPHRASE, confirmation: PASSPHRASE }, 'displayName', ACCOUNT_MESSAGES.newDisplayName],
    [acceptInvitationSchema(false), { password: '' }, 'password', ACCOUNT_MESSAGES.required],
  ])('reports a faulty field (case %#)', (schema, input, field, message) => {
    expect(inputProblems(schema, input)).toEqual({ [field]: localizedMessage(message) });
  });

  it('says the password policy in both languages, as the API does', () => {
    expect(PASSWORD_MESSAGES.TOO_SHORT).toEqual({
      ja: 'パスワードは12文字以上にしてください。覚えやすい長めの文を使うのがおすすめです。',
      en: 'Use at least 12 characters. A longer phrase that is easy to remember works well.',
    });
    expect(inputProblems(resetPasswordSchema, { newPassword: PASSPHRASE, confirmation: '' })).toEqual({
      confirmation: { ja: '確認用のパスワードが一致しません。', en: 'The two passwords do not match.' },
    });
  });
});
