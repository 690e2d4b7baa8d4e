import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MOVIES_COLUMNS, SERIES_COLUMNS } from "../../../../../pipeline/lake/dataset-columns";
import { type DemoFile, writeDemoData } from "../../../../../pipeline/lake/demo/demo-data";
import { PREVIEW_ROWS, validateChallengeCsv } from "../../../../../pipeline/stages/ingest/csv";

/** The demo project's files are written in the challenge's exact format: they must pass clean. */
let dir = "";
let demo: { movies: DemoFile; series: DemoFile };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "lakebook-ingest-csv-"));
  demo = await writeDemoData(dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("the demo movies.csv and series.csv", () => {
  it.each([
    ["movies", MOVIES_COLUMNS],
    ["series", SERIES_COLUMNS],
  ] as const)("%s.csv validates with zero warnings, detected from its header", async (dataset, columns) => {
    const file = demo[dataset];
    const report = await validateChallengeCsv(createReadStream(file.path, { highWaterMark: 16 * 1024 }), {
      fileName: `${dataset}.csv`,
    });
    expect(report).toMatchObject({
      dataset,
      rows: file.rows,
      bytes: file.bytes,
      warningCount: 0,
      warnings: [],
    });
    expect(report.columns).toEqual([...columns]);
    expect(report.sha256).toBe(
      createHash("sha256")
        .update(await readFile(file.path))
        .digest("hex"),
    );
    expect(report.preview.rows).toHaveLength(PREVIEW_ROWS);
    expect(report.preview.rows.every((row) => row.length === columns.length)).toBe(true);
    const year = columns.indexOf("anoLancamento");
    expect(report.preview.rows.every((row) => typeof row[year] === "number" || row[year] === null)).toBe(
      true,
    );
  });

  it("is accepted when the caller names the right dataset", async () => {
    const report = await validateChallengeCsv(createReadStream(demo.series.path), {
      fileName: "series.csv",
      dataset: "series",
    });
    expect(report.dataset).toBe("series");
  });
});
