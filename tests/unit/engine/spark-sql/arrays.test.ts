import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../../../pipeline/engine";
import { openDuckDB, runSpark, sameOverLines, sparkValue, translated } from "./spark-on-duckdb";

let engine: Engine;
beforeAll(async () => {
  engine = await openDuckDB();
});
afterAll(() => engine.close());

const MOVIES = `(SELECT * FROM VALUES ('tt1', 'Horror,Mystery'), ('tt2', 'Drama'), ('tt3', NULL) AS v(id, genero)) AS m`;

describe("arrays", () => {
  it("arr[0] is the first element (Spark is 0-based under [ ]); out of range or negative is NULL", async () => {
    expect(translated("SELECT arr[0], arr[i]")).toBe(
      "SELECT arr[1], arr[CASE WHEN (i) >= 0 THEN (i) + 1 END]",
    );
    const rows = await runSpark(
      engine,
      "SELECT a[0] AS first, a[2] AS third, a[3] AS beyond, a[-1] AS negative, a[i] AS computed FROM (SELECT array('x', 'y', 'z') AS a, 1 AS i) AS t",
    );
    expect(rows).toEqual([{ first: "x", third: "z", beyond: null, negative: null, computed: "y" }]);
    expect(await sparkValue(engine, "split('Horror,Mystery', ',')[0]")).toBe("Horror");
  });

  it("element_at is 1-based and counts negative positions from the end", async () => {
    expect(await sparkValue(engine, "element_at(array(1, 2, 3), 2)")).toBe(2);
    expect(await sparkValue(engine, "element_at(array(1, 2, 3), -1)")).toBe(3);
  });

  it("size is -1 for NULL; array_contains is NULL when a NULL element might be the match", async () => {
    const rows = await runSpark(
      engine,
      `SELECT size(array('b', 'd', 'c', 'a')) AS n, size(CAST(NULL AS STRING)) IS NULL AS typed,
        array_contains(array(1, 2, 3), 2) AS yes, array_contains(array(1, 2), 3) AS no,
        array_contains(array(1, NULL), 3) AS unknown`,
    );
    expect(rows).toEqual([{ n: 4, typed: false, yes: true, no: false, unknown: null }]);
    expect(await sparkValue(engine, "size(split(NULL, ','))")).toBe(-1);
  });

  it("array_distinct keeps first occurrences in order, NULL once; sort_array puts NULLs first ascending", async () => {
    expect(await sparkValue(engine, "array_distinct(array(1, 2, 3, NULL, 3))")).toEqual([1, 2, 3, null]);
    expect(await sparkValue(engine, "sort_array(array('b', 'd', NULL, 'c', 'a'), true)")).toEqual([
      null,
      "a",
      "b",
      "c",
      "d",
    ]);
    expect(await sparkValue(engine, "sort_array(array('b', NULL, 'a'), false)")).toEqual(["b", "a", null]);
    expect(await sparkValue(engine, "array_join(array('hello', NULL, 'world'), ' ')")).toBe("hello world");
    expect(await sparkValue(engine, "array_join(array('hello', NULL, 'world'), ' ', ',')")).toBe(
      "hello , world",
    );
  });

  it("explode in the SELECT list: a row per element, none for NULL; explode_outer keeps a NULL row", async () => {
    const rows = await runSpark(
      engine,
      `SELECT id, explode(split(genero, ',')) AS genre FROM ${MOVIES} ORDER BY id, genre`,
    );
    expect(rows).toEqual([
      { id: "tt1", genre: "Horror" },
      { id: "tt1", genre: "Mystery" },
      { id: "tt2", genre: "Drama" },
    ]);
    const outer = await runSpark(
      engine,
      `SELECT id, explode_outer(split(genero, ',')) AS genre FROM ${MOVIES} ORDER BY id, genre`,
    );
    expect(outer).toHaveLength(4);
    expect(outer[3]).toEqual({ id: "tt3", genre: null });
  });

  it("LATERAL VIEW explode / posexplode become a lateral unnest join (pos is 0-based)", async () => {
    const sql = `SELECT m.id, g.genre FROM ${MOVIES} LATERAL VIEW explode(split(m.genero, ',')) g AS genre ORDER BY m.id, g.genre`;
    expect(await runSpark(engine, sql)).toEqual([
      { id: "tt1", genre: "Horror" },
      { id: "tt1", genre: "Mystery" },
      { id: "tt2", genre: "Drama" },
    ]);
    const positions = await runSpark(
      engine,
      `SELECT id, pos, genre FROM ${MOVIES} LATERAL VIEW posexplode(split(genero, ',')) p AS pos, genre WHERE id = 'tt1' ORDER BY pos`,
    );
    expect(positions).toEqual([
      { id: "tt1", pos: 0, genre: "Horror" },
      { id: "tt1", pos: 1, genre: "Mystery" },
    ]);
  });

  it("transform and filter with a one-parameter lambda", async () => {
    expect(await sparkValue(engine, "transform(array(1, 2, 3), x -> x + 1)")).toEqual([2, 3, 4]);
    expect(await sparkValue(engine, "filter(array(1, 2, 3), x -> x % 2 = 1)")).toEqual([1, 3]);
  });
});

describe("array functions written over several lines add no line break", () => {
  it("array_contains, array_distinct, explode_outer and LATERAL VIEW posexplode repeat the array on one line", async () => {
    await sameOverLines(
      engine,
      "SELECT array_contains(array(1,\n NULL), 2\n+\n1) AS a, array_contains(array(1,\n 2), 2) AS b",
    );
    await sameOverLines(engine, "SELECT array_distinct(array(1,\n 2, 1,\r\n NULL, NULL)) AS a");
    await sameOverLines(
      engine,
      "SELECT explode_outer(split(s,\n ',')) AS a FROM (SELECT 'x,y' AS s) ORDER BY a",
    );
    await sameOverLines(
      engine,
      "SELECT p, c FROM (SELECT array('x',\n 'y') AS arr) AS t LATERAL VIEW posexplode(concat(arr,\n array('z'))) v AS p, c ORDER BY p",
    );
  });
});
