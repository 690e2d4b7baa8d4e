import type { Engine } from "../../../engine";
import { type ObjectStore, type ProcessingDate, processingDateOf } from "../../../lake";
import type { TmdbSettings } from "../settings";
import { enrichTitles } from "./enrich-titles";
import type { TmdbGetter } from "./getter";
import type { TmdbEnrichProgress, TmdbEnrichResult } from "./result";
import { readSelection, type Selection } from "./select";
import type { FileLimits } from "./writer";

export type { TmdbEnrichProgress, TmdbEnrichResult } from "./result";

export interface TmdbEnrichOptions {
  store: ObjectStore;
  engine: Engine;
  /** The TMDB client (rate limit, retries, cache, credentials live there). */
  getter: TmdbGetter;
  /** `discover` (optional) also pages `/discover/movie` after the selected titles; see `runTmdbEnrichment`. */
  settings: Pick<TmdbSettings, "select" | "fields" | "concurrency" | "name" | "discover"> & {
    date?: ProcessingDate;
  };
  /** Titles already selected elsewhere (Athena on an aws target); the engine runs the select otherwise. */
  selection?: Selection;
  signal?: AbortSignal;
  onProgress?: (progress: TmdbEnrichProgress) => void;
  /** The clock for the default processing date (today, UTC). */
  now?: () => Date;
  /** For tests; the challenge's limits otherwise. */
  limits?: FileLimits;
}

/**
 * Enriches the selected titles from TMDB into RAW: the cell's select (DuckDB) → /find by IMDb id →
 * /movie or /tv details → the chosen fields → files of at most 100 records (`enrichTitles` does
 * everything after the select). Resumable: titles in the lake's checkpoint (written, or not found)
 * are not fetched again; failed ones are retried. Throws CANCELLED on abort and TMDB_UNAUTHORIZED on
 * a 401, both with the checkpoint as of the last whole file.
 *
 * Discover mode (`settings.discover`): after the selected titles, `/discover/movie` is paged with the
 * filters from page 1 to min(total_pages, maxPages, 500); every movie whose TMDB id is not enriched yet
 * (by a selected title or an earlier discover, this run or before) gets the same `/movie/{id}` details
 * and goes to the movies files. Discover results carry no IMDb id, the details do; a title TMDB knows
 * no IMDb id of is still written, with `imdb_id: null`, and counted as `withoutImdbId` — the
 * challenge joins TMDB to the CSVs by imdb_id, so those records will not join. Pages are read again
 * on every run (the client's cache makes that cheap); details only for TMDB ids not written yet. A
 * page that fails is listed in `discoverFailures` and the run goes on with the next page.
 */
export async function runTmdbEnrichment(options: TmdbEnrichOptions): Promise<TmdbEnrichResult> {
  const { settings } = options;
  const date = settings.date ?? processingDateOf((options.now ?? (() => new Date()))());
  const selection =
    options.selection ?? (await readSelection(options.engine, settings.select, options.signal));
  const { partial: _partial, ...result } = await enrichTitles({
    store: options.store,
    getter: options.getter,
    titles: selection.titles,
    skipped: selection.skipped,
    settings: {
      fields: settings.fields,
      concurrency: settings.concurrency,
      name: settings.name,
      date,
      ...(settings.discover ? { discover: settings.discover } : {}),
    },
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
  });
  return result;
}
