// One pg-boss instance per API process, shared by every feature that runs background jobs.
import { Global, Module } from '@nestjs/common';
import { JobQueue } from './job-queue';
import { NetworkJobs } from './network-jobs';

@Global()
@Module({ providers: [JobQueue, NetworkJobs], exports: [JobQueue, NetworkJobs] })
export class JobsModule {}
