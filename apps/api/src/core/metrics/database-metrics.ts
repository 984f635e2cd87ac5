// The metrics read from the database when Prometheus scrapes: jobs waiting, running and failed by
// queue, and the mail outbox's backlog. These are figures of the whole installation (every
// replica reports the same values: aggregate them with max, not sum).
//
// A scrape must not hang on a slow database: the reads run at most one at a time, and a scrape
// waits for them DATABASE_READ_TIMEOUT_MS at most. When they fail or take longer,
// tsunagu_metrics_database_up says 0 and the gauges keep their last values.
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { setTimeout as delay } from 'node:timers/promises';
import { Gauge } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { JOBS_SCHEMA, JobQueue } from '../jobs/job-queue';
import { AppMetrics } from './app-metrics';

export const DATABASE_READ_TIMEOUT_MS = 2_000;

/** Job states reported: waiting (created: due or deferred; retry), running (active), given up (failed). */
const REPORTED_JOB_STATES = ['created', 'retry', 'active', 'failed'] as const;

interface DatabaseFigures {
  readonly jobs: ReadonlyArray<{ queue: string; state: string; jobs: number }>;
  readonly mailPending: number;
  readonly mailOldestPendingSeconds: number;
}

@Injectable()
export class DatabaseMetrics implements OnModuleInit {
  private readonly logger = new Logger(DatabaseMetrics.name);
  private reading: Promise<DatabaseFigures> | undefined;
  private lastFailureLogged = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobQueue,
    private readonly metrics: AppMetrics,
  ) {}

  onModuleInit(): void {
    this.metrics.watchPool('request', () => (this.dataSource.driver as PostgresDriver).master);
    this.metrics.watchPool('jobs', () => this.jobs.poolCounts());

    const registers = [this.metrics.registry];
    const figures = () => this.figures();
    new Gauge({
      name: 'tsunagu_metrics_database_up',
      help: 'Whether the last scrape read the database figures (1) or they failed or timed out (0: the gauges read from the database keep older values).',
      registers,
      async collect() {
        this.set((await figures()) ? 1 : 0);
      },
    });
    new Gauge({
      name: 'tsunagu_jobs',
      help: 'Jobs in the queue by queue and state: created (waiting, or deferred to a later time), retry (waiting after a failure), active, failed (gave up; kept until pg-boss deletes them).',
      labelNames: ['queue', 'state'] as const,
      registers,
      async collect() {
        const read = await figures();
        if (!read) return;
        this.reset();
        for (const { queue, state, jobs } of read.jobs) this.set({ queue, state }, jobs);
      },
    });
    new Gauge({
      name: 'tsunagu_mail_outbox_pending',
      help: 'Mails in the outbox not sent yet (all networks together).',
      registers,
      async collect() {
        const read = await figures();
        if (read) this.set(read.mailPending);
      },
    });
    new Gauge({
      name: 'tsunagu_mail_outbox_oldest_pending_age_seconds',
      help: 'How long the oldest unsent mail has waited, in seconds (0 when none waits).',
      registers,
      async collect() {
        const read = await figures();
        if (read) this.set(read.mailOldestPendingSeconds);
      },
    });
  }

  /**
   * The figures of this scrape, or undefined when they could not be read in time. Every gauge of
   * one scrape asks at once and shares one read; a read still running from an earlier scrape is
   * shared too, so a slow database never sees more than one at a time.
   */
  private async figures(): Promise<DatabaseFigures | undefined> {
    if (!this.reading) {
      this.reading = this.read().finally(() => (this.reading = undefined));
    }
    const stopWaiting = new AbortController();
    const timeout = delay(DATABASE_READ_TIMEOUT_MS, 'timeout' as const, { signal: stopWaiting.signal });
    try {
      const read = await Promise.race([this.reading, timeout]);
      if (read !== 'timeout') return read;
      this.warn(undefined, `Metrics: the database figures took longer than ${DATABASE_READ_TIMEOUT_MS} ms`);
      return undefined;
    } catch (error) {
      this.warn(error, 'Metrics could not read the database figures');
      return undefined;
    } finally {
      stopWaiting.abort();
      timeout.catch(() => undefined);
    }
  }

  /** At most one line a minute: Prometheus scrapes every few seconds. */
  private warn(error: unknown, message: string): void {
    if (Date.now() - this.lastFailureLogged < 60_000) return;
    this.lastFailureLogged = Date.now();
    this.logger.warn(error ? { err: error } : {}, message);
  }

  private async read(): Promise<DatabaseFigures> {
    const queues = this.jobs.queueNames();
    const [jobRows, [backlog]] = await Promise.all([
      this.dataSource.query<Array<{ queue: string; state: string; jobs: number }>>(
        `SELECT name AS queue, state::text AS state, count(*)::int AS jobs
           FROM ${JOBS_SCHEMA}.job
          WHERE name = ANY($1) AND state = ANY($2::${JOBS_SCHEMA}.job_state[])
          GROUP BY name, state`,
        [queues, REPORTED_JOB_STATES],
      ),
      // Counts only, through the owner's function: the application role cannot read the outbox.
      this.dataSource.query<Array<{ pending: string; oldest_pending_seconds: number }>>(
        `SELECT pending, oldest_pending_seconds FROM app_mail_outbox_backlog()`,
      ),
    ]);
    // Every queue and state is reported, 0 included, so that a rate or an alert has a series to read.
    const counted = new Map(jobRows.map((row) => [`${row.queue}\u0000${row.state}`, row.jobs]));
    const jobs = queues.flatMap((queue) =>
      REPORTED_JOB_STATES.map((state) => ({ queue, state, jobs: counted.get(`${queue}\u0000${state}`) ?? 0 })),
    );
    return { jobs, mailPending: Number(backlog.pending), mailOldestPendingSeconds: backlog.oldest_pending_seconds };
  }
}
