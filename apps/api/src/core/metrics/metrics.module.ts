// Prometheus metrics: the registry every feature counts into (AppMetrics), the gauges read from
// the database at scrape time, and the listener that serves them when METRICS_PORT is set.
import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';
import { AppMetrics } from './app-metrics';
import { DatabaseMetrics } from './database-metrics';
import { MetricsServer } from './metrics-server';

@Global()
@Module({
  providers: [
    {
      provide: AppMetrics,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new AppMetrics({ processMetrics: Boolean(config.observability?.metrics) }),
    },
    DatabaseMetrics,
    MetricsServer,
  ],
  exports: [AppMetrics],
})
export class MetricsModule {}
