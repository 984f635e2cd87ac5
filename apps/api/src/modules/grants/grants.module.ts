import { Module } from '@nestjs/common';
import { GrantActivityService } from './grant-activity.service';
import { GrantFileAccess } from './grant-file-access';
import { GrantJobs } from './grant-jobs';
import { GrantReader } from './grant-reader';
import { GrantsExchangeResolver } from './grants-exchange.resolver';
import { GrantsResolver } from './grants.resolver';
import { GrantsService } from './grants.service';
import { JGrantsImportService } from './jgrants-import';

@Module({
  providers: [GrantReader, GrantFileAccess, GrantsService, GrantActivityService, GrantsResolver, GrantJobs, JGrantsImportService, GrantsExchangeResolver],
  exports: [GrantsService, GrantActivityService, GrantReader],
})
export class GrantsModule {}
