import path from "node:path";
import { text } from "node:stream/consumers";
import type { TmdbSampleFile, TmdbSampleRecord } from "../../contract";
import type { ObjectStore } from "../../lake";
import { parseTmdbFileName, type TitleKind } from "./enrich";

/**
 * A few records of what the cell wrote, read back from the lake (so the sample is what RAW holds,
 * not what the run meant to write), trimmed so the output stays small: a record with 10 cast members,
 * 40 keywords and a long overview would otherwise dwarf the rest of the output.
 */
export const SAMPLE_LIMITS = { records: 5, items: 5, characters: 200 };

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type Cut = TmdbSampleRecord["cuts"][number];

/** The record with arrays cut to their first `items` and texts to `characters`; each cut listed by path. */
export function trimRecord(
  record: Record<string, Json>,
  limits: { items: number; characters: number } = SAMPLE_LIMITS,
): TmdbSampleRecord {
  const cuts: Cut[] = [];
  const trim = (value: Json, at: string): Json => {
    if (typeof value === "string") {
      if (value.length <= limits.characters) return value;
      cuts.push({ path: at, omitted: value.length - limits.characters, unit: "characters" });
      return value.slice(0, limits.characters);
    }
    if (Array.isArray(value)) {
      if (value.length > limits.items) {
        cuts.push({ path: at, omitted: value.length - limits.items, unit: "items" });
      }
      return value.slice(0, limits.items).map((item, index) => trim(item, `${at}.${index}`));
    }
    if (value !== null && typeof value === "object") return trimObject(value, at);
    return value;
  };
  const trimObject = (value: { [key: string]: Json }, at: string) =>
    Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, trim(item, at ? `${at}.${key}` : key)]),
    );
  return { record: trimObject(record, ""), cuts };
}

/**
 * The first records of the movies files and of the series files among `files` (one record a file,
 * lowest numbers first). A file that cannot be read or parsed gives no sample rather than failing a
 * run whose files are written.
 */
export async function readSampleFiles(
  store: ObjectStore,
  name: string,
  files: readonly string[],
): Promise<TmdbSampleFile[]> {
  const samples: TmdbSampleFile[] = [];
  for (const kind of ["movie", "tv"] as const) {
    const keys = filesOf(name, files, kind);
    const first = keys[0];
    if (!first) continue;
    const sample: TmdbSampleRecord[] = [];
    let records = 0;
    for (const key of keys) {
      if (sample.length >= SAMPLE_LIMITS.records) break;
      try {
        const body: unknown = JSON.parse(await text(await store.get(key)));
        // One record a file (an object); files of the earlier layout hold an array.
        const list = Array.isArray(body) ? body : [body];
        records += list.length;
        for (const record of list.filter(isObject)) {
          if (sample.length < SAMPLE_LIMITS.records) sample.push(trimRecord(record));
        }
      } catch {
        // The files are listed in the output either way; a sample is a courtesy.
      }
    }
    if (sample.length > 0) samples.push({ key: first, kind, records, sample });
  }
  return samples;
}

/** The files of `kind`, lowest number first (0001 unless a rerun started later). */
function filesOf(name: string, files: readonly string[], kind: TitleKind): string[] {
  const found: { key: string; number: number }[] = [];
  for (const key of files) {
    const parsed = parseTmdbFileName(name, path.posix.basename(key));
    if (parsed?.kind === kind) found.push({ key, number: parsed.number });
  }
  return found.sort((a, b) => a.number - b.number).map((file) => file.key);
}

function isObject(value: unknown): value is Record<string, Json> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
