import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65_535);

/** What `jobcast start` runs on: the command-line flags, with PORT / GRPC_PORT / HOST from the environment beneath them. */
export const EmbeddedOptions = z.object({
  /** `synthetic`, or a file: NDJSON job_status documents, an SWF trace (`.swf`) or a calcloud export (`.csv`) */
  history: z.string().trim().min(1).default('synthetic'),
  /** jobs in the synthetic history; the embedded index holds them in memory, larger histories need the real stack */
  jobs: z.coerce.number().int().min(1).max(200_000).default(50_000),
  /** seed of the synthetic history */
  seed: z.coerce.number().int().min(0).max(0xffffffff).default(1),
  port: port.default(3000),
  grpcPort: port.default(50051),
  host: z.string().trim().min(1).default('127.0.0.1'),
  /** folder keeping PGlite and the model store between runs; unset = in memory and a temporary folder */
  dataDir: z.string().trim().min(1).optional(),
});
export type EmbeddedOptions = z.output<typeof EmbeddedOptions>;

export interface EmbeddedFlags {
  history?: string;
  jobs?: string;
  seed?: string;
  port?: string;
  grpcPort?: string;
  dataDir?: string;
}

/** Flag names as the user typed them, to name the culprit of a bad value. */
const origins: Record<keyof EmbeddedOptions, string> = {
  history: '--history',
  jobs: '--jobs',
  seed: '--seed',
  port: '--port / PORT',
  grpcPort: '--grpc-port / GRPC_PORT',
  host: 'HOST',
  dataDir: '--data-dir',
};

/** Reads the flags and the environment once; a bad value fails with the flag or variable that carried it. */
export function resolveEmbeddedOptions(flags: EmbeddedFlags, env: NodeJS.ProcessEnv = process.env): EmbeddedOptions {
  const parsed = EmbeddedOptions.safeParse({
    history: flags.history,
    jobs: flags.jobs,
    seed: flags.seed,
    port: flags.port ?? env['PORT'],
    grpcPort: flags.grpcPort ?? env['GRPC_PORT'],
    host: env['HOST'],
    dataDir: flags.dataDir,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${origins[issue.path[0] as keyof EmbeddedOptions] ?? issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid start option: ${problems.join('; ')}`);
  }
  return parsed.data;
}
