// Training sessions (研修会): scheduling, registration with a waiting list, attendance and iCalendar files.
import { Module } from '@nestjs/common';
import { SessionWaitlist } from './session-waitlist';
import { TrainingSessionCalendarController } from './training-session-calendar.controller';
import { TrainingSessionsResolver } from './training-sessions.resolver';
import { TrainingSessionsService } from './training-sessions.service';

@Module({
  controllers: [TrainingSessionCalendarController],
  providers: [SessionWaitlist, TrainingSessionsService, TrainingSessionsResolver],
})
export class TrainingSessionsModule {}
