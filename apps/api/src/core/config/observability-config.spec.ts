import { parseConfig } from './config';

const base = {
  DATABASE_URL: 'postgres://owner:owner-secret@localhost:5432/tsunagu',
  DATABASE_APP_URL: 'postgres://app:app-secret@localhost:5432/tsunagu',
  JWT_SECRET: 'x'.repeat(40),
  PERSONAL_DATA_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
};

describe('parseConfig: metrics and tracing', () => {
  it('serves no metrics and sends no traces by default', () => {
    const result = parseConfig(base, '1.0.0');
    expect(result.ok && result.config.observability).toEqual({ metrics: undefined, tracing: false });
  });

  it('serves metrics on the loopback interface unless METRICS_HOST says otherwise', () => {
    const loopback = parseConfig({ ...base, METRICS_PORT: '9464' }, '1.0.0');
    expect(loopback.ok && loopback.config.observability.metrics).toEqual({ port: 9464, host: '127.0.0.1' });
    const everywhere = parseConfig({ ...base, METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' }, '1.0.0');
    expect(everywhere.ok && everywhere.config.observability.metrics).toEqual({ port: 9464, host: '0.0.0.0' });
  });

  it('refuses a bad METRICS_PORT, or the public port, with one line each', () => {
    const bad = parseConfig({ ...base, METRICS_PORT: 'nine' }, '1.0.0');
    expect(!bad.ok && bad.problems).toEqual(['Configuration error: METRICS_PORT must be an integer from 1 to 65535, other than PORT (got "nine").']);
    const same = parseConfig({ ...base, PORT: '8080', METRICS_PORT: '8080' }, '1.0.0');
    expect(!same.ok && same.problems).toEqual([
      'Configuration error: METRICS_PORT must be an integer from 1 to 65535, other than PORT (got "8080", the same as PORT). ' +
        'Metrics have a listener of their own so that they are not served to the public.',
    ]);
  });

  it('turns tracing on with an OTLP endpoint and refuses one that is not a URL, without echoing it', () => {
    const on = parseConfig({ ...base, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }, '1.0.0');
    expect(on.ok && on.config.observability.tracing).toBe(true);
    const bad = parseConfig({ ...base, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'collector-with-token-abc:4318' }, '1.0.0');
    expect(!bad.ok && bad.problems).toEqual([
      'Configuration error: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT must be the http(s) URL of an OTLP/HTTP collector, such as http://localhost:4318 (the value given is not one).',
    ]);
  });
});
