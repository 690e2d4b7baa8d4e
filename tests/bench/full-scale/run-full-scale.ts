import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { CACHE_ROOT, challengeData } from "./challenge-data";
import { lastJson, median, percentile } from "./processes";
import { writeResults } from "./results";
import {
  keepTmdbFiles,
  runDuckdbScript,
  runLakebook,
  runPandas,
  type SideRun,
  type StageTimes,
  writeBenchNotebook,
} from "./sides";

export interface SideSummary {
  runs: number;
  /** Medians over the runs, per stage and whole. */
  stages: StageTimes;
  comparableMs: number;
  wallMs: number;
  peakRssMb: number;
}

export interface FullScaleResults {
  scale: number;
  data: { moviesRows: number; moviesMb: number; seriesRows: number; seriesMb: number; tmdbTitles: number };
  loadAverage: number;
  lakebook: SideSummary;
  duckdbScript: SideSummary;
  pandas: SideSummary | { skipped: string };
  ratios: Record<string, number | null>;
  sqlCells: { queries: number; p50Ms: number; p95Ms: number; maxMs: number };
}

const pandasMissing = (): string | null => {
  const probe = spawnSync("/usr/bin/python3", ["-c", "import pandas"], { encoding: "utf8" });
  return probe.status === 0 ? null : "python3-pandas is not installed (apt-get install -y python3-pandas)";
};

function summary(runs: SideRun[]): SideSummary {
  const stages: StageTimes = {};
  for (const stage of new Set(runs.flatMap((run) => Object.keys(run.stages)))) {
    stages[stage as keyof StageTimes] = median(runs.map((run) => run.stages[stage as keyof StageTimes] ?? 0));
  }
  return {
    runs: runs.length,
    stages,
    comparableMs: median(runs.map((run) => run.comparableMs)),
    wallMs: median(runs.map((run) => run.wallMs)),
    peakRssMb: median(runs.map((run) => run.peakRssMb)),
  };
}

const ratio = (a: number | undefined, b: number | undefined) =>
  a !== undefined && b !== undefined && b > 0 ? Math.round((a / b) * 100) / 100 : null;

/**
 * The full-scale comparison: the three sides alternate (a, b, c, a, b, c, …) so a busy moment on a
 * shared machine lands on all of them; medians, ratios, per-stage figures, peak RSS, then the SQL
 * cells' latency over the last Lakebook lake.
 */
export async function fullScaleBench(scale: number, runs: number): Promise<FullScaleResults> {
  const log = (text: string) => process.stderr.write(`full scale ×${scale}: ${text}\n`);
  log("generating or reusing the challenge files …");
  const data = await challengeData(scale);
  const work = path.join(CACHE_ROOT, `work-scale-${scale}`);
  const notebook = await writeBenchNotebook(data, path.join(work, "lakebook"));
  const tmdbDir = path.join(work, "tmdb-raw");
  const skipPandas = pandasMissing();
  const sides: Record<"lakebook" | "script" | "pandas", SideRun[]> = { lakebook: [], script: [], pandas: [] };
  const loads: number[] = [];
  for (let round = 1; round <= runs; round++) {
    loads.push(loadavg()[0] ?? 0);
    log(`round ${round}/${runs}: lakebook run …`);
    const lakebook = await runLakebook(notebook);
    sides.lakebook.push(lakebook);
    if (round === 1) await keepTmdbFiles(lakebook.lake, tmdbDir);
    log(`round ${round}/${runs}: hand-written DuckDB script …`);
    sides.script.push(await runDuckdbScript(data, tmdbDir, path.join(work, "script")));
    if (!skipPandas) {
      log(`round ${round}/${runs}: pandas …`);
      sides.pandas.push(await runPandas(data, tmdbDir, path.join(work, "pandas")));
    }
  }
  log("SQL cells over the last lake …");
  const latency = spawnSync(
    process.execPath,
    ["--import", "tsx", fileURLToPath(new URL("./sql-latency.ts", import.meta.url)), path.dirname(notebook)],
    { encoding: "utf8" },
  );
  if (latency.status !== 0) throw new Error(`sql-latency exited ${latency.status}: ${latency.stderr}`);
  const { ms } = lastJson<{ ms: number[] }>(latency.stdout);
  const lakebook = summary(sides.lakebook);
  const script = summary(sides.script);
  const pandas = skipPandas ? { skipped: skipPandas } : summary(sides.pandas);
  const transforms = (s: SideSummary) => (s.stages.trusted ?? 0) + (s.stages.refined ?? 0);
  const results: FullScaleResults = {
    scale,
    data: {
      moviesRows: data.movies.rows,
      moviesMb: Math.round(data.movies.bytes / 2 ** 20),
      seriesRows: data.series.rows,
      seriesMb: Math.round(data.series.bytes / 2 ** 20),
      tmdbTitles: data.tmdbSample.length,
    },
    loadAverage: Math.round(median(loads.map((l) => l * 10)) / 10),
    lakebook,
    duckdbScript: script,
    pandas,
    ratios: {
      "lakebook ÷ script, raw+trusted+refined+sql": ratio(lakebook.comparableMs, script.comparableMs),
      "lakebook ÷ script, raw (ingest ÷ copy)": ratio(lakebook.stages.raw, script.stages.raw),
      "lakebook ÷ script, trusted+refined": ratio(transforms(lakebook), transforms(script)),
      "lakebook ÷ script, sql": ratio(lakebook.stages.sql, script.stages.sql),
      "lakebook ÷ script, peak RSS": ratio(lakebook.peakRssMb, script.peakRssMb),
      "pandas ÷ lakebook, trusted+refined":
        "runs" in pandas ? ratio(transforms(pandas), transforms(lakebook)) : null,
    },
    sqlCells: {
      queries: ms.length,
      p50Ms: percentile(ms, 50),
      p95Ms: percentile(ms, 95),
      maxMs: Math.max(...ms),
    },
  };
  if (scale === 1) await writeResults(results);
  return results;
}
