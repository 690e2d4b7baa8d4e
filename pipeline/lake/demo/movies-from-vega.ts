import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { mapMovieGenres } from "./genres";
import type { IdAllocator } from "./ids";
import { repairMacRomanMojibake, sanitizeField } from "./text";
import type { TitleRecord } from "./types";

/**
 * The real part of the demo: the 3,201 films of vega-datasets' movies.json (titles, release dates,
 * running times, genres, IMDB ratings and votes). Only the film with no title is dropped.
 */

/**
 * The source was compiled in 2010 and lists releases up to December 2011; nothing genuine is
 * dated later. Later years ("Gone with the Wind", "Dec 15 2039") are 2-digit years expanded into
 * the wrong century, so they are moved back 100 years; 2-digit years use the same pivot.
 */
export const DATASET_HORIZON_YEAR = 2012;

/**
 * Year of a release date in any of the shapes this dataset has used across versions:
 * "Jun 12 1998", "12-Jun-98", "1998-06-12", "6/12/98", "1998" or a bare number. Null when no
 * year can be read.
 */
export function parseReleaseYear(raw: unknown, horizon = DATASET_HORIZON_YEAR): number | null {
  let year: number | null = null;
  if (typeof raw === "number" && Number.isInteger(raw)) year = raw;
  else if (typeof raw === "string") year = yearFromText(raw.trim(), horizon);
  if (year === null) return null;
  if (year < 100) year = expandTwoDigitYear(year, horizon);
  while (year > horizon) year -= 100;
  return year >= 1870 ? year : null;
}

function yearFromText(text: string, horizon: number): number | null {
  const iso = /^(\d{4})-\d{1,2}(-\d{1,2})?$/.exec(text);
  if (iso) return Number(iso[1]);
  const tokens = text.split(/[\s,/.-]+/).filter((t) => t !== "");
  // The year is the last token of "Mon DD YYYY", "DD-Mon-YY" and "M/D/YY". A 2-digit last token is
  // a year only when day and month precede it ("Jun 12" has no year).
  const last = tokens[tokens.length - 1] ?? "";
  if (/^\d{4}$/.test(last)) return Number(last);
  if (/^\d{2}$/.test(last) && tokens.length >= 3) return expandTwoDigitYear(Number(last), horizon);
  return null;
}

function expandTwoDigitYear(yy: number, horizon: number): number {
  return yy <= horizon % 100 ? 2000 + yy : 1900 + yy;
}

/** One film as read from movies.json (only the fields the demo uses). */
interface VegaMovie {
  Title: string | number | null;
  "Release Date": string | null;
  "Running Time min": number | null;
  "Major Genre": string | null;
  "Creative Type": string | null;
  "IMDB Rating": number | null;
  "IMDB Votes": number | null;
}

/**
 * Finds movies.json from this module, whatever the working directory. The package's `exports`
 * hide package.json and data/, so resolve its entry point and walk up to the package root.
 */
export function locateVegaMovies(): string {
  const require = createRequire(import.meta.url);
  let dir = dirname(require.resolve("vega-datasets"));
  for (;;) {
    const candidate = join(dir, "data", "movies.json");
    if (existsSync(join(dir, "package.json")) && existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error("vega-datasets is installed but data/movies.json was not found");
    dir = parent;
  }
}

export async function loadVegaMovies(file = locateVegaMovies()): Promise<VegaMovie[]> {
  const parsed: unknown = JSON.parse(await readFile(file, "utf8"));
  if (!Array.isArray(parsed)) throw new Error(`${file}: expected a JSON array of films`);
  return parsed as VegaMovie[];
}

/** Title text: numbers coerced ("1776", "300"), encoding repaired, format-breaking characters stripped. */
export function cleanTitle(raw: string | number | null): string | null {
  if (raw === null || raw === undefined) return null;
  const title = sanitizeField(repairMacRomanMojibake(String(raw)));
  return title === "" ? null : title;
}

function integerOrNull(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? Math.round(value) : null;
}

/** Turns the vega films into title records with ids from the shared allocator, sorted by id. */
export function moviesFromVega(films: readonly VegaMovie[], ids: IdAllocator): TitleRecord[] {
  const kept: { title: string; year: number | null; film: VegaMovie }[] = [];
  for (const film of films) {
    const title = cleanTitle(film.Title);
    if (title !== null) kept.push({ title, year: parseReleaseYear(film["Release Date"]), film });
  }
  const assigned = ids.allocateAll(kept.map((k) => `movie\u0000${k.title}\u0000${k.year ?? ""}`));
  const records = kept.map(({ title, year, film }, i): TitleRecord => {
    const id = assigned[i] ?? "";
    const rating = film["IMDB Rating"];
    return {
      id,
      title,
      // No original-language titles in the source: IMDb's original title equals the primary one then.
      originalTitle: title,
      startYear: year,
      endYear: null,
      runtimeMinutes: integerOrNull(film["Running Time min"]),
      genres: mapMovieGenres(film["Major Genre"], film["Creative Type"], id),
      rating: typeof rating === "number" && Number.isFinite(rating) ? rating : null,
      votes: integerOrNull(film["IMDB Votes"]),
    };
  });
  return records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
