// The backup and restore CLIs (tools/backup) run as an operator runs them, in a process of their
// own, and what a test compares before and after: every table's rows, checksummed by PostgreSQL
// itself, and the files of a storage directory.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { withClient, withDatabase } from '../../tools/lib/database-roles.cjs';
import { ROOT } from './paths';
import type { TestDatabase } from './test-database';

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment the CLIs read for an external server: the owner, a superuser, the storage and the keys. */
export function backupEnvironment(database: Pick<TestDatabase, 'ownerUrl' | 'superuserUrl' | 'name'>, storageDir: string, personalDataKeys: string): NodeJS.ProcessEnv {
  return {
    DATABASE_URL: database.ownerUrl,
    DATABASE_ADMIN_URL: withDatabase(database.superuserUrl, database.name),
    FILE_STORAGE_DIR: storageDir,
    PERSONAL_DATA_KEYS: personalDataKeys,
  };
}

/** Runs `node tools/backup/<tool>.mjs args` with exactly `env` (plus PATH) and waits for it. */
export async function runBackupTool(tool: 'backup' | 'restore', args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  const child = spawn(process.execPath, [path.join(ROOT, 'tools/backup', `${tool}.mjs`), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

/**
 * Every table of the public schema with its row count and an MD5 of all its rows' text forms in
 * order (generated columns included), read below row-level security by a superuser.
 */
export async function tableChecksums(database: Pick<TestDatabase, 'superuserUrl' | 'name'>): Promise<Record<string, { rows: number; md5: string }>> {
  return withClient(withDatabase(database.superuserUrl, database.name), async (client) => {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
    );
    const result: Record<string, { rows: number; md5: string }> = {};
    for (const { name } of tables) {
      const table = client.escapeIdentifier(name);
      const { rows } = await client.query<{ rows: number; md5: string }>(
        `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5 FROM ${table} t`,
      );
      result[name] = rows[0];
    }
    return result;
  });
}

/** How many tables, sequences, views… the database holds outside the system schemas (0: empty). */
export async function relationCount(database: Pick<TestDatabase, 'superuserUrl' | 'name'>): Promise<number> {
  return withClient(withDatabase(database.superuserUrl, database.name), async (client) => {
    const { rows } = await client.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'`,
    );
    return rows[0].count;
  });
}

/** Every regular file under `dir` by its path relative to `dir`, with its bytes. */
export async function filesUnder(dir: string): Promise<Record<string, Buffer>> {
  const result: Record<string, Buffer> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    result[path.relative(dir, full)] = await readFile(full);
  }
  return result;
}
