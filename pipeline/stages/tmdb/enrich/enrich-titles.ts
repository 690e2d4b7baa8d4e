import { LakebookError } from "../../../contract";
import type { ObjectStore, ProcessingDate } from "../../../lake";
import type { TmdbDiscoverSettings, TmdbSettings } from "../settings";
import { Batches } from "./batches";
import { loadCheckpoint, manifestKey } from "./checkpoint";
import { discoverMovieIds } from "./discover";
import { countingGetter, type TmdbGetter } from "./getter";
import { InOrder } from "./in-order";
import { EnrichLedger } from "./ledger";
import type { TmdbEnrichProgress, TmdbEnrichResult } from "./result";
import { byFailure, failureKey, manifestBody } from "./run-report";
import type { SelectedTitle } from "./select";
import { enrichDiscovered, enrichTitle, type Json, type Outcome } from "./title-requests";
import { FILE_LIMITS, type FileLimits, isTmdbId } from "./writer";

export interface EnrichTitlesOptions {
  store: ObjectStore;
  /** The TMDB client (rate limit, retries, cache, credentials live there). */
  getter: TmdbGetter;
  /** The titles to enrich, in the select's order; distinct IMDb ids. */
  titles: readonly SelectedTitle[];
  /** Values of the select's `id` that are not IMDb ids, reported back as `skipped`. */
  skipped?: readonly string[];
  settings: Pick<TmdbSettings, "fields" | "concurrency" | "name" | "discover"> & { date: ProcessingDate };
  signal?: AbortSignal;
  onProgress?: (progress: TmdbEnrichProgress) => void;
  /**
   * Asked before each title and discover page. Once true the run takes no new work, lets the titles
   * in flight finish, writes what it holds (a file may then hold fewer than 100 records) and returns
   * `partial: true` without a manifest; the same call again goes on from the checkpoint. For
   * Lambda's time limit; a local run has none.
   */
  deadlineReached?: () => boolean;
  /** For tests; the challenge's limits otherwise. */
  limits?: FileLimits;
}

export interface EnrichTitlesResult extends TmdbEnrichResult {
  /** Stopped at the deadline with titles left; the checkpoint in the lake lets the next run go on. */
  partial: boolean;
}

/**
 * Everything after the select: the titles' TMDB details into RAW files, resumable through the
 * checkpoint in the lake (titles written or not found are not fetched again; failed ones are).
 * Needs no DuckDB, so the Lambda bundle runs it as it is. Discover mode and the errors
 * (CANCELLED, TMDB_UNAUTHORIZED, with the checkpoint as of the last whole file) are described at
 * `runTmdbEnrichment`.
 */
export async function enrichTitles(options: EnrichTitlesOptions): Promise<EnrichTitlesResult> {
  const { store, settings, signal } = options;
  const { date, name } = settings;
  const limits = options.limits ?? FILE_LIMITS;
  throwIfCancelled(signal, 0);
  const checkpoint = await loadCheckpoint(store, date, name);
  const target = { store, date, name, limits };
  const ledger = new EnrichLedger(checkpoint, options.titles, settings.discover !== undefined, target);
  const batches = new Batches(ledger, limits.maxRecords, signal);
  const work: Work = {
    ledger,
    batches,
    getter: countingGetter(options.getter, ledger.log),
    settings,
    deadline: new Deadline(options.deadlineReached),
    onProgress: options.onProgress,
  };
  const result = (manifest: string | undefined, partial: boolean): EnrichTitlesResult => ({
    ...ledger.result({ skipped: options.skipped ?? [], fetched, discoverFetched, manifestKey: manifest }),
    partial,
  });
  let fetched = 0;
  let discoverFetched = 0;
  try {
    fetched = await lookUpSelected(work);
    if (settings.discover && !batches.signal.aborted && !work.deadline.hit) {
      discoverFetched = await lookUpDiscovered(work, settings.discover);
    }
    await batches.settled();
    throwIfCancelled(signal, ledger.checkpoint.files.length);
    if (work.deadline.hit) {
      batches.flushAll();
      await batches.settled();
      if (ledger.filesWritten.length === 0) await ledger.save();
      return result(undefined, true);
    }
    const discoverChanged =
      discoverFetched > 0 ||
      JSON.stringify(ledger.discoverFailures()) !==
        JSON.stringify([...ledger.checkpoint.discoverFailed].sort(byFailure));
    if (ledger.pending.length === 0 && !discoverChanged) {
      const existing = manifestKey(date, name);
      return result((await store.head(existing)) ? existing : undefined, false);
    }
    batches.flushAll();
    await batches.settled();
    if (ledger.filesWritten.length === 0) await ledger.save();
    const manifest = manifestKey(date, name);
    const withDiscover = settings.discover !== undefined || ledger.checkpoint.discovered.length > 0;
    const body = manifestBody(result(manifest, false), ledger.log, ledger.checkpoint, withDiscover);
    await store.put(manifest, body, { contentType: "application/json" });
    return result(manifest, false);
  } catch (error) {
    // Keep what was learnt since the last file (not-found titles) so a rerun skips them too.
    if (ledger.notFound.size > ledger.checkpoint.notFound.length) await ledger.save().catch(() => undefined);
    throw error;
  } finally {
    batches.dispose();
  }
}

interface Work {
  ledger: EnrichLedger;
  batches: Batches;
  getter: TmdbGetter;
  settings: EnrichTitlesOptions["settings"];
  deadline: Deadline;
  onProgress: EnrichTitlesOptions["onProgress"];
}

/** Remembers that the deadline was reached, so every worker stops alike. */
class Deadline {
  hit = false;
  constructor(private readonly reached?: () => boolean) {}
  /** Asked only while work is left: `hit` then means the run stopped with titles to go. */
  check(): boolean {
    if (!this.hit && this.reached?.()) this.hit = true;
    return this.hit;
  }
}

/** The selected titles not done yet, by a small pool of workers; returns how many were taken. */
async function lookUpSelected({ ledger, batches, getter, settings, deadline, onProgress }: Work) {
  const pending = ledger.pending;
  const inOrder = new InOrder<Extract<Outcome, { type: "found" }>>((found) =>
    batches.add(found.kind, found.record),
  );
  let next = 0;
  const worker = async () => {
    while (!batches.signal.aborted && next < pending.length && !deadline.check()) {
      const index = next++;
      const title = pending[index] as SelectedTitle;
      const outcome = await batches.attempt(() =>
        enrichTitle(getter, title, settings.fields, batches.signal),
      );
      if (outcome.type === "cancelled") return inOrder.settle(index, undefined);
      ledger.failed.delete(title.imdbId);
      if (outcome.type === "found") {
        ledger.found.add(title.imdbId);
        if (outcome.kind === "movie" && isTmdbId(outcome.record.id))
          ledger.enrichedMovies.add(outcome.record.id);
      } else if (outcome.type === "not_found") {
        ledger.notFound.add(title.imdbId);
      } else {
        ledger.failed.set(title.imdbId, outcome.reason);
      }
      inOrder.settle(index, outcome.type === "found" ? outcome : undefined);
      onProgress?.(ledger.progress());
    }
  };
  await Promise.all(Array.from({ length: workerCount(settings.concurrency, pending.length) }, worker));
  return next;
}

/**
 * Discover mode: pages `/discover/movie`, then fetches `/movie/{id}` for TMDB ids not enriched yet;
 * a selected title found this way counts as found. Returns how many details were taken.
 */
async function lookUpDiscovered(work: Work, discover: TmdbDiscoverSettings): Promise<number> {
  const { ledger, batches, getter, settings, deadline } = work;
  let ids: number[];
  try {
    ids = await discoverMovieIds(getter, discover, {
      signal: batches.signal,
      known: (id) => ledger.enrichedMovies.has(id) || ledger.discovered.has(id),
      onPageFailed: (failure) => ledger.discoverFailed.set(failureKey(failure), failure),
      outOfTime: () => deadline.check(),
    });
  } catch (error) {
    batches.stop(error);
    return 0;
  }
  const inOrder = new InOrder<Json>((record) => batches.add("movie", record));
  let taken = 0;
  const worker = async () => {
    while (!batches.signal.aborted && taken < ids.length && !deadline.check()) {
      const index = taken++;
      const tmdbId = ids[index] as number;
      const outcome = await batches.attempt(() =>
        enrichDiscovered(getter, tmdbId, settings.fields, batches.signal),
      );
      if (outcome.type === "cancelled") return inOrder.settle(index, undefined);
      inOrder.settle(index, settleDiscovered(ledger, tmdbId, outcome));
    }
  };
  await Promise.all(Array.from({ length: workerCount(settings.concurrency, ids.length) }, worker));
  return taken;
}

/** Records a discovered title's outcome; returns the record to write, if any. */
function settleDiscovered(ledger: EnrichLedger, tmdbId: number, outcome: Outcome): Json | undefined {
  const key = failureKey({ tmdbId });
  if (outcome.type !== "found") {
    const reason = outcome.type === "failed" ? outcome.reason : "movie: not found";
    ledger.discoverFailed.set(key, { tmdbId, reason });
    return undefined;
  }
  ledger.discoverFailed.delete(key);
  const imdbId = typeof outcome.record.imdb_id === "string" ? outcome.record.imdb_id : null;
  // Already written under this IMDb id (a file from before TMDB ids were listed): not twice.
  if (imdbId !== null && ledger.written.has(imdbId)) return undefined;
  ledger.enrichedMovies.add(tmdbId);
  ledger.discoverPending.set(tmdbId, imdbId);
  if (imdbId !== null && ledger.selected.has(imdbId)) {
    // A selected title whose /find failed or missed, found after all through discover.
    ledger.found.add(imdbId);
    ledger.failed.delete(imdbId);
    ledger.notFound.delete(imdbId);
  }
  return outcome.record;
}

function workerCount(concurrency: number, items: number): number {
  return Math.max(1, Math.min(concurrency, items));
}

function throwIfCancelled(signal: AbortSignal | undefined, files: number): void {
  if (!signal?.aborted) return;
  throw new LakebookError("CANCELLED", "The TMDB enrichment was cancelled.", {
    hint: `The ${files} finished file(s) are kept in the checkpoint; run the cell again to fetch only what is missing.`,
  });
}
