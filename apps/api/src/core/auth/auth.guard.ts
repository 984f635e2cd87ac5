// Global guard: every GraphQL operation and HTTP route needs an authenticated actor unless it
// is marked @Public(). Public operations still resolve the actor when a valid token is sent.
import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AuthGuard } from '@nestjs/passport';
import { AppError } from '../graphql/app-error';
import type { RequestActor } from './actor';
import { BEFORE_SECOND_FACTOR_ENROLMENT, IS_PUBLIC } from './auth.decorators';

const SECOND_FACTOR_ENROLMENT_REQUIRED = {
  ja: 'ネットワークの方針により、続けるには2段階認証の設定が必要です。アカウント画面で設定してください。',
  en: 'Your network requires two-step verification. Set it up on your account page to continue.',
};

@Injectable()
export class AccessTokenGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override getRequest(context: ExecutionContext) {
    return context.getType<string>() === 'graphql'
      ? GqlExecutionContext.create(context).getContext<{ req: unknown }>().req
      : context.switchToHttp().getRequest();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    const request = this.getRequest(context) as { headers: Record<string, unknown> };
    if (isPublic && !request.headers['authorization']) return true;
    let allowed: boolean;
    try {
      allowed = (await super.canActivate(context)) as boolean;
    } catch (error) {
      if (isPublic) return true;
      throw error;
    }
    const actor = (request as { user?: RequestActor }).user;
    if (allowed && !isPublic && actor?.secondFactorEnrolmentRequired) {
      const enrolment = this.reflector.getAllAndOverride<boolean>(BEFORE_SECOND_FACTOR_ENROLMENT, [
        context.getHandler(),
        context.getClass(),
      ]);
      if (!enrolment) {
        throw new AppError('FORBIDDEN', SECOND_FACTOR_ENROLMENT_REQUIRED, { reason: 'SECOND_FACTOR_ENROLMENT_REQUIRED' });
      }
    }
    return allowed;
  }

  override handleRequest<T = RequestActor>(error: unknown, actor: T | false): T {
    if (error || !actor) {
      throw new AppError('UNAUTHENTICATED', {
        ja: 'ログインの有効期限が切れたか、ログインしていません。もう一度ログインしてください。',
        en: 'You are not signed in, or your sign-in has expired. Please sign in again.',
      });
    }
    return actor;
  }
}
