import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseNotebook } from "../../../../pipeline/document";
import { duckdbOnlyConstructs } from "../../../../pipeline/engine";
import { DEFAULT_SELECT } from "../../../../pipeline/stages/tmdb/settings";

const DEMO = path.resolve(__dirname, "../../../../assets/demo/horror-subgenres.lakebook.md");

/** Every SQL text of the demo that an aws target sends to Athena: SQL cells and the TMDB select. */
function demoSql(): { id: string; sql: string }[] {
  const { notebook } = parseNotebook(readFileSync(DEMO, "utf8"));
  return notebook.cells.flatMap((cell) => {
    if (cell.kind === "sql") return [{ id: cell.id, sql: cell.source }];
    if (cell.kind === "tmdb") {
      const select = /select: \|\n((?: {2}.*\n)+)/.exec(cell.source)?.[1] ?? "";
      return [{ id: cell.id, sql: select.replace(/^ {2}/gm, "") }];
    }
    return [];
  });
}

describe("DuckDB-only SQL, flagged before a cell goes to Athena", () => {
  it("every SQL text of the demo notebook is in the common dialect", () => {
    const cells = demoSql();
    expect(cells.map((cell) => cell.id)).toEqual(
      expect.arrayContaining([
        "horror_by_decade",
        "tmdb_enrich",
        "model_totals",
        "top_subgenres",
        "title_money",
      ]),
    );
    for (const cell of cells)
      expect({ id: cell.id, findings: duckdbOnlyConstructs(cell.sql) }).toEqual({
        id: cell.id,
        findings: [],
      });
    expect(duckdbOnlyConstructs(DEFAULT_SELECT)).toEqual([]);
  });

  it("the demo's former DuckDB text is flagged at its line and column, with what to write instead", () => {
    const sql = [
      "WITH horror_titles AS (SELECT DISTINCT id, CAST(anoLancamento AS INTEGER) AS year FROM raw.movies)",
      "SELECT (year // 10) * 10 AS decade, count(*) AS titles",
      "FROM horror_titles",
      "WHERE list_has_any(string_split(genero, ','), ['Horror', 'Mystery'])",
      "GROUP BY decade",
    ].join("\n");
    expect(duckdbOnlyConstructs(sql)).toEqual([
      { line: 2, column: 14, construct: "//", instead: expect.stringContaining("year - year % 10") },
      { line: 4, column: 7, construct: "list_has_any(", instead: expect.stringContaining("contains(") },
      { line: 4, column: 20, construct: "string_split(", instead: "split(text, ',')" },
      { line: 4, column: 47, construct: "[", instead: expect.stringContaining("ARRAY[") },
      { line: 5, column: 10, construct: "GROUP BY decade", instead: expect.stringContaining("GROUP BY 1") },
    ]);
  });

  it("flags casts with ::, ILIKE, GROUP BY ALL, * EXCLUDE, QUALIFY, reading files; not strings or comments", () => {
    const constructs = (sql: string) => duckdbOnlyConstructs(sql).map((finding) => finding.construct);
    expect(constructs("SELECT x::INT FROM t")).toEqual(["::INT"]);
    expect(constructs("SELECT * FROM t WHERE a ILIKE 'x'")).toEqual(["ILIKE"]);
    expect(constructs("SELECT a, count(*) FROM t GROUP BY ALL")).toEqual(["GROUP BY ALL"]);
    expect(constructs("SELECT * EXCLUDE (a) FROM t")).toEqual(["* EXCLUDE ("]);
    expect(constructs("SELECT * FROM t QUALIFY row_number() OVER () = 1")).toEqual(["QUALIFY"]);
    expect(constructs("SELECT * FROM read_csv('x.csv')")).toEqual(["read_csv("]);
    expect(constructs("SELECT 'a // b', ARRAY['x'] -- year // 10\nFROM t /* list_value( */")).toEqual([]);
    expect(constructs("SELECT t.year AS year, count(*) FROM t GROUP BY year")).toEqual([]);
  });
});
