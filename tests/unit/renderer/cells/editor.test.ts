import { describe, expect, it } from "vitest";
import type { CatalogTable } from "../../../../pipeline/contract";
import { languageFor } from "../../../../renderer/src/cells/editor/language";
import { sqlSuggestions } from "../../../../renderer/src/cells/editor/sql-completion";

describe("languageFor", () => {
  it("picks the editor language from the cell kind", () => {
    expect(languageFor({ kind: "sql", source: "" })).toBe("sql");
    expect(languageFor({ kind: "markdown", source: "" })).toBe("markdown");
    expect(languageFor({ kind: "chart", source: "{}" })).toBe("json");
    for (const kind of ["ingest", "tmdb", "publish"])
      expect(languageFor({ kind, source: "a: 1" })).toBe("yaml");
    expect(languageFor({ kind: "transform", source: "output: x\nscript: y" })).toBe("yaml");
    expect(languageFor({ kind: "transform", source: "-- Spark SQL\nSELECT 1" })).toBe("sql");
    expect(languageFor({ kind: "mystery", source: "" })).toBe("plaintext");
  });
});

const catalog: CatalogTable[] = [
  {
    database: "refined",
    name: "dim_subgenre",
    zone: "refined",
    location: "Refined/dim_subgenre/",
    format: "parquet",
    columns: [
      { name: "subgenre_key", type: "INTEGER" },
      { name: "subgenre", type: "VARCHAR" },
    ],
    rows: 12,
    producedBy: null,
  },
  {
    database: "raw",
    name: "movies",
    zone: "raw",
    location: "Raw/Local/CSV/Movies/",
    format: "csv",
    columns: [{ name: "genero", type: "VARCHAR" }],
    rows: null,
    producedBy: null,
  },
];

describe("sqlSuggestions", () => {
  it("after `db.` offers that database's tables", () => {
    const suggestions = sqlSuggestions("SELECT * FROM refined.", "SELECT * FROM refined.", catalog);
    expect(suggestions.map((s) => [s.label, s.kind])).toEqual([["dim_subgenre", "table"]]);
  });

  it("offers qualified tables, the columns of tables the query names, and keywords", () => {
    const sql = "SELECT s FROM refined.dim_subgenre";
    const suggestions = sqlSuggestions("SELECT s", sql, catalog);
    const labels = suggestions.map((s) => s.label);
    expect(labels).toEqual(
      expect.arrayContaining(["refined.dim_subgenre", "raw.movies", "subgenre", "subgenre_key", "SELECT"]),
    );
    expect(labels).not.toContain("genero");
    expect(suggestions.find((s) => s.label === "subgenre")?.detail).toBe("VARCHAR · refined.dim_subgenre");
  });
});
