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

type CspDirectives = Record<string, string[]>;

/** What the SPA (React, Mantine, Tiptap, Apollo) needs and no more. */
export const CONTENT_SECURITY_POLICY: CspDirectives = {
  'default-src': ["'self'"],
  // The built index.html has no inline script (Vite puts its module-preload helper in a file);
  // nothing calls eval. An injected <script> or on…= attribute does not run.
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  // 'unsafe-inline' for styles only, and on purpose: Mantine renders <style data-mantine-styles>
  // elements for its theme's CSS variables and for responsive style props, and Tiptap injects
  // a <style data-tiptap-style> when the rich-text editor opens. A nonce would need index.html
  // rendered per request and every library taught the nonce; what it would stop (injected CSS
  // restyling a page) is far less than what script-src stops, and React's style props go
  // through the CSSOM, which CSP does not govern either way.
  'style-src': ["'self'", "'unsafe-inline'"],
  // data: for TOTP QR codes and Mantine's inline SVG icons, blob: for training images fetched
  // with the bearer token; https: for organisation logos, which are linked by URL (a profile
  // field). Referrer-Policy no-referrer keeps the page's address from the logo's host.
  'img-src': ["'self'", 'data:', 'blob:', 'https:'],
  // Training video and audio are fetched with the bearer token and played from a blob: URL.
  'media-src': ["'self'", 'blob:'],
  'font-src': ["'self'", 'data:'],
  // The browser talks to its own origin only (/graphql, /api/files); traces leave from the
  // server, never from the page.
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  // No <base> in index.html: a relative URL cannot be bent elsewhere by an injected one.
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * Browser features the app never uses, switched off for the page and anything it embeds;
 * WebAuthn (passkeys) stays allowed for the app's own origin. helmet does not set this header.
 */
export const PERMISSIONS_POLICY = [
  'camera=()',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'bluetooth=()',
  'hid=()',
  'midi=()',
  'display-capture=()',
  'interest-cohort=()',
  'browsing-topics=()',
  'publickey-credentials-get=(self)',
  'publickey-credentials-create=(self)',
].join(', ');

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
