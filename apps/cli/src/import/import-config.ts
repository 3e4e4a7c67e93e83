import { parseDatabaseUrl } from '@jobcast/db';
import { z } from 'zod';

/** Where `jobcast import` writes when DATABASE_URL is unset: an embedded PGlite database in the working directory. */
export const DEFAULT_DATABASE_URL = 'pglite://.jobcast/db';

const ImportEnvironment = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .min(1)
    .default(DEFAULT_DATABASE_URL)
    .superRefine((url, context) => {
      try {
        parseDatabaseUrl(url);
      } catch (error) {
        context.addIssue({ code: 'custom', message: (error as Error).message });
      }
    }),
});
export type ImportEnvironment = z.infer<typeof ImportEnvironment>;

/** Reads and validates the importer's environment once; the error names the bad variable. */
export function readImportEnvironment(environment: NodeJS.ProcessEnv = process.env): ImportEnvironment {
  const parsed = ImportEnvironment.safeParse({ DATABASE_URL: environment['DATABASE_URL'] || undefined });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`invalid ${issue.path.join('.')}: ${issue.message}`);
}
