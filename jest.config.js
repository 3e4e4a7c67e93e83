// `npm test` runs every project's tests in one Jest run (one summary for the whole tree).
// Integration suites get their servers from @jobcast/testing (env → testcontainers → tools/stack launchers).
module.exports = {
  projects: ['<rootDir>/apps/*/jest.config.js', '<rootDir>/libs/*/jest.config.js', '<rootDir>/tools/jest.config.js'],
  maxWorkers: 2,
  testTimeout: 120_000,
};
