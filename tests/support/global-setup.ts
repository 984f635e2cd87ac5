// Starts (or connects to) PostgreSQL once for the whole run and migrates a template database
// that every test file copies. The server's superuser URL reaches the workers through
// TEST_SUPERUSER_URL.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { dropDatabase, prepareDatabase } from '../../tools/lib/database-roles.cjs';
import { runPendingMigrations } from '../../apps/api/src/core/database/migrator';
import { ROOT, TEMPLATE_DATABASE, testCredentials } from './paths';

declare global {
  // eslint-disable-next-line no-var
  var __TSUNAGU_EMBEDDED_PG__: import('node:child_process').ChildProcess | undefined;
}

export default async function globalSetup(): Promise<void> {
  if (!existsSync(path.join(ROOT, 'dist/apps/api/main.js'))) {
    throw new Error('The API build is missing: run `npx nx build api` (npm test does it for you).');
  }
  let superuserUrl = process.env.DATABASE_URL;
  if (!superuserUrl) {
    const dataDir = path.join(ROOT, 'tests/.tmp', `pg-${process.pid}`);
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(path.dirname(dataDir), { recursive: true });
    const child = spawn(process.execPath, [path.join(ROOT, 'tools/embedded-postgres.mjs'), '--data-dir', dataDir], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    globalThis.__TSUNAGU_EMBEDDED_PG__ = child;
    const firstLine = await new Promise<string>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited with ${code}`)));
      createInterface({ input: child.stdout! }).once('line', resolve);
    });
    superuserUrl = (JSON.parse(firstLine) as { superuserUrl: string }).superuserUrl;
  }
  process.env.TEST_SUPERUSER_URL = superuserUrl;

  await dropDatabase(superuserUrl, TEMPLATE_DATABASE);
  const { ownerUrl } = await prepareDatabase(superuserUrl, { database: TEMPLATE_DATABASE, ...testCredentials() });
  await runPendingMigrations(ownerUrl);
}
