// /readyz follows the database: 503 while PostgreSQL is down, 200 again once it is back,
// without restarting the API (the pool drops dead connections and reconnects).
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runPendingMigrations } from '../../apps/api/src/core/database/migrator';
import { prepareDatabase } from '../../tools/lib/database-roles.cjs';
import { freePort, RunningApi, startApi, waitFor } from '../support/api';
import { EmbeddedServer } from '../support/embedded-server';
import { graphql } from '../support/graphql';
import { testCredentials } from '../support/paths';

const dataDir = path.join(tmpdir(), `tsunagu-readiness-${process.pid}`);
let server: EmbeddedServer;
let api: RunningApi | undefined;

beforeAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  server = new EmbeddedServer(dataDir, await freePort());
});

afterAll(async () => {
  await api?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(`${dataDir}.superuser-password`, { force: true });
});

async function readyStatus(url: string): Promise<number> {
  return (await fetch(`${url}/readyz`)).status;
}

it('turns 503 while the database is stopped and 200 again after it returns', async () => {
  const superuserUrl = await server.start();
  const database = await prepareDatabase(superuserUrl, { database: 'tsunagu', ...testCredentials() });
  // The API starts only on a migrated database (its job queue needs the pgboss schema).
  await runPendingMigrations(database.ownerUrl);
  api = await startApi(database);
  const { url } = api;
  expect(await readyStatus(url)).toBe(200);

  await server.stop();
  await waitFor(async () => (await readyStatus(url)) === 503, '/readyz to report the outage');
  const during = await fetch(`${url}/readyz`);
  expect(await during.json()).toEqual({ status: 'unavailable', database: 'DOWN' });
  expect((await fetch(`${url}/healthz`)).status).toBe(200);
  const health = await graphql(url, '{ health { status database } }');
  expect(health.body.data).toEqual({ health: { status: 'DOWN', database: 'DOWN' } });

  await server.start();
  await waitFor(async () => (await readyStatus(url)) === 200, '/readyz to recover');
  expect((await graphql(url, '{ health { database } }')).body.data).toEqual({ health: { database: 'UP' } });
});
