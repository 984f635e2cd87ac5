// The schema stays distributable by tenant_id (Citus, docs/scaling.md). Read from the migrated
// database's catalog: every table with a tenant_id column (a distributed table in the plan) leads
// its primary key with tenant_id, and every foreign key between two of them joins tenant_id to
// tenant_id first, so a row's references live on the row's own shard; their unique constraints
// and indexes include tenant_id, which Citus requires of a distributed table; foreign keys out of
// them reach only the tables that would become reference tables (networks itself, users); and no
// global table points into one (Citus has no foreign key from a reference or local table to a
// distributed one). Citus itself is not run here: these are the rules it enforces when a table is
// distributed, checked on plain PostgreSQL.
//
// A known exception is written below with its reason and what a move to Citus would need; the
// lists must match the schema exactly, so a new exception fails here and a fixed one must leave
// the list.
import { setupApiTest } from '../support/harness';
import { TENANT_ROOT_TABLE, tenantTables } from '../support/schema-catalog';

/**
 * Tables without tenant_id that tenant tables may point at: they would become Citus reference
 * tables (one copy on every node). networks is the tenant itself: one small row per network,
 * read on every request and unique by slug across networks, so a reference table rather than a
 * distributed one.
 */
const REFERENCE_TABLES = [TENANT_ROOT_TABLE, 'users'];

/**
 * Foreign keys from a tenant table into rows that may belong to another network, on purpose.
 * Citus accepts a foreign key between distributed tables only when it joins the distribution
 * columns, and these join `grant_tenant_id` / `course_tenant_id` to the target's tenant_id. A
 * move to Citus must drop these constraints and keep the rule another way (see docs/scaling.md,
 * "Shared grants and courses").
 */
const CROSS_NETWORK_FOREIGN_KEYS = [
  // A member bookmarks, applies for or is matched to a PUBLIC grant of any network.
  'grant_applications (grant_tenant_id, grant_id) → grants (tenant_id, id)',
  'grant_bookmarks (grant_tenant_id, grant_id) → grants (tenant_id, id)',
  'grant_saved_search_matches (grant_tenant_id, grant_id) → grants (tenant_id, id)',
  // A member takes a PUBLIC course of any network; their enrolment, marks and attempts point at it.
  'course_enrolments (course_tenant_id, course_id) → courses (tenant_id, id)',
  'material_completions (course_tenant_id, material_id) → course_materials (tenant_id, id)',
  'quiz_attempts (course_tenant_id, module_id) → course_modules (tenant_id, id)',
];

/**
 * Unique indexes on tenant tables that do not include tenant_id. Citus cannot enforce uniqueness
 * across shards, so each needs its own plan before distribution (docs/scaling.md).
 */
const GLOBALLY_UNIQUE_INDEXES = [
  // Certificates are verified by code alone, without signing in (and a code is redrawn on
  // conflict): Citus would need a lookup table keyed by code, distributed by code.
  'certificates (code)',
];

interface ForeignKey {
  readonly table: string;
  readonly columns: string[];
  readonly target: string;
  readonly targetColumns: string[];
}

const describeKey = (key: ForeignKey) =>
  `${key.table} (${key.columns.join(', ')}) → ${key.target} (${key.targetColumns.join(', ')})`;

// The database alone: no API.
const t = setupApiTest({ replicas: 0 });
/** Tables with a tenant_id column: distributed by it in the plan. */
let distributed: Set<string>;
let foreignKeys: ForeignKey[];

beforeAll(async () => {
  distributed = new Set((await tenantTables(t.sql)).filter((table) => table !== TENANT_ROOT_TABLE));
  foreignKeys = await t.sql.query(
    `SELECT src.relname AS table, dst.relname AS target,
            ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(attnum, n)
                    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.n) AS columns,
            ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(attnum, n)
                    JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.n) AS "targetColumns"
       FROM pg_constraint c
       JOIN pg_class src ON src.oid = c.conrelid
       JOIN pg_class dst ON dst.oid = c.confrelid
       JOIN pg_namespace n ON n.oid = src.relnamespace
      WHERE c.contype = 'f' AND n.nspname = 'public'
      ORDER BY 1, 3`,
  );
});

it('finds the tenant tables and their foreign keys', () => {
  // Guards the queries themselves: an empty catalog would pass every rule below.
  expect([...distributed]).toEqual(expect.arrayContaining(['organizations', 'persons', 'consents', 'referrals', 'audit_log']));
  expect(foreignKeys.length).toBeGreaterThan(50);
});

it('leads every tenant table’s primary key with tenant_id', async () => {
  const keys: Array<{ table: string; columns: string[] | null }> = await t.sql.query(
    `SELECT c.relname AS table,
            (SELECT ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(attnum, n)
                            JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum ORDER BY u.n)
               FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'p') AS columns
       FROM pg_class c WHERE c.oid = ANY($1::regclass[])
      ORDER BY 1`,
    [[...distributed]],
  );
  expect(keys).toHaveLength(distributed.size);
  expect(keys.filter((key) => key.columns?.[0] !== 'tenant_id')).toEqual([]);
});

it('keeps every foreign key of a tenant table on its own network: tenant_id first on both sides, or tenant_id → networks', () => {
  const crossing = foreignKeys
    .filter((key) => distributed.has(key.table))
    .filter((key) =>
      key.target === TENANT_ROOT_TABLE
        ? key.columns.join() !== 'tenant_id'
        : distributed.has(key.target) && (key.columns[0] !== 'tenant_id' || key.targetColumns[0] !== 'tenant_id'),
    )
    .map(describeKey);
  expect(crossing).toEqual([...CROSS_NETWORK_FOREIGN_KEYS].sort());
});

it('points from tenant tables at no global table but the reference tables', () => {
  const outward = foreignKeys.filter((key) => distributed.has(key.table) && !distributed.has(key.target));
  expect(outward.filter((key) => !REFERENCE_TABLES.includes(key.target)).map(describeKey)).toEqual([]);
  // The list of reference tables is what the schema uses, no more.
  expect([...new Set(outward.map((key) => key.target))].sort()).toEqual([...REFERENCE_TABLES].sort());
});

it('has no foreign key from a global table into a tenant table', () => {
  expect(foreignKeys.filter((key) => !distributed.has(key.table) && distributed.has(key.target)).map(describeKey)).toEqual([]);
});

it('includes tenant_id in every unique constraint, unique index and exclusion constraint of a tenant table', async () => {
  const indexes: Array<{ table: string; columns: string[]; includesTenant: boolean }> = await t.sql.query(
    `SELECT c.relname AS table,
            ARRAY(SELECT coalesce(a.attname::text, 'expression')
                    FROM unnest(x.indkey::int2[]) WITH ORDINALITY u(attnum, n)
                    LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = u.attnum
                   WHERE u.n <= x.indnkeyatts ORDER BY u.n) AS columns,
            EXISTS (SELECT 1 FROM unnest(x.indkey::int2[]) WITH ORDINALITY u(attnum, n)
                      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = u.attnum
                     WHERE u.n <= x.indnkeyatts AND a.attname = 'tenant_id') AS "includesTenant"
       FROM pg_index x JOIN pg_class c ON c.oid = x.indrelid
      WHERE c.oid = ANY($1::regclass[]) AND (x.indisunique OR x.indisexclusion)
      ORDER BY 1, 2`,
    [[...distributed]],
  );
  // At least every primary key is among them.
  expect(indexes.length).toBeGreaterThan(distributed.size);
  const withoutTenant = indexes.filter((index) => !index.includesTenant).map((index) => `${index.table} (${index.columns.join(', ')})`);
  expect(withoutTenant).toEqual([...GLOBALLY_UNIQUE_INDEXES].sort());
});

it('keeps a stored file’s key under its own network, so a key unique within a network is unique everywhere', async () => {
  const [network] = await t.sql.query(`INSERT INTO networks (slug, name) VALUES ('distribution', 'distribution') RETURNING id`);
  const [organization] = await t.sql.query(`INSERT INTO organizations (tenant_id, kind, name) VALUES ($1, 'NPO', 'NPO') RETURNING id`, [network.id]);
  const insertFile = (storageKey: string) =>
    t.sql.query(
      `INSERT INTO files (tenant_id, organization_id, file_name, media_type, byte_size, sha256, storage_driver, storage_key, purpose)
       VALUES ($1, $2, 'a.pdf', 'application/pdf', 1, $3, 'local', $4, 'TEST')`,
      [network.id, organization.id, 'a'.repeat(64), storageKey],
    );
  await expect(insertFile(`${network.id}/one`)).resolves.toBeDefined();
  await expect(insertFile(`${network.id}/one`)).rejects.toThrow(/files_tenant_id_storage_driver_storage_key_key/);
  await expect(insertFile(`0b0b0b0b-0000-4000-8000-00000000000b/two`)).rejects.toThrow(/files_storage_key_of_tenant/);
});

it('takes no tenant table’s values from a sequence (ids are gen_random_uuid(), needing no coordination between nodes)', async () => {
  const sequenced: Array<{ table: string; column: string }> = await t.sql.query(
    `SELECT c.relname AS table, a.attname AS column
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE c.oid = ANY($1::regclass[]) AND a.attnum > 0 AND NOT a.attisdropped
        AND (a.attidentity <> '' OR pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval(%')
      ORDER BY 1, 2`,
    [[...distributed]],
  );
  expect(sequenced).toEqual([]);
});
