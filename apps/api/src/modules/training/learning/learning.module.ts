// Learning: enrolment, assignment, progress, quiz attempts and certificates (with public verification).
import { Module } from '@nestjs/common';

@Module({
  providers: [],
})
export class LearningModule {}
