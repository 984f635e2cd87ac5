// `npm run backup [-- --output FILE]`: one archive (tar.gz) holding every table of the database,
// read in ONE repeatable-read snapshot, and the stored files those rows name, checked against
// the checksums the rows hold. No personal data key goes in: the manifest names the key ids the
// sealed values use, with a check value per key. docs/backup.md explains the format and rules.
import { chmod, copyFile, link, mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import pg from 'pg';
import * as tar from 'tar';
import {
  appliedMigrations,
  ARCHIVE_FORMAT,
  assertLocalStorage,
  BackupError,
  DATA_SCHEMA,
  describeSchema,
  dumpTable,
  keyCheckValue,
  MANIFEST,
  MIGRATIONS_TABLE,
  parseKeyRing,
  ROOT,
  runCli,
  say,
  SEALED_COLUMN_SUFFIX,
  sealedKeyId,
  SESSION_SETTINGS,
  sha256Of,
  storagePath,
  tableDigest,
  resolveTarget,
} from './common.mjs';

function outputPath() {
  const args = process.argv.slice(2);
  const index = args.indexOf('--output');
  if (index >= 0 && !args[index + 1]) throw new BackupError('--output needs a file name, e.g. --output backups/tsunagu.tar.gz');
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  return path.resolve(index >= 0 ? args[index + 1] : path.join(ROOT, '.data', 'backups', `tsunagu-${stamp}.tar.gz`));
}

/** Writes `line` to `stream`, waiting when its buffer is full. @param {import('node:fs').WriteStream} stream @param {string} line */
async function writeLine(stream, line) {
  if (!stream.write(line)) await once(stream, 'drain');
}

/** Reads every table in one snapshot into `dir`/database; returns what the manifest records. @param {import('pg').Client} client @param {string} dir */
async function dumpDatabase(client, dir) {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
  // Refuse rather than read a filtered view: without BYPASSRLS this errors on the first table.
  await client.query('SET LOCAL row_security = off');
  const { rows: present } = await client.query(`SELECT to_regclass($1) IS NOT NULL AS migrated`, [`${DATA_SCHEMA}.${MIGRATIONS_TABLE}`]);
  if (!present[0].migrated) throw new BackupError('The database has no migrated schema: there is nothing to back up (check DATABASE_URL).');
  // The first query fixed the snapshot; every table is read in it.
  const migrations = await appliedMigrations(client);
  const schema = await describeSchema(client);
  // As pg_dump does: no DDL (a migration) may change a table while it is being read.
  const names = schema.tables.map((table) => `${client.escapeIdentifier(DATA_SCHEMA)}.${client.escapeIdentifier(table.name)}`);
  await client.query(`LOCK TABLE ${names.join(', ')} IN ACCESS SHARE MODE`);

  const keyIds = new Set();
  /** @type {Array<{ driver: string, key: string, sha256: string, size: number }>} */
  const files = [];
  const tables = [];
  await mkdir(path.join(dir, 'database'));
  for (const table of schema.tables) {
    const file = `database/${table.name}.jsonl`;
    const stream = createWriteStream(path.join(dir, file));
    const digest = tableDigest();
    const sealed = table.columns.flatMap((column, index) => (column.name.endsWith(SEALED_COLUMN_SUFFIX) ? [index] : []));
    const column = (/** @type {string} */ name) => table.columns.findIndex((candidate) => candidate.name === name);
    const fileColumns = table.name === 'files' ? ['storage_driver', 'storage_key', 'sha256', 'byte_size'].map(column) : undefined;
    try {
      await dumpTable(client, table, async (row) => {
        for (const index of sealed) {
          if (row[index] !== null) keyIds.add(sealedKeyId(row[index]) ?? '(malformed)');
        }
        if (fileColumns) {
          const [driver, key, sha256, size] = fileColumns.map((index) => String(row[index]));
          files.push({ driver, key, sha256, size: Number(size) });
        }
        const line = JSON.stringify(row) + '\n';
        digest.add(line);
        await writeLine(stream, line);
      });
    } catch (error) {
      const failure = /** @type {{ code?: string, message?: string }} */ (error);
      if (failure?.code === '42501' && /row-level security/.test(failure.message ?? '')) {
        throw new BackupError(
          'The backup connection is bound by row-level security: set DATABASE_ADMIN_URL to a superuser (or BYPASSRLS) connection so that every network is read.',
        );
      }
      throw error;
    } finally {
      stream.end();
      await once(stream, 'close');
    }
    tables.push({ ...table, file, ...digest.result() });
  }
  const sequences = [];
  for (const name of schema.sequences) {
    const { rows } = await client.query(
      `SELECT last_value::text AS last_value, is_called FROM ${client.escapeIdentifier(DATA_SCHEMA)}.${client.escapeIdentifier(name)}`,
    );
    sequences.push({ name, lastValue: rows[0].last_value, isCalled: rows[0].is_called });
  }
  const { rows: server } = await client.query(`SELECT current_setting('server_version') AS version, now()::text AS snapshot_at`);
  await client.query('COMMIT');
  return { migrations, tables, sequences, keyIds: [...keyIds].sort(), files, server: server[0] };
}

/**
 * Copies the files the snapshot's rows name into `dir`/files. Stored files never change under a
 * key (a new upload gets a new key), so a file that still matches its row's SHA-256 is the one
 * the snapshot saw; one deleted or changed since makes the backup fail instead of going stale.
 * @param {Array<{ driver: string, key: string, sha256: string, size: number }>} files @param {string} filesDir @param {string} dir
 */
async function copyFiles(files, filesDir, dir) {
  let bytes = 0;
  for (const file of files) {
    if (file.driver !== 'local') {
      throw new BackupError(`The database names a file kept in ${file.driver} storage (${file.key}): this tool copies only local storage; see docs/backup.md for S3.`);
    }
    const source = storagePath(filesDir, file.key);
    const target = storagePath(path.join(dir, 'files'), file.key);
    await mkdir(path.dirname(target), { recursive: true });
    try {
      // A hard link costs nothing and keeps the bytes even if the original is replaced meanwhile.
      await link(source, target).catch(async (error) => {
        if (error.code === 'ENOENT') throw error;
        await copyFile(source, target);
      });
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') {
        throw new BackupError(`The stored file ${file.key} that the database names is missing from ${filesDir}: check FILE_STORAGE_DIR (or the file was deleted during the backup: run it again).`);
      }
      throw error;
    }
    const content = await readFile(target);
    if (content.length !== file.size || sha256Of(content) !== file.sha256) {
      throw new BackupError(`The stored file ${file.key} does not match the checksum its database row holds: check FILE_STORAGE_DIR (or run the backup again).`);
    }
    bytes += content.length;
  }
  return bytes;
}

async function main() {
  const started = Date.now();
  const output = outputPath();
  const target = await resolveTarget();
  let staging;
  try {
    assertLocalStorage(target, 'backs up');
    const ring = parseKeyRing(target.keysText, target.keysSource);
    say(`Backing up ${target.describe} and the files in ${target.filesDir}…`);
    await mkdir(path.dirname(output), { recursive: true });
    // An unpredictable directory of our own (mode 700, created exclusively) beside the output:
    // nothing another user put in a shared directory (a file, a symlink) can receive the archive,
    // and the final rename stays on one filesystem.
    staging = await mkdtemp(path.join(path.dirname(output), '.tsunagu-backup-'));

    const client = new pg.Client({ connectionString: target.adminUrl, application_name: 'tsunagu-backup' });
    await client.connect();
    let dump;
    try {
      for (const setting of SESSION_SETTINGS) await client.query(setting);
      dump = await dumpDatabase(client, staging);
    } finally {
      await client.end();
    }
    const fileBytes = await copyFiles(dump.files, target.filesDir, staging);

    const missing = dump.keyIds.filter((keyId) => !ring.has(keyId));
    if (missing.length) {
      throw new BackupError(
        `The data holds values sealed with key id(s) ${missing.join(', ')}, which ${target.keysSource} does not hold: set ${target.keysSource} to include them (the API cannot read those values either).`,
      );
    }
    /** @type {import('./common.mjs').Manifest} */
    const manifest = {
      format: ARCHIVE_FORMAT,
      createdAt: new Date().toISOString(),
      snapshotAt: dump.server.snapshot_at,
      serverVersion: dump.server.version,
      schema: DATA_SCHEMA,
      migrations: dump.migrations,
      tables: dump.tables,
      sequences: dump.sequences,
      files: dump.files.map(({ key, sha256, size }) => ({ key, sha256, size })),
      personalDataKeys: dump.keyIds.map((keyId) => ({ keyId, check: keyCheckValue(/** @type {Buffer} */ (ring.get(keyId))) })),
    };
    await writeFile(path.join(staging, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');

    // Personal data (sealed or not) is inside: readable by the owner only, like .data/credentials.
    const packed = path.join(staging, 'archive.tar.gz');
    await tar.c({ gzip: true, portable: true, cwd: staging, file: packed, mode: 0o600 }, [MANIFEST, 'database', ...(dump.files.length ? ['files'] : [])]);
    await chmod(packed, 0o600);
    await rename(packed, output);
    const size = (await stat(output)).size;
    const rows = dump.tables.reduce((sum, table) => sum + table.rows, 0);
    say(
      `Wrote ${output}: ${dump.tables.length} tables, ${rows} rows, ${dump.files.length} files (${fileBytes} bytes), ` +
        `${size} bytes compressed, in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
    say(
      dump.keyIds.length
        ? `This archive needs personal data key id(s) ${dump.keyIds.join(', ')} to be read; it does not contain them: keep those keys separately.`
        : 'No sealed personal data in this archive: it needs no personal data key.',
    );
  } finally {
    if (staging) await rm(staging, { recursive: true, force: true });
    await target.stop();
  }
}

runCli(main);
