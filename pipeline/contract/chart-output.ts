import { z } from "zod";

const count = z.number().int().nonnegative();

/**
 * What a chart cell produced: a Vega-Lite spec ready to draw (its data inlined), how many rows the
 * source had and how many reached the browser, and the SQL that ran. With `pushedDown`, the
 * encodings' aggregates, bins and time units ran in the engine and the spec reads their results.
 */
export const ChartOutputSchema = z.object({
  type: z.literal("chart"),
  /** The full Vega-Lite spec with `data.values` inlined and `mark.tooltip` on unless the cell set it. */
  spec: z.record(z.string(), z.json()),
  /** Rows of the source (the SQL cell's result or the table) before any aggregation. */
  sourceRows: count,
  /** Rows inlined in `spec.data.values`. */
  sentRows: count,
  pushedDown: z.boolean(),
  /** The statement whose rows were inlined. */
  sql: z.string(),
  /** Vega-Lite's own warnings and Lakebook's (rows cut at the cap, data in the spec replaced…). */
  warnings: z.array(z.string()),
});
export type ChartOutput = z.infer<typeof ChartOutputSchema>;
