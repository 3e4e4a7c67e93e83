import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { transformFileSync } from '@swc/core';

const REPO = join(__dirname, '..', '..', '..');
/** Source folders the predictor's process can load (its own code, the libs it imports, and what they import). */
const SOURCE_ROOTS = ['apps', 'libs'];

/**
 * Compiles the workspace's TypeScript to CommonJS in `outDir` as a deployment would (swc, the same settings as
 * @swc-node/register: legacy decorators with metadata, ES2022), so the bench measures the predictor without the
 * in-process transpiler (@swc-node/register loads the TypeScript compiler: about 90 MB of the from-source RSS).
 * `@jobcast/*` path aliases become `outDir/node_modules/@jobcast/*` links; third-party packages resolve through
 * NODE_PATH (returned). Returns the compiled entry point of the predictor.
 */
export function compilePredictor(outDir: string): { entry: string; nodePath: string } {
  for (const root of SOURCE_ROOTS) compileTree(join(REPO, root), join(outDir, root));
  const aliases = JSON.parse(readFileSync(join(REPO, 'tsconfig.base.json'), 'utf8')).compilerOptions.paths as Record<string, string[]>;
  for (const [alias, [target]] of Object.entries(aliases)) {
    const link = join(outDir, 'node_modules', alias);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(outDir, dirname(target)), link, 'dir');
  }
  return { entry: join(outDir, 'apps', 'predictor', 'src', 'main.js'), nodePath: join(REPO, 'node_modules') };
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
