// What went wrong in a passkey ceremony, as a sentence for the person: the browser's refusals by
// their WebAuthn names, the API's by its own message.
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
