import { movieDetails, summaryOf, tvDetails } from "./details";
import { MOVIE_GENRES, TV_GENRES, tmdbGenres } from "./genres";
import { type OfflineTitle, tmdbIdFor } from "./offline-title";

/**
 * The offline TMDB API as a pure function from a request path to a status and a JSON body, so the
 * routing is tested without a socket; `offline-server.ts` puts it on 127.0.0.1.
 */
export interface OfflineAnswer {
  status: number;
  body: unknown;
}

const PAGE_SIZE = 20;
const MAX_PAGES = 500;

function error(status: number, code: number, message: string): OfflineAnswer {
  return { status, body: { status_code: code, status_message: message, success: false } };
}

const NOT_FOUND = () => error(404, 34, "The resource you requested could not be found.");

export class OfflineTmdbApi {
  private readonly byImdb = new Map<string, OfflineTitle>();
  private readonly movies = new Map<number, OfflineTitle>();
  private readonly series = new Map<number, OfflineTitle>();

  constructor(titles: readonly OfflineTitle[]) {
    for (const title of titles) {
      this.byImdb.set(title.imdbId, title);
      (title.kind === "movie" ? this.movies : this.series).set(tmdbIdFor(title.imdbId), title);
    }
  }

  /** `pathAndQuery` as received, e.g. `/3/find/tt0000001?external_source=imdb_id`. */
  answer(method: string, pathAndQuery: string): OfflineAnswer {
    if (method !== "GET") return error(405, 3, "Only GET is served by the offline sample.");
    const url = new URL(pathAndQuery, "http://offline");
    const path = url.pathname.replace(/^\/3(?=\/)/, "").replace(/\/+$/, "");
    const query = url.searchParams;
    const parts = path.split("/").filter((p) => p !== "");
    const [head, second, third] = parts;

    if (head === "find" && second && parts.length === 2) return this.find(decodeURIComponent(second), query);
    if ((head === "movie" || head === "tv") && second && parts.length === 2) {
      const titles = head === "movie" ? this.movies : this.series;
      const title = /^\d+$/.test(second) ? titles.get(Number(second)) : undefined;
      if (!title) return NOT_FOUND();
      const append = new Set((query.get("append_to_response") ?? "").split(",").map((s) => s.trim()));
      return { status: 200, body: head === "movie" ? movieDetails(title, append) : tvDetails(title, append) };
    }
    if (head === "discover" && (second === "movie" || second === "tv") && parts.length === 2) {
      return this.discover(second, query);
    }
    if (head === "genre" && third === "list" && parts.length === 3) {
      if (second === "movie") return { status: 200, body: { genres: MOVIE_GENRES } };
      if (second === "tv") return { status: 200, body: { genres: TV_GENRES } };
    }
    return NOT_FOUND();
  }

  private find(externalId: string, query: URLSearchParams): OfflineAnswer {
    if (query.get("external_source") !== "imdb_id") {
      return error(422, 22, "external_source must be imdb_id in the offline sample.");
    }
    const title = this.byImdb.get(externalId);
    const result = title ? [summaryOf(title)] : [];
    return {
      status: 200,
      body: {
        movie_results: title?.kind === "movie" ? result : [],
        tv_results: title?.kind === "tv" ? result : [],
        person_results: [],
        tv_episode_results: [],
        tv_season_results: [],
      },
    };
  }

  /** `with_genres`: commas mean all of, pipes any of (as TMDB); sorted by popularity, then id. */
  private discover(kind: "movie" | "tv", query: URLSearchParams): OfflineAnswer {
    const page = Number(query.get("page") ?? "1");
    if (!Number.isInteger(page) || page < 1 || page > MAX_PAGES) {
      return error(
        400,
        22,
        "Invalid page: Pages start at 1 and max at 500. They are expected to be an integer.",
      );
    }
    const filter = query.get("with_genres") ?? "";
    const anyOf = filter.includes("|");
    const wanted = filter
      .split(/[|,]/)
      .filter((s) => s.trim() !== "")
      .map(Number);
    const matches = [...(kind === "movie" ? this.movies : this.series).values()]
      .map((title) => ({
        title,
        summary: summaryOf(title),
        genres: tmdbGenres(kind, title.genres).map((g) => g.id),
      }))
      .filter(({ genres }) =>
        wanted.length === 0
          ? true
          : anyOf
            ? wanted.some((g) => genres.includes(g))
            : wanted.every((g) => genres.includes(g)),
      )
      .sort(
        (a, b) =>
          (b.summary.popularity as number) - (a.summary.popularity as number) ||
          (a.summary.id as number) - (b.summary.id as number),
      );
    const totalPages = Math.min(MAX_PAGES, Math.ceil(matches.length / PAGE_SIZE));
    return {
      status: 200,
      body: {
        page,
        total_pages: totalPages,
        total_results: matches.length,
        results: matches.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((m) => m.summary),
      },
    };
  }
}
