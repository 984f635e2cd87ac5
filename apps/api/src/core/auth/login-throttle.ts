// Login throttling per account and per client address: after LOGIN_MAX_FAILURES failures for
// an account (LOGIN_MAX_FAILURES_PER_ADDRESS from one address) the key is locked for
// LOGIN_LOCK_MINUTES. Keys are hashes (secret-tokens.throttleKey),
// and an unknown email is throttled exactly like a known one, so the lock reveals nothing.
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { AppMetrics } from '../metrics/app-metrics';
import { runInAuthContext } from '../tenancy/tenant-transaction';

@Injectable()
export class LoginThrottle {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: AppMetrics,
  ) {}

  async isLocked(manager: EntityManager, keys: readonly string[]): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM login_throttle WHERE key = ANY($1) AND locked_until > now()`,
      [keys],
    );
    if (rows.length) this.metrics.loginRefusedWhileLocked.inc();
    return rows.length > 0;
  }

  /** Counted in its own transaction: the failed login's transaction is rolled back. */
  async recordFailure(keys: { readonly account: string; readonly address: string }): Promise<void> {
    const { loginMaxFailures, loginMaxFailuresPerAddress, loginLockMinutes } = this.config.auth;
    const limits: Array<[string, number, 'account' | 'address']> = [
      [keys.account, loginMaxFailures, 'account'],
      [keys.address, loginMaxFailuresPerAddress, 'address'],
    ];
    this.metrics.loginFailures.inc();
    const locked = await runInAuthContext(this.dataSource, async (manager) => {
      const lockedScopes: Array<'account' | 'address'> = [];
      for (const [key, limit, scope] of limits) {
        // A failure is recorded only when neither key was locked (login checks first), so a
        // lock in the returned row is the one this failure set.
        const [row]: Array<{ locked: boolean }> = await manager.query(
          `INSERT INTO login_throttle AS t (key, failures, window_started_at, locked_until)
           VALUES ($1, 1, now(), CASE WHEN 1 >= $2 THEN now() + make_interval(mins => $3) END)
           ON CONFLICT (key) DO UPDATE SET
             failures = CASE WHEN t.locked_until IS NOT NULL AND t.locked_until <= now() THEN 1 ELSE t.failures + 1 END,
             window_started_at = CASE WHEN t.locked_until IS NOT NULL AND t.locked_until <= now() THEN now() ELSE t.window_started_at END,
             locked_until = CASE
               WHEN (CASE WHEN t.locked_until IS NOT NULL AND t.locked_until <= now() THEN 1 ELSE t.failures + 1 END) >= $2
               THEN now() + make_interval(mins => $3)
               ELSE NULL END
           RETURNING locked_until IS NOT NULL AS locked`,
          [key, limit, loginLockMinutes],
        );
        if (row?.locked) lockedScopes.push(scope);
      }
      return lockedScopes;
    });
    for (const scope of locked) this.metrics.loginLocks.inc({ scope });
  }

  async clear(manager: EntityManager, key: string): Promise<void> {
    await manager.query(`DELETE FROM login_throttle WHERE key = $1`, [key]);
  }
}
