// Label values of the request metrics. Every value comes from a short, fixed list: a client
// chooses its operation names and may send any path, so taking them as they come would let it
// create series without end (and could put personal data into a label).
import { isErrorCode } from '@tsunagu/domain';
import { CLIENT_OPERATION_NAMES } from './client-operations.generated';

const CLIENT_OPERATIONS: ReadonlySet<string> = new Set(CLIENT_OPERATION_NAMES);

/** An operation the web client does not ship (scripts, other clients, invented names). */
export const OTHER_OPERATION = 'other';
/** A request without an operation name (or one that did not parse far enough to have one). */
export const ANONYMOUS_OPERATION = 'anonymous';

/** The operation name when the web client ships an operation of that name, otherwise "other". */
export function operationLabel(name: string | null | undefined): string {
  if (!name) return ANONYMOUS_OPERATION;
  return CLIENT_OPERATIONS.has(name) ? name : OTHER_OPERATION;
}

/**
 * "ok", or the stable code of the response's first error (BAD_USER_INPUT, UNAUTHENTICATED…; the
 * codes of @tsunagu/domain, which formatError gives every error leaving the API).
 */
export function outcomeLabel(errors: ReadonlyArray<{ readonly extensions?: Readonly<Record<string, unknown>> }> | undefined): string {
  if (!errors?.length) return 'ok';
  const code = errors[0].extensions?.['code'];
  return isErrorCode(code) ? code : 'INTERNAL';
}

/** Requests no route matched (scans, typos): one series, whatever the path. */
export const UNMATCHED_ROUTE = 'unmatched';
/** Files of the built web app (each is a route of its own, and their names change every build). */
export const STATIC_ROUTE = 'static';

/** The route template of a request ("/files/:id"), never the path it was called with. */
export function routeLabel(template: string | undefined): string {
  if (!template) return UNMATCHED_ROUTE;
  // A literal path ending in a file name is one of the web app's files; routes with parameters are the API's.
  const isFile = !/[:*]/.test(template) && /\.[A-Za-z0-9]+$/.test(template.slice(template.lastIndexOf('/') + 1));
  return isFile ? STATIC_ROUTE : template;
}
