// How every sign-in mutation answers (login, the second step, invitation acceptance): the access
// token with the refresh cookie set, or the pending second step and no cookie.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { setRefreshCookie } from '../../core/auth/refresh-cookie';
import type { AppConfig } from '../../core/config/config';
import { AuthPayload, SecondFactorMethod, SignInResult } from './account.model';
import type { SignedIn, SignInStep } from './accounts.service';

export interface HttpContext {
  readonly req: FastifyRequest;
  readonly reply: FastifyReply;
}

export function signedInResponse(config: AppConfig, context: HttpContext, signedIn: SignedIn): AuthPayload {
  if (signedIn.refreshToken && signedIn.refreshExpiresAt) {
    setRefreshCookie(config, context.req, context.reply, signedIn.refreshToken, signedIn.refreshExpiresAt);
  }
  return signedIn.payload;
}

export function signInStepResponse(config: AppConfig, context: HttpContext, step: SignInStep): SignInResult {
  if (step.signedIn) return { auth: signedInResponse(config, context, step.signedIn), secondFactor: null };
  const { token, expiresAt, methods } = step.secondFactor;
  return { auth: null, secondFactor: { token, expiresAt, methods: methods.map((method) => SecondFactorMethod[method]) } };
}
