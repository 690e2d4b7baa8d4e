import { fullJitterDelay, type JitterBackoff } from "../../../aws/retry";

/**
 * When a TMDB request is tried again and after how long: pure, tested without network or clock.
 * 429 waits what `Retry-After` says (capped); 5xx, timeouts, network errors and unparseable bodies
 * wait a "full jitter" share of an exponentially growing cap, so clients that failed together do
 * not retry together. 401 and 404 are answers, not faults: never retried.
 */
export type AttemptFailure =
  | { kind: "status"; status: number; retryAfter?: string | null }
  | { kind: "timeout" }
  | { kind: "network" }
  | { kind: "bad_body"; status: number };

export interface BackoffPolicy extends JitterBackoff {
  /** A server's `Retry-After` is honoured up to this. */
  maxRetryAfterMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = {
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
};

/** Full jitter after failed attempt `attempt` (1-based): uniform in [0, min(max, base·2^(attempt−1))). */
export function backoffDelay(
  attempt: number,
  random: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  return fullJitterDelay(attempt, random, policy);
}

/**
 * `Retry-After` in milliseconds from `nowMs`: delta-seconds ("3") or an HTTP date. Undefined when
 * absent or unreadable; a date in the past is 0.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (text === "") return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // HTTP dates always name the weekday or month in letters; a bare "1.5" or "-3" is not a date.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

export function isRetryable(failure: AttemptFailure): boolean {
  if (failure.kind !== "status") return true;
  return failure.status === 429 || failure.status >= 500;
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false };

export function retryDecision(
  failure: AttemptFailure,
  attempt: number,
  maxAttempts: number,
  random: number,
  nowMs: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): RetryDecision {
  if (!isRetryable(failure) || attempt >= maxAttempts) return { retry: false };
  if (failure.kind === "status" && failure.status === 429) {
    const asked = parseRetryAfter(failure.retryAfter, nowMs);
    if (asked !== undefined) return { retry: true, delayMs: Math.min(asked, policy.maxRetryAfterMs) };
  }
  return { retry: true, delayMs: backoffDelay(attempt, random, policy) };
}

/** Words for a failure, safe to show: no URL, no credential. */
export function describeFailure(failure: AttemptFailure): string {
  switch (failure.kind) {
    case "status":
      return failure.status === 429 ? "rate limited (429)" : `HTTP ${failure.status}`;
    case "timeout":
      return "timed out";
    case "network":
      return "network error";
    case "bad_body":
      return `unreadable JSON body (HTTP ${failure.status})`;
  }
}
