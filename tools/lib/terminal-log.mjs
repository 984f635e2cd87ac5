// What `npm start` and `npm run dev` show of the API's log. The API always logs JSON (pino), one
// object per line, as production log collectors want; a person at a terminal wants short lines
// and the one line that says where the product runs. This turns the JSON lines into readable
// ones (pino-pretty) and leaves out the framework's start-up chatter (one line per Nest module
// and route), which says nothing a newcomer can act on. LOG_FORMAT=json shows the raw lines.
import { prettyFactory } from 'pino-pretty';
import { Transform } from 'node:stream';

/** Nest's own start-up lines: one per module, controller and route, logged at info. */
const STARTUP_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication', 'GraphQLModule']);
const LEVEL_NAMES = new Map([[10, 'trace'], [20, 'debug'], [30, 'info'], [40, 'warn'], [50, 'error'], [60, 'fatal']]);

/** A line such as `{"level":"info",…}`, possibly after a task prefix (`api: `) from Nx. */
const JSON_LINE = /^(?<prefix>[\w@/.-]+:\s+)?(?<json>\{.*\})\s*$/;

function levelName(level) {
  return typeof level === 'number' ? (LEVEL_NAMES.get(level) ?? 'info') : String(level ?? 'info');
}

/** Whether a parsed log entry is start-up chatter to leave out (never a warning or an error). */
export function isStartupChatter(entry) {
  if (levelName(entry.level) !== 'info') return false;
  if (STARTUP_CONTEXTS.has(entry.context)) return true;
  // The API's own "listening" line: the launcher prints where to go once /readyz answers.
  return typeof entry.message === 'string' && entry.message.startsWith('Tsunagu API listening on ');
}

/** A request's completion line reads as `POST /graphql 200 (12 ms)`. */
function describeRequest(entry) {
  const { req, res, responseTime } = entry;
  if (!req || !res) return entry.message ?? '';
  const time = typeof responseTime === 'number' ? ` (${Math.round(responseTime)} ms)` : '';
  return `${req.method} ${req.path} ${res.statusCode}${time}`;
}

/** Formats one parsed entry as one readable line (with a trailing newline). */
export function formatterFor({ color }) {
  const pretty = prettyFactory({
    colorize: color,
    messageKey: 'message',
    translateTime: 'SYS:HH:MM:ss',
    singleLine: true,
    ignore: 'pid,hostname,service,version,context,req,res,responseTime,requestId,err',
    messageFormat: (entry) => {
      const context = entry.context ? `[${entry.context}] ` : '';
      const error = entry.err?.message ? `: ${entry.err.message}${entry.err.code ? ` (${entry.err.code})` : ''}` : '';
      return context + describeRequest(entry) + error;
    },
  });
  return (entry) => {
    const shown = { ...entry, level: typeof entry.level === 'number' ? entry.level : levelNumber(entry.level) };
    if (entry.message === 'migrations applied' && Array.isArray(entry.applied)) {
      // The list of every migration's name is for the JSON log; a count is enough here.
      shown.message = `Applied ${entry.applied.length} database migration(s)`;
      delete shown.applied;
    }
    return pretty(shown);
  };
}

function levelNumber(name) {
  for (const [number, label] of LEVEL_NAMES) if (label === name) return number;
  return 30;
}

/** Turns one raw output line into what the terminal shows ('' to leave it out). */
export function terminalLine(line, format) {
  const match = JSON_LINE.exec(line);
  if (!match) return `${line}\n`;
  let entry;
  try {
    entry = JSON.parse(match.groups.json);
  } catch {
    return `${line}\n`;
  }
  if (typeof entry !== 'object' || entry === null || !('level' in entry)) return `${line}\n`;
  if (isStartupChatter(entry)) return '';
  return (match.groups.prefix ?? '') + format(entry);
}

/** A stream that takes the API's output and gives the terminal's lines. */
export function terminalLogStream({ color = false } = {}) {
  const format = formatterFor({ color });
  let pending = '';
  return new Transform({
    transform(chunk, _encoding, done) {
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop() ?? '';
      done(null, lines.map((line) => terminalLine(line, format)).join(''));
    },
    flush(done) {
      done(null, pending ? terminalLine(pending, format) : '');
    },
  });
}
