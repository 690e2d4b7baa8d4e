import type { Zone } from "../contract/catalog";
import { LakebookError } from "../contract/errors";
import { keyProblem } from "./keys";
import { formatDateIso, formatDatePath, isRealDate, type ProcessingDate } from "./processing-date";

/**
 * Every lake path rule lives here, so the casing and zero padding the challenge demands are
 * written once: `Raw/Local/CSV/Movies/2026/01/05/movies.csv`, `Trusted/TMDB/Parquet/<table>/dt=…/`,
 * `Refined/<table>/`. Keys are bucket-relative (a store adds its own prefix). Pure: no I/O.
 * Reading keys back (describe, explain mistakes) lives in ./key-reading.
 */
export {
  formatDateIso,
  formatDatePath,
  type ProcessingDate,
  parseProcessingDate,
  processingDateOf,
} from "./processing-date";

export type Dataset = "movies" | "series";
/** Where TRUSTED data came from: the course CSVs, or the TMDB API. */
export type LakeSource = "Local" | "TMDB";

export const ZONE_FOLDER = { raw: "Raw", trusted: "Trusted", refined: "Refined" } as const satisfies Record<
  Zone,
  string
>;
export const DATASET_FOLDER = { movies: "Movies", series: "Series" } as const satisfies Record<
  Dataset,
  string
>;
export const LAKE_SOURCES: readonly LakeSource[] = ["Local", "TMDB"];
export const RAW_CSV_ROOT = "Raw/Local/CSV";
export const RAW_TMDB_ROOT = "Raw/TMDB/JSON";
export const TRUSTED_FORMAT_FOLDER = "Parquet";

/** Glue and Athena fold identifiers to lower case; lower snake case keeps folder name = table name. */
const TABLE_NAME = /^[a-z][a-z0-9_]*$/;
const MAX_TABLE_NAME = 255;
const PAD_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function invalid(message: string, hint: string): LakebookError {
  return new LakebookError("LAKE_KEY_INVALID", message, { hint });
}

export function isTableName(name: string): boolean {
  return typeof name === "string" && name.length <= MAX_TABLE_NAME && TABLE_NAME.test(name);
}

export function assertTableName(name: string): void {
  if (!isTableName(name)) {
    throw invalid(
      `Table name ${JSON.stringify(name)} is not lower snake case.`,
      "Use letters a-z, digits and _ , starting with a letter, e.g. fact_title_rating.",
    );
  }
}

/** A file name, not a path: the folders are ours to choose, so `../x.csv` or `a/b.csv` is refused. */
export function assertPlainFileName(fileName: string): void {
  const unsafe = keyProblem(fileName);
  if (unsafe || fileName.includes("/")) {
    throw invalid(
      `File name ${JSON.stringify(fileName)} is not a plain file name (${unsafe?.problem ?? "contains /"}).`,
      "Give only the file name, e.g. movies.csv; Lakebook builds the folders.",
    );
  }
}

function assertDataset(dataset: Dataset): void {
  if (!Object.hasOwn(DATASET_FOLDER, dataset)) {
    throw invalid(`Unknown dataset ${JSON.stringify(dataset)}.`, 'The datasets are "movies" and "series".');
  }
}

function assertSource(source: LakeSource): void {
  if (!LAKE_SOURCES.includes(source)) {
    throw invalid(`Unknown source ${JSON.stringify(source)}.`, 'Sources are "Local" (the CSVs) and "TMDB".');
  }
}

/** `Raw/Local/CSV/Movies/2026/01/05/movies.csv`: where an uploaded CSV lands, whole and unmodified. */
export function rawCsvKey(dataset: Dataset, date: ProcessingDate, fileName: string): string {
  assertDataset(dataset);
  assertPlainFileName(fileName);
  return `${RAW_CSV_ROOT}/${DATASET_FOLDER[dataset]}/${formatDatePath(date)}/${fileName}`;
}

/** `Raw/TMDB/JSON/2026/01/05/<file>.json`: one JSON document per file, as the challenge requires. */
export function rawTmdbKey(date: ProcessingDate, fileName: string): string {
  assertPlainFileName(fileName);
  if (!fileName.endsWith(".json") || fileName === ".json") {
    throw invalid(
      `TMDB file name ${JSON.stringify(fileName)} does not end with .json.`,
      "RAW TMDB files hold JSON, e.g. movies-0001.json.",
    );
  }
  return `${RAW_TMDB_ROOT}/${formatDatePath(date)}/${fileName}`;
}

/** `Trusted/Local/Parquet/<table>/` or `Trusted/TMDB/Parquet/<table>/`. */
export function trustedTablePrefix(source: LakeSource, table: string): string {
  assertSource(source);
  assertTableName(table);
  return `${ZONE_FOLDER.trusted}/${source}/${TRUSTED_FORMAT_FOLDER}/${table}/`;
}

/** `Refined/<table>/`: the dimensional model the Glue Data Catalog points at. */
export function refinedTablePrefix(table: string): string {
  assertTableName(table);
  return `${ZONE_FOLDER.refined}/${table}/`;
}

/**
 * Where a table made from other data lives: `Refined/<table>/`, or `Trusted/<source>/Parquet/<table>/`
 * with the source TMDB when every input (a lake path) comes from TMDB data, and Local (the CSVs)
 * otherwise (an input that is not a lake path, such as a table name, counts as Local).
 */
export function writtenTablePrefix(
  database: "trusted" | "refined",
  table: string,
  inputPaths: readonly string[],
): string {
  if (database === "refined") return refinedTablePrefix(table);
  const fromTmdb = inputPaths.length > 0 && inputPaths.every((input) => /^(Raw|Trusted)\/TMDB\//.test(input));
  return trustedTablePrefix(fromTmdb ? "TMDB" : "Local", table);
}

/** `dt=2026-01-05/`: a Hive-style partition folder, the form Spark, Glue and Athena all read. */
export function partitionSegment(column: string, date: ProcessingDate): string {
  if (!isTableName(column)) {
    throw invalid(`Partition column ${JSON.stringify(column)} is not lower snake case.`, 'Use e.g. "dt".');
  }
  return `${column}=${formatDateIso(date)}/`;
}

/**
 * `joinKey("lake/", "Raw/x.csv")` → `lake/Raw/x.csv`. Slashes around the prefix are normalised so
 * "lake", "lake/" and "/lake/" mean the same; an empty prefix returns the key unchanged.
 */
export function joinKey(prefix: string, key: string): string {
  const trimmed = prefix.replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? key : `${trimmed}/${key}`;
}

/** The zone a key belongs to, by its exact first folder; `raw/…` is no zone at all on S3. */
export function zoneOfKey(key: string): Zone | undefined {
  for (const zone of Object.keys(ZONE_FOLDER) as Zone[]) {
    if (key.startsWith(`${ZONE_FOLDER[zone]}/`)) return zone;
  }
  return undefined;
}

/** Reads `YYYY`, `MM`, `DD` folder names; only zero-padded, real dates count. */
export function dateFromFolders(
  year: string | undefined,
  month: string | undefined,
  day: string | undefined,
): ProcessingDate | undefined {
  if (!year || !month || !day) return undefined;
  return dateFromIso(`${year}-${month}-${day}`);
}

/** Reads `2026-01-05`; only zero-padded, real dates count. */
export function dateFromIso(text: string): ProcessingDate | undefined {
  const match = PAD_DATE.exec(text);
  if (!match) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isRealDate(date.year, date.month, date.day) ? date : undefined;
}

/** The dataset whose RAW folder name is exactly `folder` (`Movies` → movies). */
export function datasetOfFolder(folder: string | undefined): Dataset | undefined {
  for (const dataset of Object.keys(DATASET_FOLDER) as Dataset[]) {
    if (DATASET_FOLDER[dataset] === folder) return dataset;
  }
  return undefined;
}
