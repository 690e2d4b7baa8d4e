import { LakebookError } from "../../../contract";
import { type ObjectStore, type ProcessingDate, rawTmdbKey } from "../../../lake";
import type { TitleKind } from "./fields";

/**
 * RAW TMDB files, as the challenge demands: `Raw/TMDB/JSON/YYYY/MM/DD/<name>-movies-0001.json` and
 * `<name>-series-0001.json`; at most 100 records a file, under 10 MB, never two JSON structures in
 * one file; movies and series never share a file. Lakebook writes ONE record a file, one JSON object
 * on one line: the only layout that keeps "one JSON structure a file" and that Athena's JSON SerDes
 * read, since they read one object per line and cannot read a top-level array
 * (https://docs.aws.amazon.com/athena/latest/ug/parsing-JSON.html). DuckDB's read_json and Spark's
 * JSON reader (with or without multiLine) read such a file as one row. Records are still gathered
 * and flushed in batches of `maxRecords`, in order. The splitting is pure; `writeTmdbFiles` stores
 * the bodies.
 */
export interface FileLimits {
  /** Records gathered before they are written (each in its own file) and checkpointed. */
  maxRecords: number;
  /** A file's size stays strictly below this many bytes (10 MB read as 10,000,000: the stricter). */
  maxBytes: number;
}

export const FILE_LIMITS: FileLimits = { maxRecords: 100, maxBytes: 10_000_000 };

const KIND_WORD: Record<TitleKind, string> = { movie: "movies", tv: "series" };

/** `tmdb-movies-0001.json`: numbers start at 1 and are zero-padded to four digits. */
export function tmdbFileName(name: string, kind: TitleKind, number: number): string {
  if (!Number.isInteger(number) || number < 1) {
    throw new LakebookError("TMDB_FILE_NUMBER_INVALID", `TMDB file number ${number} is not 1 or more.`);
  }
  return `${name}-${KIND_WORD[kind]}-${String(number).padStart(4, "0")}.json`;
}

/** Reads a file name this writer made for `name` back to its kind and number. */
export function parseTmdbFileName(
  name: string,
  fileName: string,
): { kind: TitleKind; number: number } | undefined {
  if (!fileName.startsWith(`${name}-`)) return undefined;
  const match = /^(movies|series)-(\d{4,})\.json$/.exec(fileName.slice(name.length + 1));
  if (!match) return undefined;
  const number = Number(match[2]);
  if (number < 1) return undefined;
  return { kind: match[1] === "movies" ? "movie" : "tv", number };
}

type Json = Record<string, unknown>;

export interface FilePlan {
  body: string;
  records: Json[];
}

/**
 * One file body per record, in order: the object on one line. A record whose line would reach
 * `limits.maxBytes` is returned in `oversized` rather than written.
 */
export function splitIntoFiles(
  records: readonly Json[],
  limits: FileLimits = FILE_LIMITS,
): { files: FilePlan[]; oversized: Json[] } {
  const files: FilePlan[] = [];
  const oversized: Json[] = [];
  for (const record of records) {
    const body = `${JSON.stringify(record)}\n`;
    if (Buffer.byteLength(body, "utf8") >= limits.maxBytes) oversized.push(record);
    else files.push({ body, records: [record] });
  }
  return { files, oversized };
}

export interface WrittenFile {
  key: string;
  kind: TitleKind;
  number: number;
  /** The records' IMDb ids ("" for a discovered title TMDB knows no IMDb id of), in file order. */
  ids: string[];
  /** The records' TMDB ids (absent in checkpoints written before discover mode). */
  tmdbIds?: number[];
  bytes: number;
}

/** Stores `records` as files numbered from `firstNumber` on; returns what was written. */
export async function writeTmdbFiles(
  store: ObjectStore,
  target: { date: ProcessingDate; name: string; kind: TitleKind; firstNumber: number },
  records: readonly Json[],
  limits: FileLimits = FILE_LIMITS,
): Promise<{ written: WrittenFile[]; oversized: Json[] }> {
  const { files, oversized } = splitIntoFiles(records, limits);
  const written: WrittenFile[] = [];
  let number = target.firstNumber;
  for (const file of files) {
    const key = rawTmdbKey(target.date, tmdbFileName(target.name, target.kind, number));
    const info = await store.put(key, file.body, { contentType: "application/json" });
    written.push({
      key,
      kind: target.kind,
      number,
      ids: file.records.map(imdbIdOf),
      tmdbIds: file.records.map((record) => record.id).filter(isTmdbId),
      bytes: info.size,
    });
    number += 1;
  }
  return { written, oversized };
}

/** A record's IMDb id as the checkpoint lists it: "" when it has none (a discovered title). */
export function imdbIdOf(record: unknown): string {
  const value = typeof record === "object" && record !== null ? (record as Json).imdb_id : undefined;
  return typeof value === "string" ? value : "";
}

export function isTmdbId(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value);
}
