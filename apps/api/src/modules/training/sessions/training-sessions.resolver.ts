// Training sessions (研修会) over GraphQL: thin, each call goes to TrainingSessionsService.
import { Args, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestActor } from '../../../core/auth/actor';
import { CurrentActor } from '../../../core/auth/auth.decorators';
import { AppError } from '../../../core/graphql/app-error';
import { IdArg } from '../../../core/graphql/id-args';
import { listComplexity, PageArgs, toConnection } from '../../../core/graphql/pagination';
import { SessionRegistration, TrainingSession, TrainingSessionConnection, TrainingSessionInput } from './training-session.model';
import { TrainingSessionsService } from './training-sessions.service';
import { isFieldSelected } from './selected-fields';

@Resolver(() => TrainingSession)
export class TrainingSessionsResolver {
  constructor(private readonly sessions: TrainingSessionsService) {}

  @Query(() => TrainingSessionConnection, {
    description: "Sessions of my network by start time, earliest first (cancelled ones only for their trainers and registrants).",
    complexity: listComplexity(10),
  })
  async trainingSessions(
    @CurrentActor() actor: RequestActor,
    @Args() page: PageArgs,
    @Info() info: GraphQLResolveInfo,
    @Args('upcomingOnly', { type: () => Boolean, nullable: true, description: 'Only sessions that are not over yet.' }) upcomingOnly?: boolean,
    @IdArg('courseId', { nullable: true }) courseId?: string,
  ) {
    // Every registration of every managed session on the page is read only when asked for.
    const withRegistrations = isFieldSelected(info, ['nodes', 'registrations']);
    return toConnection(await this.sessions.list(actor, { upcomingOnly, courseId }, page.first, page.after, withRegistrations));
  }

  @Query(() => TrainingSession)
  trainingSession(@CurrentActor() actor: RequestActor, @IdArg('id') id: string): Promise<TrainingSession> {
    return this.sessions.get(actor, id);
  }

  @ResolveField(() => [SessionRegistration], { description: 'Every registration, for the running organisation\'s trainers only (FORBIDDEN otherwise).' })
  registrations(@Parent() session: TrainingSession): SessionRegistration[] {
    if (!session.mayManage) throw new AppError('FORBIDDEN');
    return session.registrationList;
  }

  @Mutation(() => TrainingSession, { description: "A new session of my organisation (trainers)." })
  createTrainingSession(@CurrentActor() actor: RequestActor, @Args('input') input: TrainingSessionInput): Promise<TrainingSession> {
    return this.sessions.create(actor, input);
  }

  @Mutation(() => TrainingSession, { description: 'Replace every field; the capacity cannot drop below the registered count, and new places go to the waiting list.' })
  updateTrainingSession(
    @CurrentActor() actor: RequestActor,
    @IdArg('id') id: string,
    @Args('input') input: TrainingSessionInput,
  ): Promise<TrainingSession> {
    return this.sessions.update(actor, id, input);
  }

  @Mutation(() => TrainingSession, { description: 'Cancel the session (final). Registrations are kept; their .ics then says CANCELLED.' })
  cancelTrainingSession(@CurrentActor() actor: RequestActor, @IdArg('id') id: string): Promise<TrainingSession> {
    return this.sessions.cancel(actor, id);
  }

  @Mutation(() => TrainingSession, { description: 'A place if one is free, else the waiting list (myRegistration says which). Again while registered: unchanged.' })
  registerForSession(@CurrentActor() actor: RequestActor, @IdArg('sessionId') sessionId: string): Promise<TrainingSession> {
    return this.sessions.register(actor, sessionId);
  }

  @Mutation(() => TrainingSession, { description: 'Cancel my registration; a freed place goes to the first on the waiting list (mail and notice).' })
  cancelSessionRegistration(@CurrentActor() actor: RequestActor, @IdArg('sessionId') sessionId: string): Promise<TrainingSession> {
    return this.sessions.cancelRegistration(actor, sessionId);
  }

  @Mutation(() => SessionRegistration, { description: "Record whether a registered member attended (the session's trainers, once it has started)." })
  recordAttendance(
    @CurrentActor() actor: RequestActor,
    @IdArg('registrationId') registrationId: string,
    @Args('attended') attended: boolean,
  ): Promise<SessionRegistration> {
    return this.sessions.recordAttendance(actor, registrationId, attended);
  }
}
