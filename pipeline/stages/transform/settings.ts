import { z } from "zod";
import { LakebookError } from "../../contract";
import type { Cell } from "../../document";
import { readCellSettings, type SettingsProblem } from "../cell-settings";
import { splitHeader } from "./header";

/**
 * A transform cell is Spark SQL (one SELECT, what Glue runs) under a header of `--` comment lines
 * holding its settings as YAML. Comments keep the body valid Spark SQL that can be pasted anywhere.
 *
 *     -- output: trusted.movies            # zone database (trusted | refined) and table
 *     -- partitionBy: [dt]                 # optional Hive partition columns
 *     -- mode: overwrite                   # overwrite (default) | append
 *     -- inputs:                           # views the SQL reads, besides catalog tables
 *     --   raw_movies: raw.movies          # a catalog table (its location, format and options)
 *     --   tmdb_json:                      # or files in the lake, read as Spark would read them
 *     --     path: Raw/TMDB/JSON/*\/*\/*\/tmdb-movies-*.json
 *     --     format: json
 *     --     options: { multiLine: "true" }
 *     --     dateColumn: dt                # a column holding the YYYY/MM/DD of each file's folder
 *     -- role: fact                        # REFINED only: fact | dimension | bridge
 *     -- primaryKey: [title_key]
 *     -- foreignKeys:
 *     --   - { columns: [title_key], references: { table: refined.dim_title, columns: [title_key] } }
 *     SELECT …
 */
export interface TransformSettings {
  output: { database: "trusted" | "refined"; table: string };
  partitionBy: string[];
  mode: "overwrite" | "append";
  inputs: Record<string, TransformInput>;
  role?: "fact" | "dimension" | "bridge";
  primaryKey?: string[];
  foreignKeys?: { columns: string[]; references: { table: string; columns: string[] } }[];
  description?: string;
  /** AWS only: the Glue job's settings for this cell (course defaults G.1X, 2 workers, 60 min). */
  glue?: {
    workerType?: "G.1X" | "G.2X" | "G.4X" | "G.8X";
    numberOfWorkers?: number;
    timeoutMinutes?: number;
  };
  /** AWS only: the user's own PySpark script (path relative to the notebook) instead of the generic runner. */
  glueScript?: string;
  /** The Spark SQL below the header, exactly as written. */
  sql: string;
  /** 1-based line in the cell where `sql` starts, so translation errors point at the cell's line. */
  sqlLine: number;
}

export type TransformInput =
  | {
      kind: "table";
      table: string;
      /** Reader options over the table's own (e.g. `mode: DROPMALFORMED` for a RAW CSV table). */
      options?: Record<string, string>;
    }
  | {
      kind: "files";
      path: string;
      format: "csv" | "json" | "parquet";
      /** Spark reader options, passed as written (values are strings, as Spark takes them). */
      options: Record<string, string>;
      dateColumn?: string;
    };

const EXAMPLE =
  "-- output: trusted.movies\n-- inputs:\n--   raw_movies: raw.movies\nSELECT * FROM raw_movies";
const NAME = /^[a-z][a-z0-9_]*$/;
const QUALIFIED = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/;
const column = z.string().regex(NAME, "is not a lower snake case column name");
const optionValue = z.union([z.string(), z.number(), z.boolean()]).transform(String);

const FilesInputSchema = z.strictObject({
  path: z.string().trim().min(1, "is empty"),
  format: z.enum(["csv", "json", "parquet"]),
  options: z.record(z.string(), optionValue).optional(),
  dateColumn: column.optional(),
});

/** A catalog table with reader options of its own: `{ table: raw.movies, options: { mode: DROPMALFORMED } }`. */
const TableInputSchema = z.strictObject({
  table: z.string().regex(QUALIFIED, "is not database.table"),
  options: z.record(z.string(), optionValue).optional(),
});

const HeaderSchema = z.strictObject({
  output: z.string().regex(QUALIFIED, "is not database.table in lower snake case"),
  partitionBy: z.array(column).optional(),
  mode: z.enum(["overwrite", "append"]).optional(),
  inputs: z
    .record(
      z.string().regex(NAME, "is not a lower snake case view name"),
      z.union([z.string().regex(QUALIFIED, "is not database.table"), TableInputSchema, FilesInputSchema]),
    )
    .optional(),
  role: z.enum(["fact", "dimension", "bridge"]).optional(),
  primaryKey: z.array(column).min(1).optional(),
  foreignKeys: z
    .array(
      z.strictObject({
        columns: z.array(column).min(1),
        references: z.strictObject({
          table: z.string().regex(QUALIFIED, "is not database.table"),
          columns: z.array(column).min(1),
        }),
      }),
    )
    .optional(),
  description: z.string().optional(),
  glue: z
    .strictObject({
      workerType: z.enum(["G.1X", "G.2X", "G.4X", "G.8X"]).optional(),
      numberOfWorkers: z.number().int().min(2).optional(),
      timeoutMinutes: z.number().int().min(1).max(2880).optional(),
    })
    .optional(),
  glueScript: z.string().trim().min(1).optional(),
});

export function parseTransformSettings(cell: Pick<Cell, "id" | "source">): TransformSettings {
  const problem: SettingsProblem = (
    message,
    hint = `Start the cell with its settings as -- comment lines, e.g.\n${EXAMPLE}`,
  ) =>
    new LakebookError("TRANSFORM_SETTINGS_INVALID", `Transform cell "${cell.id}": ${message}`, {
      hint,
      params: { cell: cell.id },
    });
  const { header, sql, sqlLine } = splitHeader(cell.source);
  if (!header.trim())
    throw problem(
      "the settings header is missing: the first lines must say at least `-- output: zone.table`.",
    );
  const parsed = readCellSettings(header, HeaderSchema, problem, (issue, shown) => {
    const field = issue.path.join(".");
    if (issue.code === "invalid_union" && issue.path[0] === "inputs") {
      return `"${field}" is neither a catalog table (database.table, or { table, options }) nor files ({ path, format: csv | json | parquet, options, dateColumn })${shown}.`;
    }
    return `"${field}" ${issue.message}${shown}.`;
  });
  const [database = "", table = ""] = parsed.output.split(".");
  if (database !== "trusted" && database !== "refined") {
    throw problem(
      database === "raw"
        ? `"output" is ${parsed.output}, but RAW is append-only: files arrive there whole from ingest and TMDB cells.`
        : `"output" is ${parsed.output}; a transform writes to the trusted or refined database.`,
      "Write to trusted.<table> (cleaned Parquet) or refined.<table> (the dimensional model).",
    );
  }
  if (!sql.trim()) throw problem("there is no SQL below the settings header.");
  if (parsed.role && database !== "refined") {
    throw problem(`"role" is for REFINED tables (the dimensional model); ${parsed.output} is TRUSTED.`);
  }
  const inputs: Record<string, TransformInput> = {};
  for (const [name, input] of Object.entries(parsed.inputs ?? {})) {
    inputs[name] =
      typeof input === "string"
        ? { kind: "table", table: input }
        : "table" in input
          ? { kind: "table", table: input.table, ...(input.options ? { options: input.options } : {}) }
          : {
              kind: "files",
              path: input.path,
              format: input.format,
              options: input.options ?? {},
              ...(input.dateColumn ? { dateColumn: input.dateColumn } : {}),
            };
  }
  return {
    output: { database, table },
    partitionBy: parsed.partitionBy ?? [],
    mode: parsed.mode ?? "overwrite",
    inputs,
    ...(parsed.role ? { role: parsed.role } : {}),
    ...(parsed.primaryKey ? { primaryKey: parsed.primaryKey } : {}),
    ...(parsed.foreignKeys ? { foreignKeys: parsed.foreignKeys } : {}),
    ...(parsed.description ? { description: parsed.description } : {}),
    ...(parsed.glue ? { glue: parsed.glue } : {}),
    ...(parsed.glueScript ? { glueScript: parsed.glueScript } : {}),
    sql,
    sqlLine,
  };
}
