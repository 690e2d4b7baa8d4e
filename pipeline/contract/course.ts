import { z } from "zod";
import { MessageSchema } from "./messages";

/**
 * Course mode: every rule of the course's final challenge checked against what the student built
 * (the lake and the catalog), each with the evidence that decided it. The rule engine lives in
 * pipeline/course; these are its shapes on the wire, shared by the CLI's `check --json` and the UI.
 */
export const CourseStageSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type CourseStage = z.infer<typeof CourseStageSchema>;

export const CourseRuleResultSchema = z.object({
  /** Stable id, e.g. `raw.paths`; the UI keys its English and pt-BR titles on it. */
  id: z.string(),
  /** 0 for the rules that hold everywhere (no credentials in the project), else the stage. */
  stage: z.union([z.literal(0), CourseStageSchema]),
  title: z.string(),
  pass: z.boolean(),
  /** What decided it: paths, files, tables, counts or the query, never a secret's value. */
  evidence: z.array(z.string()),
  /** For a failing rule: the likely cause (the course's common mistakes) and how to fix it. */
  hint: z.string().optional(),
  /** The cell that produced the data the rule looked at, so the UI can select it. */
  cellId: z.string().optional(),
  /**
   * `evidence` and `hint` by code and params, for the UI to say in the user's language: one entry
   * per evidence line (null for a line that is data only, such as a path or an engine's error).
   */
  evidenceMessages: z.array(MessageSchema.nullable()).optional(),
  hintMessage: MessageSchema.optional(),
});
export type CourseRuleResult = z.infer<typeof CourseRuleResultSchema>;

/** What the check asked the query engine: on Athena every query is billed, so it is said. */
export const CourseCheckCostSchema = z.object({
  engine: z.enum(["duckdb", "athena"]),
  queries: z.number().int(),
  note: z.string(),
  noteMessage: MessageSchema,
});
export type CourseCheckCost = z.infer<typeof CourseCheckCostSchema>;

export const CourseCheckResultSchema = z.object({
  ok: z.boolean(),
  rules: z.array(CourseRuleResultSchema),
  cost: CourseCheckCostSchema.optional(),
});
export type CourseCheckResult = z.infer<typeof CourseCheckResultSchema>;

/** One thing a stage reset removes: a catalog entry, or every object under a lake folder. */
export const CourseResetItemSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("table"), name: z.string(), location: z.string() }),
  z.object({ kind: z.literal("objects"), prefix: z.string(), count: z.number().int(), bytes: z.number() }),
]);
export type CourseResetItem = z.infer<typeof CourseResetItemSchema>;

export const CourseResetPlanSchema = z.object({
  stage: CourseStageSchema,
  items: z.array(CourseResetItemSchema),
  /** What is deliberately kept (the RAW CSV sources), said so the confirmation can show it. */
  kept: z.array(z.string()),
});
export type CourseResetPlan = z.infer<typeof CourseResetPlanSchema>;

export const courseMethods = {
  "course.check": {
    params: z.object({ stage: CourseStageSchema.optional() }),
    result: CourseCheckResultSchema,
  },
  /** Lists what resetting the stage would remove; nothing is removed. */
  "course.resetPlan": {
    params: z.object({ stage: CourseStageSchema }),
    result: CourseResetPlanSchema,
  },
  /** Removes exactly the confirmed items; refused when the lake changed since the plan was shown. */
  "course.reset": {
    params: z.object({ stage: CourseStageSchema, items: z.array(CourseResetItemSchema) }),
    result: z.object({ removedObjects: z.number().int(), removedTables: z.array(z.string()) }),
  },
} as const;
