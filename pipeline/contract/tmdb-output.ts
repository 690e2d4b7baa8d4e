import { z } from "zod";

const count = z.number().int().nonnegative();

/** Where a part of a sample record was cut to keep the output small: `credits.cast`, 5 items left out. */
export const TmdbSampleCutSchema = z.object({
  /** Dotted path in the record, array indexes as numbers: `credits.cast`, `genres.0.name`. */
  path: z.string(),
  omitted: count,
  unit: z.enum(["items", "characters"]),
});

/** One record of a RAW TMDB file as written (JSON), with long arrays and texts cut. */
export const TmdbSampleRecordSchema = z.object({
  record: z.record(z.string(), z.json()),
  cuts: z.array(TmdbSampleCutSchema),
});

/** The first records of one RAW TMDB file, read back from the lake after the run. */
export const TmdbSampleFileSchema = z.object({
  key: z.string(),
  kind: z.enum(["movie", "tv"]),
  /** Records in the whole file. */
  records: count,
  sample: z.array(TmdbSampleRecordSchema).max(5),
});

/**
 * What the TMDB cell did: where the records came from, the counts, the files, a sample of records,
 * the titles that did not make it, and the same run written in Python for students.
 */
export const TmdbOutputSchema = z.object({
  type: z.literal("tmdb"),
  /** "offline sample": no TMDB credentials were set; a local stand-in built from the demo data answered. */
  source: z.enum(["TMDB", "offline sample"]),
  /** The processing date of the RAW folder, YYYY-MM-DD. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** The cell's file prefix (`tmdb` → tmdb-movies-0001.json). */
  name: z.string(),
  /** Over the selected titles, including those done by earlier runs of the same name and date. */
  counts: z.object({
    total: count,
    found: count,
    notFound: count,
    failed: count,
    /** Values of `id` that are not IMDb ids: never looked up. */
    skipped: count,
  }),
  /** Discover mode only: titles written from `/discover/movie`, those without an IMDb id, failures. */
  discover: z.object({ discovered: count, withoutImdbId: count, failed: count }).optional(),
  /** This run's requests (a rerun with nothing new makes few or none). */
  requests: z.object({ requests: count, retries: count, cacheHits: count }),
  /** Every data file of this name and date. */
  files: z.array(z.string()),
  /** The first file of movies and the first of series, when there are any. */
  samples: z.array(TmdbSampleFileSchema).max(2),
  /** IMDb ids TMDB did not know; at most a few hundred, the manifest lists all (`counts.notFound`). */
  notFound: z.array(z.string()),
  failed: z.array(z.object({ imdbId: z.string(), reason: z.string() })),
  /** `_lakebook/tmdb/<date>/<name>.manifest.json`: every list in full. */
  manifest: z.string().optional(),
  /** What to know about the data: TMDB TV has no Horror genre. */
  note: z.string(),
  /** The equivalent script (requests + boto3), for students: read-only text. */
  python: z.string(),
  /**
   * The catalog table over RAW TMDB (`raw.tmdb`) when the run registered it, and the SQL that reads
   * this run's records on Athena (the local lake runs the same text on DuckDB).
   */
  query: z.object({ table: z.string(), sql: z.string() }).optional(),
});
export type TmdbOutput = z.infer<typeof TmdbOutputSchema>;
export type TmdbSampleFile = z.infer<typeof TmdbSampleFileSchema>;
export type TmdbSampleRecord = z.infer<typeof TmdbSampleRecordSchema>;
