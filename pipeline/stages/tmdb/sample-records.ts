import path from "node:path";
import { text } from "node:stream/consumers";
import type { TmdbSampleFile, TmdbSampleRecord } from "../../contract";
import type { ObjectStore } from "../../lake";
import { parseTmdbFileName, readTmdbFileBody, type TitleKind } from "./enrich";

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
 * The first records of the first movies file and of the first series file among `files` (each file
 * one `{kind, records}` object, `enrich/writer.ts`). A file
 * that cannot be read or parsed gives no sample rather than failing a run whose files are written.
 */
export async function readSampleFiles(
  store: ObjectStore,
  name: string,
  files: readonly string[],
): Promise<TmdbSampleFile[]> {
  const samples: TmdbSampleFile[] = [];
  for (const kind of ["movie", "tv"] as const) {
    const key = firstFileOf(name, files, kind);
    if (!key) continue;
    try {
      const { records } = readTmdbFileBody(await text(await store.get(key)));
      const sample = records
        .slice(0, SAMPLE_LIMITS.records)
        .filter(isObject)
        .map((r) => trimRecord(r));
      samples.push({ key, kind, records: records.length, sample });
    } catch {
      // The files are listed in the output either way; a sample is a courtesy.
    }
  }
  return samples;
}

/** The lowest-numbered file of `kind` (0001 unless a rerun started later). */
function firstFileOf(name: string, files: readonly string[], kind: TitleKind): string | undefined {
  let first: { key: string; number: number } | undefined;
  for (const key of files) {
    const parsed = parseTmdbFileName(name, path.posix.basename(key));
    if (parsed?.kind === kind && (!first || parsed.number < first.number))
      first = { key, number: parsed.number };
  }
  return first?.key;
}

function isObject(value: unknown): value is Record<string, Json> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
