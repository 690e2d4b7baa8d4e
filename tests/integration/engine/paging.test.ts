import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Engine } from "../../../pipeline/engine";

const MILLION = "SELECT range AS n, range * 2 AS doubled, 'title ' || range AS label FROM range(1000000)";

/** Counted through `stream`, which stores no result of its own. */
async function resultTables(engine: Engine): Promise<number> {
  let count = 0;
  for await (const chunk of engine.stream(
    "SELECT count(*) AS n FROM duckdb_tables() WHERE schema_name = '__results'",
  )) {
    count += Number(chunk.rows[0]?.n);
  }
  return count;
}

describe("paging a result kept in DuckDB", () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await Engine.open({ threads: 2 });
  });
  afterAll(() => engine.close());

  it("returns as the first page exactly what paging from 0 reads, across chunks and for every type", async () => {
    const typed = `SELECT range AS n, [range, NULL] AS list, {'a': range, 'b': 'x' || range} AS struct,
      CASE WHEN range % 3 = 0 THEN NULL ELSE range / 7 END AS maybe, 12.5::DECIMAL(9, 2) AS price,
      DATE '2026-01-01' + range::INT AS day, range % 2 = 0 AS even FROM range(5000)`;
    for (const pageSize of [0, 1, 100, 2048, 3000]) {
      const result = await engine.query(typed, { pageSize });
      expect(result.rows).toHaveLength(pageSize);
      expect(result.rows).toEqual(await engine.page(result.resultId, 0, pageSize));
      await engine.release(result.resultId);
    }
  });

  it("returns the first page of a 1,000,000-row result and reads any page by offset", async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const result = await engine.query(MILLION);
    const heapAfter = process.memoryUsage().heapUsed;

    expect(result.rowCount).toBe(1_000_000);
    expect(result.columns).toEqual([
      { name: "n", type: "BIGINT" },
      { name: "doubled", type: "BIGINT" },
      { name: "label", type: "VARCHAR" },
    ]);
    expect(result.rows).toHaveLength(100);
    expect(result.rows[99]).toEqual({ n: 99, doubled: 198, label: "title 99" });
    expect(result.ms).toBeGreaterThanOrEqual(0);
    // Sanity, not a benchmark: the million rows (≈ 100 MB as JS objects) never came into the heap.
    expect(heapAfter - heapBefore).toBeLessThan(40 * 1024 * 1024);

    const middle = await engine.page(result.resultId, 500_000, 100);
    expect(middle).toHaveLength(100);
    expect(middle[0]).toEqual({ n: 500_000, doubled: 1_000_000, label: "title 500000" });
    expect(middle.map((row) => row.n)).toEqual(Array.from({ length: 100 }, (_, i) => 500_000 + i));

    expect(await engine.page(result.resultId, 999_990, 100)).toHaveLength(10);
    expect(await engine.page(result.resultId, 1_000_000, 100)).toEqual([]);
    expect(await engine.page(result.resultId, 500_000, 100)).toEqual(middle);
    await engine.release(result.resultId);
  });

  it("pages cover the result exactly once, in order, even for an unordered query", async () => {
    const result = await engine.query(
      "SELECT n FROM (SELECT range AS n FROM range(10000)) WHERE n % 3 <> 1",
      { pageSize: 0 },
    );
    expect(result.rows).toEqual([]);
    const seen: unknown[] = [];
    for (let offset = 0; offset < result.rowCount; offset += 1000) {
      seen.push(...(await engine.page(result.resultId, offset, 1000)).map((row) => row.n));
    }
    expect(seen).toHaveLength(result.rowCount);
    expect(new Set(seen).size).toBe(result.rowCount);
    await engine.release(result.resultId);
  });

  it("release drops the result table; releasing twice is fine; paging it afterwards says why", async () => {
    const before = await resultTables(engine);
    const result = await engine.query("SELECT * FROM range(10)");
    expect(await resultTables(engine)).toBe(before + 1);
    await engine.release(result.resultId);
    await engine.release(result.resultId);
    expect(await resultTables(engine)).toBe(before);
    await expect(engine.page(result.resultId, 0, 10)).rejects.toMatchObject({ code: "RESULT_NOT_FOUND" });
  });

  it("refuses negative or fractional offsets and limits", async () => {
    const result = await engine.query("SELECT 1 AS one");
    await expect(engine.page(result.resultId, -1, 10)).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    await expect(engine.page(result.resultId, 0, 1.5)).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    await expect(engine.query("SELECT 1", { pageSize: -1 })).rejects.toMatchObject({
      code: "INVALID_ARGUMENT",
    });
    await engine.release(result.resultId);
  });
});

describe("results beyond the cap are released least recently used first", () => {
  it("keeps maxResults results, and paging one counts as using it", async () => {
    const engine = await Engine.open({ threads: 1, maxResults: 3 });
    try {
      const [a, b, c] = [
        await engine.query("SELECT 'a' AS x"),
        await engine.query("SELECT 'b' AS x"),
        await engine.query("SELECT 'c' AS x"),
      ];
      expect(await engine.page(a.resultId, 0, 1)).toEqual([{ x: "a" }]); // a is now the most recent
      const d = await engine.query("SELECT 'd' AS x"); // evicts b
      await expect(engine.page(b.resultId, 0, 1)).rejects.toMatchObject({ code: "RESULT_NOT_FOUND" });
      for (const [result, x] of [
        [a, "a"],
        [c, "c"],
        [d, "d"],
      ] as const) {
        expect(await engine.page(result.resultId, 0, 1)).toEqual([{ x }]);
      }
      expect(await resultTables(engine)).toBe(3);
    } finally {
      await engine.close();
    }
  });
});
