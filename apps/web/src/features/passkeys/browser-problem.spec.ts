// The browser's refusals of a passkey ceremony, told apart by the names WebAuthn gives them (as
// @simplewebauthn/browser passes them on), so the person reads what happened.
import { WebAuthnError } from '@simplewebauthn/browser';
import { browserProblemOf } from './browser-problem';

const domError = (name: string) => Object.assign(new Error(name), { name });

describe('browserProblemOf', () => {
  it('reads a dismissed or timed-out prompt as cancelled', () => {
    expect(browserProblemOf(domError('NotAllowedError'))).toBe('cancelled');
    expect(browserProblemOf(new WebAuthnError({ message: 'aborted', code: 'ERROR_CEREMONY_ABORTED', cause: domError('AbortError') }))).toBe(
      'cancelled',
    );
  });

  it('reads an excluded authenticator as already registered, and no support as unsupported', () => {
    const previously = new WebAuthnError({
      message: 'previously registered',
      code: 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED',
      cause: domError('InvalidStateError'),
      name: 'InvalidStateError',
    });
    expect(browserProblemOf(previously)).toBe('alreadyRegistered');
    expect(browserProblemOf(new Error('WebAuthn is not supported in this browser'))).toBe('failed');
    expect(browserProblemOf(domError('NotSupportedError'))).toBe('unsupported');
  });
});
