/** Memory bin thresholds in GB: 2, 8 and 16 GB scaled by 0.896, the usable share of each job definition (ref §4). */
export const MEMORY_BIN_UPPER_GB = [1.792, 7.168, 14.336] as const;
export const MEMORY_BIN_COUNT = 4;

/** Bin 0 if < 1.792 GB, 1 if < 7.168, 2 if < 14.336, else 3. */
export function memoryBinOf(memoryGb: number): number {
  let bin = 0;
  while (bin < MEMORY_BIN_UPPER_GB.length && memoryGb >= MEMORY_BIN_UPPER_GB[bin]) bin++;
  return bin;
}

/** calcloud's kill-time clamp: never below AWS Batch's 60 s minimum, never above 48 h. */
export const KILL_TIME_MIN_SECONDS = 60;
export const KILL_TIME_MAX_SECONDS = 48 * 3600;
