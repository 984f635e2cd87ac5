// OpenTelemetry tracing of the built API (issue 17): with an OTLP endpoint configured, spans of
// the HTTP request, the GraphQL operation and its PostgreSQL queries reach a collector (here a
// plain HTTP server receiving OTLP/HTTP, as the exporter sends it: JSON) in one trace, and no
// variable value, SQL parameter, literal, client address or user agent is among them.
import http from 'node:http';
import net from 'node:net';
import { gunzipSync } from 'node:zlib';
import { TEST_PASSWORD } from '../support/accounts';
import { apiEnvironment, freePort, spawnApi, SpawnedApi, waitFor, waitUntilReady } from '../support/api';
import { graphql } from '../support/graphql';
import { setupApiTest } from '../support/harness';

const t = setupApiTest({
  replicas: 0,
  networks: { network: { slug: 'tracing-a', organizations: { npo: 'NPO' }, members: { staff: ['npo', ['STAFF']] } } },
});

interface OtlpAttribute {
  key: string;
  value: Record<string, unknown>;
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: OtlpAttribute[];
  events?: Array<{ name: string; attributes?: OtlpAttribute[] }>;
  status?: { code?: number; message?: string };
}
interface Export {
  readonly contentType: string | undefined;
  readonly path: string | undefined;
  readonly body: string;
}

const SERVER_KIND = 2;
const UNIQUE_LITERAL = 'inline-literal-hanako@example.jp';
const USER_AGENT = 'Hanako-Browser/1.0 (personal device)';

let collector: http.Server;
const received: Export[] = [];
let api: SpawnedApi;

beforeAll(async () => {
  // A collector as small as can be: keeps each export request as it came and answers 200.
  collector = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks);
      const body = request.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
      received.push({ contentType: request.headers['content-type'], path: request.url, body: body.toString('utf8') });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  t.onClose(() => new Promise((resolve) => collector.close(resolve)));
  const { port } = collector.address() as net.AddressInfo;
  api = spawnApi({
    ...apiEnvironment(t.database, await freePort()),
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
    // Export within a fraction of a second instead of every 5 s.
    OTEL_BSP_SCHEDULE_DELAY: '100',
    LOG_LEVEL: 'info',
  });
  t.onClose(() => api.stop());
  await waitUntilReady(api.url);
});

function spans(): OtlpSpan[] {
  return received.flatMap((exported) =>
    (JSON.parse(exported.body) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: OtlpSpan[] }> }> }).resourceSpans.flatMap((resource) =>
      resource.scopeSpans.flatMap((scope) => scope.spans),
    ),
  );
}

function attribute(span: OtlpSpan, key: string): unknown {
  const found = span.attributes?.find((candidate) => candidate.key === key);
  return found && Object.values(found.value)[0];
}

/** The spans of the trace whose HTTP server span served the GraphQL operation `operation`. */
function traceOf(operation: string): OtlpSpan[] | undefined {
  const all = spans();
  // The execution span, named "mutation Login", "query Health"…
  const execute = all.find((span) => attribute(span, 'graphql.operation.type') !== undefined && attribute(span, 'graphql.operation.name') === operation);
  if (!execute) return undefined;
  const trace = all.filter((span) => span.traceId === execute.traceId);
  return trace.some((span) => span.kind === SERVER_KIND) && trace.some((span) => attribute(span, 'db.system.name') === 'postgresql') ? trace : undefined;
}

it('sends the spans of an HTTP request, its GraphQL operation and its queries in one trace, over OTLP/HTTP JSON', async () => {
  const { staff } = t.networks.network.members;
  const login = await graphql(api.url, 'mutation Login($input: LoginInput!) { login(input: $input) { auth { accessToken } } }', {
    variables: { input: { email: staff.email, password: TEST_PASSWORD } },
    headers: { 'user-agent': USER_AGENT },
  });
  expect(login.body.data).toBeTruthy();

  let trace: OtlpSpan[] | undefined;
  await waitFor(async () => (trace = traceOf('Login')) !== undefined, 'the Login trace to be exported');
  const server = trace!.find((span) => span.kind === SERVER_KIND)!;
  expect(server.name).toBe('POST /graphql');
  expect(attribute(server, 'http.route')).toBe('/graphql');
  // OTLP JSON may carry 64-bit integers as strings.
  expect(Number(attribute(server, 'http.response.status_code'))).toBe(200);
  const execute = trace!.find((span) => attribute(span, 'graphql.operation.name') === 'Login')!;
  expect(execute.name).toBe('mutation Login');
  expect(attribute(execute, 'graphql.operation.type')).toBe('mutation');
  expect(execute.parentSpanId).toBe(server.spanId);
  const query = trace!.find((span) => attribute(span, 'db.system.name') === 'postgresql' && /FROM users/.test(String(attribute(span, 'db.query.text'))));
  expect(query).toBeDefined();
  // Placeholders, never the values.
  expect(String(attribute(query!, 'db.query.text'))).toContain('$1');

  expect(received[0].path).toBe('/v1/traces');
  expect(received[0].contentType).toBe('application/json');
  expect(api.stdout()).toContain('Traces exported over OTLP/HTTP');
});

it('exports no personal data: no variables, literals, SQL parameters, client address, user agent or error text', async () => {
  const { staff } = t.networks.network.members;
  // A literal in the query text, a failed sign-in (its error text), a reset request (a query by email).
  await graphql(api.url, `mutation RequestPasswordReset { requestPasswordReset(email: "${UNIQUE_LITERAL}") }`);
  await graphql(api.url, 'mutation Login($input: LoginInput!) { login(input: $input) { auth { accessToken } } }', {
    variables: { input: { email: staff.email, password: 'wrong-password-of-hanako' } },
    headers: { 'user-agent': USER_AGENT },
  });
  await waitFor(async () => traceOf('RequestPasswordReset') !== undefined, 'the reset trace to be exported');

  const everything = received.map((exported) => exported.body).join('\n');
  for (const secret of [staff.email, TEST_PASSWORD, 'wrong-password-of-hanako', UNIQUE_LITERAL, 'Hanako-Browser']) {
    expect(everything).not.toContain(secret);
  }
  const keys = new Set(spans().flatMap((span) => [...(span.attributes ?? []), ...(span.events ?? []).flatMap((event) => event.attributes ?? [])].map((a) => a.key)));
  for (const key of ['client.address', 'network.peer.address', 'user_agent.original', 'url.query', 'db.postgresql.values', 'exception.message', 'exception.stacktrace']) {
    expect(keys).not.toContain(key);
  }
  expect(keys).toContain('graphql.source');
  const source = spans().map((span) => attribute(span, 'graphql.source')).find((value) => String(value).includes('requestPasswordReset'));
  expect(source).toContain('email: "*"');
});

it('traces no probe and no background polling', () => {
  const all = spans();
  expect(all.filter((span) => ['/readyz', '/healthz'].includes(String(attribute(span, 'url.path'))))).toEqual([]);
  // pg-boss polls the database every few seconds; only queries inside a request or a job
  // (pg-boss's own "process" span) are traced.
  const queries = all.filter((span) => attribute(span, 'db.system.name') === 'postgresql');
  expect(queries.length).toBeGreaterThan(0);
  for (const query of queries) expect(query.parentSpanId).toBeTruthy();
});
