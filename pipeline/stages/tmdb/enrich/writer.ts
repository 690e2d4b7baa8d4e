import { LakebookError } from "../../../contract";
import { type ObjectStore, type ProcessingDate, rawTmdbKey } from "../../../lake";
import type { TitleKind } from "./fields";

/**
 * RAW TMDB files, as the challenge demands: `Raw/TMDB/JSON/YYYY/MM/DD/<name>-movies-0001.json` and
 * `<name>-series-0001.json`; at most 100 records a file, under 10 MB, one JSON structure a file;
 * movies and series never share a file. Each file is ONE JSON object on ONE line, an envelope
 * `{"kind":"movies","records":[…]}`: Athena's JSON SerDes read one object a line and cannot read a
 * top-level array (https://docs.aws.amazon.com/athena/latest/ug/openx-json-serde.html), so each file
 * is one row of `raw.tmdb` there (`records` an array of structs, `CROSS JOIN UNNEST`); see the
 * README for why not one record a file. The splitting is pure; `writeTmdbFiles` stores the bodies.
 */
export interface FileLimits {
  maxRecords: number;
  /** A file's size stays strictly below this many bytes (10 MB read as 10,000,000: the stricter). */
  maxBytes: number;
}

export const FILE_LIMITS: FileLimits = { maxRecords: 100, maxBytes: 10_000_000 };

/** The word in file names and in the envelope's `kind`. */
export const KIND_WORD: Record<TitleKind, "movies" | "series"> = { movie: "movies", tv: "series" };

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
 * Splits records of one kind into file bodies within `limits`, keeping their order. A record that
 * alone would make a file too large is returned in `oversized` rather than written.
 */
export function splitIntoFiles(
  kind: TitleKind,
  records: readonly Json[],
  limits: FileLimits = FILE_LIMITS,
): { files: FilePlan[]; oversized: Json[] } {
  const head = envelopeHead(kind);
  const files: FilePlan[] = [];
  const oversized: Json[] = [];
  let texts: string[] = [];
  let batch: Json[] = [];
  let bytes = 0;
  const close = () => {
    if (batch.length > 0) files.push({ body: `${head}${texts.join(",")}${TAIL}`, records: batch });
    texts = [];
    batch = [];
    bytes = 0;
  };
  for (const record of records) {
    const text = JSON.stringify(record);
    const size = Buffer.byteLength(text, "utf8");
    if (bodySize(head, size, 1) >= limits.maxBytes) {
      oversized.push(record);
      continue;
    }
    if (
      batch.length >= limits.maxRecords ||
      bodySize(head, bytes + size, batch.length + 1) >= limits.maxBytes
    ) {
      close();
    }
    texts.push(text);
    batch.push(record);
    bytes += size;
  }
  close();
  return { files, oversized };
}

/**
 * `{"kind":"movies","records":[` … `]}` and one newline: the whole file is one line, so no record
 * text may hold a raw newline (JSON.stringify escapes them inside strings).
 */
export function envelopeHead(kind: TitleKind): string {
  return `{"kind":"${KIND_WORD[kind]}","records":[`;
}

const TAIL = "]}\n";

function bodySize(head: string, recordBytes: number, count: number): number {
  // head + records joined by "," + tail
  return head.length + recordBytes + Math.max(0, count - 1) + TAIL.length;
}

/**
 * A RAW TMDB file's records, read back (resume, samples): the envelope this writer makes. Throws
 * with the reason when the text is not one.
 */
export function readTmdbFileBody(text: string): { kind: "movies" | "series"; records: unknown[] } {
  const value: unknown = JSON.parse(text);
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error(
      Array.isArray(value) ? "a JSON array, not the {kind, records} object" : "not a JSON object",
    );
  }
  const { kind, records } = value as Json;
  if ((kind !== "movies" && kind !== "series") || !Array.isArray(records)) {
    throw new Error('not a {"kind": "movies" | "series", "records": [...]} object');
  }
  return { kind, records };
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
  const { files, oversized } = splitIntoFiles(target.kind, records, limits);
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
