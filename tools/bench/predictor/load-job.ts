import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { SteadyRateOptions } from './steady-rate-load';

/** A client-side load the bench hands to its own process (see load-worker.ts). */
export type LoadJob =
  | ({ kind: 'http-steady-rate' } & SteadyRateOptions)
  | { kind: 'grpc-unary'; target: string; request: unknown; seconds: number; concurrency: number }
  | { kind: 'grpc-batch'; target: string; items: unknown[]; seconds: number; inFlight: number }
  | { kind: 'http-batch'; target: string; items: unknown[]; seconds: number; inFlight: number };

/** Runs `job` in a child process (TypeScript through swc, like the bench) and resolves with its figures. */
export function runInLoadWorker<Figures>(job: LoadJob): Promise<Figures> {
  const child = fork(join(__dirname, 'load-worker.ts'), [], { execArgv: ['-r', '@swc-node/register'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (answer: { ok: true; figures: Figures } | { ok: false; error: string }) =>
      answer.ok ? resolve(answer.figures) : reject(new Error(`load worker (${job.kind}): ${answer.error}`)),
    );
    child.once('exit', (code) => reject(new Error(`load worker (${job.kind}) exited with code ${code} before answering`)));
    child.send(job);
  });
}
