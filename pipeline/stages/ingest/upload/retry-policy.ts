import { fullJitterDelay } from "../../../aws/retry";
import { NETWORK_CODES, THROTTLING_ERRORS } from "../../../aws/sdk-errors";

/**
 * When to try an S3 request again, and after how long: a pure policy, so it is tested without a
 * network or a clock. Throttling (SlowDown, 503, 429) waits longer than a 5xx or a dropped
 * connection, because S3 asks the caller to slow down; every wait is "full jitter" (a random
 * share of an exponentially growing cap), so many clients that failed together do not retry
 * together. Everything else (access denied, no such bucket, a bad request) is final at once.
 */
export type FailureKind = "throttled" | "server" | "network" | "final";

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** First wait cap after a 5xx or a network error; doubles on each attempt. */
  baseDelayMs: number;
  /** First wait cap after throttling; doubles on each attempt. */
  throttleBaseDelayMs: number;
  /** No wait is longer than this. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  baseDelayMs: 250,
  throttleBaseDelayMs: 1000,
  maxDelayMs: 20_000,
};

export type RetryDecision = { retry: true; delayMs: number } | { retry: false };

/**
 * After failed attempt number `attempt` (1-based): retry after `delayMs`, or give up.
 * `random` is a number in [0, 1) (Math.random in use, fixed in tests).
 */
export function retryDecision(
  kind: FailureKind,
  attempt: number,
  policy: RetryPolicy,
  random: number,
): RetryDecision {
  if (kind === "final" || attempt >= policy.maxAttempts) return { retry: false };
  const baseDelayMs = kind === "throttled" ? policy.throttleBaseDelayMs : policy.baseDelayMs;
  return {
    retry: true,
    delayMs: fullJitterDelay(attempt, random, { baseDelayMs, maxDelayMs: policy.maxDelayMs }),
  };
}

// BadDigest: the bytes S3 stored are not the ones sent (Content-MD5 or part ETag mismatch), so send again.
const SERVER = new Set([
  "InternalError",
  "ServiceUnavailable",
  "RequestTimeout",
  "RequestTimeoutException",
  "BadDigest",
]);

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  $retryable?: unknown;
}

/** Sorts an AWS SDK (or socket) error into a FailureKind. */
export function classifyFailure(error: unknown): FailureKind {
  if (typeof error !== "object" || error === null) return "final";
  const shape = error as ErrorShape;
  const name = typeof shape.name === "string" ? shape.name : "";
  const code = typeof shape.code === "string" ? shape.code : "";
  const status = typeof shape.$metadata?.httpStatusCode === "number" ? shape.$metadata.httpStatusCode : 0;
  if (name === "AbortError") return "final";
  if (THROTTLING_ERRORS.has(name) || THROTTLING_ERRORS.has(code) || status === 429 || status === 503)
    return "throttled";
  if (SERVER.has(name) || status >= 500) return "server";
  if (NETWORK_CODES.has(code) || name === "TimeoutError" || name === "NetworkingError") return "network";
  const message = typeof shape.message === "string" ? shape.message : "";
  if (/socket hang up|ECONNRESET|EPIPE|network|premature close/i.test(message)) return "network";
  return "final";
}
