// `npm run bench`: every scenario in its own process, then one table with the ratios side by side;
// then the whole pipeline at full scale beside a hand-written DuckDB script and pandas.
// `npm run bench -- --scale 0.1 --runs 3` runs the full-scale part smaller; `--full-scale-only` skips the scenarios.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { resultsTable } from "./full-scale/results";
import { fullScaleBench } from "./full-scale/run-full-scale";
import { scenarios } from "./scenarios";
import { ensureBuiltUi, uiScenarios } from "./ui-scenarios";

const ONE_PASS = "ingest one pass into the local lake, full-size movies.csv";
const TASKSET = "/usr/bin/taskset";

const { values: options } = parseArgs({
  options: {
    scale: { type: "string", default: "1" },
    runs: { type: "string", default: "3" },
    "full-scale-only": { type: "boolean", default: false },
  },
});
const scale = Number(options.scale);
const runs = Math.max(1, Math.round(Number(options.runs)));
if (!(scale > 0 && scale <= 4))
  throw new Error(`--scale must be a number above 0 and at most 4, got ${options.scale}`);
if (!options["full-scale-only"]) await runScenarios();
console.log(`\nThe pipeline at full scale (×${scale}):\n`);
console.log(resultsTable(await fullScaleBench(scale, runs)));

async function runScenarios(): Promise<void> {
  const script = fileURLToPath(new URL("./scenario.ts", import.meta.url));
  const results: Record<string, Record<string, number | string>> = {};
  ensureBuiltUi();
  const node = [process.execPath, "--expose-gc", "--import", "tsx", script];
  const runs: [string, string[]][] = Object.keys(scenarios).map((name) => [name, [...node, name]]);
  // The ingest target is "on one core": the one pass again with the process pinned to one (Linux).
  if (existsSync(TASKSET))
    runs.push([`${ONE_PASS}, pinned to one core`, [TASKSET, "-c", "0", ...node, ONE_PASS]]);
  for (const [name, [command, ...args]] of runs) {
    process.stderr.write(`bench: ${name} …\n`);
    const run = spawnSync(command as string, args, { encoding: "utf8" });
    if (run.status !== 0) {
      process.stderr.write(run.stderr);
      results[name] = { error: `exit ${run.status}` };
      continue;
    }
    results[name] = JSON.parse(run.stdout.trim().split("\n").at(-1) ?? "{}");
  }
  // The browser scenarios report other figures than the Node ones: a table of their own stays readable.
  const isUi = (name: string) => name in uiScenarios;
  console.table(Object.fromEntries(Object.entries(results).filter(([name]) => !isUi(name))));
  console.table(Object.fromEntries(Object.entries(results).filter(([name]) => isUi(name))));

  const ratio = (a: string, b: string, key: string) => {
    const x = Number(results[a]?.[key]);
    const y = Number(results[b]?.[key]);
    return Number.isFinite(x) && Number.isFinite(y) && x > 0 ? `${(y / x).toFixed(1)}×` : "n/a";
  };
  console.log("\nSide by side:");
  console.log(
    `  TMDB client, lifted ÷ 40 requests/s:           ${ratio("tmdb client at 40 requests/s (offline sample)", "tmdb client, limit lifted (baseline)", "achievedPerS")} (at the limit: ${results["tmdb client at 40 requests/s (offline sample)"]?.achievedPerS ?? "n/a"} requests/s)`,
  );
  console.log(
    `  local put peak RSS, whole buffer ÷ streamed:   ${ratio("local put, streamed", "local put, whole buffer (baseline)", "peakRssMb")}`,
  );
  console.log(
    `  local put speed, streamed ÷ s3rver multipart:   ${ratio("s3 put, streamed multipart (s3rver)", "local put, streamed", "mbPerS")}`,
  );
  console.log(
    `  1M rows heap, read whole ÷ paged:               ${ratio("engine, 1M rows paged", "engine, 1M rows read whole (baseline)", "heapMb")}`,
  );
  console.log(
    `  1M rows peak RSS, read whole ÷ paged:           ${ratio("engine, 1M rows paged", "engine, 1M rows read whole (baseline)", "peakRssMb")}`,
  );
  console.log(
    `  trusted_movies full size, the cell ÷ one COPY:  ${ratio("transform trusted_movies, hand-written DuckDB COPY (baseline)", "transform trusted_movies, full size", "ms")}` +
      ` (${results["transform trusted_movies, full size"]?.ms ?? "n/a"} ms for ${results["transform trusted_movies, full size"]?.csvRows ?? "n/a"} rows)`,
  );
  const validator = results["ingest validator, full-size movies.csv"];
  const onePass = results[ONE_PASS];
  const onOneCore = results[`${ONE_PASS}, pinned to one core`];
  console.log(
    `  ingest validator (validation + SHA-256), MB/s of CPU: ${validator?.mbPerCpuS ?? "n/a"}` +
      ` (main thread ${validator?.mbPerMainThreadCpuS ?? "n/a"})`,
  );
  console.log(
    `  ingest one pass (validation, SHA-256, store, CRC-32 proof), MB/s of CPU: ${onePass?.mbPerCpuS ?? "n/a"}` +
      ` (main thread ${onePass?.mbPerMainThreadCpuS ?? "n/a"}); of wall time on one core: ${onOneCore?.mbPerS ?? "n/a"} (target 500)`,
  );
  console.log(
    `  200-cell open to interactive, 200 ÷ 20 cells:   ${ratio("ui, 20 cells open to interactive (baseline)", "ui, 200 cells open to interactive", "ms")}` +
      ` (${results["ui, 200 cells open to interactive"]?.ms ?? "n/a"} ms; budget 1,000 ms)`,
  );
  console.log(
    `  typing 20 chars, other cells re-rendered / mutated: ${results["ui, typing 20 chars in 1 of 200 cells"]?.otherCellsMutated ?? "n/a"}`,
  );
  console.log(
    `  scroll p95 frame, 1M rows ÷ 1,000 rows:         ${ratio("ui, scroll 1,000-row table (baseline)", "ui, scroll 1M-row table", "p95FrameMs")}`,
  );
}
