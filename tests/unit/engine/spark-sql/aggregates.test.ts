import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../../../pipeline/engine";
import { translateSparkSql } from "../../../../pipeline/engine/spark-sql";
import { openDuckDB, runSpark, sameOverLines } from "./spark-on-duckdb";

let engine: Engine;
beforeAll(async () => {
  engine = await openDuckDB();
});
afterAll(() => engine.close());

const RATINGS = `(SELECT * FROM VALUES ('a', 1, 7.5), ('a', 2, NULL), ('a', 3, 6.0), ('b', 1, NULL) AS v(g, n, nota)) AS r`;

describe("aggregates and window functions", () => {
  it("collect_list skips NULLs (and gives [] for only NULLs); collect_set too, without duplicates", async () => {
    const rows = await runSpark(
      engine,
      `SELECT g, collect_list(nota) AS notas, sort_array(collect_set(n)) AS ns, size(collect_set(nota)) AS distinct_notas
       FROM ${RATINGS} GROUP BY g ORDER BY g`,
    );
    expect(rows).toEqual([
      { g: "a", notas: [7.5, 6], ns: [1, 2, 3], distinct_notas: 2 },
      { g: "b", notas: [], ns: [1], distinct_notas: 0 },
    ]);
  });

  it("first/last with ignoreNulls, as aggregates and over windows", async () => {
    const rows = await runSpark(
      engine,
      `SELECT g, n, first(nota, true) OVER (PARTITION BY g ORDER BY n ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS f,
         last(nota) IGNORE NULLS OVER (PARTITION BY g ORDER BY n ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS l,
         lag(nota) OVER (PARTITION BY g ORDER BY n) AS prev
       FROM ${RATINGS} WHERE g = 'a' ORDER BY n`,
    );
    expect(rows.map((row) => [row.f, row.l, row.prev])).toEqual([
      [7.5, 6, null],
      [7.5, 6, 7.5],
      [7.5, 6, null],
    ]);
    const aggregate = await runSpark(
      engine,
      `SELECT max(n) AS m, first(nota, true) IS NOT NULL AS found FROM ${RATINGS} WHERE n = 2 OR g = 'b'`,
    );
    expect(aggregate).toEqual([{ m: 2, found: false }]);
  });

  it("ranking and running sums over windows; HAVING and count(DISTINCT)", async () => {
    const rows = await runSpark(
      engine,
      `SELECT g, n, row_number() OVER (PARTITION BY g ORDER BY n DESC) AS rn, rank() OVER (ORDER BY g) AS rk,
         dense_rank() OVER (ORDER BY g) AS drk, sum(n) OVER (PARTITION BY g ORDER BY n) AS running
       FROM ${RATINGS} ORDER BY g, n`,
    );
    expect(rows.map((row) => [row.rn, row.rk, row.drk, row.running])).toEqual([
      [3, 1, 1, 1],
      [2, 1, 1, 3],
      [1, 1, 1, 6],
      [1, 4, 2, 1],
    ]);
    const having = await runSpark(
      engine,
      `SELECT g, count(DISTINCT n) AS c FROM ${RATINGS} GROUP BY g HAVING count(*) > 1`,
    );
    expect(having).toEqual([{ g: "a", c: 3 }]);
  });

  it("approximate aggregates translate, with a note that the estimate may differ", async () => {
    const { sql, notes } = translateSparkSql(
      "SELECT approx_count_distinct(id), percentile_approx(nota, 0.5) FROM t",
    );
    expect(sql).toBe("SELECT approx_count_distinct(id), approx_quantile(nota, 0.5) FROM t");
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatch(/^Line 1, col 8: approx_count_distinct/);
    const rows = await runSpark(
      engine,
      "SELECT percentile(x, 0.5) AS p FROM VALUES (1), (2), (3), (4) AS t(x)",
    );
    expect(rows).toEqual([{ p: 2.5 }]);
  });
});

describe("aggregates written over several lines add no line break", () => {
  it("collect_list and first(x, true) repeat their value in FILTER on one line", async () => {
    await sameOverLines(
      engine,
      `SELECT g, collect_list(nota\n* 2) AS l, first(nota\n, true) AS f FROM ${RATINGS} GROUP BY g ORDER BY g`,
    );
  });
});
