// GraphQL (code-first, Apollo Server 5 on Fastify) with the production hardening in one place:
// stable error codes, no internals in production, depth and complexity limits, CSRF
// prevention, and no introspection or field suggestions when NODE_ENV=production.
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import { PinoLogger } from 'nestjs-pino';
import { APP_CONFIG, AppConfig } from '../config/config';
import { AppMetrics } from '../metrics/app-metrics';
import { graphqlMetricsPlugin } from '../metrics/graphql-metrics.plugin';
import { safeErrorForLog } from '../logging/safe-error';
import { AppErrorFilter } from './app-error.filter';
import { createFormatError } from './format-error';
import { localizeErrorsPlugin } from './localize-errors.plugin';
import { logErrorsPlugin } from './log-errors.plugin';
import { complexityLimitPlugin, depthLimitRule } from './query-limits';

@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [APP_CONFIG, PinoLogger, GraphQLSchemaHost, AppMetrics],
      useFactory: (config: AppConfig, logger: PinoLogger, schemaHost: GraphQLSchemaHost, metrics: AppMetrics) => ({
        path: '/graphql',
        // Fastify hands Apollo the request and the reply; resolvers that set the refresh
        // cookie need the reply.
        context: (req: unknown, reply: unknown) => ({ req, reply }),
        // The schema is built in memory; apps/api/schema.gql is written by `npm run schema:generate`
        // from the same resolvers and checked for staleness in CI.
        autoSchemaFile: true,
        sortSchema: true,
        buildSchemaOptions: { dateScalarMode: 'isoDate' },
        introspection: !config.isProduction,
        hideSchemaDetailsFromClientErrors: config.isProduction,
        includeStacktraceInErrorResponses: config.nodeEnv === 'development',
        csrfPrevention: true,
        playground: false,
        graphiql: false,
        autoTransformHttpErrors: false,
        validationRules: [depthLimitRule(config.graphql.maxDepth)],
        plugins: [
          logErrorsPlugin(logger),
          localizeErrorsPlugin(),
          complexityLimitPlugin(() => schemaHost.schema, config.graphql.maxComplexity),
          // Timed only when metrics are served: otherwise not even a timer per request.
          ...(config.observability?.metrics ? [graphqlMetricsPlugin(metrics)] : []),
        ],
        formatError: createFormatError({
          exposeInternals: config.nodeEnv === 'development',
          onInternalError: (error) => logger.error({ err: safeErrorForLog(error) }, 'GraphQL request failed'),
        }),
      }),
    }),
  ],
  providers: [{ provide: APP_FILTER, useClass: AppErrorFilter }],
})
export class AppGraphQLModule {}
