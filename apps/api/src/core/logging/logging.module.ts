// Structured JSON logs (pino) with the request id on every line logged while serving a
// request (nestjs-pino keeps it in async-local storage). Requests are logged by method, path
// and status only: no bodies, query strings, cookies or authorization headers, because they
// can carry personal data or credentials.
import { Module } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { APP_CONFIG, AppConfig } from '../config/config';
import { requestIdFor } from './request-id';
import { safeErrorForLog } from './safe-error';

const quietPaths = new Set(['/healthz', '/readyz']);

// Behind Fastify's middleware layer req.url may be rewritten; originalUrl is the real one.
function originalUrl(req: IncomingMessage): string | undefined {
  return (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url;
}

function pathOnly(url: string | undefined): string {
  return (url ?? '').split('?')[0];
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
          // Fastify has already assigned the id (see bootstrap.ts); reuse it.
          genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id?: string }).id ?? requestIdFor(req),
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
