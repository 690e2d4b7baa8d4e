import type { CellOutput, TmdbOutput, TransformOutput } from "../contract";

/**
 * A cell output as plain text for the terminal, or undefined when the summary line says enough
 * (tables are queried with `lakebook query`; ingest prints its own lines while it works).
 */
export function outputReport(output: CellOutput | undefined): string | undefined {
  switch (output?.type) {
    case "text":
    case "publish":
      return output.text;
    case "tmdb":
      return tmdbReport(output);
    case "transform":
      return transformReport(output);
    case "checks": {
      // A failing report is already printed as the CHECKS_FAILED error's hint, beneath.
      const passed = output.tables.every((table) => table.checks.every((check) => check.status === "pass"));
      return passed ? output.report : undefined;
    }
    default:
      return undefined;
  }
}

/** The counts, the files, and every title that did not make it, as the cell view shows them. */
export function tmdbReport(output: TmdbOutput): string {
  const { counts, requests } = output;
  const lines = [
    output.source === "offline sample"
      ? "Source: the offline sample (no TMDB_READ_ACCESS_TOKEN or TMDB_API_KEY set), built from the demo data."
      : "Source: the TMDB API.",
    `Processing date ${output.date}: ${counts.total} titles — ${counts.found} found, ${counts.notFound} not found, ${counts.failed} failed.`,
    `Requests: ${requests.requests}, retries: ${requests.retries}, from cache: ${requests.cacheHits}.`,
  ];
  if (counts.skipped > 0) lines.push(`Skipped ${counts.skipped} values of id that are not IMDb ids.`);
  if (output.discover) {
    const { discovered, withoutImdbId, failed } = output.discover;
    lines.push(`Discover: ${discovered} titles (${withoutImdbId} without an IMDb id), ${failed} failed.`);
  }
  lines.push(output.note, "", `Files (${output.files.length}):`, ...output.files.map((file) => `  ${file}`));
  if (counts.notFound > 0) {
    lines.push("", `Not found on TMDB (${counts.notFound}):`, `  ${output.notFound.join(", ")}`);
    lines.push(...more(counts.notFound - output.notFound.length, output.manifest));
  }
  if (counts.failed > 0) {
    lines.push("", `Failed (${counts.failed}; a rerun tries them again):`);
    for (const failed of output.failed) lines.push(`  ${failed.imdbId}: ${failed.reason}`);
    lines.push(...more(counts.failed - output.failed.length, output.manifest));
  }
  if (output.query) {
    lines.push("", `Query on Athena (${output.query.table}, one row per file):`);
    lines.push(...output.query.sql.split("\n").map((line) => `  ${line}`));
  }
  return lines.join("\n");
}

function more(hidden: number, manifest: string | undefined): string[] {
  if (hidden <= 0) return [];
  return [`  … and ${hidden} more${manifest ? `, all listed in ${manifest}` : ""}.`];
}

/** Where the table went and what it read; the PySpark is in the UI (and `--json`), not repeated here. */
export function transformReport(output: TransformOutput): string {
  const { table, glue } = output;
  const lines = [
    `${table.database}.${table.name} → ${table.location} (Parquet${table.role ? `, ${table.role}` : ""})`,
    `Read from: ${table.producedBy?.inputs.join(", ") || "catalog tables named in the SQL"}`,
  ];
  if (glue) {
    const cost = glue.costUsd !== undefined ? `, ≈ $${glue.costUsd.toFixed(4)}` : "";
    lines.push(`Glue job ${glue.jobName} run ${glue.runId}: ${glue.state}${cost}`);
  }
  lines.push(...output.notes.map((note) => `Note: ${note}`));
  return lines.join("\n");
}
