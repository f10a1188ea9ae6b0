/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2020' } }] },
  testTimeout: 60000,
  // CI lists every test by name, so its log shows the browser tests ran (none skipped).
  verbose: process.env.CI === 'true',
  reporters: ['default', '<rootDir>/test/plain-summary-reporter.js'],
};
