import type { TmdbDiscoverSettings } from "../settings";
import type { DiscoverFailure } from "./checkpoint";
import type { TmdbGetter } from "./getter";
import { outcomeOfFailure } from "./title-requests";
import { isTmdbId } from "./writer";

/** TMDB answers no discover page past 500. */
const DISCOVER_PAGE_LIMIT = 500;

interface DiscoverAnswer {
  page?: unknown;
  total_pages?: unknown;
  results?: { id?: unknown }[];
}

export interface DiscoverPaging {
  signal: AbortSignal;
  /** TMDB ids already enriched or discovered: not listed again. */
  known: (tmdbId: number) => boolean;
  onPageFailed: (failure: DiscoverFailure) => void;
  /** Checked before each page; true stops paging (the caller knows the run is out of time). */
  outOfTime: () => boolean;
}

/**
 * Pages `/discover/movie` from page 1 to min(total_pages, maxPages, 500) and returns the TMDB ids
 * not known yet, in page order. A page that fails is reported and skipped; a 401 throws.
 */
export async function discoverMovieIds(
  getter: TmdbGetter,
  discover: TmdbDiscoverSettings,
  paging: DiscoverPaging,
): Promise<number[]> {
  const { signal } = paging;
  const ids: number[] = [];
  const seen = new Set<number>();
  let last = Math.min(discover.maxPages, DISCOVER_PAGE_LIMIT);
  for (let page = 1; page <= last && !signal.aborted && !paging.outOfTime(); page++) {
    const pageFailed = (reason: string) =>
      paging.onPageFailed({ page, reason: `discover page ${page}: ${reason}`.slice(0, 300) });
    let answer: Awaited<ReturnType<TmdbGetter["get"]>>;
    try {
      answer = await getter.get<DiscoverAnswer>(
        "/discover/movie",
        { ...discover.filters, page: String(page) },
        { signal },
      );
    } catch (error) {
      if (signal.aborted) break;
      pageFailed(`error: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    if (signal.aborted) break;
    if (!answer.ok) {
      if (answer.reason === "unauthorized") outcomeOfFailure(answer, "discover"); // throws TMDB_UNAUTHORIZED
      const tries = answer.attempts > 1 ? ` after ${answer.attempts} attempts` : "";
      pageFailed(`HTTP ${answer.status}${tries}: ${answer.message}`);
      continue;
    }
    const body = answer.body as DiscoverAnswer | null;
    if (typeof body !== "object" || body === null || !Array.isArray(body.results)) {
      pageFailed("the answer is not a discover page");
      continue;
    }
    if (typeof body.total_pages === "number") last = Math.min(last, body.total_pages);
    for (const result of body.results) {
      const id = result?.id;
      if (!isTmdbId(id) || seen.has(id) || paging.known(id)) continue;
      seen.add(id);
      ids.push(id);
    }
  }
  return ids;
}
