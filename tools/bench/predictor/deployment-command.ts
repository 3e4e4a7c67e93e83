import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DOCKERFILE = join(__dirname, '..', '..', '..', 'Dockerfile');

export interface DeploymentCommand {
  /** the `--` options given to node */
  nodeFlags: string[];
  /** whether it runs compiled JavaScript (tools/build/compile-workspace.ts) rather than TypeScript through @swc-node/register */
  compiled: boolean;
}

/**
 * How the predictor is deployed: the node command of the Dockerfile's `predictor` stage CMD, so the benchmark starts
 * the process as deployment does (its heap growth and its loaded modules included) and cannot drift from it.
 */
export function deploymentCommand(dockerfile = readFileSync(DOCKERFILE, 'utf8')): DeploymentCommand {
  const stage = /^FROM \S+ AS predictor$([\s\S]*?)(?=^FROM |(?![\s\S]))/m.exec(dockerfile)?.[1];
  const command = stage === undefined ? undefined : /^CMD (\[.*\])$/m.exec(stage)?.[1];
  if (command === undefined) throw new Error(`${DOCKERFILE}: no CMD [...] in the predictor stage`);
  const [executable, ...args] = JSON.parse(command) as string[];
  if (executable !== 'node') throw new Error(`${DOCKERFILE}: the predictor stage's CMD runs ${executable}, not node`);
  const script = args.find((arg) => !arg.startsWith('-') && arg !== '@swc-node/register');
  return { nodeFlags: args.filter((arg) => arg.startsWith('--')), compiled: script?.endsWith('.js') === true };
}
