import { z } from "zod";

/**
 * What one transform cell asks Spark to do: the contract between the transform stage (which builds
 * it), the local DuckDB path and `spark-scripts/lakebook_transform.py` (which validates it again in
 * `validate_spec`, with the same rules). The app uploads it as JSON to S3 and passes its URI as
 * `--spec`, since job arguments are limited in size and a cell's SQL can be long.
 */

/** Lower snake case: Glue and Athena fold names to lower case, so this means the same everywhere. */
const CATALOG_NAME = /^[a-z][a-z0-9_]*$/;
/** A Spark SQL identifier usable without quoting as a temp view name. */
const VIEW_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** `s3://bucket/key`: a folder, a file or a glob (Spark expands `*`). */
const S3_URI = /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/.+$/;
/** `s3://bucket/prefix/`: a folder, so it ends in "/". */
const S3_FOLDER = /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]\/(?:[^/]+\/)+$/;

export const TransformInputSchema = z.object({
  /** A folder (`…/Movies/2026/01/05/`), a file, or a glob (Spark expands `*` in any folder or name). */
  path: z.string().regex(S3_URI, "an S3 URI, e.g. s3://bucket/Raw/Local/CSV/Movies/2026/01/05/"),
  format: z.enum(["csv", "json", "parquet"]),
  /** Spark reader options, e.g. sep "|", nullValue "\\N", header "true", multiLine "true". */
  options: z.record(z.string(), z.string()),
  /** Adds this DATE column from each file's `YYYY/MM/DD/` folder (the RAW zone's processing date). */
  dateColumn: z.string().regex(CATALOG_NAME, "lower snake case").optional(),
});
export type TransformInput = z.infer<typeof TransformInputSchema>;

export const TransformOutputSchema = z.object({
  database: z.string().regex(CATALOG_NAME, "lower snake case, e.g. trusted"),
  table: z.string().regex(CATALOG_NAME, "lower snake case, e.g. movies"),
  path: z
    .string()
    .regex(S3_FOLDER, "an S3 folder URI ending in /, e.g. s3://bucket/Trusted/Spark/Parquet/movies/"),
  partitionBy: z
    .array(z.string().regex(CATALOG_NAME, "lower snake case column names"))
    .refine((names) => new Set(names).size === names.length, "no repeated column"),
  mode: z.enum(["overwrite", "append"]),
  description: z.string().optional(),
  /** Extra Glue table parameters, e.g. lakebook.role=fact, lakebook.primaryKey=["id"]. */
  tableParameters: z.record(z.string(), z.string()).optional(),
});
export type TransformOutput = z.infer<typeof TransformOutputSchema>;

export const TransformSpecSchema = z.object({
  cellId: z.string().min(1),
  /** Spark SQL: one SELECT or WITH … SELECT over the input views. */
  sql: z.string().trim().min(1),
  /** Views over files; may be empty when the SQL reads catalog tables (trusted.movies) directly. */
  inputs: z.record(z.string().regex(VIEW_NAME, "a view name of letters, digits and _"), TransformInputSchema),
  output: TransformOutputSchema,
});
export type TransformSpec = z.infer<typeof TransformSpecSchema>;

/** The line the runner prints last, so the app reads the outcome from the job's output log. */
export const RESULT_MARKER = "LAKEBOOK_RESULT";

const ResultColumnSchema = z.object({ name: z.string(), type: z.string() });

/** What the runner prints last: the written table, as Glue now describes it (Hive types). */
export const TransformResultSchema = z.object({
  /** Rows in the table after the run (for append: all of them, not only the new ones). */
  rows: z.number().int().nonnegative(),
  /** Data columns; partition columns are in partitionKeys only, as Glue lists them. */
  columns: z.array(ResultColumnSchema),
  partitionKeys: z.array(ResultColumnSchema),
  partitions: z.number().int().nonnegative(),
  /** The table's location after the run: `<output.path><JobRunId>/` for an overwrite. */
  location: z.string(),
});
export type TransformResult = z.infer<typeof TransformResultSchema>;
