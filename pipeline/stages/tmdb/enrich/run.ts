import { LakebookError } from "../../../contract";
import type { Engine } from "../../../engine";
import { formatDateIso, type ObjectStore, type ProcessingDate, processingDateOf } from "../../../lake";
import type { TmdbDiscoverSettings, TmdbSettings } from "../settings";
import {
  type Checkpoint,
  type DiscoverFailure,
  type FailedTitle,
  loadCheckpoint,
  manifestKey,
  saveCheckpoint,
} from "./checkpoint";
import { pickFields, type TitleKind } from "./fields";
import { addRequestLogs, countingGetter, emptyRequestLog, type RequestLog, type TmdbGetter } from "./getter";
import { byFailure, byId, failureKey, manifestBody } from "./run-report";
import { readSelection, type SelectedTitle } from "./select";
import { FILE_LIMITS, type FileLimits, isTmdbId, type WrittenFile, writeTmdbFiles } from "./writer";

export interface TmdbEnrichOptions {
  store: ObjectStore;
  engine: Engine;
  /** The TMDB client (rate limit, retries, cache, credentials live there). */
  getter: TmdbGetter;
  /** `discover` (optional) also pages `/discover/movie` after the selected titles; see `runTmdbEnrichment`. */
  settings: Pick<TmdbSettings, "select" | "fields" | "concurrency" | "name" | "discover"> & {
    date?: ProcessingDate;
  };
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
  /** Discover mode: titles written from `/discover/movie` (this run and earlier ones of the same name and date). */
  discovered: number;
  /** Of `discovered`, those TMDB knows no IMDb id of (written with `imdb_id: null`). */
  withoutImdbId: number;
  /** Discovered titles this run looked up (details fetched). */
  discoverFetched: number;
  /** Discover pages that could not be read and discovered titles that failed. */
  discoverFailures: DiscoverFailure[];
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
/** TMDB answers no discover page past 500. */
const DISCOVER_PAGE_LIMIT = 500;
const APPEND: Record<TitleKind, string> = {
  movie: "credits,keywords,release_dates",
  tv: "credits,keywords,external_ids,content_ratings",
};

/**
 * Enriches the selected titles from TMDB into RAW: /find by IMDb id → /movie or /tv details → the
 * chosen fields → files of at most 100 records. Resumable: titles in the lake's checkpoint (written,
 * or not found) are not fetched again; failed ones are retried. Throws CANCELLED on abort and
 * TMDB_UNAUTHORIZED on a 401, both with the checkpoint as of the last whole file.
 *
 * Discover mode (`settings.discover`): after the selected titles, `/discover/movie` is paged with the
 * filters from page 1 to min(total_pages, maxPages, 500); every movie whose TMDB id is not enriched yet
 * (by a selected title or an earlier discover, this run or before) gets the same `/movie/{id}` details
 * and goes to the movies files. Discover results carry no IMDb id, the details do; a title TMDB knows
 * no IMDb id of is still written, with `imdb_id: null`, and counted as `withoutImdbId` — the
 * challenge joins TMDB to the CSVs by imdb_id, so those records will not join. Pages are read again
 * on every run (the client's cache makes that cheap); details only for TMDB ids not written yet. A
 * page that fails is listed in `discoverFailures` and the run goes on with the next page.
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
  // TMDB ids of movies already enriched: movie and TV ids are separate sequences, so only movies count.
  const enrichedMovies = new Set(
    checkpoint.files.filter((file) => file.kind === "movie").flatMap((file) => file.tmdbIds ?? []),
  );
  const discovered = new Map(checkpoint.discovered.map((entry) => [entry.tmdbId, entry.imdbId]));
  /** Discovered titles fetched and buffered, not yet in a file: done once flushed. */
  const discoverPending = new Map<number, string | null>();
  // Pages are read again when discovering, so only the earlier title failures carry over.
  const discoverFailed = new Map(
    checkpoint.discoverFailed
      .filter((entry) => !settings.discover || entry.page === undefined)
      .map((entry) => [failureKey(entry), entry]),
  );
  let discoverFetched = 0;
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
    discovered: [...discovered]
      .map(([tmdbId, imdbId]) => ({ tmdbId, imdbId }))
      .sort((a, b) => a.tmdbId - b.tmdbId),
    discoverFailed: discoverFailures(),
  });
  const discoverFailures = (): DiscoverFailure[] => [...discoverFailed.values()].sort(byFailure);
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
    if (kind === "movie") {
      for (const tmdbId of result.written.flatMap((file) => file.tmdbIds ?? [])) {
        if (!discoverPending.has(tmdbId)) continue;
        discovered.set(tmdbId, discoverPending.get(tmdbId) ?? null);
        discoverPending.delete(tmdbId);
      }
    }
    for (const record of result.oversized) {
      if (kind === "movie" && isTmdbId(record.id) && discoverPending.has(record.id)) {
        discoverPending.delete(record.id);
        const failure = { tmdbId: record.id, reason: `record over ${limits.maxBytes} bytes` };
        discoverFailed.set(failureKey(failure), failure);
        continue;
      }
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

  /**
   * One title's requests. A 401 stops the whole run and an abort ends the worker (both "cancelled");
   * a client that throws instead of answering still accounts for the title: failed, listed.
   */
  const attempt = async (request: () => Promise<Outcome>): Promise<Outcome> => {
    try {
      return await request();
    } catch (error) {
      if (error instanceof LakebookError && error.code === "TMDB_UNAUTHORIZED") {
        stop(error);
        return { type: "cancelled" };
      }
      if (inner.signal.aborted) return { type: "cancelled" };
      return { type: "failed", reason: `error: ${error instanceof Error ? error.message : String(error)}` };
    }
  };

  let next = 0;
  const worker = async () => {
    while (!inner.signal.aborted && next < pending.length) {
      const title = pending[next++] as SelectedTitle;
      const outcome = await attempt(() => enrichTitle(getter, title, settings.fields, inner.signal));
      if (outcome.type === "cancelled") return;
      failed.delete(title.imdbId);
      if (outcome.type === "found") {
        found.add(title.imdbId);
        if (outcome.kind === "movie" && isTmdbId(outcome.record.id)) enrichedMovies.add(outcome.record.id);
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
  /** Pages `/discover/movie`; returns the TMDB ids not enriched yet, in page order. */
  const discoverIds = async (discover: TmdbDiscoverSettings): Promise<number[]> => {
    const ids: number[] = [];
    const seen = new Set<number>();
    let last = Math.min(discover.maxPages, DISCOVER_PAGE_LIMIT);
    for (let page = 1; page <= last && !inner.signal.aborted; page++) {
      const pageFailed = (reason: string) => {
        const failure = { page, reason: `discover page ${page}: ${reason}`.slice(0, 300) };
        discoverFailed.set(failureKey(failure), failure);
      };
      let answer: Awaited<ReturnType<TmdbGetter["get"]>>;
      try {
        answer = await getter.get<DiscoverAnswer>(
          "/discover/movie",
          { ...discover.filters, page: String(page) },
          { signal: inner.signal },
        );
      } catch (error) {
        if (inner.signal.aborted) break;
        pageFailed(`error: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
      if (inner.signal.aborted) break;
      if (!answer.ok) {
        if (answer.reason === "unauthorized") failure(answer, "discover"); // throws TMDB_UNAUTHORIZED
        const tries = answer.attempts > 1 ? ` after ${answer.attempts} attempts` : "";
        pageFailed(`HTTP ${answer.status}${tries}: ${answer.message}`);
        continue;
      }
      const body = answer.body as DiscoverAnswer | null;
      if (typeof body !== "object" || body === null || !Array.isArray(body.results)) {
        pageFailed("the answer is not a discover page");
        continue;
      }
      if (typeof body.total_pages === "number") last = Math.min(last, body.total_pages);
      for (const result of body.results) {
        const id = result?.id;
        if (!isTmdbId(id) || seen.has(id) || enrichedMovies.has(id) || discovered.has(id)) continue;
        seen.add(id);
        ids.push(id);
      }
    }
    return ids;
  };
  const discoverTitles = async (discover: TmdbDiscoverSettings) => {
    let ids: number[];
    try {
      ids = await discoverIds(discover);
    } catch (error) {
      return stop(error);
    }
    const worker = async () => {
      while (!inner.signal.aborted && discoverFetched < ids.length) {
        const tmdbId = ids[discoverFetched++] as number;
        const outcome = await attempt(() => enrichDiscovered(getter, tmdbId, settings.fields, inner.signal));
        if (outcome.type === "cancelled") return;
        const key = failureKey({ tmdbId });
        if (outcome.type !== "found") {
          const reason = outcome.type === "failed" ? outcome.reason : "movie: not found";
          discoverFailed.set(key, { tmdbId, reason });
          continue;
        }
        discoverFailed.delete(key);
        const imdbId = typeof outcome.record.imdb_id === "string" ? outcome.record.imdb_id : null;
        // Already written under this IMDb id (a file from before TMDB ids were listed): not twice.
        if (imdbId !== null && written.has(imdbId)) continue;
        enrichedMovies.add(tmdbId);
        discoverPending.set(tmdbId, imdbId);
        if (imdbId !== null && selected.has(imdbId)) {
          // A selected title whose /find failed or missed, found after all through discover.
          found.add(imdbId);
          failed.delete(imdbId);
          notFound.delete(imdbId);
        }
        buffers.movie.push(outcome.record);
        if (buffers.movie.length >= limits.maxRecords) {
          schedule("movie", buffers.movie.splice(0, limits.maxRecords));
        }
      }
    };
    const workers = Math.max(1, Math.min(settings.concurrency, ids.length));
    await Promise.all(Array.from({ length: workers }, worker));
  };

  try {
    const workers = Math.max(1, Math.min(settings.concurrency, pending.length));
    await Promise.all(Array.from({ length: workers }, worker));
    if (settings.discover && !inner.signal.aborted) await discoverTitles(settings.discover);
    await writing;
    if (stopError !== undefined) throw stopError;
    throwIfCancelled(signal, checkpoint.files.length);
    const discoverChanged =
      discoverFetched > 0 ||
      JSON.stringify(discoverFailures()) !== JSON.stringify([...checkpoint.discoverFailed].sort(byFailure));
    if (pending.length === 0 && !discoverChanged) {
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
    const withDiscover = settings.discover !== undefined || checkpoint.discovered.length > 0;
    await store.put(manifest, manifestBody(resultOf(manifest), log, checkpoint, withDiscover), {
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
      discovered: discovered.size,
      withoutImdbId: [...discovered.values()].filter((imdbId) => imdbId === null).length,
      discoverFetched,
      discoverFailures: discoverFailures(),
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

/**
 * One discovered movie: `/movie/{id}` details, whose `imdb_id` TMDB may leave null or empty. Such a
 * title is kept with `imdb_id: null` (and counted as withoutImdbId): the challenge joins by imdb_id,
 * so it cannot join the CSVs, but it is still TMDB data the run was asked for.
 */
async function enrichDiscovered(
  getter: TmdbGetter,
  tmdbId: number,
  fields: TmdbSettings["fields"],
  signal: AbortSignal,
): Promise<Outcome> {
  const detail = await getter.get<Json>(`/movie/${tmdbId}`, { append_to_response: APPEND.movie }, { signal });
  if (signal.aborted) return { type: "cancelled" };
  if (!detail.ok) {
    const outcome = failure(detail, "movie");
    return outcome.type === "not_found" ? { type: "failed", reason: "movie: HTTP 404: not found" } : outcome;
  }
  if (typeof detail.body !== "object" || detail.body === null) {
    return { type: "failed", reason: "movie: the answer is not a JSON object" };
  }
  const raw = detail.body.imdb_id;
  const imdbId = typeof raw === "string" && raw.trim() !== "" ? raw.trim() : null;
  const record = pickFields("movie", imdbId, { ...detail.body, id: tmdbId }, fields);
  return { type: "found", kind: "movie", record };
}

interface DiscoverAnswer {
  page?: unknown;
  total_pages?: unknown;
  results?: { id?: unknown }[];
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
