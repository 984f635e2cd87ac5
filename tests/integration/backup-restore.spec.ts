// The backup drill (docs/backup.md), with the real CLIs in processes of their own: the demo data
// and a network with people holding special-care values, files uploaded through the API and the
// audit rows all that wrote; back up; wipe (drop and create the database, empty the storage);
// restore into the empty database; then every table reads back identical (PostgreSQL's own
// checksum of each table's rows), the special-care values open to the same plain text through
// the API, and the files are byte-identical. A wrong or missing key refuses before anything is
// written, as does a database that is not empty.
import { existsSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as tar from 'tar';
import { LocalFileStorage } from '../../apps/api/src/core/files/local-file-storage';
import { dropDatabase, prepareDatabase, withDatabase } from '../../tools/lib/database-roles.cjs';
import type { SignedInClient } from '../support/accounts';
import { RunningApi, startApi, TEST_PERSONAL_DATA_KEY } from '../support/api';
import { backupEnvironment, filesUnder, relationCount, runBackupTool, tableChecksums } from '../support/backup';
import { seedDemo } from '../support/demo';
import { mintClient, setupApiTest } from '../support/harness';
import { personSharingNetwork } from '../support/networks';
import { testCredentials } from '../support/paths';
import { fullPersonInput, personSharingHealthWith, PersonResult, readPerson } from '../support/people';
import { sampleFiles } from '../support/sample-files';

const KEYS = `test-1:${TEST_PERSONAL_DATA_KEY.toString('base64')}`;
const OTHER_KEY = Buffer.alloc(32, 9).toString('base64');

const t = setupApiTest({
  // The test starts and stops its own API: the database under it is dropped halfway.
  replicas: 0,
  storage: true,
  timeoutMs: 120_000,
  networks: { drill: personSharingNetwork('backup-drill', { editor: ['hub', ['GRANT_EDITOR']] }) },
  beforeStart: (database, { storageDir }) => seedDemo(database, { storage: new LocalFileStorage(storageDir as string) }),
});

let workDir: string;
beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'tsunagu-backup-drill-'));
});
afterAll(() => rm(workDir, { recursive: true, force: true }));

async function upload(api: RunningApi, client: SignedInClient, fileName: string, bytes: Buffer): Promise<string> {
  const form = new FormData();
  form.append('purpose', 'GRANT_ATTACHMENT');
  form.append('file', new Blob([new Uint8Array(bytes)]), fileName);
  const response = await fetch(`${api.url}/api/files`, { method: 'POST', body: form, headers: { authorization: `Bearer ${client.token}` } });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function download(api: RunningApi, client: SignedInClient, id: string): Promise<Buffer> {
  const response = await fetch(`${api.url}/api/files/${id}`, { headers: { authorization: `Bearer ${client.token}` } });
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

const specialCare = (person: PersonResult) => ({ health: person.health.values, disability: person.disability.values, legal: person.legal.values });

/** Drops the database and creates it again, empty (roles kept), and empties the file storage. */
async function wipe(): Promise<void> {
  await dropDatabase(t.database.superuserUrl, t.database.name);
  await prepareDatabase(t.database.superuserUrl, { database: t.database.name, ...testCredentials() });
  await rm(t.storageDir, { recursive: true, force: true });
}

describe('backup and restore drill', () => {
  it('restores the database and the files identically into an empty database, and only with the right keys', async () => {
    const { drill } = t.networks;
    const env = backupEnvironment(t.database, t.storageDir, KEYS);

    // Seed through the API: people with special-care values (and their consents, the hub's
    // read of them: access log, provision records), uploaded files, the audit rows of it all.
    const api = await startApi(t.database, { FILE_STORAGE_DIR: t.storageDir });
    const coordinator = await mintClient(api, drill.members.coordinator);
    const hub = await mintClient(api, drill.members.hub);
    const editor = await mintClient(api, drill.members.editor);
    const people = [
      await personSharingHealthWith(coordinator, drill.organizations.hub, 'Backup1'),
      await personSharingHealthWith(coordinator, drill.organizations.hub, 'Backup2'),
    ];
    const ownView = await Promise.all(people.map((person) => readPerson(coordinator, person.id)));
    expect(ownView[0].health.values).toMatchObject(fullPersonInput('Backup1').health);
    const hubView = await readPerson(hub, people[0].id, 'REFERRAL');
    expect(hubView.health.access).toBe('DISCLOSED');
    const uploads = { pdf: sampleFiles.pdf(), png: sampleFiles.png() };
    const fileIds = { pdf: await upload(api, editor, '募集要項.pdf', uploads.pdf), png: await upload(api, editor, 'chirashi.png', uploads.png) };
    await api.close();

    const before = await tableChecksums(t.database);
    expect(before.audit_log.rows).toBeGreaterThan(0);
    expect(before.person_access_log.rows).toBeGreaterThan(0);
    expect(before.persons.rows).toBeGreaterThan(people.length);
    const filesBefore = await filesUnder(t.storageDir);
    // The demo course's handout and the two uploads.
    expect(Object.keys(filesBefore)).toHaveLength(3);

    const archive = path.join(workDir, 'drill.tar.gz');
    // Another user's symlink at a name the tool could predict receives nothing, and is not the archive.
    const decoy = path.join(workDir, 'decoy');
    await writeFile(decoy, 'decoy');
    await symlink(decoy, `${archive}.partial`);
    const backup = await runBackupTool('backup', ['--output', archive], env);
    expect(backup).toMatchObject({ code: 0, stderr: '' });
    expect(await readFile(decoy, 'utf8')).toBe('decoy');
    expect((await lstat(archive)).isFile()).toBe(true);
    expect(((await lstat(archive)).mode & 0o777).toString(8)).toBe('600');
    expect(backup.stdout).toContain('This archive needs personal data key id(s) test-1 to be read; it does not contain them: keep those keys separately.');
    // Sealed values are in it; the key that opens them is not, in any form.
    const unpacked = gunzipSync(await readFile(archive));
    expect(unpacked.includes(TEST_PERSONAL_DATA_KEY)).toBe(false);
    expect(unpacked.includes(TEST_PERSONAL_DATA_KEY.toString('base64'))).toBe(false);
    expect(unpacked.includes(TEST_PERSONAL_DATA_KEY.toString('base64url'))).toBe(false);

    await wipe();
    expect(await relationCount(t.database)).toBe(0);

    // A key ring without the archive's key, then one with a different key under its id: refused
    // with one line naming what to set, and nothing written.
    const missing = await runBackupTool('restore', [archive], { ...env, PERSONAL_DATA_KEYS: `other-1:${OTHER_KEY}` });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^\[tsunagu\] The archive's special-care data is sealed with personal data key "test-1", which is not configured: set PERSONAL_DATA_KEYS to include test-1:.*Nothing was restored\.\n$/);
    const wrong = await runBackupTool('restore', [archive], { ...env, PERSONAL_DATA_KEYS: `test-1:${OTHER_KEY}` });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/^\[tsunagu\] The personal data key "test-1" in PERSONAL_DATA_KEYS is not the key the archive's data was sealed with .*Nothing was restored\.\n$/);
    expect(await relationCount(t.database)).toBe(0);
    expect(await filesUnder(t.storageDir).catch(() => ({}))).toEqual({});

    const restore = await runBackupTool('restore', [archive], env);
    expect(restore).toMatchObject({ code: 0, stderr: '' });
    expect(await tableChecksums(t.database)).toEqual(before);
    expect(await filesUnder(t.storageDir)).toEqual(filesBefore);

    // Into a database that is no longer empty: refused.
    const again = await runBackupTool('restore', [archive], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/is not empty: restore only into an empty database .*Nothing was restored\.\n$/);

    // The restored system serves the same data: special-care values open with the same key to
    // the same plain text, and the files download byte for byte.
    const restored = await startApi(t.database, { FILE_STORAGE_DIR: t.storageDir });
    try {
      const coordinatorAfter = await mintClient(restored, drill.members.coordinator);
      const editorAfter = await mintClient(restored, drill.members.editor);
      const ownViewAfter = await Promise.all(people.map((person) => readPerson(coordinatorAfter, person.id)));
      expect(ownViewAfter.map(specialCare)).toEqual(ownView.map(specialCare));
      expect(ownViewAfter).toEqual(ownView);
      expect(await download(restored, editorAfter, fileIds.pdf)).toEqual(uploads.pdf);
      expect(await download(restored, editorAfter, fileIds.png)).toEqual(uploads.png);
    } finally {
      await restored.close();
    }
  }, 240_000);

  it('refuses clearly a connection bound by row-level security, and S3 storage', async () => {
    const output = path.join(workDir, 'refused.tar.gz');
    const env = backupEnvironment(t.database, t.storageDir, KEYS);
    const asOwner = await runBackupTool('backup', ['--output', output], { ...env, DATABASE_ADMIN_URL: t.database.ownerUrl });
    expect(asOwner.code).toBe(1);
    expect(asOwner.stderr).toBe(
      '[tsunagu] The backup connection is bound by row-level security: set DATABASE_ADMIN_URL to a superuser (or BYPASSRLS) connection so that every network is read.\n',
    );
    const s3 = await runBackupTool('backup', ['--output', output], { ...env, FILE_STORAGE: 's3' });
    expect(s3.code).toBe(1);
    expect(s3.stderr).toMatch(/^\[tsunagu\] FILE_STORAGE is s3: this tool backs up only local file storage; .*docs\/backup\.md.*\n$/);
    expect(existsSync(output) || existsSync(`${output}.partial`)).toBe(false);
  }, 60_000);

  it('refuses two URLs that reach different databases, and an archive with a link or a foreign path', async () => {
    const env = backupEnvironment(t.database, t.storageDir, KEYS);
    const output = path.join(workDir, 'elsewhere.tar.gz');
    const elsewhere = await runBackupTool('backup', ['--output', output], { ...env, DATABASE_URL: withDatabase(t.database.ownerUrl, 'postgres') });
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr).toBe(
      '[tsunagu] DATABASE_URL and DATABASE_ADMIN_URL do not reach the same database on the same server: point both at one database of one server (DATABASE_ADMIN_URL as a superuser). Nothing was written.\n',
    );
    expect(existsSync(output)).toBe(false);

    // Archives no backup writes: a symlink among the files, a path outside the three the format has.
    const crafted = path.join(workDir, 'crafted');
    await mkdir(path.join(crafted, 'files'), { recursive: true });
    await writeFile(path.join(crafted, 'manifest.json'), '{}');
    await writeFile(path.join(crafted, 'extra.txt'), 'x');
    await symlink('/etc/hostname', path.join(crafted, 'files', 'link'));
    const cases: Array<[string[], RegExp]> = [
      [['manifest.json', 'files'], /\(SymbolicLink "files\/link"\)/],
      [['manifest.json', 'extra.txt'], /\(File "extra\.txt"\)/],
    ];
    for (const [entries, named] of cases) {
      const archive = path.join(workDir, 'crafted.tar.gz');
      await tar.c({ gzip: true, cwd: crafted, file: archive }, entries);
      const refused = await runBackupTool('restore', [archive], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/^\[tsunagu\] The archive .* holds an entry npm run backup never writes .*: only files and directories under manifest\.json, database\/ and files\/ are accepted; .*Nothing was restored\.\n$/);
      expect(refused.stderr).toMatch(named);
    }
  }, 60_000);
});
