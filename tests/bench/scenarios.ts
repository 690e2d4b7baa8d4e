import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { awsClients } from "../../pipeline/aws/clients";
import { LocalCatalog } from "../../pipeline/catalog";
import { type Notebook, parseNotebook, writeNotebook } from "../../pipeline/document";
import { Engine } from "../../pipeline/engine";
import { createS3Client, LocalFolderStore, MOVIES_COLUMNS, S3Store } from "../../pipeline/lake";
import { findSourceFile, ingestCsvFiles, ingestStage } from "../../pipeline/stages/ingest";
import { startS3rver } from "../helpers/s3rver";
import { ingestScenarios } from "./ingest-scenarios";
import { loadScenarios } from "./load-scenarios";
import { type Measurement, measure } from "./measure";
import { tmdbScenarios } from "./tmdb-scenarios";
import { transformScenarios } from "./transform-scenarios";
import { uiScenarios } from "./ui-scenarios";

const MB = 2 ** 20;

/** A deterministic byte stream of `size` bytes, produced chunk by chunk (never held whole). */
function generated(size: number): Readable {
  let sent = 0;
  const chunk = Buffer.alloc(MB, "lakebook|\\N|tt0000009|Horror,Mystery\n");
  return new Readable({
    read() {
      if (sent >= size) return this.push(null);
      const next = chunk.subarray(0, Math.min(MB, size - sent));
      sent += next.length;
      this.push(next);
    },
  });
}

async function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), "lakebook-bench-"));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A movies.csv in the challenge's format, `size` bytes or a little more, streamed to disk: one row
 * per credited artist (four per title), ids sorted, `\N` nulls, accents, comma-joined lists.
 */
export async function writeMoviesCsv(file: string, size: number): Promise<{ bytes: number; rows: number }> {
  const genres = ["Horror", "Drama,Horror", "Horror,Mystery,Thriller", "Comedy,Horror", "Horror,Sci-Fi"];
  const names = ["Leon Sullivan", "María Falcão", "Edward Stone", "Anne-Marie Dupré", "Kenji Watanabe"];
  let bytes = 0;
  let rows = 0;
  async function* lines() {
    const header = `${MOVIES_COLUMNS.join("|")}\n`;
    bytes += header.length;
    yield header;
    while (bytes < size) {
      const batch: string[] = [];
      for (let i = 0; i < 2000 && bytes < size; i++, rows++) {
        const t = rows >> 2;
        const line = `tt${String(t).padStart(7, "0")}|The Haunting ${t}|A Maldição ${t}|${1950 + (t % 70)}|${80 + (t % 60)}|${genres[t % 5]}|${((t % 90) / 10 + 1).toFixed(1)}|${(t * 7) % 100_000}|${rows % 2 ? "actress" : "actor"}|${rows % 3 ? "Edward Falcão" : "\\N"}|${names[rows % 5]}|${1920 + (rows % 70)}|${rows % 4 ? "\\N" : 2001 + (rows % 20)}|actor,producer|tt${String(rows % 1000).padStart(7, "0")},tt1936154\n`;
        bytes += Buffer.byteLength(line);
        batch.push(line);
      }
      yield batch.join("");
    }
  }
  await pipeline(Readable.from(lines()), createWriteStream(file));
  return { bytes, rows };
}

/** Node scenarios return a Measurement and more; browser scenarios (ui-scenarios.ts) only their own figures. */
export type Scenario = () => Promise<Partial<Measurement> & Record<string, number | string>>;

const FILE_MB = 256;

export const scenarios: Record<string, Scenario> = {
  /** The local lake writes a 256 MB object from a stream: memory must stay flat. */
  "local put, streamed": () =>
    withTempDir(async (dir) => {
      const store = new LocalFolderStore(dir);
      const m = await measure(() =>
        store.put("Raw/Local/CSV/Movies/2026/11/25/movies.csv", generated(FILE_MB * MB)),
      );
      return { ...m, mbPerS: Math.round(FILE_MB / (m.ms / 1000)) };
    }),
  /** The same object read whole into memory first: what streaming saves. */
  "local put, whole buffer (baseline)": () =>
    withTempDir(async (dir) => {
      const store = new LocalFolderStore(dir);
      const m = await measure(async () => {
        const chunks: Buffer[] = [];
        for await (const chunk of generated(FILE_MB * MB)) chunks.push(chunk as Buffer);
        return store.put("Raw/Local/CSV/Movies/2026/11/25/movies.csv", Buffer.concat(chunks));
      });
      return { ...m, mbPerS: Math.round(FILE_MB / (m.ms / 1000)) };
    }),
  /** 64 MB through lib-storage multipart into a real S3-compatible server on loopback. */
  "s3 put, streamed multipart (s3rver)": async () => {
    const server = await startS3rver();
    try {
      const client = createS3Client({
        region: "us-east-1",
        endpoint: server.endpoint,
        credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
      });
      const store = new S3Store({ bucket: server.bucket, client });
      const size = 64;
      const m = await measure(() =>
        store.put("Raw/Local/CSV/Series/2026/11/25/series.csv", generated(size * MB)),
      );
      return { ...m, mbPerS: Math.round(size / (m.ms / 1000)) };
    } finally {
      await server.stop();
    }
  },
  /** A 1,000,000-row result kept in DuckDB: first page, then a jump to row 500,000. */
  "engine, 1M rows paged": async () => {
    const engine = await Engine.open({ threads: 2 });
    try {
      let pageMs = 0;
      const m = await measure(async () => {
        const result = await engine.query("SELECT range AS n, md5(range::VARCHAR) AS h FROM range(1000000)", {
          pageSize: 100,
        });
        const started = performance.now();
        const rows = await engine.page(result.resultId, 500_000, 100);
        pageMs = Math.round(performance.now() - started);
        return rows;
      });
      return { ...m, pageAt500kMs: pageMs };
    } finally {
      await engine.close();
    }
  },
  /** The same 1,000,000 rows pulled into JS objects: what paging saves. */
  "engine, 1M rows read whole (baseline)": async () => {
    const engine = await Engine.open({ threads: 2 });
    try {
      let held: unknown[] = [];
      const m = await measure(async () => {
        for await (const chunk of engine.stream(
          "SELECT range AS n, md5(range::VARCHAR) AS h FROM range(1000000)",
        )) {
          held = held.concat(chunk.rows);
        }
        return held;
      });
      return { ...m, rowsHeld: held.length };
    } finally {
      await engine.close();
    }
  },
  /** Parse and canonically write a 2,000-cell notebook. */
  "document, 2,000 cells parse + write": async () => {
    const notebook: Notebook = { meta: { lakebook: 1, title: "Bench" }, cells: [] };
    for (let i = 0; i < 2000; i += 1) {
      notebook.cells.push({
        id: `q${i}`,
        kind: i % 3 === 0 ? "markdown" : "sql",
        attrs: [{ key: "engine", value: "local" }],
        source: `SELECT ${i} AS n\nFROM range(${i})`,
      });
      if (i % 3 === 0)
        notebook.cells[i] = { id: `md${i}`, kind: "markdown", attrs: [], source: `## Part ${i}\n\nProse.` };
    }
    const text = writeNotebook(notebook);
    let digest = "";
    const m = await measure(async () => {
      for (let round = 0; round < 10; round += 1)
        digest = createHash("sha1")
          .update(writeNotebook(parseNotebook(text).notebook))
          .digest("hex");
    });
    return {
      ...m,
      kbPerFile: Math.round(Buffer.byteLength(text) / 1024),
      msPerRoundTrip: Math.round(m.ms / 10),
      same: digest === createHash("sha1").update(text).digest("hex") ? "yes" : "NO",
    };
  },
  /**
   * Stage 1 on the full-size file: a ~172 MB movies.csv generated on disk, then the ingest cell on
   * the local lake (validate in one pass, store atomically, re-hash to verify, register raw.movies,
   * profile with DuckDB), and the idempotent rerun. Peak RSS is the cell's, not the generator's.
   */
  "ingest 172 MB movies.csv, local lake": () =>
    withFullSizeMovies(async (dir, file) => {
      const lakeRoot = path.join(dir, ".lake");
      const engine = await Engine.open({ threads: 2 });
      try {
        const context = {
          notebook: { meta: { lakebook: 1 }, cells: [] },
          notebookPath: path.join(dir, "bench.lakebook.md"),
          baseDir: dir,
          stateDir: path.join(dir, ".lakebook"),
          target: { kind: "local" as const },
          lakeRoot,
          store: new LocalFolderStore(lakeRoot),
          engine,
          catalog: new LocalCatalog(lakeRoot),
          aws: awsClients(),
          signal: new AbortController().signal,
          progress: () => undefined,
          log: () => undefined,
        };
        const cell = { id: "ingest_movies", kind: "ingest", attrs: [], source: "file: data/movies.csv" };
        const m = await withAbsoluteRss(() => measure(() => ingestStage.run(cell, context)));
        const started = performance.now();
        const again = await ingestStage.run(cell, context);
        return {
          ...m,
          mb: Math.round(file.bytes / MB),
          rows: file.rows,
          mbPerS: Math.round(file.bytes / MB / (m.ms / 1000)),
          rerunMs: Math.round(performance.now() - started),
          rerun: again.summary.includes("already ingested") ? "already ingested" : "UPLOADED AGAIN",
        };
      } finally {
        await engine.close();
      }
    }),
  /** The streaming core alone (what `lakebook ingest` does before the catalog): validate, store, re-hash. */
  "ingest 172 MB movies.csv, validate + store + verify only": () =>
    withFullSizeMovies(async (dir, file) => {
      const source = await findSourceFile(dir, "data/movies.csv");
      const m = await withAbsoluteRss(() =>
        measure(() =>
          ingestCsvFiles({
            files: [source],
            date: { year: 2026, month: 11, day: 25 },
            store: new LocalFolderStore(path.join(dir, ".lake")),
            stateDir: path.join(dir, ".lakebook"),
          }),
        ),
      );
      return { ...m, mb: Math.round(file.bytes / MB), mbPerS: Math.round(file.bytes / MB / (m.ms / 1000)) };
    }),
  ...tmdbScenarios,
  ...loadScenarios,
  ...transformScenarios,
  ...ingestScenarios,
  ...uiScenarios,
};

/**
 * The process's own RSS before the work and at its peak, beside measure()'s growth: generating the
 * file first leaves RSS high (freed heap is not returned to the OS), which can hide the growth.
 */
async function withAbsoluteRss<T extends object>(
  work: () => Promise<T>,
): Promise<T & { rssBeforeMb: number; peakRssAbsMb: number }> {
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { ...result, rssBeforeMb: Math.round(rssBefore / MB), peakRssAbsMb: Math.round(peak / MB) };
  } finally {
    clearInterval(sampler);
  }
}

/**
 * A temp folder holding data/movies.csv of ≈172 MB in the challenge's format, written by a child
 * process so that generating it leaves no trace in this process's memory figures.
 */
function withFullSizeMovies<T>(
  work: (dir: string, file: { bytes: number; rows: number }) => Promise<T>,
): Promise<T> {
  return withTempDir(async (dir) => {
    await mkdir(path.join(dir, "data"));
    const target = path.join(dir, "data", "movies.csv");
    const self = fileURLToPath(import.meta.url);
    const code = `import(${JSON.stringify(pathToFileURL(self).href)}).then((m) => m.writeMoviesCsv(${JSON.stringify(target)}, ${172 * MB})).then((r) => console.log(JSON.stringify(r)))`;
    const child = spawnSync(process.execPath, ["--import", "tsx", "-e", code], { encoding: "utf8" });
    if (child.status !== 0) throw new Error(`generating movies.csv failed: ${child.stderr}`);
    return work(dir, JSON.parse(child.stdout.trim().split("\n").at(-1) ?? "{}"));
  });
}
