// GET /api/training/sessions/:id/ics — the session's iCalendar file for a member who holds a
// place (anyone else, and any id of another network: NOT_FOUND). Signed in by the bearer token
// like GraphQL (the global AccessTokenGuard); errors in the JSON shape of the files endpoints.
import { Controller, Get, Inject, Param, Res, UseFilters } from '@nestjs/common';
import { create as contentDisposition } from 'content-disposition';
import type { FastifyReply } from 'fastify';
import type { RequestActor } from '../../../core/auth/actor';
import { CurrentActor } from '../../../core/auth/auth.decorators';
import { APP_CONFIG, AppConfig } from '../../../core/config/config';
import { HttpAppErrorFilter } from '../../../core/files/http-app-error.filter';
import { Clock } from '../../../core/time/clock';
import { mailboxOf, sessionCalendar } from './session-calendar';
import { SessionWaitlist } from './session-waitlist';
import { TrainingSessionsService } from './training-sessions.service';

@Controller('api/training/sessions')
@UseFilters(HttpAppErrorFilter)
export class TrainingSessionCalendarController {
  constructor(
    private readonly sessions: TrainingSessionsService,
    private readonly waitlist: SessionWaitlist,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':id/ics')
  async download(@CurrentActor() actor: RequestActor, @Param('id') id: string, @Res() reply: FastifyReply): Promise<void> {
    const session = await this.sessions.calendarEntry(actor, id);
    const body = sessionCalendar(session, {
      sessionUrl: this.waitlist.sessionUrl(session.id),
      uidDomain: new URL(this.config.mail.appBaseUrl).hostname,
      organizerEmail: mailboxOf(this.config.mail.from),
      now: this.clock.now(),
    });
    await reply
      .status(200)
      .headers({
        'content-type': 'text/calendar; charset=utf-8',
        'content-disposition': contentDisposition('training-session.ics', { type: 'attachment' }),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      })
      .send(body);
  }
}
