// Migrations are the only way the schema changes: all of them apply to an empty database,
// revert one by one to nothing, and apply again.
import { DataSource } from 'typeorm';
import { migrations } from '@tsunagu/migrations';
import { revertLastMigration, runPendingMigrations } from '../../apps/api/src/core/database/migrator';
import { createTestDatabase, TestDatabase } from '../support/test-database';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase({ migrated: false });
});

afterAll(async () => {
  await database?.drop();
});

async function publicObjects(): Promise<string[]> {
  const dataSource = await new DataSource({ type: 'postgres', url: database.ownerUrl }).initialize();
  try {
    const rows: Array<{ name: string }> = await dataSource.query(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S') AND c.relname NOT LIKE 'schema_migrations%'
       UNION ALL
       SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'
       ORDER BY 1`,
    );
    return rows.map((row) => row.name);
  } finally {
    await dataSource.destroy();
  }
}

it('applies every migration to an empty database, reverts them all, and applies them again', async () => {
  expect(await publicObjects()).toEqual([]);

  const first = await runPendingMigrations(database.ownerUrl);
  expect(first.applied).toEqual(migrations.map((migration) => new migration().name));
  expect(await publicObjects()).toEqual(expect.arrayContaining(['networks', 'app_current_tenant']));
  expect((await runPendingMigrations(database.ownerUrl)).applied).toEqual([]);

  for (let i = migrations.length - 1; i >= 0; i--) {
    const { applied } = await revertLastMigration(database.ownerUrl);
    expect(applied).toEqual([new migrations[i]().name]);
  }
  expect(await publicObjects()).toEqual([]);

  const again = await runPendingMigrations(database.ownerUrl);
  expect(again.applied).toHaveLength(migrations.length);
});
