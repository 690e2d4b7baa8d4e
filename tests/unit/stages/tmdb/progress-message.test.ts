import { describe, expect, it } from "vitest";
import { etaSeconds, formatEta, progressMessage } from "../../../../pipeline/stages/tmdb/progress-message";

describe("the TMDB ETA", () => {
  it("is the remaining titles over the titles per second so far", () => {
    // 40 titles in 10 s is 4 titles/s; 320 left take 80 s.
    expect(etaSeconds(320, 40, 10_000)).toBe(80);
    expect(etaSeconds(1, 3, 1_500)).toBeCloseTo(0.5);
  });

  it("gives none before a rate exists, in the first second, or when nothing is left", () => {
    expect(etaSeconds(100, 0, 5_000)).toBeUndefined();
    expect(etaSeconds(100, 5, 999)).toBeUndefined();
    expect(etaSeconds(0, 40, 10_000)).toBeUndefined();
    expect(etaSeconds(-1, 40, 10_000)).toBeUndefined();
  });

  it("reads as whole seconds, minutes and hours, never 0 s", () => {
    expect(formatEta(0.2)).toBe("1 s");
    expect(formatEta(44.1)).toBe("45 s");
    expect(formatEta(59.5)).toBe("1 min");
    expect(formatEta(80)).toBe("1 min 20 s");
    expect(formatEta(3599)).toBe("59 min 59 s");
    expect(formatEta(3600)).toBe("1 h");
    expect(formatEta(7500)).toBe("2 h 5 min");
    expect(formatEta(7199)).toBe("2 h");
  });
});

describe("the TMDB progress message", () => {
  const counts = { total: 400, done: 80, found: 70, notFound: 8, failed: 2 };

  it("carries the outcomes, requests/s, retries and the ETA", () => {
    expect(progressMessage(counts, { doneThisRun: 80, requests: 160, retries: 3, elapsedMs: 20_000 })).toBe(
      "70 found, 8 not found, 2 failed · 8.0 requests/s · 3 retries · ETA 1 min 20 s",
    );
  });

  it("counts only this run's titles in the rate, and leaves the ETA out when it has none", () => {
    // A rerun: 300 titles were done before; 20 more in 10 s is 2/s, so 80 left take 40 s.
    const rerun = { ...counts, done: 320 };
    expect(progressMessage(rerun, { doneThisRun: 20, requests: 1, retries: 1, elapsedMs: 10_000 })).toBe(
      "70 found, 8 not found, 2 failed · 0.1 requests/s · 1 retry · ETA 40 s",
    );
    expect(progressMessage(counts, { doneThisRun: 1, requests: 2, retries: 0, elapsedMs: 500 })).toBe(
      "70 found, 8 not found, 2 failed · 4.0 requests/s · 0 retries",
    );
  });
});
