import { Rng } from "./random";

/**
 * Genre mapping for the real films: vega-datasets' "Major Genre" / "Creative Type" vocabulary to
 * IMDb genre names (IMDb spells "Sci-Fi"; TMDB's "Science Fiction" is what the later stages must
 * translate). IMDb lists at most 3 genres per title, alphabetically.
 */
export const MAX_GENRES = 3;

const MAJOR_GENRE: Readonly<Record<string, readonly string[]>> = {
  Action: ["Action"],
  Adventure: ["Adventure"],
  "Black Comedy": ["Comedy"],
  Comedy: ["Comedy"],
  // IMDb files concert films as documentaries about music.
  "Concert/Performance": ["Music", "Documentary"],
  Documentary: ["Documentary"],
  Drama: ["Drama"],
  Horror: ["Horror"],
  Musical: ["Musical"],
  "Romantic Comedy": ["Comedy", "Romance"],
  "Thriller/Suspense": ["Thriller"],
  Western: ["Western"],
};

const CREATIVE_TYPE: Readonly<Record<string, readonly string[]>> = {
  "Science Fiction": ["Sci-Fi"],
  Fantasy: ["Fantasy"],
  "Super Hero": ["Action", "Sci-Fi"],
  "Kids Fiction": ["Family"],
  "Historical Fiction": ["History"],
  Dramatization: ["Biography"],
  Factual: ["Documentary"],
  // "Contemporary Fiction" and "Multiple Creative Types" say nothing about genre.
};

type Weighted = readonly (readonly [string, number])[];

/**
 * The demo analyses horror subgenres, but the source gives every horror film just "Horror". IMDb
 * horror titles usually carry one or two companions; these weights give a believable spread.
 */
const HORROR_COMPANIONS: Weighted = [
  ["Thriller", 5],
  ["Mystery", 4],
  ["Drama", 3],
  ["Sci-Fi", 2],
  ["Fantasy", 2],
  ["Comedy", 2],
];

/** Lighter companions for the other genres, so multi-genre fan-out exists outside horror too. */
const OTHER_COMPANIONS: Readonly<Record<string, Weighted>> = {
  Action: [
    ["Crime", 3],
    ["Thriller", 3],
    ["Adventure", 2],
  ],
  Adventure: [
    ["Action", 3],
    ["Fantasy", 2],
    ["Drama", 1],
  ],
  Comedy: [
    ["Drama", 3],
    ["Romance", 2],
    ["Crime", 1],
  ],
  Drama: [
    ["Romance", 3],
    ["Crime", 2],
    ["War", 1],
  ],
  Musical: [
    ["Romance", 2],
    ["Comedy", 1],
  ],
  Thriller: [
    ["Crime", 3],
    ["Mystery", 3],
    ["Drama", 2],
  ],
  Western: [
    ["Drama", 2],
    ["Action", 1],
  ],
};

/** Films with no Major Genre get no genre at all (`\N`), even when the Creative Type hints at one. */
export function mapMovieGenres(
  majorGenre: string | null,
  creativeType: string | null,
  seedKey: string,
): string[] {
  if (majorGenre === null) return [];
  const base = MAJOR_GENRE[majorGenre];
  if (base === undefined) throw new Error(`movies.json: unknown "Major Genre" ${JSON.stringify(majorGenre)}`);
  // Priority order: the source's own genre first, so capping at 3 can never drop Horror.
  const genres = [...base];
  for (const g of CREATIVE_TYPE[creativeType ?? ""] ?? []) addGenre(genres, g);

  const rng = Rng.fromKey(`genre:${seedKey}`);
  if (majorGenre === "Horror") {
    // Most horror titles get a companion, a third get a second one (unless Sci-Fi/Fantasy came in).
    if (genres.length === 1 ? rng.chance(0.85) : rng.chance(0.3))
      addGenre(genres, rng.weighted(HORROR_COMPANIONS));
    if (rng.chance(0.35)) addGenre(genres, rng.weighted(HORROR_COMPANIONS));
  } else {
    const companions = OTHER_COMPANIONS[base[0] ?? ""];
    if (companions !== undefined && rng.chance(0.4)) addGenre(genres, rng.weighted(companions));
  }
  return [...genres].sort();
}

function addGenre(genres: string[], genre: string): void {
  if (genres.length < MAX_GENRES && !genres.includes(genre)) genres.push(genre);
}
