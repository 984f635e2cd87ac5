import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { nxViteTsPaths } from '@nx/vite/plugins/nx-tsconfig-paths.plugin';
import { contentSecurityPolicyHeader, PERMISSIONS_POLICY } from '../api/src/core/security-headers/security-policy';

// In development the API runs on :3000; the SPA on :4200 reaches it through this proxy,
// so the browser only ever talks to its own origin (as in production, where the API
// serves the built SPA).
const apiTarget = process.env['TSUNAGU_API_URL'] ?? 'http://localhost:3000';
const proxy = Object.fromEntries(
  ['/graphql', '/healthz', '/readyz'].map((path) => [path, { target: apiTarget, changeOrigin: false }]),
);

// The headers the API sends with the app (apps/api/src/core/security-headers), so development
// meets the same rules. The dev server leaves out the Content-Security-Policy: React Fast Refresh
// puts an inline <script> into index.html and HMR talks over ws:, neither of which production
// needs or allows. The preview server serves the built app, and sends the policy as well.
const securityHeaders = {
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': PERMISSIONS_POLICY,
};

export default defineConfig(() => ({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/apps/web',
  server: {
    port: 4200,
    host: 'localhost',
    proxy,
    headers: securityHeaders,
  },
  preview: {
    port: 4300,
    host: 'localhost',
    proxy,
    headers: { ...securityHeaders, 'Content-Security-Policy': contentSecurityPolicyHeader(false) },
  },
  plugins: [react(), nxViteTsPaths()],
  build: {
    outDir: '../../dist/apps/web',
    emptyOutDir: true,
    reportCompressedSize: true,
    rolldownOptions: {
      output: {
        // Vendor code changes rarely: separate chunks stay cached across app releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/ },
            // Only the Mantine code every page loads ($initial): @mantine/tiptap and the components only it uses stay in the
            // chunk of the lazily loaded rich-text editor (rich-text-editor.tsx).
            { name: 'mantine', test: /node_modules[\\/]@mantine[\\/]/, tags: ['$initial'] },
            { name: 'apollo', test: /node_modules[\\/](@apollo|graphql|rxjs|@wry|optimism|@graphql-typed-document-node)[\\/]/ },
            { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next)[\\/]/ },
          ],
        },
      },
    },
  },
}));
