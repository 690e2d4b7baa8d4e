import { cp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ChallengeData } from "./challenge-data";
import { lastJson, runMeasured } from "./processes";

/** Stages compared side by side; `tmdb`, `check`, `chart` and `other` are Lakebook's alone. */
export type StageTimes = Partial<
  Record<"raw" | "trusted" | "refined" | "sql" | "tmdb" | "check" | "chart" | "other", number>
>;

export interface SideRun {
  stages: StageTimes;
  /** raw + trusted + refined + sql: the work all sides do. */
  comparableMs: number;
  wallMs: number;
  peakRssMb: number;
}

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const ROOT = here("../../../");
const DEMO = path.join(ROOT, "assets/demo/horror-subgenres.lakebook.md");
const COMPARED = ["raw", "trusted", "refined", "sql"] as const;

const comparable = (stages: StageTimes) => COMPARED.reduce((sum, stage) => sum + (stages[stage] ?? 0), 0);

/**
 * The demo notebook as a user runs it, with its files pointed at the generated data and its TMDB
 * select sampled to the titles the offline sample knows (`tmdbSample`), so TMDB stays a few
 * hundred requests and every later table has rows.
 */
export async function writeBenchNotebook(data: ChallengeData, dir: string): Promise<string> {
  let text = await readFile(DEMO, "utf8");
  text = text
    .replace("file: data/movies.csv", `file: ${data.movies.file}`)
    .replace("file: data/series.csv", `file: ${data.series.file}`);
  const ids = data.tmdbSample.map((id) => `'${id}'`).join(", ");
  text = text.replace(
    /select: \|\n((?: {2}.*\n)+)/,
    (_match, select: string) =>
      `select: |\n  SELECT * FROM (\n${select.replace(/^/gm, "  ")}  ) WHERE id IN (${ids})\n`,
  );
  await mkdir(dir, { recursive: true });
  const notebook = path.join(dir, "bench.lakebook.md");
  await writeFile(notebook, text);
  return notebook;
}

/** (a) `lakebook run --json` on a fresh lake; cells grouped into stages by kind and output. */
export async function runLakebook(notebook: string): Promise<SideRun & { lake: string }> {
  const dir = path.dirname(notebook);
  const lake = path.join(dir, ".lake");
  await rm(lake, { recursive: true, force: true });
  await rm(path.join(dir, ".lakebook"), { recursive: true, force: true });
  const run = await runMeasured(
    process.execPath,
    [path.join(ROOT, "bin/lakebook.js"), "run", notebook, "--json"],
    dir,
  );
  const report = lastJson<{
    cells: { id: string; kind: string; status: string; ms: number; summary?: string }[];
  }>(run.stdout);
  const stages: StageTimes = {};
  for (const cell of report.cells) {
    if (cell.status !== "ok") throw new Error(`cell ${cell.id} ended ${cell.status}: ${cell.summary ?? ""}`);
    const stage =
      cell.kind === "ingest"
        ? "raw"
        : cell.kind === "transform"
          ? cell.id.startsWith("trusted_")
            ? "trusted"
            : "refined"
          : cell.kind === "sql" || cell.kind === "tmdb" || cell.kind === "check" || cell.kind === "chart"
            ? cell.kind
            : "other";
    stages[stage] = (stages[stage] ?? 0) + cell.ms;
  }
  return { stages, comparableMs: comparable(stages), wallMs: run.wallMs, peakRssMb: run.peakRssMb, lake };
}

/** Keeps the RAW TMDB files a Lakebook run fetched, for the script to read the same JSON. */
export async function keepTmdbFiles(lake: string, into: string): Promise<void> {
  await rm(into, { recursive: true, force: true });
  await cp(path.join(lake, "Raw/TMDB"), into, { recursive: true });
}

/** (b) The hand-written DuckDB script, one process. */
export async function runDuckdbScript(
  data: ChallengeData,
  tmdbDir: string,
  workDir: string,
): Promise<SideRun> {
  await mkdir(workDir, { recursive: true });
  const run = await runMeasured(
    process.execPath,
    ["--import", "tsx", here("./duckdb-script.ts"), data.dir, tmdbDir, workDir],
    workDir,
  );
  const { stages } = lastJson<{ stages: StageTimes }>(run.stdout);
  return { stages, comparableMs: comparable(stages), wallMs: run.wallMs, peakRssMb: run.peakRssMb };
}

/** (c) pandas, TRUSTED + REFINED only (as a course notebook would do it), when Debian's python3-pandas is there. */
export async function runPandas(data: ChallengeData, tmdbDir: string, workDir: string): Promise<SideRun> {
  await mkdir(workDir, { recursive: true });
  const run = await runMeasured(
    "/usr/bin/python3",
    [here("./pandas_script.py"), data.dir, tmdbDir, workDir],
    workDir,
  );
  const { stages } = lastJson<{ stages: StageTimes }>(run.stdout);
  return { stages, comparableMs: comparable(stages), wallMs: run.wallMs, peakRssMb: run.peakRssMb };
}
