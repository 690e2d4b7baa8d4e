import { z } from "zod";

/**
 * The result of `dataFile.upload` (a stream method, see streams.ts): a file chosen in the UI landed
 * in the notebook's `data/` folder, where an ingest cell names it.
 */
export const DataFileUploadSchema = z.object({
  /** Relative to the notebook's folder, as an ingest cell names it: `data/movies.csv`. */
  path: z.string().min(1),
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** An existing file with other content was replaced (the request said `?replace=1`). */
  replaced: z.boolean(),
  /** The same bytes were already there: nothing changed. */
  unchanged: z.boolean(),
});
export type DataFileUpload = z.infer<typeof DataFileUploadSchema>;

/** The error code of an upload refused because the name is taken by other content (HTTP 409). */
export const DATA_FILE_EXISTS = "DATA_FILE_EXISTS";
