// The browser's refusals of a passkey ceremony (cancelled, already registered, no support), told
// apart by the names WebAuthn gives them, as @simplewebauthn/browser passes them on.
import { WebAuthnError } from '@simplewebauthn/browser';

export type BrowserProblem = 'cancelled' | 'alreadyRegistered' | 'unsupported' | 'failed';

export function browserProblemOf(error: Error): BrowserProblem {
  const code = error instanceof WebAuthnError ? error.code : null;
  if (code === 'ERROR_CEREMONY_ABORTED' || error.name === 'NotAllowedError' || error.name === 'AbortError') return 'cancelled';
  if (code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED' || error.name === 'InvalidStateError') return 'alreadyRegistered';
  if (error.name === 'NotSupportedError') return 'unsupported';
  return 'failed';
}
