import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '@jobcast/testing';

const ROOT = join(__dirname, '../../..');
const ENTRIES = {
  scraper: join(ROOT, 'apps/scraper/src/main.ts'),
  features: join(ROOT, 'apps/features/src/main.ts'),
} as const;

export type ServiceName = keyof typeof ENTRIES;

/** A Jobcast service running as its own process (as in production), reachable on its HTTP port. */
export interface ServiceProcess {
  name: ServiceName;
  port: number;
  logFile: string;
  /** resolves with the exit code (null when killed by a signal) */
  exited: Promise<number | null>;
  /** every metric of /metrics, summed over labels; null while the process does not answer */
  metrics(): Promise<Map<string, number> | null>;
  kill(signal: NodeJS.Signals): void;
}

/**
 * Starts `apps/<name>/src/main.ts` from source (swc), with `env` added to this process's environment. With
 * BENCH_CPU_PROFILE_DIR set, the service writes a V8 CPU profile there when it exits (node refuses --cpu-prof in
 * NODE_OPTIONS).
 */
export async function startService(name: ServiceName, env: NodeJS.ProcessEnv, logDir: string): Promise<ServiceProcess> {
  const port = await freePort();
  const logFile = join(logDir, `${name}-${Date.now()}.log`);
  const log = createWriteStream(logFile);
  const profileDir = process.env['BENCH_CPU_PROFILE_DIR'];
  const profiling = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}-${Date.now()}.cpuprofile`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profiling, '-r', '@swc-node/register', ENTRIES[name]], {
    cwd: ROOT,
    env: { ...process.env, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json'), KAFKA_LOG_LEVEL: 'error', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    name,
    port,
    logFile,
    exited,
    metrics: () => fetchMetrics(port),
    kill: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
}

async function fetchMetrics(port: number): Promise<Map<string, number> | null> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/metrics`);
    if (!response.ok) return null;
    return parsePrometheusText(await response.text());
  } catch {
    return null;
  }
}

/** `name{labels} value` lines → value per metric name, summed over label sets. */
export function parsePrometheusText(text: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{[^}]*\})?\s+(\S+)/.exec(line);
    if (!match) continue;
    const value = Number(match[2]);
    if (Number.isFinite(value)) values.set(match[1], (values.get(match[1]) ?? 0) + value);
  }
  return values;
}
