import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'undici';
import { processCpuSeconds } from './process-cpu';

const REPO = join(__dirname, '..', '..', '..');

export interface PredictorProcess {
  child: ChildProcess;
  httpUrl: string;
  grpcTarget: string;
  /** resident and peak resident memory of the predictor, MB (Linux /proc) */
  memory(): { rssMb: number; peakRssMb: number };
  /** starts a new peak (VmHWM) from the current resident memory, so a peak can be read for one part of the run */
  resetPeakMemory(): void;
  /** CPU seconds (user + system) the predictor has used so far (Linux /proc): a figure the machine's load does not skew */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/** How the predictor's process is started: from source through @swc-node/register, or compiled (tools/build/compile-workspace.ts). */
export type PredictorLaunch = { kind: 'source' } | { kind: 'compiled'; entry: string; nodePath: string };

/** Starts the predictor as its own process (so the load generator does not share its event loop). */
export async function startPredictorProcess(
  env: Record<string, string>,
  httpPort: number,
  grpcPort: number,
  launch: PredictorLaunch,
  nodeArgs: readonly string[] = [],
): Promise<PredictorProcess> {
  const entryArgs = launch.kind === 'source' ? ['-r', '@swc-node/register', join(REPO, 'apps/predictor/src/main.ts')] : [launch.entry];
  const launchEnv = launch.kind === 'source' ? { SWC_NODE_PROJECT: join(REPO, 'tsconfig.base.json') } : { NODE_PATH: launch.nodePath };
  const child = spawn(process.execPath, [...nodeArgs, ...entryArgs], {
    cwd: REPO,
    env: { ...process.env, ...launchEnv, HOST: '127.0.0.1', PORT: String(httpPort), GRPC_PORT: String(grpcPort), ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const httpUrl = `http://127.0.0.1:${httpPort}`;
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`predictor exited with code ${code}`))));
  await Promise.race([waitUntilReady(httpUrl), exited]);
  return {
    child,
    httpUrl,
    grpcTarget: `127.0.0.1:${grpcPort}`,
    memory: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
      return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
    },
    resetPeakMemory: () => writeFileSync(`/proc/${child.pid}/clear_refs`, '5'),
    cpuSeconds: () => processCpuSeconds(child.pid!),
    stop: () =>
      new Promise((resolve) => {
        child.removeAllListeners('exit');
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function waitUntilReady(httpUrl: string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      // `reset`: the probe's connection closes after the answer. Left idle, the predictor would close it after its 72 s
      // keep-alive timeout, in the middle of the latency test; that first socket end after the request path was
      // optimised deoptimised Node's stream code ("wrong map": `Readable.push`, `flow`, …) — a few slow seconds.
      const { statusCode, body } = await request(`${httpUrl}/health/ready`, { reset: true });
      await body.dump();
      if (statusCode === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`predictor at ${httpUrl} not ready within ${timeoutMs / 1000} s`);
}
