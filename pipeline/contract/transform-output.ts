import { z } from "zod";
import { CatalogTableSchema } from "./catalog";
import { QueryResultSchema } from "./results";

/** A Glue job run: its id, final state, and what it cost (undefined when Glue did not say). */
export const GlueRunSummarySchema = z.object({
  jobName: z.string(),
  runId: z.string(),
  state: z.string(),
  executionSeconds: z.number().nonnegative().optional(),
  dpuSeconds: z.number().nonnegative().optional(),
  costUsd: z.number().nonnegative().optional(),
});

/**
 * CSV rows whose number of fields differs from the header's, and what Spark's `mode` did with them:
 * PERMISSIVE kept them (extra fields dropped, missing ones NULL), DROPMALFORMED skipped them.
 * Files are lake paths (never the user's own folders); `first` is where the first one is.
 */
export const MalformedRowsSchema = z.object({
  input: z.string(),
  mode: z.enum(["PERMISSIVE", "DROPMALFORMED", "FAILFAST"]),
  rows: z.number().int().nonnegative(),
  files: z.array(z.object({ file: z.string(), rows: z.number().int().nonnegative() })),
  first: z
    .object({
      file: z.string(),
      line: z.number().int().positive(),
      fields: z.number().int().nonnegative().optional(),
    })
    .optional(),
});
export type MalformedRows = z.infer<typeof MalformedRowsSchema>;

/**
 * What a transform cell did: the table it wrote as the catalog now knows it (location, columns,
 * partitions, rows, role, keys, lineage), where it ran, the first rows, and the PySpark it stands for.
 */
export const TransformOutputSchema = z.object({
  type: z.literal("transform"),
  table: CatalogTableSchema,
  engine: z.enum(["local", "glue"]),
  /** Rewrites worth knowing from the Spark SQL → DuckDB translation (local runs). */
  notes: z.array(z.string()),
  /** The first rows of the new table (local runs; Glue tables are read through Athena). */
  preview: QueryResultSchema.optional(),
  glue: GlueRunSummarySchema.optional(),
  /** CSV inputs with rows that did not fit their header (local runs). */
  malformed: z.array(MalformedRowsSchema).optional(),
  /** The same transform as a PySpark script, for students: read-only text. */
  pyspark: z.string(),
});
export type TransformOutput = z.infer<typeof TransformOutputSchema>;
