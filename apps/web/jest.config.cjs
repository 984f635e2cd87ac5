// Unit tests of the web's pure helpers (no DOM: pages are covered by the Playwright e2e tests).
module.exports = {
  displayName: 'web',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  moduleFileExtensions: ['ts', 'js'],
  coverageDirectory: '../../coverage/apps/web',
};
