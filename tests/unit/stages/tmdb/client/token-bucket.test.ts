import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TokenBucket } from "../../../../../pipeline/stages/tmdb/client/token-bucket";

describe("TokenBucket (fake clock)", () => {
  it("lets a burst through at once, then spaces requests at the rate", () => {
    const bucket = new TokenBucket({ ratePerSecond: 40, burst: 4 });
    const waits = Array.from({ length: 7 }, () => bucket.reserve(1_000));
    expect(waits).toEqual([0, 0, 0, 0, 25, 50, 75]);
  });

  it("refills with time, never above the burst", () => {
    const bucket = new TokenBucket({ ratePerSecond: 10, burst: 2 });
    expect(bucket.reserve(0)).toBe(0);
    expect(bucket.reserve(0)).toBe(0);
    expect(bucket.reserve(0)).toBe(100);
    // 100 ms later the queued token is paid for; 10 s later the bucket is full again (2, not 100).
    expect(bucket.available(100)).toBeCloseTo(0);
    expect(bucket.available(10_100)).toBe(2);
    expect([bucket.reserve(10_100), bucket.reserve(10_100), bucket.reserve(10_100)]).toEqual([0, 0, 100]);
  });

  it("a clock going backwards does not mint tokens", () => {
    const bucket = new TokenBucket({ ratePerSecond: 1, burst: 1 });
    expect(bucket.reserve(5_000)).toBe(0);
    expect(bucket.reserve(1_000)).toBe(1_000);
  });

  it("never admits more than burst + rate·t requests by time t", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 10 }),
        fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 60 }),
        (rate, burst, gaps) => {
          const bucket = new TokenBucket({ ratePerSecond: rate, burst });
          let now = 0;
          const startTimes: number[] = [];
          for (const gap of gaps) {
            now += gap;
            startTimes.push(now + bucket.reserve(now));
          }
          const last = Math.max(...startTimes);
          expect(startTimes.length).toBeLessThanOrEqual(burst + (rate * last) / 1000 + 1e-9);
        },
      ),
    );
  });

  it("rejects a non-positive rate", () => {
    expect(() => new TokenBucket({ ratePerSecond: 0, burst: 1 })).toThrow(RangeError);
  });
});
