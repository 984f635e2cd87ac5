// The password policy (NIST SP 800-63B): at least 12 characters, not one of the commonly used
// passwords (the ~49,000-entry list of @zxcvbn-ts/language-common), no composition rules.
import { passwordLengthProblem, PasswordProblem, PASSWORD_MESSAGES } from '@tsunagu/domain';
import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../graphql/app-error';

let commonPasswords: Set<string> | undefined;

function isCommon(password: string): boolean {
  commonPasswords ??= new Set((dictionary['passwords-common'] as string[]).map((word) => word.toLowerCase()));
  return commonPasswords.has(password.toLowerCase());
}

export function passwordProblem(password: string): PasswordProblem | null {
  return passwordLengthProblem(password) ?? (isCommon(password) ? 'COMMON' : null);
}

const messages: Record<PasswordProblem, { ja: string; en: string }> = PASSWORD_MESSAGES;

/** Throws BAD_USER_INPUT naming the field when the password does not meet the policy. */
export function assertAcceptablePassword(password: string, field = 'password'): void {
  const problem = passwordProblem(password);
  if (problem) {
    throw new AppError('BAD_USER_INPUT', messages[problem], {
      reason: `PASSWORD_${problem}`,
      fields: { [field]: messages[problem] },
    });
  }
}
