// OpenTelemetry tracing: spans for HTTP requests, GraphQL operations and PostgreSQL queries,
// exported over OTLP/HTTP. Off unless OTEL_EXPORTER_OTLP_ENDPOINT or
// OTEL_EXPORTER_OTLP_TRACES_ENDPOINT is set (start-tracing.ts decides, before anything else loads).
//
// The instrumentations patch `http`, `graphql` and `pg` as they are required, so this runs before
// the application's modules load: the webpack bundle keeps node_modules external (plain
// require() calls), which is what lets the hooks see them.
//
// No personal data leaves in a span. The instrumentations are configured not to record any
// (no SQL parameters, no GraphQL values: literals in the query text become "*"), and every span
// then passes a redacting exporter that keeps only the attributes listed below, drops query
// strings, client addresses and user agents, and keeps only the type of a recorded exception
// (messages can quote values, e.g. a unique-violation's key).
import type { Attributes, AttributeValue, SpanStatus } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';

/** Probes and scrapes come every few seconds; a trace each would drown the real ones. */
const UNTRACED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * Attributes a span may carry, by exact key or by prefix (ending in "."). What the HTTP, GraphQL
 * and pg instrumentations record that is not listed here (client.address, network.peer.*,
 * user_agent.original, url.query, db.postgresql.values, graphql.variables.*) is dropped.
 */
const KEPT_ATTRIBUTES = [
  'http.request.method',
  'http.request.method_original',
  'http.response.status_code',
  'http.route',
  'url.scheme',
  'url.path',
  'url.full',
  'server.address',
  'server.port',
  'network.protocol.version',
  'error.type',
  'exception.type',
  'graphql.operation.name',
  'graphql.operation.type',
  'graphql.source',
  'graphql.field.name',
  'graphql.field.path',
  'graphql.field.type',
  'graphql.parent.name',
  'db.system',
  'db.system.name',
  'db.namespace',
  'db.name',
  'db.user',
  'db.connection_string',
  'db.statement',
  'db.query.text',
  'db.query.summary',
  'db.operation.name',
  'db.collection.name',
  'db.response.status_code',
  'db.postgresql.idle.timeout.millis',
  'db.postgresql.max.client',
  'net.peer.name',
  'net.peer.port',
  'net.transport',
  // pg-boss traces its jobs itself (send, process, complete) once a tracer provider is registered.
  'messaging.system',
  'messaging.operation.name',
  'messaging.operation.type',
  'messaging.destination.name',
  'messaging.message.id',
  'messaging.batch.message_count',
  'pgboss.schema',
  'pgboss.job.retry_count',
  'pgboss.job.state',
] as const;
const KEPT = new Set<string>(KEPT_ATTRIBUTES);
/** Attributes holding a URL keep it without its query string (signed links, tokens). */
const URL_ATTRIBUTES = new Set(['url.full', 'db.connection_string']);

function withoutQuery(value: AttributeValue): AttributeValue {
  if (typeof value !== 'string') return value;
  const cut = value.search(/[?#]/);
  return cut < 0 ? value : value.slice(0, cut);
}

export function redactAttributes(attributes: Attributes): Attributes {
  const kept: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || !KEPT.has(key)) continue;
    kept[key] = URL_ATTRIBUTES.has(key) ? withoutQuery(value) : value;
  }
  return kept;
}

/** A view of the span with the redacted attributes, events and status; everything else as it was. */
export function redactSpan(span: ReadableSpan): ReadableSpan {
  const status: SpanStatus = { code: span.status.code };
  return Object.create(span, {
    attributes: { value: redactAttributes(span.attributes) },
    // Recorded exceptions keep their type only: a message or stack can quote the data at fault.
    events: { value: span.events.map((event) => ({ ...event, attributes: redactAttributes(event.attributes ?? {}) })) },
    status: { value: status },
  });
}

/** Passes every span through redactSpan before the real exporter sees it. */
export class RedactingSpanExporter implements SpanExporter {
  constructor(private readonly next: SpanExporter) {}

  export(spans: ReadableSpan[], resultCallback: Parameters<SpanExporter['export']>[1]): void {
    this.next.export(spans.map(redactSpan), resultCallback);
  }

  shutdown(): Promise<void> {
    return this.next.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.next.forceFlush?.() ?? Promise.resolve();
  }
}

let provider: NodeTracerProvider | undefined;

/**
 * Registers the tracer provider and the instrumentations. The exporter reads the standard
 * OTEL_EXPORTER_OTLP_* variables (endpoint, headers, timeout) and the batch processor the
 * OTEL_BSP_* ones; OTEL_SERVICE_NAME and OTEL_TRACES_SAMPLER are honoured as usual.
 */
export function startTracing(version: string): void {
  if (provider) return;
  provider = new NodeTracerProvider({
    resource: defaultResource().merge(
      resourceFromAttributes({
        [ATTR_SERVICE_NAME]: process.env['OTEL_SERVICE_NAME'] || 'tsunagu-api',
        [ATTR_SERVICE_VERSION]: process.env['APP_VERSION'] || version,
      }),
    ),
    spanProcessors: [new BatchSpanProcessor(new RedactingSpanExporter(new OTLPTraceExporter()))],
  });
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.has((request.url ?? '').split('?')[0]),
        // The SMTP and S3 clients' own requests are traced only inside a request or job span.
        requireParentforOutgoingSpans: true,
      }),
      new GraphQLInstrumentation({
        // Values (literals in the query, variables) can be personal data: "*" instead.
        allowValues: false,
        ignoreTrivialResolveSpans: true,
        mergeItems: true,
      }),
      new PgInstrumentation({
        // Never the statement's parameters (names, addresses…): the SQL text has placeholders only.
        enhancedDatabaseReporting: false,
        // pg-boss polls every few seconds; its queries are traced only inside a request.
        requireParentSpan: true,
        addSqlCommenterCommentToQueries: false,
      }),
    ],
  });
}

/** Sends the spans still buffered; called on shutdown, bounded by the caller's deadline. */
export async function stopTracing(): Promise<void> {
  await provider?.shutdown();
  provider = undefined;
}
