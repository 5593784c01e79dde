/** @type {import('jest').Config} */
export default {
  // Each test file gets its own TMPDIR inside the run's own temporary root;
  // what tempDir() made is removed after the file, and anything else left
  // behind fails the run, naming the test file (test/support/temp.ts).
  testEnvironment: '<rootDir>/test/support/tmp-environment.cjs',
  globalSetup: '<rootDir>/test/support/tmp-setup.cjs',
  globalTeardown: '<rootDir>/test/support/tmp-teardown.cjs',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }] },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  // Tests that spawn bundles, servers and PostgreSQL run in parallel workers;
  // each test owns its temp directories and ports, so none share state.
  maxWorkers: 2,
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/support/closing-line-reporter.cjs'],
};
