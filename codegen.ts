// Generates the typed GraphQL operations the web uses from the API's committed schema.
// Run `npm run codegen` after changing schema.gql or any apps/web/**/*.graphql document;
// `npm run codegen:check` (CI) fails when the committed output is stale.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'apps/api/schema.gql',
  documents: ['apps/web/src/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'libs/graphql-client/src/generated/': {
      preset: 'client',
      presetConfig: {
        // Documents are imported by name (HealthDocument); the graphql() tag function is not used.
        gqlTagName: 'graphql',
        fragmentMasking: false,
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: {
          DateTime: 'string',
        },
        avoidOptionals: false,
        skipTypename: false,
      },
    },
    // The operation names above, for the API's metrics labels (the API may not import this lib).
    'apps/api/src/core/metrics/client-operations.generated.ts': {
      plugins: ['./tools/codegen/operation-names.cjs'],
    },
  },
};

export default config;
