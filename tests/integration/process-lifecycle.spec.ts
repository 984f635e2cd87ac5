// The API as operators run it: the built binary in its own process. A bad configuration stops
// it with one clear line; SIGTERM lets in-flight requests finish and exits 0; every log line
// of a request carries its id and no personal data. `reseal` re-encrypts personal data after a
// key rotation.
import net from 'node:net';
import { DataSource, EntityManager } from 'typeorm';
import { FieldCipher } from '../../apps/api/src/core/personal-data/field-cipher';
import { createNetwork } from '../support/accounts';
import {
  apiEnvironment,
  freePort,
  spawnApi,
  SpawnedApi,
  TEST_PERSONAL_DATA_KEY,
  waitFor,
  waitUntilReady,
} from '../support/api';
import { setupApiTest } from '../support/harness';
import { canConnect } from '../support/ports';
import type { TestDatabase } from '../support/test-database';

// The database from the harness; no API in this process: the spawned ones are what is tested.
const t = setupApiTest({ replicas: 0 });
let database: TestDatabase;
const running: SpawnedApi[] = [];

beforeAll(() => {
  database = t.database;
  t.onClose(() => Promise.all(running.map((api) => api.stop())));
});

async function startSpawned(overrides: NodeJS.ProcessEnv = {}): Promise<SpawnedApi> {
  const api = spawnApi({ ...apiEnvironment(database, await freePort()), ...overrides });
  running.push(api);
  await waitUntilReady(api.url);
  return api;
}

describe('configuration', () => {
  it('exits non-zero with one line naming the bad variable, and no stack trace', async () => {
    const api = spawnApi({ ...apiEnvironment(database, 1), PORT: 'abc' });
    running.push(api);
    expect(await api.exited).toEqual({ code: 1, signal: null });
    expect(api.stderr()).toBe('Configuration error: PORT must be an integer from 1 to 65535 (got "abc").\n');
    expect(api.stdout()).toBe('');
  });

  it('names a missing database URL and what it is for', async () => {
    const env = apiEnvironment(database, 1);
    delete env.DATABASE_APP_URL;
    const api = spawnApi(env);
    running.push(api);
    expect((await api.exited).code).toBe(1);
    const lines = api.stderr().trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Configuration error: DATABASE_APP_URL must be set \(it is not set\)\. It is the application role/);
    expect(api.stderr()).not.toMatch(/\n\s+at /);
  });

  it('refuses to start without PERSONAL_DATA_KEYS, saying what it is and how to make one', async () => {
    const env = apiEnvironment(database, 1);
    delete env.PERSONAL_DATA_KEYS;
    const api = spawnApi(env);
    running.push(api);
    expect(await api.exited).toEqual({ code: 1, signal: null });
    const lines = api.stderr().trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^Configuration error: PERSONAL_DATA_KEYS must be set \(it is not set\)\. It holds the keys that encrypt special-care personal data: .*randomBytes\(32\)/,
    );
    expect(api.stdout()).toBe('');
  });

  it('refuses a malformed PERSONAL_DATA_KEYS in one line that never shows the key', async () => {
    const shortKey = Buffer.alloc(16, 0x5a).toString('base64');
    const api = spawnApi({ ...apiEnvironment(database, 1), PERSONAL_DATA_KEYS: `k1:${shortKey}` });
    running.push(api);
    expect(await api.exited).toEqual({ code: 1, signal: null });
    expect(api.stderr()).toMatch(
      /^Configuration error: PERSONAL_DATA_KEYS must be one or more keyId:base64key entries with 32-byte keys, .*\(the key of "k1" is 16 bytes, not 32\)\.\n$/,
    );
    expect(api.stderr()).not.toContain(shortKey);
    expect(api.stdout()).toBe('');
  });

  it('refuses an active key id that is not among PERSONAL_DATA_KEYS', async () => {
    const api = spawnApi({ ...apiEnvironment(database, 1), PERSONAL_DATA_ACTIVE_KEY_ID: 'test-9' });
    running.push(api);
    expect(await api.exited).toEqual({ code: 1, signal: null });
    expect(api.stderr()).toBe(
      'Configuration error: PERSONAL_DATA_ACTIVE_KEY_ID must be one of the key ids listed in PERSONAL_DATA_KEYS (got "test-9"; listed: test-1).\n',
    );
  });

  it('fails start-up with one readable line when the database cannot be reached', async () => {
    const unreachable = 'postgres://nobody:nothing@127.0.0.1:1/none';
    const api = spawnApi({
      ...apiEnvironment({ ownerUrl: unreachable, appUrl: unreachable }, await freePort()),
    });
    running.push(api);
    expect((await api.exited).code).toBe(1);
    expect(api.stderr()).toMatch(/^Tsunagu API failed to start: .*ECONNREFUSED.*\n$/);
  });
});

describe('graceful shutdown', () => {
  it('stops accepting, finishes the in-flight request, closes the pool and exits 0 on SIGTERM', async () => {
    const port = await freePort();
    const api = await startSpawned({ PORT: String(port), LOG_LEVEL: 'info' });

    // An in-flight request: the server has read its headers (it answers "100 Continue"), and
    // the body is held back until after SIGTERM.
    const body = JSON.stringify({ query: '{ health { status database } }' });
    const socket = net.connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    let response = '';
    socket.on('data', (chunk) => (response += chunk.toString()));
    const responded = new Promise((resolve) => socket.once('end', resolve));
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n`,
    );
    await waitFor(async () => response.startsWith('HTTP/1.1 100 Continue'), 'the server to read the headers');
    response = '';

    api.process.kill('SIGTERM');
    await waitFor(async () => !(await canConnect(port)), 'the listener to close');
    expect(api.process.exitCode).toBeNull();

    socket.write(body);
    await responded;
    expect(response).toMatch(/^HTTP\/1\.1 200/);
    expect(response).toContain('{"data":{"health":{"status":"UP","database":"UP"}}}');

    expect(await api.exited).toEqual({ code: 0, signal: null });
    expect(api.stdout()).toContain('SIGTERM received');
  });
});

describe('logs', () => {
  it('writes JSON lines carrying the request id, without query variables or bodies', async () => {
    const api = await startSpawned({ LOG_LEVEL: 'info' });
    const requestId = 'trace-7f3a9c21';
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId },
      body: JSON.stringify({
        query: 'query Lookup($email: String) { nothingHere(email: $email) }',
        variables: { email: 'hanako.yamada@example.jp' },
      }),
    });
    expect(response.status).toBe(400);
    await waitFor(
      async () => api.stdout().includes(`"requestId":"${requestId}","req"`),
      'the request to be logged',
    );
    const lines = api.stdout().trim().split('\n');
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const ofRequest = records.filter((record) => record.requestId === requestId);
    expect(ofRequest.map((record) => record.message)).toEqual(['GraphQL errors returned', 'request completed']);
    expect(ofRequest[0]).toMatchObject({ level: 'info', codes: ['BAD_USER_INPUT'] });
    expect(ofRequest[1]).toMatchObject({ req: { method: 'POST', path: '/graphql' }, res: { statusCode: 400 } });
    expect(api.stdout()).not.toContain('hanako');
    expect(api.stdout()).not.toContain('x-request-id');
  });
});

describe('reseal', () => {
  const oldKey = Buffer.alloc(32, 0x42);
  const oldCipher = new FieldCipher({ activeKeyId: 'test-0', keys: new Map([['test-0', oldKey]]) });
  const currentCipher = new FieldCipher({ activeKeyId: 'test-1', keys: new Map([['test-1', TEST_PERSONAL_DATA_KEY]]) });
  const bothKeys = `test-1:${TEST_PERSONAL_DATA_KEY.toString('base64')},test-0:${oldKey.toString('base64')}`;
  type SealedRow = { id: string; health_sealed: string | null; disability_sealed: string | null; legal_sealed: string | null };
  let tenantId: string;
  let people: { rotated: string; current: string };

  /** The owner obeys row-level security too: act as the test network. */
  async function asNetwork<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const dataSource = await new DataSource({ type: 'postgres', url: database.ownerUrl, extra: { max: 1 } }).initialize();
    try {
      return await dataSource.transaction(async (manager) => {
        await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
        return work(manager);
      });
    } finally {
      await dataSource.destroy();
    }
  }

  function sealedRows(): Promise<SealedRow[]> {
    return asNetwork((manager) =>
      manager.query(`SELECT id, health_sealed, disability_sealed, legal_sealed FROM persons ORDER BY id`),
    );
  }

  beforeAll(async () => {
    const network = await createNetwork(database.ownerUrl, { slug: 'reseal', organizations: { npo: 'NPO' }, members: {} });
    tenantId = network.tenantId;
    people = await asNetwork(async (manager) => {
      const insert = `INSERT INTO persons (tenant_id, organization_id, identity) VALUES ($1, $2, '{}') RETURNING id`;
      const [rotated]: Array<{ id: string }> = await manager.query(insert, [tenantId, network.organizations.npo]);
      const [current]: Array<{ id: string }> = await manager.query(insert, [tenantId, network.organizations.npo]);
      const context = (personId: string, category: string) => `${tenantId}/${personId}/${category}`;
      await manager.query(`UPDATE persons SET health_sealed = $2, legal_sealed = $3 WHERE id = $1`, [
        rotated.id,
        oldCipher.sealJson({ conditions: ['糖尿病'] }, context(rotated.id, 'HEALTH')),
        oldCipher.sealJson({ probation: true }, context(rotated.id, 'LEGAL')),
      ]);
      await manager.query(`UPDATE persons SET disability_sealed = $2 WHERE id = $1`, [
        current.id,
        currentCipher.sealJson({ grade: 2 }, context(current.id, 'DISABILITY')),
      ]);
      return { rotated: rotated.id, current: current.id };
    });
  });

  it('stops with one line naming the key when a value was sealed with a key no longer configured', async () => {
    const run = spawnApi({ ...apiEnvironment(database, 1), LOG_LEVEL: 'info' }, ['reseal']);
    running.push(run);
    expect(await run.exited).toEqual({ code: 1, signal: null });
    expect(run.stderr()).toMatch(
      /^Reseal stopped at person [0-9a-f-]{36} \((HEALTH|LEGAL)\) in network [0-9a-f-]{36}: Sealed personal data uses unknown key id "test-0" — configure it in PERSONAL_DATA_KEYS\. .*run reseal again\.\n$/,
    );
  });

  it('re-encrypts the values on other keys with the active one, and then has nothing left to do', async () => {
    const before = await sealedRows();
    const run = spawnApi({ ...apiEnvironment(database, 1), PERSONAL_DATA_KEYS: bothKeys, LOG_LEVEL: 'info' }, ['reseal']);
    running.push(run);
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(run.stdout()).toMatch(/^Resealed 2 special-care value\(s\) of 1 person\(s\) in \d+ network\(s\) with key "test-1"\.\n$/);
    expect(run.stderr()).toBe('');

    const after = await sealedRows();
    const rotated = after.find((row) => row.id === people.rotated) as SealedRow;
    const current = after.find((row) => row.id === people.current) as SealedRow;
    expect(currentCipher.openJson(rotated.health_sealed as string, `${tenantId}/${rotated.id}/HEALTH`)).toEqual({ conditions: ['糖尿病'] });
    expect(currentCipher.openJson(rotated.legal_sealed as string, `${tenantId}/${rotated.id}/LEGAL`)).toEqual({ probation: true });
    expect(rotated.disability_sealed).toBeNull();
    // A value already on the active key is left exactly as it was.
    expect(current).toEqual(before.find((row) => row.id === people.current));

    const again = spawnApi({ ...apiEnvironment(database, 1), PERSONAL_DATA_KEYS: bothKeys, LOG_LEVEL: 'info' }, ['reseal']);
    running.push(again);
    expect(await again.exited).toEqual({ code: 0, signal: null });
    expect(again.stdout()).toMatch(/^Nothing to reseal: every special-care value in \d+ network\(s\) uses key "test-1"\.\n$/);
  });
});
