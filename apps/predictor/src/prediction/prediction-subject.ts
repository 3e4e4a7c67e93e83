import type { InputIssue, JobRun, JobSpec, PredictionInput } from '@jobcast/contracts';
import { CalcloudInputError, encodeCalcloudKeywords, encodeCalcloudRecord, type CalcloudFeatures } from '@jobcast/models';
import { CALCLOUD_INSTRUMENTS, calcloudJobType } from '@jobcast/features';
import type { JobStatusNormalizer } from './job-status-normalizer.port';

/** What every model is asked about: the job's identity plus its encoded calcloud inputs when it has them. */
export interface PredictionSubject {
  payloadId: string | null;
  jobType: string;
  instance: string | null;
  calcloud: CalcloudFeatures | null;
  /** why calcloud inputs that were present could not be encoded */
  calcloudProblem: string | null;
}

export type ResolvedSubject = { ok: true; subject: PredictionSubject } | { ok: false; issues: InputIssue[] };

/** Keys whose presence in a job's features marks it as an HST calibration job. */
const CALCLOUD_FEATURE_KEYS = ['n_files', 'total_mb', 'DETECTOR', 'SUBARRAY', 'DRIZCORR', 'PCTECORR', 'CRSPLIT'];

/** Job type of each instrument code; built once, so lookups by job type hash the same strings every time. */
const CALCLOUD_JOB_TYPES = CALCLOUD_INSTRUMENTS.map((instrument) => calcloudJobType(instrument.name));

/** calcloud jobs are typed by instrument (the encoder checked its code), as the importer and HySDS name them. */
export function calcloudJobTypeOf(features: CalcloudFeatures): string {
  return CALCLOUD_JOB_TYPES[features.instr];
}

/** Turns any accepted input into a subject; inputs the encoders or the normalizer refuse are input issues. */
export function resolveSubject(input: PredictionInput, normalize: JobStatusNormalizer): ResolvedSubject {
  switch (input.kind) {
    case 'calcloud': {
      const { dataset, n_files, total_mb, DETECTOR, SUBARRAY, DRIZCORR, PCTECORR, CRSPLIT } = input.keywords;
      const keywordText = (value: unknown) => (value === undefined || value === null ? value : String(value));
      try {
        const features = encodeCalcloudKeywords({
          datasetId: dataset,
          nFiles: n_files,
          totalMb: total_mb,
          DETECTOR: keywordText(DETECTOR),
          SUBARRAY: typeof SUBARRAY === 'boolean' ? SUBARRAY : keywordText(SUBARRAY),
          DRIZCORR: keywordText(DRIZCORR),
          PCTECORR: keywordText(PCTECORR),
          CRSPLIT: typeof CRSPLIT === 'number' ? CRSPLIT : keywordText(CRSPLIT),
        });
        return { ok: true, subject: { payloadId: dataset, jobType: calcloudJobTypeOf(features), instance: null, calcloud: features, calcloudProblem: null } };
      } catch (error) {
        if (!(error instanceof CalcloudInputError)) throw error;
        return { ok: false, issues: error.problems.map((problem) => ({ field: 'dataset', message: problem })) };
      }
    }
    case 'job-run':
      return { ok: true, subject: subjectOfJob(input.job) };
    case 'job-status': {
      const normalized = normalize(input.document);
      if (!normalized.ok) return { ok: false, issues: [{ field: '(document)', message: normalized.reason }] };
      return { ok: true, subject: subjectOfRun(normalized.run) };
    }
  }
}

function subjectOfJob(job: JobSpec): PredictionSubject {
  const calcloud = calcloudOf(job.features ?? {}, job.payloadId ?? null);
  return { payloadId: job.payloadId ?? null, jobType: job.jobType, instance: job.instanceType ?? null, calcloud: calcloud.features, calcloudProblem: calcloud.problem };
}

function subjectOfRun(run: JobRun): PredictionSubject {
  const calcloud = calcloudOf(run.features, run.payloadId);
  return { payloadId: run.payloadId, jobType: run.jobType, instance: run.instanceType, calcloud: calcloud.features, calcloudProblem: calcloud.problem };
}

/** Keys under which HySDS job params and calcloud records carry the dataset id (ipppssoot). */
const DATASET_ID_KEYS = ['ipst', 'ipppssoot', 'dataset', 'datasetId'];

/**
 * The calcloud inputs in a job's features: calcloud's encoded columns, or the raw keywords with the dataset id taken
 * from the params (else the payload id). None when the features are not an HST calibration job's.
 */
function calcloudOf(features: Record<string, unknown>, payloadId: string | null): { features: CalcloudFeatures | null; problem: string | null } {
  if (!CALCLOUD_FEATURE_KEYS.some((key) => key in features)) return { features: null, problem: null };
  const datasetKey = DATASET_ID_KEYS.find((key) => typeof features[key] === 'string');
  const ipst = datasetKey === undefined ? (payloadId ?? '') : (features[datasetKey] as string);
  try {
    return { features: encodeCalcloudRecord({ ...(features as Record<string, string | number | boolean | null>), ipst }), problem: null };
  } catch (error) {
    if (!(error instanceof CalcloudInputError)) throw error;
    return { features: null, problem: error.message };
  }
}
