import { Module } from '@nestjs/common';
import { GrantActivityService } from './grant-activity.service';
import { GrantJobs } from './grant-jobs';
import { GrantReader } from './grant-reader';
import { GrantsResolver } from './grants.resolver';
import { GrantsService } from './grants.service';

@Module({
  providers: [GrantReader, GrantsService, GrantActivityService, GrantsResolver, GrantJobs],
  exports: [GrantsService, GrantActivityService],
})
export class GrantsModule {}
