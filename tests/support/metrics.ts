// Reading the API's Prometheus endpoint in tests: scrape it and look samples up by name and labels.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

export interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

export interface Scrape {
  readonly text: string;
  readonly samples: readonly Sample[];
  /** The sum of the samples of `name` whose labels include `labels` (0 when there is none). */
  value(name: string, labels?: Readonly<Record<string, string>>): number;
  /** Whether any sample of `name` has these labels. */
  has(name: string, labels?: Readonly<Record<string, string>>): boolean;
  /** The values each label of `name` takes. */
  labelValues(name: string, label: string): string[];
}

const SAMPLE_LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: \d+)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** Parses the Prometheus text exposition format (what prom-client writes). */
export function parseMetrics(text: string): Scrape {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const match = SAMPLE_LINE.exec(line);
    if (!match) throw new Error(`Not a Prometheus sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(LABEL)) {
      labels[key] = value.replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\');
    }
    samples.push({ name: match[1], labels, value: Number(match[3]) });
  }
  const matching = (name: string, labels: Readonly<Record<string, string>> = {}) =>
    samples.filter((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value));
  return {
    text,
    samples,
    value: (name, labels) => matching(name, labels).reduce((sum, sample) => sum + sample.value, 0),
    has: (name, labels) => matching(name, labels).length > 0,
    labelValues: (name, label) => [...new Set(matching(name).map((sample) => sample.labels[label]))].sort(),
  };
}

export async function scrapeMetrics(url: string): Promise<Scrape> {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  return parseMetrics(await response.text());
}

/**
 * The TCP addresses a process listens on ("127.0.0.1:9464", "0.0.0.0:3000"), read from /proc
 * (Linux): the listening sockets whose inodes are among the process's open files.
 */
export function listeningAddresses(pid: number): string[] {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (match) inodes.add(match[1]);
    } catch {
      // The descriptor was closed while listing.
    }
  }
  const addresses: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const row of readFileSync(table, 'utf8').trim().split('\n').slice(1)) {
      const fields = row.trim().split(/\s+/);
      const [localAddress, state, inode] = [fields[1], fields[3], fields[9]];
      // 0A: LISTEN.
      if (state === '0A' && inodes.has(inode)) addresses.push(decodeProcAddress(localAddress));
    }
  }
  return addresses.sort();
}

function decodeProcAddress(hex: string): string {
  const [address, port] = hex.split(':');
  const portNumber = parseInt(port, 16);
  if (address.length === 8) {
    // IPv4, little-endian.
    const bytes = address.match(/../g)!.map((byte) => parseInt(byte, 16)).reverse();
    return `${bytes.join('.')}:${portNumber}`;
  }
  if (/^0+$/.test(address)) return `[::]:${portNumber}`;
  if (address === '0000000000000000FFFF00000100007F') return `[::ffff:127.0.0.1]:${portNumber}`;
  if (address === '00000000000000000000000001000000') return `[::1]:${portNumber}`;
  return `[${address}]:${portNumber}`;
}
