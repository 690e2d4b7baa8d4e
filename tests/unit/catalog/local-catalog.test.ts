import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalCatalog } from "../../../pipeline/catalog";
import type { CatalogTable } from "../../../pipeline/contract/catalog";

function table(overrides: Partial<CatalogTable> = {}): CatalogTable {
  return {
    database: "trusted",
    name: "movies",
    zone: "trusted",
    location: "Trusted/Local/Parquet/movies/",
    format: "parquet",
    columns: [
      { name: "id", type: "VARCHAR" },
      { name: "nota_media", type: "DOUBLE" },
    ],
    rows: 1000,
    producedBy: { cell: "trusted_movies", inputs: ["Raw/Local/CSV/Movies/2026/01/05/movies.csv"] },
    ...overrides,
  };
}

let lake: string;
let catalog: LocalCatalog;
beforeEach(async () => {
  lake = await mkdtemp(path.join(tmpdir(), "lakebook-catalog-"));
  catalog = new LocalCatalog(lake);
});
afterEach(() => rm(lake, { recursive: true, force: true }));

const fileOf = (database: string, name: string) => path.join(lake, "_catalog", database, `${name}.json`);

describe("LocalCatalog", () => {
  it("round-trips put, get, list and remove", async () => {
    expect(await catalog.list()).toEqual([]);
    await catalog.put(table());
    await catalog.put(table({ database: "refined", name: "fact_rating", zone: "refined", role: "fact" }));
    await catalog.put(table({ name: "details", location: "Trusted/TMDB/Parquet/details/" }));

    expect(await catalog.get("trusted", "movies")).toEqual(table());
    expect(await catalog.get("trusted", "series")).toBeUndefined();
    expect((await catalog.list()).map((t) => `${t.database}.${t.name}`)).toEqual([
      "refined.fact_rating",
      "trusted.details",
      "trusted.movies",
    ]);

    await catalog.put(table({ rows: 2000 }));
    expect((await catalog.get("trusted", "movies"))?.rows).toBe(2000);

    await catalog.remove("refined", "fact_rating");
    await catalog.remove("refined", "fact_rating");
    expect(await readdir(path.join(lake, "_catalog"))).toEqual(["trusted"]);
    expect((await catalog.list()).map((t) => t.name)).toEqual(["details", "movies"]);
  });

  it("stores one file per table with sorted keys, so a changed field is a one-line diff", async () => {
    await catalog.put(table({ rows: 1 }));
    const first = await readFile(fileOf("trusted", "movies"), "utf8");
    await catalog.put(table({ rows: 2 }));
    const second = await readFile(fileOf("trusted", "movies"), "utf8");

    const keys = Object.keys(JSON.parse(first));
    expect(keys).toEqual([...keys].sort());
    expect(first.endsWith("}\n")).toBe(true);
    const changed = first.split("\n").filter((line, i) => line !== second.split("\n")[i]);
    expect(changed).toEqual(['  "rows": 1,']);
  });

  it("refuses names that are not lower snake case, and DuckDB's reserved database names", async () => {
    for (const [database, name] of [
      ["Trusted", "movies"],
      ["trusted", "Movies"],
      ["trusted", "1movies"],
      ["trusted", "movies-2"],
      ["trusted", "../movies"],
      ["temp", "movies"],
    ] as const) {
      await expect(catalog.put(table({ database, name }))).rejects.toMatchObject({
        code: "CATALOG_INVALID_NAME",
      });
      await expect(catalog.get(database, name)).rejects.toMatchObject({ code: "CATALOG_INVALID_NAME" });
    }
    await expect(readdir(lake)).resolves.toEqual([]);
  });

  it("refuses invalid definitions and unsafe locations without touching the stored one", async () => {
    await catalog.put(table());
    const stored = await readFile(fileOf("trusted", "movies"), "utf8");
    const invalid = { ...table(), rows: -1 } as CatalogTable;
    await expect(catalog.put(invalid)).rejects.toMatchObject({
      code: "CATALOG_INVALID_TABLE",
      message: expect.stringContaining("rows"),
    });
    for (const location of ["../outside/", "/etc/", "Trusted//movies/", "Trusted/*/movies/", "C:\\lake\\"]) {
      await expect(catalog.put(table({ location }))).rejects.toMatchObject({
        code: "CATALOG_INVALID_LOCATION",
      });
    }
    expect(await readFile(fileOf("trusted", "movies"), "utf8")).toBe(stored);
  });

  it("writes atomically: concurrent puts leave one whole definition and no temp files", async () => {
    const versions = Array.from({ length: 25 }, (_, rows) => table({ rows }));
    await Promise.all(versions.map((version) => catalog.put(version)));
    const stored = JSON.parse(await readFile(fileOf("trusted", "movies"), "utf8"));
    expect(versions).toContainEqual(stored);
    expect(await readdir(path.join(lake, "_catalog", "trusted"))).toEqual(["movies.json"]);
  });

  it("reports a corrupt file by name and still lists the other tables", async () => {
    await catalog.put(table());
    await catalog.put(table({ name: "series", location: "Trusted/Local/Parquet/series/" }));
    await writeFile(fileOf("trusted", "series"), '{"database": "trusted", "name": ');
    await mkdir(path.join(lake, "_catalog", "refined"), { recursive: true });
    await writeFile(fileOf("refined", "dim_title"), JSON.stringify({ ...table(), database: "refined" }));
    await writeFile(
      fileOf("refined", "bad_shape"),
      JSON.stringify({ database: "refined", name: "bad_shape" }),
    );
    await writeFile(path.join(lake, "_catalog", "trusted", ".movies.json.abc.tmp"), "{half");

    const { tables, problems } = await catalog.listWithProblems();
    expect(tables.map((t) => t.name)).toEqual(["movies"]);
    expect(problems.map((p) => [p.code, path.relative(lake, p.file ?? "")])).toEqual([
      ["CATALOG_CORRUPT", "_catalog/refined/bad_shape.json"],
      ["CATALOG_CORRUPT", "_catalog/refined/dim_title.json"],
      ["CATALOG_CORRUPT", "_catalog/trusted/series.json"],
    ]);
    expect(problems[0]?.message).toContain("is not a table definition");
    expect(problems[1]?.message).toContain("defines refined.movies, but its path says refined.dim_title");
    expect(problems[2]?.message).toContain("is not valid JSON");
    expect(await catalog.list()).toEqual(tables);

    await expect(catalog.get("trusted", "series")).rejects.toMatchObject({
      code: "CATALOG_CORRUPT",
      message: expect.stringContaining(fileOf("trusted", "series")),
    });
  });
});
