// The refresh token lives only in an httpOnly, SameSite=Strict cookie scoped to /graphql, so
// page scripts cannot read it and other sites cannot send it. Secure under https.
// setCookie, clearCookie and request.cookies are @fastify/cookie's additions to Fastify's types.
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/config';

export const REFRESH_COOKIE = 'tsunagu_refresh';
const COOKIE_PATH = '/graphql';

/**
 * Whether the request reached us over https, directly or through a trusted proxy (Fastify reads
 * X-Forwarded-Proto only from TRUST_PROXY), unless COOKIE_SECURE says so outright. The Secure
 * flag here and HSTS (core/security-headers) follow this one rule.
 */
export function servedOverHttps(config: AppConfig, request: FastifyRequest): boolean {
  if (config.auth.cookieSecure === 'always') return true;
  if (config.auth.cookieSecure === 'never') return false;
  return request.protocol === 'https';
}

export function setRefreshCookie(
  config: AppConfig,
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expiresAt: Date,
): void {
  reply.setCookie(REFRESH_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: servedOverHttps(config, request),
    path: COOKIE_PATH,
    expires: expiresAt,
  });
}

export function clearRefreshCookie(config: AppConfig, request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH, httpOnly: true, sameSite: 'strict', secure: servedOverHttps(config, request) });
}

export function readRefreshCookie(request: FastifyRequest): string | undefined {
  return request.cookies?.[REFRESH_COOKIE];
}
