// What the integration and deployment suites share: TypeScript through ts-jest, the workspace's
// library aliases, and the ESM-only dependencies jest must transform.
module.exports = {
  testEnvironment: 'node',
  testMatch: ['**/*.spec.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }],
  },
  // A few dependencies ship only ES modules (Node loads them with require(esm); jest cannot);
  // @scure/base and @noble/hashes are those of otplib (TOTP).
  transformIgnorePatterns: [
    '^(?!.*/node_modules/(content-disposition|pg-boss|rrule-temporal|serialize-error|non-error|temporal-spec|@scure/base|@noble/hashes)/).*/node_modules/',
  ],
  moduleNameMapper: {
    '^@tsunagu/domain$': '<rootDir>/libs/domain/src/index.ts',
    '^@tsunagu/authz$': '<rootDir>/libs/authz/src/index.ts',
    '^@tsunagu/migrations$': '<rootDir>/migrations/index.ts',
  },
};
