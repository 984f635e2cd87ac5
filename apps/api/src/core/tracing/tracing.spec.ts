import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { redactAttributes, redactSpan } from './tracing';
import { tracingRequested } from './tracing-requested';

describe('tracingRequested', () => {
  it('is off unless an OTLP endpoint is set to a URL', () => {
    expect(tracingRequested({})).toBe(false);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: '' })).toBe(false);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBe(true);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://collector.example/v1/traces' })).toBe(true);
  });

  it('stays off for a malformed endpoint (the configuration reports it) and with OTEL_SDK_DISABLED', () => {
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toBe(false);
    expect(tracingRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' })).toBe(false);
  });
});

describe('span redaction', () => {
  it('keeps what describes the operation and drops addresses, user agents, query strings and values', () => {
    expect(
      redactAttributes({
        'http.request.method': 'POST',
        'url.path': '/graphql',
        'url.query': 'token=abc',
        'url.full': 'https://s3.example/bucket/key?X-Amz-Signature=secret',
        'client.address': '203.0.113.7',
        'network.peer.address': '203.0.113.7',
        'user_agent.original': 'Mozilla/5.0',
        'db.query.text': 'SELECT id FROM users WHERE email = $1',
        'db.postgresql.values': ['hanako@example.jp'],
        'graphql.variables.email': 'hanako@example.jp',
        'graphql.operation.name': 'Login',
        'exception.message': 'duplicate key (email)=(hanako@example.jp)',
        'exception.type': '23505',
      }),
    ).toEqual({
      'http.request.method': 'POST',
      'url.path': '/graphql',
      'url.full': 'https://s3.example/bucket/key',
      'db.query.text': 'SELECT id FROM users WHERE email = $1',
      'graphql.operation.name': 'Login',
      'exception.type': '23505',
    });
  });

  it('gives the exporter a view without the status message and exception texts, the span itself unchanged', () => {
    const span = {
      name: 'pg.query:INSERT',
      attributes: { 'db.system.name': 'postgresql', 'db.postgresql.values': ['hanako'] },
      events: [{ name: 'exception', time: [0, 0], attributes: { 'exception.type': 'error', 'exception.message': 'Key (email)=(hanako@example.jp)' } }],
      status: { code: 2, message: 'Key (email)=(hanako@example.jp) already exists' },
      spanContext: () => ({ traceId: 't', spanId: 's', traceFlags: 1 }),
    } as unknown as ReadableSpan;
    const redacted = redactSpan(span);
    expect(redacted.name).toBe('pg.query:INSERT');
    expect(redacted.spanContext().traceId).toBe('t');
    expect(redacted.attributes).toEqual({ 'db.system.name': 'postgresql' });
    expect(redacted.events).toEqual([{ name: 'exception', time: [0, 0], attributes: { 'exception.type': 'error' } }]);
    expect(redacted.status).toEqual({ code: 2 });
    expect(span.status.message).toContain('hanako');
  });
});
