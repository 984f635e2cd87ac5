import nx from '@nx/eslint-plugin';
import baseConfig from '../../eslint.config.mjs';

export default [
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
