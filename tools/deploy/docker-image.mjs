// @ts-check
// Builds the production image (docker/Dockerfile) on a Debian machine that reaches Debian's
// mirror and the npm registry but no image registry, as `npm run test:deploy` does:
//
//   1. a Docker engine: installs Debian's docker.io (and debootstrap) with apt-get when missing,
//      and starts dockerd when no daemon answers. A daemon started here is LEFT RUNNING, as a
//      service would be, so that later builds reuse its image store; its log goes to
//      /var/log/tsunagu-dockerd.log and `kill $(cat /var/run/docker.pid)` stops it.
//   2. the base images, built locally once and reused while present:
//        local/debian:bookworm              debootstrap --variant=minbase, imported
//        local/node:<version>-bookworm-slim  docker/base/node.Dockerfile: this machine's Node.js,
//                                           npm and CA bundle, and the `node` user (uid/gid 1000)
//   3. docker build -f docker/Dockerfile --network host --build-arg NODE_IMAGE=<local node image>
//
//   node tools/deploy/docker-image.mjs [--tag tsunagu-api:local] [--node-image IMAGE]
//                                      [--rebuild-base] [--json]
//
// --node-image skips step 2 (e.g. node:20-bookworm-slim where a registry is reachable).
// Progress goes to stderr; with --json the last stdout line is a JSON summary (the test reads it).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEBIAN_IMAGE = 'local/debian:bookworm';
export const DEFAULT_TAG = 'tsunagu-api:local';
const SUITE = 'bookworm';
const DEFAULT_MIRROR = 'http://deb.debian.org/debian';
const DOCKERD_ARGS = ['--iptables=false', '--ip6tables=false', '--bridge=none'];
const DOCKERD_LOG = '/var/log/tsunagu-dockerd.log';

/** @param {string} message */
function say(message) {
  process.stderr.write(`[docker-image] ${message}\n`);
}

/** @param {string} message @returns {never} */
function fail(message) {
  say(message);
  process.exit(1);
}

/**
 * Runs a command; its output goes to our stderr unless `capture`, which returns stdout.
 * @param {string} command @param {string[]} args
 * @param {{ capture?: boolean, env?: NodeJS.ProcessEnv, input?: string }} [options]
 */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, {
    stdio: [options.input === undefined ? 'ignore' : 'pipe', options.capture ? 'pipe' : process.stderr, process.stderr],
    input: options.input,
    env: options.env ?? process.env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) fail(`${command} could not be run: ${result.error.message}`);
  if (result.status !== 0) fail(`\`${command} ${args.join(' ')}\` failed (exit ${result.status ?? result.signal}); see the messages above.`);
  return (result.stdout ?? '').trim();
}

/** @param {string} command @param {string[]} args */
function succeeds(command, args) {
  const result = spawnSync(command, args, { stdio: 'ignore' });
  return !result.error && result.status === 0;
}

/** @param {string} name */
function hasCommand(name) {
  return succeeds('sh', ['-c', `command -v ${name}`]);
}

const isRoot = process.getuid?.() === 0;

/** @param {string[]} packages */
function aptInstall(packages) {
  if (!isRoot) fail(`${packages.join(', ')} missing: run this as root (it installs them with apt-get) or install them first.`);
  say(`Installing ${packages.join(' ')} from Debian (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { env });
}

function daemonAnswers() {
  return succeeds('docker', ['version', '--format', '{{.Server.Version}}']);
}

async function ensureEngine() {
  const missing = [];
  if (!hasCommand('docker') || !(hasCommand('dockerd') || existsSync('/usr/sbin/dockerd'))) missing.push('docker.io');
  if (!hasCommand('debootstrap') && !existsSync('/usr/sbin/debootstrap')) missing.push('debootstrap');
  if (missing.length) aptInstall(missing);
  if (daemonAnswers()) {
    warnAboutVfs();
    return;
  }
  if (!isRoot) fail('No Docker daemon answers: start one (as root: dockerd), or run this as root to have it started.');
  // No --storage-driver: dockerd picks overlay2 where the kernel and backing filesystem allow
  // it (much faster than vfs, which copies every layer in full) and falls back on its own.
  say(`Starting dockerd ${DOCKERD_ARGS.join(' ')} (left running; log ${DOCKERD_LOG})…`);
  const log = openSync(DOCKERD_LOG, 'a');
  const dockerd = spawn(existsSync('/usr/sbin/dockerd') ? '/usr/sbin/dockerd' : 'dockerd', DOCKERD_ARGS, {
    detached: true,
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  let exited = false;
  dockerd.once('exit', () => (exited = true));
  dockerd.unref();
  const deadline = Date.now() + 60_000;
  while (!daemonAnswers()) {
    if (exited) fail(`dockerd exited at start; see ${DOCKERD_LOG}.`);
    if (Date.now() > deadline) fail(`dockerd did not answer within 60 s; see ${DOCKERD_LOG}.`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  say(`dockerd is up (storage driver ${run('docker', ['info', '--format', '{{.Driver}}'], { capture: true })}).`);
}

/** vfs copies every layer in full: the same build takes about four times as long. */
function warnAboutVfs() {
  const driver = run('docker', ['info', '--format', '{{.Driver}}'], { capture: true });
  if (driver === 'vfs') say('The daemon uses the vfs storage driver: expect a build of 20 minutes or more (overlay2: about 6).');
}

/** @param {string} image */
function imageExists(image) {
  return succeeds('docker', ['image', 'inspect', image]);
}

/** The machine's own Debian mirror (apt sources), so the base image comes from where its packages do. */
export function debianMirror(sources = readAptSources()) {
  for (const { uris, suites } of sources) {
    if (suites.some((suite) => /^[a-z]+$/.test(suite))) {
      const uri = uris.find((candidate) => /^https?:\/\//.test(candidate) && !/security/.test(candidate));
      if (uri) return uri;
    }
  }
  return DEFAULT_MIRROR;
}

/** @returns {Array<{ uris: string[], suites: string[] }>} */
function readAptSources() {
  /** @type {Array<{ uris: string[], suites: string[] }>} */
  const sources = [];
  const dir = '/etc/apt/sources.list.d';
  const files = existsSync(dir) ? readdirSync(dir).map((name) => path.join(dir, name)) : [];
  for (const file of ['/etc/apt/sources.list', ...files]) {
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    if (file.endsWith('.sources')) sources.push(...parseDeb822(text));
    else if (file.endsWith('.list')) sources.push(...parseOneLine(text));
  }
  return sources;
}

/** deb822 stanzas (`Types: deb`, `URIs:`, `Suites:`). @param {string} text */
export function parseDeb822(text) {
  return text
    .split(/\n\s*\n/)
    .map((stanza) => {
      /** @type {Record<string, string>} */
      const fields = {};
      for (const line of stanza.split('\n')) {
        const match = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
        if (match) fields[match[1].toLowerCase()] = match[2];
      }
      return fields;
    })
    .filter((fields) => (fields.types ?? '').split(/\s+/).includes('deb') && fields.uris && fields.suites)
    .map((fields) => ({ uris: fields.uris.split(/\s+/), suites: fields.suites.split(/\s+/) }));
}

/** One-line style (`deb [opts] URI SUITE COMPONENTS`). @param {string} text */
export function parseOneLine(text) {
  return text
    .split('\n')
    .map((line) => line.replace(/#.*/, '').replace(/\[[^\]]*\]/, '').trim().split(/\s+/))
    .filter((words) => words[0] === 'deb' && words.length >= 3)
    .map((words) => ({ uris: [words[1]], suites: [words[2]] }));
}

/** Keeps the imported image small: no package caches, apt lists, manuals or translations. @param {string} dir */
function trimRootFilesystem(dir) {
  for (const emptied of ['var/cache/apt/archives', 'var/lib/apt/lists', 'usr/share/man', 'usr/share/info', 'usr/share/locale']) {
    const full = path.join(dir, emptied);
    if (!existsSync(full)) continue;
    for (const entry of readdirSync(full)) {
      if (entry !== 'partial' && entry !== 'lock') rmSync(path.join(full, entry), { recursive: true, force: true });
    }
  }
  rmSync(path.join(dir, 'var/cache/apt/pkgcache.bin'), { force: true });
  rmSync(path.join(dir, 'var/cache/apt/srcpkgcache.bin'), { force: true });
  // Documentation, except each package's copyright file (its licence).
  const docs = path.join(dir, 'usr/share/doc');
  if (existsSync(docs)) {
    for (const pkg of readdirSync(docs)) {
      for (const entry of readdirSync(path.join(docs, pkg))) {
        if (entry !== 'copyright') rmSync(path.join(docs, pkg, entry), { recursive: true, force: true });
      }
    }
  }
}

/** `tar -C dir -c . | docker import - image` @param {string} dir @param {string} image */
function importDirectory(dir, image) {
  return new Promise((resolve, reject) => {
    const tar = spawn('tar', ['--numeric-owner', '-C', dir, '-c', '.'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const importer = spawn('docker', ['import', '--change', 'CMD ["bash"]', '-', image], { stdio: ['pipe', 'ignore', 'inherit'] });
    tar.stdout.pipe(importer.stdin);
    let tarCode = /** @type {number | null} */ (null);
    tar.once('exit', (code) => (tarCode = code));
    importer.once('exit', (code) => (code === 0 && tarCode === 0 ? resolve(undefined) : reject(new Error(`tar | docker import failed (${tarCode}, ${code})`))));
  });
}

/** @param {boolean} rebuild */
async function ensureDebianImage(rebuild) {
  if (!rebuild && imageExists(DEBIAN_IMAGE)) {
    say(`${DEBIAN_IMAGE} is present; reused.`);
    return;
  }
  const mirror = debianMirror();
  const work = mkdtempSync('/var/tmp/tsunagu-debootstrap-');
  const rootfs = path.join(work, 'rootfs');
  try {
    say(`debootstrap --variant=minbase ${SUITE} from ${mirror} (about a minute or two)…`);
    const started = Date.now();
    run('debootstrap', ['--variant=minbase', SUITE, rootfs, mirror], { capture: true });
    trimRootFilesystem(rootfs);
    await importDirectory(rootfs, DEBIAN_IMAGE);
    say(`${DEBIAN_IMAGE} imported in ${seconds(Date.now() - started)}.`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The npm that belongs to this Node.js: its package directory. */
function npmDirectory() {
  const fromEnv = process.env.npm_execpath ? path.resolve(path.dirname(process.env.npm_execpath), '..') : undefined;
  const candidates = [
    fromEnv,
    path.resolve(path.dirname(process.execPath), '../lib/node_modules/npm'),
    path.join(run('npm', ['root', '-g'], { capture: true }), 'npm'),
  ];
  const found = candidates.find((dir) => dir && existsSync(path.join(dir, 'bin/npm-cli.js')));
  if (!found) fail(`npm's package directory was not found (looked in ${candidates.filter(Boolean).join(', ')}).`);
  return found;
}

export function localNodeImage() {
  return `local/node:${process.versions.node}-${SUITE}-slim`;
}

/** @param {boolean} rebuild */
async function ensureNodeImage(rebuild) {
  const image = localNodeImage();
  if (!rebuild && imageExists(image)) {
    say(`${image} is present; reused.`);
    return image;
  }
  const context = mkdtempSync('/var/tmp/tsunagu-node-image-');
  try {
    const npm = npmDirectory();
    say(`Building ${image} from ${process.execPath} and ${npm}…`);
    cpSync(process.execPath, path.join(context, 'node'));
    cpSync(npm, path.join(context, 'npm'), { recursive: true });
    // The machine's trusted authorities (an empty file, which Node accepts, when it has none).
    const bundle = '/etc/ssl/certs/ca-certificates.crt';
    if (existsSync(bundle)) cpSync(bundle, path.join(context, 'ca-certificates.crt'));
    else writeFileSync(path.join(context, 'ca-certificates.crt'), '');
    run('docker', [
      'build', '--network', 'host', '--quiet',
      '-f', path.join(ROOT, 'docker/base/node.Dockerfile'),
      '--build-arg', `DEBIAN_IMAGE=${DEBIAN_IMAGE}`,
      '-t', image, context,
    ], { capture: true, env: builderEnvironment() });
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
  return image;
}

/** Without the buildx plugin, newer Docker clients warn and fall back; say so up front. */
function builderEnvironment() {
  return succeeds('docker', ['buildx', 'version']) ? process.env : { ...process.env, DOCKER_BUILDKIT: '0' };
}

/** @param {number} ms */
function seconds(ms) {
  return `${(ms / 1000).toFixed(0)} s`;
}

function appVersion() {
  const result = spawnSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : '';
}

async function main() {
  const { values } = parseArgs({
    options: {
      tag: { type: 'string', default: DEFAULT_TAG },
      'node-image': { type: 'string' },
      'rebuild-base': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const timings = /** @type {Record<string, number>} */ ({});
  let started = Date.now();
  await ensureEngine();
  timings.engineMs = Date.now() - started;

  started = Date.now();
  let nodeImage = values['node-image'];
  if (!nodeImage) {
    await ensureDebianImage(values['rebuild-base']);
    nodeImage = await ensureNodeImage(values['rebuild-base']);
  }
  timings.baseMs = Date.now() - started;

  started = Date.now();
  say(`docker build -f docker/Dockerfile --build-arg NODE_IMAGE=${nodeImage} -t ${values.tag} …`);
  run('docker', [
    'build', '--network', 'host',
    '-f', path.join(ROOT, 'docker/Dockerfile'),
    '--build-arg', `NODE_IMAGE=${nodeImage}`,
    '--build-arg', `APP_VERSION=${appVersion()}`,
    '-t', values.tag, ROOT,
  ], { env: builderEnvironment() });
  timings.buildMs = Date.now() - started;

  const sizeBytes = Number(run('docker', ['image', 'inspect', '--format', '{{.Size}}', values.tag], { capture: true }));
  const summary = { image: values.tag, nodeImage, sizeBytes, sizeMB: Math.round(sizeBytes / 1e6), ...timings };
  say(
    `${values.tag}: ${summary.sizeMB} MB (engine ${seconds(timings.engineMs)}, base images ${seconds(timings.baseMs)}, ` +
      `build ${seconds(timings.buildMs)}).`,
  );
  if (values.json) process.stdout.write(JSON.stringify(summary) + '\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
