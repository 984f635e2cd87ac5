module.exports = {
  displayName: 'api',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }]
  },
  // pg-boss, otplib and a few of their dependencies ship only ES modules (Node loads them with
  // require(esm); jest cannot), so ts-jest compiles them too, wherever they are nested.
  transformIgnorePatterns: ['^(?!.*/node_modules/(pg-boss|rrule-temporal|serialize-error|non-error|temporal-spec|@scure/base|@noble/hashes)/).*/node_modules/'],
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../coverage/apps/api'
};
