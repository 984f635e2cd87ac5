// @ts-check
// The bench's fixed settings, its command line and its console output.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** This bench's entry point: the baseline server is the same file run with --baseline-server. */
export const mainScript = path.join(root, 'tools/bench/main.mjs');
export const embeddedPostgresScript = path.join(root, 'tools/embedded-postgres.mjs');
export const tempDir = path.join(root, 'tests/.tmp', `bench-${process.pid}`);

/** The API's default DATABASE_POOL_MAX; both targets get this many connections. */
export const POOL_MAX = 10;
/** The bar: the API must serve at least this share of the raw-SQL baseline's requests/s. */
export const BAR_PERCENT = 60;
export const DATABASE = 'tsunagu_bench';
export const HOST = '127.0.0.1';
export const SCENARIO_HEADER = 'x-bench-scenario';

/** A failure the bench explains itself (printed without a stack). */
export class BenchError extends Error {}

/**
 * @typedef {object} Settings
 * @property {number} duration   measured seconds per target
 * @property {number} warmup     seconds of warm-up, discarded
 * @property {number[]} connectionsList  each scenario is measured at each count in turn
 * @property {string[]} only     scenario names (empty: all)
 * @property {string} apiMain
 * @property {string} out
 * @property {boolean} enforceBar
 * @property {boolean} explain
 * @property {Record<string, string>} apiEnv  more environment for the API (e.g. METRICS_PORT, to measure its cost)
 */

export const USAGE =
  'usage: node tools/bench/main.mjs [--duration S] [--warmup S] [--connections N[,N]] [--only NAME[,NAME]]\n' +
  '                                 [--api-main PATH] [--api-env NAME=VALUE]... [--out FILE] [--enforce-bar] [--explain]\n';

/**
 * The command line; `--help` prints the usage and the scenarios' names and exits.
 * @param {string[]} scenarioNames
 * @returns {Settings}
 */
export function parseOptions(scenarioNames) {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      connections: { type: 'string', default: '10' },
      only: { type: 'string', multiple: true },
      'api-main': { type: 'string', default: path.join(root, 'dist/apps/api/main.js') },
      'api-env': { type: 'string', multiple: true },
      out: { type: 'string', default: path.join(root, 'tests/.tmp/bench-result.json') },
      'enforce-bar': { type: 'boolean', default: false },
      explain: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}scenarios: ${scenarioNames.join(', ')}\n`);
    process.exit(0);
  }
  /** @param {'duration' | 'warmup'} name @param {number} min @param {number} max */
  const number = (name, min, max) => {
    const value = Number(values[name]);
    if (!Number.isFinite(value) || value < min || value > max) {
      throw new BenchError(`--${name} must be a number from ${min} to ${max} (got "${values[name]}")`);
    }
    return Math.round(value);
  };
  const only = (values.only ?? []).flatMap((item) => item.split(',')).map((item) => item.trim()).filter(Boolean);
  const unknown = only.filter((name) => !scenarioNames.includes(name));
  if (unknown.length) throw new BenchError(`unknown scenario(s): ${unknown.join(', ')}; known: ${scenarioNames.join(', ')}`);
  const apiEnv = Object.fromEntries(
    (values['api-env'] ?? []).map((entry) => {
      const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(entry);
      if (!match) throw new BenchError(`--api-env takes NAME=VALUE (got "${entry}")`);
      return [match[1], match[2]];
    }),
  );
  const apiMain = path.resolve(values['api-main']);
  if (!existsSync(apiMain)) throw new BenchError(`no API build at ${apiMain}; run \`npx nx build api\` first (npm run bench does).`);
  return {
    duration: number('duration', 1, 600),
    warmup: number('warmup', 0, 60),
    connectionsList: values.connections.split(',').map((item) => {
      const value = Number(item);
      if (!Number.isInteger(value) || value < 1 || value > 1000) throw new BenchError(`--connections takes numbers from 1 to 1000 (got "${values.connections}")`);
      return value;
    }),
    only,
    apiMain,
    out: path.resolve(values.out),
    enforceBar: values['enforce-bar'],
    explain: values.explain,
    apiEnv,
  };
}

/** @param {string} file */
export function displayPath(file) {
  const relative = path.relative(root, file);
  return relative && !relative.startsWith('..') ? relative : file;
}

/** @param {string} message */
export function say(message) {
  process.stdout.write(`[bench] ${message}\n`);
}

/** @param {number} value @param {number} digits */
export function round(value, digits) {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
