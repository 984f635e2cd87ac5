// `npm start`: builds what is missing, provides PostgreSQL when none is configured (embedded,
// data kept in .data/ across restarts), then runs the API, which migrates, seeds the demo
// network and serves the web app. Ctrl-C or SIGTERM stops everything cleanly.
// `npm run db:migrate` / `db:revert` use the same database set-up with another API command, and
// so does `node tools/start.mjs reseal` (re-encrypt personal data after a key rotation).
//
// `npm run dev` runs the API and the Vite dev server with hot reload against the same database.
//
// Without SMTP_URL, serve and dev also start a local mail catcher (tools/mail-catcher.mjs): mail
// the API sends is shown at http://localhost:1080 and never leaves the machine.
//
//   node tools/start.mjs [serve|migrate|revert|reseal|dev] [--no-build]
//   EMBEDDED_POSTGRES_PORT=0 picks a free port for the embedded server (tests do).
//   MAIL_CATCHER_SMTP_PORT / MAIL_CATCHER_HTTP_PORT (1025 / 1080; 0 = a free port).
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMailCatcher } from './mail-catcher.mjs';
import roles from './lib/database-roles.cjs';
import { terminalLogStream } from './lib/terminal-log.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const command = ['migrate', 'revert', 'reseal', 'dev'].find((name) => args.has(name)) ?? 'serve';
const dataDir = path.resolve(root, process.env.TSUNAGU_DATA_DIR || '.data');
const apiMain = path.join(root, 'dist/apps/api/main.js');
const webIndex = path.join(root, 'dist/apps/web/index.html');

let mail = { env: {}, stop: async () => undefined, viewerUrl: undefined };
const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;

function say(message) {
  process.stdout.write(`[tsunagu] ${message}\n`);
}

/**
 * The API's output as the terminal shows it: readable lines without the start-up chatter, or the
 * raw JSON lines with LOG_FORMAT=json (what production log collectors read).
 */
function showOutput(child) {
  for (const [from, to] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) {
    if (process.env.LOG_FORMAT === 'json') from.pipe(to);
    else from.pipe(terminalLogStream({ color: color && to.isTTY })).pipe(to);
  }
}

/** The few lines a newcomer needs once the product answers: where it runs, how to sign in. */
function announceRunning(url) {
  const bold = (text) => (color ? `\x1b[1m\x1b[32m${text}\x1b[0m` : text);
  const rule = '─'.repeat(72);
  const lines = [rule, bold(`Tsunagu is running at ${url}`) + '   (Ctrl-C to stop)'];
  if ((process.env.SEED_DEMO_DATA ?? 'true') !== 'false') {
    lines.push('Sign in with a demo account, e.g. admin@chuo.example.jp, password tsunagu-demo-2026');
    lines.push('(every demo account is listed in README.md under "Demo accounts")');
  }
  if (mail.viewerUrl) lines.push(`Mail the product sends is caught here: ${mail.viewerUrl}`);
  lines.push(rule);
  process.stdout.write(lines.map((line) => `[tsunagu] ${line}\n`).join(''));
}

function build() {
  say('Building the API and the web app (cached after the first time)…');
  const result = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--output-style=stream'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NX_TUI: 'false', NX_NO_CLOUD: 'true' },
  });
  if (result.status !== 0) {
    say('The build failed; see the messages above.');
    process.exit(result.status ?? 1);
  }
}

function postgresEnvironment() {
  const kept = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TMPDIR', 'TZ'];
  return Object.fromEntries(kept.filter((name) => process.env[name] !== undefined).map((name) => [name, process.env[name]]));
}

/**
 * The embedded PostgreSQL in a process group of its own (tools/embedded-postgres.mjs as a child):
 * Ctrl-C in a terminal signals the whole foreground group, and PostgreSQL would otherwise shut
 * down at once, under an API still finishing its requests and jobs. It is stopped last, by us;
 * if this launcher dies, the child sees its stdin close and stops the server itself.
 */
async function startDetachedPostgres(clusterDataDir, port) {
  const child = spawn(
    process.execPath,
    [path.join(root, 'tools/embedded-postgres.mjs'), '--data-dir', clusterDataDir, ...(port ? ['--port', String(port)] : [])],
    // Only what the server needs: the postgres user can read its own processes' environment, and
    // the caller's may hold secrets (SMTP_URL, JWT_SECRET…).
    { detached: true, stdio: ['pipe', 'pipe', 'inherit'], env: postgresEnvironment() },
  );
  const exited = once(child, 'exit');
  let ready = false;
  const firstLine = await Promise.race([
    once(createInterface({ input: child.stdout }), 'line').then(([line]) => line),
    exited.then(([code]) => {
      if (ready) return new Promise(() => undefined); // a later exit is stop()'s business
      throw new Error(`the embedded PostgreSQL did not start (exit code ${code}); its messages are above`);
    }),
  ]);
  ready = true;
  const started = JSON.parse(firstLine);
  return {
    ...started,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function databaseEnvironment() {
  if (process.env.DATABASE_URL) {
    say('Using the PostgreSQL server from DATABASE_URL.');
    return { env: {}, stop: async () => undefined };
  }
  const requestedPort = process.env.EMBEDDED_POSTGRES_PORT ? Number(process.env.EMBEDDED_POSTGRES_PORT) : 54329;
  const server = await startDetachedPostgres(path.join(dataDir, 'postgres'), requestedPort === 0 ? undefined : requestedPort);
  const shownDir = server.clusterDir.startsWith(root + path.sep) ? path.relative(root, server.clusterDir) : server.clusterDir;
  say(`No DATABASE_URL: started the embedded PostgreSQL (data in ${shownDir}, port ${server.port}).`);
  const { ownerUrl, appUrl } = await roles.prepareDatabase(server.superuserUrl, {
    database: 'tsunagu',
    ...roles.localCredentials(path.join(dataDir, 'credentials')),
  });
  return { env: { DATABASE_URL: ownerUrl, DATABASE_APP_URL: appUrl }, stop: () => server.stop() };
}

/** A signing secret for access tokens, generated once per data directory for local use. */
function localJwtSecret() {
  if (process.env.JWT_SECRET) return {};
  return { JWT_SECRET: roles.readOrCreateSecret(path.join(dataDir, 'credentials', 'jwt-secret'), 48) };
}

/**
 * The key that encrypts special-care personal data, generated once per data directory for local
 * use (`local-<yyyymmdd>:<32 random bytes, base64>`). Losing it loses that data: it lives beside
 * the local database, in .data/credentials/.
 */
function localPersonalDataKeys() {
  if (process.env.PERSONAL_DATA_KEYS) return {};
  const file = path.join(dataDir, 'credentials', 'personal-data-keys');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    const day = new Date().toISOString().slice(0, 10).replaceAll('-', '');
    try {
      // 'wx': never overwrite a key that another start wrote meanwhile.
      writeFileSync(file, `local-${day}:${randomBytes(32).toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
      say(`Generated a local key for personal data: ${path.relative(root, file) || file}`);
    } catch (error) {
      if (error?.code !== 'EEXIST') throw error;
    }
  }
  return { PERSONAL_DATA_KEYS: readFileSync(file, 'utf8').trim() };
}

/** SMTP for the API: the configured SMTP_URL, or a local mail catcher when there is none. */
async function mailEnvironment() {
  if (process.env.SMTP_URL || (command !== 'serve' && command !== 'dev')) return { env: {}, stop: async () => undefined };
  const port = (name, fallback) => (process.env[name] ? Number(process.env[name]) : fallback);
  let catcher;
  try {
    catcher = await startMailCatcher({
      smtpPort: port('MAIL_CATCHER_SMTP_PORT', 1025),
      httpPort: port('MAIL_CATCHER_HTTP_PORT', 1080),
      say,
    });
  } catch (error) {
    say(`Could not start the local mail catcher (${error instanceof Error ? error.message : error}); mail stays in the outbox.`);
    return { env: {}, stop: async () => undefined };
  }
  say(`Mail is caught locally: ${catcher.viewerUrl}`);
  return { env: { SMTP_URL: catcher.smtpUrl }, stop: () => catcher.stop(), viewerUrl: catcher.viewerUrl };
}

/**
 * The API's environment for `npm start` and `npm run dev`: demo data, files and credentials in
 * the data directory; the caller's environment wins over the defaults, not over the database,
 * mail, secrets and port chosen here.
 */
function apiEnvironment(nodeEnv, database, port) {
  return {
    NODE_ENV: nodeEnv,
    SEED_DEMO_DATA: 'true',
    // Uploaded files beside the database, in the git-ignored data directory.
    FILE_STORAGE_DIR: path.join(dataDir, 'files'),
    ...process.env,
    ...database.env,
    ...mail.env,
    ...localJwtSecret(),
    ...localPersonalDataKeys(),
    PORT: port,
  };
}

function runApi(database, port) {
  return spawn(process.execPath, [apiMain, command], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...apiEnvironment('production', database, port), WEB_DIST_DIR: path.join(root, 'dist/apps/web') },
  });
}

/** API (rebuilt and restarted on change) on PORT, Vite dev server on 4200 proxying to it. */
function runDevServers(database, port) {
  say('Development mode: open http://localhost:4200 (Vite, hot reload); the API restarts on change.');
  return spawn('npx', ['nx', 'run-many', '-t', 'serve', '-p', 'api', 'web', '--output-style=stream'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { NX_TUI: 'false', NX_NO_CLOUD: 'true', ...apiEnvironment('development', database, port), TSUNAGU_API_URL: `http://localhost:${port}` },
  });
}

async function main() {
  const needsWeb = command === 'serve';
  const skipBuild = args.has('--no-build') || command === 'dev';
  if (!skipBuild || !existsSync(apiMain) || (needsWeb && !existsSync(webIndex))) build();
  const database = await databaseEnvironment();
  mail = await mailEnvironment();
  const port = process.env.PORT || '3000';
  const api = command === 'dev' ? runDevServers(database, port) : runApi(database, port);
  showOutput(api);

  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    api.kill(signal);
  };
  // A closed terminal (SIGHUP) stops everything in the same order as Ctrl-C.
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGHUP', () => stop('SIGTERM'));

  // Say where to go once the API answers, so the URL is the last thing a newcomer reads.
  const url = `http://localhost:${port}`;
  const announce = setInterval(async () => {
    if (command !== 'serve') return;
    try {
      const response = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (response.ok) {
        clearInterval(announce);
        announceRunning(url);
      }
    } catch {
      // not listening yet
    }
  }, 300);

  const code = await new Promise((resolve) => api.on('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0))));
  clearInterval(announce);
  await mail.stop();
  await database.stop();
  say(code === 0 ? 'Stopped.' : `Stopped: the API exited with code ${code} (see its messages above).`);
  process.exit(code);
}

main().catch((error) => {
  say(`Could not start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
