// Every request gets an id: a well-formed one from a proxy or load balancer is reused so logs
// line up across hops; otherwise a new UUID. It is echoed in the x-request-id response header
// so a person reporting a problem can quote it.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';
const acceptableRequestId = /^[A-Za-z0-9._-]{8,128}$/;

export function requestIdFor(req: IncomingMessage): string {
  const offered = req.headers[REQUEST_ID_HEADER];
  return typeof offered === 'string' && acceptableRequestId.test(offered) ? offered : randomUUID();
}
