import { describe, expect, it } from "vitest";
import type { CatalogTable } from "../../../../pipeline/contract";
import { buildLakeTree, searchCatalog } from "../../../../renderer/src/lake-browser/lake-tree";

const object = (key: string, size: number) => ({ key, size, lastModified: "2025-01-15T10:00:00.000Z" });

describe("buildLakeTree", () => {
  it("nests keys into folders with sizes and file counts summed upwards", () => {
    const tree = buildLakeTree("Raw/", [
      object("Raw/Local/CSV/Movies/2025/01/15/movies.csv", 1000),
      object("Raw/Local/CSV/Series/2025/01/15/series.csv", 500),
      object("Raw/TMDB/JSON/2025/01/15/part-0001.json", 20),
      object("Trusted/elsewhere.parquet", 7),
    ]);
    expect(tree).toMatchObject({ size: 1520, count: 3 });
    expect(tree.folders.map((f) => [f.name, f.size, f.count])).toEqual([
      ["Local", 1500, 2],
      ["TMDB", 20, 1],
    ]);
    const movies = tree.folders[0]?.folders[0]?.folders[0];
    expect(movies?.path).toBe("Raw/Local/CSV/Movies/");
    expect(movies?.folders[0]?.folders[0]?.folders[0]?.files).toEqual([
      object("Raw/Local/CSV/Movies/2025/01/15/movies.csv", 1000) && {
        name: "movies.csv",
        key: "Raw/Local/CSV/Movies/2025/01/15/movies.csv",
        size: 1000,
        lastModified: "2025-01-15T10:00:00.000Z",
      },
    ]);
  });
});

const table = (database: string, name: string, columns: string[]): CatalogTable => ({
  database,
  name,
  zone: database === "raw" ? "raw" : "refined",
  location: `${database}/${name}/`,
  format: "parquet",
  columns: columns.map((c) => ({ name: c, type: "VARCHAR" })),
  rows: 10,
  producedBy: null,
});

describe("searchCatalog", () => {
  const tables = [
    table("raw", "movies", ["id", "tituloPincipal", "genero"]),
    table("refined", "dim_subgenre", ["subgenre_key", "subgenre"]),
    table("refined", "fact_title_rating", ["title_key", "rating"]),
  ];

  it("finds tables by qualified name first, then columns, ignoring case", () => {
    const matches = searchCatalog(tables, "SUBGENRE");
    expect(matches.map((m) => [`${m.table.database}.${m.table.name}`, m.column])).toEqual([
      ["refined.dim_subgenre", undefined],
      ["refined.dim_subgenre", "subgenre_key"],
      ["refined.dim_subgenre", "subgenre"],
    ]);
    expect(searchCatalog(tables, "titulo").map((m) => m.column)).toEqual(["tituloPincipal"]);
    expect(searchCatalog(tables, "raw.").map((m) => m.table.name)).toEqual(["movies"]);
    expect(searchCatalog(tables, "  ")).toEqual([]);
  });
});
