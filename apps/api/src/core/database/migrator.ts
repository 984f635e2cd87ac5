// Runs and reverts migrations as the owner role. Used at start-up and by `db:migrate` /
// `db:revert`. An advisory lock serialises replicas that start together, so two API
// processes never apply the same migration twice.
import { DataSource } from 'typeorm';
import { migrations } from '@tsunagu/migrations';

const MIGRATION_LOCK_KEY = 7_240_311; // arbitrary, fixed: "tsunagu migrations"

export interface MigrationReport {
  readonly applied: string[];
}

function ownerDataSource(ownerUrl: string): DataSource {
  return new DataSource({
    type: 'postgres',
    url: ownerUrl,
    migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: { max: 2, application_name: 'tsunagu-migrations' },
  });
}

async function withMigrationLock<T>(ownerUrl: string, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = await ownerDataSource(ownerUrl).initialize();
  const lockRunner = dataSource.createQueryRunner();
  try {
    await lockRunner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return await work(dataSource);
  } finally {
    await lockRunner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lockRunner.release();
    await dataSource.destroy();
  }
}

export function runPendingMigrations(ownerUrl: string): Promise<MigrationReport> {
  return withMigrationLock(ownerUrl, async (dataSource) => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return { applied: applied.map((migration) => migration.name) };
  });
}

export function revertLastMigration(ownerUrl: string): Promise<MigrationReport> {
  return withMigrationLock(ownerUrl, async (dataSource) => {
    const before = await dataSource.query('SELECT name FROM schema_migrations ORDER BY id DESC LIMIT 1');
    await dataSource.undoLastMigration({ transaction: 'each' });
    return { applied: before.map((row: { name: string }) => row.name) };
  });
}
