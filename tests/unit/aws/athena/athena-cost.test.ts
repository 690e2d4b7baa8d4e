import { describe, expect, it } from "vitest";
import {
  athenaCost,
  billedBytes,
  describeAthenaCost,
  estimateAthenaCost,
  formatBytes,
  formatUsd,
} from "../../../../pipeline/aws/athena/athena-cost";

const MB = 2 ** 20;
const TB = 2 ** 40;

describe("billedBytes", () => {
  it("bills nothing for a query that scanned nothing (DDL)", () => {
    expect(billedBytes(0)).toBe(0);
  });

  it("bills at least 10 MB", () => {
    expect(billedBytes(1)).toBe(10 * MB);
    expect(billedBytes(10 * MB)).toBe(10 * MB);
  });

  it("rounds up to the next whole megabyte above the minimum", () => {
    expect(billedBytes(10 * MB + 1)).toBe(11 * MB);
    expect(billedBytes(123 * MB)).toBe(123 * MB);
    expect(billedBytes(123 * MB + 0.5 * MB)).toBe(124 * MB);
  });

  it("refuses negative and non-finite sizes", () => {
    expect(() => billedBytes(-1)).toThrow(RangeError);
    expect(() => billedBytes(Number.NaN)).toThrow(RangeError);
  });
});

describe("athenaCost", () => {
  it("charges exactly $5 for one binary terabyte", () => {
    expect(athenaCost(TB).usd).toBe(5);
  });

  it("charges the 10 MB minimum for a tiny query", () => {
    const cost = athenaCost(2048);
    expect(cost).toEqual({ scannedBytes: 2048, billedBytes: 10 * MB, usd: (10 * MB * 5) / TB });
    expect(cost.usd).toBeCloseTo(0.0000476837, 10);
  });

  it("is free when nothing was scanned", () => {
    expect(athenaCost(0).usd).toBe(0);
  });

  it("prices the full movies.csv scan (≈172 MB) under a tenth of a cent", () => {
    expect(athenaCost(172 * MB).usd).toBeCloseTo(0.00082, 5);
  });
});

describe("estimateAthenaCost", () => {
  it("adds the sizes of every table read as the upper bound", () => {
    const estimate = estimateAthenaCost([
      { table: "refined.fact_title", bytes: 30 * MB },
      { table: "refined.dim_genre", bytes: 1 * MB },
    ]);
    expect(estimate.scannedBytes).toBe(31 * MB);
    expect(estimate.billedBytes).toBe(31 * MB);
    expect(estimate.tables).toHaveLength(2);
    expect(estimate.note).toMatch(/upper bound/);
  });

  it("still bills the minimum for small tables and nothing when no table is read", () => {
    expect(estimateAthenaCost([{ table: "raw.movies", bytes: 100 }]).billedBytes).toBe(10 * MB);
    expect(estimateAthenaCost([]).usd).toBe(0);
  });
});

describe("formatting", () => {
  it("shows dollars with enough digits to see a small cost", () => {
    expect(formatUsd(0)).toBe("$0");
    expect(formatUsd(5)).toBe("$5.00");
    expect(formatUsd(0.0000476837)).toBe("$0.000048");
  });

  it("shows binary sizes", () => {
    expect(formatBytes(512)).toBe("512 bytes");
    expect(formatBytes(10 * MB)).toBe("10.0 MB");
    expect(formatBytes(172 * MB)).toBe("172 MB");
    expect(formatBytes(TB)).toBe("1.0 TB");
  });

  it("describes scanned, billed and cost in one line", () => {
    expect(describeAthenaCost(athenaCost(12.3 * MB))).toBe("scanned 12.3 MB, billed 13.0 MB → $0.000062");
  });
});
