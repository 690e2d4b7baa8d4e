import { z } from "zod";
import { LakebookError, type ServiceError } from "../../../contract";
import { formatDateIso, type ObjectStore, type ProcessingDate, readAll } from "../../../lake";
import { LAKEBOOK_TMDB_ROOT, type TmdbEnrichProgress, type TmdbEnrichResult } from "../enrich";

/**
 * The files a Lambda run keeps in the lake, beside the checkpoint: `_lakebook/tmdb/<date>/lambda/
 * <runId>/titles.json` (the titles to enrich: an asynchronous event is capped at 256 KB) and
 * `status.json` (what the function is doing; Lakebook polls it, since an asynchronous invoke
 * answers nothing). Both are JSON written by the store, so a reader never sees half a file.
 */
export function lambdaRunKey(
  date: ProcessingDate,
  runId: string,
  file: "titles.json" | "status.json",
): string {
  return `${LAKEBOOK_TMDB_ROOT}/${formatDateIso(date)}/lambda/${runId}/${file}`;
}

export const TitleSchema = z.object({
  imdbId: z.string().regex(/^tt\d+$/),
  kind: z.enum(["movie", "tv"]).optional(),
});

export const TitlesFileSchema = z.object({
  titles: z.array(TitleSchema),
  skipped: z.array(z.string()).default([]),
});
export type TitlesFile = z.infer<typeof TitlesFileSchema>;

const ProgressSchema = z.object({
  total: z.number(),
  done: z.number(),
  found: z.number(),
  notFound: z.number(),
  failed: z.number(),
});
// The result is written by the same code that reads it; only its counts are checked.
const ResultSchema = ProgressSchema.loose().transform((value) => value as unknown as TmdbEnrichResult);
const ErrorSchema = z.object({ code: z.string(), message: z.string(), hint: z.string().optional() });
const base = { runId: z.string(), invocation: z.number().int(), updatedAt: z.string() };

export const LambdaRunStatusSchema = z.discriminatedUnion("state", [
  z.object({ ...base, state: z.literal("running"), progress: ProgressSchema }),
  /** Stopped before Lambda's time limit with titles left; the next invocation goes on. `result` is
   * missing when the hard stop cut requests short (the checkpoint still holds every whole file). */
  z.object({
    ...base,
    state: z.literal("partial"),
    progress: ProgressSchema,
    result: ResultSchema.optional(),
  }),
  z.object({ ...base, state: z.literal("done"), result: ResultSchema }),
  z.object({ ...base, state: z.literal("failed"), error: ErrorSchema }),
]);
export type LambdaRunStatus = z.infer<typeof LambdaRunStatusSchema>;

type WithoutBase<T> = T extends unknown ? Omit<T, "runId" | "invocation" | "updatedAt"> : never;
/** A status as the handler reports it; the writer adds the run id, invocation and time. */
export type LambdaRunReport = WithoutBase<LambdaRunStatus>;

export function progressOf(result: TmdbEnrichProgress): TmdbEnrichProgress {
  const { total, done, found, notFound, failed } = result;
  return { total, done, found, notFound, failed };
}

export function failureOf(error: ServiceError): LambdaRunReport {
  return {
    state: "failed",
    error: { code: error.code, message: error.message, ...(error.hint ? { hint: error.hint } : {}) },
  };
}

/** Reads and checks a JSON file of the run; undefined when it is not there (yet). */
export async function readRunFile<S extends z.ZodType>(
  store: ObjectStore,
  key: string,
  schema: S,
): Promise<z.output<S> | undefined> {
  if (!(await store.head(key))) return undefined;
  const text = (await readAll(await store.get(key))).toString("utf8");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw unreadable(key, (error as Error).message);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw unreadable(key, parsed.error.issues[0]?.message ?? "unexpected shape");
  return parsed.data as z.output<S>;
}

function unreadable(key: string, reason: string): LakebookError {
  return new LakebookError(
    "TMDB_LAMBDA_FILE_INVALID",
    `The Lambda run's file "${key}" cannot be read: ${reason}.`,
    {
      hint: "Delete the run's folder under _lakebook/tmdb/<date>/lambda/ and run the cell again.",
    },
  );
}
