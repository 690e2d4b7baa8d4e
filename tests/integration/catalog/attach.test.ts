import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attachCatalog, LocalCatalog } from "../../../pipeline/catalog";
import type { CatalogTable } from "../../../pipeline/contract/catalog";
import { Engine, quoteString } from "../../../pipeline/engine";

let lake: string;
let engine: Engine;
let catalog: LocalCatalog;

function definition(
  overrides: Partial<CatalogTable> & Pick<CatalogTable, "name" | "location">,
): CatalogTable {
  return {
    database: "trusted",
    zone: "trusted",
    format: "parquet",
    columns: [],
    rows: null,
    producedBy: null,
    ...overrides,
  };
}

/** Writes real Parquet with DuckDB, the way the TRUSTED stage does. */
async function writeLake(): Promise<void> {
  const movies = path.join(lake, "Trusted/Local/Parquet/movies");
  const details = path.join(lake, "Trusted/TMDB/Parquet/details");
  await mkdir(movies, { recursive: true });
  await mkdir(details, { recursive: true });
  await engine.run(`COPY (
      SELECT printf('tt%07d', range) AS id, 'Title ' || range AS titulo, 1970 + range % 50 AS ano
      FROM range(1000)
    ) TO ${quoteString(path.join(movies, "movies.parquet"))} (FORMAT parquet)`);
  await engine.run(`COPY (
      SELECT printf('tt%07d', range) AS imdb_id, range * 1000 AS budget,
             DATE '2026-01-05' + (range % 3)::INTEGER AS dt
      FROM range(30)
    ) TO ${quoteString(`${details}/`)} (FORMAT parquet, PARTITION_BY (dt))`);
}

beforeAll(async () => {
  lake = await mkdtemp(path.join(tmpdir(), "lakebook-attach-"));
  engine = await Engine.open({ threads: 2 });
  catalog = new LocalCatalog(lake);
  await writeLake();
  await catalog.put(definition({ name: "movies", location: "Trusted/Local/Parquet/movies/" }));
  await catalog.put(definition({ name: "details", location: "Trusted/TMDB/Parquet/details/" }));
});
afterAll(async () => {
  await engine.close();
  await rm(lake, { recursive: true, force: true });
});

async function rows(sql: string) {
  const result = await engine.query(sql);
  await engine.release(result.resultId);
  return result.rows;
}

describe("attachCatalog", () => {
  it("makes every table addressable as database.table, partition columns included", async () => {
    const report = await attachCatalog(engine, catalog, lake);
    expect(report).toEqual({ attached: ["trusted.details", "trusted.movies"], dropped: [], problems: [] });

    expect(await rows("SELECT count(*) AS n FROM trusted.movies")).toEqual([{ n: 1000 }]);
    expect(await rows("SELECT id, titulo FROM trusted.movies WHERE id = 'tt0000042'")).toEqual([
      { id: "tt0000042", titulo: "Title 42" },
    ]);
    expect(await rows("SELECT dt, count(*) AS n FROM trusted.details GROUP BY dt ORDER BY dt")).toEqual([
      { dt: "2026-01-05", n: 10 },
      { dt: "2026-01-06", n: 10 },
      { dt: "2026-01-07", n: 10 },
    ]);
    const columns = await rows("DESCRIBE trusted.details");
    expect(columns.map((c) => [c.column_name, c.column_type])).toEqual([
      ["imdb_id", "VARCHAR"],
      ["budget", "BIGINT"],
      ["dt", "DATE"],
    ]);
  });

  it("is idempotent, and sees files added since the last attach", async () => {
    await attachCatalog(engine, catalog, lake);
    await engine.run(
      `COPY (SELECT 'tt9999999' AS id, 'Late' AS titulo, 2026 AS ano) TO ${quoteString(
        path.join(lake, "Trusted/Local/Parquet/movies/late.parquet"),
      )} (FORMAT parquet)`,
    );
    const report = await attachCatalog(engine, catalog, lake);
    expect(report.attached).toEqual(["trusted.details", "trusted.movies"]);
    expect(await rows("SELECT count(*) AS n FROM trusted.movies")).toEqual([{ n: 1001 }]);
  });

  it("drops the views of tables that left the catalog, and never a user's own view", async () => {
    await catalog.put(definition({ name: "movies_copy", location: "Trusted/Local/Parquet/movies/" }));
    await attachCatalog(engine, catalog, lake);
    await engine.run("CREATE VIEW trusted.my_notes AS SELECT 1 AS x");
    expect(await rows("SELECT count(*) AS n FROM trusted.movies_copy")).toEqual([{ n: 1001 }]);

    await catalog.remove("trusted", "movies_copy");
    const report = await attachCatalog(engine, catalog, lake);
    expect(report.dropped).toEqual(["trusted.movies_copy"]);
    await expect(engine.query("SELECT * FROM trusted.movies_copy")).rejects.toMatchObject({
      code: "SQL_CATALOG",
    });
    expect(await rows("SELECT x FROM trusted.my_notes")).toEqual([{ x: 1 }]);
  });

  it("reports a table without files and a corrupt definition, and attaches the rest", async () => {
    await catalog.put(definition({ name: "series", location: "Trusted/Local/Parquet/series/" }));
    await mkdir(path.join(lake, "_catalog", "refined"), { recursive: true });
    await writeFile(path.join(lake, "_catalog", "refined", "broken.json"), "not json");
    try {
      const report = await attachCatalog(engine, catalog, lake);
      expect(report.attached).toEqual(["trusted.details", "trusted.movies"]);
      expect(report.problems.map((p) => p.code).sort()).toEqual([
        "CATALOG_CORRUPT",
        "CATALOG_TABLE_UNREADABLE",
      ]);
      const unreadable = report.problems.find((p) => p.code === "CATALOG_TABLE_UNREADABLE");
      expect(unreadable).toMatchObject({ table: "trusted.series" });
      expect(unreadable?.message).toContain("No files found");
      expect(unreadable?.hint).toContain("Trusted/Local/Parquet/series/");
      expect(await rows("SELECT count(*) AS n FROM trusted.movies")).toEqual([{ n: 1001 }]);
    } finally {
      await catalog.remove("trusted", "series");
      await rm(path.join(lake, "_catalog", "refined"), { recursive: true });
    }
  });

  it("reads the challenge's CSVs with '|', a header and \\N as NULL", async () => {
    const folder = path.join(lake, "Raw/Local/CSV/Movies/2026/01/05");
    await mkdir(folder, { recursive: true });
    await writeFile(
      path.join(folder, "movies.csv"),
      "id|tituloPincipal|personagem\ntt0000009|Miss Jerry|\\N\ntt0000574|The Story of the Kelly Gang|Ned Kelly\n",
    );
    await catalog.put(
      definition({
        database: "raw",
        zone: "raw",
        name: "movies_csv",
        format: "csv",
        location: "Raw/Local/CSV/Movies/",
      }),
    );
    try {
      await attachCatalog(engine, catalog, lake);
      expect(await rows("SELECT id, personagem FROM raw.movies_csv ORDER BY id")).toEqual([
        { id: "tt0000009", personagem: null },
        { id: "tt0000574", personagem: "Ned Kelly" },
      ]);
    } finally {
      await catalog.remove("raw", "movies_csv");
    }
  });

  it("reads JSON files (vega-datasets' real movies.json)", async () => {
    // The package exports only its JS entry (build/index.js); the data folder sits beside build/.
    const entry = createRequire(import.meta.url).resolve("vega-datasets");
    const source = path.resolve(path.dirname(entry), "../data/movies.json");
    const folder = path.join(lake, "Raw/TMDB/JSON/2026/01/05");
    await mkdir(folder, { recursive: true });
    await copyFile(source, path.join(folder, "movies.json"));
    await catalog.put(
      definition({
        database: "raw",
        zone: "raw",
        name: "vega_movies",
        format: "json",
        location: "Raw/TMDB/JSON/",
      }),
    );
    try {
      await attachCatalog(engine, catalog, lake);
      expect(await rows("SELECT count(*) AS n FROM raw.vega_movies")).toEqual([{ n: 3201 }]);
      expect(await rows(`SELECT count(*) AS n FROM raw.vega_movies WHERE "Major Genre" = 'Horror'`)).toEqual([
        { n: 219 },
      ]);
    } finally {
      await catalog.remove("raw", "vega_movies");
    }
  });
});
