import { LakebookError } from "../../../contract";
import type { Engine } from "../../../engine";
import { formatDateIso, type ObjectStore, type ProcessingDate, processingDateOf } from "../../../lake";
import type { TmdbSettings } from "../settings";
import { type Checkpoint, type FailedTitle, loadCheckpoint, manifestKey, saveCheckpoint } from "./checkpoint";
import { pickFields, type TitleKind } from "./fields";
import { addRequestLogs, countingGetter, emptyRequestLog, type RequestLog, type TmdbGetter } from "./getter";
import { readSelection, type SelectedTitle } from "./select";
import { FILE_LIMITS, type FileLimits, type WrittenFile, writeTmdbFiles } from "./writer";

export interface TmdbEnrichOptions {
  store: ObjectStore;
  engine: Engine;
  /** The TMDB client (rate limit, retries, cache, credentials live there). */
  getter: TmdbGetter;
  settings: Pick<TmdbSettings, "select" | "fields" | "concurrency" | "name"> & { date?: ProcessingDate };
  signal?: AbortSignal;
  onProgress?: (progress: TmdbEnrichProgress) => void;
  /** The clock for the default processing date (today, UTC). */
  now?: () => Date;
  /** For tests; the challenge's limits otherwise. */
  limits?: FileLimits;
}

/** Counts over the selected titles, including those done by earlier runs of the same name and date. */
export interface TmdbEnrichProgress {
  total: number;
  done: number;
  found: number;
  notFound: number;
  failed: number;
}

export interface TmdbEnrichResult extends TmdbEnrichProgress {
  date: string;
  name: string;
  /** Values of `id` that are not IMDb ids; never looked up. */
  skipped: string[];
  /** Titles this run looked up (the rest were done before). */
  fetched: number;
  notFoundIds: string[];
  failedTitles: FailedTitle[];
  /** Keys this run wrote; empty when there was nothing new. */
  filesWritten: string[];
  /** Every data file of this name and date. */
  files: string[];
  requests: RequestLog;
  /** The manifest (`_lakebook/tmdb/<date>/<name>.manifest.json`); undefined before any run completed. */
  manifestKey: string | undefined;
}

type Json = Record<string, unknown>;
type Outcome =
  | { type: "found"; kind: TitleKind; record: Json }
  | { type: "not_found" }
  | { type: "failed"; reason: string }
  | { type: "cancelled" };

const FIND_QUERY = { external_source: "imdb_id" };
const APPEND: Record<TitleKind, string> = {
  movie: "credits,keywords,release_dates",
  tv: "credits,keywords,external_ids,content_ratings",
};

/**
 * Enriches the selected titles from TMDB into RAW: /find by IMDb id → /movie or /tv details → the
 * chosen fields → files of at most 100 records. Resumable: titles in the lake's checkpoint (written,
 * or not found) are not fetched again; failed ones are retried. Throws CANCELLED on abort and
 * TMDB_UNAUTHORIZED on a 401, both with the checkpoint as of the last whole file.
 */
export async function runTmdbEnrichment(options: TmdbEnrichOptions): Promise<TmdbEnrichResult> {
  const { store, settings, signal } = options;
  const limits = options.limits ?? FILE_LIMITS;
  const date = settings.date ?? processingDateOf((options.now ?? (() => new Date()))());
  const selection = await readSelection(options.engine, settings.select, signal);
  throwIfCancelled(signal, 0);
  let checkpoint = await loadCheckpoint(store, date, settings.name);
  const baseRequests = checkpoint.requests;
  const written = new Set(checkpoint.files.flatMap((file) => file.ids));
  const notFound = new Set(checkpoint.notFound);
  const failed = new Map(checkpoint.failed.map((entry) => [entry.imdbId, entry.reason]));
  const pending = selection.titles.filter((t) => !written.has(t.imdbId) && !notFound.has(t.imdbId));

  const log = emptyRequestLog();
  const getter = countingGetter(options.getter, log);
  const inner = new AbortController();
  const onAbort = () => inner.abort();
  signal?.addEventListener("abort", onAbort, { once: true });
  const selected = new Set(selection.titles.map((t) => t.imdbId));
  const found = new Set([...written].filter((id) => selected.has(id)));
  const filesWritten: string[] = [];
  const buffers: Record<TitleKind, Json[]> = { movie: [], tv: [] };
  let stopError: unknown;
  let writing: Promise<void> = Promise.resolve();

  const progress = (): TmdbEnrichProgress => {
    const notFoundCount = [...notFound].filter((id) => selected.has(id)).length;
    const failedCount = [...failed.keys()].filter((id) => selected.has(id)).length;
    const done = found.size + notFoundCount + failedCount;
    return {
      total: selection.titles.length,
      done,
      found: found.size,
      notFound: notFoundCount,
      failed: failedCount,
    };
  };
  const snapshot = (files: WrittenFile[]): Checkpoint => ({
    ...checkpoint,
    files: [...checkpoint.files, ...files],
    notFound: [...notFound].sort(),
    failed: [...failed].map(([imdbId, reason]) => ({ imdbId, reason })).sort(byId),
    requests: addRequestLogs(baseRequests, log),
  });
  const flush = async (kind: TitleKind, records: Json[]) => {
    const numbers = checkpoint.files.filter((file) => file.kind === kind).map((file) => file.number);
    const firstNumber = Math.max(0, ...numbers) + 1;
    const sorted = [...records].sort((a, b) => String(a.imdb_id).localeCompare(String(b.imdb_id)));
    // Not cancelled by the signal: a whole batch is cheap to finish and keeps the checkpoint whole.
    const result = await writeTmdbFiles(
      store,
      { date, name: settings.name, kind, firstNumber },
      sorted,
      limits,
    );
    for (const record of result.oversized) {
      found.delete(String(record.imdb_id));
      failed.set(String(record.imdb_id), `record over ${limits.maxBytes} bytes`);
    }
    filesWritten.push(...result.written.map((file) => file.key));
    checkpoint = snapshot(result.written);
    await saveCheckpoint(store, date, checkpoint);
  };
  const schedule = (kind: TitleKind, records: Json[]) => {
    writing = writing
      .then(() => (stopError === undefined ? flush(kind, records) : undefined))
      .catch((error: unknown) => stop(error));
  };
  const stop = (error: unknown) => {
    stopError ??= error;
    inner.abort();
  };

  let next = 0;
  const worker = async () => {
    while (!inner.signal.aborted && next < pending.length) {
      const title = pending[next++] as SelectedTitle;
      let outcome: Outcome;
      try {
        outcome = await enrichTitle(getter, title, settings.fields, inner.signal);
      } catch (error) {
        if (error instanceof LakebookError && error.code === "TMDB_UNAUTHORIZED") return stop(error);
        if (inner.signal.aborted) return;
        // A client that throws instead of answering still accounts for the title: failed, listed.
        outcome = {
          type: "failed",
          reason: `error: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
      if (outcome.type === "cancelled") return;
      failed.delete(title.imdbId);
      if (outcome.type === "found") {
        found.add(title.imdbId);
        const buffer = buffers[outcome.kind];
        buffer.push(outcome.record);
        if (buffer.length >= limits.maxRecords) schedule(outcome.kind, buffer.splice(0, limits.maxRecords));
      } else if (outcome.type === "not_found") {
        notFound.add(title.imdbId);
      } else {
        failed.set(title.imdbId, outcome.reason);
      }
      options.onProgress?.(progress());
    }
  };
  try {
    const workers = Math.max(1, Math.min(settings.concurrency, pending.length));
    await Promise.all(Array.from({ length: workers }, worker));
    await writing;
    if (stopError !== undefined) throw stopError;
    throwIfCancelled(signal, checkpoint.files.length);
    if (pending.length === 0) {
      const existing = manifestKey(date, settings.name);
      return resultOf((await store.head(existing)) ? existing : undefined);
    }
    for (const kind of ["movie", "tv"] as const) {
      if (buffers[kind].length > 0) schedule(kind, buffers[kind].splice(0));
    }
    await writing;
    if (stopError !== undefined) throw stopError;
    if (filesWritten.length === 0) {
      checkpoint = snapshot([]);
      await saveCheckpoint(store, date, checkpoint);
    }
    const manifest = manifestKey(date, settings.name);
    await store.put(manifest, manifestBody(resultOf(manifest), log, checkpoint), {
      contentType: "application/json",
    });
    return resultOf(manifest);
  } catch (error) {
    // Keep what was learnt since the last file (not-found titles) so a rerun skips them too.
    if (notFound.size > checkpoint.notFound.length) {
      await saveCheckpoint(store, date, snapshot([])).catch(() => undefined);
    }
    throw error;
  } finally {
    signal?.removeEventListener("abort", onAbort);
  }

  function resultOf(manifest: string | undefined): TmdbEnrichResult {
    const counts = progress();
    return {
      ...counts,
      date: formatDateIso(date),
      name: settings.name,
      skipped: selection.skipped,
      fetched: next,
      notFoundIds: selection.titles.map((t) => t.imdbId).filter((id) => notFound.has(id)),
      failedTitles: selection.titles
        .filter((t) => failed.has(t.imdbId))
        .map((t) => ({ imdbId: t.imdbId, reason: failed.get(t.imdbId) ?? "" })),
      filesWritten,
      files: checkpoint.files.map((file) => file.key),
      requests: { ...log },
      manifestKey: manifest,
    };
  }
}

async function enrichTitle(
  getter: TmdbGetter,
  title: SelectedTitle,
  fields: TmdbSettings["fields"],
  signal: AbortSignal,
): Promise<Outcome> {
  const found = await getter.get<FindAnswer>(`/find/${title.imdbId}`, FIND_QUERY, { signal });
  if (signal.aborted) return { type: "cancelled" };
  if (!found.ok) return failure(found, "find");
  const match = matchOf(found.body, title.kind);
  if (!match) return { type: "not_found" };
  const detail = await getter.get<Json>(
    `/${match.kind}/${match.id}`,
    { append_to_response: APPEND[match.kind] },
    { signal },
  );
  if (signal.aborted) return { type: "cancelled" };
  if (!detail.ok) return failure(detail, match.kind);
  if (typeof detail.body !== "object" || detail.body === null) {
    return { type: "failed", reason: `${match.kind}: the answer is not a JSON object` };
  }
  const record = pickFields(match.kind, title.imdbId, { id: match.id, ...detail.body }, fields);
  return { type: "found", kind: match.kind, record };
}

interface FindAnswer {
  movie_results?: { id?: unknown }[];
  tv_results?: { id?: unknown }[];
}

/** The declared kind's list first, then the other: a TV movie in raw.movies is still found. */
function matchOf(body: FindAnswer, kind: TitleKind | undefined): { kind: TitleKind; id: number } | undefined {
  const order: TitleKind[] = kind === "tv" ? ["tv", "movie"] : ["movie", "tv"];
  for (const candidate of order) {
    const list = candidate === "movie" ? body?.movie_results : body?.tv_results;
    const id = Array.isArray(list) ? list[0]?.id : undefined;
    if (typeof id === "number" && Number.isInteger(id)) return { kind: candidate, id };
  }
  return undefined;
}

function failure(
  result: Extract<Awaited<ReturnType<TmdbGetter["get"]>>, { ok: false }>,
  step: string,
): Outcome {
  if (result.reason === "unauthorized") {
    // Never the client's message: the key must not reach an error, whatever the client put there.
    throw new LakebookError(
      "TMDB_UNAUTHORIZED",
      "TMDB refused the credentials (HTTP 401); the run stopped.",
      {
        hint: "Set a valid TMDB_API_KEY or TMDB_READ_ACCESS_TOKEN (or the key in the keychain) and run again; finished files are kept.",
      },
    );
  }
  if (result.reason === "not_found") return { type: "not_found" };
  const tries = result.attempts > 1 ? ` after ${result.attempts} attempts` : "";
  return {
    type: "failed",
    reason: `${step}: HTTP ${result.status}${tries}: ${result.message}`.slice(0, 300),
  };
}

function throwIfCancelled(signal: AbortSignal | undefined, files: number): void {
  if (!signal?.aborted) return;
  throw new LakebookError("CANCELLED", "The TMDB enrichment was cancelled.", {
    hint: `The ${files} finished file(s) are kept in the checkpoint; run the cell again to fetch only what is missing.`,
  });
}

function byId(a: FailedTitle, b: FailedTitle): number {
  return a.imdbId.localeCompare(b.imdbId);
}

function manifestBody(result: TmdbEnrichResult, log: RequestLog, checkpoint: Checkpoint): string {
  const manifest = {
    version: 1,
    name: result.name,
    date: result.date,
    completedAt: new Date().toISOString(),
    counts: {
      selected: result.total,
      found: result.found,
      notFound: result.notFound,
      failed: result.failed,
      skipped: result.skipped.length,
    },
    files: checkpoint.files.map((file) => ({
      key: file.key,
      kind: file.kind,
      records: file.ids.length,
      bytes: file.bytes,
    })),
    notFound: result.notFoundIds,
    failed: result.failedTitles,
    skipped: result.skipped,
    requests: { thisRun: log, allRuns: checkpoint.requests },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
