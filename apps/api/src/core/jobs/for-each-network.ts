// The one "for each network" loop of the scheduled jobs. Each network's work runs on its own (the
// work opens its tenant transactions with the network id it is handed), so one network's failure
// rolls back only that network's work, is logged with the network id and the job's name (the
// logger's error serializer keeps row values and query parameters out), and the next network
// still runs. The failed network is tried again on the job's next run.
import { listNetworkIds } from '../tenancy/tenant-transaction';
import type { Queue } from 'pg-boss';
import type { DataSource } from 'typeorm';

/** Where a failure is reported: a Nest Logger backed by pino, or a test's recorder. */
export interface NetworkJobLogger {
  error(details: { err: unknown; tenantId: string }, message: string): void;
  log(details: Record<string, number>, message: string): void;
}

export interface NetworkPass<R> {
  /** What each network that succeeded returned, in network order. */
  readonly results: readonly R[];
  /** The networks whose work failed this time. */
  readonly failed: readonly string[];
}

export interface NetworkJob {
  /** Names the job in log lines ("Referral digest failed for a network"). */
  readonly name: string;
  readonly logger: NetworkJobLogger;
}

export async function forEachNetwork<R>(
  dataSource: DataSource,
  job: NetworkJob,
  work: (tenantId: string) => Promise<R>,
): Promise<NetworkPass<R>> {
  return runForNetworks(await listNetworkIds(dataSource), job, work);
}

/** The loop itself over given network ids (forEachNetwork lists them from the database). */
export async function runForNetworks<R>(
  networkIds: readonly string[],
  job: NetworkJob,
  work: (tenantId: string) => Promise<R>,
): Promise<NetworkPass<R>> {
  const results: R[] = [];
  const failed: string[] = [];
  for (const tenantId of networkIds) {
    try {
      results.push(await work(tenantId));
    } catch (error) {
      failed.push(tenantId);
      job.logger.error({ err: error, tenantId }, `${job.name} failed for a network`);
    }
  }
  return { results, failed };
}

/**
 * For queues that pg-boss retries: once every network has run, fail the job if any network failed
 * so the retry runs again (the work's claims make it redo only what the failed networks left).
 */
export function failIfAnyNetworkFailed(job: Pick<NetworkJob, 'name'>, pass: NetworkPass<unknown>): void {
  if (pass.failed.length) throw new Error(`${job.name} failed for ${pass.failed.length} network(s)`);
}

/** The sum of what each network returned (mails queued, rows closed, ...). */
export function totalOf(pass: NetworkPass<number>): number {
  return pass.results.reduce((sum, count) => sum + count, 0);
}

/**
 * The queue of a frequent network job whose next run does the same work: a failed run is not
 * worth retrying, one run queued and one running at most, finished jobs kept a day.
 */
export function repeatingQueue(name: string): Queue {
  return { name, policy: 'stately', retryLimit: 0, expireInSeconds: 10 * 60, retentionSeconds: 60 * 60, deleteAfterSeconds: 24 * 60 * 60 };
}

/** The queue of a daily mail job: retried after a failure, the claims making a retry mail only what is left. */
export function dailyMailQueue(name: string): Queue {
  return { name, policy: 'stately', retryLimit: 3, retryDelay: 5 * 60, expireInSeconds: 30 * 60 };
}

/**
 * For jobs that queue mails network by network: runs `work` with forEachNetwork, logs how many
 * mails were queued and how many networks failed (when there is anything to say), and returns
 * the pass with its total.
 */
export async function queueMailsForEachNetwork(
  dataSource: DataSource,
  job: NetworkJob & { readonly summary: string },
  work: (tenantId: string) => Promise<number>,
): Promise<NetworkPass<number> & { readonly mails: number }> {
  const pass = await forEachNetwork(dataSource, job, work);
  const mails = totalOf(pass);
  if (mails || pass.failed.length) job.logger.log({ mails, failures: pass.failed.length }, job.summary);
  return { ...pass, mails };
}
