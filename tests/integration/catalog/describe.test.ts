import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeParquetTable } from "../../../pipeline/catalog";
import { Engine, quoteString } from "../../../pipeline/engine";

let lake: string;
let engine: Engine;
beforeAll(async () => {
  lake = await mkdtemp(path.join(tmpdir(), "lakebook-describe-"));
  engine = await Engine.open({ threads: 2 });
  await mkdir(path.join(lake, "Trusted/Local/Parquet/movies"), { recursive: true });
  await mkdir(path.join(lake, "Trusted/TMDB/Parquet/details"), { recursive: true });
  await engine.run(`COPY (
      SELECT printf('tt%07d', range) AS id, range::DOUBLE / 10 AS nota_media, ['Horror', 'Mystery'] AS generos
      FROM range(2500)
    ) TO ${quoteString(path.join(lake, "Trusted/Local/Parquet/movies/part-0.parquet"))} (FORMAT parquet)`);
  await engine.run(`COPY (
      SELECT range AS tmdb_id, 3000000000::BIGINT AS revenue, DATE '2026-01-05' + (range % 2)::INTEGER AS dt
      FROM range(11)
    ) TO ${quoteString(`${path.join(lake, "Trusted/TMDB/Parquet/details")}/`)} (FORMAT parquet, PARTITION_BY (dt))`);
});
afterAll(async () => {
  await engine.close();
  await rm(lake, { recursive: true, force: true });
});

describe("describeParquetTable", () => {
  it("reads the columns and the row count of a folder of Parquet files", async () => {
    expect(await describeParquetTable(engine, lake, "Trusted/Local/Parquet/movies/")).toEqual({
      columns: [
        { name: "id", type: "VARCHAR" },
        { name: "nota_media", type: "DOUBLE" },
        { name: "generos", type: "VARCHAR[]" },
      ],
      partitionKeys: [],
      rows: 2500,
    });
  });

  it("tells partition keys apart from data columns, as Glue does", async () => {
    expect(await describeParquetTable(engine, lake, "Trusted/TMDB/Parquet/details")).toEqual({
      columns: [
        { name: "tmdb_id", type: "BIGINT" },
        { name: "revenue", type: "BIGINT" },
      ],
      partitionKeys: [{ name: "dt", type: "DATE" }],
      rows: 11,
    });
  });

  it("fails clearly when the folder has no Parquet files", async () => {
    await expect(describeParquetTable(engine, lake, "Trusted/Local/Parquet/series/")).rejects.toMatchObject({
      code: "SQL_ERROR",
      message: expect.stringContaining("No files found"),
    });
    await expect(describeParquetTable(engine, lake, "../elsewhere/")).rejects.toMatchObject({
      code: "CATALOG_INVALID_LOCATION",
    });
  });
});
