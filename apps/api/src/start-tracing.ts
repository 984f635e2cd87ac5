// Imported first by main.ts, so that when tracing is on its instrumentations are in place before
// `http`, `graphql` and `pg` are first required (they patch modules as they load). When it is off
// the OpenTelemetry SDK is not even loaded. Only the server traces: migrate, schema and the other
// commands do not.
import { tracingRequested } from './core/tracing/tracing-requested';
import { PACKAGE_VERSION } from './version';

type Tracing = typeof import('./core/tracing/tracing');

function startIfRequested(): Tracing | undefined {
  const command = process.argv[2] ?? 'serve';
  if (command !== 'serve' || !tracingRequested(process.env)) return undefined;
  // A require, not an import: evaluated only here, before the application's modules load.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const tracing = require('./core/tracing/tracing') as Tracing;
  tracing.startTracing(PACKAGE_VERSION);
  return tracing;
}

const tracing = startIfRequested();

/** Sends the spans still buffered (on shutdown); nothing to do when tracing is off. */
export async function flushTracing(): Promise<void> {
  await tracing?.stopTracing();
}
