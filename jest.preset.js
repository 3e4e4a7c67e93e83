// Shared Jest settings: swc transpiles TypeScript (with decorator metadata for NestJS),
// and the @jobcast/* aliases resolve from tsconfig.base.json so tests see the same modules as the apps.
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [
    `^${alias}$`,
    path.join(__dirname, target),
  ]),
);

const swcOptions = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true, dynamicImport: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};

const dependencySwcOptions = {
  jsc: { parser: { syntax: 'ecmascript', dynamicImport: true }, target: 'es2022' },
  module: { type: 'commonjs' },
};

module.exports = {
  testEnvironment: 'node',
  // kysely ships ES modules only and PGlite loads Node built-ins with import(), neither of which Jest's module
  // system runs without --experimental-vm-modules: swc compiles both to plain CommonJS requires.
  transform: {
    '^.+\\.ts$': ['@swc/jest', swcOptions],
    '/node_modules/(kysely|@electric-sql/pglite)/.+\\.c?js$': ['@swc/jest', dependencySwcOptions],
  },
  transformIgnorePatterns: ['/node_modules/(?!(kysely|@electric-sql/pglite)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  testMatch: ['<rootDir>/**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
