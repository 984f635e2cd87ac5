// Security headers on every kind of answer the API process gives: the web app's index.html (at /
// and at a client route), an asset, /graphql (POST and GET), a real file download (which keeps
// its own stricter policy), the probes and a 404. HSTS and upgrade-insecure-requests only when
// the request came over https: through a trusted proxy, never on a direct caller's say-so.
// The web app here is a stand-in index.html in a temporary directory (the integration run builds
// the API only); the real build runs under this policy in every e2e test (tests/e2e/support/test.ts).
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { RunningApi, startApi } from '../support/api';
import { setupApiTest } from '../support/harness';
import { oneOrganizationNetwork } from '../support/networks';
import { sampleFiles } from '../support/sample-files';

const webDir = path.join(tmpdir(), `tsunagu-security-headers-web-${process.pid}`);
const STAND_IN_INDEX = '<!DOCTYPE html><html><head><script type="module" src="/assets/app.js"></script></head><body></body></html>';

const t = setupApiTest({
  storage: true,
  // Believes X-Forwarded-Proto from loopback only: the test plays the reverse proxy.
  env: { WEB_DIST_DIR: webDir, TRUST_PROXY: 'loopback' },
  networks: { network: oneOrganizationNetwork('security-headers', { hub: 'INTERMEDIARY' }, { editor: ['GRANT_EDITOR'] }) },
  beforeStart: async () => {
    await mkdir(path.join(webDir, 'assets'), { recursive: true });
    await writeFile(path.join(webDir, 'index.html'), STAND_IN_INDEX);
    await writeFile(path.join(webDir, 'assets/app.js'), 'export {};\n');
  },
});
t.onClose(() => rm(webDir, { recursive: true, force: true }));

const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "media-src 'self' blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join(';');

function get(pathAndQuery: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${t.api.url}${pathAndQuery}`, { headers });
}

/** The headers every answer carries, whatever it is. */
function expectCommonHeaders(response: Response): void {
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  expect(response.headers.get('x-powered-by')).toBeNull();
  const permissions = response.headers.get('permissions-policy') ?? '';
  for (const feature of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()', 'usb=()']) expect(permissions).toContain(feature);
  // Passkeys keep working on the app's own origin.
  expect(permissions).toContain('publickey-credentials-get=(self)');
  expect(permissions).toContain('publickey-credentials-create=(self)');
}

/** The app's policy, over plain http: common headers, the CSP without upgrade-insecure-requests, no HSTS. */
function expectAppHeadersOverHttp(response: Response): void {
  expectCommonHeaders(response);
  expect(response.headers.get('content-security-policy')).toBe(POLICY);
  expect(response.headers.get('strict-transport-security')).toBeNull();
}

describe('security headers', () => {
  it('are on the web app: / (index.html), a client route deep link, and an asset', async () => {
    for (const pathAndQuery of ['/', '/people/0b0e4b4e-0000-4000-8000-000000000000?tab=records', '/assets/app.js']) {
      const response = await get(pathAndQuery);
      expect({ pathAndQuery, status: response.status }).toEqual({ pathAndQuery, status: 200 });
      expectAppHeadersOverHttp(response);
    }
    // The stand-in index.html was served (not some other answer that happens to carry headers).
    expect(await (await get('/people')).text()).toBe(STAND_IN_INDEX);
  });

  it('are on /graphql, POST and GET, and on the probes and a missing asset', async () => {
    const post = await fetch(`${t.api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(post.status).toBe(200);
    expectAppHeadersOverHttp(post);

    const query = encodeURIComponent('{ __typename }');
    const getQuery = await get(`/graphql?query=${query}`, { 'apollo-require-preflight': 'true' });
    expect(getQuery.status).toBe(200);
    expectAppHeadersOverHttp(getQuery);

    for (const probe of ['/healthz', '/readyz', '/assets/missing.js']) expectAppHeadersOverHttp(await get(probe));
  });

  it('are on a real file download, which keeps its own sandboxing policy and stays an attachment', async () => {
    const editor = t.clients['editor'];
    const form = new FormData();
    form.append('purpose', 'GRANT_ATTACHMENT');
    form.append('file', new Blob([new Uint8Array(sampleFiles.pdf())]), '募集要項.pdf');
    const uploaded = await fetch(`${t.api.url}/api/files`, { method: 'POST', body: form, headers: { authorization: `Bearer ${editor.token}` } });
    expect(uploaded.status).toBe(201);
    const { id } = (await uploaded.json()) as { id: string };

    const download = await get(`/api/files/${id}`, { authorization: `Bearer ${editor.token}` });
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(sampleFiles.pdf());
    expectCommonHeaders(download);
    // Stricter than the app's: the file runs nothing even when opened directly.
    expect(download.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(download.headers.get('strict-transport-security')).toBeNull();
  });

  it('add HSTS and upgrade-insecure-requests when a trusted proxy says the request came over https', async () => {
    for (const pathAndQuery of ['/', '/healthz']) {
      const response = await get(pathAndQuery, { 'x-forwarded-proto': 'https' });
      expectCommonHeaders(response);
      expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
      expect(response.headers.get('content-security-policy')).toBe(`${POLICY};upgrade-insecure-requests`);
    }
  });

  it('leave HSTS out when X-Forwarded-Proto comes from a caller that is not a trusted proxy', async () => {
    let direct: RunningApi | undefined;
    try {
      direct = await startApi(t.database, { WEB_DIST_DIR: webDir, TRUST_PROXY: 'false' });
      const response = await fetch(`${direct.url}/`, { headers: { 'x-forwarded-proto': 'https' } });
      expect(response.status).toBe(200);
      expectAppHeadersOverHttp(response);
    } finally {
      await direct?.close();
    }
  });
});
