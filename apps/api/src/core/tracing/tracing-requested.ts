/** A well-formed OTLP/HTTP endpoint (config.ts reports any other value with one line and stops). */
function isHttpUrl(value: string | undefined): boolean {
  return Boolean(value && /^https?:\/\/[^\s]+$/.test(value) && URL.canParse(value));
}

/**
 * True when the environment asks for traces: OTEL_EXPORTER_OTLP_ENDPOINT or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT is set to a URL. OTEL_SDK_DISABLED=true turns it off, as in
 * every OpenTelemetry SDK.
 */
export function tracingRequested(env: NodeJS.ProcessEnv): boolean {
  if (env['OTEL_SDK_DISABLED']?.trim().toLowerCase() === 'true') return false;
  const endpoints = [env['OTEL_EXPORTER_OTLP_ENDPOINT'], env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']].filter(Boolean);
  return endpoints.length > 0 && endpoints.every(isHttpUrl);
}
