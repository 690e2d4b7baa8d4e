import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  classifyFailure,
  DEFAULT_RETRY_POLICY,
  type FailureKind,
  retryDecision,
} from "../../../../../pipeline/stages/ingest/upload";

const sdkError = (name: string, status?: number) =>
  Object.assign(new Error(name), { name, ...(status ? { $metadata: { httpStatusCode: status } } : {}) });

describe("which S3 failures are worth another try", () => {
  it.each<[string, unknown, FailureKind]>([
    ["SlowDown", sdkError("SlowDown", 503), "throttled"],
    ["a bare 503", sdkError("ServiceUnavailable", 503), "throttled"],
    ["429", sdkError("TooManyRequests", 429), "throttled"],
    ["ThrottlingException", sdkError("ThrottlingException", 400), "throttled"],
    ["InternalError", sdkError("InternalError", 500), "server"],
    ["502", sdkError("BadGateway", 502), "server"],
    ["RequestTimeout (400)", sdkError("RequestTimeout", 400), "server"],
    ["BadDigest (bytes damaged in transit)", sdkError("BadDigest", 400), "server"],
    ["a reset connection", Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }), "network"],
    [
      "a refused connection",
      Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }),
      "network",
    ],
    ["socket hang up", new Error("socket hang up"), "network"],
    ["TimeoutError", sdkError("TimeoutError"), "network"],
    ["AccessDenied", sdkError("AccessDenied", 403), "final"],
    ["NoSuchBucket", sdkError("NoSuchBucket", 404), "final"],
    ["NoSuchUpload", sdkError("NoSuchUpload", 404), "final"],
    ["InvalidAccessKeyId", sdkError("InvalidAccessKeyId", 403), "final"],
    ["a cancel", sdkError("AbortError"), "final"],
    ["not an error at all", "boom", "final"],
  ])("%s is %s", (_, error, kind) => {
    expect(classifyFailure(error)).toBe(kind);
  });
});

describe("the retry policy", () => {
  const policy = { maxAttempts: 5, baseDelayMs: 100, throttleBaseDelayMs: 1000, maxDelayMs: 5000 };

  it("waits a random share of a cap that doubles, longer for throttling", () => {
    expect(retryDecision("server", 1, policy, 0.5)).toEqual({ retry: true, delayMs: 50 });
    expect(retryDecision("server", 2, policy, 0.5)).toEqual({ retry: true, delayMs: 100 });
    expect(retryDecision("network", 3, policy, 0.5)).toEqual({ retry: true, delayMs: 200 });
    expect(retryDecision("throttled", 1, policy, 0.5)).toEqual({ retry: true, delayMs: 500 });
    expect(retryDecision("throttled", 4, policy, 0.999)).toEqual({ retry: true, delayMs: 4995 });
  });

  it("never waits longer than the cap", () => {
    expect(retryDecision("throttled", 4, { ...policy, maxAttempts: 10 }, 0.5)).toEqual({
      retry: true,
      delayMs: 2500,
    });
    expect(retryDecision("throttled", 9, { ...policy, maxAttempts: 10 }, 0.5)).toEqual({
      retry: true,
      delayMs: 2500,
    });
  });

  it("stops after maxAttempts, and at once for final failures", () => {
    expect(retryDecision("server", 5, policy, 0.5)).toEqual({ retry: false });
    expect(retryDecision("final", 1, policy, 0.5)).toEqual({ retry: false });
  });

  it("keeps every wait within [0, cap) for any attempt and random number", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<FailureKind>("throttled", "server", "network"),
        fc.integer({ min: 1, max: DEFAULT_RETRY_POLICY.maxAttempts - 1 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (kind, attempt, random) => {
          const decision = retryDecision(kind, attempt, DEFAULT_RETRY_POLICY, random);
          const base =
            kind === "throttled"
              ? DEFAULT_RETRY_POLICY.throttleBaseDelayMs
              : DEFAULT_RETRY_POLICY.baseDelayMs;
          const cap = Math.min(DEFAULT_RETRY_POLICY.maxDelayMs, base * 2 ** (attempt - 1));
          return decision.retry && decision.delayMs >= 0 && decision.delayMs < cap;
        },
      ),
    );
  });
});
