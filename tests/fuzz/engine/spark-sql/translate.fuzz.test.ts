import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LakebookError } from "../../../../pipeline/contract/errors";
import { coveredFunctions, STRUCTURE_WORDS, translateSparkSql } from "../../../../pipeline/engine/spark-sql";
import { fuzzed } from "../../settings";

/**
 * The translator reads a transform cell's text, whoever wrote it: any input gives a translation or
 * a SPARK_SQL_UNSUPPORTED refusal placed at a line and column of that input, never another error.
 * (Generated valid queries are run on DuckDB with Spark's meaning in spark-meaning.fuzz.test.ts.)
 */

/** Pieces of Spark SQL, so random input reaches the lexer, the tree, the emitter and the rewrites. */
const piece = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...STRUCTURE_WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...coveredFunctions()) },
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      "(",
      ")",
      "(",
      ")",
      "[",
      "]",
      ",",
      ",",
      ".",
      "*",
      "+",
      "-",
      "/",
      "%",
      "=",
      "==",
      "<=>",
      "!=",
      "<>",
      "<",
      ">=",
      "!",
      "^",
      "~",
      "|",
      "||",
      "&",
      "::",
      "->",
      ":",
      ";",
      "?",
      "$",
      "@",
      "{",
      "}",
      "`",
      "'",
      '"',
      "\\",
      "--",
      "/*",
      "*/",
      "/*+ BROADCAST(t) */",
      "\n",
      "\r\n",
      "\t",
      " ",
      "1",
      "0",
      "-1",
      "10L",
      "2S",
      "1Y",
      "1.5D",
      "2.50BD",
      "1e3",
      ".5",
      "0x1F",
      "NULL",
      "TRUE",
      "FALSE",
      "'a'",
      "'it\\'s'",
      "'\\\\N'",
      "r'raw'",
      '"text"',
      "`col name`",
      "x",
      "t",
      "a",
      "b",
      "arr",
      "movies",
      "LATERAL VIEW explode(arr) t AS c",
      "LATERAL VIEW OUTER",
      "x -> x + 1",
      "(x, y) -> x",
      "OVER (PARTITION BY a ORDER BY b)",
      "INTERVAL 1 DAY",
      "CAST(a AS INT)",
      "CAST(a AS ARRAY<INT>)",
      "DECIMAL(10,2)",
      "STRING",
      "DROP TABLE t",
      "INSERT INTO t",
      "WITH c AS (SELECT 1)",
      "IGNORE NULLS",
      "RESPECT NULLS",
      "GROUPING SETS",
      "PIVOT",
      "TRANSFORM",
      "USING 'cat'",
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);
const soup = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(" "));
/** A SELECT with random insides: gets past "is it one query" more often than soup does. */
const selectish = fc
  .tuple(soup, fc.constantFrom("", " FROM t", " FROM t WHERE ", " FROM t GROUP BY a ORDER BY "), soup)
  .map(([list, from, rest]) => `SELECT ${list}${from}${from.endsWith(" ") ? rest : ""}`);
const anyInput = fc.oneof(soup, selectish, fc.string({ unit: "binary", maxLength: 120 }));

const PLACE = /^Line (\d+), col (\d+): /;

function translateOrPlacedRefusal(sql: string): string | undefined {
  try {
    const { sql: out, notes } = translateSparkSql(sql);
    expect(typeof out).toBe("string");
    for (const note of notes) expect(note).toMatch(PLACE);
    return out;
  } catch (error) {
    expect(error, String(error)).toBeInstanceOf(LakebookError);
    const refusal = error as LakebookError;
    expect(refusal.code, refusal.message).toBe("SPARK_SQL_UNSUPPORTED");
    const [, line, col] = PLACE.exec(refusal.message) ?? [];
    expect(line, `no place in: ${refusal.message}`).toBeDefined();
    const lines = sql.split(/\r\n?|\n/);
    expect(Number(line)).toBeGreaterThanOrEqual(1);
    expect(Number(line)).toBeLessThanOrEqual(lines.length);
    expect(Number(col)).toBeGreaterThanOrEqual(1);
    expect(refusal.hint, refusal.message).toBeTruthy();
    return undefined;
  }
}

describe("the Spark SQL translator on arbitrary input (fuzz)", () => {
  it("translates or refuses with SPARK_SQL_UNSUPPORTED at a line and column, never another error", () => {
    fc.assert(
      fc.property(anyInput, (sql) => {
        translateOrPlacedRefusal(sql);
      }),
      fuzzed(3000),
    );
  });

  it("a translation keeps the input's line breaks, so DuckDB's positions point at the user's line", () => {
    fc.assert(
      fc.property(anyInput, (sql) => {
        const out = translateOrPlacedRefusal(sql);
        // Nothing to run (blank or comments only), or text after the query's `;` dropped: no line to keep.
        if (out === undefined || out.trim() === "" || sql.includes(";")) return;
        const breaks = (text: string) => (text.match(/\r\n|\r|\n/g) ?? []).length;
        expect(breaks(out), out).toBe(breaks(sql));
      }),
      fuzzed(3000),
    );
  });
});
