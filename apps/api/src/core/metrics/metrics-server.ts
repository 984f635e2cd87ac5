// The Prometheus endpoint: GET /metrics on a listener of its own (METRICS_PORT, on METRICS_HOST,
// the loopback interface unless configured otherwise), never on the public port. Off when
// METRICS_PORT is unset.
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { once } from 'node:events';
import http from 'node:http';
import { APP_CONFIG, AppConfig } from '../config/config';
import { AppMetrics } from './app-metrics';

@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsServer.name);
  private server: http.Server | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly metrics: AppMetrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const settings = this.config.observability?.metrics;
    if (!settings) return;
    const server = http.createServer((request, response) => void this.answer(request, response));
    // Scrapes are short; a stuck client must not keep the listener (or the shutdown) waiting.
    server.requestTimeout = 30_000;
    server.keepAliveTimeout = 5_000;
    server.listen(settings.port, settings.host);
    try {
      await Promise.race([once(server, 'listening'), once(server, 'error').then(([error]) => Promise.reject(error))]);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new Error(`the metrics listener could not start on ${settings.host}:${settings.port} (${code}); change METRICS_PORT or METRICS_HOST`);
    }
    this.server = server;
    this.logger.log(`Metrics at http://${settings.host}:${settings.port}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async answer(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const path = (request.url ?? '').split('?')[0];
    if (path !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: the metrics are at GET /metrics\n');
      return;
    }
    try {
      const body = await this.metrics.registry.metrics();
      response.writeHead(200, { 'content-type': this.metrics.registry.contentType }).end(request.method === 'HEAD' ? undefined : body);
    } catch (error) {
      this.logger.error({ err: error }, 'Metrics could not be collected');
      response.writeHead(500, { 'content-type': 'text/plain' }).end('Metrics could not be collected\n');
    }
  }
}
