import { describe, expect, it } from "vitest";
import { parseTransformSettings } from "../../../../pipeline/stages/transform";
import { splitHeader } from "../../../../pipeline/stages/transform/header";
import { withInputs } from "../../../../pipeline/stages/transform/with-inputs";

const cell = (source: string) => ({ id: "t", source });

describe("transform cell settings", () => {
  it("reads the -- header as YAML and keeps the SQL below it, with its first line number", () => {
    const settings = parseTransformSettings(
      cell(
        [
          "-- output: trusted.tmdb_movies",
          "-- partitionBy: [dt]",
          "-- inputs:",
          "--   raw_movies: raw.movies",
          "--   tmdb_json: { path: Raw/TMDB/JSON/*/*/*/tmdb-movies-*.json, format: json, options: { multiLine: true }, dateColumn: dt }",
          "SELECT *",
          "-- a comment inside the SQL stays SQL",
          "FROM tmdb_json",
        ].join("\n"),
      ),
    );
    expect(settings).toMatchObject({
      output: { database: "trusted", table: "tmdb_movies" },
      partitionBy: ["dt"],
      mode: "overwrite",
      inputs: {
        raw_movies: { kind: "table", table: "raw.movies" },
        tmdb_json: {
          kind: "files",
          path: "Raw/TMDB/JSON/*/*/*/tmdb-movies-*.json",
          format: "json",
          options: { multiLine: "true" },
          dateColumn: "dt",
        },
      },
      sqlLine: 6,
    });
    expect(settings.sql).toBe("SELECT *\n-- a comment inside the SQL stays SQL\nFROM tmdb_json");
  });

  it("keeps REFINED roles and keys", () => {
    const settings = parseTransformSettings(
      cell(
        "-- output: refined.fact_x\n-- role: fact\n-- primaryKey: [title_key]\n-- foreignKeys:\n--   - { columns: [title_key], references: { table: refined.dim_title, columns: [title_key] } }\nSELECT 1 AS title_key",
      ),
    );
    expect(settings).toMatchObject({
      role: "fact",
      primaryKey: ["title_key"],
      foreignKeys: [
        { columns: ["title_key"], references: { table: "refined.dim_title", columns: ["title_key"] } },
      ],
    });
  });

  it.each([
    ["SELECT 1", /settings header is missing/],
    ["-- output: raw.movies\nSELECT 1", /RAW is append-only/],
    ["-- output: staging.movies\nSELECT 1", /trusted or refined/],
    ["-- output: trusted.movies", /no SQL below/],
    [
      "-- output: Trusted.Movies\nSELECT 1",
      /"output" is not database\.table in lower snake case \(found "Trusted\.Movies"\)/,
    ],
    ["-- output: trusted.m\n-- role: fact\nSELECT 1", /"role" is for REFINED tables/],
    ["-- output: trusted.m\n-- mode: replace\nSELECT 1", /"mode"/],
    ["-- output: trusted.m\n-- partition: [dt]\nSELECT 1", /unknown field "partition"/],
    [
      "-- output: trusted.m\n-- inputs: { x: { path: a, format: xml } }\nSELECT 1",
      /"inputs\.x" is neither a catalog table/,
    ],
    ["-- output: [trusted.m\nSELECT 1", /not valid YAML \(line 1\)/],
  ])("refuses %j with a message naming the problem", (source, message) => {
    expect(() => parseTransformSettings(cell(source))).toThrow(message);
    try {
      parseTransformSettings(cell(source));
    } catch (error) {
      expect(error).toMatchObject({ code: "TRANSFORM_SETTINGS_INVALID" });
    }
  });
});

describe("splitHeader", () => {
  it("takes the leading -- lines only", () => {
    expect(splitHeader("--a: 1\n  -- b: 2\nSELECT 1 -- c\n-- d")).toEqual({
      header: "a: 1\nb: 2",
      sql: "SELECT 1 -- c\n-- d",
      sqlLine: 3,
    });
    expect(splitHeader("SELECT 1")).toEqual({ header: "", sql: "SELECT 1", sqlLine: 1 });
  });
});

describe("withInputs", () => {
  const ctes = ['"a" AS (SELECT 1)', '"b" AS (SELECT 2)'];
  it("prepends a WITH to a plain query and drops a trailing semicolon", () => {
    expect(withInputs(ctes, "SELECT * FROM a;\n")).toBe(
      'WITH "a" AS (SELECT 1),\n"b" AS (SELECT 2)\nSELECT * FROM a',
    );
  });
  it("joins the query's own WITH list, after comments, so its CTEs can read the inputs", () => {
    expect(withInputs(ctes, "-- note\n/* x */ with recursive c AS (SELECT * FROM a) SELECT * FROM c")).toBe(
      '-- note\n/* x */ with recursive "a" AS (SELECT 1),\n"b" AS (SELECT 2),\nc AS (SELECT * FROM a) SELECT * FROM c',
    );
  });
  it("leaves a query without inputs alone", () => {
    expect(withInputs([], "SELECT 1")).toBe("SELECT 1");
  });
});
