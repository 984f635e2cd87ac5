// The request-serving connection pool. It connects as the application role (DATABASE_APP_URL),
// which owns no table and cannot bypass row-level security; migrations use the owner instead.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        type: 'postgres' as const,
        url: config.database.appUrl,
        autoLoadEntities: true,
        synchronize: false,
        migrationsRun: false,
        logging: false,
        uuidExtension: 'pgcrypto' as const,
        // Fail fast at start when the database is missing, instead of retrying for minutes.
        retryAttempts: 0,
        extra: {
          max: config.database.poolMax,
          connectionTimeoutMillis: 3_000,
          idleTimeoutMillis: 30_000,
          statement_timeout: config.database.statementTimeoutMs,
          application_name: 'tsunagu-api',
        },
      }),
    }),
  ],
})
export class DatabaseModule {}
