// Training sessions (研修会): scheduling, registration with a waiting list, attendance and iCalendar files.
import { Module } from '@nestjs/common';

@Module({
  providers: [],
})
export class TrainingSessionsModule {}
