import type { TmdbGetter, TmdbResult } from "../../../../../pipeline/stages/tmdb/enrich";

/** An in-memory TMDB behind the getter interface: shapes from TMDB's documentation. */
export interface FakeTitle {
  kind: "movie" | "tv";
  tmdbId: number;
}

export interface FakeTmdb extends TmdbGetter {
  calls: string[];
  /** Detail requests per IMDb id (`/movie/…` or `/tv/…`), the measure of "fetched"; discovered
   * movies are keyed by their path (`/movie/<id>`). */
  detailsFetched: Map<string, number>;
  /** Called after each answered call; tests abort from here. */
  afterCall?: (path: string) => void;
}

export function fakeTmdb(
  titles: Map<string, FakeTitle>,
  faults: {
    failFind?: Set<string>;
    failDetail?: Set<string>;
    throwFind?: Set<string>;
    unauthorizedAfter?: number;
    /** `/discover/movie`: the TMDB ids of each page, pages that answer 503, and the discoverable
     * movies (TMDB id → their `imdb_id`, null when TMDB has none). */
    discover?: { pages: number[][]; failPages?: Set<number>; movies: Map<number, string | null> };
  } = {},
): FakeTmdb {
  const byTmdb = new Map([...titles].map(([imdbId, title]) => [`/${title.kind}/${title.tmdbId}`, imdbId]));
  const fake: FakeTmdb = {
    calls: [],
    detailsFetched: new Map(),
    async get<T>(path: string, query?: Record<string, string>, options?: { signal?: AbortSignal }) {
      await new Promise((resolve) => setImmediate(resolve));
      if (options?.signal?.aborted) {
        return { ok: false, status: 0, reason: "failed", message: "aborted", attempts: 1 } as TmdbResult<T>;
      }
      fake.calls.push(path);
      const result = answer(path, query);
      fake.afterCall?.(path);
      return result as TmdbResult<T>;
    },
  };
  function answer(path: string, query?: Record<string, string>): TmdbResult {
    if (faults.unauthorizedAfter !== undefined && fake.calls.length > faults.unauthorizedAfter) {
      return {
        ok: false,
        status: 401,
        reason: "unauthorized",
        message: "Invalid API key: api_key=SECRET123",
        attempts: 1,
      };
    }
    const find = /^\/find\/(tt\d+)$/.exec(path);
    if (find) {
      const imdbId = find[1] as string;
      if (query?.external_source !== "imdb_id") throw new Error("find without external_source");
      if (faults.throwFind?.has(imdbId)) throw new Error("socket hang up");
      if (faults.failFind?.has(imdbId)) {
        return { ok: false, status: 503, reason: "failed", message: "Service unavailable", attempts: 4 };
      }
      const title = titles.get(imdbId);
      const hit = title ? [{ id: title.tmdbId, media_type: title.kind }] : [];
      return {
        ok: true,
        status: 200,
        fromCache: false,
        body: {
          movie_results: title?.kind === "movie" ? hit : [],
          tv_results: title?.kind === "tv" ? hit : [],
          person_results: [],
        },
      };
    }
    if (path === "/discover/movie" && faults.discover) {
      const page = Number(query?.page);
      if (query?.with_genres !== "27") throw new Error("discover without with_genres");
      if (faults.discover.failPages?.has(page)) {
        return { ok: false, status: 503, reason: "failed", message: "Service unavailable", attempts: 4 };
      }
      const ids = faults.discover.pages[page - 1] ?? [];
      const pages = faults.discover.pages.length;
      return {
        ok: true,
        status: 200,
        fromCache: false,
        body: {
          page,
          total_pages: pages,
          total_results: faults.discover.pages.flat().length,
          results: ids.map((id) => ({ id, title: `Discovered ${id}`, genre_ids: [27] })),
        },
      };
    }
    const discovered = /^\/movie\/(\d+)$/.exec(path);
    const tmdbId = Number(discovered?.[1]);
    if (!byTmdb.has(path) && faults.discover?.movies.has(tmdbId)) {
      fake.detailsFetched.set(path, (fake.detailsFetched.get(path) ?? 0) + 1);
      if (query?.append_to_response !== "credits,keywords,release_dates")
        throw new Error("unexpected append");
      return {
        ok: true,
        status: 200,
        fromCache: false,
        body: { ...detailOf("", { kind: "movie", tmdbId }), imdb_id: faults.discover.movies.get(tmdbId) },
      };
    }
    const imdbId = byTmdb.get(path);
    if (!imdbId) return { ok: false, status: 404, reason: "not_found", message: "not found", attempts: 1 };
    fake.detailsFetched.set(imdbId, (fake.detailsFetched.get(imdbId) ?? 0) + 1);
    if (faults.failDetail?.has(imdbId)) {
      return { ok: false, status: 500, reason: "failed", message: "Internal error", attempts: 4 };
    }
    const title = titles.get(imdbId) as FakeTitle;
    const expected =
      title.kind === "movie"
        ? "credits,keywords,release_dates"
        : "credits,keywords,external_ids,content_ratings";
    if (query?.append_to_response !== expected)
      throw new Error(`unexpected append ${query?.append_to_response}`);
    return { ok: true, status: 200, fromCache: false, body: detailOf(imdbId, title) };
  }
  return fake;
}

function detailOf(imdbId: string, title: FakeTitle): Record<string, unknown> {
  const credits = { cast: [{ id: 1, name: "Lead", gender: 1, character: "Hero", order: 0 }], crew: [] };
  if (title.kind === "movie") {
    return {
      id: title.tmdbId,
      imdb_id: imdbId,
      title: `Movie ${imdbId}`,
      budget: title.tmdbId * 1000,
      revenue: 0,
      credits,
      keywords: { keywords: [{ id: 9, name: "haunted house" }] },
      release_dates: { results: [] },
    };
  }
  return {
    id: title.tmdbId,
    name: `Series ${imdbId}`,
    credits,
    keywords: { results: [{ id: 8, name: "detective" }] },
    external_ids: { imdb_id: imdbId },
    content_ratings: { results: [{ iso_3166_1: "US", rating: "TV-MA" }] },
  };
}
