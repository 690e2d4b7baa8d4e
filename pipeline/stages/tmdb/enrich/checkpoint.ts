import { z } from "zod";
import { LakebookError } from "../../../contract";
import {
  formatDateIso,
  formatDatePath,
  type ObjectStore,
  type ProcessingDate,
  RAW_TMDB_ROOT,
  readAll,
} from "../../../lake";
import { emptyRequestLog } from "./getter";
import { imdbIdOf, isTmdbId, parseTmdbFileName, readTmdbFileBody, type WrittenFile } from "./writer";

/**
 * The run's memory, kept IN THE LAKE so a rerun from another machine (or Lambda) resumes too.
 *
 * Both the checkpoint and the manifest live in `_lakebook/tmdb/YYYY-MM-DD/<name>.*.json`, not beside
 * the data: `Raw/TMDB/JSON/YYYY/MM/DD/` must hold only record files (the challenge: files hold records,
 * one JSON structure each), and the TRUSTED stage reads that folder as `*.json` records. Top-level
 * `_` folders are Lakebook's own and hidden from lake listings.
 *
 * The checkpoint is rewritten (atomically, by the store) after every flushed file, so it always
 * names whole files; a file stored just before a crash but not yet in the checkpoint is adopted
 * by `loadCheckpoint` from the data folder, so no record is written twice.
 */
export const LAKEBOOK_TMDB_ROOT = "_lakebook/tmdb";

const RequestLogSchema = z.object({
  requests: z.number(),
  cacheHits: z.number(),
  retries: z.number(),
  failed: z.number(),
  notFound: z.number(),
});

const CheckpointSchema = z.object({
  version: z.literal(1),
  name: z.string(),
  date: z.string(),
  files: z.array(
    z.object({
      key: z.string(),
      kind: z.enum(["movie", "tv"]),
      number: z.number().int().min(1),
      ids: z.array(z.string()),
      tmdbIds: z.array(z.number()).optional(),
      bytes: z.number(),
    }),
  ),
  notFound: z.array(z.string()),
  failed: z.array(z.object({ imdbId: z.string(), reason: z.string() })),
  requests: RequestLogSchema,
  /** Discover mode: the titles written (by TMDB id; `imdbId` null when TMDB has none). */
  discovered: z.array(z.object({ tmdbId: z.number(), imdbId: z.string().nullable() })).default([]),
  /** Discover mode: pages that could not be read and discovered titles that failed, with why. */
  discoverFailed: z
    .array(z.object({ page: z.number().optional(), tmdbId: z.number().optional(), reason: z.string() }))
    .default([]),
  updatedAt: z.string(),
});

export type Checkpoint = z.infer<typeof CheckpointSchema>;
export type FailedTitle = Checkpoint["failed"][number];
export type DiscoverFailure = Checkpoint["discoverFailed"][number];
export type DiscoveredTitle = Checkpoint["discovered"][number];

export function checkpointKey(date: ProcessingDate, name: string): string {
  return `${LAKEBOOK_TMDB_ROOT}/${formatDateIso(date)}/${name}.checkpoint.json`;
}

export function manifestKey(date: ProcessingDate, name: string): string {
  return `${LAKEBOOK_TMDB_ROOT}/${formatDateIso(date)}/${name}.manifest.json`;
}

export function emptyCheckpoint(date: ProcessingDate, name: string): Checkpoint {
  return {
    version: 1,
    name,
    date: formatDateIso(date),
    files: [],
    notFound: [],
    failed: [],
    requests: emptyRequestLog(),
    discovered: [],
    discoverFailed: [],
    updatedAt: new Date(0).toISOString(),
  };
}

/** The checkpoint of `name` on `date` (empty when none), plus any of its files it does not list yet. */
export async function loadCheckpoint(
  store: ObjectStore,
  date: ProcessingDate,
  name: string,
): Promise<Checkpoint> {
  const key = checkpointKey(date, name);
  let checkpoint = emptyCheckpoint(date, name);
  if (await store.head(key)) {
    const parsed = CheckpointSchema.safeParse(parseJson(await readAll(await store.get(key)), key));
    if (!parsed.success) throw unreadable(key, parsed.error.issues[0]?.message ?? "unexpected shape");
    checkpoint = parsed.data;
  }
  return adoptUnlistedFiles(store, date, name, checkpoint);
}

async function adoptUnlistedFiles(
  store: ObjectStore,
  date: ProcessingDate,
  name: string,
  checkpoint: Checkpoint,
): Promise<Checkpoint> {
  const listed = new Set(checkpoint.files.map((file) => file.key));
  const adopted: WrittenFile[] = [];
  for await (const info of store.list(`${RAW_TMDB_ROOT}/${formatDatePath(date)}/`)) {
    const fileName = info.key.slice(info.key.lastIndexOf("/") + 1);
    const parsed = parseTmdbFileName(name, fileName);
    if (!parsed || listed.has(info.key)) continue;
    const records = recordsOf(await readAll(await store.get(info.key)), info.key);
    const ids = records.map(imdbIdOf);
    const tmdbIds = records
      .map((record: unknown) =>
        typeof record === "object" && record !== null ? (record as Record<string, unknown>).id : undefined,
      )
      .filter(isTmdbId);
    adopted.push({ key: info.key, kind: parsed.kind, number: parsed.number, ids, tmdbIds, bytes: info.size });
  }
  if (adopted.length === 0) return checkpoint;
  const ids = new Set(adopted.flatMap((file) => file.ids));
  return {
    ...checkpoint,
    files: [...checkpoint.files, ...adopted].sort((a, b) => a.key.localeCompare(b.key)),
    notFound: checkpoint.notFound.filter((id) => !ids.has(id)),
    failed: checkpoint.failed.filter((entry) => !ids.has(entry.imdbId)),
  };
}

export async function saveCheckpoint(store: ObjectStore, date: ProcessingDate, checkpoint: Checkpoint) {
  const body = `${JSON.stringify({ ...checkpoint, updatedAt: new Date().toISOString() }, null, 2)}\n`;
  await store.put(checkpointKey(date, checkpoint.name), body, { contentType: "application/json" });
}

function parseJson(bytes: Buffer, key: string): unknown {
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch (error) {
    throw unreadable(key, (error as Error).message);
  }
}

/** A data file's records: the one-line `{kind, records}` envelope the writer makes. */
function recordsOf(bytes: Buffer, key: string): unknown[] {
  try {
    return readTmdbFileBody(bytes.toString("utf8")).records;
  } catch (error) {
    throw unreadable(key, (error as Error).message);
  }
}

function unreadable(key: string, reason: string): LakebookError {
  return new LakebookError(
    "TMDB_CHECKPOINT_INVALID",
    `The TMDB run's file "${key}" cannot be read: ${reason}.`,
    {
      hint: "Delete that file (and its checkpoint in _lakebook/tmdb/) to fetch those titles again.",
    },
  );
}
