// GraphQL over HTTP against the real API and database: the health query, stable error codes
// with ja/en messages, query limits, CSRF prevention, and production hardening.
import { RunningApi, startApi } from '../support/api';
import { graphql } from '../support/graphql';
import { setupApiTest } from '../support/harness';

const HEALTH = 'query Health { health { status database version environment checkedAt } }';

const t = setupApiTest({ env: { GRAPHQL_MAX_COMPLEXITY: '12' } });
let api: RunningApi;
// A second API on the same database, configured for production.
let production: RunningApi;

beforeAll(async () => {
  api = t.api;
  production = await startApi(t.database, { NODE_ENV: 'production' });
  t.onClose(() => production.close());
});

describe('health', () => {
  it('answers the health query with the database status and version', async () => {
    const { status, body } = await graphql(api.url, HEALTH);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      health: {
        status: 'UP',
        database: 'UP',
        version: 'test',
        environment: 'test',
        checkedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      },
    });
  });

  it('serves the probes', async () => {
    expect((await fetch(`${api.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${api.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: 'UP' });
  });

  it('gives every response a request id, reusing a well-formed one from the caller', async () => {
    const own = await graphql(api.url, HEALTH);
    expect(own.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const given = await graphql(api.url, HEALTH, { headers: { 'x-request-id': 'lb-1234abcd' } });
    expect(given.headers.get('x-request-id')).toBe('lb-1234abcd');
    const refused = await graphql(api.url, HEALTH, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(refused.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('errors', () => {
  it('answers an invalid query with BAD_USER_INPUT and a message', async () => {
    const { status, body } = await graphql(api.url, '{ nothingHere }');
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0].message).toBe('Cannot query field "nothingHere" on type "Query".');
  });

  it('refuses queries above the complexity limit with a localised, actionable message', async () => {
    const aliases = Array.from({ length: 4 }, (_, i) => `h${i}: health { status database version }`).join(' ');
    const ja = await graphql(api.url, `{ ${aliases} }`);
    expect(ja.status).toBe(400);
    expect(ja.body.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COMPLEX' });
    expect(ja.body.errors?.[0].message).toContain('問い合わせが複雑すぎます');
    const en = await graphql(api.url, `{ ${aliases} }`, { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(en.body.errors?.[0].message).toMatch(/^The query is too complex \(16, limit 12\)/);
  });

  it('refuses a request that could be a cross-site simple request (CSRF prevention)', async () => {
    const response = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ health { status } }')}`);
    expect(response.status).toBe(400);
    const form = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ health { status } }' }),
    });
    expect(form.status).toBeGreaterThanOrEqual(400);
    expect(form.status).toBeLessThan(500);
  });
});

describe('production', () => {
  it('disables introspection', async () => {
    const { body } = await graphql(production.url, '{ __schema { queryType { name } } }');
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0].message).toMatch(/introspection/i);
  });

  it('does not suggest field names', async () => {
    const { body } = await graphql(production.url, '{ healt { status } }');
    expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors?.[0].message).not.toMatch(/Did you mean/);
    const development = await graphql(api.url, '{ healt { status } }');
    expect(development.body.errors?.[0].message).toMatch(/Did you mean "health"/);
  });

  it('never sends stack traces', async () => {
    const { body } = await graphql(production.url, '{ nothingHere }');
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|\bat \w+ \(/);
  });
});
