export interface RetryOptions {
  /** names the operation in the retry report */
  operation: string;
  /** aborting stops the waiting and rethrows the last error */
  signal?: AbortSignal;
  initialDelayMs?: number;
  maxDelayMs?: number;
  onRetry: (error: unknown, attempt: number, delayMs: number) => void;
}

/**
 * Runs `attempt` until it succeeds, waiting 0.5 s, 1 s, 2 s … up to 30 s between failures: the search engine,
 * Kafka or PostgreSQL being down must pause the scraper, never end it or skip documents.
 */
export async function retryWithBackoff<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  let delayMs = options.initialDelayMs ?? 500;
  for (let attemptNumber = 1; ; attemptNumber++) {
    try {
      return await attempt();
    } catch (error) {
      if (options.signal?.aborted) throw error;
      options.onRetry(error, attemptNumber, delayMs);
      await abortableDelay(delayMs, options.signal);
      if (options.signal?.aborted) throw error;
      delayMs = Math.min(delayMs * 2, options.maxDelayMs ?? 30_000);
    }
  }
}

export function abortableDelay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
