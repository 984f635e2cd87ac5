// The deployment tests' Docker side: the production image built by tools/deploy/docker-image.mjs
// (the same command a user without an image registry runs), containers on the host's network,
// and a PostgreSQL superuser to make their databases with.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { withClient } from '../../tools/lib/database-roles.cjs';
import { ROOT } from './paths';
export { freePort } from './ports';

const execFileAsync = promisify(execFile);

/** Runs the docker CLI and returns its stdout (trimmed); a failure carries docker's stderr. */
export async function docker(...args: string[]): Promise<string> {
  try {
    const { stdout } = await execFileAsync('docker', args, { maxBuffer: 64 * 1024 * 1024 });
    return stdout.trim();
  } catch (error) {
    const failed = error as { stderr?: string; code?: number };
    throw new Error(`docker ${args.join(' ')} failed (${failed.code}): ${failed.stderr?.trim() ?? String(error)}`);
  }
}

export interface BuiltImage {
  readonly image: string;
  readonly nodeImage: string;
  readonly sizeBytes: number;
  readonly sizeMB: number;
  readonly engineMs: number;
  readonly baseMs: number;
  readonly buildMs: number;
}

/**
 * Builds docker/Dockerfile as a user would (tools/deploy/docker-image.mjs: engine, local base
 * images, build). Its progress goes to this process's stderr, so a CI log shows the build.
 */
export function buildProductionImage(tag: string): Promise<BuiltImage> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'tools/deploy/docker-image.mjs'), '--json', '--tag', tag], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`tools/deploy/docker-image.mjs exited with ${code}`));
      resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '') as BuiltImage);
    });
  });
}


export interface SuperuserPostgres {
  readonly url: string;
  /** Where it came from, for the test log. */
  readonly source: string;
  stop(): Promise<void>;
}

const MACHINE_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * A PostgreSQL superuser: DATABASE_URL when set, else the machine's server on 127.0.0.1:5432
 * when one answers there as `postgres`, else an embedded server (tools/embedded-postgres.mjs)
 * started for this test and removed after it. Containers on the host network reach all three.
 */
export async function superuserPostgres(): Promise<SuperuserPostgres> {
  const none = async () => undefined;
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, source: 'DATABASE_URL', stop: none };
  const machine = await withClient(MACHINE_POSTGRES, (client) => client.query('SELECT 1')).then(
    () => true,
    () => false,
  );
  if (machine) return { url: MACHINE_POSTGRES, source: 'the machine’s PostgreSQL on 127.0.0.1:5432', stop: none };
  return startEmbeddedPostgres();
}

async function startEmbeddedPostgres(): Promise<SuperuserPostgres> {
  // Under the system temp directory: as root, PostgreSQL runs as `postgres`, which must reach it.
  const dir = mkdtempSync(path.join(tmpdir(), 'tsunagu-deploy-pg-'));
  const child = spawn(process.execPath, [path.join(ROOT, 'tools/embedded-postgres.mjs'), '--data-dir', path.join(dir, 'pg')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const firstLine = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited with ${code}`)));
    createInterface({ input: child.stdout }).once('line', resolve);
  });
  const { superuserUrl } = JSON.parse(firstLine) as { superuserUrl: string };
  return {
    url: superuserUrl,
    source: 'an embedded PostgreSQL (nothing answered on 127.0.0.1:5432)',
    stop: async () => {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Thrown by a waitFor check when waiting longer cannot help (e.g. the container has stopped). */
export class GiveUp extends Error {}

/**
 * Polls `check` until it returns a value, or fails with `describe()` after `timeoutMs`, or at
 * once when the check throws GiveUp. Other errors (connection refused…) mean "not yet".
 */
export async function waitFor<T>(
  check: () => Promise<T | undefined>,
  { timeoutMs, what, describe }: { timeoutMs: number; what: string; describe?: () => Promise<string> },
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  const failure = async (reason: string) => new Error(`${what}: ${reason}${describe ? `\n${await describe()}` : ''}`);
  for (;;) {
    const value = await check().catch((error: unknown) => {
      if (error instanceof GiveUp) return error;
      return undefined;
    });
    if (value instanceof GiveUp) throw await failure(value.message);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw await failure(`not within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
