// The application role must be bound by row-level security: it owns nothing, cannot bypass
// RLS, every tenant table has RLS enabled and forced, and it reads no table without RLS (system
// tables such as the mail outbox are closed to it by privileges). Then the same facts are shown
// by behaviour, not only by the catalog.
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { APP_ROLE } from '../../tools/lib/database-roles.cjs';
import { createTenantOwnedTable, tenantForeignKey } from '../../migrations/lib/tenant-owned-table';
import { runInTenant } from '../../apps/api/src/core/tenancy/tenant-transaction';
import { setupApiTest } from '../support/harness';
import { tenantTables } from '../support/schema-catalog';
import type { TestDatabase } from '../support/test-database';

const TENANT_A = '0a0a0a0a-0000-4000-8000-00000000000a';
const TENANT_B = '0b0b0b0b-0000-4000-8000-00000000000b';

// The database alone: no API.
const t = setupApiTest({ replicas: 0 });
let database: TestDatabase;
let owner: DataSource;
let app: DataSource;

beforeAll(async () => {
  database = t.database;
  owner = await new DataSource({ type: 'postgres', url: database.ownerUrl }).initialize();
  app = await new DataSource({ type: 'postgres', url: database.appUrl }).initialize();
  t.onClose(async () => {
    await app.destroy();
    await owner.destroy();
  });
  for (const [id, slug] of [
    [TENANT_A, 'network-a'],
    [TENANT_B, 'network-b'],
  ]) {
    await runInTenant(owner, id, (manager) =>
      manager.query('INSERT INTO networks (id, slug, name) VALUES ($1, $2, $3)', [id, slug, slug]),
    );
  }
});


describe('the application role (catalog)', () => {
  it('is neither superuser nor BYPASSRLS and cannot create roles or databases', async () => {
    const [role] = await owner.query(
      'SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = $1',
      [APP_ROLE],
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false });
  });

  it('owns no relation, function or schema', async () => {
    const [owned] = await owner.query(
      `SELECT
         (SELECT count(*) FROM pg_class WHERE relowner = r.oid)::int AS relations,
         (SELECT count(*) FROM pg_proc WHERE proowner = r.oid)::int AS functions,
         (SELECT count(*) FROM pg_namespace WHERE nspowner = r.oid)::int AS schemas
       FROM pg_roles r WHERE r.rolname = $1`,
      [APP_ROLE],
    );
    expect(owned).toEqual({ relations: 0, functions: 0, schemas: 0 });
  });

  it('finds row-level security enabled and forced on every tenant table', async () => {
    // Tenant tables carry tenant_id (networks is the tenant itself). System tables without one
    // (mail_outbox, schema_migrations) are kept from the application role by privileges instead.
    const tables: Array<{ table: string; rls: boolean; forced: boolean }> = await owner.query(
      `SELECT c.relname AS table, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced
         FROM pg_class c WHERE c.oid = ANY($1::regclass[]) ORDER BY 1`,
      [await tenantTables(owner)],
    );
    expect(tables.map((t) => t.table)).toContain('networks');
    expect(tables.filter((t) => !t.rls || !t.forced)).toEqual([]);
  });

  it('reads no public table that lacks row-level security; the mail outbox is insert-only', async () => {
    const readable: Array<{ table: string }> = await owner.query(
      `SELECT c.relname AS table
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
          AND has_table_privilege($1, c.oid, 'SELECT')
          AND NOT (c.relrowsecurity AND c.relforcerowsecurity)
        ORDER BY 1`,
      [APP_ROLE],
    );
    expect(readable).toEqual([]);
    const [outbox] = await owner.query(
      `SELECT has_table_privilege($1, 'mail_outbox', 'INSERT') AS insert,
              has_table_privilege($1, 'mail_outbox', 'SELECT') AS select,
              has_table_privilege($1, 'mail_outbox', 'UPDATE') AS update,
              has_table_privilege($1, 'mail_outbox', 'DELETE') AS delete,
              has_table_privilege($1, 'mail_outbox', 'TRUNCATE') AS truncate`,
      [APP_ROLE],
    );
    expect(outbox).toEqual({ insert: true, select: false, update: false, delete: false, truncate: false });
    await expect(app.query('SELECT id FROM mail_outbox')).rejects.toThrow(/permission denied/);
  });

  it('uses the job queue schema (pgboss) without owning anything in it or being able to change it', async () => {
    const [jobs] = await owner.query(
      `SELECT (SELECT count(*) FROM pg_class c WHERE c.relnamespace = n.oid AND c.relowner = r.oid)::int AS relations,
              (SELECT count(*) FROM pg_proc p WHERE p.pronamespace = n.oid AND p.proowner = r.oid)::int AS functions,
              (n.nspowner = r.oid) AS owns_schema,
              has_schema_privilege(r.oid, n.oid, 'USAGE') AS usage,
              has_schema_privilege(r.oid, n.oid, 'CREATE') AS can_create
         FROM pg_namespace n, pg_roles r
        WHERE n.nspname = 'pgboss' AND r.rolname = $1`,
      [APP_ROLE],
    );
    expect(jobs).toEqual({ relations: 0, functions: 0, owns_schema: false, usage: true, can_create: false });
  });

  it('cannot read the migrations bookkeeping table', async () => {
    await expect(app.query('SELECT * FROM schema_migrations')).rejects.toThrow(/permission denied/);
  });
});

describe('the application role (behaviour)', () => {
  it('sees no tenant rows without a tenant context', async () => {
    expect(await app.query('SELECT id FROM networks')).toEqual([]);
  });

  it('sees only its own tenant inside a tenant transaction', async () => {
    const rows = await runInTenant(app, TENANT_A, (manager) => manager.query('SELECT slug FROM networks'));
    expect(rows).toEqual([{ slug: 'network-a' }]);
  });

  it('cannot write rows of another tenant', async () => {
    await expect(
      runInTenant(app, TENANT_A, (manager) =>
        manager.query(`UPDATE networks SET name = 'taken' WHERE id = $1 RETURNING id`, [TENANT_B]),
      ),
    ).resolves.toEqual([[], 0]);
    await expect(
      runInTenant(app, TENANT_A, (manager) =>
        manager.query(`INSERT INTO networks (id, slug, name) VALUES ($1, 'network-c', 'c')`, [
          '0c0c0c0c-0000-4000-8000-00000000000c',
        ]),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('cannot switch row-level security off or alter the schema', async () => {
    await expect(app.query('ALTER TABLE networks DISABLE ROW LEVEL SECURITY')).rejects.toThrow(/must be owner/);
    await expect(app.query('CREATE TABLE sneaky (id int)')).rejects.toThrow(/permission denied/);
  });

  it('gets an error, not the rows, when it turns row_security off', async () => {
    const client = new Client({ connectionString: database.appUrl });
    await client.connect();
    try {
      await client.query('SET row_security = off');
      await expect(client.query('SELECT id FROM networks')).rejects.toThrow(/row-level security/);
    } finally {
      await client.end();
    }
  });

  it('does not leak the tenant setting to the next transaction on the same connection', async () => {
    const client = new Client({ connectionString: database.appUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(`SELECT set_config('app.tenant_id', $1, true)`, [TENANT_A]);
      expect((await client.query('SELECT count(*)::int AS n FROM networks')).rows[0].n).toBe(1);
      await client.query('COMMIT');
      expect((await client.query('SELECT count(*)::int AS n FROM networks')).rows[0].n).toBe(0);
    } finally {
      await client.end();
    }
  });
});

describe('the tenant-owned table convention', () => {
  beforeAll(async () => {
    const runner = owner.createQueryRunner();
    try {
      await runner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE}`);
      await createTenantOwnedTable(runner, 'convention_parents', ['label text NOT NULL']);
      await createTenantOwnedTable(runner, 'convention_children', [
        'parent_id uuid NOT NULL',
        tenantForeignKey('parent_id', 'convention_parents', 'CASCADE'),
      ]);
    } finally {
      await runner.release();
    }
  });

  it('generates ids and timestamps in the database and isolates tenants', async () => {
    const [parent] = await runInTenant(app, TENANT_A, (manager) =>
      manager.query(
        `INSERT INTO convention_parents (tenant_id, label) VALUES ($1, 'a') RETURNING id, created_at, updated_at`,
        [TENANT_A],
      ),
    );
    expect(parent.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(parent.created_at).toBeInstanceOf(Date);
    expect(await runInTenant(app, TENANT_B, (m) => m.query('SELECT id FROM convention_parents'))).toEqual([]);
  });

  it('refuses a foreign key into another tenant, even with a known id', async () => {
    const [parentOfA] = await runInTenant(app, TENANT_A, (manager) =>
      manager.query(`INSERT INTO convention_parents (tenant_id, label) VALUES ($1, 'a2') RETURNING id`, [TENANT_A]),
    );
    await expect(
      runInTenant(app, TENANT_B, (manager) =>
        manager.query(`INSERT INTO convention_children (tenant_id, parent_id) VALUES ($1, $2)`, [TENANT_B, parentOfA.id]),
      ),
    ).rejects.toThrow(/foreign key/);
  });

  it('keeps updated_at current through the trigger', async () => {
    const updated = await runInTenant(app, TENANT_A, async (manager) => {
      const [row] = await manager.query(
        `INSERT INTO convention_parents (tenant_id, label, created_at, updated_at)
         VALUES ($1, 'old', now() - interval '1 day', now() - interval '1 day') RETURNING id`,
        [TENANT_A],
      );
      const [[after]] = await manager.query(
        `UPDATE convention_parents SET label = 'new' WHERE id = $1 RETURNING updated_at > created_at AS touched`,
        [row.id],
      );
      return after;
    });
    expect(updated).toEqual({ touched: true });
  });
});
