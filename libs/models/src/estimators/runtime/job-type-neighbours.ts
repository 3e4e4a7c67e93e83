import { HysdsFeatureSpec, type HysdsFeatureInput } from '../../features';

export interface Neighbour {
  jobType: string;
  distance: number;
}

/**
 * Finds the known job types that look most like a job, in the `hysds` feature space without the job type
 * itself (queue, instance, parameters, input sizes). Each type is represented by its most recent run's inputs.
 * The feature spec is refitted from those representatives whenever the number of types has grown by a quarter,
 * so vocabularies follow what has been seen without refitting on every run.
 */
export class JobTypeNeighbours {
  private spec: HysdsFeatureSpec | null = null;
  private typesAtLastFit = 0;
  private vectors = new Map<string, Float64Array>();

  constructor(private readonly representatives = new Map<string, HysdsFeatureInput>()) {}

  get typeCount(): number {
    return this.representatives.size;
  }

  remember(input: HysdsFeatureInput): void {
    this.representatives.set(input.jobType, {
      jobType: input.jobType,
      queue: input.queue ?? null,
      instanceType: input.instanceType ?? null,
      inputCount: input.inputCount ?? null,
      inputBytes: input.inputBytes ?? null,
      features: input.features ?? {},
    });
    this.vectors.delete(input.jobType);
  }

  /** The `count` nearest known types other than the job's own, nearest first. */
  nearest(input: HysdsFeatureInput, count: number): Neighbour[] {
    if (this.representatives.size === 0) return [];
    const spec = this.currentSpec();
    const query = spec.vectorise(input);
    const found: Neighbour[] = [];
    for (const jobType of this.representatives.keys()) {
      if (jobType === input.jobType) continue;
      const distance = euclidean(query, this.vectorOf(jobType, spec));
      if (found.length < count || distance < found[found.length - 1].distance) {
        found.push({ jobType, distance });
        found.sort((a, b) => a.distance - b.distance);
        if (found.length > count) found.pop();
      }
    }
    return found;
  }

  toJSON(): HysdsFeatureInput[] {
    return [...this.representatives.values()];
  }

  private currentSpec(): HysdsFeatureSpec {
    if (this.spec === null || this.representatives.size >= this.typesAtLastFit * 1.25) {
      this.spec = HysdsFeatureSpec.fit([...this.representatives.values()], { includeJobType: false });
      this.typesAtLastFit = this.representatives.size;
      this.vectors = new Map();
    }
    return this.spec;
  }

  private vectorOf(jobType: string, spec: HysdsFeatureSpec): Float64Array {
    let vector = this.vectors.get(jobType);
    if (!vector) {
      vector = spec.vectorise(this.representatives.get(jobType) as HysdsFeatureInput);
      this.vectors.set(jobType, vector);
    }
    return vector;
  }
}

function euclidean(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let index = 0; index < a.length; index++) sum += (a[index] - b[index]) ** 2;
  return Math.sqrt(sum);
}
