// @ts-check
// The bench's child processes (PostgreSQL, the API, the raw-SQL baseline): started in their own
// process group, watched, and stopped in order (servers first, PostgreSQL last).
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { BenchError, HOST, root, tempDir } from './settings.mjs';

/**
 * @typedef {object} Child
 * @property {string} name
 * @property {import('node:child_process').ChildProcessWithoutNullStreams} child
 * @property {string} output   the last 6,000 characters it printed
 * @property {boolean} exited
 * @property {number | null} code
 * @property {NodeJS.Signals | null} signal
 * @property {Promise<void>} exit
 */

/** @type {Child[]} */
export const children = [];
let stopping = false;
/** @type {(error: Error) => void} */
let rejectOnChildDeath = () => undefined;
/** Rejects when a child exits while the bench still needs it. @type {Promise<never>} */
const childDeath = new Promise((_, reject) => {
  rejectOnChildDeath = reject;
});
childDeath.catch(() => undefined);

/**
 * @param {string} name
 * @param {string[]} args  node's arguments
 * @param {{ env: NodeJS.ProcessEnv, stdin?: 'pipe' | 'ignore' }} options
 * @returns {Child}
 */
export function spawnChild(name, args, { env, stdin = 'pipe' }) {
  const child = /** @type {import('node:child_process').ChildProcessWithoutNullStreams} */ (
    spawn(process.execPath, args, {
      cwd: root,
      env,
      // Own process group: a Ctrl-C in the terminal reaches this process only, which then stops
      // the children in order.
      detached: true,
      stdio: [stdin, 'pipe', 'pipe'],
    })
  );
  /** @param {string} chunk */
  const keep = (chunk) => {
    record.output = (record.output + chunk).slice(-6_000);
  };
  /** @type {Child} */
  const record = {
    name,
    child,
    output: '',
    exited: false,
    code: null,
    signal: null,
    exit: new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        Object.assign(record, { exited: true, code, signal });
        resolve();
      });
      child.on('error', (error) => {
        keep(`\n${error.message}`);
        Object.assign(record, { exited: true, code: -1 });
        resolve();
      });
    }),
  };
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  child.stdin?.on('error', () => undefined);
  record.exit.then(() => {
    if (!stopping) {
      const how = record.signal ? `signal ${record.signal}` : `code ${record.code}`;
      rejectOnChildDeath(new BenchError(`${name} exited unexpectedly (${how}).${tail(record.output)}`));
    }
  });
  children.push(record);
  return record;
}

/** @param {string} output */
export function tail(output) {
  const text = output.trim();
  return text ? `\n--- last output ---\n${text.split('\n').slice(-25).join('\n')}` : '';
}

/**
 * Resolves with the first stdout line of a child, parsed as JSON.
 * @param {Child} record @param {number} timeoutMs @param {string} what
 * @returns {Promise<any>}
 */
export function firstJsonLine(record, timeoutMs, what) {
  const line = new Promise((resolve, reject) => {
    let buffered = '';
    /** @param {string} chunk */
    const onData = (chunk) => {
      buffered += chunk;
      const newline = buffered.indexOf('\n');
      if (newline < 0) return;
      record.child.stdout.off('data', onData);
      try {
        resolve(JSON.parse(buffered.slice(0, newline)));
      } catch {
        reject(new BenchError(`${record.name} printed something unexpected while ${what}.${tail(record.output)}`));
      }
    };
    record.child.stdout.on('data', onData);
  });
  return guard(line, timeoutMs, () => `${record.name} did not finish ${what} within ${timeoutMs / 1000} s.${tail(record.output)}`);
}

/**
 * Races a promise against a child's death and a time limit.
 * @template T
 * @param {Promise<T>} promise @param {number} timeoutMs @param {() => string} timeoutMessage
 * @returns {Promise<T>}
 */
export function guard(promise, timeoutMs, timeoutMessage) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  /** @type {Promise<never>} */
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new BenchError(timeoutMessage())), timeoutMs);
  });
  return Promise.race([promise, childDeath, timeout]).finally(() => clearTimeout(timer));
}

/** @param {Child} record @param {number} timeoutMs */
async function stopChild(record, timeoutMs) {
  if (record.exited) return;
  record.child.kill('SIGTERM');
  const timedOut = await Promise.race([
    record.exit.then(() => false),
    new Promise((resolve) => setTimeout(() => resolve(true), timeoutMs).unref()),
  ]);
  if (timedOut && !record.exited) {
    process.stderr.write(`[bench] ${record.name} did not stop within ${timeoutMs / 1000} s; killing it\n`);
    record.child.kill('SIGKILL');
    await record.exit;
  }
}

/** A free port for the API, which takes its port from the environment. @returns {Promise<number>} */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, HOST, () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/** @param {string} url */
export async function waitUntilReady(url) {
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Stops every child (servers first, PostgreSQL last) and removes the bench's files. */
export async function cleanUp() {
  stopping = true;
  const postgres = children.find((record) => record.name === 'PostgreSQL');
  await Promise.all(children.filter((record) => record !== postgres).map((record) => stopChild(record, 15_000)));
  if (postgres) {
    await stopChild(postgres, 20_000);
    stopOrphanedPostmaster();
  }
  rmSync(tempDir, { recursive: true, force: true });
  rmSync(`${tempDir}.superuser-password`, { force: true });
}

/** Kills every child at once: a second signal while cleaning up. */
export function killAll() {
  for (const record of children) if (!record.exited) record.child.kill('SIGKILL');
  stopOrphanedPostmaster();
}

/** If the PostgreSQL helper had to be killed, its postmaster may still run: stop it too. */
function stopOrphanedPostmaster() {
  try {
    const pid = Number(readFileSync(path.join(tempDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    if (pid > 0) process.kill(pid, 'SIGQUIT');
  } catch {
    // no pid file or no such process: nothing is left
  }
}
