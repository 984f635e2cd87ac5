import { matchTotp, newTotpSecret, totpCodeAt, TOTP_PERIOD_SECONDS } from './totp';

const at = new Date('2026-12-07T12:00:10Z');
const step = Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS);
const shifted = (steps: number) => new Date(at.getTime() + steps * TOTP_PERIOD_SECONDS * 1000);

describe('matchTotp', () => {
  const secret = newTotpSecret();

  it('accepts the current code and one step of drift either way, naming the step', () => {
    expect(matchTotp(secret, totpCodeAt(secret, at), at, null)).toBe(step);
    expect(matchTotp(secret, totpCodeAt(secret, shifted(-1)), at, null)).toBe(step - 1);
    expect(matchTotp(secret, totpCodeAt(secret, shifted(1)), at, null)).toBe(step + 1);
    expect(matchTotp(secret, totpCodeAt(secret, shifted(2)), at, null)).toBeNull();
    expect(matchTotp(secret, totpCodeAt(secret, shifted(-2)), at, null)).toBeNull();
  });

  it('refuses a code of the last step used or before (replay)', () => {
    expect(matchTotp(secret, totpCodeAt(secret, at), at, step)).toBeNull();
    expect(matchTotp(secret, totpCodeAt(secret, shifted(-1)), at, step)).toBeNull();
    expect(matchTotp(secret, totpCodeAt(secret, shifted(1)), at, step)).toBe(step + 1);
  });

  it('takes the code as people type it, and refuses anything but six digits', () => {
    const code = totpCodeAt(secret, at);
    expect(matchTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, at, null)).toBe(step);
    expect(matchTotp(secret, `${code}0`, at, null)).toBeNull();
    expect(matchTotp(secret, 'abcdef', at, null)).toBeNull();
  });
});
