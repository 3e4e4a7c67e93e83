import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const REPO = join(__dirname, '..', '..', '..', '..');

/** Which @tensorflow packages a fresh process holds once `expression` (awaited) has run; TypeScript through swc, as the services run. */
function tensorflowModulesAfter(expression: string): string[] {
  const probe = `Promise.resolve(${expression}).then(() => console.log(JSON.stringify(Object.keys(require.cache).filter((path) => path.includes('@tensorflow')))))`;
  const output = execFileSync(process.execPath, ['-r', '@swc-node/register', '-e', probe], {
    cwd: REPO,
    env: { ...process.env, SWC_NODE_PROJECT: join(REPO, 'tsconfig.base.json') },
    encoding: 'utf8',
  });
  return JSON.parse(output.trim().split('\n').pop()!);
}

describe('TensorFlow.js is loaded on demand', () => {
  it('stays out of a process that imports the models library (the predictor serving boosted trees)', () => {
    expect(tensorflowModulesAfter(`require(${JSON.stringify(join(REPO, 'libs/models/src/index.ts'))})`)).toEqual([]);
  });

  it('is loaded once a backend is asked for', () => {
    const modules = tensorflowModulesAfter(`require(${JSON.stringify(join(REPO, 'libs/models/src/nn/tf-backend.ts'))}).initTfBackend('cpu')`);
    expect(modules).toEqual(expect.arrayContaining([expect.stringContaining('@tensorflow/tfjs')]));
  });
});
