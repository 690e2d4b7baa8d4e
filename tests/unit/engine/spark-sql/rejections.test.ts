import { describe, expect, it } from "vitest";
import { rejection } from "./spark-on-duckdb";

/** Each construct outside the subset: its name, its line and column in the cell, and a way around it. */
const CASES: { sql: string; message: string; hint: RegExp }[] = [
  {
    sql: "SELECT id, genre\nFROM movies\nLATERAL VIEW explode(genres) g AS genre\n  LATERAL VIEW OUTER explode(tags) t AS tag",
    message: "Line 4, col 3: LATERAL VIEW OUTER is not in Lakebook's local Spark SQL subset",
    hint: /explode_outer\(arr\) AS col in the SELECT list.*AWS Glue/,
  },
  {
    sql: "SELECT TRANSFORM (a, b) USING 'cat' AS (c, d) FROM t",
    message: "Line 1, col 8: SELECT TRANSFORM (…) USING script is not in Lakebook's local Spark SQL subset",
    hint: /AWS Glue/,
  },
  {
    sql: "FROM t MAP a USING 'x.py'",
    message: "Line 1, col 1: A query that starts with FROM",
    hint: /one query/,
  },
  { sql: "SELECT * FROM t TABLESAMPLE (10 PERCENT)", message: "Line 1, col 17: TABLESAMPLE", hint: /WHERE/ },
  {
    sql: "SELECT aggregate(a, 0, (acc, x) -> acc + x) FROM t",
    message: "Line 1, col 8: The function aggregate()",
    hint: /explode and a GROUP BY/,
  },
  {
    sql: "SELECT transform(a, (x, i) -> x + i) FROM t",
    message: "Line 1, col 8: transform() with a lambda of more than one parameter",
    hint: /one parameter/,
  },
  {
    sql: "SELECT\n  my_udf(a) FROM t",
    message: "Line 2, col 3: The function my_udf()",
    hint: /README.md.*AWS Glue/,
  },
  {
    sql: "SELECT months_between(a, b) FROM t",
    message: "Line 1, col 8: The function months_between()",
    hint: /31-day months/,
  },
  {
    sql: "SELECT db.fn(a) FROM t",
    message: "Line 1, col 11: The function fn() with a database prefix (a UDF)",
    hint: /AWS Glue/,
  },
  {
    sql: "SELECT sum(x) OVER (ORDER BY d RANGE BETWEEN 2 PRECEDING AND CURRENT ROW) FROM t",
    message: "Line 1, col 32: A RANGE window frame with an offset",
    hint: /ROWS BETWEEN/,
  },
  { sql: "INSERT INTO t SELECT 1", message: "Line 1, col 1: An INSERT statement", hint: /one query, SELECT/ },
  { sql: "CREATE TABLE t AS SELECT 1", message: "Line 1, col 1: A CREATE statement", hint: /one query/ },
  { sql: "DROP TABLE t", message: "Line 1, col 1: A DROP statement", hint: /one query/ },
  { sql: "SELECT 1;\nSELECT 2", message: "Line 2, col 1: A second statement", hint: /one query/ },
  {
    sql: "SELECT split(a, '(?<=x),') FROM t",
    message: "Line 1, col 17: The regular expression",
    hint: /Java regular expressions, DuckDB as RE2/,
  },
  {
    sql: "SELECT regexp_extract(a, p, 1) FROM t",
    message: "Line 1, col 26: A regexp_extract pattern that is not a string literal",
    hint: /string literal/,
  },
  {
    sql: "SELECT split(a, '[,;]', 2) FROM t",
    message: "Line 1, col 8: split() with a limit and a regular-expression pattern",
    hint: /plain separator/,
  },
  {
    sql: "SELECT to_date(s, 'yyyy-ww') FROM t",
    message: "Line 1, col 19: The date pattern letter ww",
    hint: /yyyy/,
  },
  {
    sql: "SELECT CAST(a AS ARRAY<INT>) FROM t",
    message: "Line 1, col 8: A cast to ARRAY<INT>",
    hint: /arrays, maps, structs/,
  },
  {
    sql: "SELECT posexplode(a) FROM t",
    message: "Line 1, col 8: posexplode() in the SELECT list",
    hint: /LATERAL VIEW posexplode/,
  },
  {
    sql: "SELECT concat_ws(coalesce((SELECT max(s) FROM seps), ','), a, b) FROM t",
    message: "Line 1, col 8: concat_ws() with a subquery as its separator",
    hint: /pass its column as the separator/,
  },
  { sql: "SELECT d + INTERVAL 1 DAY FROM t", message: "Line 1, col 12: INTERVAL", hint: /date_add/ },
  { sql: "SELECT a ^ b FROM t", message: "Line 1, col 10: The ^ operator", hint: /pow/ },
  { sql: "SELECT a::int FROM t", message: "Line 1, col 9: The :: cast", hint: /CAST\(x AS type\)/ },
  {
    sql: "SELECT sum(x) IGNORE NULLS OVER () FROM t",
    message: "Line 1, col 8: IGNORE NULLS on sum()",
    hint: /first, last/,
  },
  { sql: "SELECT element_at(m, 'k') FROM t", message: "Line 1, col 8: element_at() on a map", hint: /Maps/ },
  {
    sql: "SELECT a FROM t GROUP BY a WITH ROLLUP",
    message: "Line 1, col 28: GROUP BY … WITH ROLLUP",
    hint: /ROLLUP\(a, b\)/,
  },
  {
    sql: "SELECT count(DISTINCT a, b) FROM t",
    message: "Line 1, col 8: count() of several columns",
    hint: /concat_ws/,
  },
  { sql: "SELECT 'open", message: "Line 1, col 8: An unclosed string literal", hint: /Close it/ },
];

describe("constructs outside the subset", () => {
  it.each(CASES)("$message", ({ sql, message, hint }) => {
    const error = rejection(sql);
    expect(error.message.startsWith(message)).toBe(true);
    expect(error.message).toMatch(/is not in Lakebook's local Spark SQL subset$/);
    expect(error.hint).toMatch(hint);
  });
});
