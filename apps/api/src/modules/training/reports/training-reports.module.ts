// Training reports for trainers and org admins, their CSV export and xAPI statements.
import { Module } from '@nestjs/common';

@Module({
  providers: [],
})
export class TrainingReportsModule {}
