import { z } from "zod";
import { ColumnSchema } from "./catalog";

/** A cell value after conversion to JSON: big integers beyond 2^53 travel as strings. */
export const CellValueSchema: z.ZodType<unknown> = z.unknown();
export const RowSchema = z.record(z.string(), CellValueSchema);
export type Row = z.infer<typeof RowSchema>;

/**
 * A query result kept on the service side: the first page travels with it and
 * the rest is fetched by `query.page`, so a million-row result never sits in the UI.
 */
export const QueryResultSchema = z.object({
  resultId: z.string(),
  columns: z.array(ColumnSchema),
  rowCount: z.number().int().nonnegative(),
  rows: z.array(RowSchema),
  ms: z.number().nonnegative(),
});
export type QueryResult = z.infer<typeof QueryResultSchema>;
