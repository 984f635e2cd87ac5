// The header hook on a bare Fastify, without the app: which set a request gets, and that the
// policy's own serialisation (read by the Vite preview server) is the one helmet sends.
import Fastify, { FastifyInstance } from 'fastify';
import type { AppConfig } from '../config/config';
import { registerSecurityHeaders } from './security-headers';
import { contentSecurityPolicyHeader } from './security-policy';

async function appWith(cookieSecure: AppConfig['auth']['cookieSecure'], trustProxy: boolean): Promise<FastifyInstance> {
  const fastify = Fastify({ trustProxy });
  await registerSecurityHeaders(fastify, { auth: { cookieSecure } } as AppConfig);
  fastify.get('/', async () => 'ok');
  await fastify.ready();
  return fastify;
}

describe('registerSecurityHeaders', () => {
  it('sends over http the policy contentSecurityPolicyHeader describes, and no HSTS', async () => {
    const fastify = await appWith('auto', true);
    const response = await fastify.inject({ url: '/' });
    expect(response.headers['content-security-policy']).toBe(contentSecurityPolicyHeader(false));
    expect(response.headers['strict-transport-security']).toBeUndefined();
    await fastify.close();
  });

  it('adds HSTS and upgrade-insecure-requests over https from a trusted proxy, or when COOKIE_SECURE forces it', async () => {
    const proxied = await appWith('auto', true);
    const forced = await appWith('always', false);
    for (const response of [
      await proxied.inject({ url: '/', headers: { 'x-forwarded-proto': 'https' } }),
      await forced.inject({ url: '/' }),
    ]) {
      expect(response.headers['content-security-policy']).toBe(contentSecurityPolicyHeader(true));
      expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    }
    await Promise.all([proxied.close(), forced.close()]);
  });

  it('believes no X-Forwarded-Proto without a trusted proxy, and none at all under COOKIE_SECURE=false', async () => {
    for (const [cookieSecure, trustProxy] of [['auto', false], ['never', true]] as const) {
      const fastify = await appWith(cookieSecure, trustProxy);
      const response = await fastify.inject({ url: '/', headers: { 'x-forwarded-proto': 'https' } });
      expect(response.headers['strict-transport-security']).toBeUndefined();
      expect(response.headers['content-security-policy']).toBe(contentSecurityPolicyHeader(false));
      await fastify.close();
    }
  });
});
