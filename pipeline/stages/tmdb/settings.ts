import { z } from "zod";
import { LakebookError } from "../../contract";
import type { Cell } from "../../document";
import { type ProcessingDate, parseProcessingDate } from "../../lake";
import { readCellSettings, type SettingsProblem } from "../cell-settings";
import { canonicalField, DEFAULT_FIELDS, FIELD_NAMES, type TmdbField } from "./enrich/fields";

/**
 * The TMDB cell's YAML body (every field optional):
 *
 *     select: |                 # SQL returning `id` (IMDb id) and optionally `kind` ('movie' | 'tv')
 *       SELECT id, 'movie' AS kind FROM raw.movies WHERE genero LIKE '%Horror%'
 *     fields: [budget, revenue, keywords, credits]   # imdb_id and id are always kept
 *     requestsPerSecond: 40
 *     concurrency: 8
 *     date: 2026-01-05          # processing date of the RAW folder; default today (UTC)
 *     name: tmdb                # file prefix: tmdb-movies-0001.json, tmdb-series-0001.json
 *     discover: { with_genres: 27, primary_release_date.gte: 2000-01-01, maxPages: 5 }
 *
 * The select contract: one row per title, column `id` holds an IMDb id (`tt` + digits; other values
 * are listed as skipped), column `kind` says which TMDB list to take from `/find` (`movie` or `tv`).
 * Without `kind` (or when it is NULL) the first match wins, movies before TV. A title whose TMDB match
 * is of the other kind is written with that kind, so movies and series never share a file.
 *
 * TMDB TV has no Horror genre (Mystery is 9648); the default takes series by the IMDb genre in the
 * CSV, which does have Horror, so no TMDB genre is needed to pick them.
 */
export interface TmdbSettings {
  select: string;
  fields: TmdbField[];
  requestsPerSecond: number;
  concurrency: number;
  date?: ProcessingDate;
  name: string;
  discover?: TmdbDiscoverSettings;
}

/** `/discover/movie` filters passed as query parameters, and how many pages to read at most. */
export interface TmdbDiscoverSettings {
  filters: Record<string, string>;
  maxPages: number;
}

/** Horror and Mystery titles of both RAW tables; `genero` is a comma-joined list without spaces. */
export const DEFAULT_SELECT = `SELECT DISTINCT id, 'movie' AS kind FROM raw.movies
WHERE list_has_any(string_split(genero, ','), ['Horror', 'Mystery'])
UNION
SELECT DISTINCT id, 'tv' AS kind FROM raw.series
WHERE list_has_any(string_split(genero, ','), ['Horror', 'Mystery'])
ORDER BY kind, id`;

export const DEFAULT_REQUESTS_PER_SECOND = 40;
export const DEFAULT_CONCURRENCY = 8;
export const DEFAULT_NAME = "tmdb";
export const DEFAULT_DISCOVER_PAGES = 5;
/** TMDB stops discover paging at 500. */
const MAX_DISCOVER_PAGES = 500;

const EXAMPLE = "select: SELECT id, 'movie' AS kind FROM raw.movies\nfields: [budget, revenue, keywords]";
const NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const filterValue = z.union([z.string(), z.number(), z.boolean()]);

const SettingsSchema = z.strictObject({
  select: z.string().trim().min(1, "is empty").optional(),
  fields: z.array(z.string()).min(1, "lists no fields").optional(),
  requestsPerSecond: z.number().positive().max(1000).optional(),
  concurrency: z.number().int().min(1).max(64).optional(),
  date: z.string().optional(),
  name: z.string().regex(NAME).optional(),
  discover: z
    .object({ maxPages: z.number().int().min(1).max(MAX_DISCOVER_PAGES).optional() })
    .catchall(filterValue)
    .optional(),
});

/** Reads and checks the cell's settings; every problem names the field and what was expected. */
export function parseTmdbSettings(cell: Pick<Cell, "id" | "source">): TmdbSettings {
  const problem: SettingsProblem = (message, hint = `Write the cell's settings as YAML, e.g.\n${EXAMPLE}`) =>
    new LakebookError("TMDB_SETTINGS_INVALID", `TMDB cell "${cell.id}": ${message}`, { hint });

  const data = readCellSettings(cell.source, SettingsSchema, problem, describeIssue);
  return {
    select: data.select ?? DEFAULT_SELECT,
    fields: data.fields ? fieldsOf(data.fields, problem) : [...DEFAULT_FIELDS],
    requestsPerSecond: data.requestsPerSecond ?? DEFAULT_REQUESTS_PER_SECOND,
    concurrency: data.concurrency ?? DEFAULT_CONCURRENCY,
    name: data.name ?? DEFAULT_NAME,
    ...(data.date !== undefined ? { date: dateOf(data.date, problem) } : {}),
    ...(data.discover ? { discover: discoverOf(data.discover) } : {}),
  };
}

function fieldsOf(names: string[], problem: SettingsProblem): TmdbField[] {
  const fields = new Set<TmdbField>();
  for (const [index, name] of names.entries()) {
    const field = canonicalField(name);
    if (!field) {
      throw problem(
        `"fields" item ${index + 1} (${JSON.stringify(name)}) is not a TMDB field Lakebook keeps.`,
        `The fields are ${FIELD_NAMES.join(", ")}; imdb_id and id are always kept.`,
      );
    }
    fields.add(field);
  }
  return [...fields];
}

function dateOf(text: string, problem: SettingsProblem): ProcessingDate {
  try {
    return parseProcessingDate(text);
  } catch (error) {
    throw problem(
      `"date": ${(error as Error).message}`,
      "Write the processing date as YYYY-MM-DD, e.g. date: 2026-01-05, or leave it out for today (UTC).",
    );
  }
}

function discoverOf(discover: Record<string, unknown>): TmdbDiscoverSettings {
  const filters: Record<string, string> = {};
  for (const [key, value] of Object.entries(discover)) {
    if (key !== "maxPages") filters[key] = String(value);
  }
  if (filters.with_genres === undefined) filters.with_genres = "27";
  const maxPages = typeof discover.maxPages === "number" ? discover.maxPages : DEFAULT_DISCOVER_PAGES;
  return { filters, maxPages };
}

function describeIssue(issue: z.core.$ZodIssue, shown: string): string {
  switch (issue.path[0]) {
    case "select":
      return `"select" must be SQL returning a column id of IMDb ids${shown}.`;
    case "fields":
      if (issue.path.length > 1) return `"fields" item ${Number(issue.path[1]) + 1} must be a name${shown}.`;
      if (issue.code === "too_small") return '"fields" lists no fields: leave it out for the default set.';
      return `"fields" must be a list of field names, e.g. [budget, revenue]${shown}.`;
    case "requestsPerSecond":
      return `"requestsPerSecond" must be a number above 0 and at most 1000, e.g. 40${shown}.`;
    case "concurrency":
      return `"concurrency" must be a whole number from 1 to 64, e.g. 8${shown}.`;
    case "date":
      return `"date" must be a date written YYYY-MM-DD, e.g. 2026-01-05${shown}.`;
    case "name":
      return `"name" must be lower case letters, digits, - or _ (at most 64), e.g. tmdb${shown}.`;
    case "discover":
      if (issue.path[1] === "maxPages") {
        return `"discover.maxPages" must be a whole number from 1 to ${MAX_DISCOVER_PAGES}${shown}.`;
      }
      if (issue.path.length > 1) {
        return `"discover.${String(issue.path[1])}" must be a text, number or true/false${shown}.`;
      }
      return `"discover" must be a mapping of TMDB filters, e.g. { with_genres: 27, maxPages: 5 }${shown}.`;
    default:
      return `"${String(issue.path[0] ?? "")}": ${issue.message}.`;
  }
}
