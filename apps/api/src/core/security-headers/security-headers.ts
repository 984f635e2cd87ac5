// Security headers on every response of the API process: the web app (index.html, its assets,
// client routes), /graphql, file downloads, probes and error answers alike. Set by helmet (a
// well-kept library that also removes X-Powered-By) in an onRequest hook, so a route that knows
// better may still replace one: a file download answers with its own, stricter
// `Content-Security-Policy: default-src 'none'; sandbox` (files.controller.ts).
//
// Two header sets, chosen per request: HSTS and upgrade-insecure-requests only when the request
// arrived over https (directly or through a trusted proxy: the rule the refresh cookie's Secure
// flag follows). Over plain http (npm start on a laptop, a LAN install) they would pin a browser
// to an https that does not exist. docs/security.md ("Security headers") explains the policy;
// docker/ has no server of its own in front of the SPA, so this is the one place it is set.
import fastifyHelmet, { FastifyHelmetOptions } from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { servedOverHttps } from '../auth/refresh-cookie';
import type { AppConfig } from '../config/config';
import { CONTENT_SECURITY_POLICY, PERMISSIONS_POLICY } from './security-policy';

/** A year, as browsers' preload lists ask; subdomains of the app's host are the operator's too. */
const HSTS_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

export function helmetOptions(overHttps: boolean): FastifyHelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: overHttps ? { ...CONTENT_SECURITY_POLICY, 'upgrade-insecure-requests': [] } : CONTENT_SECURITY_POLICY,
    },
    // Mail links carry tokens (password reset, invitations): no address leaves in a Referer.
    referrerPolicy: { policy: 'no-referrer' },
    // The legacy twin of frame-ancestors 'none', for browsers without CSP level 2.
    xFrameOptions: { action: 'deny' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    strictTransportSecurity: overHttps ? { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: true } : false,
  };
}

export async function registerSecurityHeaders(fastify: FastifyInstance, config: AppConfig): Promise<void> {
  const overHttp = helmetOptions(false);
  const overHttps = helmetOptions(true);
  // Not global: helmet's own hook would apply one fixed set; this hook picks the set per request.
  await fastify.register(fastifyHelmet, { global: false, ...overHttp });
  fastify.addHook('onRequest', async (request, reply) => {
    reply.helmet(servedOverHttps(config, request) ? overHttps : overHttp);
    reply.header('permissions-policy', PERMISSIONS_POLICY);
  });
}
