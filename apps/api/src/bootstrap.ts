// Creates the HTTP application: Nest on Fastify (measured faster than Express 5 here, see the
// README), the GraphQL API, the probes, and — when it has been built — the web SPA served from
// the same origin with a fallback to index.html for client-side routes.
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { AppConfig } from './core/config/config';
import { REQUEST_ID_HEADER, requestIdFor } from './core/logging/request-id';
import { AppMetrics } from './core/metrics/app-metrics';
import { registerHttpObservability } from './core/metrics/http-observability';
import { registerSecurityHeaders } from './core/security-headers/security-headers';

// Room for an HSDS import document (5 MB, checked with a clear message by the import itself).
const MAX_REQUEST_BODY_BYTES = 6 * 1024 * 1024;

export function resolveWebDistDir(config: AppConfig): string | undefined {
  const candidates = config.webDistDir
    ? [path.resolve(config.webDistDir)]
    : [path.resolve(__dirname, '../web'), path.resolve(process.cwd(), 'dist/apps/web')];
  return candidates.find((dir) => existsSync(path.join(dir, 'index.html')));
}

export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    // false, true, or the proxies' addresses: X-Forwarded-For is believed only from those, so
    // request.ip (the login throttle's client address) cannot be forged by a direct caller.
    trustProxy: typeof config.trustProxy === 'boolean' ? config.trustProxy : [...config.trustProxy],
    bodyLimit: MAX_REQUEST_BODY_BYTES,
    // Answer 503 to requests arriving on kept-alive connections while shutting down.
    return503OnClosing: true,
    genReqId: requestIdFor,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  await app.register(fastifyCookie);
  // First among the hooks, so every answer carries them: the SPA, /graphql, files, probes, 404s.
  await registerSecurityHeaders(app.getHttpAdapter().getInstance(), config);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request, reply) => {
      reply.header(REQUEST_ID_HEADER, request.id);
    });
  registerHttpObservability(app.getHttpAdapter().getInstance(), {
    metrics: config.observability.metrics ? app.get(AppMetrics) : undefined,
    tracing: config.observability.tracing,
  });

  const webDistDir = resolveWebDistDir(config);
  if (webDistDir) {
    await app.register(fastifyStatic, { root: webDistDir, wildcard: false, index: false });
    const indexHtml = path.join(webDistDir, 'index.html');
    app
      .getHttpAdapter()
      .getInstance()
      .get('/*', (request, reply) => {
        // A missing asset (it has a file extension) is a real 404; any other path is a client
        // route of the SPA, whose router shows its own not-found page.
        if (path.extname(request.url.split('?')[0])) {
          return reply.code(404).type('text/plain').send('Not found');
        }
        return reply.header('cache-control', 'no-cache').sendFile('index.html', path.dirname(indexHtml));
      });
  }
  return app;
}
