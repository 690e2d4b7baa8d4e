import { retryWithJitter } from "../../../aws/retry";
import { classifyFailure, type FailureKind, type RetryPolicy, retryDecision } from "./retry-policy";

export interface RetryRuntime {
  policy: RetryPolicy;
  random: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Told before each wait, e.g. to log "S3 is throttling; retrying part 3 in 1.2 s". */
  onRetry?: (what: string, kind: FailureKind, attempt: number, delayMs: number, error: unknown) => void;
}

/** Runs `attempt` until it succeeds or the policy gives up; the last error is thrown as it is. */
export function withRetries<T>(
  what: string,
  runtime: RetryRuntime,
  signal: AbortSignal | undefined,
  attempt: () => Promise<T>,
): Promise<T> {
  return retryWithJitter({
    attempt,
    delayAfter: (error, tries) => {
      if (signal?.aborted) return undefined;
      const decision = retryDecision(classifyFailure(error), tries, runtime.policy, runtime.random());
      return decision.retry ? decision.delayMs : undefined;
    },
    onRetry: (error, tries, delayMs) =>
      runtime.onRetry?.(what, classifyFailure(error), tries, delayMs, error),
    sleep: (ms) => runtime.sleep(ms, signal),
  });
}

/** setTimeout as a promise that an abort ends early (with the signal's reason). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
