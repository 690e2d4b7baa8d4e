import type { TmdbOutput, TmdbSampleFile } from "../../contract";
import type { TmdbEnrichResult } from "./enrich";

/**
 * The TMDB cell's output from a finished run. The lists are capped: a full run over IMDb's horror
 * titles can miss thousands on TMDB, and the manifest in the lake already lists every one.
 */
export const LIST_LIMIT = 500;

export const TV_HORROR_NOTE =
  "TMDB's TV genres have no Horror: series are selected by the IMDb genres in RAW and matched by IMDb id.";

export type TmdbSourceLabel = TmdbOutput["source"];

export function tmdbOutput(
  result: TmdbEnrichResult,
  extras: {
    source: TmdbSourceLabel;
    samples: TmdbSampleFile[];
    python: string;
    withDiscover: boolean;
    query?: TmdbOutput["query"];
  },
): TmdbOutput {
  return {
    type: "tmdb",
    source: extras.source,
    date: result.date,
    name: result.name,
    counts: {
      total: result.total,
      found: result.found,
      notFound: result.notFound,
      failed: result.failed,
      skipped: result.skipped.length,
    },
    ...(extras.withDiscover
      ? {
          discover: {
            discovered: result.discovered,
            withoutImdbId: result.withoutImdbId,
            failed: result.discoverFailures.length,
          },
        }
      : {}),
    requests: {
      requests: result.requests.requests,
      retries: result.requests.retries,
      cacheHits: result.requests.cacheHits,
    },
    files: result.files,
    samples: extras.samples,
    notFound: result.notFoundIds.slice(0, LIST_LIMIT),
    failed: result.failedTitles.slice(0, LIST_LIMIT),
    ...(result.manifestKey ? { manifest: result.manifestKey } : {}),
    note: TV_HORROR_NOTE,
    python: extras.python,
    ...(extras.query ? { query: extras.query } : {}),
  };
}

export function summaryOf(result: TmdbEnrichResult, source: TmdbSourceLabel): string {
  return `${source}: ${result.total} titles — ${result.found} found, ${result.notFound} not found, ${result.failed} failed; ${result.files.length} files in Raw/TMDB/JSON/${result.date.replaceAll("-", "/")}/`;
}

/** Titles for the Python script to loop over: those in the sample, else the ones that missed. */
export function exampleTitles(
  samples: readonly TmdbSampleFile[],
  result: Pick<TmdbEnrichResult, "notFoundIds" | "failedTitles">,
): { imdbId: string; kind?: "movie" | "tv" }[] {
  const sampled = samples.flatMap((file) =>
    file.sample.flatMap(({ record }) =>
      typeof record.imdb_id === "string" ? [{ imdbId: record.imdb_id, kind: file.kind }] : [],
    ),
  );
  if (sampled.length > 0) return sampled;
  return [...result.notFoundIds, ...result.failedTitles.map((f) => f.imdbId)]
    .slice(0, 5)
    .map((imdbId) => ({ imdbId }));
}
