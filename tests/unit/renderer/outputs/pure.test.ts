import { describe, expect, it, vi } from "vitest";
import { progressStats } from "../../../../renderer/src/outputs/progress";
import { toTsv } from "../../../../renderer/src/ui/table/cell-text";
import { PageCache } from "../../../../renderer/src/ui/table/page-cache";
import { pagesFor, rowWindow } from "../../../../renderer/src/ui/table/virtual-window";

describe("rowWindow", () => {
  it("is the identity mapping for results that fit", () => {
    const w = rowWindow({ scrollTop: 280, viewportHeight: 280, rowCount: 1000, rowHeight: 28, overscan: 2 });
    expect(w).toMatchObject({ first: 8, last: 23, totalHeight: 28_000, scale: 1, offset: 8 * 28 });
  });

  it("keeps the on-screen rows inside the scroll area when scaled", () => {
    const input = {
      viewportHeight: 300,
      rowCount: 5_000_000,
      rowHeight: 28,
      overscan: 0,
      maxHeight: 1_000_000,
    };
    for (const scrollTop of [0, 1234, 500_000, 999_700]) {
      const w = rowWindow({ ...input, scrollTop });
      const firstVisibleTop = w.offset + (Math.ceil((scrollTop * w.scale) / 28) - w.first) * 28;
      expect(firstVisibleTop).toBeGreaterThanOrEqual(scrollTop - 28);
      expect(firstVisibleTop).toBeLessThanOrEqual(scrollTop + 28);
    }
  });

  it("pagesFor covers the rows exactly", () => {
    expect(pagesFor(95, 205, 100)).toEqual([0, 1, 2]);
    expect(pagesFor(100, 200, 100)).toEqual([1]);
    expect(pagesFor(5, 5, 100)).toEqual([]);
  });
});

describe("PageCache", () => {
  it("fetches each missing page once and forgets the least recently used beyond its bound", async () => {
    const fetchPage = vi.fn(async (offset: number, limit: number) =>
      Array.from({ length: limit }, (_, i) => ({ n: offset + i })),
    );
    const cache = new PageCache({
      rowCount: 10_000,
      pageSize: 100,
      maxPages: 3,
      fetchPage,
      onChange: () => {},
      settleMs: 0,
    });
    cache.ensure(0, 150);
    cache.ensure(0, 150);
    await vi.waitFor(() => expect(cache.has(149)).toBe(true));
    expect(fetchPage).toHaveBeenCalledTimes(2);
    cache.ensure(200, 250);
    cache.ensure(300, 350);
    await vi.waitFor(() => expect(cache.has(300)).toBe(true));
    expect(cache.cachedPages().sort()).toEqual([1, 2, 3]);
    expect(cache.row(0)).toBeUndefined();
    expect(cache.row(301)).toEqual({ n: 301 });
  });

  it("waits for a fast scroll to settle and fetches only where it stopped", async () => {
    vi.useFakeTimers();
    const fetchPage = vi.fn(async () => []);
    const cache = new PageCache({
      rowCount: 1_000_000,
      pageSize: 100,
      maxPages: 10,
      fetchPage,
      onChange: () => {},
    });
    for (let row = 0; row < 500_000; row += 25_000) cache.ensure(row, row + 20);
    vi.advanceTimersByTime(100);
    vi.useRealTimers();
    expect(fetchPage).toHaveBeenCalledTimes(1);
    expect(fetchPage).toHaveBeenCalledWith(475_000, 100);
  });
});

describe("copy as TSV", () => {
  it("writes a header line, NULL for nulls, JSON for lists, no stray tabs or newlines", () => {
    const text = toTsv(
      ["a", "b"],
      [
        { a: 1, b: null },
        { a: "x\ty", b: ["p", "q"] },
      ],
    );
    expect(text).toBe('a\tb\n1\tNULL\nx y\t["p","q"]\n');
  });
});

describe("progressStats", () => {
  it("computes rate and ETA over the recent samples", () => {
    const samples = [
      { at: 0, done: 0 },
      { at: 1000, done: 100 },
      { at: 2000, done: 300 },
    ];
    expect(progressStats(samples, 1300)).toEqual({
      fraction: 300 / 1300,
      rate: 150,
      etaMs: (1000 / 150) * 1000,
    });
    expect(progressStats(samples, undefined)).toEqual({ rate: 150 });
    expect(progressStats([{ at: 0, done: 5 }], 10)).toEqual({ fraction: 0.5 });
    expect(progressStats([], 10)).toEqual({});
  });
});
