// Integration tests: the real API over HTTP against a real PostgreSQL (DATABASE_URL when set,
// otherwise an embedded server). Migrations run once into a template database in global
// setup; every test file gets its own database copied from it.
module.exports = {
  displayName: 'integration',
  rootDir: '..',
  roots: ['<rootDir>/tests/integration'],
  testEnvironment: 'node',
  testMatch: ['**/*.spec.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }],
  },
  // A few dependencies ship only ES modules (Node loads them with require(esm); jest cannot).
  transformIgnorePatterns: [
    '^(?!.*/node_modules/(content-disposition|pg-boss|rrule-temporal|serialize-error|non-error|temporal-spec)/).*/node_modules/',
  ],
  moduleNameMapper: {
    '^@tsunagu/domain$': '<rootDir>/libs/domain/src/index.ts',
    '^@tsunagu/authz$': '<rootDir>/libs/authz/src/index.ts',
    '^@tsunagu/migrations$': '<rootDir>/migrations/index.ts',
  },
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 2,
};
