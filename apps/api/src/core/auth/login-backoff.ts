// The sign-in back-off schedule (issue 18), kept free of the database so it can be read and
// tested on its own. Failures are counted per (account, address) pair: a person who mistypes
// twice is not slowed; from the third failure each attempt waits twice as long as the last,
// up to a cap; at LOGIN_MAX_FAILURES the pair is locked for LOGIN_LOCK_MINUTES — unless the
// account has a second factor, where a password alone opens nothing, so it only waits (capped).

/** Failures of a pair that cost no delay (two typos). */
export const FREE_FAILURES = 2;

export interface BackoffPolicy {
  readonly maxFailures: number;
  readonly lockMinutes: number;
  readonly baseSeconds: number;
  readonly maxSeconds: number;
}

export interface PairState {
  readonly failures: number;
  readonly lockedUntil: Date | null;
  readonly lastFailureAt: Date | null;
}

export interface PairStateAfterFailure {
  readonly failures: number;
  readonly lockedUntil: Date | null;
  readonly nextAttemptAt: Date | null;
}

/** Seconds to wait after the `failures`-th failure in a row (0 for the free ones). */
export function backoffSeconds(failures: number, policy: Pick<BackoffPolicy, 'baseSeconds' | 'maxSeconds'>): number {
  if (failures <= FREE_FAILURES) return 0;
  // Bounded exponent: 2^30 seconds is past any cap already.
  const exponent = Math.min(failures - FREE_FAILURES - 1, 30);
  return Math.min(policy.baseSeconds * 2 ** exponent, policy.maxSeconds);
}

/**
 * The pair's state after one more failure at `now`. Failures count together while they are less
 * than LOGIN_LOCK_MINUTES apart and no lock has run out since; otherwise counting starts again.
 */
export function afterFailure(previous: PairState | null, now: Date, policy: BackoffPolicy, hasSecondFactor: boolean): PairStateAfterFailure {
  const windowMs = policy.lockMinutes * 60_000;
  const lockExpired = previous?.lockedUntil != null && previous.lockedUntil.getTime() <= now.getTime();
  const quietSince = previous?.lastFailureAt != null && now.getTime() - previous.lastFailureAt.getTime() > windowMs;
  const failures = !previous || lockExpired || quietSince ? 1 : previous.failures + 1;
  if (failures >= policy.maxFailures && !hasSecondFactor) {
    const lockedUntil = new Date(now.getTime() + windowMs);
    return { failures, lockedUntil, nextAttemptAt: lockedUntil };
  }
  const delay = backoffSeconds(failures, policy);
  return { failures, lockedUntil: null, nextAttemptAt: delay > 0 ? new Date(now.getTime() + delay * 1000) : null };
}

/** Whole seconds until `until` (at least 1), as a Retry-After value. */
export function secondsUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}
