import path from "node:path";
import type { Catalog } from "../../catalog";
import { LakebookError } from "../../contract";
import { quoteIdentifier, quoteString, tableReferences } from "../../engine";
import type { CsvInputLayout } from "./csv-input";
import { csvMode } from "./csv-layout";
import { catalogReadOptions, duckdbReadParameters } from "./read-options";
import type { TransformInput } from "./settings";

/** One view the SQL reads, as files in the lake: what the local engine and the Glue runner both get. */
export interface ResolvedInput {
  name: string;
  /** Lake-relative: a folder (ending in `/`, every file below it) or a glob. */
  path: string;
  format: "csv" | "json" | "parquet";
  options: Record<string, string>;
  dateColumn?: string;
  /** `database.table` when the input is a catalog table: the lineage names it. */
  table?: string;
}

/** Catalog tables become their location, format and the options their files are read with. */
export async function resolveInputs(
  inputs: Record<string, TransformInput>,
  catalog: Catalog,
  cellId: string,
): Promise<ResolvedInput[]> {
  const resolved: ResolvedInput[] = [];
  for (const [name, input] of Object.entries(inputs)) {
    if (input.kind === "files") {
      assertLakePath(input.path, `Transform cell "${cellId}", input ${name}`);
      resolved.push({
        name,
        path: input.path,
        format: input.format,
        options: input.options,
        ...dateColumnOf(input),
      });
      continue;
    }
    const [database = "", table = ""] = input.table.split(".");
    const found = await catalog.get(database, table);
    if (!found) {
      throw new LakebookError(
        "TRANSFORM_INPUT_MISSING",
        `Transform cell "${cellId}": input ${name} reads ${input.table}, which is not in the catalog.`,
        {
          hint: `Run the cell that writes ${input.table} first (for RAW tables, the ingest cell).`,
          params: { cell: cellId, input: name, table: input.table },
        },
      );
    }
    if (found.view) throw viewInput(cellId, name, input.table, found.view.sql);
    const folder = found.location.endsWith("/") ? found.location : `${found.location}/`;
    resolved.push({
      name,
      path: folder,
      format: found.format,
      // The user's options go over the table's, as `.options()` after `.options()` does in Spark.
      options: { ...catalogReadOptions(found.format), ...(input.options ?? {}) },
      table: input.table,
    });
  }
  // Checked here, not only in the local reader, so a misspelt mode never reaches a Glue run either.
  for (const input of resolved) {
    const mode = Object.entries(input.options).find(([key]) => key.toLowerCase() === "mode")?.[1];
    if (mode !== undefined) csvMode(mode, `Transform cell "${cellId}", input ${input.name}`);
  }
  return resolved;
}

/**
 * An Athena view has no files, and Glue's Spark cannot read Athena views (they are Presto views in
 * the catalog: https://docs.aws.amazon.com/athena/latest/ug/considerations-limitations-views.html,
 * queryable from Athena and Presto only). Say so, and name the tables the view selects from.
 */
function viewInput(cellId: string, name: string, view: string, sql: string): LakebookError {
  const tables = tableReferences(sql).reads.filter((read) => read.includes("."));
  const from = tables.length
    ? ` It selects from ${tables.join(", ")}: read ${tables.length > 1 ? "those" : "that"} instead, with the view's SQL in this cell.`
    : "";
  return new LakebookError(
    "TRANSFORM_INPUT_IS_VIEW",
    `Transform cell "${cellId}": input ${name} reads ${view}, an Athena view; Glue's Spark cannot read Athena views.`,
    {
      hint: `Make it a table instead (CREATE TABLE … AS SELECT in a SQL cell writes it into the lake), or read the tables it is built on.${from}`,
      params: { cell: cellId, input: name, table: view },
    },
  );
}

function dateColumnOf(input: { dateColumn?: string }): { dateColumn?: string } {
  return input.dateColumn ? { dateColumn: input.dateColumn } : {};
}

const EXTENSION = { csv: "csv", json: "json", parquet: "parquet" } as const;
const FILE_COLUMN = "__lakebook_file";

/**
 * `name AS (SELECT … FROM read_…(…))`: one CTE per input. A folder reads every file of the format
 * below it (RAW date folders, Hive partitions); `dateColumn` adds the date of the file's
 * `YYYY/MM/DD/` folders, which is how RAW records when they were collected.
 */
export function inputCte(input: ResolvedInput, lakeRoot: string, csvLayout?: CsvInputLayout): string {
  const parameters = duckdbReadParameters(input.format, input.options, `input ${input.name}`, csvLayout);
  parameters.push(`hive_partitioning = ${input.format === "parquet"}`);
  if (input.dateColumn) parameters.push(`filename = ${quoteString(FILE_COLUMN)}`);
  const reader = { csv: "read_csv", json: "read_json", parquet: "read_parquet" }[input.format];
  const source = `${reader}(${quoteString(inputGlob(input, lakeRoot))}, ${parameters.join(", ")})`;
  const select = input.dateColumn
    ? `SELECT * EXCLUDE (${FILE_COLUMN}), CAST(strptime(regexp_extract(${FILE_COLUMN}, '(\\d{4}/\\d{2}/\\d{2})/[^/]*$', 1), '%Y/%m/%d') AS DATE) AS ${quoteIdentifier(input.dateColumn)} FROM ${source}`
    : `SELECT * FROM ${source}`;
  return `${quoteIdentifier(input.name)} AS (${select})`;
}

/** The absolute glob of an input's files: a folder is every file of the format below it. */
export function inputGlob(input: ResolvedInput, lakeRoot: string): string {
  const root = path.resolve(lakeRoot).split(path.sep).join("/");
  const glob = input.path.endsWith("/") ? `${input.path}**/*.${EXTENSION[input.format]}` : input.path;
  return `${root}/${glob}`;
}

/** Inputs are lake paths: relative, no `..`, no backslashes, so a cell cannot read outside the lake. */
function assertLakePath(value: string, where: string): void {
  const segments = value.split("/");
  const problem = value.startsWith("/")
    ? "starts with / (paths are relative to the lake)"
    : value.includes("\\")
      ? "contains a backslash"
      : segments.some((segment) => segment === ".." || segment === ".")
        ? 'has a "." or ".." segment'
        : /^[a-z][a-z0-9+.-]*:/i.test(value)
          ? "is a URL (paths are relative to the lake; the S3 bucket is the notebook's target)"
          : undefined;
  if (problem) {
    throw new LakebookError(
      "TRANSFORM_INPUT_INVALID",
      `${where}: path ${JSON.stringify(value)} ${problem}.`,
      {
        hint: "Write a path inside the lake, e.g. Raw/TMDB/JSON/*/*/*/tmdb-movies-*.json or Trusted/Local/Parquet/movies/.",
        params: { path: value },
      },
    );
  }
}
