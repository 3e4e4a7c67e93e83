import type { JobStatusUsageStats } from '@jobcast/contracts';

/** Where a usage_stats entry may hold memory figures: the entry itself, docker's `memory_stats`, or HySDS's cgroups copy. */
const MEMORY_OBJECT_PATHS: ReadonlyArray<readonly string[]> = [[], ['memory_stats'], ['cgroups', 'memory_stats'], ['cgroups', 'memory']];
/**
 * Peak figures accepted, all in bytes: `max_usage` (docker stats, cgroup v1), `max_usage_in_bytes` (the cgroup v1
 * file name) and `peak` (cgroup v2 `memory.peak`). Current-usage figures (`usage`) are not peaks and are ignored.
 */
const PEAK_KEYS = ['max_usage', 'max_usage_in_bytes', 'peak'] as const;

/** The largest peak memory over the job's containers, or null when no entry reports one. */
export function peakMemoryBytes(usageStats: readonly JobStatusUsageStats[] | null | undefined): number | null {
  let peak: number | null = null;
  for (const entry of usageStats ?? []) {
    for (const path of MEMORY_OBJECT_PATHS) {
      const holder = descend(entry, path);
      if (!holder) continue;
      for (const key of PEAK_KEYS) {
        const value = bytes(holder[key]);
        if (value !== null && (peak === null || value > peak)) peak = value;
      }
    }
  }
  return peak;
}

function descend(value: unknown, path: readonly string[]): Record<string, unknown> | undefined {
  let current = value;
  for (const key of path) {
    if (!isObject(current)) return undefined;
    current = current[key];
  }
  return isObject(current) ? current : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function bytes(value: unknown): number | null {
  const number = typeof value === 'string' && value.trim() !== '' && value.length <= 32 ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) && number >= 0 ? number : null;
}
