import { describe, expect, it } from "vitest";
import { fullJitterDelay, retryWithJitter } from "../../../pipeline/aws/retry";

describe("fullJitterDelay", () => {
  it("is a random share of a cap that doubles per attempt, up to the maximum", () => {
    const backoff = { baseDelayMs: 100, maxDelayMs: 1000 };
    expect(fullJitterDelay(1, 0.5, backoff)).toBe(50);
    expect(fullJitterDelay(3, 0.5, backoff)).toBe(200);
    expect(fullJitterDelay(10, 0.5, backoff)).toBe(500);
    expect(fullJitterDelay(1, 0, backoff)).toBe(0);
    expect(fullJitterDelay(1, 1, backoff)).toBeLessThan(100);
  });
});

describe("retryWithJitter", () => {
  it("retries after the delay the policy gives, then returns", async () => {
    const waits: number[] = [];
    const told: number[] = [];
    let tries = 0;
    const result = await retryWithJitter({
      attempt: async (n) => {
        tries = n;
        if (n < 3) throw new Error(`try ${n}`);
        return "stored";
      },
      delayAfter: (_error, n) => n * 10,
      onRetry: (_error, n) => void told.push(n),
      sleep: async (ms) => void waits.push(ms),
    });
    expect(result).toBe("stored");
    expect(tries).toBe(3);
    expect(waits).toEqual([10, 20]);
    expect(told).toEqual([1, 2]);
  });

  it("throws the last error as it is when the policy gives up", async () => {
    const final = new Error("access denied");
    await expect(
      retryWithJitter({
        attempt: async () => {
          throw final;
        },
        delayAfter: () => undefined,
        sleep: async () => undefined,
      }),
    ).rejects.toBe(final);
  });
});
