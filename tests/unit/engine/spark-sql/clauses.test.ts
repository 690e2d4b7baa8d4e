import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../../../pipeline/engine";
import { translateSparkSql } from "../../../../pipeline/engine/spark-sql";
import { lineBreaks, openDuckDB, runSpark, sameOverLines, translated } from "./spark-on-duckdb";

let engine: Engine;
beforeAll(async () => {
  engine = await openDuckDB();
});
afterAll(() => engine.close());

const T = "(SELECT * FROM VALUES (1, 'a'), (2, NULL), (3, 'c') AS v(id, x)) AS t";
const U = "(SELECT * FROM VALUES (1), (3), (4) AS v(id)) AS u";

describe("query structure", () => {
  it("ORDER BY puts NULLs first ascending and last descending, as Spark does", async () => {
    expect(translated("SELECT x FROM t ORDER BY x, y DESC, z ASC NULLS LAST LIMIT 3")).toBe(
      "SELECT x FROM t ORDER BY x NULLS FIRST, y DESC NULLS LAST, z ASC NULLS LAST LIMIT 3",
    );
    expect((await runSpark(engine, `SELECT x FROM ${T} ORDER BY x`)).map((row) => row.x)).toEqual([
      null,
      "a",
      "c",
    ]);
    expect((await runSpark(engine, `SELECT x FROM ${T} ORDER BY x DESC`)).map((row) => row.x)).toEqual([
      "c",
      "a",
      null,
    ]);
  });

  it("joins: INNER, LEFT, FULL, CROSS, LEFT SEMI and LEFT ANTI", async () => {
    expect(translated("SELECT * FROM t LEFT SEMI JOIN u ON t.id = u.id")).toBe(
      "SELECT * FROM t SEMI JOIN u ON t.id = u.id",
    );
    const ids = async (sql: string) => (await runSpark(engine, sql)).map((row) => row.id);
    expect(await ids(`SELECT t.id FROM ${T} LEFT SEMI JOIN ${U} ON t.id = u.id ORDER BY t.id`)).toEqual([
      1, 3,
    ]);
    expect(await ids(`SELECT t.id FROM ${T} LEFT ANTI JOIN ${U} ON t.id = u.id`)).toEqual([2]);
    expect(await ids(`SELECT t.id FROM ${T} JOIN ${U} ON t.id = u.id ORDER BY id`)).toEqual([1, 3]);
    expect(
      await ids(
        `SELECT coalesce(t.id, u.id) AS id FROM ${T} FULL OUTER JOIN ${U} ON t.id = u.id ORDER BY id`,
      ),
    ).toEqual([1, 2, 3, 4]);
    expect((await runSpark(engine, `SELECT count(*) AS n FROM ${T} CROSS JOIN ${U}`))[0]?.n).toBe(9);
  });

  it("CTEs, UNION / UNION ALL / MINUS, DISTINCT, CASE and IF", async () => {
    const rows = await runSpark(
      engine,
      `WITH a AS (SELECT id FROM ${T}), b AS (SELECT id FROM ${U})
       SELECT DISTINCT CASE WHEN id > 2 THEN 'big' ELSE 'small' END AS size, IF(id = 1, 'one', 'other') AS one
       FROM (SELECT id FROM a UNION SELECT id FROM b) AS s WHERE id <> 4 ORDER BY size, one`,
    );
    expect(rows).toEqual([
      { size: "big", one: "other" },
      { size: "small", one: "one" },
      { size: "small", one: "other" },
    ]);
    expect(
      (await runSpark(engine, `SELECT id FROM ${T} MINUS SELECT id FROM ${U}`)).map((row) => row.id),
    ).toEqual([2]);
    expect(
      await runSpark(
        engine,
        `SELECT count(*) AS n FROM (SELECT id FROM ${T} UNION ALL SELECT id FROM ${U}) AS s`,
      ),
    ).toEqual([{ n: 6 }]);
  });

  it("division: / is fractional and NULL for 0, div truncates, % of 0 is NULL", async () => {
    const rows = await runSpark(
      engine,
      "SELECT 7 / 2 AS a, 1 / 0 AS b, 1.5D / 0 AS c, 7 div 2 AS d, -7 div 2 AS e, 7.5 div 2 AS f, 5 % 0 AS g",
    );
    expect(rows).toEqual([{ a: 3.5, b: null, c: null, d: 3, e: -3, f: 3, g: null }]);
    expect(translated("SELECT x / sum(x) OVER (PARTITION BY g) FROM t")).toBe(
      "SELECT x / nullif(sum(x) OVER (PARTITION BY g), 0) FROM t",
    );
  });

  it("numbers: round (HALF_UP), bround (HALF_EVEN), floor/ceil as whole numbers, greatest/least skip NULLs, log is ln", async () => {
    const rows = await runSpark(
      engine,
      "SELECT round(2.5, 0) AS r, round(-2.5) AS rn, bround(2.5, 0) AS b, floor(-0.1) AS f, ceil(1.2) AS c, greatest(1, NULL, 3) AS g, least(NULL, 2) AS l, round(log(exp(2)), 6) AS ln",
    );
    expect(rows).toEqual([{ r: 3, rn: -3, b: 2, f: -1, c: 2, g: 3, l: 2, ln: 2 }]);
  });

  it("hints and DISTRIBUTE BY / SORT BY / CLUSTER BY are dropped with a note", () => {
    const { sql, notes } = translateSparkSql(
      "SELECT /*+ BROADCAST(u) */ id FROM t\nDISTRIBUTE BY id SORT BY id",
    );
    expect(sql.replace(/ +/g, " ").trim()).toBe("SELECT id FROM t");
    expect(notes).toEqual([
      "Line 1, col 8: Hint /*+ BROADCAST(u) */ dropped: DuckDB plans joins itself.",
      "Line 2, col 1: DISTRIBUTE BY dropped: it only spreads rows over Spark partitions, the rows are the same.",
      "Line 2, col 18: SORT BY dropped: it orders rows within each Spark partition only, so it promises no order; write ORDER BY for a sorted result.",
    ]);
    expect(translateSparkSql("SELECT id FROM t CLUSTER BY id").notes[0]).toMatch(/CLUSTER BY dropped/);
  });

  it("one trailing semicolon is fine", async () => {
    expect(await runSpark(engine, "SELECT 1 AS v;\n")).toEqual([{ v: 1 }]);
  });
});

describe("clauses written over several lines keep their line breaks", () => {
  it("ORDER BY writes NULLS FIRST/LAST after each item, where the item ends", async () => {
    expect(translated("SELECT x FROM t ORDER\nBY\r\n x,\n y DESC -- newest\n, z LIMIT 3")).toBe(
      "SELECT x FROM t ORDER\nBY\r\n x NULLS FIRST,\n y DESC NULLS LAST -- newest\n, z NULLS FIRST LIMIT 3",
    );
    // Found by fuzzing: the line break between BY and the list was dropped.
    for (const sql of [
      "SELECT  FROM t GROUP BY a ORDER BY \r\n ALL",
      "SELECT  FROM t GROUP BY a ORDER BY \r\n ,",
      "SELECT  FROM t GROUP BY a ORDER BY \n ALL",
      "SELECT  FROM t GROUP BY a ORDER BY \n ,",
    ]) {
      expect(lineBreaks(translated(sql)), JSON.stringify(sql)).toBe(lineBreaks(sql));
    }
    await sameOverLines(engine, `SELECT x, count(*) AS n FROM ${T} GROUP BY x ORDER BY \r\n ALL`);
    await sameOverLines(
      engine,
      `SELECT id, x FROM ${T} ORDER\r\nBY\n x DESC,\n id /* then\n by id */ LIMIT 2`,
    );
    await sameOverLines(engine, `SELECT id, sum(id) OVER\n (ORDER BY\n x DESC) AS s FROM ${T} ORDER BY\n id`);
  });

  it("a dropped DISTRIBUTE BY / SORT BY / CLUSTER BY leaves its line breaks", async () => {
    await sameOverLines(engine, `SELECT id FROM ${T} DISTRIBUTE\nBY id SORT BY\r\n id,\n x LIMIT 5`);
    await sameOverLines(engine, `SELECT id FROM ${T} CLUSTER BY\n id`);
  });

  it("LATERAL VIEW and LEFT SEMI JOIN, rebuilt, keep the breaks after them", async () => {
    await sameOverLines(
      engine,
      "SELECT g, c FROM (SELECT 1 AS g, array(1, 2) AS arr) AS t LATERAL\n VIEW explode(\r\narr) v\n AS c ORDER BY c",
    );
    await sameOverLines(engine, `SELECT t.id FROM ${T} LEFT\n SEMI JOIN ${U} ON t.id = u.id ORDER BY t.id`);
  });
});
