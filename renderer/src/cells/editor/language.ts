import type { Cell } from "../../../../pipeline/document";

export type EditorLanguage = "sql" | "yaml" | "json" | "markdown" | "plaintext";

const SETTINGS_KINDS = new Set(["ingest", "tmdb", "publish", "transform"]);
const LOOKS_LIKE_SQL = /^\s*(--[^\n]*\n\s*)*(SELECT|WITH|INSERT|CREATE|FROM)\b/i;

/**
 * The editor language for a cell: SQL, Markdown, Vega-Lite JSON for charts, YAML for settings cells.
 * A transform whose body is Spark SQL (as in the demo notebook) is edited as SQL.
 */
export function languageFor(cell: Pick<Cell, "kind" | "source">): EditorLanguage {
  if (cell.kind === "sql") return "sql";
  if (cell.kind === "markdown") return "markdown";
  if (cell.kind === "chart") return "json";
  if (cell.kind === "transform" && LOOKS_LIKE_SQL.test(cell.source)) return "sql";
  if (SETTINGS_KINDS.has(cell.kind)) return "yaml";
  return "plaintext";
}
