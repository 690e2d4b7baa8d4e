import { z } from "zod";

/**
 * One step of a publish, in the order QuickSight needs them: the permissions check, the Athena data
 * source, one dataset per chart, the analysis, the dashboard. `planned` on a local target (nothing
 * is sent), `done` once AWS answered, `failed` when it cannot go through as it stands (a chart that
 * does not translate, a permission missing).
 */
export const PublishStepSchema = z.object({
  kind: z.enum(["permissions", "dataSource", "dataSet", "analysis", "dashboard"]),
  /** The QuickSight id (or ARN once made) of what the step creates or updates. */
  name: z.string(),
  /** What happens to it: `createOrUpdate` in a plan; what AWS did after a publish. */
  action: z.enum(["check", "createOrUpdate", "created", "updated", "reused"]),
  state: z.enum(["planned", "done", "failed"]),
  /** The step's particulars, as the engine words them: columns, the source, each check. */
  details: z.array(z.string()),
});
export type PublishStep = z.infer<typeof PublishStepSchema>;

/**
 * What the publish cell shows: its steps as a checklist, notes, the dashboard's address once
 * published, and `text`, the same report as plain text (what `lakebook run` prints).
 */
export const PublishOutputSchema = z.object({
  type: z.literal("publish"),
  target: z.enum(["local", "aws"]),
  dashboardName: z.string(),
  dashboardUrl: z.string().optional(),
  steps: z.array(PublishStepSchema),
  notes: z.array(z.string()),
  text: z.string(),
});
export type PublishOutput = z.infer<typeof PublishOutputSchema>;
