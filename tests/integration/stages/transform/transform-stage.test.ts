import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LakebookError } from "../../../../pipeline/contract";
import type { Cell } from "../../../../pipeline/document";
import { transformStage } from "../../../../pipeline/stages/transform";
import { type IngestBench, ingestBench } from "../ingest/helpers";

let bench: IngestBench;
beforeEach(async () => {
  bench = await ingestBench();
});
afterEach(async () => {
  await bench.close();
});

const transform = (source: string, id = "t"): Cell => ({ id, kind: "transform", attrs: [], source });
const run = (source: string, id = "t") => transformStage.run(transform(source, id), bench.context());
const rows = async (sql: string) => (await bench.engine.query(sql)).rows;

/** A RAW CSV in the challenge's shape, registered as raw.movies the way the ingest cell does. */
async function rawMovies(lines: string[]): Promise<void> {
  const folder = path.join(bench.lakeRoot, "Raw/Local/CSV/Movies/2026/11/25");
  await mkdir(folder, { recursive: true });
  await writeFile(
    path.join(folder, "movies.csv"),
    `${["id|tituloPincipal|anoLancamento|notaMedia", ...lines].join("\n")}\n`,
  );
  await bench.catalog.put({
    database: "raw",
    name: "movies",
    zone: "raw",
    location: "Raw/Local/CSV/Movies/2026/11/25/",
    format: "csv",
    columns: [],
    rows: null,
    producedBy: { cell: "ingest_movies", inputs: ["data/movies.csv"] },
  });
}

const TRUSTED_MOVIES = `-- output: trusted.movies
-- inputs:
--   raw_movies: raw.movies
SELECT id AS imdb_id, tituloPincipal AS titulo_principal, CAST(anoLancamento AS INT) AS ano, notaMedia
FROM raw_movies`;

describe("the transform cell on the local lake", () => {
  it("reads a RAW catalog table as Spark does (strings, \\N as NULL), writes TRUSTED Parquet and registers its lineage", async () => {
    await rawMovies(["tt1|Alien|1979|8.5", "tt2|\\N|\\N|7.0"]);
    const outcome = await run(TRUSTED_MOVIES, "trusted_movies");
    expect(outcome.summary).toBe("trusted.movies: 2 rows × 4 columns");
    expect(outcome.output).toMatchObject({
      type: "transform",
      engine: "local",
      table: { database: "trusted", name: "movies", rows: 2 },
      preview: { rowCount: 2 },
      pyspark: expect.stringContaining('.saveAsTable("trusted.movies")'),
    });
    expect(await rows("SELECT * FROM trusted.movies ORDER BY imdb_id")).toEqual([
      { imdb_id: "tt1", titulo_principal: "Alien", ano: 1979, notaMedia: "8.5" },
      { imdb_id: "tt2", titulo_principal: null, ano: null, notaMedia: "7.0" },
    ]);
    const table = await bench.catalog.get("trusted", "movies");
    expect(table).toMatchObject({
      zone: "trusted",
      location: "Trusted/Local/Parquet/movies/",
      format: "parquet",
      rows: 2,
      columns: [
        { name: "imdb_id", type: "VARCHAR" },
        { name: "titulo_principal", type: "VARCHAR" },
        { name: "ano", type: "INTEGER" },
        { name: "notaMedia", type: "VARCHAR" },
      ],
      producedBy: { cell: "trusted_movies", notebook: "ingest.lakebook.md", inputs: ["raw.movies"] },
    });
  });

  it("overwrites on a rerun instead of adding the rows again, and appends when asked", async () => {
    await rawMovies(["tt1|Alien|1979|8.5"]);
    await run(TRUSTED_MOVIES);
    await run(TRUSTED_MOVIES);
    expect(await rows("SELECT count(*) AS n FROM trusted.movies")).toEqual([{ n: 1 }]);
    await run(TRUSTED_MOVIES.replace("-- inputs:", "-- mode: append\n-- inputs:"));
    expect(await rows("SELECT count(*) AS n FROM trusted.movies")).toEqual([{ n: 2 }]);
    await expect(
      run("-- output: trusted.movies\n-- mode: append\nSELECT 1 AS other").catch(
        (error: LakebookError) => error.code,
      ),
    ).resolves.toBe("TRANSFORM_APPEND_SCHEMA");
  });

  it("reads files without sep the way Spark would: one column per line, so the mistake shows", async () => {
    await rawMovies(["tt1|Alien|1979|8.5"]);
    const source = `-- output: trusted.lines
-- inputs:
--   raw: { path: Raw/Local/CSV/Movies/, format: csv, options: { header: "true" } }
SELECT * FROM raw`;
    await run(source);
    const table = await bench.catalog.get("trusted", "lines");
    expect(table?.columns.map((column) => column.name)).toEqual([
      "id|tituloPincipal|anoLancamento|notaMedia",
    ]);
    expect(table?.producedBy?.inputs).toEqual(["Raw/Local/CSV/Movies/"]);
  });

  it("partitions by a column and adds each file's YYYY/MM/DD folder date as dateColumn", async () => {
    for (const day of ["24", "25"]) {
      const folder = path.join(bench.lakeRoot, `Raw/TMDB/JSON/2026/11/${day}`);
      await mkdir(folder, { recursive: true });
      await writeFile(
        path.join(folder, "tmdb-movies-0001.json"),
        JSON.stringify([{ imdb_id: "tt1", id: 1, release_date: "1979-05-25" }]),
      );
    }
    const outcome = await run(`-- output: trusted.tmdb_movies
-- partitionBy: [dt]
-- inputs:
--   tmdb_json: { path: Raw/TMDB/JSON/*/*/*/tmdb-movies-*.json, format: json, options: { multiLine: "true" }, dateColumn: dt }
SELECT imdb_id, id AS tmdb_id, release_date, dt FROM tmdb_json`);
    expect(outcome.summary).toBe("trusted.tmdb_movies: 2 rows × 4 columns, partitioned by dt");
    const folder = path.join(bench.lakeRoot, "Trusted/TMDB/Parquet/tmdb_movies");
    expect((await readdir(folder)).sort()).toEqual(["dt=2026-11-24", "dt=2026-11-25"]);
    // Spark's JSON reader keeps dates as strings; so does the local reading.
    expect(
      await rows(
        "SELECT typeof(release_date) AS t, CAST(dt AS VARCHAR) AS dt FROM trusted.tmdb_movies ORDER BY dt",
      ),
    ).toEqual([
      { t: "VARCHAR", dt: "2026-11-24" },
      { t: "VARCHAR", dt: "2026-11-25" },
    ]);
    expect(await bench.catalog.get("trusted", "tmdb_movies")).toMatchObject({
      location: "Trusted/TMDB/Parquet/tmdb_movies/",
      columns: [
        { name: "imdb_id", type: "VARCHAR" },
        { name: "tmdb_id", type: "BIGINT" },
        { name: "release_date", type: "VARCHAR" },
      ],
      partitionKeys: [{ name: "dt", type: "DATE" }],
    });
  });

  it("leaves the previous table whole when a run fails midway", async () => {
    await rawMovies(["tt1|Alien|1979|8.5"]);
    await run(TRUSTED_MOVIES);
    const before = await bench.catalog.get("trusted", "movies");
    // The first file binds the query; the broken second one fails the write itself.
    const folder = path.join(bench.lakeRoot, "Trusted/Local/Parquet/broken");
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, "b.parquet"), "not parquet at all");
    const good = path.join(bench.lakeRoot, "Trusted/Local/Parquet/movies/part-00000.parquet");
    await bench.engine.run(
      `COPY (SELECT * FROM read_parquet('${good}')) TO '${folder}/a.parquet' (FORMAT parquet)`,
    );
    const failing = `-- output: trusted.movies
-- inputs:
--   src: { path: Trusted/Local/Parquet/broken/, format: parquet }
SELECT * FROM src`;
    await expect(run(failing)).rejects.toThrow();
    expect(await bench.catalog.get("trusted", "movies")).toEqual(before);
    expect(await rows("SELECT imdb_id FROM trusted.movies")).toEqual([{ imdb_id: "tt1" }]);
    expect(await readdir(path.join(bench.lakeRoot, ".lakebook-tmp"))).toEqual([]);
  });

  it("refuses before any data moves: a missing partition column, an unknown option, a path outside the lake, a missing table", async () => {
    await rawMovies(["tt1|Alien|1979|8.5"]);
    const code = (source: string) =>
      run(source).then(
        () => "ok",
        (error: LakebookError) => error.code,
      );
    expect(await code("-- output: trusted.x\n-- partitionBy: [dt]\nSELECT 1 AS a")).toBe(
      "TRANSFORM_PARTITION_MISSING",
    );
    expect(
      await code(
        "-- output: trusted.x\n-- inputs: { r: { path: Raw/, format: csv, options: { seperator: '|' } } }\nSELECT * FROM r",
      ),
    ).toBe("TRANSFORM_OPTION_UNKNOWN");
    expect(
      await code(
        "-- output: trusted.x\n-- inputs: { r: { path: ../secrets/, format: csv } }\nSELECT * FROM r",
      ),
    ).toBe("TRANSFORM_INPUT_INVALID");
    expect(await code("-- output: trusted.x\n-- inputs: { r: trusted.nothing }\nSELECT * FROM r")).toBe(
      "TRANSFORM_INPUT_MISSING",
    );
    expect(await bench.catalog.get("trusted", "x")).toBeUndefined();
  });

  it("says which tables the cell reads and writes, for stale tracking", () => {
    const cell = transform(
      `-- output: refined.fact\n-- inputs: { m: trusted.movies }\nSELECT * FROM m JOIN refined.dim_title d ON d.k = m.k`,
    );
    expect(transformStage.dependencies?.(cell)).toEqual({
      reads: ["refined.dim_title", "trusted.movies"],
      writes: ["refined.fact"],
    });
  });
});
