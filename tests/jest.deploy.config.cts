// Deployment tests (`npm run test:deploy`): the product as a newcomer and an operator meet it.
// They run whole installs, builds and images, so they run one at a time with long timeouts,
// and they need root on a Debian machine (they install what they need from Debian's packages).
const shared = require('./jest.shared.cts');

module.exports = {
  ...shared,
  displayName: 'deploy',
  rootDir: '..',
  roots: ['<rootDir>/tests/deploy'],
  testTimeout: 30 * 60_000,
  maxWorkers: 1,
};
