// The Prometheus endpoint of the built API (issue 17): off by default, on a listener of its own
// (loopback by default) when METRICS_PORT is set, never on the public port; the series move with
// real requests, jobs and mail; no personal data or tenant in any label; a slow database does not
// hang a scrape.
import net from 'node:net';
import { CLIENT_OPERATION_NAMES } from '../../apps/api/src/core/metrics/client-operations.generated';
import { DATABASE_READ_TIMEOUT_MS } from '../../apps/api/src/core/metrics/database-metrics';
import { signIn, TEST_PASSWORD } from '../support/accounts';
import { apiEnvironment, freePort, spawnApi, SpawnedApi, waitFor, waitUntilReady } from '../support/api';
import { graphql } from '../support/graphql';
import { FAST_JOBS_ENV, setupApiTest } from '../support/harness';
import { listeningAddresses, Scrape, scrapeMetrics } from '../support/metrics';

// The database from the harness; the spawned binaries are what is tested.
const t = setupApiTest({
  replicas: 0,
  networks: {
    network: { slug: 'metrics-a', organizations: { npo: 'NPO' }, members: { staff: ['npo', ['STAFF']], locked: ['npo', ['STAFF']] } },
  },
});
const running: SpawnedApi[] = [];

beforeAll(() => {
  t.onClose(() => Promise.all(running.map((api) => api.stop())));
});

async function startSpawned(overrides: NodeJS.ProcessEnv = {}): Promise<SpawnedApi> {
  const api = spawnApi({ ...apiEnvironment(t.database, await freePort()), ...overrides });
  running.push(api);
  await waitUntilReady(api.url);
  return api;
}

describe('by default', () => {
  it('serves no metrics: the process listens on PORT only, and PORT has no /metrics', async () => {
    const api = await startSpawned();
    const port = new URL(api.url).port;
    expect(listeningAddresses(api.process.pid!)).toEqual([`127.0.0.1:${port}`]);
    const response = await fetch(`${api.url}/metrics`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('# TYPE');
    await api.stop();
  });
});

describe('configuration', () => {
  it('refuses METRICS_PORT equal to PORT with one line', async () => {
    const api = spawnApi({ ...apiEnvironment(t.database, 4321), METRICS_PORT: '4321' });
    running.push(api);
    expect(await api.exited).toEqual({ code: 1, signal: null });
    expect(api.stderr()).toBe(
      'Configuration error: METRICS_PORT must be an integer from 1 to 65535, other than PORT (got "4321", the same as PORT). ' +
        'Metrics have a listener of their own so that they are not served to the public.\n',
    );
  });

  it('stops with one line naming METRICS_PORT when its port is taken', async () => {
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const metricsPort = (taken.address() as net.AddressInfo).port;
      const api = spawnApi({ ...apiEnvironment(t.database, await freePort()), METRICS_PORT: String(metricsPort) });
      running.push(api);
      expect((await api.exited).code).toBe(1);
      expect(api.stderr()).toBe(
        `Tsunagu API failed to start: the metrics listener could not start on 127.0.0.1:${metricsPort} (EADDRINUSE); change METRICS_PORT or METRICS_HOST\n`,
      );
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });
});

describe('with METRICS_PORT', () => {
  let api: SpawnedApi;
  let metricsUrl: string;
  const scrape = (): Promise<Scrape> => scrapeMetrics(metricsUrl);

  beforeAll(async () => {
    const metricsPort = await freePort();
    // Two failures lock an account here; no SMTP server, so mail stays in the outbox and its job fails.
    api = await startSpawned({ METRICS_PORT: String(metricsPort), LOGIN_MAX_FAILURES: '2', ...FAST_JOBS_ENV });
    metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
  });

  it('listens on the loopback interface on a port of its own; the public port has no /metrics', async () => {
    const { port } = new URL(api.url);
    const { port: metricsPort } = new URL(metricsUrl);
    expect(listeningAddresses(api.process.pid!)).toEqual([`127.0.0.1:${port}`, `127.0.0.1:${metricsPort}`].sort());
    expect((await fetch(`${api.url}/metrics`)).status).toBe(404);
    expect((await fetch(metricsUrl.replace('/metrics', '/other'))).status).toBe(404);
    const response = await fetch(metricsUrl);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it('counts GraphQL requests by operation and outcome, and HTTP requests by route', async () => {
    const { staff } = t.networks.network.members;
    const before = await scrape();
    const graphqlCount = (scrape: Scrape, operation: string, outcome: string) =>
      scrape.value('tsunagu_graphql_request_duration_seconds_count', { operation, outcome });

    await signIn(api.url, staff.email);
    const wrongPassword = await graphql(api.url, 'mutation Login($input: LoginInput!) { login(input: $input) { auth { accessToken } } }', {
      variables: { input: { email: staff.email, password: 'not-the-password' } },
    });
    expect(wrongPassword.body.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect((await graphql(api.url, 'query Health { health { status database } }')).body.data).toEqual({ health: { status: 'UP', database: 'UP' } });
    // An invented operation name, and an error.
    expect((await graphql(api.url, 'query MadeUpByAClient { noSuchField }')).status).toBe(400);
    expect((await fetch(`${api.url}/readyz`)).status).toBe(200);
    expect((await fetch(`${api.url}/no/such/path/${staff.userId}`)).status).toBe(404);

    // HTTP durations are recorded once the response has gone out: wait for the last one.
    let after = await scrape();
    await waitFor(async () => {
      after = await scrape();
      return after.value('tsunagu_http_request_duration_seconds_count', { route: 'unmatched', status_code: '404' }) > 0;
    }, 'the unmatched request to be counted');
    expect(graphqlCount(after, 'Login', 'ok') - graphqlCount(before, 'Login', 'ok')).toBe(1);
    expect(graphqlCount(after, 'Login', 'UNAUTHENTICATED') - graphqlCount(before, 'Login', 'UNAUTHENTICATED')).toBe(1);
    expect(graphqlCount(after, 'Health', 'ok') - graphqlCount(before, 'Health', 'ok')).toBe(1);
    expect(graphqlCount(after, 'other', 'BAD_USER_INPUT') - graphqlCount(before, 'other', 'BAD_USER_INPUT')).toBe(1);
    expect(after.value('tsunagu_graphql_request_duration_seconds_sum', { operation: 'Login' })).toBeGreaterThan(0);
    expect(after.value('tsunagu_http_request_duration_seconds_count', { method: 'GET', route: '/readyz', status_code: '200' })).toBeGreaterThan(
      before.value('tsunagu_http_request_duration_seconds_count', { method: 'GET', route: '/readyz', status_code: '200' }),
    );
    // GraphQL is counted by operation only, not a second time as an HTTP route.
    expect(after.has('tsunagu_http_request_duration_seconds_count', { route: '/graphql' })).toBe(false);
    for (const operation of after.labelValues('tsunagu_graphql_request_duration_seconds_count', 'operation')) {
      expect([...CLIENT_OPERATION_NAMES, 'other', 'anonymous']).toContain(operation);
    }
    expect(after.labelValues('tsunagu_http_request_duration_seconds_count', 'route').join(' ')).not.toContain(staff.userId);
  });

  it('counts login failures, the lock they cause and the attempts refused while locked', async () => {
    const { locked } = t.networks.network.members;
    const before = await scrape();
    const login = (password: string) =>
      graphql(api.url, 'mutation Login($input: LoginInput!) { login(input: $input) { auth { accessToken } } }', {
        variables: { input: { email: locked.email, password } },
      });
    await login('wrong-1');
    await login('wrong-2');
    // Locked now: even the right password is refused, without being checked.
    expect((await login(TEST_PASSWORD)).body.errors?.[0]?.extensions?.['reason']).toBe('TOO_MANY_ATTEMPTS');
    const after = await scrape();
    expect(after.value('tsunagu_login_failures_total') - before.value('tsunagu_login_failures_total')).toBe(2);
    expect(after.value('tsunagu_login_locks_total', { scope: 'account' }) - before.value('tsunagu_login_locks_total', { scope: 'account' })).toBe(1);
    expect(after.value('tsunagu_login_locks_total', { scope: 'address' })).toBe(0);
    expect(after.value('tsunagu_login_refused_locked_total') - before.value('tsunagu_login_refused_locked_total')).toBe(1);
  });

  it('reports the mail backlog, job failures and queue depth by job name, read at scrape time', async () => {
    const before = await scrape();
    expect(before.value('tsunagu_metrics_database_up')).toBe(1);
    expect(before.value('tsunagu_mail_outbox_pending')).toBe(0);
    expect(before.value('tsunagu_mail_outbox_oldest_pending_age_seconds')).toBe(0);
    // Every queue is reported, with 0s, before anything happens.
    expect(before.has('tsunagu_jobs', { queue: 'mail.send', state: 'created' })).toBe(true);

    const { staff } = t.networks.network.members;
    expect((await graphql(api.url, 'mutation RequestPasswordReset($email: String!) { requestPasswordReset(email: $email) }', { variables: { email: staff.email } })).body.data).toEqual({
      requestPasswordReset: true,
    });

    // No SMTP server: the mail job fails, is retried later, and the mail waits in the outbox.
    let after = before;
    await waitFor(async () => {
      after = await scrape();
      return after.value('tsunagu_job_runs_total', { queue: 'mail.send', outcome: 'failed' }) > 0;
    }, 'the mail job to fail');
    expect(after.value('tsunagu_mail_outbox_pending')).toBe(1);
    await waitFor(async () => (await scrape()).value('tsunagu_mail_outbox_oldest_pending_age_seconds') >= 1, 'the pending mail to age');
    expect(after.value('tsunagu_jobs', { queue: 'mail.send' })).toBeGreaterThanOrEqual(1);
    expect(after.value('tsunagu_jobs', { queue: 'mail.send', state: 'retry' }) + after.value('tsunagu_jobs', { queue: 'mail.send', state: 'active' })).toBeGreaterThanOrEqual(1);
    expect(after.labelValues('tsunagu_jobs', 'state')).toEqual(['active', 'created', 'failed', 'retry']);
  });

  it('reports the connection pools, and the process metrics', async () => {
    const scraped = await scrape();
    expect(scraped.labelValues('tsunagu_db_pool_connections', 'pool')).toEqual(['jobs', 'mail_sender', 'request']);
    expect(scraped.value('tsunagu_db_pool_connections', { pool: 'request' })).toBeGreaterThan(0);
    expect(scraped.value('tsunagu_db_pool_max_connections', { pool: 'request' })).toBe(10);
    expect(scraped.has('tsunagu_db_pool_waiting_requests', { pool: 'request' })).toBe(true);
    expect(scraped.value('process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(scraped.has('nodejs_eventloop_lag_seconds')).toBe(true);
  });

  it('has no personal data, tenant or user in any label', async () => {
    const { text } = await scrape();
    const { network } = t.networks;
    for (const member of Object.values(network.members)) {
      for (const value of [member.email, member.userId, member.membershipId, member.organizationId]) expect(text).not.toContain(value);
    }
    expect(text).not.toContain(network.tenantId);
    expect(text).not.toContain('metrics-a');
    expect(text).not.toContain('@');
  });

  it('answers within its time limit when the database is slow, saying the database figures are missing', async () => {
    // Holds a lock the job count must wait for, as a stuck database would.
    const runner = t.sql.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query('LOCK TABLE pgboss.job IN ACCESS EXCLUSIVE MODE');
      const started = Date.now();
      const scraped = await scrape();
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(DATABASE_READ_TIMEOUT_MS - 100);
      expect(elapsed).toBeLessThan(DATABASE_READ_TIMEOUT_MS + 3_000);
      expect(scraped.value('tsunagu_metrics_database_up')).toBe(0);
      // What does not need the database is still there.
      expect(scraped.has('tsunagu_graphql_request_duration_seconds_count')).toBe(true);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    await waitFor(async () => (await scrape()).value('tsunagu_metrics_database_up') === 1, 'the database figures to come back');
  });
});
