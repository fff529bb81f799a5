/**
 * Two projects (docs/decisions/0031-test-projects.md):
 *  - unit: pure logic, no emulator, no global setup; `npm run test:unit` runs it in seconds.
 *  - integration: the integration and rules tests, around a Firestore emulator and an Auth emulator that the
 *    global setup starts (or finds through FIRESTORE_EMULATOR_HOST); its teardown merges the query shapes the
 *    run recorded (DEBTX_RECORD_QUERIES) for the index check.
 * `npx jest` runs both; `npx jest --selectProjects unit` (or integration) one.
 */
const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  setupFiles: ['<rootDir>/test/support/isolateProject.ts'],
  testTimeout: 30000,
};

/** @type {import('jest').Config} */
module.exports = {
  // Also here: jest takes some options from the top level only, whichever projects run.
  testTimeout: 30000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      roots: ['<rootDir>/test/unit'],
      setupFiles: [...shared.setupFiles, '<rootDir>/test/support/noEmulator.ts'],
    },
    {
      ...shared,
      displayName: 'integration',
      roots: ['<rootDir>/test/integration', '<rootDir>/test/rules'],
      globalSetup: '<rootDir>/test/support/globalSetup.ts',
      globalTeardown: '<rootDir>/test/support/globalTeardown.ts',
    },
  ],
};
