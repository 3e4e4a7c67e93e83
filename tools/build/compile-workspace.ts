/**
 * Compiles the workspace's TypeScript (apps/ and libs/) to CommonJS in an output folder, for processes that should not
 * carry @swc-node/register: it loads the TypeScript compiler to read tsconfig, ~80 MB of a process's RSS. The
 * predictor's container runs this output (Dockerfile), and so does its benchmark.
 * Run: SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register tools/build/compile-workspace.ts <out-dir>
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { transformFileSync } from '@swc/core';

const REPO = join(__dirname, '..', '..');
/** Source folders the compiled processes load (the apps, the libs they import, and what those import). */
const SOURCE_ROOTS = ['apps', 'libs'];

/** The swc settings of @swc-node/register: legacy decorators with metadata (NestJS), ES2022. */
const SWC_OPTIONS = {
  swcrc: false,
  sourceMaps: false,
  jsc: {
    parser: { syntax: 'typescript' as const, decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: true },
    target: 'es2022' as const,
    keepClassNames: true,
  },
  module: { type: 'commonjs' as const },
};

/**
 * Writes `outDir/{apps,libs}` (specs left out, protos and JSON copied beside the code) and turns the `@jobcast/*` path
 * aliases into `outDir/node_modules/@jobcast/*` links. Third-party packages resolve through NODE_PATH (returned).
 */
export function compileWorkspace(outDir: string): { nodePath: string } {
  if (existsSync(outDir) && readdirSync(outDir).length > 0) throw new Error(`${outDir} is not empty: compile into a new folder`);
  for (const root of SOURCE_ROOTS) compileTree(join(REPO, root), join(outDir, root));
  const aliases = JSON.parse(readFileSync(join(REPO, 'tsconfig.base.json'), 'utf8')).compilerOptions.paths as Record<string, string[]>;
  for (const [alias, [target]] of Object.entries(aliases)) {
    const link = join(outDir, 'node_modules', alias);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(outDir, dirname(target)), link, 'dir');
  }
  return { nodePath: join(REPO, 'node_modules') };
}

/** The compiled entry point of `apps/<app>`. */
export function compiledEntry(outDir: string, app: string): string {
  return join(outDir, 'apps', app, 'src', 'main.js');
}

function compileTree(from: string, to: string): void {
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') compileTree(source, target);
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
      if (entry.name.endsWith('.spec.ts')) continue;
      mkdirSync(to, { recursive: true });
      writeFileSync(target.replace(/\.ts$/, '.js'), transformFileSync(source, SWC_OPTIONS).code);
    } else {
      // protos, JSON and other assets read next to the code
      mkdirSync(to, { recursive: true });
      cpSync(source, target);
    }
  }
}

if (require.main === module) {
  const [outDir] = process.argv.slice(2);
  if (outDir === undefined) {
    console.error('usage: node -r @swc-node/register tools/build/compile-workspace.ts <out-dir>');
    process.exit(2);
  }
  const started = performance.now();
  try {
    compileWorkspace(resolve(outDir));
  } catch (error) {
    console.error(`compile-workspace: ${(error as Error).message}`);
    process.exit(1);
  }
  console.log(`compiled apps/ and libs/ into ${resolve(outDir)} in ${((performance.now() - started) / 1000).toFixed(1)} s (run with NODE_PATH=${join(REPO, 'node_modules')})`);
}
