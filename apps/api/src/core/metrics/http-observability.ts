// Fastify hooks for the requests that are not GraphQL (files, reports, probes, the web app):
// their duration by route template, and the name of their trace span. GraphQL requests have
// their own histogram (graphql-metrics.plugin.ts), by operation.
import type { FastifyInstance } from 'fastify';
import { nameServerSpan } from '../tracing/server-span';
import type { AppMetrics } from './app-metrics';
import { routeLabel } from './labels';

const GRAPHQL_PATH = '/graphql';

export function registerHttpObservability(fastify: FastifyInstance, options: { metrics?: AppMetrics; tracing: boolean }): void {
  const { metrics, tracing } = options;
  if (tracing) {
    fastify.addHook('onRequest', async (request) => {
      const route = request.routeOptions.url;
      if (route) nameServerSpan(request.method, route);
    });
  }
  if (metrics) {
    fastify.addHook('onResponse', async (request, reply) => {
      // A request no route matched runs the not-found handler, whose template is not a route's.
      const route = request.is404 ? undefined : request.routeOptions.url;
      if (route === GRAPHQL_PATH) return;
      metrics.httpRequestDuration.observe(
        { method: request.method, route: routeLabel(route), status_code: String(reply.statusCode) },
        // Fastify's own measure: from the request's arrival to the response's end.
        reply.elapsedTime / 1000,
      );
    });
  }
}
