// The jest config every framework-free lib (domain, authz) uses: its specs in Node through
// ts-jest with the lib's tsconfig.spec.json. A lib's jest.config.cts names only itself.
module.exports = function jestLibConfig(name) {
  return {
    displayName: name,
    preset: '../../jest.preset.js',
    testEnvironment: 'node',
    transform: {
      '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
    },
    moduleFileExtensions: ['ts', 'js', 'html'],
    coverageDirectory: `../../coverage/libs/${name}`,
  };
};
