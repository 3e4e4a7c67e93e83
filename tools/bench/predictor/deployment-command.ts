import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stageCommand } from '../../build/dockerfile';

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
  const [executable, ...args] = stageCommand(dockerfile, 'predictor');
  if (executable !== 'node') throw new Error(`${DOCKERFILE}: the predictor stage's CMD runs ${executable}, not node`);
  const script = args.find((arg) => !arg.startsWith('-') && arg !== '@swc-node/register');
  return { nodeFlags: args.filter((arg) => arg.startsWith('--')), compiled: script?.endsWith('.js') === true };
}
