import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

// Module boundaries: apps depend on libs; `contracts` imports nothing of ours; domain libs (features, models)
// know no transport or adapter; adapters (db, messaging) build on contracts only.
const depConstraints = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:adapter', 'type:app'] },
  { sourceTag: 'type:tools', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:adapter', 'type:testing', 'type:app'] },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain'] },
  { sourceTag: 'type:adapter', onlyDependOnLibsWithTags: ['type:contracts'] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contracts', 'type:adapter'] },
];
// The four services are also modules: the CLI hosts them in one process (embedded mode, one-shot backfill),
// and benchmarks and scenarios drive them. Nx forbids importing applications unless the path is allowed by name.
const serviceModules = ['@jobcast/scraper', '@jobcast/features-app', '@jobcast/trainer', '@jobcast/predictor'];
const boundaries = (allow) => ['error', { enforceBuildableLibDependency: false, allow, depConstraints }];

export default [
  { ignores: ['**/*.js', '**/node_modules', '**/dist', '**/tmp', '.nx', '.stack'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': boundaries([]),
    },
  },
  { files: ['apps/cli/**/*.ts', 'tools/**/*.ts'], rules: { '@nx/enforce-module-boundaries': boundaries(serviceModules) } },
  // Tests (and their support code) of any project may ask the harness for real servers.
  { files: ['**/*.spec.ts', '**/test-support/**/*.ts'], rules: { '@nx/enforce-module-boundaries': boundaries(['@jobcast/testing', ...serviceModules]) } },
];
