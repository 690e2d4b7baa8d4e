import { z } from "zod";
import { ServiceErrorSchema } from "./errors";
import { QueryResultSchema } from "./results";

/** Status of a cell in the UI; `skipped` is only reported by headless runs after an earlier failure. */
export const CellStatusSchema = z.enum(["idle", "queued", "running", "ok", "error", "stale", "skipped"]);
export type CellStatus = z.infer<typeof CellStatusSchema>;

export const CellOutputSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("table"), result: QueryResultSchema }),
  z.object({ type: z.literal("text"), text: z.string() }),
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
