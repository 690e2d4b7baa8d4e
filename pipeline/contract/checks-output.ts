import { z } from "zod";
import { MessageParamsSchema } from "./messages";
import { CellValueSchema } from "./results";

const count = z.number().int().nonnegative();

/** The closed set of data checks a check cell can state (pipeline/stages/checks/expectations.ts). */
export const CheckKindSchema = z.enum(["not_null", "unique", "accepted_values", "row_count", "references"]);

/** One data check on one table, as it came out. */
export const CheckOutcomeSchema = z.object({
  kind: CheckKindSchema,
  /** The check in English, as the CLI prints it: "genre_id → refined.dim_genre.genre_id". */
  check: z.string(),
  /**
   * The check's variable parts, so the UI says it in its language by `kind`: `column`, `columns`,
   * `values`, `min`, `max`, `table`, `refColumns` (lists already joined with ", ").
   */
  params: MessageParamsSchema,
  status: z.enum(["pass", "fail", "error"]),
  /** Rows that break the check (0 when it passes or could not run; row_count: 1 when out of range). */
  failing: count,
  /** row_count only, when out of range: how many rows the table has. */
  tableRows: count.optional(),
  /** Up to 5 failing rows, or the offending values with their row counts, as a small table. */
  samples: z.object({ columns: z.array(z.string()), rows: z.array(z.array(CellValueSchema)).max(5) }),
  /** Why the check's own query failed (status "error"): a missing table or column, a type mismatch. */
  error: z.object({ code: z.string(), message: z.string(), hint: z.string().optional() }).optional(),
  /** The SQL that decided it, for the curious: it returns nothing when the check passes. */
  sql: z.string(),
});
export type CheckOutcome = z.infer<typeof CheckOutcomeSchema>;

/**
 * What a check cell found: per checked table, its checks with pass, fail or error and the failing
 * samples. A failing run carries it too (the cell still fails with CHECKS_FAILED, so Run all stops).
 */
export const ChecksOutputSchema = z.object({
  type: z.literal("checks"),
  engine: z.enum(["local", "athena"]),
  /** In the order the cell lists them; a table listed twice is one entry. */
  tables: z.array(z.object({ table: z.string(), checks: z.array(CheckOutcomeSchema).min(1) })),
  /** The same results as plain text, as `lakebook run` prints them. */
  report: z.string(),
});
export type ChecksOutput = z.infer<typeof ChecksOutputSchema>;
