import { HysdsFeatureSpec, type HysdsFeatureInput } from '../../features';

export interface Neighbour {
  jobType: string;
  distance: number;
}

/**
 * Finds the known job types that look most like a job, in the `hysds` feature space without the job type
 * itself (queue, instance, parameters, input sizes). Each type is represented by its most recent run's inputs,
 * kept as one row of a flat matrix so a search is a single pass over contiguous numbers.
 * The feature spec is refitted from the representatives whenever the number of types has grown by a quarter,
 * so vocabularies follow what has been seen without refitting on every run.
 */
export class JobTypeNeighbours {
  private spec: HysdsFeatureSpec | null = null;
  private typesAtLastFit = 0;
  private readonly rowOf = new Map<string, number>();
  private rowTypes: string[] = [];
  private matrix = new Float64Array(0);

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
    if (this.spec !== null) this.writeRow(input.jobType, this.spec);
  }

  /** The `count` nearest known types other than the job's own, nearest first. */
  nearest(input: HysdsFeatureInput, count: number): Neighbour[] {
    if (this.representatives.size === 0 || count <= 0) return [];
    const spec = this.currentSpec();
    const query = spec.vectorise(input);
    const width = spec.dimension;
    const { matrix, rowTypes } = this;
    const found: Neighbour[] = [];
    for (let row = 0; row < rowTypes.length; row++) {
      const jobType = rowTypes[row];
      if (jobType === input.jobType) continue;
      let squares = 0;
      for (let column = 0, at = row * width; column < width; column++, at++) {
        const difference = query[column] - matrix[at];
        squares += difference * difference;
      }
      if (found.length === count && squares >= found[count - 1].distance) continue;
      let position = found.length < count ? found.length : count - 1;
      while (position > 0 && found[position - 1].distance > squares) {
        if (position < count) found[position] = found[position - 1];
        position--;
      }
      found[position] = { jobType, distance: squares };
    }
    return found.map(({ jobType, distance }) => ({ jobType, distance: Math.sqrt(distance) }));
  }

  toJSON(): HysdsFeatureInput[] {
    return [...this.representatives.values()];
  }

  private currentSpec(): HysdsFeatureSpec {
    if (this.spec === null || this.representatives.size >= this.typesAtLastFit * 1.25) {
      const spec = HysdsFeatureSpec.fit([...this.representatives.values()], { includeJobType: false });
      this.spec = spec;
      this.typesAtLastFit = this.representatives.size;
      this.rowOf.clear();
      this.rowTypes = [];
      this.matrix = new Float64Array(Math.max(1, this.representatives.size) * spec.dimension);
      for (const jobType of this.representatives.keys()) this.writeRow(jobType, spec);
    }
    return this.spec;
  }

  private writeRow(jobType: string, spec: HysdsFeatureSpec): void {
    let row = this.rowOf.get(jobType);
    if (row === undefined) {
      row = this.rowTypes.length;
      this.rowOf.set(jobType, row);
      this.rowTypes.push(jobType);
      if ((row + 1) * spec.dimension > this.matrix.length) {
        const grown = new Float64Array(this.matrix.length * 2 + spec.dimension);
        grown.set(this.matrix);
        this.matrix = grown;
      }
    }
    this.matrix.set(spec.vectorise(this.representatives.get(jobType) as HysdsFeatureInput), row * spec.dimension);
  }
}
