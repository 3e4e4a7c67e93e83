/**
 * Where run artifacts live: `<store>/<family>/<run name>/`. A folder by default, S3-compatible storage for
 * deployments with several hosts. A run is published whole or not at all, so a reader never sees half a run.
 */
export interface ModelStore {
  /** e.g. `folder /var/lib/jobcast/models` or `s3://bucket/prefix` */
  readonly description: string;
  /**
   * Publishes a local run folder as `<family>/<run key>/` (the key is the run name, or `<sweep>/<run name>`);
   * returns the run's location. Fails if it exists.
   */
  putRun(family: string, runKey: string, localDir: string): Promise<string>;
  /** One artifact of a stored run, by its path relative to the run. */
  readArtifact(location: string, relativePath: string): Promise<Buffer>;
  /** The stored run as a local folder (the folder itself, or a download into the cache for S3). */
  materialize(location: string): Promise<string>;
}

/** Dependency-injection token for the store. */
export const MODEL_STORE = 'jobcast.ModelStore';

const SAFE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._=-]*$/;

/** Family and run names become path segments; refuse anything that could escape the store. */
export function assertSafeSegment(kind: string, value: string): void {
  if (!SAFE_SEGMENT.test(value) || value.includes('..')) {
    throw new Error(`${kind} "${value}" is not a safe store path segment (letters, digits, . _ = -)`);
  }
}

/** A run key is one or two safe segments: `<run name>` or `<sweep name>/<run name>`. */
export function assertSafeRunKey(runKey: string): void {
  const segments = runKey.split('/');
  if (segments.length > 2) throw new Error(`run key "${runKey}" has more than two segments`);
  for (const segment of segments) assertSafeSegment('run key segment', segment);
}
