import { type Database } from '@jobcast/db';
import { type Kysely, sql } from 'kysely';

/** Real jobs of the loaded history to put in the printed examples. */
export interface ExampleJobs {
  /** the most frequent completed (job type, instance) pair */
  readonly jobType: string;
  readonly instance: string | null;
  /** calcloud keywords of one calibration job, when the history has any */
  readonly calcloud: Record<string, string | number | boolean> | null;
}

const CALCLOUD_KEYWORDS = ['DETECTOR', 'SUBARRAY', 'DRIZCORR', 'PCTECORR', 'CRSPLIT'] as const;

/** Looks the examples up in job_runs, so every example names something the models were trained on. */
export async function findExampleJobs(db: Kysely<Database>): Promise<ExampleJobs | null> {
  const common = await db
    .selectFrom('job_runs')
    .select(['job_type', 'instance_type', (eb) => eb.fn.countAll<number>().as('runs')])
    .where('status', '=', 'job-completed')
    .groupBy(['job_type', 'instance_type'])
    // a HySDS job type with a known instance reads best in the runtime examples; calibration jobs get their own
    .orderBy(sql`instance_type is null`)
    .orderBy(sql`job_type like 'job-hst_calibration:%'`)
    .orderBy('runs', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!common) return null;
  const calibration = await db
    .selectFrom('job_runs')
    .select(['payload_id', 'features'])
    .where('status', '=', 'job-completed')
    .where(sql<boolean>`features ->> 'n_files' is not null and features ->> 'total_mb' is not null`)
    .where((eb) => eb.or([eb('source', '=', 'calcloud'), eb('job_type', 'like', 'job-hst_calibration:%')]))
    .limit(1)
    .executeTakeFirst();
  return { jobType: common.job_type, instance: common.instance_type, calcloud: calibration ? calcloudKeywords(calibration.payload_id, calibration.features) : null };
}

function calcloudKeywords(payloadId: string, features: Record<string, string | number | boolean | null>): Record<string, string | number | boolean> {
  const dataset = [features['ipppssoot'], features['ipst'], payloadId].find((value) => typeof value === 'string') as string;
  const keywords: Record<string, string | number | boolean> = { dataset, n_files: Number(features['n_files']), total_mb: Number(features['total_mb']) };
  for (const name of CALCLOUD_KEYWORDS) {
    const value = features[name];
    if (value !== null && value !== undefined) keywords[name] = value;
  }
  return keywords;
}

/** Ready-to-paste commands against the running servers. */
export function formatExamples(examples: ExampleJobs, httpUrl: string, grpcAddress: string): string {
  const query = `jobtype=${encodeURIComponent(examples.jobType)}&instance=${encodeURIComponent(examples.instance ?? '*')}`;
  const job = JSON.stringify({ jobType: examples.jobType, ...(examples.instance ? { instanceType: examples.instance } : {}) });
  const grpcJob = JSON.stringify({ job: { job_type: examples.jobType, ...(examples.instance ? { instance_type: examples.instance } : {}) } });
  const lines = [
    `  curl '${httpUrl}/runtime?${query}'`,
    `  curl '${httpUrl}/runcost?${query}'`,
    `  curl '${httpUrl}/queuetime?size=100&nodes=4'`,
    `  curl -X POST ${httpUrl}/v1/predict -H 'content-type: application/json' -d '${job}'`,
  ];
  if (examples.calcloud) {
    lines.push(`  curl -X POST ${httpUrl}/v1/predict -H 'content-type: application/json' -d '${JSON.stringify(examples.calcloud)}'`);
  }
  lines.push(
    `  grpcurl -plaintext -import-path libs/contracts/src/proto -proto jobcast/v1/predictor.proto -d '${grpcJob}' ${grpcAddress} jobcast.v1.Predictor/Predict`,
    `  OpenAPI: ${httpUrl}/docs   trainer: ${httpUrl}/trainer/v1/training-runs   health: ${httpUrl}/health`,
  );
  return lines.join('\n');
}
