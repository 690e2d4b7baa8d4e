import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { FullScaleResults, SideSummary } from "./run-full-scale";

const RESULTS = fileURLToPath(new URL("../results.json", import.meta.url));
const README = fileURLToPath(new URL("../README.md", import.meta.url));
const BEGIN = "<!-- full-scale table: written by `npm run bench` -->";
const END = "<!-- end of the full-scale table -->";

const s = (ms: number | undefined) => (ms === undefined ? "—" : `${(ms / 1000).toFixed(2)} s`);

/** The comparison as a Markdown table: one row per stage, one column per side. */
export function resultsTable(r: FullScaleResults): string {
  const pandas: Partial<SideSummary> = "runs" in r.pandas ? r.pandas : {};
  const row = (label: string, pick: (side: Partial<SideSummary>) => string) =>
    `| ${label} | ${pick(r.lakebook)} | ${pick(r.duckdbScript)} | ${pick(pandas)} |`;
  const stage = (name: keyof SideSummary["stages"]) => (side: Partial<SideSummary>) => s(side.stages?.[name]);
  return [
    `Scale ${r.scale}: movies ${r.data.moviesRows.toLocaleString("en-US")} rows / ${r.data.moviesMb} MB, series ${r.data.seriesRows.toLocaleString("en-US")} rows / ${r.data.seriesMb} MB, TMDB select sampled to ${r.data.tmdbTitles} titles; medians of ${r.lakebook.runs} alternating runs, load average ${r.loadAverage} on this machine.`,
    "",
    "| work | Lakebook (`lakebook run`, cells) | hand-written DuckDB script | pandas |",
    "|---|---|---|---|",
    row("RAW (both CSVs)", stage("raw")),
    row("TRUSTED", stage("trusted")),
    row("REFINED", stage("refined")),
    row("SQL cells of the demo", stage("sql")),
    row("raw + trusted + refined + sql", (side) => s(side.comparableMs)),
    row("TMDB / check / charts (Lakebook only)", (side) =>
      side === r.lakebook
        ? `${s(side.stages?.tmdb)} / ${s(side.stages?.check)} / ${s(side.stages?.chart)}`
        : "—",
    ),
    row("process wall time", (side) => s(side.wallMs)),
    row("peak RSS", (side) => (side.peakRssMb === undefined ? "—" : `${side.peakRssMb} MB`)),
    "",
    ...Object.entries(r.ratios).map(([name, value]) => `- ${name}: ${value === null ? "n/a" : `${value}×`}`),
    `- SQL cells over TRUSTED/REFINED (${r.sqlCells.queries} queries): p50 ${r.sqlCells.p50Ms} ms, p95 ${r.sqlCells.p95Ms} ms, max ${r.sqlCells.maxMs} ms`,
  ].join("\n");
}

/** `results.json` keeps the latest full-scale figures; the README's table is rewritten from them. */
export async function writeResults(results: FullScaleResults): Promise<void> {
  await writeFile(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
  const readme = await readFile(README, "utf8");
  const from = readme.indexOf(BEGIN);
  const to = readme.indexOf(END);
  if (from < 0 || to < 0) return;
  await writeFile(
    README,
    `${readme.slice(0, from + BEGIN.length)}\n${resultsTable(results)}\n${readme.slice(to)}`,
  );
}
