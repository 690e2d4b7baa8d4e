/**
 * Retrying a failed request with jittered, exponentially growing waits: the one loop behind the S3
 * multipart upload and the TMDB client. Pure apart from the injected sleep, so policies are tested
 * without a network or a clock.
 */

export interface JitterBackoff {
  /** Cap of the first wait; doubles on each attempt. */
  baseDelayMs: number;
  /** No wait is longer than this. */
  maxDelayMs: number;
}

/**
 * "Full jitter" after failed attempt `attempt` (1-based): uniform in [0, min(max, base·2^(attempt−1))),
 * so clients that failed together do not retry together. `random` is in [0, 1) (Math.random in use,
 * fixed in tests).
 */
export function fullJitterDelay(attempt: number, random: number, backoff: JitterBackoff): number {
  const cap = Math.min(backoff.maxDelayMs, backoff.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(Math.min(Math.max(random, 0), 0.999_999) * cap);
}

export interface RetryLoop<T> {
  /** One try (1-based); throws to fail. */
  attempt(attempt: number): Promise<T>;
  /** After failed attempt `attempt`: how long to wait before the next, or undefined to give up. */
  delayAfter(error: unknown, attempt: number): number | undefined;
  /** May reject (e.g. on the caller's cancel): that ends the loop with its error. */
  sleep(ms: number): Promise<void>;
  /** Told before each wait, e.g. to log "S3 is throttling; retrying part 3 in 1.2 s". */
  onRetry?(error: unknown, attempt: number, delayMs: number): void;
}

/** Runs `attempt` until it succeeds or `delayAfter` gives up; the last error is thrown as it is. */
export async function retryWithJitter<T>(loop: RetryLoop<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await loop.attempt(attempt);
    } catch (error) {
      const delayMs = loop.delayAfter(error, attempt);
      if (delayMs === undefined) throw error;
      loop.onRetry?.(error, attempt, delayMs);
      await loop.sleep(delayMs);
    }
  }
}
