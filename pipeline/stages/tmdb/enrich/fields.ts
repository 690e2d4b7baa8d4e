/**
 * Which parts of a TMDB detail answer a RAW record keeps. Pure.
 *
 * Field names are the movie names; the TV counterpart is chosen for TV (`title` keeps TV's `name`,
 * `release_date` keeps `first_air_date`) and the record keeps TMDB's own key, so RAW stays what the
 * API said. The appended parts are normalised so TRUSTED reads one shape for both kinds:
 * - `keywords`: `[{id, name}]` (movies answer `keywords.keywords`, TV `keywords.results`);
 * - `credits`: `{cast: top 10 by order [{id, name, gender, character, order}], crew: directors
 *   and writers [{id, name, job, department}]}`;
 * - `certifications`: `[{country, certification, type?, release_date?}]` from the movie's
 *   `release_dates` or TV's `content_ratings` (empty certifications dropped).
 * Every record carries `imdb_id` (the IMDb id it was looked up by, the join key) and TMDB's `id`.
 */
export type TitleKind = "movie" | "tv";

type Spec = { movie?: string; tv?: string };

/** For each plain field, the key TMDB uses in a movie and in a TV answer (absent: the kind has none). */
export const SCALARS = {
  title: { movie: "title", tv: "name" },
  original_title: { movie: "original_title", tv: "original_name" },
  release_date: { movie: "release_date", tv: "first_air_date" },
  runtime: { movie: "runtime", tv: "episode_run_time" },
  budget: { movie: "budget" },
  revenue: { movie: "revenue" },
  popularity: { movie: "popularity", tv: "popularity" },
  vote_average: { movie: "vote_average", tv: "vote_average" },
  vote_count: { movie: "vote_count", tv: "vote_count" },
  genres: { movie: "genres", tv: "genres" },
  belongs_to_collection: { movie: "belongs_to_collection" },
  original_language: { movie: "original_language", tv: "original_language" },
  overview: { movie: "overview", tv: "overview" },
  status: { movie: "status", tv: "status" },
  tagline: { movie: "tagline", tv: "tagline" },
  production_companies: { movie: "production_companies", tv: "production_companies" },
  production_countries: { movie: "production_countries", tv: "production_countries" },
  spoken_languages: { movie: "spoken_languages", tv: "spoken_languages" },
  origin_country: { movie: "origin_country", tv: "origin_country" },
  last_air_date: { tv: "last_air_date" },
  number_of_seasons: { tv: "number_of_seasons" },
  number_of_episodes: { tv: "number_of_episodes" },
} as const satisfies Record<string, Spec>;

const APPENDED = ["keywords", "credits", "certifications"] as const;

export type TmdbField = keyof typeof SCALARS | (typeof APPENDED)[number];

/** Every field a cell may name, in a stable order (for error messages and docs). */
export const FIELD_NAMES: readonly TmdbField[] = [
  ...(Object.keys(SCALARS) as (keyof typeof SCALARS)[]),
  ...APPENDED,
];

/** The default set: what the CSVs lack and the charts use. */
export const DEFAULT_FIELDS: readonly TmdbField[] = [
  "title",
  "original_title",
  "release_date",
  "runtime",
  "budget",
  "revenue",
  "popularity",
  "vote_average",
  "vote_count",
  "genres",
  "keywords",
  "belongs_to_collection",
  "credits",
  "certifications",
];

/** TV and TMDB spellings a user may write instead of ours. */
const ALIASES: Record<string, TmdbField> = {
  name: "title",
  original_name: "original_title",
  first_air_date: "release_date",
  episode_run_time: "runtime",
  release_dates: "certifications",
  content_ratings: "certifications",
};

export function canonicalField(name: string): TmdbField | undefined {
  if ((FIELD_NAMES as readonly string[]).includes(name)) return name as TmdbField;
  return ALIASES[name];
}

export const CAST_LIMIT = 10;
const CREW_JOBS = new Set(["Director", "Writer", "Screenplay", "Story", "Novel", "Creator"]);

type Json = Record<string, unknown>;

/** The record RAW keeps for one title: `imdb_id`, `id`, then the chosen fields present in `detail`. */
export function pickFields(
  kind: TitleKind,
  imdbId: string | null,
  detail: Json,
  fields: readonly TmdbField[],
): Json {
  const record: Json = { imdb_id: imdbId, id: detail.id };
  for (const field of fields) {
    if (field === "keywords") record.keywords = keywordsOf(kind, detail.keywords);
    else if (field === "credits") record.credits = creditsOf(detail.credits);
    else if (field === "certifications") record.certifications = certificationsOf(kind, detail);
    else {
      const key = (SCALARS[field] as Spec)[kind];
      if (key !== undefined && Object.hasOwn(detail, key)) record[key] = detail[key];
    }
  }
  return record;
}

function objectsOf(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter((item): item is Json => isObject(item)) : [];
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function keywordsOf(kind: TitleKind, value: unknown): { id: unknown; name: unknown }[] {
  const list = isObject(value) ? (kind === "movie" ? value.keywords : value.results) : undefined;
  return objectsOf(list).map((keyword) => ({ id: keyword.id, name: keyword.name }));
}

function creditsOf(value: unknown): { cast: Json[]; crew: Json[] } {
  const credits = isObject(value) ? value : {};
  const cast = objectsOf(credits.cast)
    .map((person, index) => ({ person, order: typeof person.order === "number" ? person.order : index }))
    .sort((a, b) => a.order - b.order)
    .slice(0, CAST_LIMIT)
    .map(({ person, order }) => ({
      id: person.id,
      name: person.name,
      gender: person.gender ?? 0,
      character: person.character ?? null,
      order,
    }));
  const crew = objectsOf(credits.crew)
    .filter((person) => typeof person.job === "string" && CREW_JOBS.has(person.job))
    .map((person) => ({ id: person.id, name: person.name, job: person.job, department: person.department }));
  return { cast, crew };
}

function certificationsOf(kind: TitleKind, detail: Json): Json[] {
  const source = kind === "movie" ? detail.release_dates : detail.content_ratings;
  const countries = objectsOf(isObject(source) ? source.results : undefined);
  if (kind === "tv") {
    return countries
      .filter((entry) => typeof entry.rating === "string" && entry.rating !== "")
      .map((entry) => ({ country: entry.iso_3166_1, certification: entry.rating }));
  }
  return countries.flatMap((entry) =>
    objectsOf(entry.release_dates)
      .filter((date) => typeof date.certification === "string" && date.certification !== "")
      .map((date) => ({
        country: entry.iso_3166_1,
        certification: date.certification,
        type: date.type,
        release_date: date.release_date,
      })),
  );
}
