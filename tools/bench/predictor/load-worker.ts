/**
 * Runs one client-side load (HTTP at a steady rate, gRPC unary, gRPC batch or HTTP batch) in its own process, so its
 * timers and decoding do not share an event loop with the bench's other work. Started by `runInLoadWorker`; answers
 * its figures over IPC.
 */
import { grpcBatchLoad, httpBatchLoad } from './batch-load';
import { grpcUnaryLoad } from './grpc-unary-load';
import type { LoadJob } from './load-job';
import { steadyRateLoad } from './steady-rate-load';

async function run(job: LoadJob): Promise<unknown> {
  switch (job.kind) {
    case 'http-steady-rate':
      return steadyRateLoad(job);
    case 'grpc-unary':
      return grpcUnaryLoad(job.target, job.request, job.seconds, job.concurrency);
    case 'grpc-batch':
      return grpcBatchLoad(job.target, job.items, job.seconds, job.inFlight);
    case 'http-batch':
      return httpBatchLoad(job.target, job.items, job.seconds, job.inFlight);
  }
}

process.once('message', (job: LoadJob) => {
  run(job).then(
    (figures) => process.send!({ ok: true, figures }, () => process.exit(0)),
    (error: Error) => process.send!({ ok: false, error: error.stack ?? error.message }, () => process.exit(1)),
  );
});
