import { describe, expect, it } from "vitest";
import { LakebookError } from "../../../../pipeline/contract";
import { assertRawAppendOnly, findRawOverwrites } from "../../../../pipeline/stages/sql/raw-guard";

const refused = (sql: string, database?: string) => findRawOverwrites(sql, { database });

function refusal(sql: string): LakebookError {
  try {
    assertRawAppendOnly(sql);
  } catch (error) {
    if (error instanceof LakebookError) return error;
    throw error;
  }
  throw new Error(`not refused: ${sql}`);
}

describe("raw guard: refused", () => {
  it.each([
    ["DROP TABLE raw.movies", "drop", "raw.movies"],
    ["drop table if exists raw.series", "drop", "raw.series"],
    ['DROP TABLE "raw"."movies"', "drop", "raw.movies"],
    ['DROP TABLE "RAW".movies', "drop", "raw.movies"],
    ["DROP TABLE `raw`.`movies`", "drop", "raw.movies"],
    ["DROP TABLE awsdatacatalog.raw.movies", "drop", "raw.movies"],
    ["DROP TABLE lake . raw . movies", "drop", "raw.movies"],
    ["DROP VIEW raw.movies_v", "drop", "raw.movies_v"],
    ["EXPLAIN ANALYZE DELETE FROM raw.movies", "delete from", "raw.movies"],
    [
      "WITH old AS (SELECT id FROM raw.movies) DELETE FROM raw.movies WHERE id IN (SELECT id FROM old)",
      "delete from",
      "raw.movies",
    ],
    ["WITH RECURSIVE a(n) AS (SELECT 1) UPDATE raw.series SET x = 1", "update", "raw.series"],
    ["DROP MATERIALIZED VIEW raw.mv", "drop", "raw.mv"],
    ["DROP SCHEMA raw CASCADE", "drop", "the database raw"],
    ["DROP DATABASE IF EXISTS raw", "drop", "the database raw"],
    ["DELETE FROM raw.movies WHERE id = 'tt0000009'", "delete from", "raw.movies"],
    ["TRUNCATE raw.movies", "truncate", "raw.movies"],
    ["TRUNCATE TABLE raw.series", "truncate", "raw.series"],
    ["UPDATE raw.movies SET notaMedia = 0", "update", "raw.movies"],
    [
      "MERGE INTO raw.movies m USING trusted.x t ON m.id = t.id WHEN MATCHED THEN DELETE",
      "merge into",
      "raw.movies",
    ],
    ["ALTER TABLE raw.movies RENAME TO old_movies", "alter", "raw.movies"],
    ["ALTER TABLE raw.movies DROP PARTITION (dt = '2026-01-05')", "alter", "raw.movies"],
    ["ALTER TABLE raw.movies ADD COLUMN x INT", "alter", "raw.movies"],
    ["ALTER VIEW raw.v RENAME TO w", "alter", "raw.v"],
    ["ALTER SCHEMA raw RENAME TO old_raw", "alter", "the database raw"],
    ["INSERT OVERWRITE TABLE raw.movies SELECT * FROM trusted.movies", "insert overwrite", "raw.movies"],
    ["INSERT OVERWRITE raw.movies SELECT 1", "insert overwrite", "raw.movies"],
    ["INSERT OR REPLACE INTO raw.movies SELECT * FROM x", "insert or replace into", "raw.movies"],
    [
      "INSERT INTO raw.movies SELECT * FROM x ON CONFLICT (id) DO UPDATE SET y = 1",
      "upsert into",
      "raw.movies",
    ],
    ["CREATE OR REPLACE TABLE raw.movies AS SELECT 1", "create or replace", "raw.movies"],
    ["create or replace view raw.movies_v as select 1", "create or replace", "raw.movies_v"],
    ["CREATE OR REPLACE SCHEMA raw", "create or replace", "the database raw"],
    [
      "COPY (SELECT 1) TO 'Raw/Local/CSV/Movies/2026/01/05/movies.csv'",
      "write under Raw/",
      "'Raw/Local/CSV/Movies/2026/01/05/movies.csv'",
    ],
    [
      "COPY trusted.movies TO '/home/me/lake/Raw/x.parquet' (FORMAT parquet)",
      "write under Raw/",
      "'/home/me/lake/Raw/x.parquet'",
    ],
    [
      "COPY (SELECT * FROM t) TO 's3://bucket/prefix/Raw' (FORMAT parquet, PARTITION_BY (dt))",
      "write under Raw/",
      "'s3://bucket/prefix/Raw'",
    ],
    [
      "UNLOAD (SELECT * FROM t) TO 's3://bucket/Raw/TMDB/' WITH (format = 'JSON')",
      "write under Raw/",
      "'s3://bucket/Raw/TMDB/'",
    ],
    ["EXPORT DATABASE 'lake/Raw/backup'", "write under Raw/", "'lake/Raw/backup'"],
    [
      "CREATE TABLE trusted.x WITH (format = 'PARQUET', external_location = 's3://b/Raw/x/') AS SELECT 1",
      "write under Raw/",
      "'s3://b/Raw/x/'",
    ],
  ])("%s", (sql, action, target) => {
    expect(refused(sql)).toEqual([expect.objectContaining({ action, target, statement: 1, line: 1 })]);
  });

  it("resolves unqualified names after USE raw, and with raw as the default database", () => {
    expect(refused("USE raw;\nDROP TABLE movies")).toEqual([
      expect.objectContaining({ statement: 2, line: 2, action: "drop", target: "raw.movies" }),
    ]);
    expect(refused("USE lake.raw; TRUNCATE movies")[0]?.target).toBe("raw.movies");
    expect(refused("DELETE FROM movies", "raw")[0]?.target).toBe("raw.movies");
    expect(refused("DELETE FROM movies", "RAW")[0]?.target).toBe("raw.movies");
    expect(refused("USE trusted; DROP TABLE movies", "raw")).toEqual([]);
  });

  it("finds the statement and line in a multi-statement cell with comments", () => {
    const sql = [
      "-- rebuild the movies table",
      "CREATE TABLE trusted.movies AS SELECT * FROM raw.movies;",
      "/* a block comment; with a semicolon",
      "   spanning lines */",
      "SELECT 'DROP TABLE raw.movies; ';",
      "  drop TABLE raw.series;",
    ].join("\n");
    expect(refused(sql)).toEqual([
      { statement: 3, line: 6, action: "drop", target: "raw.series", text: "drop TABLE raw.series" },
    ]);
  });

  it("throws RAW_IS_APPEND_ONLY naming the statement and line, with what to do instead", () => {
    const error = refusal("SELECT 1;\n\nDROP TABLE raw.movies;");
    expect(error).toBeInstanceOf(LakebookError);
    expect(error.code).toBe("RAW_IS_APPEND_ONLY");
    expect(error.message).toBe(
      "RAW is append-only: statement 2 (line 3) would drop raw.movies: DROP TABLE raw.movies",
    );
    expect(error.hint).toMatch(/trusted or refined/);
    expect(refusal("COPY (SELECT 1) TO 'Raw/x.csv'").hint).toMatch(/Trusted\/ or Refined\//);
  });

  it("lists every refused statement of a cell", () => {
    expect(
      refused("DROP TABLE raw.a; DELETE FROM raw.b; SELECT 1; TRUNCATE raw.c").map((f) => f.statement),
    ).toEqual([1, 2, 4]);
  });
});

describe("raw guard: allowed", () => {
  it.each([
    "SELECT * FROM raw.movies",
    "EXPLAIN SELECT * FROM raw.movies",
    "WITH d AS (SELECT 1) SELECT * FROM raw.movies",
    "WITH d AS (DELETE FROM trusted.x RETURNING *) SELECT * FROM d",
    "INSERT INTO raw.movies SELECT * FROM read_csv('new.csv')",
    "INSERT OR IGNORE INTO raw.movies SELECT * FROM x",
    "COPY raw.movies FROM 'movies.csv' (DELIMITER '|')",
    "CREATE TABLE raw.new_file AS SELECT * FROM read_csv('x.csv')",
    "CREATE TABLE IF NOT EXISTS raw.series (id VARCHAR)",
    "CREATE VIEW raw.movies_v AS SELECT * FROM raw.movies",
    "CREATE EXTERNAL TABLE raw.movies (id string) LOCATION 's3://bucket/Raw/Local/CSV/Movies/'",
    "ALTER TABLE raw.movies ADD PARTITION (dt = '2026-01-05') LOCATION 's3://b/Raw/x/'",
    "ALTER TABLE raw.movies ADD IF NOT EXISTS PARTITION (dt = '2026-01-05')",
    "MSCK REPAIR TABLE raw.movies",
    "DROP TABLE trusted.movies",
    "DROP TABLE raw_backup.movies",
    'DROP TABLE "raw movies".x',
    "DROP TABLE trusted.raw",
    "DELETE FROM refined.fact_title WHERE 1 = 1",
    "CREATE OR REPLACE TABLE trusted.movies AS SELECT * FROM raw.movies",
    "CREATE OR REPLACE TEMP VIEW movies AS SELECT * FROM raw.movies",
    "CREATE OR REPLACE VIEW refined.v AS SELECT * FROM raw.movies",
    "COPY (SELECT * FROM raw.movies) TO 'Trusted/Local/Parquet/movies/movies.parquet' (FORMAT parquet)",
    "COPY (SELECT 'Raw/x') TO 'out/rawdata.csv'",
    "UNLOAD (SELECT * FROM raw.movies) TO 's3://b/Trusted/x/' WITH (format = 'PARQUET')",
    "-- DROP TABLE raw.movies\nSELECT 1",
    "/* TRUNCATE raw.movies; */ SELECT 1",
    "SELECT 'DELETE FROM raw.movies' AS text",
    "SELECT $$DROP TABLE raw.movies$$",
    "UPDATE trusted.movies SET x = 1 WHERE id IN (SELECT id FROM raw.movies)",
    "",
    "   ;;  ",
    "-- only a comment",
  ])("%s", (sql) => {
    expect(refused(sql)).toEqual([]);
    expect(() => assertRawAppendOnly(sql)).not.toThrow();
  });

  it("does not let a default database of raw refuse qualified writes elsewhere", () => {
    expect(refused("DROP TABLE trusted.movies", "raw")).toEqual([]);
    expect(refused("SELECT * FROM movies", "raw")).toEqual([]);
  });
});
