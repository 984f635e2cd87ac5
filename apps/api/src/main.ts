// Entry point of the API build. One binary, a few commands, so the production image needs no
// TypeScript tooling:
//   node main.js            serve (runs pending migrations first unless disabled)
//   node main.js migrate    apply pending migrations and exit
//   node main.js revert     revert the last migration and exit
//   node main.js schema     print the GraphQL schema (SDL) to stdout
//   node main.js reseal     re-encrypt special-care personal data with the active key and exit
// Tracing first: its instrumentations must be in place before http, graphql and pg load.
import { flushTracing } from './start-tracing';
import 'reflect-metadata';
import { AppModule } from './app.module';
import { createApp } from './bootstrap';
import { AppConfig, parseConfig, parseMigrationConfig, parseResealConfig } from './core/config/config';
import { revertLastMigration, runPendingMigrations } from './core/database/migrator';
import { printSchemaOf } from './core/graphql/schema-file';
import { fileStorageFor } from './core/files/files.module';
import { FieldCipher } from './core/personal-data/field-cipher';
import { describeReseal, ResealError, resealPersonalData } from './core/personal-data/reseal';
import { HealthService } from './core/health/health.service';
import { seedDemoData } from './seed/demo-seed';
import { PACKAGE_VERSION } from './version';
import { Logger } from 'nestjs-pino';

function loadConfigOrExit(): AppConfig {
  const result = parseConfig(process.env, PACKAGE_VERSION);
  if (!result.ok) {
    for (const problem of result.problems) process.stderr.write(problem + '\n');
    process.exit(1);
  }
  return result.config;
}

function loadMigrationConfigOrExit(): { ownerUrl: string; quiet: boolean } {
  const result = parseMigrationConfig(process.env);
  if (!result.ok) {
    for (const problem of result.problems) process.stderr.write(problem + '\n');
    process.exit(1);
  }
  return result;
}

function printLine(message: string, config: AppConfig): void {
  // Lines for the operator of a CLI command; servers log JSON through pino instead.
  if (config.logLevel !== 'silent') process.stdout.write(message + '\n');
}

async function serve(config: AppConfig): Promise<void> {
  if (config.database.runMigrationsOnStart) {
    const { applied } = await runPendingMigrations(config.database.ownerUrl);
    if (applied.length) printLine(JSON.stringify({ level: 'info', message: 'migrations applied', applied }), config);
  }
  if (config.seedDemoData) {
    await seedDemoData(config.database.ownerUrl, new FieldCipher(config.personalData.keyRing), { storage: fileStorageFor(config) });
  }

  const app = await createApp(config);
  const logger = app.get(Logger);
  await app.listen({ port: config.port, host: config.host });
  logger.log(`Tsunagu API listening on http://${config.host}:${config.port}`);
  if (config.observability.tracing) logger.log('Traces exported over OTLP/HTTP (OTEL_EXPORTER_OTLP_*)');

  let shuttingDown = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.log(`${signal} received: finishing in-flight requests`);
    app.get(HealthService).markShuttingDown();
    const forceExit = setTimeout(() => {
      logger.error(`Shutdown took longer than ${config.shutdownTimeoutMs} ms; exiting anyway`);
      process.exit(1);
    }, config.shutdownTimeoutMs);
    forceExit.unref();
    try {
      // Stops accepting connections, waits for in-flight requests, then closes the pool.
      await app.close();
      // The last spans (those of the requests just finished) go out before the process ends.
      await flushTracing().catch((error: unknown) => logger.warn({ err: error }, 'Traces could not be sent at shutdown'));
      process.exit(0);
    } catch (error) {
      logger.error(error, 'Shutdown failed');
      process.exit(1);
    }
  };
  // on, not once: at a terminal, Ctrl-C reaches the API both from the terminal and from the
  // launcher (npm start); a repeated signal must not end a drain that has begun (shutdown()
  // ignores it; SHUTDOWN_TIMEOUT_MS still bounds the drain).
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

async function reseal(): Promise<void> {
  const result = parseResealConfig(process.env);
  if (!result.ok) {
    for (const problem of result.problems) process.stderr.write(problem + '\n');
    process.exit(1);
  }
  try {
    const report = await resealPersonalData(result.ownerUrl, result.keyRing);
    if (!result.quiet) process.stdout.write(describeReseal(report) + '\n');
  } catch (error) {
    // One line, as for start-up: a value no configured key opens, or the database is unreachable.
    process.stderr.write(
      error instanceof ResealError
        ? `Reseal stopped at ${error.message} Networks already done stay resealed; fix PERSONAL_DATA_KEYS and run reseal again.\n`
        : `Reseal failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }
}

async function main(command: string | undefined): Promise<void> {
  switch (command ?? 'serve') {
    case 'serve':
      return serve(loadConfigOrExit());
    case 'migrate': {
      const { ownerUrl, quiet } = loadMigrationConfigOrExit();
      const { applied } = await runPendingMigrations(ownerUrl);
      if (!quiet) process.stdout.write((applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations.') + '\n');
      return;
    }
    case 'revert': {
      const { ownerUrl, quiet } = loadMigrationConfigOrExit();
      const { applied } = await revertLastMigration(ownerUrl);
      if (!quiet) process.stdout.write((applied.length ? `Reverted: ${applied.join(', ')}` : 'Nothing to revert.') + '\n');
      return;
    }
    case 'schema':
      process.stdout.write(await printSchemaOf(AppModule.forRoot({} as AppConfig)));
      return;
    case 'reseal':
      return reseal();
    default:
      process.stderr.write(`Unknown command "${command}". Use serve, migrate, revert, schema or reseal.\n`);
      process.exit(2);
  }
}

main(process.argv[2]).catch((error: unknown) => {
  // Start-up failures (database unreachable, a failing migration) end with one readable line.
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`Tsunagu API failed to start: ${message}\n`);
  process.exit(1);
});
