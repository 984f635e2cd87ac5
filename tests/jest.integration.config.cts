// Integration tests: the real API over HTTP against a real PostgreSQL (DATABASE_URL when set,
// otherwise an embedded server). Migrations run once into a template database in global
// setup; every test file gets its own database copied from it.
const shared = require('./jest.shared.cts');

module.exports = {
  ...shared,
  displayName: 'integration',
  rootDir: '..',
  roots: ['<rootDir>/tests/integration'],
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 2,
};
