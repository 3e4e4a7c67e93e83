/** An EC2 instance type as the synthetic history uses it. */
export interface InstanceType {
  readonly name: string;
  readonly vcpus: number;
  readonly memoryGb: number;
  /** Relative speed of one job on it (1 = c5.9xlarge); runtimes divide by it. */
  readonly speed: number;
}

const table: readonly InstanceType[] = [
  { name: 't3.medium', vcpus: 2, memoryGb: 4, speed: 0.55 },
  { name: 't3.large', vcpus: 2, memoryGb: 8, speed: 0.6 },
  { name: 'm5.large', vcpus: 2, memoryGb: 8, speed: 0.7 },
  { name: 'm5.xlarge', vcpus: 4, memoryGb: 16, speed: 0.75 },
  { name: 'c5.xlarge', vcpus: 4, memoryGb: 8, speed: 0.8 },
  { name: 'c5.2xlarge', vcpus: 8, memoryGb: 16, speed: 0.85 },
  { name: 'c5.4xlarge', vcpus: 16, memoryGb: 32, speed: 0.92 },
  { name: 'c5.9xlarge', vcpus: 36, memoryGb: 72, speed: 1 },
  { name: 'c5d.9xlarge', vcpus: 36, memoryGb: 72, speed: 1.04 },
  { name: 'c6i.8xlarge', vcpus: 32, memoryGb: 64, speed: 1.12 },
  { name: 'm5.8xlarge', vcpus: 32, memoryGb: 128, speed: 0.93 },
  { name: 'm5.12xlarge', vcpus: 48, memoryGb: 192, speed: 0.95 },
  { name: 'r5.4xlarge', vcpus: 16, memoryGb: 128, speed: 0.88 },
  { name: 'r5.8xlarge', vcpus: 32, memoryGb: 256, speed: 0.94 },
  { name: 'r5.12xlarge', vcpus: 48, memoryGb: 384, speed: 0.96 },
  { name: 'p3.2xlarge', vcpus: 8, memoryGb: 61, speed: 2.4 },
  // calcloud's AWS Batch ladder (one per memory bin)
  { name: 'c5a.2xlarge', vcpus: 8, memoryGb: 16, speed: 1 },
  { name: 'm5a.2xlarge', vcpus: 8, memoryGb: 32, speed: 1 },
  { name: 'r5a.xlarge', vcpus: 4, memoryGb: 32, speed: 1 },
  { name: 'r5a.2xlarge', vcpus: 8, memoryGb: 64, speed: 1 },
];

export const instanceTypes: ReadonlyMap<string, InstanceType> = new Map(table.map((type) => [type.name, type]));

export function instanceType(name: string): InstanceType {
  const found = instanceTypes.get(name);
  if (!found) throw new Error(`Unknown instance type in the synthetic catalog: ${name}`);
  return found;
}
