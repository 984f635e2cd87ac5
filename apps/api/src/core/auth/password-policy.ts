// The password policy (NIST SP 800-63B, OWASP ASVS 5.0 §6.2): at least 12 characters, no
// composition rules, and not easy to guess — refused when the password is one of the commonly
// used passwords (the ~49,000-entry list of @zxcvbn-ts/language-common, ignoring case) or when
// zxcvbn (@zxcvbn-ts/core with those dictionaries and keyboard layouts) scores it below 3, i.e.
// guessable in under 10^8 attempts: repeats, sequences, keyboard walks, dates, common words with
// digits. Both answer PASSWORD_COMMON. The dictionaries are loaded once, on first use.
import { passwordLengthProblem, PasswordProblem, PASSWORD_MESSAGES } from '@tsunagu/domain';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../graphql/app-error';

/** zxcvbn's score (0–4) a password needs: 3 is "safely unguessable: moderate protection from offline attacks". */
export const MINIMUM_GUESSABILITY_SCORE = 3;
/**
 * zxcvbn scores the first this many characters: its matching grows quickly with length (a 256-
 * character password can take a few hundred milliseconds of CPU), and a password this long that
 * is weak in its first 64 characters is not a realistic choice.
 */
const SCORED_LENGTH = 64;

let commonPasswords: Set<string> | undefined;
let estimator: ZxcvbnFactory | undefined;

function isCommon(password: string): boolean {
  commonPasswords ??= new Set((dictionary['passwords-common'] as string[]).map((word) => word.toLowerCase()));
  return commonPasswords.has(password.toLowerCase());
}

function isGuessable(password: string): boolean {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs, maxLength: SCORED_LENGTH });
  return estimator.check(password).score < MINIMUM_GUESSABILITY_SCORE;
}

export function passwordProblem(password: string): PasswordProblem | null {
  return passwordLengthProblem(password) ?? (isCommon(password) || isGuessable(password) ? 'COMMON' : null);
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
