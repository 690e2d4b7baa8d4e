import { z } from "zod";
import { FIELD_NAMES, type TmdbField } from "../enrich";
import { TitleSchema } from "./run-files";

/**
 * What Lakebook sends the function: where the lake is, which secret holds the TMDB credential (its
 * name, never its value), the titles (inline, or the key of `titles.json` in the lake) and the
 * cell's settings. One run may take several invocations: `invocation` counts them, so a status
 * left by the previous one is not mistaken for the current one's.
 */
const NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export const TmdbLambdaEventSchema = z
  .object({
    bucket: z.string().min(3),
    prefix: z.string().optional(),
    region: z.string().min(1),
    secretId: z.string().min(1),
    runId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    invocation: z.number().int().min(1),
    titles: z.array(TitleSchema).optional(),
    skipped: z.array(z.string()).optional(),
    titlesKey: z.string().min(1).optional(),
    settings: z.object({
      fields: z.array(z.enum(FIELD_NAMES as [TmdbField, ...TmdbField[]])),
      name: z.string().regex(NAME),
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      requestsPerSecond: z.number().positive(),
      concurrency: z.number().int().min(1).max(64),
      discover: z
        .object({ filters: z.record(z.string(), z.string()), maxPages: z.number().int().min(1) })
        .optional(),
    }),
  })
  .refine((event) => (event.titles === undefined) !== (event.titlesKey === undefined), {
    message: "give either titles or titlesKey",
  });

export type TmdbLambdaEvent = z.infer<typeof TmdbLambdaEventSchema>;
