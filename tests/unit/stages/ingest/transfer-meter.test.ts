import { describe, expect, it } from "vitest";
import type { StageProgress } from "../../../../pipeline/stages";
import {
  formatEta,
  formatRate,
  TransferMeter,
  transferMessage,
  transferStats,
} from "../../../../pipeline/stages/ingest/transfer-meter";

const MB = 1024 * 1024;

describe("transfer progress", () => {
  it("computes percent, rate and time left", () => {
    expect(transferStats(50 * MB, 200 * MB, 2000)).toEqual({
      percent: 25,
      bytesPerSecond: 25 * MB,
      etaSeconds: 6,
    });
    expect(transferStats(0, 200 * MB, 0)).toEqual({
      percent: 0,
      bytesPerSecond: undefined,
      etaSeconds: undefined,
    });
    expect(transferStats(0, 0, 10).percent).toBe(100);
  });

  it("leaves resumed bytes out of the rate", () => {
    // 100 MB were stored by an earlier run; this run sent 20 MB in 1 s.
    expect(transferStats(120 * MB, 200 * MB, 1000, 100 * MB)).toEqual({
      percent: 60,
      bytesPerSecond: 20 * MB,
      etaSeconds: 4,
    });
  });

  it("words it for people", () => {
    expect(formatRate(12.34 * MB)).toBe("12.3 MB/s");
    expect(formatRate(300 * 1024)).toBe("300 KB/s");
    expect(formatEta(5)).toBe("5 s");
    expect(formatEta(125)).toBe("2 min 5 s");
    expect(formatEta(3 * 3600 + 120)).toBe("3 h 2 min");
    expect(
      transferMessage("Uploading", "movies.csv", { percent: 45, bytesPerSecond: 12.34 * MB, etaSeconds: 5 }),
    ).toBe("Uploading movies.csv · 12.3 MB/s · ETA 5 s");
    expect(
      transferMessage("Uploading", "movies.csv", { percent: 100, bytesPerSecond: MB, etaSeconds: 0 }),
    ).toBe("Uploading movies.csv · 1.0 MB/s");
  });

  it("sends a few events a second, and always the last one", () => {
    const sent: StageProgress[] = [];
    const meter = new TransferMeter("Validating", "movies.csv", 100, (update) => sent.push(update));
    for (let done = 1; done <= 100; done++) meter.update(done);
    expect(sent.length).toBeLessThan(5);
    expect(sent.at(-1)).toMatchObject({ done: 100, total: 100, unit: "bytes" });
    expect(sent[0]?.message).toMatch(/^Validating movies\.csv/);
  });
});
