/** What the offline sample server needs to know about one title; everything else it derives. */
export interface OfflineTitle {
  /** `tt` + digits; the TMDB id is derived from it (see `tmdbIdFor`). */
  imdbId: string;
  kind: "movie" | "tv";
  title: string;
  year: number | null;
  /** IMDb genre names ("Horror", "Sci-Fi"); translated to TMDB's list per kind. */
  genres: readonly string[];
  /** IMDb rating (0–10); served as `vote_average`. */
  rating: number | null;
  votes: number | null;
  /** ISO date; default January 1st of `year`. */
  releaseDate?: string;
  /** 0 = unknown, as TMDB does. */
  budget?: number;
  revenue?: number;
  runtime?: number | null;
  director?: string | null;
  cast?: readonly OfflineCastMember[];
}

export interface OfflineCastMember {
  name: string;
  character: string | null;
  /** TMDB's code: 0 unknown, 1 female, 2 male, 3 non-binary. */
  gender: 0 | 1 | 2 | 3;
}

/**
 * The TMDB id of a title: the digits of its IMDb id, so the same title has the same id in every
 * run and every process. TMDB's movie and TV ids are separate namespaces, and the demo's IMDb ids
 * are unique across movies and series, so no two offline titles share one.
 */
export function tmdbIdFor(imdbId: string): number {
  return Number(imdbId.replace(/^tt/, "")) || 0;
}
