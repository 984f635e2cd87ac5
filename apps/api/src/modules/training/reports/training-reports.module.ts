// Training reports for trainers and org admins, their CSV export and xAPI statements.
import { Module } from '@nestjs/common';
import { TrainingReportsResolver } from './training-reports.resolver';
import { TrainingReportsService } from './training-reports.service';

@Module({
  providers: [TrainingReportsService, TrainingReportsResolver],
})
export class TrainingReportsModule {}
