import type { Command } from 'commander';
import { startEmbeddedApp } from '../embedded/embedded-app';
import { type EmbeddedFlags, resolveEmbeddedOptions } from '../embedded/embedded-options';

/**
 * `jobcast start` (what `npm start` runs): the embedded mode — scraper, features, trainer and predictor in one
 * process on PGlite and an in-process bus, trained on a built-in history, serving HTTP and gRPC until Ctrl-C.
 */
export function register(program: Command): void {
  program
    .command('start')
    .description('run all of Jobcast in one process: train on a built-in history, then serve HTTP and gRPC')
    .option('--history <source>', 'synthetic, or a file: job_status NDJSON, an SWF trace (.swf), a calcloud export (.csv)', 'synthetic')
    .option('--jobs <n>', 'jobs in the synthetic history', '50000')
    .option('--seed <s>', 'seed of the synthetic history', '1')
    .option('--port <port>', 'HTTP port (default PORT or 3000)')
    .option('--grpc-port <port>', 'gRPC port (default GRPC_PORT or 50051)')
    .option('--data-dir <dir>', 'keep the database and models in this folder between runs (default: in memory)')
    .action(async (flags: EmbeddedFlags) => {
      const app = await startEmbeddedApp(resolveEmbeddedOptions(flags));
      await new Promise<void>((resolve) => {
        const stop = (signal: NodeJS.Signals) => {
          process.stderr.write(`\n${signal}: stopping…\n`);
          // A second Ctrl-C while closing means "now".
          process.once(signal, () => process.exit(130));
          app.close().then(resolve, (error: unknown) => {
            process.stderr.write(`jobcast: error while stopping: ${error instanceof Error ? error.message : String(error)}\n`);
            process.exitCode = 1;
            resolve();
          });
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
