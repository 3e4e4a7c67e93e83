import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { SERVICE_VARIABLES, ServiceAddress, ServiceName } from './services';

const run = promisify(execFile);
const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const STACK_SCRIPT = path.join(REPO_ROOT, 'tools', 'stack');
/** A cold start downloads the jars once (a few minutes); later starts take seconds. */
const UP_TIMEOUT_MS = 20 * 60_000;

/**
 * Starts one service with the tools/stack launchers and returns its address.
 * `up` is idempotent and takes the stack's lock file, so parallel Jest workers asking at once queue there and
 * the later ones find the server healthy.
 */
export async function addressFromStackLauncher(service: ServiceName): Promise<ServiceAddress> {
  if (!existsSync(STACK_SCRIPT)) throw new Error(`${STACK_SCRIPT} is missing`);
  try {
    await run(STACK_SCRIPT, ['up', service], { timeout: UP_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(stderr ? lastLines(stderr, 15) : (error as Error).message);
  }
  const { stdout } = await run(STACK_SCRIPT, ['env', service]);
  return exportedValue(stdout, SERVICE_VARIABLES[service]);
}

function exportedValue(envOutput: string, variable: string): string {
  const line = envOutput.split('\n').find((candidate) => candidate.startsWith(`export ${variable}=`));
  if (!line) throw new Error(`tools/stack env printed no ${variable}`);
  return line.slice(`export ${variable}=`.length);
}

function lastLines(text: string, count: number): string {
  return text.split('\n').slice(-count).join('\n');
}
