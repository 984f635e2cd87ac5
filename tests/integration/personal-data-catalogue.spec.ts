// The personal-data catalogue (apps/api/src/core/personal-data/personal-data-catalogue.ts) against
// the schema the migrations really build: every column a person could type into is classified,
// and every catalogued column exists. A migration adding a column about a person fails here until
// the column is named, with the rule that guards it.
import { Client } from 'pg';
import { PERSONAL_DATA_CATALOGUE } from '../../apps/api/src/core/personal-data/personal-data-catalogue';
import { type SchemaColumn, unclassifiedColumns } from '../../apps/api/src/core/personal-data/personal-data-catalogue-checks';
import { setupApiTest } from '../support/harness';

const TEXT_LIKE = new Set(['text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'ARRAY', 'USER-DEFINED']);

// The migrated database alone: no API.
const t = setupApiTest({ replicas: 0 });
let columns: SchemaColumn[];

beforeAll(async () => {
  const client = new Client({ connectionString: t.database.ownerUrl });
  await client.connect();
  try {
    const result = await client.query<{ table_name: string; column_name: string; data_type: string }>(
      `SELECT c.table_name, c.column_name, c.data_type
         FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'`,
    );
    columns = result.rows.map((row) => ({ table: row.table_name, column: row.column_name, textLike: TEXT_LIKE.has(row.data_type) }));
  } finally {
    await client.end();
  }
});

describe('the personal-data catalogue against the migrated schema', () => {
  it('reads the real schema', () => {
    expect(columns.length).toBeGreaterThan(300);
    expect(columns).toContainEqual({ table: 'referrals', column: 'reason', textLike: true });
  });

  it('classifies every column of every table', () => {
    expect(unclassifiedColumns(columns)).toEqual([]);
  });

  it('names only columns that exist', () => {
    const existing = new Set(columns.map(({ table, column }) => `${table}.${column}`));
    const named = PERSONAL_DATA_CATALOGUE.flatMap((entry) => entry.columns);
    expect(named.filter((column) => !existing.has(column))).toEqual([]);
  });
});
