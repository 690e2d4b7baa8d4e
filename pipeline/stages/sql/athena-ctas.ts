import { LakebookError } from "../../contract";
import type { AwsTarget } from "../../document";
import { blankCommentsAndStrings, tableReferences } from "../../engine";
import { writtenTablePrefix } from "../../lake";

/**
 * `CREATE TABLE trusted.x [WITH (…)] AS SELECT …` on Athena. Without `external_location` Athena writes
 * the table under the query-results location, outside the lake, where the catalog cannot follow it
 * (https://docs.aws.amazon.com/athena/latest/ug/considerations-ctas.html, "Specify a location for your
 * CTAS query results"; properties: https://docs.aws.amazon.com/athena/latest/ug/create-table-as.html).
 * So the statement is rewritten to write
 * Parquet into the lake's zone, at the folder a local CTAS uses (`writtenTablePrefix`), keeping the
 * user's other properties (partitioned_by, write_compression, …); a property that says otherwise
 * (another location, another format) is refused with the one that fits.
 */
const CTAS =
  /^\s*create\s+table\s+(if\s+not\s+exists\s+)?(?:(?:"?)([a-z_][a-z0-9_]*)(?:"?)\s*\.\s*)?(?:"?)([a-z_][a-z0-9_]*)(?:"?)\s+(with\s*\()?/i;

export interface AthenaCtas {
  database: string;
  table: string;
  /** The lake key the table's files go to, e.g. `Refined/top_subgenres/`. */
  location: string;
  /** The statement Athena runs: the user's, with external_location and format set. */
  sql: string;
  /** The catalog tables the SELECT reads, for the table's lineage. */
  reads: string[];
}

/** The CTAS rewritten into the lake, or undefined when `sql` is not a CTAS. */
export function athenaCtas(sql: string, target: AwsTarget, defaultDatabase: string): AthenaCtas | undefined {
  const blank = blankCommentsAndStrings(sql);
  const match = CTAS.exec(blank);
  if (!match) return undefined;
  let at = match[0].length;
  const properties: { key: string; value: string; start: number; end: number }[] = [];
  let withEnd = -1;
  if (match[4]) {
    const close = closingParen(blank, at);
    if (close < 0) return undefined;
    for (const part of splitTopLevel(blank, at, close)) {
      const eq = blank.indexOf("=", part.start);
      if (eq < 0 || eq >= part.end) continue;
      properties.push({
        key: blank.slice(part.start, eq).trim().toLowerCase(),
        value: sql.slice(eq + 1, part.end).trim(),
        start: part.start,
        end: part.end,
      });
    }
    withEnd = close;
    at = close + 1;
  }
  if (!/^\s*as\s/i.test(blank.slice(at))) return undefined;
  const database = (match[2] ?? defaultDatabase).toLowerCase();
  const table = (match[3] ?? "").toLowerCase();
  const name = `${database}.${table}`;
  if (database !== "trusted" && database !== "refined") {
    throw new LakebookError(
      "ATHENA_CTAS_OUTSIDE_LAKE",
      `CREATE TABLE ${name} AS … writes a table into ${database}, which is not a zone of the lake.`,
      {
        hint: "Create it in trusted or refined (CREATE TABLE refined.x AS SELECT …); Lakebook writes it under Trusted/ or Refined/.",
      },
    );
  }
  const select = blank.slice(at).replace(/^\s*as\s/i, "");
  const reads = tableReferences(select).reads.filter((read) => read.includes("."));
  const location = writtenTablePrefix(database, table, reads);
  const uri = `s3://${target.bucket}/${lakePrefix(target.prefix)}${location}`;
  const wanted: Record<string, string> = { external_location: `'${uri}'`, format: "'PARQUET'" };
  for (const property of properties) {
    const expected = wanted[property.key];
    if (expected === undefined) continue;
    if (
      unquote(property.value).replace(/\/+$/, "").toUpperCase() !==
      unquote(expected).replace(/\/+$/, "").toUpperCase()
    ) {
      throw new LakebookError(
        "ATHENA_CTAS_PROPERTY",
        `CREATE TABLE ${name} sets ${property.key} = ${property.value}, but tables of the lake are Parquet at their zone's folder: ${property.key} = ${expected}.`,
        {
          hint: `Remove ${property.key} from the WITH clause: Lakebook sets external_location = ${wanted.external_location} and format = 'PARQUET', as a local run writes ${location}.`,
        },
      );
    }
    delete wanted[property.key];
  }
  const added = Object.entries(wanted).map(([key, value]) => `${key} = ${value}`);
  let rewritten: string;
  if (withEnd >= 0) {
    const inside = sql.slice(match[0].length, withEnd).trim();
    rewritten = `${sql.slice(0, match[0].length)}${[...added, ...(inside ? [inside] : [])].join(", ")}${sql.slice(withEnd)}`;
  } else {
    rewritten = `${sql.slice(0, at).trimEnd()} WITH (${added.join(", ")}) ${sql.slice(at).trimStart()}`;
  }
  return { database, table, location, sql: rewritten, reads };
}

function lakePrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? "").replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "" : `${trimmed}/`;
}

function unquote(value: string): string {
  return value.trim().replace(/^'(.*)'$/s, "$1");
}

/** The index of the `)` closing the parenthesis opened just before `from`, or -1. */
function closingParen(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i += 1) {
    if (text[i] === "(") depth += 1;
    if (text[i] === ")") depth -= 1;
    if (depth === 0) return i;
  }
  return -1;
}

/** Comma-separated parts of text[from, to), ignoring commas inside brackets (ARRAY['a','b']). */
function splitTopLevel(text: string, from: number, to: number): { start: number; end: number }[] {
  const parts: { start: number; end: number }[] = [];
  let depth = 0;
  let start = from;
  for (let i = from; i < to; i += 1) {
    const c = text[i];
    if (c === "(" || c === "[") depth += 1;
    if (c === ")" || c === "]") depth -= 1;
    if (c === "," && depth === 0) {
      parts.push({ start, end: i });
      start = i + 1;
    }
  }
  parts.push({ start, end: to });
  return parts;
}
