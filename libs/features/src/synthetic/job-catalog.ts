/**
 * The HySDS job types of the synthetic history. Each row is one job type: the queue it runs on (and so the EC2
 * instance types it can land on), how often it is submitted, and the log-normal profiles of its runtime, memory and
 * inputs. Values are invented but shaped like a NISAR / OPERA / ARIA / MAAP deployment: many tiny system jobs,
 * hour-long science jobs, a few memory-hungry types that sometimes run out of memory on the smaller instances.
 */
export interface JobProfile {
  /** HySDS job type, `job-<name>:<version>` */
  readonly type: string;
  readonly queue: string;
  /** Relative submission frequency. */
  readonly weight: number;
  /** Median runtime of the command on a speed-1 instance with a median-sized input. */
  readonly runtimeMedianSeconds: number;
  /** Standard deviation of log runtime (before instance and input effects). */
  readonly runtimeSigma: number;
  readonly memoryMedianGb: number;
  readonly memorySigma: number;
  /** Inclusive range of localized inputs; 0 means the job localizes nothing. */
  readonly inputCount: readonly [number, number];
  readonly inputMedianMb: number;
  readonly outputMedianMb: number;
  /** Probability that an attempt fails for a reason other than memory or time limit. */
  readonly errorRate: number;
  readonly family: 'system' | 'sciflo' | 'aria' | 'maap';
}

/** EC2 instance types behind each queue's autoscaling group, with their share of the queue's workers. */
export const queueInstances: Readonly<Record<string, ReadonlyArray<readonly [string, number]>>> = {
  'factotum-job_worker-small': [['t3.medium', 3], ['t3.large', 2], ['m5.large', 1]],
  'factotum-job_worker-large': [['m5.xlarge', 2], ['c5.2xlarge', 2], ['c5.4xlarge', 1]],
  'system-jobs-queue': [['t3.medium', 2], ['t3.large', 1]],
  'nisar-job_worker-sciflo-l0': [['c5.4xlarge', 1], ['c5.9xlarge', 2]],
  'nisar-job_worker-sciflo-rslc': [['c5.9xlarge', 3], ['c5d.9xlarge', 1], ['c6i.8xlarge', 2]],
  'nisar-job_worker-sciflo-l2': [['c5.9xlarge', 3], ['c6i.8xlarge', 2], ['m5.8xlarge', 1], ['r5.8xlarge', 1]],
  'opera-job_worker-sciflo-s1': [['c5.9xlarge', 2], ['c5d.9xlarge', 2], ['m5.8xlarge', 1], ['r5.8xlarge', 1]],
  'opera-job_worker-sciflo-hls': [['c5.4xlarge', 2], ['c5.9xlarge', 1]],
  'aria-job_worker-topsapp': [['c5.9xlarge', 2], ['r5.4xlarge', 1], ['m5.8xlarge', 1]],
  'maap-dps-worker-8gb': [['t3.large', 1], ['m5.large', 2], ['m5.xlarge', 1]],
  'maap-dps-worker-32gb': [['c5.4xlarge', 2], ['r5.4xlarge', 1]],
  'maap-dps-worker-gpu': [['p3.2xlarge', 1]],
};

function job(
  type: string,
  queue: string,
  weight: number,
  family: JobProfile['family'],
  runtime: [median: number, sigma: number],
  memory: [medianGb: number, sigma: number],
  inputs: [min: number, max: number, medianMb: number],
  outputMedianMb: number,
  errorRate: number,
): JobProfile {
  return {
    type,
    queue,
    weight,
    family,
    runtimeMedianSeconds: runtime[0],
    runtimeSigma: runtime[1],
    memoryMedianGb: memory[0],
    memorySigma: memory[1],
    inputCount: [inputs[0], inputs[1]],
    inputMedianMb: inputs[2],
    outputMedianMb,
    errorRate,
  };
}

const small = 'factotum-job_worker-small';
const large = 'factotum-job_worker-large';
const system = 'system-jobs-queue';

export const jobCatalog: readonly JobProfile[] = [
  //  type                                   queue                          weight family    runtime s    memory GB    inputs [min,max,MB]  out MB  error
  job('job-hello_world:develop', small, 3, 'system', [45, 0.3], [0.15, 0.2], [0, 1, 0.01], 0.001, 0.004),
  job('job-dumby_landsat:develop', small, 1, 'system', [120, 0.4], [0.6, 0.25], [1, 1, 40], 45, 0.01),
  job('job-lw-tosca-notify:v1.2', system, 4, 'system', [12, 0.4], [0.2, 0.2], [0, 0, 0], 0.001, 0.012),
  job('job-notify_by_email:v2.0', system, 2, 'system', [6, 0.3], [0.1, 0.15], [0, 0, 0], 0.001, 0.02),
  job('job-purge_datasets:develop', system, 1, 'system', [300, 0.8], [0.5, 0.3], [0, 0, 0], 0.001, 0.015),
  job('job-retry_job:develop', system, 1, 'system', [8, 0.3], [0.1, 0.1], [0, 0, 0], 0.001, 0.01),
  job('job-acquisition_query:v1.1', small, 5, 'system', [60, 0.6], [0.4, 0.2], [0, 0, 0], 0.2, 0.025),
  job('job-data_accountability:release-1.0', small, 2, 'system', [180, 0.5], [0.8, 0.25], [0, 0, 0], 1, 0.01),
  job('job-crid_update:develop', small, 0.5, 'system', [30, 0.4], [0.2, 0.2], [0, 0, 0], 0.001, 0.005),
  job('job-evaluator_gunw:v1.0', small, 3, 'aria', [40, 0.5], [0.3, 0.2], [0, 0, 0], 0.01, 0.01),
  job('job-ingest_dataset:develop', large, 6, 'system', [90, 0.5], [1.2, 0.3], [1, 3, 500], 500, 0.02),
  job('job-ingest_s1_slc:v2.3', large, 5, 'aria', [240, 0.5], [2, 0.3], [1, 1, 4200], 4200, 0.025),
  job('job-SCIFLO_L0A:release-2.0', 'nisar-job_worker-sciflo-l0', 3, 'sciflo', [1800, 0.35], [6, 0.3], [1, 4, 4000], 3000, 0.02),
  job('job-SCIFLO_L0B:release-2.0', 'nisar-job_worker-sciflo-l0', 3, 'sciflo', [2400, 0.3], [10, 0.3], [1, 2, 3000], 6000, 0.02),
  job('job-SCIFLO_RSLC:release-2.0', 'nisar-job_worker-sciflo-rslc', 4, 'sciflo', [5400, 0.25], [24, 0.3], [2, 3, 6000], 9000, 0.015),
  job('job-SCIFLO_RIFG:release-2.0', 'nisar-job_worker-sciflo-l2', 2, 'sciflo', [3000, 0.3], [22, 0.3], [2, 2, 9000], 5000, 0.02),
  job('job-SCIFLO_ROFF:release-2.0', 'nisar-job_worker-sciflo-l2', 1, 'sciflo', [2700, 0.4], [18, 0.3], [2, 2, 9000], 2000, 0.02),
  job('job-SCIFLO_GSLC:release-2.0', 'nisar-job_worker-sciflo-l2', 3, 'sciflo', [3600, 0.3], [30, 0.3], [1, 2, 9000], 12000, 0.015),
  job('job-SCIFLO_GCOV:release-2.0', 'nisar-job_worker-sciflo-l2', 4, 'sciflo', [4200, 0.35], [40, 0.35], [1, 2, 9000], 3000, 0.015),
  job('job-SCIFLO_GUNW:release-2.0', 'nisar-job_worker-sciflo-l2', 2, 'sciflo', [6000, 0.3], [36, 0.3], [2, 3, 12000], 4000, 0.02),
  job('job-SCIFLO_L2_CSLC_S1:release-2.1', 'opera-job_worker-sciflo-s1', 6, 'sciflo', [900, 0.3], [9, 0.25], [2, 4, 4500], 1200, 0.015),
  job('job-SCIFLO_L2_RTC_S1:release-2.1', 'opera-job_worker-sciflo-s1', 6, 'sciflo', [720, 0.3], [8, 0.25], [2, 4, 4500], 900, 0.015),
  job('job-SCIFLO_L3_DISP_S1:release-3.0', 'opera-job_worker-sciflo-s1', 1, 'sciflo', [10800, 0.4], [48, 0.35], [10, 30, 800], 2500, 0.03),
  job('job-SCIFLO_L3_DSWx_HLS:release-1.0', 'opera-job_worker-sciflo-hls', 7, 'sciflo', [420, 0.35], [5, 0.3], [1, 12, 60], 80, 0.02),
  job('job-topsapp:v2.0.3', 'aria-job_worker-topsapp', 4, 'aria', [7200, 0.45], [28, 0.3], [2, 6, 4200], 900, 0.04),
  job('job-standard_product_s1gunw:v3.0.1', 'aria-job_worker-topsapp', 3, 'aria', [9000, 0.4], [32, 0.3], [2, 8, 4200], 1200, 0.035),
  job('job-slcp2cor:v2.0', 'aria-job_worker-topsapp', 1, 'aria', [1500, 0.5], [6, 0.3], [2, 2, 2000], 600, 0.02),
  job('job-ariaml_train:v0.3', 'maap-dps-worker-gpu', 0.3, 'aria', [14400, 0.3], [40, 0.2], [1, 1, 20000], 300, 0.03),
  job('job-run_gedi_subset:main', 'maap-dps-worker-8gb', 3, 'maap', [600, 0.7], [3, 0.45], [1, 20, 150], 20, 0.03),
  job('job-icesat2_boreal:v2.1', 'maap-dps-worker-32gb', 2, 'maap', [2400, 0.6], [14, 0.4], [2, 10, 300], 200, 0.03),
  job('job-biomass_algorithm:v1.4', 'maap-dps-worker-32gb', 1, 'maap', [3600, 0.5], [20, 0.35], [1, 4, 1200], 400, 0.025),
];
