// @ts-check
// The raw-SQL baseline: a bare node:http server with its own pg.Pool (same size and settings as
// the API's, same application role) that answers each scenario with its `raw` handler. It runs
// as a child process of the bench (main.mjs --baseline-server) and prints its port as JSON.
import http from 'node:http';
import pg from 'pg';
import { apiCode } from './api-code.mjs';
import { SCENARIOS } from './scenarios/index.mjs';
import { HOST, POOL_MAX, SCENARIO_HEADER } from './settings.mjs';

export async function runBaselineServer() {
  /** @type {import('./raw-sql.mjs').BaselineContext} */
  const context = JSON.parse(process.env.BENCH_CONTEXT ?? '{}');
  // The same pool settings as the API's DatabaseModule.
  const pool = new pg.Pool({
    connectionString: process.env.BENCH_APP_URL,
    max: Number(process.env.BENCH_POOL_MAX ?? POOL_MAX),
    connectionTimeoutMillis: 3_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: 15_000,
    application_name: 'tsunagu-bench-raw-sql',
  });
  pool.on('error', () => undefined); // an idle client dropped during shutdown
  const code = await apiCode();
  const handlers = new Map(SCENARIOS.map((scenario) => [scenario.name, scenario.raw]));

  const server = http.createServer((request, response) => {
    const handler = handlers.get(String(request.headers[SCENARIO_HEADER] ?? ''));
    if (request.method !== 'POST' || request.url !== '/graphql' || !handler) {
      request.resume();
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    // The body is read to its end (as the API must) but not parsed.
    request.resume();
    request.on('end', () => {
      handler(pool, context, code).then(
        (payload) => {
          const body = JSON.stringify(payload);
          response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
          response.end(body);
        },
        (error) => {
          const body = JSON.stringify({ errors: [{ message: String(error?.message ?? error) }] });
          response.writeHead(500, { 'content-type': 'application/json; charset=utf-8' }).end(body);
        },
      );
    });
  });

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections();
    pool.end().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdin.on('end', stop); // the bench died: do not linger
  process.stdin.resume();

  // Open the pool's connections up front, as the API's pool is warm once /readyz answers.
  await Promise.all(Array.from({ length: pool.options.max ?? POOL_MAX }, () => pool.query('SELECT 1')));
  server.listen(0, HOST, () => {
    process.stdout.write(JSON.stringify({ port: /** @type {import('node:net').AddressInfo} */ (server.address()).port }) + '\n');
  });
}
