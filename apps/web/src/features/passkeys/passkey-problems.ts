// Running a passkey ceremony (add, sign in, second step) and what went wrong in it, as a sentence
// for the person: the browser's refusals by their WebAuthn names, the API's by its own message.
import { browserSupportsWebAuthn } from '@simplewebauthn/browser';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readApiError } from '../../app/api-errors';
import { browserProblemOf } from './browser-problem';

/** Turns a caught error of a ceremony into the message to show. */
export function usePasskeyProblem(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error: unknown) => {
    const apiError = readApiError(error);
    if (apiError.code) return apiError.message ?? t('errors.generic');
    if (!(error instanceof Error)) return t('errors.generic');
    return t(`passkeys.problems.${browserProblemOf(error)}`);
  };
}

export interface PasskeyCeremony {
  readonly running: boolean;
  readonly problem: string | null;
  /** Runs `ceremony` unless the browser has no WebAuthn; a failure becomes `problem`. */
  readonly run: (ceremony: () => Promise<void>) => Promise<void>;
}

/** One ceremony at a time, with its running state and its problem for the person. */
export function usePasskeyCeremony(): PasskeyCeremony {
  const { t } = useTranslation();
  const [running, setRunning] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const problemOf = usePasskeyProblem();
  const run = async (ceremony: () => Promise<void>) => {
    setProblem(null);
    if (!browserSupportsWebAuthn()) {
      setProblem(t('passkeys.problems.unsupported'));
      return;
    }
    setRunning(true);
    try {
      await ceremony();
    } catch (caught) {
      setProblem(problemOf(caught));
    } finally {
      setRunning(false);
    }
  };
  return { running, problem, run };
}
