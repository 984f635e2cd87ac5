import { afterFailure, backoffSeconds, BackoffPolicy, secondsUntil } from './login-backoff';

const policy: BackoffPolicy = { maxFailures: 5, lockMinutes: 15, baseSeconds: 2, maxSeconds: 60 };
const now = new Date('2026-12-07T10:00:00Z');
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);

/** The states after `count` failures one second apart. */
function failures(count: number, hasSecondFactor: boolean) {
  let state: { failures: number; lockedUntil: Date | null; lastFailureAt: Date | null } | null = null;
  const delays: Array<number | 'locked'> = [];
  for (let index = 0; index < count; index += 1) {
    const at = later(index);
    const next = afterFailure(state, at, policy, hasSecondFactor);
    delays.push(next.lockedUntil ? 'locked' : next.nextAttemptAt ? (next.nextAttemptAt.getTime() - at.getTime()) / 1000 : 0);
    state = { failures: next.failures, lockedUntil: next.lockedUntil, lastFailureAt: at };
  }
  return delays;
}

describe('the sign-in back-off schedule', () => {
  it('lets two typos pass, then doubles the wait up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 40].map((count) => backoffSeconds(count, policy))).toEqual([0, 0, 2, 4, 8, 16, 32, 60, 60]);
  });

  it('locks the pair at the limit for an account with only a password', () => {
    expect(failures(5, false)).toEqual([0, 0, 2, 4, 'locked']);
    const locked = afterFailure({ failures: 4, lockedUntil: null, lastFailureAt: now }, now, policy, false);
    expect(locked.lockedUntil).toEqual(later(15 * 60));
  });

  it('never locks an account with a second factor: the wait grows and stops at the cap', () => {
    expect(failures(9, true)).toEqual([0, 0, 2, 4, 8, 16, 32, 60, 60]);
  });

  it('counts afresh once a lock has run out or after a quiet spell', () => {
    expect(afterFailure({ failures: 5, lockedUntil: now, lastFailureAt: later(-900) }, now, policy, false).failures).toBe(1);
    expect(afterFailure({ failures: 4, lockedUntil: null, lastFailureAt: later(-901) }, now, policy, false).failures).toBe(1);
    expect(afterFailure({ failures: 4, lockedUntil: null, lastFailureAt: later(-899) }, now, policy, false).failures).toBe(5);
  });

  it('rounds the wait up to whole seconds, at least one', () => {
    expect(secondsUntil(new Date(now.getTime() + 1500), now)).toBe(2);
    expect(secondsUntil(now, now)).toBe(1);
  });
});
