// The policy itself, as plain data with no imports: the API sends it (security-headers.ts) and
// the Vite servers of apps/web read it too (vite.config.mts), so there is one list to change.
export type CspDirectives = Record<string, string[]>;

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
  'browsing-topics=()',
  'publickey-credentials-get=(self)',
  'publickey-credentials-create=(self)',
].join(', ');

/** The policy as a header value; over https with upgrade-insecure-requests. */
export function contentSecurityPolicyHeader(overHttps: boolean): string {
  const directives = overHttps ? { ...CONTENT_SECURITY_POLICY, 'upgrade-insecure-requests': [] } : CONTENT_SECURITY_POLICY;
  return Object.entries(directives)
    .map(([name, values]) => [name, ...values].join(' '))
    .join(';');
}
