// Where a GraphQL request came from, as sessions and the security log keep it. The address is
// Fastify's (which honours TRUST_PROXY), never a header the client chose.
import type { FastifyRequest } from 'fastify';
import type { ClientInfo } from './security-log';

export function requestClient(req: FastifyRequest): ClientInfo {
  return { ip: req.ip, userAgent: req.headers['user-agent'] };
}
