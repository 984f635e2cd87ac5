// What a job may carry. pg-boss keeps payloads (and a failed job's error) in its own tables, which
// have no row-level security and which the application role reads and writes in full — it must,
// to fetch and settle jobs. So a payload holds ids and codes only, never a personal value (a name,
// an e-mail address, free text): the handler reads the values it needs, under the rules of the
// request pool, when it runs. JobQueue refuses any other payload before it reaches the queue, and
// records a failed job's error as the queue name and an error code only (the full error goes to
// the log, through its redacting serializer).
import { isUuid } from '@tsunagu/domain';

/** An upper-case code of the product's vocabularies (e.g. REFERRAL_SENT, DAY_7). */
const CODE = /^[A-Z][A-Z0-9_]{0,63}$/;
/** A date or an ISO timestamp (when a job is about a moment, e.g. a reminder's day). */
const DATE_OR_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** Why a value is not allowed in a payload, with its path; null when the whole payload is fine. */
export function personalValueIn(data: unknown, path = '$'): string | null {
  if (data === null || data === undefined || typeof data === 'boolean') return null;
  if (typeof data === 'number') return Number.isFinite(data) ? null : `${path}: not a finite number`;
  if (typeof data === 'string') {
    return isUuid(data) || CODE.test(data) || DATE_OR_TIME.test(data) ? null : `${path}: a string that is neither an id, a code nor a date`;
  }
  if (Array.isArray(data)) {
    for (const [index, item] of data.entries()) {
      const found = personalValueIn(item, `${path}[${index}]`);
      if (found) return found;
    }
    return null;
  }
  if (typeof data === 'object') {
    for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
      const found = personalValueIn(value, `${path}.${key}`);
      if (found) return found;
    }
    return null;
  }
  return `${path}: a ${typeof data}`;
}

/** Throws (a programming error, not a user's) when a payload carries anything but ids and codes. */
export function assertIdsOnly(queue: string, data: unknown): void {
  const found = personalValueIn(data);
  if (found) throw new Error(`Job payloads carry ids and codes only (queue ${queue}, ${found}): see core/jobs/job-payload.ts`);
}

/** The error pg-boss keeps for a failed job: which queue, and the error's code if it has one — no message text. */
export class JobFailedError extends Error {
  constructor(queue: string, cause: unknown) {
    const code = (cause as { code?: unknown } | null)?.code;
    super(`Job of ${queue} failed${typeof code === 'string' && /^[A-Z0-9_]{1,40}$/i.test(code) ? ` (${code})` : ''}; see the log`);
    this.name = 'JobFailedError';
  }
}
