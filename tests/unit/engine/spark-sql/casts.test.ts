import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../../../pipeline/engine";
import { openDuckDB, runSpark, sameOverLines, translated } from "./spark-on-duckdb";

let engine: Engine;
beforeAll(async () => {
  engine = await openDuckDB();
});
afterAll(() => engine.close());

describe("casts (Spark's non-ANSI rules, Glue's default)", () => {
  it("a string that is not a number casts to NULL, not an error (TRY_CAST)", async () => {
    const rows = await runSpark(
      engine,
      "SELECT CAST('abc' AS INT) AS i, CAST('\\\\N' AS BIGINT) AS b, double('x') AS d, CAST('2024-13-01' AS DATE) AS dt",
    );
    expect(rows).toEqual([{ i: null, b: null, d: null, dt: null }]);
  });

  it("casts to integers truncate toward zero, as Spark does (DuckDB alone would round)", async () => {
    const rows = await runSpark(
      engine,
      "SELECT CAST(7.9 AS INT) AS a, CAST(-7.9 AS INT) AS b, CAST('7.9' AS INT) AS c, CAST(' 12 ' AS INT) AS d, int(8.99D) AS e, CAST('1999' AS LONG) AS f",
    );
    expect(rows).toEqual([{ a: 7, b: -7, c: 7, d: 12, e: 8, f: 1999 }]);
  });

  it("keeps BIGINT exact beyond 2^53, where a DOUBLE would round", async () => {
    const rows = await runSpark(
      engine,
      "SELECT CAST('9223372036854775807' AS BIGINT) AS max, CAST('12345678901234567.9' AS BIGINT) AS big, CAST('-9007199254740993' AS LONG) AS odd",
    );
    expect(
      rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, String(v)]))),
    ).toEqual([{ max: "9223372036854775807", big: "12345678901234567", odd: "-9007199254740993" }]);
  });

  it("STRING → VARCHAR, DECIMAL alone is DECIMAL(10,0), BOOLEAN reads yes/no", async () => {
    expect(translated("SELECT CAST(x AS STRING), CAST(x AS DECIMAL)")).toBe(
      "SELECT CAST(x AS VARCHAR), TRY_CAST(x AS DECIMAL(10,0))",
    );
    const rows = await runSpark(
      engine,
      "SELECT CAST(1 AS STRING) AS s, CAST('12.5' AS DECIMAL) AS d, CAST(1.23456 AS DECIMAL(4,2)) AS p, CAST('yes' AS BOOLEAN) AS y, boolean('false') AS n",
    );
    expect(rows).toEqual([{ s: "1", d: 13, p: 1.23, y: true, n: false }]);
  });

  it("dates and timestamps from text", async () => {
    const rows = await runSpark(
      engine,
      "SELECT CAST('2024-01-05' AS DATE) AS d, timestamp('2024-01-05 10:30:00') AS ts",
    );
    expect(rows).toEqual([{ d: "2024-01-05", ts: "2024-01-05T10:30:00" }]);
  });
});

describe("casts written over several lines add no line break", () => {
  it("an integer cast and nvl2 repeat their value on one line", async () => {
    await sameOverLines(
      engine,
      "SELECT CAST(x\n* 2 AS BIGINT) AS a, bigint(\n'7.9') AS b, nvl2(x\n, 'set', 'unset') AS c FROM (SELECT 1.5 AS x)",
    );
  });
});
