// What the schema holds, read from pg_catalog: the one definition of a tenant table that the
// schema tests (row-level security, distribution by tenant_id) share.
import type { DataSource } from 'typeorm';

/**
 * The tenant itself: a network row is its tenant, so the table is isolated by `id` and would be
 * distributed on `id` (its rows' tenant_id, so to speak).
 */
export const TENANT_ROOT_TABLE = 'networks';

/**
 * Tenant tables: every public table with a tenant_id column, and the networks table itself.
 * Tables without one (users, sessions, the mail outbox, …) are global.
 */
export async function tenantTables(sql: DataSource): Promise<string[]> {
  const rows: Array<{ table: string }> = await sql.query(
    `SELECT c.relname AS table
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
        AND (c.relname = $1
             OR EXISTS (SELECT 1 FROM pg_attribute a
                         WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped))
      ORDER BY 1`,
    [TENANT_ROOT_TABLE],
  );
  return rows.map((row) => row.table);
}
