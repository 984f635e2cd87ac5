// Login throttling (issue 18): failures slow down the next attempts for an account from the
// address they came from, and lock only that (account, address) pair — so nobody can lock
// someone else out by typing wrong passwords from their own machine. The schedule is
// login-backoff.ts. A client address is also limited on its own (LOGIN_MAX_FAILURES_PER_ADDRESS
// failures, whatever the accounts, lock it for LOGIN_LOCK_MINUTES).
// Keys are hashes (secret-tokens.throttleKey), and an unknown email is throttled exactly like a
// known one without a second factor. Times come from the Clock, so tests move time instead of
// sleeping.
import { isIPv6 } from 'node:net';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { queryRows } from '../database/returning';
import { AppMetrics } from '../metrics/app-metrics';
import { runInAuthContext } from '../tenancy/tenant-transaction';
import { Clock } from '../time/clock';
import { afterFailure, BackoffPolicy, secondsUntil } from './login-backoff';
import { enrolledFactors } from './second-factors';
import { throttleKey } from './secret-tokens';

export interface LoginThrottleKeys {
  /** The account (normalised email) together with the client address. */
  readonly pair: string;
  /** The client address alone. */
  readonly address: string;
}

export function loginThrottleKeys(email: string, ip: string): LoginThrottleKeys {
  const address = throttledAddress(ip);
  return { pair: throttleKey('account-address', `${email}\n${address}`), address: throttleKey('ip', address) };
}

/**
 * The part of a client address the throttles count. An IPv6 client is usually given a whole /64
 * and can pick a new address in it for every attempt, so IPv6 addresses count by their /64; an
 * IPv4-mapped IPv6 address counts as its IPv4 address.
 */
export function throttledAddress(ip: string): string {
  const bare = ip.split('%')[0];
  if (!isIPv6(bare)) return ip;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(bare);
  if (mapped) return mapped[1];
  const groupsOf = (part: string) => (part ? part.split(':').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group])) : []);
  const [head, tail] = bare.includes('::') ? bare.split('::') : [bare, ''];
  const headGroups = groupsOf(head);
  const tailGroups = groupsOf(tail);
  const groups = [...headGroups, ...Array<string>(Math.max(0, 8 - headGroups.length - tailGroups.length)).fill('0'), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}

/** Why an attempt is not even checked: how long to wait. */
export interface ThrottleRefusal {
  readonly retryAfterSeconds: number;
}

@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: AppMetrics,
    private readonly clock: Clock,
  ) {}

  private get policy(): BackoffPolicy {
    const auth = this.config.auth;
    return {
      maxFailures: auth.loginMaxFailures,
      lockMinutes: auth.loginLockMinutes,
      baseSeconds: auth.loginBackoffBaseSeconds,
      maxSeconds: auth.loginBackoffMaxSeconds,
    };
  }

  /** Null when an attempt may be checked now; otherwise how long until it may. */
  async refusal(manager: EntityManager, keys: LoginThrottleKeys): Promise<ThrottleRefusal | null> {
    // Attempts of one (account, address) pair queue here until the previous one has recorded its
    // outcome (recordFailure, same transaction): a burst of parallel guesses cannot all pass the
    // check before the first failure counts.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [keys.pair]);
    const now = this.clock.now();
    const [row]: Array<{ until: Date | null }> = await manager.query(
      `SELECT max(GREATEST(locked_until, next_attempt_at)) AS until FROM login_throttle
        WHERE key = ANY($1) AND (locked_until > $2 OR next_attempt_at > $2)`,
      [[keys.pair, keys.address], now],
    );
    if (!row?.until) return null;
    this.metrics.loginRefusedWhileLocked.inc();
    return { retryAfterSeconds: secondsUntil(row.until, now) };
  }

  /** Counted in the caller's auth-context transaction (the one that took the pair's lock in refusal). */
  async recordFailure(manager: EntityManager, keys: LoginThrottleKeys, userId: string | null): Promise<void> {
    const now = this.clock.now();
    const policy = this.policy;
    this.metrics.loginFailures.inc();
    const lockedScopes: Array<'account' | 'address'> = [];
    // A confirmed TOTP or any passkey: then a password alone opens nothing, and the pair is never locked.
    const hasSecondFactor = userId ? (await enrolledFactors(manager, userId)).factors.length > 0 : false;
    // The row first, so concurrent failures of one pair queue on its lock and all count.
    await manager.query(
      `INSERT INTO login_throttle (key, failures, window_started_at) VALUES ($1, 0, $2) ON CONFLICT (key) DO NOTHING`,
      [keys.pair, now],
    );
    const [previous]: Array<{ failures: number; locked_until: Date | null; last_failure_at: Date | null }> = await manager.query(
      `SELECT failures, locked_until, last_failure_at FROM login_throttle WHERE key = $1 FOR UPDATE`,
      [keys.pair],
    );
    const next = afterFailure(
      previous ? { failures: previous.failures, lockedUntil: previous.locked_until, lastFailureAt: previous.last_failure_at } : null,
      now,
      policy,
      hasSecondFactor,
    );
    await manager.query(
      `UPDATE login_throttle
          SET failures = $2, locked_until = $3, next_attempt_at = $4, last_failure_at = $5,
              window_started_at = CASE WHEN $2 = 1 THEN $5 ELSE window_started_at END
        WHERE key = $1`,
      [keys.pair, next.failures, next.lockedUntil, next.nextAttemptAt, now],
    );
    if (next.lockedUntil) lockedScopes.push('account');
    // The address alone: counted like before, restarting after a lock ran out or a quiet spell.
    const [address]: Array<{ locked: boolean }> = await manager.query(
      `INSERT INTO login_throttle AS t (key, failures, window_started_at, last_failure_at, locked_until)
       VALUES ($1, 1, $4, $4, CASE WHEN 1 >= $2 THEN $4::timestamptz + make_interval(mins => $3) END)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN (t.locked_until IS NOT NULL AND t.locked_until <= $4)
                            OR t.last_failure_at < $4::timestamptz - make_interval(mins => $3)
                         THEN 1 ELSE t.failures + 1 END,
         window_started_at = CASE WHEN (t.locked_until IS NOT NULL AND t.locked_until <= $4)
                                    OR t.last_failure_at < $4::timestamptz - make_interval(mins => $3)
                                 THEN $4 ELSE t.window_started_at END,
         last_failure_at = $4,
         locked_until = CASE
           WHEN (CASE WHEN (t.locked_until IS NOT NULL AND t.locked_until <= $4)
                            OR t.last_failure_at < $4::timestamptz - make_interval(mins => $3)
                       THEN 1 ELSE t.failures + 1 END) >= $2
           THEN $4::timestamptz + make_interval(mins => $3)
           ELSE NULL END
       RETURNING locked_until IS NOT NULL AS locked`,
      [keys.address, this.config.auth.loginMaxFailuresPerAddress, policy.lockMinutes, now],
    );
    if (address?.locked) lockedScopes.push('address');
    for (const scope of lockedScopes) this.metrics.loginLocks.inc({ scope });
  }

  /** After a successful sign-in: the pair starts afresh (the address keeps its count). */
  async clear(manager: EntityManager, keys: LoginThrottleKeys): Promise<void> {
    await manager.query(`DELETE FROM login_throttle WHERE key = $1`, [keys.pair]);
  }
}

/**
 * Deletes throttle rows quiet for a day (no failure, no lock or wait still running): they count
 * nothing any more, and each is the hash of an address. Run nightly with the security log's
 * retention; returns how many went.
 */
export async function purgeQuietThrottles(dataSource: DataSource): Promise<number> {
  const rows = await runInAuthContext(dataSource, (manager) =>
    queryRows<{ key: string }>(
      manager,
      `DELETE FROM login_throttle
        WHERE GREATEST(window_started_at, last_failure_at, locked_until, next_attempt_at) < now() - interval '1 day'
        RETURNING key`,
    ),
  );
  return rows.length;
}
