import { z } from "zod";
import { CellRunResultSchema } from "./runs";

/** Progress of long work, pushed over the event socket. `total` is absent when unknown. */
export const ServiceEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("run.started"), runId: z.string(), cellId: z.string() }),
  z.object({
    type: z.literal("run.progress"),
    runId: z.string(),
    cellId: z.string(),
    done: z.number().nonnegative(),
    total: z.number().nonnegative().optional(),
    unit: z.enum(["bytes", "rows", "requests", "titles", "steps"]),
    message: z.string().optional(),
  }),
  z.object({
    type: z.literal("run.log"),
    runId: z.string(),
    cellId: z.string(),
    level: z.enum(["info", "warn", "error"]),
    text: z.string(),
  }),
  z.object({ type: z.literal("run.finished"), runId: z.string(), result: CellRunResultSchema }),
  z.object({ type: z.literal("notebook.changed"), path: z.string() }),
]);
export type ServiceEvent = z.infer<typeof ServiceEventSchema>;
export type ServiceEventType = ServiceEvent["type"];
