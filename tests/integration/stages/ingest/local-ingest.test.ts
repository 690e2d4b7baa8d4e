import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CellOutputSchema, type IngestedFile, LakebookError } from "../../../../pipeline/contract";
import type { LocalFolderStore, ObjectBody, ObjectStore, PutOptions } from "../../../../pipeline/lake";
import { ingestStage } from "../../../../pipeline/stages/ingest";
import { validateChallengeCsv } from "../../../../pipeline/stages/ingest/csv";
import { READ_CHUNK, readChunks } from "../../../../pipeline/stages/ingest/source-file";
import { movieRow, moviesFile, SERIES_HEADER, seriesRow } from "../../../unit/stages/ingest/csv/helpers";
import { type IngestBench, ingestBench, ingestCell, moviesCsv } from "./helpers";

let bench: IngestBench;
beforeEach(async () => {
  bench = await ingestBench();
});
afterEach(async () => {
  await bench.close();
});

const KEY = "Raw/Local/CSV/Movies/2026/11/25/movies.csv";
const CELL = ingestCell("dataset: movies\nfile: data/movies.csv\ndate: 2026-11-25\n");

async function run(cell = CELL, context = bench.context()) {
  const outcome = await ingestStage.run(cell, context);
  const output = CellOutputSchema.parse(outcome.output);
  if (output.type !== "ingest") throw new Error(`unexpected output ${output.type}`);
  return { summary: outcome.summary, files: output.files, file: output.files[0] as IngestedFile };
}

async function failure(promise: Promise<unknown>): Promise<LakebookError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(LakebookError);
  return error as LakebookError;
}

/** The row whose line holds byte `offset` of the file `moviesFile(...rows)` makes. */
function rowAcross(rows: readonly string[], offset: number): number {
  let at = Buffer.byteLength(`${moviesFile()}`);
  return rows.findIndex((row) => {
    at += Buffer.byteLength(row) + 1;
    return at > offset;
  });
}

/** Every file under the lake folder, Lakebook's own folders included. */
async function lakeFiles(): Promise<string[]> {
  const found = await readdir(bench.lakeRoot, { recursive: true, withFileTypes: true }).catch(() => []);
  return found
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(bench.lakeRoot, path.join(entry.parentPath, entry.name)));
}

describe("the ingest cell on the local lake", () => {
  it("stores the file byte-identical under the RAW key and reports key, bytes, rows and SHA-256", async () => {
    const csv = `\uFEFF${moviesCsv(40)}`.replace(/\n/g, "\r\n");
    const source = await bench.writeFile("data/movies.csv", csv);
    const { summary, file } = await run();
    const stored = await readFile(bench.store.pathOf(KEY));
    const original = await readFile(source);
    expect(Buffer.compare(stored, original)).toBe(0);
    const sha256 = createHash("sha256").update(original).digest("hex");
    expect(file).toMatchObject({
      file: "data/movies.csv",
      dataset: "movies",
      key: KEY,
      location: `${bench.store.location}${KEY}`,
      bytes: original.length,
      rows: 120,
      sha256,
      alreadyIngested: false,
      verified:
        "size of the stored file, and CRC-32 of the bytes as written (flushed to disk) against the bytes read",
      warningCount: 2,
      table: "raw.movies",
    });
    expect(file.warnings.map((w) => w.code)).toEqual(["BOM", "CRLF"]);
    expect(file.preview.rows).toHaveLength(100);
    expect(file.preview.rows[0]?.slice(0, 4)).toEqual(["tt1000000", "Título 0", "Ghost Ship", 1960]);
    expect(summary).toBe(
      `data/movies.csv → ${KEY}: 120 rows, ${original.length.toLocaleString("en-US")} bytes, SHA-256 ${sha256.slice(0, 12)}…, 2 warnings`,
    );
    expect(file.pathExplanation).toContain("processing date 2026/11/25");
    expect(file.boto3).toContain(`key = "${KEY}"`);
    expect(file.boto3).toContain('bucket = "your-data-lake-bucket"  # placeholder');
    // Progress came in bytes, up to the whole file, for each phase.
    const phases = new Set(bench.progress.map((p) => p.message?.split(" ")[0]));
    expect([...phases]).toEqual(
      expect.arrayContaining(["Validating", "Uploading", "Verifying", "Profiling"]),
    );
    expect(bench.progress.filter((p) => p.unit === "bytes").every((p) => p.total === original.length)).toBe(
      true,
    );
    // Nothing but the object and the catalog entry: no temp files, no sidecars in the lake.
    expect((await lakeFiles()).sort()).toEqual([KEY, "_catalog/raw/movies.json"]);
  });

  it("registers raw.movies over the date folder, queryable with the same row count", async () => {
    await bench.writeFile("data/movies.csv", moviesCsv(25, 4));
    const { file } = await run();
    const table = await bench.catalog.get("raw", "movies");
    expect(table).toMatchObject({
      database: "raw",
      name: "movies",
      zone: "raw",
      format: "csv",
      location: "Raw/Local/CSV/Movies/2026/11/25/",
      rows: 100,
      producedBy: { cell: "ingest_movies", notebook: "ingest.lakebook.md", inputs: ["data/movies.csv"] },
    });
    expect(table?.columns.map((c) => c.name)).toEqual(file.columns);
    expect(table?.columns.find((c) => c.name === "anoLancamento")?.type).toBe("BIGINT");
    const result = await bench.engine.query(
      "SELECT count(*) AS n, count(personagem) AS named FROM raw.movies",
    );
    expect(result.rows).toEqual([{ n: file.rows, named: 75 }]);
    expect(ingestStage.dependencies?.(CELL)).toEqual({ reads: [], writes: ["raw.movies"] });
  });

  it("says 'already ingested' on a rerun and writes nothing: the object's mtime is unchanged", async () => {
    await bench.writeFile("data/movies.csv", moviesCsv(10));
    await run();
    const before = await stat(bench.store.pathOf(KEY));
    await new Promise((resolve) => setTimeout(resolve, 20));
    const again = await run();
    expect(again.file).toMatchObject({
      alreadyIngested: true,
      verified: "SHA-256 of the object already there",
    });
    expect(again.summary).toBe(`data/movies.csv → ${KEY}: already ingested (same SHA-256), nothing sent`);
    const after = await stat(bench.store.pathOf(KEY));
    expect(after.mtimeMs).toBe(before.mtimeMs);
    expect(after.ino).toBe(before.ino);
    expect(bench.progress.some((p) => p.message?.startsWith("Uploading"))).toBe(true);
    expect(bench.logs.some((line) => line.includes("already ingested"))).toBe(true);
    // The profile came from the cache keyed by SHA-256 beside the notebook, not from two more scans.
    expect(again.file.profile).toEqual((await run()).file.profile);
    const cached = await readdir(path.join(bench.dir, ".lakebook", "ingest-profiles"));
    expect(cached).toEqual([`v1-${again.file.sha256}.json`]);
  });

  // RAW is append-only on both targets (S3's side: raw-append-only.test.ts): a corrected file goes
  // under another date or name, or the stored copy is removed by hand first.
  it("refuses other bytes at the same key (a corrected file, same day) and keeps the first copy", async () => {
    const first = moviesCsv(10);
    await bench.writeFile("data/movies.csv", first);
    await run();
    const before = await stat(bench.store.pathOf(KEY));
    await bench.writeFile("data/movies.csv", moviesCsv(11));
    const error = await failure(run());
    expect(error.code).toBe("INGEST_RAW_EXISTS");
    expect(error.message).toContain(`${KEY} already holds a different file`);
    expect(error.message).toContain(createHash("sha256").update(first).digest("hex").slice(0, 12));
    expect(error.message).toContain("RAW is append-only");
    expect(error.hint).toMatch(/another processing date .* or under another file name/);
    expect(error.hint).toContain(`delete ${bench.store.pathOf(KEY)}`);
    expect(await readFile(bench.store.pathOf(KEY), "utf8")).toBe(first);
    const after = await stat(bench.store.pathOf(KEY));
    expect(after.ino).toBe(before.ino);
    // Removing the stored copy first is the way to replace it.
    await bench.store.delete(KEY);
    const { file } = await run();
    expect(file.alreadyIngested).toBe(false);
  });

  it("detects the dataset from the header and dates the key today (UTC) by default", async () => {
    await bench.writeFile("data/series.csv", `${SERIES_HEADER}\n${seriesRow()}\n`);
    const { file } = await run(ingestCell("file: data/series.csv"));
    const today = new Date().toISOString().slice(0, 10).replaceAll("-", "/");
    expect(file.key).toBe(`Raw/Local/CSV/Series/${today}/series.csv`);
    expect(file.table).toBe("raw.series");
  });

  it("refuses a series file ingested as movies and writes nothing, not even for the good file beside it", async () => {
    await bench.writeFile("data/movies.csv", moviesCsv(3));
    await bench.writeFile("data/series.csv", `${SERIES_HEADER}\n${seriesRow()}\n`);
    const cell = ingestCell("dataset: movies\nfiles: [data/movies.csv, data/series.csv]\ndate: 2026-11-25\n");
    const error = await failure(run(cell));
    expect(error.code).toBe("CSV_WRONG_DATASET");
    expect(error.message).toContain("data/series.csv");
    expect(await lakeFiles()).toEqual([]);
    expect(await bench.catalog.list()).toEqual([]);
  });

  it("fails with INGEST_FILE_NOT_FOUND naming the missing file, before anything is read", async () => {
    const error = await failure(run(ingestCell("file: data/nowhere.csv")));
    expect(error.code).toBe("INGEST_FILE_NOT_FOUND");
    expect(error.message).toBe(
      `No such file: data/nowhere.csv (${path.join(bench.dir, "data", "nowhere.csv")}).`,
    );
    expect(await lakeFiles()).toEqual([]);
  });

  it("still ingests a file with row problems (RAW is a faithful copy) and names them", async () => {
    const csv = moviesFile(movieRow(), movieRow({ anoLancamento: "19x2" }), "tt0000001|too|few");
    await bench.writeFile("data/movies.csv", csv);
    const { file } = await run();
    expect(await readFile(bench.store.pathOf(KEY), "utf8")).toBe(csv);
    expect(file.warnings.map((w) => [w.line, w.code])).toEqual([
      [3, "NOT_A_NUMBER"],
      [4, "TOO_FEW_FIELDS"],
    ]);
    expect(file.warningCounts).toEqual({ NOT_A_NUMBER: 1, TOO_FEW_FIELDS: 1 });
    // DuckDB refuses the short line: raw.movies is registered (rows unknown) and the log says why.
    expect((await bench.catalog.get("raw", "movies"))?.rows).toBeNull();
    expect(
      bench.logs.some((line) => line.startsWith("warn: DuckDB cannot read Raw/Local/CSV/Movies/2026/11/25/")),
    ).toBe(true);
    expect(bench.logs.every((line) => !line.includes("\n"))).toBe(true);
    expect(file.profile?.rows).toBe(2);
    expect(file.profileNote).toBe(
      "DuckDB read 2 of the 3 rows: the lines it cannot read (see the warnings) are left out of the profile.",
    );
  });

  it("reads a file of many chunks once, into reused buffers: the same bytes stored, the same report", async () => {
    // About 7 MB, so the one pass reads it in several chunks; problems sit on both sides of the
    // chunk edges, and a quoted field runs over lines and across the first edge.
    const rows = Array.from({ length: 55_000 }, (_, i) =>
      i % 7919 === 0
        ? movieRow({ anoLancamento: "20x2" })
        : i % 8191 === 0
          ? movieRow({ personagem: "E\rd" })
          : movieRow({ numeroVotos: String(i) }),
    );
    const across = rowAcross(rows, READ_CHUNK);
    rows[across] = movieRow({ personagem: '"Ed\n\nFalcão"', numeroVotos: "1" });
    rows[rowAcross(rows, 2 * READ_CHUNK)] = movieRow({ personagem: "E\rd" });
    const source = await bench.writeFile("data/movies.csv", moviesFile(...rows));
    const { file } = await run(
      ingestCell("dataset: movies\nfile: data/movies.csv\ndate: 2026-11-25\nprofile: false\n"),
    );
    const original = await readFile(source);
    expect(original.length).toBeGreaterThan(5 * 1024 * 1024);
    expect(Buffer.compare(await readFile(bench.store.pathOf(KEY)), original)).toBe(0);
    const streamed = await validateChallengeCsv(readChunks({ path: source }), {
      fileName: "data/movies.csv",
    });
    expect(file.rows).toBe(streamed.rows);
    expect(file.sha256).toBe(streamed.sha256);
    expect(file.warningCount).toBe(streamed.warningCount);
    expect(file.warningCounts).toEqual(streamed.warningCounts);
    expect(file.warnings.map((w) => `${w.line} ${w.code}`)).toEqual(
      streamed.warnings.map((w) => `${w.line} ${w.code}`),
    );
    expect(file.warningCounts).toMatchObject({ NOT_A_NUMBER: 7, STRAY_CR: 7, MULTILINE_FIELD: 1 });
  });

  it("catches an upload that landed damaged, removes it and fails INGEST_VERIFY_FAILED", async () => {
    await bench.writeFile("data/movies.csv", moviesCsv(10));
    const damaging = new DamagingStore(bench.store);
    const error = await failure(run(CELL, bench.context({ store: damaging })));
    expect(error.code).toBe("INGEST_VERIFY_FAILED");
    expect(error.message).toContain("CRC-32");
    expect(error.retryable).toBe(true);
    expect(await bench.store.head(KEY)).toBeUndefined();
    expect(damaging.puts).toBe(1);
  });

  it("profiles every column with DuckDB: null ratio, distinct estimate, min/max and top values", async () => {
    const rows = [
      movieRow({
        id: "tt0000001",
        anoLancamento: "1999",
        notaMedia: "7.5",
        personagem: "\\N",
        generoArtista: "actor",
      }),
      movieRow({
        id: "tt0000001",
        anoLancamento: "1999",
        notaMedia: "7.5",
        personagem: "Ana",
        generoArtista: "actress",
      }),
      movieRow({
        id: "tt0000002",
        anoLancamento: "1000",
        notaMedia: "10",
        personagem: "Ana",
        generoArtista: "actress",
      }),
      movieRow({
        id: "tt0000003",
        anoLancamento: "\\N",
        notaMedia: "2.25",
        personagem: "\\N",
        generoArtista: "actress",
      }),
    ];
    await bench.writeFile("data/movies.csv", moviesFile(...rows));
    const { file } = await run();
    const column = (name: string) => file.profile?.columns.find((c) => c.name === name);
    expect(file.profile?.rows).toBe(4);
    expect(column("id")).toEqual({
      name: "id",
      type: "text",
      nullRatio: 0,
      distinct: 3,
      min: "tt0000001",
      max: "tt0000003",
      top: [
        { value: "tt0000001", count: 2 },
        { value: "tt0000002", count: 1 },
        { value: "tt0000003", count: 1 },
      ],
    });
    // Numbers compare as numbers: 1000 < 1999, though "1000" < "1999" too; 10 > 7.5 only as numbers.
    expect(column("anoLancamento")).toMatchObject({
      type: "integer",
      nullRatio: 0.25,
      distinct: 2,
      min: 1000,
      max: 1999,
    });
    expect(column("notaMedia")).toMatchObject({ type: "decimal", min: 2.25, max: 10 });
    expect(column("personagem")).toMatchObject({
      nullRatio: 0.5,
      distinct: 1,
      top: [{ value: "Ana", count: 2 }],
    });
    expect(column("generoArtista")?.top).toEqual([
      { value: "actress", count: 3 },
      { value: "actor", count: 1 },
    ]);
  });

  it("leaves the profile out with profile: false, and says how to ask for it", async () => {
    await bench.writeFile("data/movies.csv", moviesCsv(5));
    const { file } = await run(ingestCell("file: data/movies.csv\ndate: 2026-11-25\nprofile: false\n"));
    expect(file.profile).toBeNull();
    expect(file.profileNote).toBe("The column profile is off (profile: false in the cell).");
    expect(bench.progress.some((p) => p.message?.startsWith("Profiling"))).toBe(false);
    expect(file.rows).toBe(15);
  });

  it("explains bad settings by field", async () => {
    const error = await failure(run(ingestCell("dataset: films\nfile: data/movies.csv")));
    expect(error.code).toBe("INGEST_SETTINGS_INVALID");
    expect(error.message).toBe(
      'Ingest cell "ingest_movies": "dataset" must be movies or series (found "films").',
    );
  });
});

/** An ObjectStore whose writes flip one byte on the way to disk: storage that lies. */
class DamagingStore implements ObjectStore {
  puts = 0;
  readonly location: string;
  constructor(private readonly inner: LocalFolderStore) {
    this.location = inner.location;
  }
  async put(key: string, body: ObjectBody, options?: PutOptions) {
    this.puts++;
    async function* damaged() {
      let first = true;
      for await (const chunk of body as AsyncIterable<Uint8Array>) {
        const copy = Buffer.from(chunk);
        if (first && copy.length > 10) copy[10] = (copy[10] ?? 0) ^ 0xff;
        first = false;
        yield copy;
      }
    }
    return this.inner.put(key, Readable.from(damaged()), options);
  }
  get = (key: string) => this.inner.get(key);
  head = (key: string) => this.inner.head(key);
  list = (prefix: string) => this.inner.list(prefix);
  delete = (key: string) => this.inner.delete(key);
}
