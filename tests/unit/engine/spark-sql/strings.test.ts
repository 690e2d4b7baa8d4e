import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../../../pipeline/engine";
import { openDuckDB, runSpark, sameOverLines, sparkValue, translated } from "./spark-on-duckdb";

let engine: Engine;
beforeAll(async () => {
  engine = await openDuckDB();
});
afterAll(() => engine.close());

describe("string functions", () => {
  it("concat is NULL when any argument is NULL (DuckDB's concat would skip it)", async () => {
    expect(await sparkValue(engine, "concat('a', NULL, 'b')")).toBeNull();
    expect(await sparkValue(engine, "concat('a', 1, 'b')")).toBe("a1b");
  });

  it("concat_ws skips NULLs, joins array elements, and is NULL only for a NULL separator", async () => {
    expect(await sparkValue(engine, "concat_ws('-', 'a', NULL, 'b')")).toBe("a-b");
    expect(await sparkValue(engine, "concat_ws(',', 'x', array('a', NULL, 'b'), 'y')")).toBe("x,a,b,y");
    const rows = await runSpark(
      engine,
      "SELECT concat_ws('|', g) AS v FROM (SELECT array('x', 'y') AS g) AS t",
    );
    expect(rows).toEqual([{ v: "x|y" }]);
    expect(await sparkValue(engine, "concat_ws(CAST(NULL AS STRING), 'a')")).toBeNull();
    // Found by fuzzing: every value NULL gives '' in Spark (DuckDB's array_to_string alone gives NULL).
    expect(await sparkValue(engine, "concat_ws('-', CAST(NULL AS STRING))")).toBe("");
    expect(await sparkValue(engine, "concat_ws('-', CAST(NULL AS STRING), CAST(NULL AS STRING))")).toBe("");
    expect(await sparkValue(engine, "concat_ws('-', NULL)")).toBe("");
    expect(await sparkValue(engine, "concat_ws('|', split(CAST(NULL AS STRING), ','))")).toBe("");
  });

  it("concat_ws takes any separator expression, not only a literal (DuckDB's array_to_string wants a constant)", async () => {
    const rows = await runSpark(
      engine,
      "SELECT concat_ws(s, a, b) AS v FROM (SELECT * FROM VALUES ('-', 'x', 'y'), (NULL, 'x', 'y'), (',', NULL, 'y'), ('+', NULL, NULL), ('ab', 'p', 'q') AS t(s, a, b))",
    );
    expect(rows).toEqual([{ v: "x-y" }, { v: null }, { v: "y" }, { v: "" }, { v: "pabq" }]);
    const arrays = await runSpark(
      engine,
      "SELECT concat_ws(s, 'a', array('b', NULL, 'c'), NULL, 'd') AS v, concat_ws(s, g) AS w, concat_ws(s, split(NULL, ',')) AS e FROM (SELECT '; ' AS s, array('d', NULL) AS g)",
    );
    expect(arrays).toEqual([{ v: "a; b; c; d", w: "d", e: "" }]);
    expect(await sparkValue(engine, "concat_ws(upper('x'), 'a', 'b')")).toBe("aXb");
    expect(await sparkValue(engine, "concat_ws(NULL, 'a', 'b')")).toBeNull();
    const grouped = await runSpark(
      engine,
      "SELECT k, concat_ws(max(s), collect_list(a)) AS v FROM VALUES (1, '/', 'x'), (1, '/', 'y'), (2, NULL, 'z') AS t(k, s, a) GROUP BY k ORDER BY k",
    );
    expect(grouped).toEqual([
      { k: 1, v: "x/y" },
      { k: 2, v: null },
    ]);
  });

  it("substring is 1-based; pos 0 reads as 1, a negative pos counts from the end", async () => {
    const rows = await runSpark(
      engine,
      "SELECT substring('Spark SQL', 5) AS a, substr('Spark SQL', -3) AS b, substring('Spark SQL', 5, 1) AS c, substring('Spark', 0, 2) AS d, substring('Spark', 2, -1) AS e, substring('Spark', -7, 3) AS f",
    );
    expect(rows).toEqual([{ a: "k SQL", b: "SQL", c: "k", d: "Sp", e: "", f: "S" }]);
  });

  it("split takes a Java regex and keeps trailing empty strings; a limit keeps the rest in the last element", async () => {
    expect(await sparkValue(engine, "split('oneAtwoBthreeC', '[ABC]')")).toEqual(["one", "two", "three", ""]);
    expect(await sparkValue(engine, "split('Horror|Mystery', '\\\\|')")).toEqual(["Horror", "Mystery"]);
    expect(await sparkValue(engine, "split('a,b,c,d', ',', 2)")).toEqual(["a", "b,c,d"]);
    expect(await sparkValue(engine, "split('a,b', ',', 5)")).toEqual(["a", "b"]);
    expect(await sparkValue(engine, "split('a,b', ',', -1)")).toEqual(["a", "b"]);
  });

  it("regexp_extract defaults to group 1 and gives '' without a match; regexp_replace replaces all, $1 groups", async () => {
    expect(await sparkValue(engine, "regexp_extract('100-200', '(\\\\d+)-(\\\\d+)')")).toBe("100");
    expect(await sparkValue(engine, "regexp_extract('100-200', '(\\\\d+)-(\\\\d+)', 2)")).toBe("200");
    expect(await sparkValue(engine, "regexp_extract('abc', '(\\\\d+)', 1)")).toBe("");
    expect(await sparkValue(engine, "regexp_replace('100-200', '(\\\\d+)', 'num')")).toBe("num-num");
    expect(await sparkValue(engine, "regexp_replace('John Smith', '(\\\\w+) (\\\\w+)', '$2, $1')")).toBe(
      "Smith, John",
    );
  });

  it("RLIKE is a partial match; LIKE escapes with a backslash", async () => {
    expect(translated("SELECT a FROM t WHERE a RLIKE '^h' AND b NOT RLIKE 'x'")).toBe(
      "SELECT a FROM t WHERE regexp_matches(a, '^h') AND NOT regexp_matches(b, 'x')",
    );
    expect(await sparkValue(engine, "'horror' RLIKE 'rr'")).toBe(true);
    expect(await sparkValue(engine, "rlike('horror', '^x')")).toBe(false);
    expect(await sparkValue(engine, "'a_b' LIKE 'a\\\\_b'")).toBe(true);
    expect(await sparkValue(engine, "'axb' LIKE 'a\\\\_b'")).toBe(false);
    expect(await sparkValue(engine, "'Horror' LIKE 'Hor%'")).toBe(true);
  });

  it("the rest of the family: trim, pads, replace, initcap, instr, locate, lengths, case", async () => {
    const rows = await runSpark(
      engine,
      `SELECT trim('  a  ') AS t, ltrim('  a') AS lt, rtrim('a  ') AS rt, trim(BOTH 'x' FROM 'xxaxx') AS tb,
        lpad('7', 3, '0') AS lp, rpad('ab', 4) AS rp, lpad('abcd', 2, '0') AS cut,
        replace('a-b-c', '-') AS r2, replace('a-b', '-', '+') AS r3, initcap('sPARK sql') AS ic,
        instr('horror', 'r') AS i, locate('r', 'horror') AS l, locate('r', 'horror', 4) AS l3, locate('r', 'horror', 0) AS l0,
        length('héllo') AS len, lower('ABC') AS lo, upper('abc') AS up, nvl(NULL, 'x') AS nv, nvl2(NULL, 'set', 'unset') AS n2`,
    );
    expect(rows).toEqual([
      {
        t: "a",
        lt: "a",
        rt: "a",
        tb: "a",
        lp: "007",
        rp: "ab  ",
        cut: "ab",
        r2: "abc",
        r3: "a+b",
        ic: "Spark Sql",
        i: 3,
        l: 3,
        l3: 4,
        l0: 0,
        len: 5,
        lo: "abc",
        up: "ABC",
        nv: "x",
        n2: "unset",
      },
    ]);
  });
});

describe("string functions written over several lines add no line break", () => {
  it("substr, locate, split with a limit and concat_ws repeat an argument on one line", async () => {
    expect(translated("SELECT substr(s, p\n+1),\n x FROM t").split("\n")).toHaveLength(3);
    await sameOverLines(
      engine,
      "SELECT substr('Lakebook', p\n+\n1) AS a, substr('Lakebook', -p\n, 2) AS b FROM (SELECT 2 AS p)",
    );
    await sameOverLines(engine, "SELECT substring('Lakebook',\n 0,\n 3) AS a, substr('abc', 2, -\n1) AS b");
    await sameOverLines(engine, "SELECT locate('o', 'Lakebook',\n p\n+1) AS a FROM (SELECT 5 AS p)");
    await sameOverLines(engine, "SELECT split(s\n|| 'c,d', ',',\n 2) AS a FROM (SELECT 'a,b,' AS s)");
    await sameOverLines(engine, "SELECT concat_ws('+'\n|| '-', 'a', NULL,\n 'b') AS a");
    await sameOverLines(
      engine,
      "SELECT concat_ws(s\n|| '-',\n a, NULL, array('b',\n NULL)) AS a FROM (SELECT '+' AS s, 'a' AS a)",
    );
    await sameOverLines(
      engine,
      "SELECT regexp_replace('a\\nb',\n '\\n', '\\t') AS a, split('a\\nb', '\\n') AS b",
    );
  });
});
