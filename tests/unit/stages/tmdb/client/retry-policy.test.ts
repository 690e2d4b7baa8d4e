import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  backoffDelay,
  DEFAULT_BACKOFF,
  parseRetryAfter,
  retryDecision,
} from "../../../../../pipeline/stages/tmdb/client/retry-policy";

const NOW = Date.parse("2026-03-01T12:00:00Z");

describe("backoffDelay (full jitter)", () => {
  it("stays within [0, min(max, base·2^(attempt−1)))", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (attempt, r) => {
          const delay = backoffDelay(attempt, r);
          const cap = Math.min(DEFAULT_BACKOFF.maxDelayMs, DEFAULT_BACKOFF.baseDelayMs * 2 ** (attempt - 1));
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThan(cap);
          expect(Number.isInteger(delay)).toBe(true);
        },
      ),
    );
  });

  it("grows with the attempt for the same draw, up to the cap", () => {
    expect([1, 2, 3, 4].map((a) => backoffDelay(a, 0.5))).toEqual([250, 500, 1000, 2000]);
    expect(backoffDelay(30, 0.5)).toBe(15_000);
  });
});

describe("parseRetryAfter", () => {
  it("reads delta-seconds", () => {
    expect(parseRetryAfter("3", NOW)).toBe(3000);
    expect(parseRetryAfter(" 0 ", NOW)).toBe(0);
  });
  it("reads an HTTP date relative to now; a past date is 0", () => {
    expect(parseRetryAfter("Sun, 01 Mar 2026 12:00:10 GMT", NOW)).toBe(10_000);
    expect(parseRetryAfter("Sun, 01 Mar 2026 11:00:00 GMT", NOW)).toBe(0);
  });
  it("is undefined when absent or unreadable", () => {
    for (const value of [null, undefined, "", "soon", "-1", "1.5", "Sun, 99 Foo"]) {
      expect(parseRetryAfter(value, NOW)).toBeUndefined();
    }
  });
});

describe("retryDecision", () => {
  it("never retries 401, 404 or other 4xx answers", () => {
    for (const status of [400, 401, 403, 404, 422]) {
      expect(retryDecision({ kind: "status", status }, 1, 5, 0.5, NOW)).toEqual({ retry: false });
    }
  });
  it("retries 5xx, timeouts, network errors and bad bodies until maxAttempts", () => {
    const faults = [
      { kind: "status", status: 503 },
      { kind: "timeout" },
      { kind: "network" },
      { kind: "bad_body", status: 200 },
    ] as const;
    for (const failure of faults) {
      expect(retryDecision(failure, 1, 3, 0.5, NOW)).toEqual({ retry: true, delayMs: 250 });
      expect(retryDecision(failure, 3, 3, 0.5, NOW)).toEqual({ retry: false });
    }
  });
  it("waits what Retry-After says on 429 (capped), else backs off", () => {
    expect(retryDecision({ kind: "status", status: 429, retryAfter: "2" }, 1, 5, 0.9, NOW)).toEqual({
      retry: true,
      delayMs: 2000,
    });
    expect(retryDecision({ kind: "status", status: 429, retryAfter: "86400" }, 1, 5, 0.9, NOW)).toEqual({
      retry: true,
      delayMs: DEFAULT_BACKOFF.maxRetryAfterMs,
    });
    expect(retryDecision({ kind: "status", status: 429, retryAfter: null }, 2, 5, 0.5, NOW)).toEqual({
      retry: true,
      delayMs: 500,
    });
  });
});
