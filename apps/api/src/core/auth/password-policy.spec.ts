import { AppError } from '../graphql/app-error';
import { assertAcceptablePassword, passwordProblem } from './password-policy';

describe('the password policy', () => {
  it('refuses passwords from the common-password list, ignoring case', () => {
    expect(passwordProblem('password1234')).toBe('COMMON');
    expect(passwordProblem('QWERTY123456')).toBe('COMMON');
  });

  it('refuses long enough passwords that zxcvbn finds easy to guess (score below 3)', () => {
    for (const guessable of ['aaaaaaaaaaaa', 'abcdefghijkl', '123456789012', 'passwordpassword', 'qwertyuiopas']) {
      expect({ guessable, problem: passwordProblem(guessable) }).toEqual({ guessable, problem: 'COMMON' });
    }
  });

  it('accepts passphrases, and the passwords the demo and the tests use', () => {
    for (const fine of ['a-long-test-passphrase-2026', 'tsunagu-demo-2026', 'bench passphrase for tsunagu', 'a fresh start for spring', 'correct horse battery']) {
      expect({ fine, problem: passwordProblem(fine) }).toEqual({ fine, problem: null });
    }
  });

  it('keeps the length rules first', () => {
    expect(passwordProblem('password')).toBe('TOO_SHORT');
    expect(passwordProblem('x'.repeat(257))).toBe('TOO_LONG');
  });

  it('answers a stable reason on the field, in both languages', () => {
    let thrown: unknown;
    try {
      assertAcceptablePassword('password1234', 'newPassword');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    const error = thrown as AppError;
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PASSWORD_COMMON' });
    expect(error.localized.ja).toContain('推測されやすい');
    expect(error.localized.en).toContain('easy to guess');
  });

  it('scores a password of the longest allowed length quickly enough for a request', () => {
    passwordProblem('warm the dictionaries up');
    const started = performance.now();
    passwordProblem('x9'.repeat(128));
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
