// Starts (or connects to) PostgreSQL once for the whole run and migrates a template database
// that every test file copies. The server's superuser URL reaches the workers through
// TEST_SUPERUSER_URL.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { dropDatabase, prepareDatabase } from '../../tools/lib/database-roles.cjs';
import { API_MAIN, ROOT, TEMPLATE_DATABASE, testCredentials } from './paths';

declare global {
  // eslint-disable-next-line no-var
  var __TSUNAGU_EMBEDDED_PG__: import('node:child_process').ChildProcess | undefined;
}

export default async function globalSetup(): Promise<void> {
  if (!existsSync(API_MAIN)) {
    throw new Error('The API build is missing: run `npx nx build api` (npm test does it for you).');
  }
  let superuserUrl = process.env.DATABASE_URL;
  if (!superuserUrl) {
    // Under the system temp directory: as root, PostgreSQL runs as `postgres`, which must be
    // able to reach it wherever the checkout lives.
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'tsunagu-test-')), 'pg');
    process.env.TEST_EMBEDDED_PG_DIR = path.dirname(dataDir);
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
  const { ownerUrl, appUrl } = await prepareDatabase(superuserUrl, { database: TEMPLATE_DATABASE, ...testCredentials() });
  // Migrate with the built API's own command, exactly as a deployment would.
  execFileSync(process.execPath, [API_MAIN, 'migrate'], {
    env: { PATH: process.env.PATH, DATABASE_URL: ownerUrl, DATABASE_APP_URL: appUrl, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
