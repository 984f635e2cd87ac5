// What went wrong in a passkey ceremony, as a sentence for the person: the browser's refusals
// (cancelled, already registered, no support) by their WebAuthn error names, the API's by its
// own message.
import { WebAuthnError } from '@simplewebauthn/browser';
import { useTranslation } from 'react-i18next';
import { readApiError } from '../../app/api-errors';

type BrowserProblem = 'cancelled' | 'alreadyRegistered' | 'unsupported' | 'failed';

function browserProblemOf(error: Error): BrowserProblem {
  const code = error instanceof WebAuthnError ? error.code : null;
  if (code === 'ERROR_CEREMONY_ABORTED' || error.name === 'NotAllowedError' || error.name === 'AbortError') return 'cancelled';
  if (code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED' || error.name === 'InvalidStateError') return 'alreadyRegistered';
  if (error.name === 'NotSupportedError' || /does not support WebAuthn/i.test(error.message)) return 'unsupported';
  return 'failed';
}

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
