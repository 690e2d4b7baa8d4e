import { z } from "zod";

/** The document model on the wire; mirrors pipeline/document's Notebook. */
export const CellAttributeSchema = z.object({ key: z.string(), value: z.string().optional() });
export const CellSchema = z.object({
  id: z.string().regex(/^[A-Za-z][\w-]*$/),
  kind: z.string().regex(/^[A-Za-z][\w-]*$/),
  attrs: z.array(CellAttributeSchema),
  source: z.string(),
});
export const NotebookSchema = z.object({
  meta: z.record(z.string(), z.unknown()),
  cells: z.array(CellSchema),
});
