// @ts-check
// Driving a target with autocannon, checking its answers, and the report of the figures.
import autocannon from 'autocannon';
import os from 'node:os';
import { guard } from './processes.mjs';
import { BAR_PERCENT, BenchError, HOST, round, SCENARIO_HEADER } from './settings.mjs';

/** @typedef {import('./scenarios/scenario.mjs').Scenario} Scenario */

/**
 * @typedef {object} TargetResult
 * @property {string} target
 * @property {string} url
 * @property {number} requestsPerSecond
 * @property {number} requests
 * @property {number} durationSeconds
 * @property {{ p50: number, p95: number, p99: number, max: number, mean: number, samples: number }} latencyMs
 * @property {object} autocannonLatencyMs
 * @property {number} non2xx
 * @property {unknown} statusCodes
 * @property {number} errors
 * @property {number} timeouts
 */

/** @param {string} url @param {Scenario} scenario */
function requestOptions(url, scenario) {
  return {
    url,
    method: /** @type {const} */ ('POST'),
    headers: { 'content-type': 'application/json', [SCENARIO_HEADER]: scenario.name, ...scenario.headers },
    body: JSON.stringify(scenario.graphql),
  };
}

/**
 * One request, checked in full: 2xx, JSON, no "errors", and the scenario's own check.
 * @param {string} url @param {Scenario} scenario @param {string} targetName
 * @returns {Promise<any>} the answer
 */
export async function probe(url, scenario, targetName) {
  const options = requestOptions(url, scenario);
  const response = await fetch(url, { method: 'POST', headers: options.headers, body: options.body });
  const text = await response.text();
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!response.ok || !body || body.errors || !scenario.check(body)) {
    throw new BenchError(`${targetName} gave a wrong answer to scenario "${scenario.name}": HTTP ${response.status} ${text.slice(0, 500)}`);
  }
  return body;
}

/**
 * The structure of a JSON value (keys and types, not values), to compare two answers.
 * @param {unknown} value @returns {unknown}
 */
export function shapeOf(value) {
  if (Array.isArray(value)) return value.length ? [shapeOf(value[0])] : [];
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, shapeOf(/** @type {Record<string, unknown>} */ (value)[key])]),
    );
  }
  return value === null ? 'null' : typeof value;
}

/**
 * Nearest-rank percentile of an ascending-sorted array.
 * @param {Float64Array} sorted @param {number} p
 */
function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** @type {autocannon.Instance | undefined} */
let currentRun;

/** Stops a measured run in progress (on a signal). */
export function stopMeasuring() {
  currentRun?.stop();
}

/**
 * @param {autocannon.Options & { duration: number }} options
 * @param {((client: unknown, statusCode: number, resBytes: number, responseTime: number) => void)} [onResponse]
 * @returns {Promise<autocannon.Result>}
 */
function runAutocannon(options, onResponse) {
  // The instance is also a promise of the result (autocannon's typings say one or the other).
  const instance = /** @type {autocannon.Instance & PromiseLike<autocannon.Result>} */ (/** @type {unknown} */ (autocannon(options)));
  currentRun = instance;
  if (onResponse) instance.on('response', onResponse);
  return guard(
    Promise.resolve(instance),
    (options.duration + 30) * 1000,
    () => `autocannon did not finish within ${options.duration + 30} s`,
  ).finally(() => {
    currentRun = undefined;
  });
}

/**
 * One target under load: a warm-up, then the measured run with every request's latency.
 * @param {string} url @param {Scenario} scenario @param {string} targetName
 * @param {{ warmup: number, duration: number, connections: number }} settings
 * @returns {Promise<TargetResult>}
 */
export async function measure(url, scenario, targetName, settings) {
  await probe(url, scenario, targetName);
  const base = { ...requestOptions(url, scenario), connections: settings.connections };

  // Warm-up: JIT, pools, caches. Its figures are discarded.
  if (settings.warmup > 0) await runAutocannon({ ...base, duration: settings.warmup });

  // Latency percentiles: autocannon keeps latencies in an HDR histogram of whole milliseconds
  // (and has no p95). On loopback most requests take 0-3 ms, so that is too coarse: its
  // 'response' event carries every measured request's latency as a float in ms, all of them
  // are kept (about 10^5 numbers for 10 s) and exact nearest-rank p50/p95/p99 taken. The
  // warm-up has no listener, so none of its requests is counted.
  let latencies = new Float64Array(1 << 16);
  let count = 0;
  const result = await runAutocannon({ ...base, duration: settings.duration }, (_client, _status, _bytes, ms) => {
    if (count === latencies.length) {
      const grown = new Float64Array(latencies.length * 2);
      grown.set(latencies);
      latencies = grown;
    }
    latencies[count++] = ms;
  });
  const sorted = latencies.subarray(0, count).sort();

  // And once more after the run: the target must still answer correctly.
  await probe(url, scenario, targetName);

  return {
    target: targetName,
    url,
    requestsPerSecond: result.requests.average,
    requests: result.requests.total,
    durationSeconds: result.duration,
    latencyMs: {
      p50: round(percentile(sorted, 50), 3),
      p95: round(percentile(sorted, 95), 3),
      p99: round(percentile(sorted, 99), 3),
      max: round(percentile(sorted, 100), 3),
      mean: round(count ? sorted.reduce((sum, value) => sum + value, 0) / count : NaN, 3),
      samples: count,
    },
    // autocannon's own figures (whole-millisecond histogram), kept only as a cross-check.
    autocannonLatencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p97_5: result.latency.p97_5,
      p99: result.latency.p99,
      mean: result.latency.mean,
    },
    non2xx: result.non2xx,
    statusCodes: result.statusCodeStats,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/**
 * Share of all cores' time spent not idle over the next `ms` milliseconds.
 * @param {number} ms
 */
export async function cpuBusyPercent(ms) {
  const totals = () =>
    os.cpus().reduce(
      (sum, cpu) => ({ all: sum.all + Object.values(cpu.times).reduce((a, b) => a + b, 0), idle: sum.idle + cpu.times.idle }),
      { all: 0, idle: 0 },
    );
  const before = totals();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = totals();
  const all = after.all - before.all;
  return all > 0 ? round((1 - (after.idle - before.idle) / all) * 100, 1) : 0;
}

/**
 * @typedef {ReturnType<typeof machineInfo>} Machine
 * @param {string} postgresVersion @param {number} cpuBusyBefore
 */
export function machineInfo(postgresVersion, cpuBusyBefore) {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: round(os.totalmem() / 1024 ** 3, 1),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    postgres: postgresVersion,
    // Other work on the machine skews the figures: how busy the CPUs were just before the run.
    cpuBusyPercentBefore: cpuBusyBefore,
  };
}

/** @param {Array<Array<string | number>>} rows */
function formatTable(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  return rows
    .map((row) => row.map((cell, column) => (column < 2 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]))).join('  '))
    .join('\n');
}

/** @param {number} value @param {number} digits */
function fixed(value, digits) {
  return Number.isFinite(value) ? value.toFixed(digits) : '-';
}

/**
 * @typedef {object} ScenarioResult
 * @property {string} scenario
 * @property {number} connections
 * @property {string} description
 * @property {TargetResult} api
 * @property {TargetResult} rawSql
 * @property {number} ratioPercent
 * @property {number} barPercent
 * @property {boolean} meetsBar
 */

/**
 * The console report.
 * @param {ScenarioResult[]} results
 * @param {import('./settings.mjs').Settings} settings
 * @param {Machine} machine
 */
export function report(results, settings, machine) {
  /** @type {Array<Array<string | number>>} */
  const rows = [['scenario', 'target', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'non-2xx', 'errors']];
  for (const result of results) {
    for (const target of [result.rawSql, result.api]) {
      rows.push([
        result.scenario,
        target.target,
        fixed(target.requestsPerSecond, 1),
        fixed(target.latencyMs.p50, 2),
        fixed(target.latencyMs.p95, 2),
        fixed(target.latencyMs.p99, 2),
        target.non2xx,
        target.errors + target.timeouts,
      ]);
    }
  }
  const lines = [
    '',
    `Tsunagu API benchmark: POST /graphql on ${HOST}, ${settings.connectionsList.join(' and ')} connections, ` +
      `${settings.duration} s measured after a ${settings.warmup} s warm-up, per target`,
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB RAM, ${machine.platform}`,
    `Node ${machine.node}; ${machine.postgres}`,
    `CPU busy just before the run: ${machine.cpuBusyPercentBefore} %` +
      (machine.cpuBusyPercentBefore > 10 ? ' (other work on the machine: figures may be skewed)' : ''),
    `API build: ${settings.apiMain}`,
    '',
    formatTable(rows),
    '',
  ];
  for (const result of results) {
    lines.push(
      `${result.scenario}: API / raw SQL = ${fixed(result.ratioPercent, 1)} % of the baseline's req/s — ` +
        (result.meetsBar ? `meets the ${BAR_PERCENT} % bar` : `BELOW the ${BAR_PERCENT} % bar`),
    );
  }
  return lines.join('\n') + '\n';
}

/**
 * JSON with object keys sorted, to compare two answers whatever the order of their fields.
 * @param {unknown} value
 */
export function canonicalJson(value) {
  return JSON.stringify(value, (_key, item) =>
    item && typeof item === 'object' && !Array.isArray(item) ? Object.fromEntries(Object.keys(item).sort().map((key) => [key, item[key]])) : item,
  );
}
