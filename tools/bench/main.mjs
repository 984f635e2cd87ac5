// @ts-check
// `npm run bench`: how fast is the API compared with the least any Node server could do for the
// same answer? For each scenario it drives two targets with the same HTTP requests:
//   - api      the built API (dist/apps/api/main.js), NODE_ENV=production, logs silenced;
//   - raw-sql  a bare node:http server with its own pg.Pool (same size, same application role)
//              that runs the API's own statements (api-code.mjs) and writes the same JSON by hand.
// The ratio api/raw-sql in requests per second is the framework's cost; the bar is 60 %.
//
// Everything is isolated and local: a fresh embedded PostgreSQL in tests/.tmp/bench-<pid>
// (removed at the end), a database `tsunagu_bench`, traffic only to 127.0.0.1. The API, the
// baseline and PostgreSQL each run in their own process, so the load generator (autocannon,
// in this process) shares an event loop with neither. On a small machine they still share the
// CPU cores: compare figures taken on the same machine only.
//
//   node tools/bench/main.mjs [--duration 10] [--warmup 2] [--connections 10[,1]] [--only health[,other]]
//                             [--api-main dist/apps/api/main.js] [--out tests/.tmp/bench-result.json]
//                             [--enforce-bar] [--explain]
//
// Exit status: 0 when every target answered only 2xx with valid bodies (and, with
// --enforce-bar, every scenario meets the bar); 1 otherwise; 130 when interrupted.
//
// The modules: settings.mjs (options), fixtures.mjs (the data), scenarios/ (one file per
// capability; scenario.mjs says what a scenario is), api-code.mjs (the API's statements and
// rules), raw-sql.mjs and baseline-server.mjs (the baseline), measure.mjs (autocannon and the
// report), explain.mjs (--explain), processes.mjs (the child processes).
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runBaselineServer } from './baseline-server.mjs';
import { explainScenarios } from './explain.mjs';
import { prepareData, roles, signInForBench } from './fixtures.mjs';
import { cpuBusyPercent, machineInfo, measure, probe, report, shapeOf, stopMeasuring } from './measure.mjs';
import { cleanUp, firstJsonLine, freePort, guard, killAll, spawnChild, tail, waitUntilReady } from './processes.mjs';
import { SCENARIOS } from './scenarios/index.mjs';
import {
  BAR_PERCENT,
  BenchError,
  DATABASE,
  displayPath,
  embeddedPostgresScript,
  HOST,
  mainScript,
  parseOptions,
  POOL_MAX,
  round,
  say,
  tempDir,
} from './settings.mjs';

/** @typedef {import('./measure.mjs').ScenarioResult} ScenarioResult */

async function main() {
  const settings = parseOptions(SCENARIOS.map((scenario) => scenario.name));
  const scenarios = settings.only.length ? SCENARIOS.filter((scenario) => settings.only.includes(scenario.name)) : SCENARIOS;
  const startedAt = new Date();
  const cpuBusyBefore = await cpuBusyPercent(1_000);

  rmSync(tempDir, { recursive: true, force: true });
  mkdirSync(tempDir, { recursive: true });
  const baseEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tempDir };

  say('starting an embedded PostgreSQL…');
  const postgres = spawnChild('PostgreSQL', [embeddedPostgresScript, '--data-dir', path.join(tempDir, 'postgres')], { env: baseEnv });
  const { superuserUrl } = await firstJsonLine(postgres, 120_000, 'starting');
  const { ownerUrl, appUrl } = await guard(
    roles.prepareDatabase(superuserUrl, { database: DATABASE, ...roles.localCredentials(path.join(tempDir, 'credentials')) }),
    30_000,
    () => 'preparing the database took more than 30 s',
  );
  const postgresVersion = await roles.withClient(superuserUrl, async (client) => (await client.query('SELECT version()')).rows[0].version);
  const machine = machineInfo(postgresVersion, cpuBusyBefore);

  say(`starting the API (${displayPath(settings.apiMain)})…`);
  const apiPort = await freePort();
  const api = spawnChild('API', [settings.apiMain, 'serve'], {
    stdin: 'ignore',
    env: {
      ...baseEnv,
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      HOST,
      PORT: String(apiPort),
      DATABASE_URL: ownerUrl,
      DATABASE_APP_URL: appUrl,
      DATABASE_POOL_MAX: String(POOL_MAX),
      JWT_SECRET: randomBytes(36).toString('base64url'),
      PERSONAL_DATA_KEYS: `bench:${randomBytes(32).toString('base64')}`,
      // One sign-in must outlast the whole run.
      ACCESS_TOKEN_TTL_SECONDS: '3600',
      ...settings.apiEnv,
    },
  });
  const apiUrl = `http://${HOST}:${apiPort}/graphql`;
  await guard(waitUntilReady(`http://${HOST}:${apiPort}/readyz`), 90_000, () => `the API was not ready within 90 s.${tail(api.output)}`);

  // What the baseline must echo: read from the API itself.
  const healthScenario = SCENARIOS.find((scenario) => scenario.name === 'health');
  if (!healthScenario) throw new BenchError('no health scenario');
  const health = await probe(apiUrl, healthScenario, 'API');
  /** @type {import('./raw-sql.mjs').BaselineContext} */
  let context = /** @type {import('./raw-sql.mjs').BaselineContext} */ ({ version: health.data.health.version, environment: health.data.health.environment });
  if (scenarios.some((scenario) => scenario.needsSignIn)) {
    await prepareData(ownerUrl, scenarios, say);
    const signedIn = await signInForBench(apiUrl);
    context = { ...context, ...signedIn.context };
    for (const scenario of scenarios.filter((candidate) => candidate.needsSignIn)) {
      scenario.headers = { authorization: `Bearer ${signedIn.token}` };
    }
  }

  say('starting the raw-SQL baseline…');
  const baseline = spawnChild('raw-SQL baseline', [mainScript, '--baseline-server'], {
    env: {
      ...baseEnv,
      BENCH_APP_URL: appUrl,
      BENCH_POOL_MAX: String(POOL_MAX),
      BENCH_CONTEXT: JSON.stringify(context),
    },
  });
  const { port: baselinePort } = await firstJsonLine(baseline, 60_000, 'starting');
  const rawUrl = `http://${HOST}:${baselinePort}/graphql`;

  if (settings.explain) await explainScenarios(appUrl, scenarios, context);

  /** @type {ScenarioResult[]} */
  const results = [];
  /** The API's answer to each scenario's probe, kept in the results file. @type {Record<string, unknown>} */
  const answers = {};
  for (const scenario of scenarios) {
    const apiBody = await probe(apiUrl, scenario, 'API');
    const rawBody = await probe(rawUrl, scenario, 'raw-SQL baseline');
    const differs = (/** @type {string} */ what) =>
      new BenchError(`scenario "${scenario.name}": the baseline's ${what}\n  API:      ${JSON.stringify(apiBody)}\n  baseline: ${JSON.stringify(rawBody)}`);
    if (JSON.stringify(shapeOf(apiBody)) !== JSON.stringify(shapeOf(rawBody))) throw differs("answer does not have the API's shape");
    if (scenario.sameAnswer && !scenario.sameAnswer(apiBody, rawBody)) throw differs("figures differ from the API's");
    answers[scenario.name] = apiBody;
    for (const connections of settings.connectionsList) {
      const label = settings.connectionsList.length > 1 ? `${scenario.name} (${connections} conn)` : scenario.name;
      say(`${label}: raw SQL (${settings.warmup} s warm-up + ${settings.duration} s)…`);
      const rawSql = await measure(rawUrl, scenario, 'raw-sql', { ...settings, connections });
      say(`${label}: API (${settings.warmup} s warm-up + ${settings.duration} s)…`);
      const apiResult = await measure(apiUrl, scenario, 'api', { ...settings, connections });
      const ratioPercent = (apiResult.requestsPerSecond / rawSql.requestsPerSecond) * 100;
      results.push({
        scenario: label,
        connections,
        description: scenario.description,
        api: apiResult,
        rawSql,
        ratioPercent: round(ratioPercent, 1),
        barPercent: BAR_PERCENT,
        meetsBar: ratioPercent >= BAR_PERCENT,
      });
    }
  }

  const failures = results.flatMap((result) =>
    [result.api, result.rawSql]
      .filter((target) => target.non2xx > 0 || target.errors > 0 || target.timeouts > 0)
      .map(
        (target) =>
          `${result.scenario}/${target.target}: ${target.non2xx} non-2xx (${JSON.stringify(target.statusCodes)}), ` +
          `${target.errors} errors, ${target.timeouts} timeouts`,
      ),
  );

  process.stdout.write(report(results, settings, machine));
  mkdirSync(path.dirname(settings.out), { recursive: true });
  const resultFile = {
    startedAt: startedAt.toISOString(),
    settings: {
      durationSeconds: settings.duration,
      warmupSeconds: settings.warmup,
      connections: settings.connectionsList,
      poolMax: POOL_MAX,
      apiMain: settings.apiMain,
      latency: 'exact nearest-rank percentiles of every measured request (autocannon response event), ms',
      requestsPerSecond: "autocannon's average of per-second request counts",
    },
    machine,
    results,
    ok: failures.length === 0,
    failures,
    answers,
  };
  writeFileSync(settings.out, JSON.stringify(resultFile, null, 2) + '\n');
  say(`results written to ${displayPath(settings.out)}`);

  if (failures.length) throw new BenchError(`some requests failed:\n  ${failures.join('\n  ')}`);
  if (settings.enforceBar && results.some((result) => !result.meetsBar)) throw new BenchError(`the API is below the ${BAR_PERCENT} % bar (see above)`);
}

async function runBench() {
  let interrupted = false;
  /** @param {NodeJS.Signals} signal */
  const onSignal = (signal) => {
    if (interrupted) {
      process.stderr.write('[bench] still cleaning up; signal again in a moment to force-quit\n');
      killAll();
      process.exit(130);
    }
    interrupted = true;
    process.stderr.write(`\n[bench] ${signal}: stopping and cleaning up…\n`);
    stopMeasuring();
    cleanUp().finally(() => process.exit(130));
  };
  for (const signal of /** @type {NodeJS.Signals[]} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) process.on(signal, () => onSignal(signal));

  let exitCode = 0;
  try {
    await main();
  } catch (error) {
    if (interrupted) return; // the signal handler finishes and exits
    exitCode = 1;
    const message = error instanceof BenchError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`[bench] FAILED: ${message}\n`);
  }
  if (interrupted) return;
  stopMeasuring();
  await cleanUp();
  process.exit(exitCode);
}

if (process.argv.includes('--baseline-server')) {
  await runBaselineServer();
} else {
  await runBench();
}
