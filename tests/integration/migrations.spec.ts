// Migrations are the only way the schema changes: all of them apply to an empty database,
// revert one by one to nothing, and apply again.
import { DataSource } from 'typeorm';
import { migrations } from '@tsunagu/migrations';
import { revertLastMigration, runPendingMigrations } from '../../apps/api/src/core/database/migrator';
import { superuserConnection } from '../support/people';
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

describe('roles a kind does not allow, held before the rule existed (migration 1764500000000)', () => {
  let older: TestDatabase;

  afterAll(async () => {
    await older?.drop();
  });

  it('are taken away (STAFF when nothing is left) and audited, rather than stopping the migration (and so the API)', async () => {
    older = await createTestDatabase({ migrated: false });
    const ruleIndex = migrations.findIndex((migration) => new migration().name === 'RolesAllowedByOrganizationKind1764500000000');
    expect(ruleIndex).toBeGreaterThan(0);
    await runPendingMigrations(older.ownerUrl);
    for (let i = migrations.length - 1; i >= ruleIndex; i--) await revertLastMigration(older.ownerUrl);

    // As before the rule: a liaison and a grant editor in an NPO, one of them also its admin.
    const sql = await superuserConnection(older);
    try {
      const [network] = await sql.query(`INSERT INTO networks (slug, name) VALUES ('before-rule', 'before') RETURNING id`);
      const [npo] = await sql.query(`INSERT INTO organizations (tenant_id, kind, name) VALUES ($1, 'NPO', 'NPO') RETURNING id`, [network.id]);
      const member = async (email: string, roles: string[]) => {
        const [user] = await sql.query(`INSERT INTO users (email, display_name, password_hash) VALUES ($1, $1, 'x') RETURNING id`, [email]);
        const [membership] = await sql.query(
          `INSERT INTO memberships (tenant_id, user_id, organization_id, roles) VALUES ($1, $2, $3, $4) RETURNING id`,
          [network.id, user.id, npo.id, roles],
        );
        return membership.id as string;
      };
      const liaison = await member('liaison@before.example.jp', ['LIAISON']);
      const admin = await member('admin@before.example.jp', ['ORG_ADMIN', 'GRANT_EDITOR']);
      const coordinator = await member('coordinator@before.example.jp', ['COORDINATOR']);

      const { applied } = await runPendingMigrations(older.ownerUrl);
      expect(applied[0]).toBe('RolesAllowedByOrganizationKind1764500000000');

      const roles = async (id: string) => (await sql.query(`SELECT roles FROM memberships WHERE id = $1`, [id]))[0].roles;
      expect(await roles(liaison)).toEqual(['STAFF']);
      expect(await roles(admin)).toEqual(['ORG_ADMIN']);
      expect(await roles(coordinator)).toEqual(['COORDINATOR']);
      const audited = await sql.query(
        `SELECT entity_id, action, changed_fields FROM audit_log WHERE tenant_id = $1 ORDER BY entity_id`,
        [network.id],
      );
      expect(audited).toEqual(
        [liaison, admin].sort().map((id) => ({ entity_id: id, action: 'ROLES_REMOVED_BY_KIND_RULE', changed_fields: ['roles'] })),
      );
    } finally {
      await sql.destroy();
    }
  });
});
