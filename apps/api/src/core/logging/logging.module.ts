// Structured JSON logs (pino) with the request id on every line logged while serving a
// request (nestjs-pino keeps it in async-local storage). Requests are logged by method, path
// and status only: no bodies, query strings, cookies or authorization headers, because they
// can carry personal data or credentials.
import { Module } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, AppConfig } from '../config/config';
import { safeErrorForLog } from './safe-error';

export const REQUEST_ID_HEADER = 'x-request-id';
const acceptableRequestId = /^[A-Za-z0-9._-]{8,128}$/;
const quietPaths = new Set(['/healthz', '/readyz']);

// Behind Fastify's middleware layer req.url may be rewritten; originalUrl is the real one.
function originalUrl(req: IncomingMessage): string | undefined {
  return (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url;
}

function pathOnly(url: string | undefined): string {
  return (url ?? '').split('?')[0];
}

/** Reuses a well-formed id from a proxy, otherwise makes one, and echoes it to the client. */
export function assignRequestId(req: IncomingMessage, res: ServerResponse): string {
  const offered = req.headers[REQUEST_ID_HEADER];
  const id = typeof offered === 'string' && acceptableRequestId.test(offered) ? offered : randomUUID();
  res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.logLevel,
          base: { service: 'tsunagu-api', version: config.version },
          messageKey: 'message',
          timestamp: () => `,"time":"${new Date().toISOString()}"`,
          formatters: { level: (label: string) => ({ level: label }) },
          genReqId: assignRequestId,
          // Every line logged during a request carries its id; the request itself is
          // described once, on the completion line.
          quietReqLogger: true,
          customAttributeKeys: { reqId: 'requestId' },
          autoLogging: { ignore: (req: IncomingMessage) => quietPaths.has(pathOnly(originalUrl(req))) },
          serializers: {
            req: (req: { method?: string; url?: string; raw?: IncomingMessage }) => ({
              method: req.method,
              path: pathOnly(req.raw ? originalUrl(req.raw) : req.url),
            }),
            res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
            err: safeErrorForLog,
          },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
