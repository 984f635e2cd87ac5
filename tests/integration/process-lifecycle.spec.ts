// The API as operators run it: the built binary in its own process. A bad configuration stops
// it with one clear line; SIGTERM lets in-flight requests finish and exits 0; every log line
// of a request carries its id and no personal data.
import net from 'node:net';
import { apiEnvironment, freePort, spawnApi, SpawnedApi, waitFor, waitUntilReady } from '../support/api';
import { createTestDatabase, TestDatabase } from '../support/test-database';

let database: TestDatabase;
const running: SpawnedApi[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await Promise.all(running.map((api) => api.stop()));
  await database?.drop();
});

async function startSpawned(overrides: NodeJS.ProcessEnv = {}): Promise<SpawnedApi> {
  const api = spawnApi({ ...apiEnvironment(database, await freePort()), ...overrides });
  running.push(api);
  await waitUntilReady(api.url);
  return api;
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
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
