// Reads an error from the API into what a form shows: the API's own message (already in the
// UI language, chosen by Accept-Language) for errors a person can act on, and per-field
// messages from extensions.fields placed next to the matching inputs.
import { CombinedGraphQLErrors } from '@apollo/client';
import { isErrorCode, type ErrorCode, type LocalizedText } from '@tsunagu/domain';
import { i18n } from './i18n/i18n';

export interface ApiError {
  readonly code: ErrorCode | null;
  /** A message for the person, or null when only a generic explanation fits (network, internal). */
  readonly message: string | null;
  readonly fields: Readonly<Record<string, string>>;
}

const shownCodes: readonly ErrorCode[] = ['BAD_USER_INPUT', 'CONFLICT', 'FORBIDDEN', 'UNAUTHENTICATED', 'NOT_FOUND'];

function isLocalizedText(value: unknown): value is LocalizedText {
  return typeof value === 'object' && value !== null && 'ja' in value && 'en' in value;
}

export function readApiError(error: unknown): ApiError {
  if (!CombinedGraphQLErrors.is(error) || error.errors.length === 0) {
    return { code: null, message: null, fields: {} };
  }
  const first = error.errors[0];
  const rawCode = first.extensions?.['code'];
  const code = isErrorCode(rawCode) ? rawCode : null;
  const language = i18n.language === 'en' ? 'en' : 'ja';
  const fields: Record<string, string> = {};
  for (const entry of error.errors) {
    const entryFields = entry.extensions?.['fields'];
    if (typeof entryFields === 'object' && entryFields !== null) {
      for (const [name, text] of Object.entries(entryFields)) {
        if (isLocalizedText(text)) fields[name] = text[language];
        else if (typeof text === 'string') fields[name] = text;
      }
    }
  }
  const message = code && shownCodes.includes(code) ? first.message : null;
  return { code, message, fields };
}
