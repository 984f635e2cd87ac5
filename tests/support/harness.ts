// One set-up for integration tests of the API: a database copied from the migrated template, an
// optional real SMTP server, one or more API replicas in this process on that database, a
// superuser connection, test networks, and a signed-in client for every member. Register it at
// the top of a spec file with `setupApiTest(…)`: it adds the beforeAll/afterAll hooks itself.
//
// Clients are signed in by minting: a real session row and a real access token signed with the
// test configuration's secret, so the API's own guard accepts it. Password sign-in (argon2, slow
// on purpose) stays in the tests that are about signing in; `signIn` in accounts.ts does that.
import type { Type } from '@nestjs/common';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { SessionTokens } from '../../apps/api/src/core/auth/session-tokens';
import { JobQueue } from '../../apps/api/src/core/jobs/job-queue';
import { runInAuthContext } from '../../apps/api/src/core/tenancy/tenant-transaction';
import { clientWith, createNetwork, NetworkSpec, SignedInClient, TestMember, TestNetwork } from './accounts';
import { RunningApi, startApi, waitFor } from './api';
import { superuserConnection } from './people';
import { startSmtpServer, TestSmtpServer } from './smtp';
import { createTestDatabase, TestDatabase } from './test-database';

export interface ApiTestOptions<N extends string> {
  /** API processes (in this test process) on the one database; default 1, 0 for a test of the database alone. */
  readonly replicas?: number;
  /** Starts a real SMTP server and points every replica at it (SMTP_URL). */
  readonly smtp?: boolean;
  /** More environment for every replica. */
  readonly env?: NodeJS.ProcessEnv;
  /** Gives the replicas a file storage directory of their own (FILE_STORAGE_DIR), removed at the end. */
  readonly storage?: boolean;
  /** Networks made in the database before anyone signs in, by the name the spec uses. */
  readonly networks?: Record<N, NetworkSpec>;
  /**
   * Which members get a minted client in `clients` (by member key): every member (the default),
   * none (false), or those the filter keeps.
   */
  readonly clients?: boolean | ((key: string, member: TestMember) => boolean);
  /**
   * Runs after the database (and the storage directory, with `storage`) exist and before the API
   * starts (e.g. seeding demo data, its files into that directory).
   */
  readonly beforeStart?: (database: TestDatabase, prepared: { readonly storageDir: string | undefined }) => Promise<void>;
  /** For beforeAll; default 90 s (two replicas and many networks take a while on a busy machine). */
  readonly timeoutMs?: number;
}

/** The address of the web app that mail and exported links point at in tests. */
export const APP_BASE_URL = 'https://tsunagu.example.jp';

/** The token of the `path` link (e.g. '/reset-password') in a mail's text. */
export function linkTokenIn(text: string | undefined, path: string): string {
  const match = text?.match(new RegExp(`${APP_BASE_URL.replace(/\./g, '\\.')}${path}\\?token=([A-Za-z0-9_%-]+)`));
  if (!match) throw new Error(`No ${path} link in: ${text}`);
  return decodeURIComponent(match[1]);
}

/** Jobs polled twice a second and failed mail retried after one, so a test waits for them briefly. */
export const FAST_JOBS_ENV = { MAIL_RETRY_DELAY_SECONDS: '1', JOBS_POLLING_INTERVAL_SECONDS: '0.5' } as const;

/**
 * Options for a test of what jobs send: a real SMTP server, fast jobs, links to APP_BASE_URL
 * (and `env` on top).
 */
export function mailJobsOptions(env: NodeJS.ProcessEnv = {}): Pick<ApiTestOptions<never>, 'smtp' | 'env'> {
  return { smtp: true, env: { APP_BASE_URL, ...FAST_JOBS_ENV, ...env } };
}

interface Running<N extends string> {
  readonly database: TestDatabase;
  readonly storageDir: string | undefined;
  readonly smtp: TestSmtpServer | undefined;
  readonly apis: RunningApi[];
  readonly sql: DataSource;
  readonly networks: Record<N, TestNetwork>;
}

export class ApiTest<N extends string = string> {
  /** Minted clients by member key, filled in beforeAll; the same object for the whole file. */
  readonly clients: Record<string, SignedInClient> = {};
  private running: Running<N> | undefined;
  private readonly closers: Array<() => Promise<unknown>> = [];
  private readonly resumeJobs: Array<() => Promise<void>> = [];
  private smtpServer: TestSmtpServer | undefined;

  constructor(private readonly options: ApiTestOptions<N>) {}

  private get state(): Running<N> {
    if (!this.running) throw new Error('setupApiTest: read in a test or a later beforeAll, after set-up has run');
    return this.running;
  }

  get database(): TestDatabase {
    return this.state.database;
  }

  /** The first replica. */
  get api(): RunningApi {
    const api = this.state.apis[0];
    if (!api) throw new Error('setupApiTest: started with { replicas: 0 }, so there is no API');
    return api;
  }

  get apis(): readonly RunningApi[] {
    return this.state.apis;
  }

  get storageDir(): string {
    const dir = this.state.storageDir;
    if (!dir) throw new Error('setupApiTest: pass { storage: true } to get a file storage directory');
    return dir;
  }

  get smtp(): TestSmtpServer {
    const smtp = this.state.smtp;
    if (!smtp) throw new Error('setupApiTest: pass { smtp: true } to get an SMTP server');
    return this.smtpServer ?? smtp;
  }

  /** Stops the SMTP server (an outage); the returned function starts a new one on the same port. */
  async stopSmtp(): Promise<() => Promise<TestSmtpServer>> {
    const { port } = this.smtp;
    const stopping = this.smtpServer;
    this.smtpServer = undefined;
    await stopping?.close();
    return async () => {
      this.smtpServer = await startSmtpServer(port);
      return this.smtpServer;
    };
  }

  /** A superuser connection to the test's database: every row, below row-level security. */
  get sql(): DataSource {
    return this.state.sql;
  }

  get networks(): Record<N, TestNetwork> {
    return this.state.networks;
  }

  async start(): Promise<void> {
    const database = await createTestDatabase();
    this.closers.push(() => database.drop());
    let storageDir: string | undefined;
    if (this.options.storage) {
      const dir = await mkdtemp(path.join(tmpdir(), 'tsunagu-test-files-'));
      this.closers.push(() => rm(dir, { recursive: true, force: true }));
      storageDir = dir;
    }
    await this.options.beforeStart?.(database, { storageDir });
    let smtp: TestSmtpServer | undefined;
    if (this.options.smtp) {
      smtp = await startSmtpServer();
      this.smtpServer = smtp;
      // The server running at the end (stopSmtp may have replaced it, or left none).
      this.closers.push(async () => this.smtpServer?.close());
    }
    const env = { ...(smtp ? { SMTP_URL: smtp.url } : {}), ...(storageDir ? { FILE_STORAGE_DIR: storageDir } : {}), ...this.options.env };
    const apis: RunningApi[] = [];
    // One after the other: each replica starts its own pg-boss workers and cron on the database.
    for (let index = 0; index < (this.options.replicas ?? 1); index += 1) {
      const api = await startApi(database, env);
      this.closers.push(() => api.close());
      apis.push(api);
    }
    const sql = await superuserConnection(database);
    this.closers.push(() => sql.destroy());
    const networks = {} as Record<N, TestNetwork>;
    for (const [name, spec] of Object.entries<NetworkSpec>(this.options.networks ?? ({} as Record<N, NetworkSpec>))) {
      networks[name as N] = await createNetwork(database.ownerUrl, spec);
    }
    this.running = { database, storageDir, smtp, apis, sql, networks };
    // Clients are minted through an API: without one ({ replicas: 0 }) there are none to make.
    const keep = this.options.replicas === 0 ? false : (this.options.clients ?? true);
    if (keep === false) return;
    for (const network of Object.values<TestNetwork>(networks)) {
      for (const [key, member] of Object.entries(network.members)) {
        if (keep !== true && !keep(key, member)) continue;
        if (this.clients[key]) throw new Error(`setupApiTest: member key ${key} is used in two networks`);
        this.clients[key] = await mintClient(this.api, member);
      }
    }
  }

  /** Runs `close` at the end, before what set-up started is closed (e.g. a spec's own connection). */
  onClose(close: () => Promise<unknown>): void {
    this.closers.push(close);
  }

  /** Closes everything it started, last first; restores jest spies (a moved Clock) first. */
  async close(): Promise<void> {
    jest.restoreAllMocks();
    for (let close = this.closers.pop(); close; close = this.closers.pop()) await close();
  }

  /** A minted client for a member made later in the test. */
  client(member: Pick<TestMember, 'userId' | 'membershipId'>): Promise<SignedInClient> {
    return mintClient(this.api, member);
  }

  /** Minted clients for every member of `network`, by member key. */
  async clientsOf(network: TestNetwork): Promise<Record<string, SignedInClient>> {
    const clients: Record<string, SignedInClient> = {};
    for (const [key, member] of Object.entries(network.members)) clients[key] = await this.client(member);
    return clients;
  }

  /**
   * Runs a job the way pg-boss may on a busy system: on every replica's instance of `service` at
   * once, twice over. The results of every run, replica by replica, twice.
   */
  runOnEveryReplicaTwice<S, T>(service: Type<S>, job: (instance: S) => Promise<T>): Promise<T[]> {
    const instances = this.apis.map((api) => api.app.get(service));
    return Promise.all([...instances, ...instances].map((instance) => job(instance)));
  }

  /** Waits until every PENDING mail of the outbox has been sent (or has failed for good). */
  outboxDrained(): Promise<void> {
    return outboxDrained(this.sql);
  }

  /** Waits until no job of `queue` waits or runs (e.g. a reset request's job, before its mail is looked for). */
  queueDrained(queue: string): Promise<void> {
    return waitFor(async () => {
      const [{ open }]: Array<{ open: number }> = await this.sql.query(
        `SELECT count(*)::int AS open FROM pgboss.job WHERE name = $1 AND state IN ('created', 'retry', 'active')`,
        [queue],
      );
      return open === 0;
    }, `the ${queue} jobs to finish`, 30_000);
  }

  /** Runs `work` with the job workers of every replica paused (see withJobsPaused). */
  withJobsPaused<T>(work: () => Promise<T>): Promise<T> {
    return withJobsPaused(this.apis, work);
  }

  /**
   * A spy on every statement the APIs in this process send (through TypeORM's query runner),
   * with every replica's job workers paused until the test ends: a job run beside the counted
   * request would add its statements at random.
   */
  async statementSpy(): Promise<jest.SpyInstance> {
    const resumes = await Promise.all(this.apis.map((api) => api.app.get(JobQueue).pauseWorkers()));
    this.resumeJobs.push(...resumes);
    return jest.spyOn(PostgresQueryRunner.prototype, 'query');
  }

  /** Starts the job workers statementSpy paused (after each test). */
  async resumePausedJobs(): Promise<void> {
    for (let resume = this.resumeJobs.pop(); resume; resume = this.resumeJobs.pop()) await resume();
  }
}

/** Registers the hooks that start and close an ApiTest; read its parts in tests or a later beforeAll. */
export function setupApiTest<N extends string = never>(options: ApiTestOptions<N> = {}): ApiTest<N> {
  const test = new ApiTest<N>(options);
  beforeAll(() => test.start(), options.timeoutMs ?? 90_000);
  afterEach(() => test.resumePausedJobs());
  afterAll(() => test.close());
  return test;
}

/**
 * A client signed in as `member` without a password: a session row made as sign-in makes it
 * (SessionTokens.createSession in the auth context) and an access token from the API's own
 * SessionTokens, which the real JWT guard then checks against that session.
 */
export async function mintClient(api: RunningApi, member: Pick<TestMember, 'userId' | 'membershipId'>): Promise<SignedInClient> {
  const tokens = api.app.get(SessionTokens);
  const session = await runInAuthContext(api.app.get(DataSource), (manager) =>
    tokens.createSession(manager, member.userId, member.membershipId, { ip: '127.0.0.1', userAgent: 'integration-test' }),
  );
  const { accessToken } = tokens.issueAccessToken({ sub: member.userId, sid: session.sessionId, mid: member.membershipId });
  return clientWith(api.url, accessToken, `tsunagu_refresh=${session.refreshToken}`);
}

/** Waits until the mail outbox holds no PENDING mail. */
export async function outboxDrained(sql: DataSource): Promise<void> {
  await waitFor(async () => {
    const [{ pending }]: Array<{ pending: number }> = await sql.query(`SELECT count(*)::int AS pending FROM mail_outbox WHERE status = 'PENDING'`);
    return pending === 0;
  }, 'the mail outbox to drain', 30_000);
}

/**
 * Runs `work` while no job worker runs in this process (running jobs finish first). Statement
 * counts spy on TypeORM's query runner, which every replica in this process shares: a job run
 * beside the counted request would add its statements at random.
 */
export async function withJobsPaused<T>(apis: readonly RunningApi[], work: () => Promise<T>): Promise<T> {
  const resumes = await Promise.all(apis.map((api) => api.app.get(JobQueue).pauseWorkers()));
  try {
    return await work();
  } finally {
    for (const resume of resumes) await resume();
  }
}
