import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DOCKERFILE = join(__dirname, '..', '..', '..', 'Dockerfile');

/**
 * The node flags the predictor is deployed with: the `--` options of the Dockerfile's `predictor` stage CMD, so the
 * benchmark measures the process as deployment starts it (its heap growth included) and cannot drift from it.
 */
export function deploymentNodeFlags(dockerfile = readFileSync(DOCKERFILE, 'utf8')): string[] {
  const stage = /^FROM \S+ AS predictor$([\s\S]*?)(?=^FROM |(?![\s\S]))/m.exec(dockerfile)?.[1];
  const command = stage === undefined ? undefined : /^CMD (\[.*\])$/m.exec(stage)?.[1];
  if (command === undefined) throw new Error(`${DOCKERFILE}: no CMD [...] in the predictor stage`);
  const [executable, ...args] = JSON.parse(command) as string[];
  if (executable !== 'node') throw new Error(`${DOCKERFILE}: the predictor stage's CMD runs ${executable}, not node`);
  return args.filter((arg) => arg.startsWith('--'));
}
