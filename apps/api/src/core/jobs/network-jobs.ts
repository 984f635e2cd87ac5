// What every scheduled network job (grant jobs, partnership reminders, referral digest and
// deadlines) does the same way: put its run on the job queue's cron schedule, and work network by
// network with forEachNetwork, in a tenant transaction of each network. A job class then holds
// only its schedule, its queries and its mails.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'pg-boss';
import type { DataSource, EntityManager } from 'typeorm';
import { runInTenant } from '../tenancy/tenant-transaction';
import { forEachNetwork, NetworkJob, NetworkPass, queueMailsForEachNetwork } from './for-each-network';
import { JobQueue, JobSchedule } from './job-queue';

@Injectable()
export class NetworkJobs {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
  ) {}

  /** Runs `run` on every occurrence of the schedule. Call from onModuleInit (before the queue starts). */
  schedule(queue: Queue, schedule: JobSchedule, run: () => Promise<unknown>): void {
    this.queue.register(queue, async () => void (await run()), schedule);
  }

  /** forEachNetwork over this database's networks. */
  forEachNetwork<R>(job: NetworkJob, work: (tenantId: string) => Promise<R>): Promise<NetworkPass<R>> {
    return forEachNetwork(this.dataSource, job, work);
  }

  /** queueMailsForEachNetwork over this database's networks. */
  queueMails(job: NetworkJob & { readonly summary: string }, work: (tenantId: string) => Promise<number>): Promise<NetworkPass<number> & { readonly mails: number }> {
    return queueMailsForEachNetwork(this.dataSource, job, work);
  }

  /** One transaction in the network `tenantId` (the job's work for it, its claims and mails together). */
  inNetwork<T>(tenantId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return runInTenant(this.dataSource, tenantId, work);
  }
}
