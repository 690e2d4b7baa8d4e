import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LakebookError } from "../../../pipeline/contract";
import type { Cell } from "../../../pipeline/document";
import type { StageContext } from "../../../pipeline/stages";
import { ingestStage } from "../../../pipeline/stages/ingest";
import { sqlStage } from "../../../pipeline/stages/sql";
import { transformStage } from "../../../pipeline/stages/transform";
import { type IngestBench, ingestBench, ingestCell, moviesCsv } from "../stages/ingest/helpers";

/**
 * A cancel at the worst moment — mid-upload, mid-write of a table — leaves the lake and the
 * catalog exactly as they were. (Cancelling a TMDB run and resuming it is in
 * tests/integration/stages/tmdb/enrich/run.test.ts; a query in tests/integration/engine/cancel.test.ts;
 * a running cell through the service in tests/integration/service/http-service.test.ts.)
 */
let bench: IngestBench;
beforeEach(async () => {
  bench = await ingestBench();
});
afterEach(async () => {
  await bench.close();
});

/** Every file and folder in the lake (catalog and temp folder included), files with their bytes. */
async function lakeSnapshot(): Promise<Map<string, string>> {
  const snapshot = new Map<string, string>();
  const entries = await readdir(bench.lakeRoot, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const file = path.join(entry.parentPath, entry.name);
    const bytes = entry.isFile() ? (await readFile(file)).toString("base64") : "folder";
    snapshot.set(path.relative(bench.lakeRoot, file), bytes);
  }
  return snapshot;
}

/** A context whose signal aborts when the stage reports a progress message starting with `at`. */
function cancelledAt(at: string): StageContext {
  const controller = new AbortController();
  return bench.context({
    signal: controller.signal,
    progress: (update) => {
      if (update.message?.startsWith(at)) controller.abort();
    },
  });
}

async function cancelled(promise: Promise<unknown>): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(LakebookError);
  expect((error as LakebookError).code).toBe("CANCELLED");
}

const INGEST = ingestCell("dataset: movies\nfile: data/movies.csv\ndate: 2026-11-25\n");
const transform = (source: string): Cell => ({ id: "t", kind: "transform", attrs: [], source });
const sql = (source: string): Cell => ({ id: "q", kind: "sql", attrs: [], source });

describe("cancelling leaves the previous state whole and the catalog unchanged", () => {
  it("an ingest cancelled mid-upload of a corrected file (on the next date: RAW is append-only)", async () => {
    await bench.writeFile("data/movies.csv", moviesCsv(20));
    await ingestStage.run(INGEST, bench.context());
    const before = await lakeSnapshot();
    const catalog = await bench.catalog.list();

    await bench.writeFile("data/movies.csv", moviesCsv(4000));
    const nextDate = ingestCell("dataset: movies\nfile: data/movies.csv\ndate: 2026-11-26\n");
    await cancelled(ingestStage.run(nextDate, cancelledAt("Uploading")));
    // No file of the new date lands; only its (empty) date folders may have been made for the write.
    const after = await lakeSnapshot();
    for (const [entry, kind] of after) {
      if (kind === "folder" && !before.has(entry)) after.delete(entry);
    }
    expect(after).toEqual(before);
    expect(await bench.catalog.list()).toEqual(catalog);
  });

  const trustedNumbers = (rows: number) =>
    `-- output: trusted.numbers\nSELECT range AS n, md5(CAST(range AS STRING)) AS h FROM range(${rows})`;

  it("a transform cancelled while it writes its table", async () => {
    await transformStage.run(transform(trustedNumbers(10)), bench.context());
    const before = await lakeSnapshot();
    const catalog = await bench.catalog.list();

    await cancelled(transformStage.run(transform(trustedNumbers(50_000_000)), cancelledAt("Writing")));
    expect(await lakeSnapshot()).toEqual(before);
    expect(await bench.catalog.list()).toEqual(catalog);
    expect((await bench.engine.query("SELECT count(*) AS n FROM trusted.numbers")).rows).toEqual([{ n: 10 }]);
  });

  it("a SQL cell's CREATE TABLE … AS cancelled while it writes", async () => {
    await sqlStage.run(
      sql("CREATE TABLE refined.numbers AS SELECT range AS n FROM range(10)"),
      bench.context(),
    );
    const before = await lakeSnapshot();
    const catalog = await bench.catalog.list();

    await cancelled(
      sqlStage.run(
        sql(
          "CREATE TABLE refined.numbers AS SELECT range AS n, md5(range::VARCHAR) AS h FROM range(50000000)",
        ),
        cancelledAt("Writing"),
      ),
    );
    expect(await lakeSnapshot()).toEqual(before);
    expect(await bench.catalog.list()).toEqual(catalog);
  });

  it("a SQL query cancelled while it runs: nothing written, and the engine answers the next one", async () => {
    const before = await lakeSnapshot();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    await cancelled(
      sqlStage.run(
        sql("SELECT count(DISTINCT md5(range::VARCHAR)) FROM range(200000000)"),
        bench.context({ signal: controller.signal }),
      ),
    );
    expect(await lakeSnapshot()).toEqual(before);
    expect((await bench.engine.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
  });
});
