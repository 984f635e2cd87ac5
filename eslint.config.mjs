import nx from '@nx/eslint-plugin';

// Module boundaries are enforced here, not by hope: the web never reaches into the API,
// libs/domain stays free of any framework, and the shared authorisation rules stay
// framework-free so both API and web can run them.
const frameworkImports = ['@nestjs/*', 'typeorm', 'pg', 'react', 'react-dom', '@apollo/*', '@mantine/*', 'fastify'];

const baseConfig = [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: [
      '**/dist',
      '**/out-tsc',
      '**/vite.config.*.timestamp*',
      '**/vitest.config.*.timestamp*',
      'libs/graphql-client/src/generated/**',
      '.data/**',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          // The workspace package.json is read for the version the API reports. Unit specs share the
          // test helpers in tests/support; that production code never imports from tests/ is
          // checked by apps/api/src/core/architecture.spec.ts.
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$', '^(\\.\\./)+package\\.json$', '^(\\.\\./)+tests/support/'],
          depConstraints: [
            {
              sourceTag: 'scope:api',
              onlyDependOnLibsWithTags: ['type:domain', 'type:authz', 'type:migrations'],
            },
            {
              sourceTag: 'scope:web',
              onlyDependOnLibsWithTags: ['type:domain', 'type:authz', 'type:client', 'type:ui'],
              bannedExternalImports: ['@nestjs/*', 'typeorm', 'pg', 'fastify'],
            },
            {
              sourceTag: 'type:migrations',
              onlyDependOnLibsWithTags: [],
            },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain'],
              bannedExternalImports: frameworkImports,
            },
            {
              sourceTag: 'type:authz',
              onlyDependOnLibsWithTags: ['type:domain'],
              bannedExternalImports: frameworkImports,
            },
            {
              sourceTag: 'type:client',
              onlyDependOnLibsWithTags: ['type:client'],
              bannedExternalImports: ['@nestjs/*', 'typeorm', 'pg', 'fastify'],
            },
            {
              sourceTag: 'type:ui',
              onlyDependOnLibsWithTags: ['type:domain', 'type:ui'],
              bannedExternalImports: ['@nestjs/*', 'typeorm', 'pg', 'fastify'],
            },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Every e2e spec runs under the Content-Security-Policy guard of tests/e2e/support/test.ts.
    files: ['tests/e2e/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@playwright/test',
              importNames: ['test'],
              message: "Import test from './support/test': it fails a test whose page breaks the Content-Security-Policy.",
            },
          ],
        },
      ],
    },
  },
];

export default baseConfig;

/** The React projects (apps/web, libs/ui): the base rules plus React's, and no literal UI text. */
export const reactConfig = [
  ...nx.configs['flat/react'],
  ...baseConfig,
  {
    files: ['**/*.tsx', '**/*.jsx'],
    rules: {
      // Every UI string comes from the i18n resources (apps/web/src/app/i18n); libs/ui takes
      // translated text as props. Literal text in JSX is therefore an error.
      'react/jsx-no-literals': ['error', { noStrings: false, ignoreProps: true }],
    },
  },
];
