// Runs the real API for a test: in-process (fast, the default) or as the built binary in its
// own process (for start-up, signals and logs). Either way tests talk to it over HTTP.
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import { createApp } from '../../apps/api/src/bootstrap';
import { AppConfig, parseConfig } from '../../apps/api/src/core/config/config';
import { API_MAIN, ROOT } from './paths';
import type { TestDatabase } from './test-database';

export { freePort } from './ports';

/** The key of the integration tests' personal data (never used anywhere else). */
export const TEST_PERSONAL_DATA_KEY = Buffer.from(Array.from({ length: 32 }, (_, index) => index));

/** The environment of a test API; without a port, PORT is left to its default. */
export function apiEnvironment(database: Pick<TestDatabase, 'ownerUrl' | 'appUrl'>, port?: number): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'test',
    ...(port === undefined ? {} : { PORT: String(port) }),
    HOST: '127.0.0.1',
    DATABASE_URL: database.ownerUrl,
    DATABASE_APP_URL: database.appUrl,
    JWT_SECRET: 'integration-tests-only-secret-0123456789abcdef',
    // Fixed, so a test can seal or open values itself with TEST_PERSONAL_DATA_KEY.
    PERSONAL_DATA_KEYS: `test-1:${TEST_PERSONAL_DATA_KEY.toString('base64')}`,
    LOG_LEVEL: 'silent',
    WEB_DIST_DIR: `${ROOT}/tests/.tmp/no-web`,
    FILE_STORAGE_DIR: `${ROOT}/tests/.tmp/files`,
  };
}

export interface RunningApi {
  readonly url: string;
  readonly app: NestFastifyApplication;
  close(): Promise<void>;
}

export async function startApi(
  database: Pick<TestDatabase, 'ownerUrl' | 'appUrl'>,
  overrides: NodeJS.ProcessEnv = {},
): Promise<RunningApi> {
  const parsed = parseConfig({ ...apiEnvironment(database), ...overrides }, 'test');
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const config: AppConfig = parsed.config;
  const app = await createApp(config);
  // Port 0: the system picks a free port as it binds, so no other process can take it in between.
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.getHttpServer().address() as net.AddressInfo;
  return { url: `http://127.0.0.1:${port}`, app, close: () => app.close() };
}

export interface SpawnedApi {
  readonly url: string;
  readonly process: ChildProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Resolves with the exit code (or 128 + signal number style name). */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

/** Runs dist/apps/api/main.js with exactly the given environment (plus PATH). */
export function spawnApi(env: NodeJS.ProcessEnv, args: string[] = ['serve']): SpawnedApi {
  const child = spawn(process.execPath, [API_MAIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = once(child, 'exit').then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
  }));
  return {
    url: `http://127.0.0.1:${env.PORT}`,
    process: child,
    stdout: () => out,
    stderr: () => err,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Polls until `check` holds; for waiting on another process, never on our own code. */
export async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

export async function waitUntilReady(url: string, timeoutMs?: number): Promise<void> {
  await waitFor(async () => (await fetch(`${url}/readyz`)).status === 200, `${url}/readyz`, timeoutMs);
}
