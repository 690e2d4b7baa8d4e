import type { DiscoverFailure, FailedTitle } from "./checkpoint";
import type { RequestLog } from "./getter";

/** Counts over the selected titles, including those done by earlier runs of the same name and date. */
export interface TmdbEnrichProgress {
  total: number;
  done: number;
  found: number;
  notFound: number;
  failed: number;
}

export interface TmdbEnrichResult extends TmdbEnrichProgress {
  date: string;
  name: string;
  /** Values of `id` that are not IMDb ids; never looked up. */
  skipped: string[];
  /** Titles this run looked up (the rest were done before). */
  fetched: number;
  notFoundIds: string[];
  failedTitles: FailedTitle[];
  /** Keys this run wrote; empty when there was nothing new. */
  filesWritten: string[];
  /** Every data file of this name and date. */
  files: string[];
  requests: RequestLog;
  /** Discover mode: titles written from `/discover/movie` (this run and earlier ones of the same name and date). */
  discovered: number;
  /** Of `discovered`, those TMDB knows no IMDb id of (written with `imdb_id: null`). */
  withoutImdbId: number;
  /** Discovered titles this run looked up (details fetched). */
  discoverFetched: number;
  /** Discover pages that could not be read and discovered titles that failed. */
  discoverFailures: DiscoverFailure[];
  /** The manifest (`_lakebook/tmdb/<date>/<name>.manifest.json`); undefined before any run completed. */
  manifestKey: string | undefined;
}
