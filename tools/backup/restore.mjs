// `npm run restore -- FILE`: puts an archive of `npm run backup` into an EMPTY database and an
// empty file storage directory. Everything that can refuse does so before anything is written:
// a damaged archive, a key ring that does not cover (or does not match) the keys the sealed
// values need, a schema version other than this checkout's, a database or storage that is not
// empty. Then the API's own migrations create the schema, and one transaction loads every table,
// checks each table reads back with the checksum the backup recorded, stages the files beside the
// storage, commits, and only then moves the files into place.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import * as tar from 'tar';
import {
  appliedMigrations,
  ARCHIVE_FORMAT,
  assertLocalStorage,
  BackupError,
  checkoutMigrationTimestamps,
  DATA_SCHEMA,
  describeSchema,
  dumpTable,
  keyCheckValue,
  MANIFEST,
  parseKeyRing,
  ROOT,
  runCli,
  say,
  SESSION_SETTINGS,
  sha256Of,
  storagePath,
  tableDigest,
  resolveTarget,
  undoOnInterrupt,
} from './common.mjs';

/** @typedef {import('./common.mjs').Manifest} Manifest */
/** @typedef {import('./common.mjs').ArchivedTable} ArchivedTable */
/** @typedef {import('./common.mjs').TableShape} TableShape */
/** @typedef {import('./common.mjs').Target} Target */
/** @typedef {import('pg').Client} PgClient */

const API_MAIN = path.join(ROOT, 'dist/apps/api/main.js');
const BATCH_ROWS = 500;

function archivePath() {
  const file = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
  if (!file) throw new BackupError('Name the archive to restore: npm run restore -- FILE.tar.gz');
  if (!existsSync(file)) throw new BackupError(`The archive ${file} does not exist: name the file npm run backup wrote.`);
  return path.resolve(file);
}

/** The only paths `npm run backup` writes: manifest.json, database/…, files/… (no `.`/`..` segment). @param {string} entryPath */
function isArchivePath(entryPath) {
  const segments = entryPath.replace(/\/$/, '').split('/');
  return (
    (entryPath === MANIFEST || segments[0] === 'database' || segments[0] === 'files') &&
    segments.every((segment) => segment !== '' && segment !== '.' && segment !== '..')
  );
}

/**
 * Unpacks the archive and checks every part against the manifest (a damaged archive stops here).
 * Only plain files and directories under the archive's own paths are unpacked: a link, a device
 * or any other path refuses the whole archive.
 * @param {string} archive @param {string} dir @returns {Promise<Manifest>}
 */
async function unpack(archive, dir) {
  /** @type {string[]} */
  const foreign = [];
  try {
    await tar.x({
      file: archive,
      cwd: dir,
      strict: true,
      filter: (entryPath, entry) => {
        const type = 'type' in entry ? entry.type : entry.isDirectory() ? 'Directory' : 'File';
        const allowed = (type === 'File' || type === 'Directory') && isArchivePath(entryPath);
        if (!allowed) foreign.push(`${type} ${JSON.stringify(entryPath.slice(0, 80))}`);
        return allowed;
      },
    });
  } catch (error) {
    throw new BackupError(`The archive ${archive} cannot be read (${error instanceof Error ? error.message : String(error)}): use an intact copy.`);
  }
  if (foreign.length) {
    throw new BackupError(
      `The archive ${archive} holds an entry npm run backup never writes (${foreign[0]}): only files and directories under ${MANIFEST}, database/ and files/ are accepted; use an intact archive of npm run backup. Nothing was restored.`,
    );
  }
  let manifest;
  try {
    manifest = JSON.parse(await readFile(path.join(dir, MANIFEST), 'utf8'));
  } catch {
    throw new BackupError(`The archive ${archive} has no readable ${MANIFEST}: it is not an archive of npm run backup.`);
  }
  if (manifest.format !== ARCHIVE_FORMAT) {
    throw new BackupError(`The archive's format is ${JSON.stringify(manifest.format)}, not ${ARCHIVE_FORMAT}: restore it with the version of Tsunagu that wrote it.`);
  }
  for (const table of manifest.tables) {
    if (table.file !== `database/${table.name}.jsonl` || !/^[a-z_][a-z0-9_]*$/.test(table.name)) {
      throw new BackupError(`The archive is damaged: its manifest names ${JSON.stringify(table.file)} as a table; use an intact copy.`);
    }
    if (sha256Of(await readFile(path.join(dir, table.file))) !== table.sha256) {
      throw new BackupError(`The archive is damaged: ${table.file} does not match its checksum; use an intact copy.`);
    }
  }
  for (const file of manifest.files) {
    const bytes = await readFile(storagePath(path.join(dir, 'files'), file.key)).catch(() => undefined);
    if (!bytes || sha256Of(bytes) !== file.sha256) throw new BackupError(`The archive is damaged: file ${file.key} is missing or does not match its checksum; use an intact copy.`);
  }
  return manifest;
}

/** The configured keys must cover every key id the sealed values use, and be the same keys. @param {Manifest} manifest @param {Target} target */
function checkKeys(manifest, target) {
  const ring = parseKeyRing(target.keysText, target.keysSource);
  for (const { keyId, check } of manifest.personalDataKeys) {
    const key = ring.get(keyId);
    if (!key) {
      throw new BackupError(
        `The archive's special-care data is sealed with personal data key "${keyId}", which is not configured: set ${target.keysSource} to include ${keyId}:<the key kept apart from the backup>. Nothing was restored.`,
      );
    }
    if (keyCheckValue(key) !== check) {
      throw new BackupError(
        `The personal data key "${keyId}" in ${target.keysSource} is not the key the archive's data was sealed with (its check value differs): set ${keyId} to the key kept apart from the backup. Nothing was restored.`,
      );
    }
  }
}

/** @param {Manifest} manifest */
function checkSchemaVersion(manifest) {
  const archived = manifest.migrations.map((migration) => migration.timestamp).sort();
  const here = checkoutMigrationTimestamps();
  if (archived.join() !== here.join()) {
    throw new BackupError(
      `The archive was made at schema version ${archived.at(-1)} (${archived.length} migrations) but this checkout is at ${here.at(-1)} (${here.length}): ` +
        `restore with a checkout of the version that made it (then upgrade as usual). Nothing was restored.`,
    );
  }
}

/** @param {PgClient} client @param {Target} target */
async function assertEmpty(client, target) {
  const { rows } = await client.query(
    `SELECT count(*)::int AS relations FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'`,
  );
  if (rows[0].relations > 0) {
    throw new BackupError(
      `The target ${target.describe} is not empty: restore only into an empty database (drop and create it first; locally, stop npm start and remove .data/postgres, keeping .data/credentials). Nothing was restored.`,
    );
  }
  const entries = existsSync(target.filesDir) ? await readdir(target.filesDir) : [];
  if (entries.length) {
    throw new BackupError(`The file storage directory ${target.filesDir} is not empty: restore into an empty FILE_STORAGE_DIR. Nothing was restored.`);
  }
}

/** @param {string} ownerUrl */
function migrate(ownerUrl) {
  if (!existsSync(API_MAIN)) throw new BackupError('The API build is missing: run npx nx build api (npm run restore does) and try again. Nothing was restored.');
  const result = spawnSync(process.execPath, [API_MAIN, 'migrate'], {
    env: { PATH: process.env.PATH, DATABASE_URL: ownerUrl, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new BackupError(`The migrations failed: ${result.stderr.trim().split('\n')[0]}`);
}

/**
 * After migrating: the schema must be the one the archive was read from, column for column.
 * @param {Manifest} manifest @param {Manifest['migrations']} migrations @param {{ tables: TableShape[] }} schema
 */
function assertSameSchema(manifest, migrations, schema) {
  const key = (/** @type {Manifest['migrations']} */ list) => JSON.stringify(list.map((migration) => [migration.timestamp, migration.name]));
  const columns = (/** @type {TableShape[]} */ tables) =>
    JSON.stringify(tables.map((table) => [table.name, table.columns.map((column) => [column.name, column.type])]));
  if (key(migrations) !== key(manifest.migrations) || columns(schema.tables) !== columns(manifest.tables)) {
    throw new BackupError('The migrated schema differs from the archive\'s (the API build is not this checkout\'s?): rebuild with npx nx build api, drop and create the database, and restore again.');
  }
}

/**
 * Loads one table's lines in batches: each value cast from its text form by the column's own type.
 * @param {PgClient} client @param {string} dir @param {ArchivedTable} table
 */
async function loadTable(client, dir, table) {
  const ident = (/** @type {string} */ name) => client.escapeIdentifier(name);
  const columns = table.columns.map((column) => ident(column.name)).join(', ');
  const values = table.columns.map((column, index) => `(r->>${index})::${column.type}`).join(', ');
  const insert = `INSERT INTO ${ident(DATA_SCHEMA)}.${ident(table.name)} (${columns}) OVERRIDING SYSTEM VALUE SELECT ${values} FROM json_array_elements($1::json) AS r`;
  /** @type {string[]} */
  let batch = [];
  const flush = async () => {
    if (batch.length) await client.query(insert, [`[${batch.join(',')}]`]);
    batch = [];
  };
  const lines = createInterface({ input: createReadStream(path.join(dir, table.file), 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    batch.push(line);
    if (batch.length >= BATCH_ROWS) await flush();
  }
  await flush();
}

/**
 * Copies the archive's files into `staging`, a directory of the storage's own filesystem (the
 * unpacked copy may sit on another), so that they can be renamed into place after COMMIT.
 * @param {Manifest} manifest @param {string} dir @param {string} staging
 */
async function stageFiles(manifest, dir, staging) {
  for (const file of manifest.files) {
    const staged = storagePath(staging, file.key);
    await mkdir(path.dirname(staged), { recursive: true, mode: 0o700 });
    await copyFile(storagePath(path.join(dir, 'files'), file.key), staged);
  }
}

/**
 * Moves the staged files to their storage paths: only after COMMIT, so a failed or rolled-back
 * restore leaves the storage as empty as it was (a retry is not refused), and a committed one
 * never loses its files to a late error.
 * @param {Manifest} manifest @param {string} staging @param {string} filesDir
 */
async function placeFiles(manifest, staging, filesDir) {
  for (const file of manifest.files) {
    const target = storagePath(filesDir, file.key);
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    await rename(storagePath(staging, file.key), target);
  }
}

/** @param {PgClient} client @param {Manifest} manifest @param {string} dir @param {Target} target @param {{ tables: TableShape[] }} schema */
async function load(client, manifest, dir, target, schema) {
  await mkdir(target.filesDir, { recursive: true, mode: 0o700 });
  // A dot name is never a storage key (STORAGE_KEY_PATTERN): the API cannot mistake it for one.
  const staging = await mkdtemp(path.join(target.filesDir, '.tsunagu-restore-'));
  const removeStaging = () => rm(staging, { recursive: true, force: true });
  const forget = undoOnInterrupt(removeStaging);
  await client.query('BEGIN');
  try {
    try {
      // Rows go in as they were: no trigger (updated_at, search columns) rewrites them, and
      // foreign keys are not re-checked row by row (the snapshot held them).
      await client.query(`SET LOCAL session_replication_role = replica`);
    } catch (error) {
      if (/** @type {{ code?: string }} */ (error)?.code === '42501') throw new BackupError('DATABASE_ADMIN_URL must be a superuser connection: restore loads rows with triggers off (session_replication_role). Nothing was restored beyond the schema.');
      throw error;
    }
    // Migrations may insert reference rows; the archive holds them as they were.
    const names = schema.tables.map((table) => `${client.escapeIdentifier(DATA_SCHEMA)}.${client.escapeIdentifier(table.name)}`);
    await client.query(`TRUNCATE ${names.join(', ')}`);
    // The SQL is built from the migrated schema's columns (assertSameSchema: equal to the manifest's).
    for (const [index, table] of manifest.tables.entries()) await loadTable(client, dir, { ...table, columns: schema.tables[index].columns });
    for (const sequence of manifest.sequences) {
      await client.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [`${DATA_SCHEMA}.${client.escapeIdentifier(sequence.name)}`, sequence.lastValue, sequence.isCalled]);
    }
    // Read every table back in the same way the backup read it: same rows, same checksum.
    for (const [index, table] of manifest.tables.entries()) {
      const digest = tableDigest();
      await dumpTable(client, schema.tables[index], (row) => digest.add(JSON.stringify(row) + '\n'));
      const { rows, sha256 } = digest.result();
      if (rows !== table.rows || sha256 !== table.sha256) {
        throw new BackupError(`Table ${table.name} reads back differently after loading (${rows} rows, archive ${table.rows}): the restore was rolled back.`);
      }
    }
    await stageFiles(manifest, dir, staging);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    await removeStaging();
    forget();
    if (error instanceof BackupError) throw error;
    throw new BackupError(`Loading failed and was rolled back (${error instanceof Error ? error.message : String(error)}): the database now holds the schema only; drop and create it, then restore again.`);
  }
  forget();
  try {
    await placeFiles(manifest, staging, target.filesDir);
  } catch (error) {
    throw new BackupError(
      `The database was restored but moving the files into ${target.filesDir} failed (${error instanceof Error ? error.message : String(error)}): the rest are in ${staging}; move them up into ${target.filesDir}, or empty it, drop and create the database and restore again.`,
    );
  }
  await removeStaging();
}

async function main() {
  const started = Date.now();
  const archive = archivePath();
  const target = await resolveTarget();
  const dir = await mkdtemp(path.join(tmpdir(), 'tsunagu-restore-'));
  undoOnInterrupt(() => rm(dir, { recursive: true, force: true }));
  try {
    assertLocalStorage(target, 'restores');
    say(`Checking ${archive}…`);
    const manifest = await unpack(archive, dir);
    checkKeys(manifest, target);
    checkSchemaVersion(manifest);
    await target.prepare();
    const client = new pg.Client({ connectionString: target.adminUrl, application_name: 'tsunagu-restore' });
    await client.connect();
    try {
      for (const setting of SESSION_SETTINGS) await client.query(setting);
      await assertEmpty(client, target);
      say(`Restoring into ${target.describe} and ${target.filesDir}…`);
      migrate(target.ownerUrl);
      const schema = await describeSchema(client);
      assertSameSchema(manifest, await appliedMigrations(client), schema);
      await load(client, manifest, dir, target, schema);
    } finally {
      await client.end();
    }
    const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    say(
      `Restored ${manifest.tables.length} tables (${rows} rows, every table read back with its archived checksum) and ${manifest.files.length} files ` +
        `from the snapshot of ${manifest.snapshotAt}, in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
    if (manifest.personalDataKeys.length) {
      say(`The API needs personal data key id(s) ${manifest.personalDataKeys.map((key) => key.keyId).join(', ')} in ${target.keysSource} (checked here) to read the special-care data.`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
    await target.stop();
  }
}

runCli(main);
