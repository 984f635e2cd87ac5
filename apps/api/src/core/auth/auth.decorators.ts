import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AppError } from '../graphql/app-error';
import type { RequestActor } from './actor';

export const IS_PUBLIC = 'tsunagu:isPublic';
export const BEFORE_SECOND_FACTOR_ENROLMENT = 'tsunagu:beforeSecondFactorEnrolment';

/** Reachable without signing in (the actor, if any, is still resolved). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * Open to a session that must enrol a second factor before anything else (the network's policy,
 * past its grace period): the enrolment flows themselves. Public operations are open anyway.
 */
export const AllowedBeforeSecondFactorEnrolment = () => SetMetadata(BEFORE_SECOND_FACTOR_ENROLMENT, true);

export function actorFromContext(context: ExecutionContext): RequestActor | null {
  const request =
    context.getType<string>() === 'graphql'
      ? GqlExecutionContext.create(context).getContext<{ req: { user?: RequestActor } }>().req
      : context.switchToHttp().getRequest<{ user?: RequestActor }>();
  return request.user ?? null;
}

/** The authenticated actor; fails loudly (UNAUTHENTICATED) if there is none. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): RequestActor => {
  const actor = actorFromContext(context);
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return actor;
});

/** The actor when signed in, otherwise null (for @Public operations). */
export const OptionalActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): RequestActor | null => actorFromContext(context),
);
