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
 *     sample: 500               # ask TMDB about a fixed sample of the selected titles only
 *     requestsPerSecond: 40
 *     concurrency: 8
 *     date: 2026-01-05          # processing date of the RAW folder; default today (UTC)
 *     name: tmdb                # file prefix: tmdb-movies-0001.json, tmdb-series-0001.json
 *     discover: { with_genres: 27, primary_release_date.gte: 2000-01-01, maxPages: 5 }
 *     lambda: { roleArn: arn:aws:iam::123456789012:role/lakebook-tmdb, memoryMb: 512 }   # AWS target only
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
  /** At most this many of the selected titles, picked by a hash of their ids (the same every run). */
  sample?: number;
  fields: TmdbField[];
  requestsPerSecond: number;
  concurrency: number;
  date?: ProcessingDate;
  name: string;
  discover?: TmdbDiscoverSettings;
  /** Run the enrichment as an AWS Lambda function (AWS target only); see `./lambda/`. */
  lambda?: TmdbLambdaSettings;
}

/** Runtimes the bundle is built for (its syntax is Node 20's); nodejs20.x no longer takes new functions. */
export const LAMBDA_RUNTIMES = ["nodejs22.x", "nodejs24.x"] as const;
export type TmdbLambdaRuntime = (typeof LAMBDA_RUNTIMES)[number];

export interface TmdbLambdaSettings {
  functionName: string;
  /** The execution role: trusts lambda.amazonaws.com, may read the TMDB secret and write the lake. */
  roleArn: string;
  memoryMb: number;
  runtime: TmdbLambdaRuntime;
}

/** `/discover/movie` filters passed as query parameters, and how many pages to read at most. */
export interface TmdbDiscoverSettings {
  filters: Record<string, string>;
  maxPages: number;
}

/** Horror and Mystery titles of both RAW tables; `genero` is a comma-joined list without spaces. */
export const DEFAULT_SELECT = `SELECT DISTINCT id, 'movie' AS kind FROM raw.movies
WHERE contains(split(genero, ','), 'Horror') OR contains(split(genero, ','), 'Mystery')
UNION
SELECT DISTINCT id, 'tv' AS kind FROM raw.series
WHERE contains(split(genero, ','), 'Horror') OR contains(split(genero, ','), 'Mystery')
ORDER BY kind, id`;

export const DEFAULT_REQUESTS_PER_SECOND = 40;
export const DEFAULT_CONCURRENCY = 8;
export const DEFAULT_NAME = "tmdb";
export const DEFAULT_DISCOVER_PAGES = 5;
export const DEFAULT_LAMBDA_FUNCTION = "lakebook-tmdb-enrich";
export const DEFAULT_LAMBDA_MEMORY_MB = 512;
export const DEFAULT_LAMBDA_RUNTIME: TmdbLambdaRuntime = "nodejs22.x";
/** TMDB stops discover paging at 500. */
const MAX_DISCOVER_PAGES = 500;

const EXAMPLE = "select: SELECT id, 'movie' AS kind FROM raw.movies\nfields: [budget, revenue, keywords]";
const NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const filterValue = z.union([z.string(), z.number(), z.boolean()]);
const FUNCTION_NAME = /^[A-Za-z0-9_-]{1,64}$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const LAMBDA_FIELDS = ["functionName", "roleArn", "memoryMb", "runtime"];
// Strict by hand rather than strictObject: zod reports an unknown key of a nested strict object at
// the object ("lambda"), where the shared reader would list the cell's top-level fields instead.
const LambdaSchema = z
  .object({
    functionName: z.string().regex(FUNCTION_NAME).optional(),
    roleArn: z.string().regex(ROLE_ARN),
    memoryMb: z.number().int().min(128).max(10240).optional(),
    runtime: z.enum(LAMBDA_RUNTIMES).optional(),
  })
  .catchall(z.unknown())
  .superRefine((value, context) => {
    for (const key of Object.keys(value)) {
      if (!LAMBDA_FIELDS.includes(key)) context.addIssue({ code: "custom", path: [key], message: "unknown" });
    }
  });

const SettingsSchema = z.strictObject({
  select: z.string().trim().min(1, "is empty").optional(),
  sample: z.number().int().min(1).max(10_000_000).optional(),
  fields: z.array(z.string()).min(1, "lists no fields").optional(),
  requestsPerSecond: z.number().positive().max(1000).optional(),
  concurrency: z.number().int().min(1).max(64).optional(),
  date: z.string().optional(),
  name: z.string().regex(NAME).optional(),
  discover: z
    .object({ maxPages: z.number().int().min(1).max(MAX_DISCOVER_PAGES).optional() })
    .catchall(filterValue)
    .optional(),
  lambda: LambdaSchema.optional(),
});

/** Reads and checks the cell's settings; every problem names the field and what was expected. */
export function parseTmdbSettings(cell: Pick<Cell, "id" | "source">): TmdbSettings {
  const problem: SettingsProblem = (message, hint = `Write the cell's settings as YAML, e.g.\n${EXAMPLE}`) =>
    new LakebookError("TMDB_SETTINGS_INVALID", `TMDB cell "${cell.id}": ${message}`, { hint });

  const data = readCellSettings(cell.source, SettingsSchema, problem, describeIssue);
  return {
    select: data.select ?? DEFAULT_SELECT,
    ...(data.sample !== undefined ? { sample: data.sample } : {}),
    fields: data.fields ? fieldsOf(data.fields, problem) : [...DEFAULT_FIELDS],
    requestsPerSecond: data.requestsPerSecond ?? DEFAULT_REQUESTS_PER_SECOND,
    concurrency: data.concurrency ?? DEFAULT_CONCURRENCY,
    name: data.name ?? DEFAULT_NAME,
    ...(data.date !== undefined ? { date: dateOf(data.date, problem) } : {}),
    ...(data.discover ? { discover: discoverOf(data.discover) } : {}),
    ...(data.lambda ? { lambda: lambdaOf(data.lambda) } : {}),
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

function lambdaOf(lambda: z.output<typeof LambdaSchema>): TmdbLambdaSettings {
  return {
    functionName: lambda.functionName ?? DEFAULT_LAMBDA_FUNCTION,
    roleArn: lambda.roleArn,
    memoryMb: lambda.memoryMb ?? DEFAULT_LAMBDA_MEMORY_MB,
    runtime: lambda.runtime ?? DEFAULT_LAMBDA_RUNTIME,
  };
}

function describeLambdaIssue(issue: z.core.$ZodIssue, shown: string): string {
  switch (issue.path[1]) {
    case undefined:
      return `"lambda" must be a mapping, e.g. { roleArn: arn:aws:iam::123456789012:role/lakebook-tmdb }${shown}.`;
    case "functionName":
      return `"lambda.functionName" must be 1 to 64 letters, digits, - or _, e.g. ${DEFAULT_LAMBDA_FUNCTION}${shown}.`;
    case "roleArn":
      return `"lambda.roleArn" must be an IAM role ARN, e.g. arn:aws:iam::123456789012:role/lakebook-tmdb${shown}.`;
    case "memoryMb":
      return `"lambda.memoryMb" must be a whole number of MB from 128 to 10240, e.g. ${DEFAULT_LAMBDA_MEMORY_MB}${shown}.`;
    case "runtime":
      return `"lambda.runtime" must be one of ${LAMBDA_RUNTIMES.join(", ")}${shown}.`;
    default:
      return `"lambda.${String(issue.path[1])}" is not a lambda setting; they are ${LAMBDA_FIELDS.join(", ")}.`;
  }
}

function describeIssue(issue: z.core.$ZodIssue, shown: string): string {
  switch (issue.path[0]) {
    case "select":
      return `"select" must be SQL returning a column id of IMDb ids${shown}.`;
    case "fields":
      if (issue.path.length > 1) return `"fields" item ${Number(issue.path[1]) + 1} must be a name${shown}.`;
      if (issue.code === "too_small") return '"fields" lists no fields: leave it out for the default set.';
      return `"fields" must be a list of field names, e.g. [budget, revenue]${shown}.`;
    case "sample":
      return `"sample" must be a whole number of titles, at least 1, e.g. 500${shown}.`;
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
    case "lambda":
      return describeLambdaIssue(issue, shown);
    default:
      return `"${String(issue.path[0] ?? "")}": ${issue.message}.`;
  }
}
