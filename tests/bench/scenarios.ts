import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { type Notebook, parseNotebook, writeNotebook } from "../../pipeline/document";
import { Engine } from "../../pipeline/engine";
import { createS3Client, LocalFolderStore, S3Store } from "../../pipeline/lake";
import { startS3rver } from "../helpers/s3rver";
import { type Measurement, measure } from "./measure";

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

export type Scenario = () => Promise<Measurement & Record<string, number | string>>;

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
};
