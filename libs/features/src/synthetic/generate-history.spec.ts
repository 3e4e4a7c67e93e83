import { JobStatusDocument } from '@jobcast/contracts';
import { normalizeJobStatus } from '../hysds';
import { generateHistory } from './generate-history';
import type { SyntheticJobStatusDocument } from './job-status-document';

const jobs = 20_000;
const docs: SyntheticJobStatusDocument[] = [...generateHistory({ jobs, seed: 7 })];
const info = (doc: SyntheticJobStatusDocument) => doc.job.job_info as Record<string, any>;
const share = (predicate: (doc: SyntheticJobStatusDocument) => boolean) => docs.filter(predicate).length / docs.length;

describe('generateHistory', () => {
  it('is reproducible from its seed', () => {
    const first = [...generateHistory({ jobs: 500, seed: 99 })];
    const again = [...generateHistory({ jobs: 500, seed: 99 })];
    const other = [...generateHistory({ jobs: 500, seed: 100 })];
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
    expect(other.map((d) => d.payload_id)).not.toEqual(first.map((d) => d.payload_id));
  });

  it('emits one final document per job, each with its own payload_id', () => {
    expect(docs).toHaveLength(jobs);
    expect(new Set(docs.map((d) => d.payload_id)).size).toBe(jobs);
  });

  it('emits documents the lenient job_status schema accepts and the HySDS normalizer turns into job runs', () => {
    const rejected: string[] = [];
    // A sample of the usual documents plus every unusual one (failed, waiting, offline, ...).
    const sample = [...docs.slice(0, 3000), ...docs.slice(3000).filter((d) => d.status !== 'job-completed')];
    for (const doc of sample) {
      if (!JobStatusDocument.safeParse(doc).success) rejected.push(`${doc.payload_id}: schema`);
      const result = normalizeJobStatus(doc);
      if (!result.ok) rejected.push(`${doc.payload_id}: ${result.reason}`);
    }
    expect(rejected.slice(0, 5)).toEqual([]);
  });

  it('spans dozens of job types, including the HST calibration family', () => {
    const types = new Set(docs.map((d) => d.type));
    expect(types.size).toBeGreaterThanOrEqual(30);
    expect(types).toContain('job-SCIFLO_GCOV:release-2.0');
    expect(types).toContain('job-hello_world:develop');
    for (const instrument of ['acs', 'cos', 'stis', 'wfc3']) expect(types).toContain(`job-hst_calibration:${instrument}`);
  });

  it('fails a few percent of jobs, some of them for memory, and retries some under the same payload_id', () => {
    const failed = share((d) => d.status === 'job-failed');
    expect(failed).toBeGreaterThan(0.01);
    expect(failed).toBeLessThan(0.05);
    const outOfMemory = share((d) => d.status === 'job-failed' && /memory/i.test(d.short_error ?? ''));
    expect(outOfMemory).toBeGreaterThan(0.0005);
    expect(outOfMemory).toBeLessThan(failed);
    expect(docs.filter((d) => d.status === 'job-failed').every((d) => info(d)['index'] === 'job_failed')).toBe(true);
    expect(share((d) => (d.job.retry_count ?? 0) > 0)).toBeGreaterThan(0.003);
  });

  it('leaves jobs waiting and running at the end of the history, and some deduped, revoked and offline', () => {
    for (const status of ['job-queued', 'job-started', 'job-deduped', 'job-revoked', 'job-offline']) {
      expect(docs.some((d) => d.status === status)).toBe(true);
    }
    const queued = docs.filter((d) => d.status === 'job-queued');
    expect(queued.every((d) => info(d)['time_start'] === undefined && info(d)['time_queued'] !== undefined)).toBe(true);
  });

  it('writes the quirks readers must survive: missing instance types, missing facts, `+00:00Z` dates', () => {
    const ran = docs.filter((d) => info(d)['time_start'] !== undefined);
    const ranShare = (predicate: (d: SyntheticJobStatusDocument) => boolean) => ran.filter(predicate).length / ran.length;
    expect(ranShare((d) => info(d)['facts'] === undefined)).toBeGreaterThan(0.003);
    expect(ranShare((d) => info(d)['facts'] !== undefined && info(d)['facts'].ec2_instance_type === undefined)).toBeGreaterThan(0.01);
    const odd = docs.filter((d) => String(info(d)['time_queued']).endsWith('+00:00Z'));
    expect(odd.length / docs.length).toBeGreaterThan(0.01);
    const run = normalizeJobStatus(odd[0]);
    expect(run.ok && run.run.queuedAt).toBe(new Date(Date.parse(String(info(odd[0])['time_queued']).replace('+00:00Z', 'Z'))).toISOString());
  });

  it('makes queue waits grow with load', () => {
    // Hourly submissions to each queue against the mean wait of the jobs submitted in that hour.
    const hours = new Map<string, { submitted: number; waits: number[] }>();
    for (const doc of docs) {
      const start = info(doc)['time_start'];
      if (start === undefined) continue;
      const queued = Date.parse(String(info(doc)['time_queued']).replace('+00:00Z', 'Z'));
      const key = `${info(doc)['job_queue']}|${Math.floor(queued / 3_600_000)}`;
      const hour = hours.get(key) ?? { submitted: 0, waits: [] };
      hour.submitted++;
      hour.waits.push((Date.parse(String(start).replace('+00:00Z', 'Z')) - queued) / 1000);
      hours.set(key, hour);
    }
    const l2 = [...hours].filter(([key]) => key.startsWith('nisar-job_worker-sciflo-l2|')).map(([, h]) => h);
    l2.sort((a, b) => a.submitted - b.submitted);
    const meanWait = (group: typeof l2) => group.flatMap((h) => h.waits).reduce((a, b) => a + b, 0) / group.flatMap((h) => h.waits).length;
    const busiest = l2.slice(Math.floor(l2.length * 0.9));
    const quietest = l2.slice(0, Math.floor(l2.length * 0.5));
    expect(meanWait(busiest)).toBeGreaterThan(3 * meanWait(quietest));
  });

  it('gives each job type its own runtime per instance type', () => {
    const durations = new Map<string, number[]>();
    for (const doc of docs) {
      const instance = info(doc)['facts']?.ec2_instance_type;
      if (doc.status !== 'job-completed' || instance === undefined) continue;
      const key = `${doc.type}|${instance}`;
      durations.set(key, [...(durations.get(key) ?? []), info(doc)['duration'] as number]);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const medians = new Map([...durations].filter(([, values]) => values.length >= 20).map(([key, values]) => [key, median(values)]));
    expect(medians.size).toBeGreaterThanOrEqual(60);
    for (const type of ['job-SCIFLO_GCOV:release-2.0', 'job-topsapp:v2.0.3', 'job-SCIFLO_L2_RTC_S1:release-2.1']) {
      const perInstance = [...medians].filter(([key]) => key.startsWith(`${type}|`)).map(([, value]) => value);
      expect(perInstance.length).toBeGreaterThanOrEqual(2);
      expect(Math.max(...perInstance) / Math.min(...perInstance)).toBeGreaterThan(1.1);
    }
    expect(medians.get('job-SCIFLO_GCOV:release-2.0|c5.9xlarge')).toBeGreaterThan(10 * medians.get('job-hello_world:develop|t3.medium')!);
  });

  it('with updates, precedes each final document with the earlier states of the same payload_id', () => {
    const finals = [...generateHistory({ jobs: 2000, seed: 11 })];
    const updates = [...generateHistory({ jobs: 2000, seed: 11, withUpdates: true })];
    const byPayload = new Map<string, SyntheticJobStatusDocument[]>();
    for (const doc of updates) byPayload.set(doc.payload_id, [...(byPayload.get(doc.payload_id) ?? []), doc]);
    expect(byPayload.size).toBe(finals.length);
    for (const final of finals) {
      const history = byPayload.get(final.payload_id)!;
      expect(JSON.stringify(history[history.length - 1])).toBe(JSON.stringify(final));
      const stamps = history.map((d) => Date.parse(d['@timestamp']));
      expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    }
    const completedOnce = [...byPayload.values()].find((h) => h[h.length - 1].status === 'job-completed' && !h[h.length - 1].job.retry_count)!;
    expect(completedOnce.map((d) => d.status)).toEqual(['job-queued', 'job-started', 'job-completed']);
    const retried = [...byPayload.values()].find((h) => (h[h.length - 1].job.retry_count ?? 0) > 0)!;
    expect(retried.map((d) => d.status)).toContain('job-failed');
  });

  it('names the bad option', () => {
    expect(() => [...generateHistory({ jobs: -1 })]).toThrow(/"jobs"/);
    expect(() => [...generateHistory({ jobs: 10, start: 'not a date' })]).toThrow(/"start"/);
  });
});
