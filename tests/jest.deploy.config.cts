// Deployment tests (`npm run test:deploy`): the product as a newcomer and an operator meet it.
// They run whole installs, builds and images, so they run one at a time with long timeouts,
// and they need root on a Debian machine (they install what they need from Debian's packages).
module.exports = {
  displayName: 'deploy',
  rootDir: '..',
  roots: ['<rootDir>/tests/deploy'],
  testEnvironment: 'node',
  testMatch: ['**/*.spec.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }],
  },
  testTimeout: 30 * 60_000,
  maxWorkers: 1,
};
