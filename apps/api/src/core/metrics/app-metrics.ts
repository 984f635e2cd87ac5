// The API's Prometheus metrics (prom-client, the standard Node client), in a registry of each
// application's own: tests run several applications in one process, and the default global
// registry would refuse the second one's metrics.
//
// Labels carry fixed vocabularies only (operation names the web client ships, route templates,
// error codes, queue and pool names): never a user, a tenant, an address or a path as sent.
// docs/observability.md lists every series.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Request durations: 5 ms … 10 s, around what the bench measures for this API. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** What a pool reports (pg.Pool and pg-boss's pool alike). */
export interface PoolCounts {
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
  readonly options?: { readonly max?: number };
}

export class AppMetrics {
  readonly registry = new Registry();

  readonly graphqlRequestDuration = new Histogram({
    name: 'tsunagu_graphql_request_duration_seconds',
    help: 'GraphQL requests by operation (names the web client ships; others "other") and outcome ("ok" or the first error code).',
    labelNames: ['operation', 'outcome'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  readonly httpRequestDuration = new Histogram({
    name: 'tsunagu_http_request_duration_seconds',
    help: 'HTTP requests other than /graphql, by method, route template and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: DURATION_BUCKETS,
    registers: [this.registry],
  });

  readonly loginFailures = new Counter({
    name: 'tsunagu_login_failures_total',
    help: 'Sign-ins refused for a wrong email or password (or a disabled account).',
    registers: [this.registry],
  });

  readonly loginLocks = new Counter({
    name: 'tsunagu_login_locks_total',
    help: 'Login throttle locks set, by what was locked: an account from one address, or a client address.',
    labelNames: ['scope'] as const,
    registers: [this.registry],
  });

  readonly loginRefusedWhileLocked = new Counter({
    name: 'tsunagu_login_refused_locked_total',
    help: 'Sign-ins refused without checking the password: the account from that address, or the address, was locked or backing off.',
    registers: [this.registry],
  });

  readonly jobRuns = new Counter({
    name: 'tsunagu_job_runs_total',
    help: 'Jobs run by this process, by queue and outcome (completed, failed: pg-boss retries it or gives up).',
    labelNames: ['queue', 'outcome'] as const,
    registers: [this.registry],
  });

  private readonly pools = new Map<string, () => PoolCounts | undefined>();

  constructor(options: { readonly processMetrics: boolean }) {
    // Process metrics (CPU, memory, event loop lag, GC) cost a little all the time: only when scraped.
    if (options.processMetrics) collectDefaultMetrics({ register: this.registry });
    const pools = this.pools;
    new Gauge({
      name: 'tsunagu_db_pool_connections',
      help: 'Connections of a database pool of this process, by pool and state (in_use, idle).',
      labelNames: ['pool', 'state'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [pool, counts] of readPools(pools)) {
          this.set({ pool, state: 'in_use' }, counts.totalCount - counts.idleCount);
          this.set({ pool, state: 'idle' }, counts.idleCount);
        }
      },
    });
    new Gauge({
      name: 'tsunagu_db_pool_waiting_requests',
      help: 'Queries waiting for a connection of a database pool of this process.',
      labelNames: ['pool'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [pool, counts] of readPools(pools)) this.set({ pool }, counts.waitingCount);
      },
    });
    new Gauge({
      name: 'tsunagu_db_pool_max_connections',
      help: 'The size limit of a database pool of this process.',
      labelNames: ['pool'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [pool, counts] of readPools(pools)) {
          if (counts.options?.max !== undefined) this.set({ pool }, counts.options.max);
        }
      },
    });
  }

  /**
   * Reports a connection pool under a fixed name ("request", "jobs", "mail_sender"). `pool` is read
   * at every scrape and may return undefined while the pool does not exist (yet, or any more).
   */
  watchPool(name: string, pool: () => PoolCounts | undefined): void {
    this.pools.set(name, pool);
  }
}

function* readPools(pools: ReadonlyMap<string, () => PoolCounts | undefined>): Generator<[string, PoolCounts]> {
  for (const [name, read] of pools) {
    let counts: PoolCounts | undefined;
    try {
      counts = read();
    } catch {
      // A pool being torn down (shutdown) is simply not reported.
    }
    if (counts) yield [name, counts];
  }
}
