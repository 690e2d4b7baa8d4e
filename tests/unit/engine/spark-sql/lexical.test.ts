import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../../../pipeline/engine";
import { openDuckDB, runSpark, sameOverLines, sparkValue, translated } from "./spark-on-duckdb";

let engine: Engine;
beforeAll(async () => {
  engine = await openDuckDB();
});
afterAll(() => engine.close());

describe("Spark's lexical rules", () => {
  it("backtick identifiers become double-quoted; double-quoted text is a string", async () => {
    expect(translated('SELECT `movie title`, "horror" FROM t')).toBe(`SELECT "movie title", 'horror' FROM t`);
    const rows = await runSpark(engine, 'SELECT `x`.`a b` FROM (SELECT "it" AS `a b`) AS `x`');
    expect(rows).toEqual([{ "a b": "it" }]);
  });

  it("backslash escapes: '\\\\N' is the two characters \\N, \\' a quote, \\t a tab; adjacent literals join", async () => {
    expect(await sparkValue(engine, "'\\\\N'")).toBe("\\N");
    expect(await sparkValue(engine, "'it\\'s'")).toBe("it's");
    expect(await sparkValue(engine, '"a\\tb"')).toBe("a\tb");
    expect(await sparkValue(engine, "'\\u00e9'")).toBe("é");
    expect(await sparkValue(engine, "'hor' 'ror'")).toBe("horror");
    expect(await sparkValue(engine, "r'C:\\dir'")).toBe("C:\\dir");
  });

  it("comments (nested block comments too) and hints are not code; line breaks are kept", async () => {
    const sql = "SELECT /* a /* nested */ comment */ 1 AS v -- trailing\n, /*+ BROADCAST(t) */ 2 AS w";
    expect(await runSpark(engine, sql)).toEqual([{ v: 1, w: 2 }]);
    expect(translated("SELECT 1 /* one\ntwo */ AS v").split("\n")).toHaveLength(2);
  });

  it("a rewrite that rebuilds its text keeps the line breaks it folded, right after it", async () => {
    expect(translated("SELECT concat(a,\n b),\r\n c FROM t")).toBe("SELECT ((a) || (b))\n,\r\n c FROM t");
    await sameOverLines(engine, "SELECT concat('a',\n 'b') AS s, coalesce(NULL,\r\n 2) AS c,\n 3 AS d");
    await sameOverLines(engine, "SELECT array(1, 2)[\n1] AS e, 'a'\n'b' AS j, 7\ndiv\n2 AS q, 1 /\n0 AS z");
    await sameOverLines(engine, "SELECT 'ab' LIKE\n'a%' AS l, 'ab'\nRLIKE\n'b' AS r, upper(\n'x'\n) AS u");
  });

  it("typed number literals: 10L, 2S, 1Y, 1.5D, 1.5F, 2.50BD", async () => {
    expect(translated("SELECT 10L, 2.50BD")).toBe("SELECT CAST(10 AS BIGINT), CAST(2.50 AS DECIMAL(3,2))");
    const rows = await runSpark(
      engine,
      "SELECT 10L AS l, 2S AS s, 1Y AS y, 1.5D AS d, 1.5F AS f, 2.50BD AS bd, 1e3 AS e",
    );
    expect(rows).toEqual([{ l: 10, s: 2, y: 1, d: 1.5, f: 1.5, bd: 2.5, e: 1000 }]);
  });

  it("== is =, <=> is IS NOT DISTINCT FROM, ! is NOT", async () => {
    expect(translated("SELECT a == b, a <=> b, !c")).toBe("SELECT a = b, a IS NOT DISTINCT FROM b, NOT c");
    expect(await sparkValue(engine, "NULL <=> NULL")).toBe(true);
    expect(await sparkValue(engine, "1 <=> NULL")).toBe(false);
  });
});

describe("rewrites add no line break", () => {
  it("an operand a rewrite repeats goes on one line, its line breaks after the rewrite", async () => {
    // Found by fuzzing: the subscript's position, tested and then used, carried its break twice.
    expect(translated("SELECT &[ RESPECT NULLS \r\n FROM t WHERE ]")).toBe(
      "SELECT &[CASE WHEN (RESPECT NULLS   FROM t WHERE) >= 0 THEN (RESPECT NULLS   FROM t WHERE) + 1 END]\r\n",
    );
    expect(translated("SELECT arr[i\n+1],\n x FROM t")).toBe(
      "SELECT arr[CASE WHEN (i +1) >= 0 THEN (i +1) + 1 END]\n,\n x FROM t",
    );
    // A -- comment would swallow the rest of the line it is folded into: it goes.
    expect(translated("SELECT arr[i -- the row's slot\n+ 1] FROM t")).toBe(
      "SELECT arr[CASE WHEN (i   + 1) >= 0 THEN (i   + 1) + 1 END]\n FROM t",
    );
    // Strings and quoted names in the copies stay as written, "--" and "\n" inside them too.
    expect(translated("SELECT a[instr(\n'--\\n', `x\"y`)] FROM t")).toBe(
      `SELECT a[CASE WHEN (instr(E'--\\n', "x""y") ) >= 0 THEN (instr(E'--\\n', "x""y") ) + 1 END]\n FROM t`,
    );
    await sameOverLines(engine, "SELECT array(10, 20, 30)[i\n+\r\n1] AS v,\n i FROM (SELECT 1 AS i)");
    await sameOverLines(engine, "SELECT array('a', 'b')[length(\n'x')] AS v");
  });

  it("a \\n or \\r escape in a string is written as an escape (E'…'), not as a line break", async () => {
    expect(translated("SELECT 'a\\nb', 'c\\r\\nd'\n FROM t")).toBe("SELECT E'a\\nb', E'c\\r\\nd'\n FROM t");
    expect(await sparkValue(engine, "'a\\nb\\\\n\\'c'")).toBe("a\nb\\n'c");
    expect(await sparkValue(engine, "'a\\r\\nb' 'c'")).toBe("a\r\nbc");
    expect(await sparkValue(engine, "DATE '2024-01-02\\n' IS NULL")).toBe(false);
    await sameOverLines(engine, "SELECT 'a\\nb' AS s,\n length('\\n') AS n,\r\n 'x\\ny' LIKE '%\\n%' AS l");
    // A break typed inside the quotes is kept after the literal: the lines stay the user's.
    expect(translated("SELECT 'a\nb' AS s")).toBe("SELECT E'a\\nb'\n AS s");
    expect(await sparkValue(engine, "'a\nb'")).toBe("a\nb");
    // Right after a word, E'…' would join it: x'…' stays a word and a string.
    expect(translated("SELECT x'a\\nb'")).toBe("SELECT x E'a\\nb'");
  });
});
