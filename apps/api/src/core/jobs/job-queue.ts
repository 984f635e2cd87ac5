// Background jobs on PostgreSQL through pg-boss: no extra service to run, and jobs can be created
// inside the same transaction as the change that causes them. Every API replica runs one
// instance; pg-boss claims jobs with SKIP LOCKED, so each job runs on one replica at a time, and
// its maintenance (expiring, retrying, deleting old jobs) is coordinated between replicas by
// pg-boss itself.
//
// It connects as the application role: the pgboss schema is installed and upgraded by our own
// migrations (migrations/1764300000000-create-jobs-and-mail-outbox.ts), never by pg-boss at start.
// That role reads and writes every job (pg-boss needs it to), so payloads hold ids and codes only
// and a failed job keeps no error text (job-payload.ts); both are enforced here, for every queue.
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { PgBoss } from 'pg-boss';
import type { Job, Queue, SendOptions } from 'pg-boss';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { AppMetrics, type PoolCounts } from '../metrics/app-metrics';
import { assertIdsOnly, JobFailedError } from './job-payload';

export const JOBS_SCHEMA = 'pgboss';
/** pg-boss's own connections per process (fetching, completing, maintenance). */
const POOL_MAX = 4;

export type JobHandler<T> = (job: Job<T>) => Promise<void>;

/** A recurring job: pg-boss creates one job per occurrence, however many replicas run. */
export interface JobSchedule {
  /** Cron expression, e.g. '* * * * *' (every minute) or '0 8 * * *'. */
  readonly cron: string;
  /** Time zone the expression is read in (default UTC), e.g. 'Asia/Tokyo'. */
  readonly tz?: string;
  /** Also one job as soon as the queue starts (work left over from before the deploy); one replica runs it. */
  readonly runAtStart?: boolean;
}

interface Registration {
  readonly queue: Queue;
  readonly handler: JobHandler<never>;
  readonly schedule?: JobSchedule;
}

/** pg-boss runs its statements through this when a job must be created inside our transaction. */
export function transactionalDb(manager: EntityManager): { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> } {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) {
    throw new Error('Jobs are created inside a transaction: pass the EntityManager of a running transaction');
  }
  return {
    executeSql: async (text, values) => ({ rows: (await runner.query(text, values, true)).records }),
  };
}

@Injectable()
export class JobQueue implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(JobQueue.name);
  private readonly registrations: Registration[] = [];
  private boss: PgBoss | undefined;
  private stopping: Promise<void> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: AppMetrics,
  ) {}

  /**
   * Declares a queue and the handler that works it on this replica. Call it from a provider's
   * constructor or onModuleInit: queues are created and workers started at application bootstrap.
   * A handler that throws makes pg-boss retry the job with the queue's retry settings.
   * With a `schedule`, pg-boss sends the queue a job on every occurrence: its cron pass is claimed
   * by one replica at a time and each occurrence is filed under a singleton key, so several
   * replicas still create one job per occurrence.
   */
  register<T>(queue: Queue, handler: JobHandler<T>, schedule?: JobSchedule): void {
    if (this.boss) throw new Error(`Queue ${queue.name} registered after the job queue started`);
    this.registrations.push({ queue, handler: handler as JobHandler<never>, schedule });
  }

  async onApplicationBootstrap(): Promise<void> {
    const boss = new PgBoss({
      connectionString: this.config.database.appUrl,
      schema: JOBS_SCHEMA,
      application_name: 'tsunagu-jobs',
      max: POOL_MAX,
      connectionTimeoutMillis: 3_000,
      // The schema belongs to our migrations; the application role could not change it anyway.
      migrate: false,
      createSchema: false,
      // Rebuilding indexes needs their owner; bloat is still reported as a warning.
      reindex: false,
      // Cron schedules (referral deadlines, daily digest): pg-boss's cron pass is claimed by one
      // replica at a time through its own table, so every replica may run it.
      schedule: true,
    });
    // `err` goes through the logger's safeErrorForLog serializer: no query parameters or row values.
    boss.on('error', (error) => this.logger.error({ err: error }, 'Job queue error'));
    boss.on('warning', (warning) => this.logger.warn({ warning: warning.message }, 'Job queue warning'));
    await boss.start();
    this.boss = boss;
    for (const { queue, handler, schedule } of this.registrations) {
      const { name, ...options } = queue;
      // Creating is a no-op when the queue exists; updating applies changed retry settings.
      await boss.createQueue(name, options);
      // A queue's policy is fixed when it is created (pg-boss refuses to update it, even unchanged).
      const changeable: Partial<typeof options> = { ...options };
      delete changeable.policy;
      await boss.updateQueue(name, changeable);
      // An upsert: every replica writes the same row.
      if (schedule) await boss.schedule(name, schedule.cron, null, { tz: schedule.tz ?? 'UTC' });
      // The queue's `stately` policy keeps one queued job, so replicas starting together queue one.
      if (schedule?.runAtStart) await boss.send(name, null);
      await this.startWorker(boss, name, handler);
    }
  }

  private async startWorker(boss: PgBoss, name: string, handler: JobHandler<never>): Promise<void> {
    await boss.work<never>(
      name,
      { pollingIntervalSeconds: this.config.jobs.pollingIntervalSeconds, batchSize: 1 },
      async ([job]) => {
        try {
          await handler(job);
        } catch (error) {
          this.metrics.jobRuns.inc({ queue: name, outcome: 'failed' });
          // pg-boss stores what the handler throws with the job; the details go to the log only.
          this.logger.warn({ err: error, queue: name, jobId: job.id }, 'Job failed; pg-boss retries it');
          throw new JobFailedError(name, error);
        }
        this.metrics.jobRuns.inc({ queue: name, outcome: 'completed' });
      },
    );
  }

  /**
   * Stops this replica's workers (a running job finishes first) until the returned function
   * starts them again. For tests that count the statements of one request: workers in the same
   * process would otherwise add theirs at random.
   */
  async pauseWorkers(): Promise<() => Promise<void>> {
    const boss = this.instance();
    await Promise.all(this.registrations.map(({ queue }) => boss.offWork(queue.name, { wait: true })));
    return async () => {
      for (const { queue, handler } of this.registrations) await this.startWorker(boss, queue.name, handler);
    };
  }

  /**
   * Creates a job inside the caller's transaction: it exists only if that transaction commits.
   * With an `id`, sending the same id twice creates one job (pg-boss returns null the second time).
   */
  async sendInTransaction(manager: EntityManager, name: string, data: object, options: SendOptions = {}): Promise<string | null> {
    if (!this.boss) throw new Error('The job queue has not started');
    assertIdsOnly(name, data);
    return this.boss.send(name, data, { ...options, db: transactionalDb(manager) });
  }

  /** Creates a job outside any transaction (e.g. giving stranded mail its job again); ids and codes only. */
  async send(name: string, data: object, options: SendOptions = {}): Promise<string | null> {
    if (!this.boss) throw new Error('The job queue has not started');
    assertIdsOnly(name, data);
    return this.boss.send(name, data, options);
  }

  /** The names of the queues this process works (the metrics' queue labels). */
  queueNames(): string[] {
    return this.registrations.map(({ queue }) => queue.name);
  }

  /** The use of pg-boss's own connection pool, while it is open (for the metrics). */
  poolCounts(): PoolCounts | undefined {
    const pool = (this.boss?.getDb() as { pool?: PoolCounts } | undefined)?.pool;
    return pool && { totalCount: pool.totalCount, idleCount: pool.idleCount, waitingCount: pool.waitingCount, options: { max: POOL_MAX } };
  }

  /** The running instance, for tests and operations (job states). */
  instance(): PgBoss {
    if (!this.boss) throw new Error('The job queue has not started');
    return this.boss;
  }

  /** Resolves once pg-boss has stopped (workers finished or failed back, pool closed). */
  async stopped(): Promise<void> {
    await this.stopping;
  }

  beforeApplicationShutdown(): void {
    // Stop fetching now and let running jobs finish while HTTP requests drain. A job still running
    // when the budget is spent is failed back to its queue and retried later (by any replica), so
    // shutdown never waits past SHUTDOWN_TIMEOUT_MS for a slow SMTP server.
    const timeout = Math.max(1_000, Math.floor(this.config.shutdownTimeoutMs * 0.6));
    this.stopping = this.boss
      ?.stop({ graceful: true, close: true, timeout })
      .catch((error: unknown) => this.logger.error({ err: error }, 'Job queue did not stop cleanly'));
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.stopping) this.beforeApplicationShutdown();
    await this.stopping;
  }
}
