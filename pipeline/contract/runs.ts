import { z } from "zod";
import { ChartOutputSchema } from "./chart-output";
import { ChecksOutputSchema } from "./checks-output";
import { ServiceErrorSchema } from "./errors";
import { PublishOutputSchema } from "./publish-output";
import { QueryResultSchema } from "./results";
import { TmdbOutputSchema } from "./tmdb-output";
import { TransformOutputSchema } from "./transform-output";

/** Status of a cell in the UI; `skipped` is only reported by headless runs after an earlier failure. */
export const CellStatusSchema = z.enum(["idle", "queued", "running", "ok", "error", "stale", "skipped"]);
export type CellStatus = z.infer<typeof CellStatusSchema>;

/** The ingest validator's warning codes (pipeline/stages/ingest/csv; a test keeps the two lists equal). */
export const IngestWarningCodeSchema = z.enum([
  "BOM",
  "CRLF",
  "MIXED_LINE_ENDINGS",
  "NO_FINAL_NEWLINE",
  "NO_ROWS",
  "INVALID_UTF8",
  "BLANK_LINE",
  "UNTERMINATED_QUOTE",
  "MULTILINE_FIELD",
  "STRAY_QUOTE",
  "STRAY_CR",
  "TOO_FEW_FIELDS",
  "TOO_MANY_FIELDS",
  "NOT_A_NUMBER",
  "EMPTY_FIELD",
]);

const count = z.number().int().nonnegative();
const previewValue = z.union([z.string(), z.number(), z.null()]);
const ColumnKindSchema = z.enum(["text", "integer", "decimal"]);

/** One column of an ingested file, profiled by DuckDB over the whole file. */
export const IngestColumnProfileSchema = z.object({
  name: z.string(),
  type: ColumnKindSchema,
  /** Share of rows whose value is `\N`, 0..1. */
  nullRatio: z.number().min(0).max(1),
  /** approx_count_distinct: a HyperLogLog estimate, a few percent off on large columns. */
  distinct: count,
  /** Numbers for numeric columns (compared as numbers), text otherwise; null when all are null. */
  min: previewValue,
  max: previewValue,
  /** The most frequent values (approx_top_k) with their exact counts, most frequent first. */
  top: z.array(z.object({ value: z.string(), count })).max(5),
});

/** What the ingest cell did with one file: where it landed, what it holds, and how to do it in boto3. */
export const IngestedFileSchema = z.object({
  /** The source path as written in the cell (relative to the notebook's folder) or given to the CLI. */
  file: z.string(),
  dataset: z.enum(["movies", "series"]),
  /** The object's key in the lake (or bucket, with the target's prefix). */
  key: z.string(),
  /** The object as a URL: `s3://bucket/key` or `file:///…/key`. */
  location: z.string(),
  bytes: count,
  /** Data records after the header. */
  rows: count,
  columns: z.array(z.string()),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The same bytes were already at the key: nothing was sent. */
  alreadyIngested: z.boolean(),
  /** How the stored object was checked against the source before reporting ok. */
  verified: z.string(),
  ms: z.number().nonnegative(),
  warnings: z.array(
    z.object({ line: z.number().int().positive(), code: IngestWarningCodeSchema, message: z.string() }),
  ),
  warningCount: count,
  warningCounts: z.partialRecord(IngestWarningCodeSchema, count),
  /** The first rows, `\N` as null and numbers typed in the numeric columns. */
  preview: z.object({
    columns: z.array(z.object({ name: z.string(), type: ColumnKindSchema })),
    rows: z.array(z.array(previewValue)),
  }),
  /** Null when DuckDB could not read the file; `profileNote` says why. */
  profile: z.object({ rows: count, columns: z.array(IngestColumnProfileSchema) }).nullable(),
  profileNote: z.string().optional(),
  /** `raw.movies` / `raw.series` when registered in the catalog; null when not (an S3 lake). */
  table: z.string().nullable(),
  /** The equivalent boto3 script, for students: read-only text. */
  boto3: z.string(),
  /** A sentence explaining the key's parts (zone/source/format/dataset/date). */
  pathExplanation: z.string(),
});
export type IngestedFile = z.infer<typeof IngestedFileSchema>;

export const CellOutputSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("table"), result: QueryResultSchema }),
  z.object({ type: z.literal("text"), text: z.string() }),
  z.object({ type: z.literal("ingest"), files: z.array(IngestedFileSchema).min(1) }),
  TmdbOutputSchema,
  TransformOutputSchema,
  ChartOutputSchema,
  ChecksOutputSchema,
  PublishOutputSchema,
]);
export type CellOutput = z.infer<typeof CellOutputSchema>;

/** What a finished cell run reports: the same shape in `lakebook run --json` and in the UI. */
export const CellRunResultSchema = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(["ok", "error", "skipped"]),
  ms: z.number().nonnegative(),
  summary: z.string(),
  error: ServiceErrorSchema.optional(),
  output: CellOutputSchema.optional(),
});
export type CellRunResult = z.infer<typeof CellRunResultSchema>;

export const RunStateSchema = z.object({
  runId: z.string(),
  cellId: z.string(),
  status: CellStatusSchema,
  startedAt: z.string(),
  result: CellRunResultSchema.optional(),
});
export type RunState = z.infer<typeof RunStateSchema>;

/**
 * A cell's last run as recorded beside the notebook (`.lakebook/`), with the source it ran, so the
 * UI can show it after a reload and tell whether it is stale. A table output keeps its first rows
 * only, with an empty `resultId`: the engine's result went with the session that ran it.
 */
export const RestoredRunSchema = z.object({
  result: CellRunResultSchema,
  source: z.string(),
  finishedAt: z.string(),
});
export type RestoredRun = z.infer<typeof RestoredRunSchema>;
