import { tmdbGenres } from "./genres";
import { type OfflineTitle, tmdbIdFor } from "./offline-title";

/**
 * The response bodies for one offline title, in TMDB's documented shapes. What the title does not
 * say (keywords, certifications, popularity) is drawn from a generator seeded by its IMDb id, so
 * every run serves the same bytes.
 */

const KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  Horror: [
    "supernatural",
    "haunted house",
    "slasher",
    "zombie",
    "vampire",
    "demon",
    "possession",
    "ghost",
    "werewolf",
    "found footage",
    "body horror",
    "folk horror",
  ],
  Mystery: ["whodunit", "detective", "murder", "investigation", "secret", "missing person"],
  Thriller: ["psychopath", "kidnapping", "conspiracy", "serial killer", "revenge"],
  "Sci-Fi": ["alien", "dystopia", "time travel", "artificial intelligence", "space"],
  other: ["based on novel or book", "friendship", "family", "love", "small town", "new york city"],
};

/** Deterministic draws in [0, 1) from a string key (FNV-1a seed, then an LCG). */
function draws(key: string): () => number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  let state = h >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

export function stableId(key: string, range: number): number {
  return Math.floor(draws(key)() * range) + 1;
}

function releaseDate(title: OfflineTitle): string {
  return title.releaseDate ?? (title.year === null ? "" : `${title.year}-01-01`);
}

function popularity(title: OfflineTitle): number {
  const rng = draws(`popularity:${title.imdbId}`);
  return Math.round((Math.log10((title.votes ?? 0) + 1) * 6 + rng() * 10) * 1000) / 1000;
}

function voteCount(title: OfflineTitle): number {
  // TMDB has far fewer voters than IMDb.
  return Math.round((title.votes ?? 0) / 20);
}

export function keywordsOf(title: OfflineTitle): { id: number; name: string }[] {
  const rng = draws(`keywords:${title.imdbId}`);
  const names = new Set<string>();
  // TMDB TV has no Horror genre: a horror series is found by this keyword.
  if (title.genres.includes("Horror")) names.add("horror");
  const pools = title.genres.map((g) => KEYWORDS[g]).filter((p) => p !== undefined);
  const from = pools.length > 0 ? pools.flat() : (KEYWORDS.other ?? []);
  const count = 2 + Math.floor(rng() * 4);
  for (let i = 0; i < count; i++) names.add(from[Math.floor(rng() * from.length)] ?? "independent film");
  return [...names].map((name) => ({ id: stableId(`keyword:${name}`, 300_000), name }));
}

function credits(title: OfflineTitle) {
  const cast = (title.cast ?? []).map((member, order) => ({
    id: stableId(`person:${member.name}`, 5_000_000),
    name: member.name,
    gender: member.gender,
    character: member.character ?? "",
    order,
  }));
  const crew = title.director
    ? [
        {
          id: stableId(`person:${title.director}`, 5_000_000),
          name: title.director,
          job: "Director",
          department: "Directing",
        },
      ]
    : [];
  return { cast, crew };
}

function certification(title: OfflineTitle, country: "US" | "BR"): string {
  const rng = draws(`certification:${country}:${title.imdbId}`);
  const scary = title.genres.includes("Horror") || title.genres.includes("Thriller");
  const pick = (values: readonly string[]) => values[Math.floor(rng() * values.length)] ?? "";
  if (title.kind === "tv")
    return country === "US"
      ? pick(scary ? ["TV-14", "TV-MA"] : ["TV-PG", "TV-14"])
      : pick(scary ? ["14", "16"] : ["L", "12"]);
  return country === "US"
    ? pick(scary ? ["R", "R", "PG-13"] : ["G", "PG", "PG-13", "R"])
    : pick(scary ? ["16", "18"] : ["L", "10", "12", "14"]);
}

function releaseDates(title: OfflineTitle) {
  const date = releaseDate(title);
  if (date === "") return { results: [] };
  const at = `${date}T00:00:00.000Z`;
  return {
    results: (["BR", "US"] as const).map((country) => ({
      iso_3166_1: country,
      release_dates: [{ certification: certification(title, country), type: 3, release_date: at }],
    })),
  };
}

/** One entry of `/find` results or `/discover` results. */
export function summaryOf(title: OfflineTitle): Record<string, unknown> {
  const common = {
    id: tmdbIdFor(title.imdbId),
    genre_ids: tmdbGenres(title.kind, title.genres).map((g) => g.id),
    popularity: popularity(title),
    vote_average: title.rating ?? 0,
    vote_count: voteCount(title),
    overview: "",
    original_language: "en",
    adult: false,
    media_type: title.kind,
  };
  if (title.kind === "tv") {
    return {
      ...common,
      name: title.title,
      original_name: title.title,
      first_air_date: releaseDate(title),
      origin_country: ["US"],
    };
  }
  return { ...common, title: title.title, original_title: title.title, release_date: releaseDate(title) };
}

/** `/movie/{id}` with the appended parts asked for (credits, keywords, release_dates, external_ids). */
export function movieDetails(title: OfflineTitle, append: ReadonlySet<string>): Record<string, unknown> {
  const { media_type: _, genre_ids: __, adult: ___, ...summary } = summaryOf(title);
  const body: Record<string, unknown> = {
    ...summary,
    imdb_id: title.imdbId,
    runtime: title.runtime ?? 0,
    budget: title.budget ?? 0,
    revenue: title.revenue ?? 0,
    genres: tmdbGenres("movie", title.genres),
    belongs_to_collection: null,
    production_companies: [],
    production_countries: [{ iso_3166_1: "US", name: "United States of America" }],
    spoken_languages: [{ iso_639_1: "en", name: "English", english_name: "English" }],
    status: "Released",
    tagline: "",
  };
  if (append.has("credits")) body.credits = credits(title);
  if (append.has("keywords")) body.keywords = { keywords: keywordsOf(title) };
  if (append.has("release_dates")) body.release_dates = releaseDates(title);
  if (append.has("external_ids")) body.external_ids = { imdb_id: title.imdbId };
  return body;
}

/** `/tv/{id}` with the appended parts asked for (credits, keywords, external_ids, content_ratings). */
export function tvDetails(title: OfflineTitle, append: ReadonlySet<string>): Record<string, unknown> {
  const { media_type: _, genre_ids: __, adult: ___, origin_country, ...summary } = summaryOf(title);
  const rng = draws(`seasons:${title.imdbId}`);
  const seasons = 1 + Math.floor(rng() * 6);
  const body: Record<string, unknown> = {
    ...summary,
    origin_country,
    last_air_date: releaseDate(title),
    number_of_seasons: seasons,
    number_of_episodes: seasons * (6 + Math.floor(rng() * 7)),
    genres: tmdbGenres("tv", title.genres),
    status: "Ended",
  };
  if (append.has("credits")) body.credits = credits(title);
  // TV keywords come under `results`, not `keywords` (as TMDB does).
  if (append.has("keywords")) body.keywords = { results: keywordsOf(title) };
  if (append.has("external_ids")) body.external_ids = { imdb_id: title.imdbId, tvdb_id: null };
  if (append.has("content_ratings")) {
    body.content_ratings = {
      results: (["BR", "US"] as const).map((c) => ({ iso_3166_1: c, rating: certification(title, c) })),
    };
  }
  return body;
}
