// What the application adds to the spans of core/tracing, through the OpenTelemetry API only (a
// no-op when tracing is off, and cheap: the SDK itself is loaded only when tracing is on).
import { trace } from '@opentelemetry/api';

/** Names the current HTTP server span after its route template ("GET /files/:id"), as trace views expect. */
export function nameServerSpan(method: string, route: string): void {
  const span = trace.getActiveSpan();
  if (!span?.isRecording()) return;
  span.setAttribute('http.route', route);
  span.updateName(`${method} ${route}`);
}
