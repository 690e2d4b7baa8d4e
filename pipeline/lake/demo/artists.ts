import {
  EXTRA_PROFESSIONS,
  FEMALE_FIRST_NAMES,
  LAST_NAMES,
  MALE_FIRST_NAMES,
  MINOR_ROLES,
  ROLE_TITLES,
} from "./names";
import { Rng, SEEDS } from "./random";
import type { Artist, ArtistGender, Credit, TitleRecord } from "./types";

/**
 * The generated people. A fixed pool of artists (same seed → same people) is cast onto the titles,
 * so the same name recurs across many films and series with one birth year, one death year and one
 * profession list: per-artist analysis then means something.
 */

export const ARTIST_POOL_SIZE = 720;
/** Nobody in the data dies after this year (the series run up to 2024). */
const LAST_YEAR = 2024;
/** Casting age range at a title's start year. */
const MIN_AGE = 8;
const MAX_AGE = 80;

/** The pool, sorted by birth year (then name) so casting can take an age window by binary search. */
export function buildArtistPool(size = ARTIST_POOL_SIZE, seed: number = SEEDS.artistPool): Artist[] {
  const rng = new Rng(seed);
  const names = new Set<string>();
  const pool: Artist[] = [];
  while (pool.length < size) {
    const gender: ArtistGender = rng.chance(0.5) ? "actor" : "actress";
    const first = rng.pick(gender === "actor" ? MALE_FIRST_NAMES : FEMALE_FIRST_NAMES);
    const name = `${first} ${rng.pick(LAST_NAMES)}`;
    if (names.has(name)) continue;
    names.add(name);
    // Skewed towards recent births because most titles are from 1990–2024.
    const birthYear = 2004 - Math.floor(150 * rng.float() ** 2);
    pool.push({
      name,
      gender,
      birthYear,
      birthYearKnown: rng.chance(0.96),
      deathYear: deathYearFor(birthYear, rng),
      professions: [gender, ...rng.weighted(EXTRA_PROFESSIONS)],
      knownForCount: rng.int(1, 4),
    });
  }
  return pool.sort((a, b) => a.birthYear - b.birthYear || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function deathYearFor(birthYear: number, rng: Rng): number | null {
  // Everyone born before 1925 has died; later, about one in fifteen.
  if (birthYear < 1925) return Math.min(birthYear + rng.int(55, 95), LAST_YEAR - 1);
  if (birthYear + 30 <= LAST_YEAR - 1 && rng.chance(0.07)) return rng.int(birthYear + 30, LAST_YEAR - 1);
  return null;
}

/** First index whose birth year is ≥ year (pool sorted by birth year). */
function lowerBound(pool: readonly Artist[], year: number): number {
  let lo = 0;
  let hi = pool.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((pool[mid]?.birthYear ?? 0) < year) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * 2–4 credits for one title, drawn from artists of a plausible age who were alive when it started
 * (a posthumous release one year after death is allowed). Deterministic from the title id.
 */
export function castTitle(record: TitleRecord, pool: readonly Artist[]): Credit[] {
  const rng = Rng.fromKey(`cast:${record.id}`);
  const year = record.startYear ?? 2000;
  const from = lowerBound(pool, year - MAX_AGE);
  const to = lowerBound(pool, year - MIN_AGE + 1);
  const candidates = pool.slice(from, to).filter((a) => a.deathYear === null || a.deathYear >= year - 1);
  if (candidates.length < 4) throw new Error(`artist pool has no cast for ${record.id} (${year})`);
  const count = rng.int(2, 4);
  const chosen = new Set<Artist>();
  while (chosen.size < count) {
    // Children and the very old do get parts, just less often: redraw them once.
    let artist = rng.pick(candidates);
    const age = year - artist.birthYear;
    if (age < 16 || age > 70) artist = rng.pick(candidates);
    chosen.add(artist);
  }
  const documentary = record.genres.includes("Documentary");
  return [...chosen].map((artist) => ({ artist, character: characterFor(artist, documentary, rng) }));
}

/** About 10% unnamed (`\N`); documentaries credit people as themselves. */
function characterFor(artist: Artist, documentary: boolean, rng: Rng): string | null {
  if (documentary) return rng.chance(0.75) ? (artist.gender === "actor" ? "Himself" : "Herself") : null;
  const roll = rng.float();
  if (roll < 0.1) return null;
  if (roll < 0.2) return rng.pick(MINOR_ROLES);
  if (roll < 0.32) return `${rng.pick(ROLE_TITLES)} ${rng.pick(LAST_NAMES)}`;
  // Characters mostly share the artist's gender.
  const male = (artist.gender === "actor") !== rng.chance(0.05);
  const first = rng.pick(male ? MALE_FIRST_NAMES : FEMALE_FIRST_NAMES);
  return rng.chance(0.45) ? `${first} ${rng.pick(LAST_NAMES)}` : first;
}
