// The README's first promise, kept the way a newcomer meets it: a fresh clone in a private
// directory (mode 700, as under /root or from `mktemp -d`), then `npm install && npm start`.
// As root, PostgreSQL runs as the `postgres` user, which cannot reach anything in that directory,
// its own binaries included; the launcher must still bring the product up with demo data, print
// where it runs among readable lines, and stop everything cleanly on Ctrl-C.
//
// The clone is of this checkout's committed HEAD (on CI: main). npm's cache is warm on a machine
// that has installed the project, so the install reads it first (--prefer-offline), as a second
// clone on a developer's machine would.
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_ACCOUNTS, signInDemo } from '../support/demo';
import { freePort, waitFor } from '../support/api';
import { ROOT } from '../support/paths';

const runsAsRoot = process.getuid?.() === 0;
const privateDir = mkdtempSync(path.join(tmpdir(), 'tsunagu-newcomer-'));
const checkout = path.join(privateDir, 'tsunagu');
let launcher: ChildProcess | undefined;
let output = '';
const timings: Record<string, number> = {};
/** Where, as root, a private checkout's PostgreSQL cluster and programs go (tools/embedded-postgres.mjs). */
const ROOT_STATE_DIR = '/var/lib/tsunagu';
const rootStateEntries = (): string[] => (existsSync(ROOT_STATE_DIR) ? readdirSync(ROOT_STATE_DIR) : []);
const rootStateBefore = new Set(rootStateEntries());

/** The environment of a newcomer's shell: nothing of this project's configuration. */
function newcomerEnvironment(port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const name of ['PATH', 'HOME', 'LANG', 'TERM', 'npm_config_cache', 'TMPDIR']) {
    if (process.env[name] !== undefined) env[name] = process.env[name];
  }
  return {
    ...env,
    CI: 'true',
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
    NX_TUI: 'false',
    // A newcomer's machine has no build cache; a cache left by this machine's own builds must not
    // make the first start look faster than it is.
    NX_SKIP_NX_CACHE: 'true',
    // Free ports, so that the test runs beside a developer's own `npm start`.
    PORT: String(port),
    EMBEDDED_POSTGRES_PORT: '0',
    MAIL_CATCHER_SMTP_PORT: '0',
    MAIL_CATCHER_HTTP_PORT: '0',
  };
}

function timed<T>(name: string, work: () => T): T {
  const started = Date.now();
  try {
    return work();
  } finally {
    timings[name] = Math.round((Date.now() - started) / 1000);
  }
}

afterAll(async () => {
  if (launcher && launcher.exitCode === null && launcher.signalCode === null) {
    try {
      process.kill(-launcher.pid!, 'SIGINT');
    } catch {
      // the group has already gone
    }
    await Promise.race([once(launcher, 'exit'), new Promise((resolve) => setTimeout(resolve, 30_000).unref())]);
  }
  // What this clone left in the root state directory (its cluster and its copy of the binaries).
  for (const entry of rootStateEntries()) {
    if (!rootStateBefore.has(entry)) rmSync(path.join(ROOT_STATE_DIR, entry), { recursive: true, force: true });
  }
  rmSync(privateDir, { recursive: true, force: true });
  process.stdout.write(`newcomer path timings (s): ${JSON.stringify(timings)}\n`);
});

it('a fresh clone in a private directory: npm install && npm start serves the demo, readably, and stops cleanly', async () => {
  expect(statSync(privateDir).mode & 0o777).toBe(0o700);

  timed('clone', () => execFileSync('git', ['clone', '--quiet', ROOT, checkout], { stdio: 'inherit' }));
  const port = await freePort();
  const env = newcomerEnvironment(port);
  timed('npm install', () =>
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: checkout, env, stdio: ['ignore', 'ignore', 'inherit'] }),
  );

  const started = Date.now();
  // A process group of its own, so that Ctrl-C can be sent as a terminal sends it: to npm, the
  // launcher, the API and PostgreSQL at once.
  launcher = spawn('npm', ['start'], { cwd: checkout, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  launcher.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  launcher.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const url = `http://localhost:${port}`;
  await waitFor(
    async () => {
      if (launcher!.exitCode !== null) throw new Error(`npm start exited with ${launcher!.exitCode}:\n${output}`);
      return output.includes(`Tsunagu is running at ${url}`);
    },
    'npm start to say where Tsunagu runs',
    15 * 60_000,
  ).catch((error: Error) => {
    throw new Error(`${error.message}\n--- npm start said ---\n${output}`);
  });
  timings['npm start to running'] = Math.round((Date.now() - started) / 1000);

  // Ready, with the demo network loaded: a demo account signs in and sees its network.
  expect((await fetch(`${url}/readyz`)).status).toBe(200);
  const admin = await signInDemo(url, 'admin');
  const me = await admin.request<{ me: { email: string } }>('query { me { email } }');
  expect(me.body.data?.me.email).toBe(DEMO_ACCOUNTS.admin);
  // The web app is served on the same origin.
  expect(await (await fetch(url)).text()).toContain('<div id="root">');

  // As root, the cluster and the programs live where the `postgres` user can reach them and no
  // other user can change them.
  if (runsAsRoot) {
    expect(output).toMatch(/data in \/var\/lib\/tsunagu\/postgres-[0-9a-f]+,/);
    expect(rootStateEntries().some((entry) => entry.startsWith('postgres-bin-') && !rootStateBefore.has(entry))).toBe(true);
  }

  // Readable: no raw JSON log lines, no Nest module chatter; the demo hint is shown.
  const lines = output.split('\n');
  expect(lines.filter((line) => line.trimStart().startsWith('{'))).toEqual([]);
  expect(output).not.toContain('dependencies initialized');
  expect(output).toContain('admin@chuo.example.jp');

  // Ctrl-C: the API drains and exits, then PostgreSQL stops, and the launcher says so. npm itself
  // ends by the signal, as it does at a terminal; the launcher's own last line tells the outcome.
  // The output ends when every process that held it has exited.
  const clusterDir = /data in (\S+?),/.exec(output)?.[1];
  const outputClosed = Promise.all([once(launcher.stdout!, 'close'), once(launcher.stderr!, 'close')]);
  const shutdownStarted = output.length;
  process.kill(-launcher.pid!, 'SIGINT');
  await Promise.race([
    outputClosed,
    new Promise((_, reject) => setTimeout(() => reject(new Error(`still running 60 s after Ctrl-C:\n${output}`)), 60_000).unref()),
  ]);
  const shutdown = output.slice(shutdownStarted);
  expect(shutdown).toContain('SIGINT received');
  expect(shutdown.trimEnd().split('\n').at(-1)).toBe('[tsunagu] Stopped.');
  expect(shutdown).not.toMatch(/ERROR|WARN/);
  if (clusterDir) {
    const absolute = path.isAbsolute(clusterDir) ? clusterDir : path.join(checkout, clusterDir);
    expect(existsSync(path.join(absolute, 'postmaster.pid'))).toBe(false);
  }
});
