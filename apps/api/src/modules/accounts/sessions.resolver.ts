import { Context, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import type { RequestActor } from '../../core/auth/actor';
import { CurrentActor } from '../../core/auth/auth.decorators';
import { requestClient } from '../../core/auth/request-client';
import { IdArg } from '../../core/graphql/id-args';
import { SessionInfo } from './session.model';
import { SessionsService } from './sessions.service';

@Resolver(() => SessionInfo)
export class SessionsResolver {
  constructor(private readonly sessions: SessionsService) {}

  @Query(() => [SessionInfo], { description: 'Where I am signed in.' })
  mySessions(@CurrentActor() actor: RequestActor): Promise<SessionInfo[]> {
    return this.sessions.list(actor);
  }

  @Mutation(() => Boolean, { description: 'Sign out one of my sessions (another device); kept in my security log.' })
  async revokeSession(
    @CurrentActor() actor: RequestActor,
    @IdArg('id') id: string,
    @Context() context: { req: FastifyRequest },
  ): Promise<boolean> {
    await this.sessions.end(actor, id, requestClient(context.req));
    return true;
  }

  @Mutation(() => Int, { description: 'Sign out every session of mine but this one; returns how many ended.' })
  endOtherSessions(@CurrentActor() actor: RequestActor, @Context() context: { req: FastifyRequest }): Promise<number> {
    return this.sessions.endOthers(actor, requestClient(context.req));
  }
}
