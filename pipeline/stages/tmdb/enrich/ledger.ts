import { formatDateIso, type ObjectStore, type ProcessingDate } from "../../../lake";
import { type Checkpoint, type DiscoverFailure, saveCheckpoint } from "./checkpoint";
import type { TitleKind } from "./fields";
import { addRequestLogs, emptyRequestLog } from "./getter";
import type { TmdbEnrichProgress, TmdbEnrichResult } from "./result";
import { byFailure, byId, failureKey } from "./run-report";
import type { SelectedTitle } from "./select";
import type { Json } from "./title-requests";
import { type FileLimits, isTmdbId, type WrittenFile, writeTmdbFiles } from "./writer";

export interface LedgerTarget {
  store: ObjectStore;
  date: ProcessingDate;
  name: string;
  limits: FileLimits;
}

/**
 * What one enrichment run knows: the checkpoint it started from, every title's fate since, and the
 * files it wrote. `flush` is the only writer of data files and of the checkpoint, so the checkpoint
 * always names whole files.
 */
export class EnrichLedger {
  checkpoint: Checkpoint;
  readonly log = emptyRequestLog();
  /** IMDb ids in files when the run started. */
  readonly written: Set<string>;
  readonly selected: Set<string>;
  /** Selected titles in the lake's files (or in the buffers, on their way there). */
  readonly found: Set<string>;
  readonly notFound: Set<string>;
  readonly failed: Map<string, string>;
  /** Selected titles to look up: neither written nor known to be missing. */
  readonly pending: SelectedTitle[];
  // TMDB ids of movies already enriched: movie and TV ids are separate sequences, so only movies count.
  readonly enrichedMovies: Set<number>;
  readonly discovered: Map<number, string | null>;
  /** Discovered titles fetched and buffered, not yet in a file: done once flushed. */
  readonly discoverPending = new Map<number, string | null>();
  readonly discoverFailed: Map<string, DiscoverFailure>;
  readonly filesWritten: string[] = [];
  private readonly baseRequests;

  constructor(
    checkpoint: Checkpoint,
    private readonly titles: readonly SelectedTitle[],
    discovering: boolean,
    private readonly target: LedgerTarget,
  ) {
    this.checkpoint = checkpoint;
    this.baseRequests = checkpoint.requests;
    this.written = new Set(checkpoint.files.flatMap((file) => file.ids));
    this.notFound = new Set(checkpoint.notFound);
    this.failed = new Map(checkpoint.failed.map((entry) => [entry.imdbId, entry.reason]));
    this.pending = titles.filter((t) => !this.written.has(t.imdbId) && !this.notFound.has(t.imdbId));
    this.selected = new Set(titles.map((t) => t.imdbId));
    this.found = new Set([...this.written].filter((id) => this.selected.has(id)));
    this.enrichedMovies = new Set(
      checkpoint.files.filter((file) => file.kind === "movie").flatMap((file) => file.tmdbIds ?? []),
    );
    this.discovered = new Map(checkpoint.discovered.map((entry) => [entry.tmdbId, entry.imdbId]));
    // Pages are read again when discovering, so only the earlier title failures carry over.
    this.discoverFailed = new Map(
      checkpoint.discoverFailed
        .filter((entry) => !discovering || entry.page === undefined)
        .map((entry) => [failureKey(entry), entry]),
    );
  }

  progress(): TmdbEnrichProgress {
    const notFound = [...this.notFound].filter((id) => this.selected.has(id)).length;
    const failed = [...this.failed.keys()].filter((id) => this.selected.has(id)).length;
    const found = this.found.size;
    return { total: this.titles.length, done: found + notFound + failed, found, notFound, failed };
  }

  discoverFailures(): DiscoverFailure[] {
    return [...this.discoverFailed.values()].sort(byFailure);
  }

  snapshot(files: WrittenFile[]): Checkpoint {
    return {
      ...this.checkpoint,
      files: [...this.checkpoint.files, ...files],
      notFound: [...this.notFound].sort(),
      failed: [...this.failed].map(([imdbId, reason]) => ({ imdbId, reason })).sort(byId),
      requests: addRequestLogs(this.baseRequests, this.log),
      discovered: [...this.discovered]
        .map(([tmdbId, imdbId]) => ({ tmdbId, imdbId }))
        .sort((a, b) => a.tmdbId - b.tmdbId),
      discoverFailed: this.discoverFailures(),
    };
  }

  /** Stores the checkpoint as of now, with no new file. */
  async save(): Promise<void> {
    this.checkpoint = this.snapshot([]);
    await saveCheckpoint(this.target.store, this.target.date, this.checkpoint);
  }

  /** Writes `records` as the next files of `kind`, then the checkpoint naming them. */
  async flush(kind: TitleKind, records: Json[]): Promise<void> {
    const { store, date, name, limits } = this.target;
    const numbers = this.checkpoint.files.filter((file) => file.kind === kind).map((file) => file.number);
    const firstNumber = Math.max(0, ...numbers) + 1;
    const sorted = [...records].sort((a, b) => String(a.imdb_id).localeCompare(String(b.imdb_id)));
    // Not cancelled by the signal: a whole batch is cheap to finish and keeps the checkpoint whole.
    const result = await writeTmdbFiles(store, { date, name, kind, firstNumber }, sorted, limits);
    if (kind === "movie") {
      for (const tmdbId of result.written.flatMap((file) => file.tmdbIds ?? [])) {
        if (!this.discoverPending.has(tmdbId)) continue;
        this.discovered.set(tmdbId, this.discoverPending.get(tmdbId) ?? null);
        this.discoverPending.delete(tmdbId);
      }
    }
    for (const record of result.oversized) this.oversized(kind, record);
    this.filesWritten.push(...result.written.map((file) => file.key));
    this.checkpoint = this.snapshot(result.written);
    await saveCheckpoint(store, date, this.checkpoint);
  }

  private oversized(kind: TitleKind, record: Json): void {
    const reason = `record over ${this.target.limits.maxBytes} bytes`;
    if (kind === "movie" && isTmdbId(record.id) && this.discoverPending.has(record.id)) {
      this.discoverPending.delete(record.id);
      const failure = { tmdbId: record.id, reason };
      this.discoverFailed.set(failureKey(failure), failure);
      return;
    }
    this.found.delete(String(record.imdb_id));
    this.failed.set(String(record.imdb_id), reason);
  }

  result(run: {
    skipped: readonly string[];
    fetched: number;
    discoverFetched: number;
    manifestKey: string | undefined;
  }): TmdbEnrichResult {
    const { titles, notFound, failed } = this;
    return {
      ...this.progress(),
      date: formatDateIso(this.target.date),
      name: this.target.name,
      skipped: [...run.skipped],
      fetched: run.fetched,
      notFoundIds: titles.map((t) => t.imdbId).filter((id) => notFound.has(id)),
      failedTitles: titles
        .filter((t) => failed.has(t.imdbId))
        .map((t) => ({ imdbId: t.imdbId, reason: failed.get(t.imdbId) ?? "" })),
      filesWritten: [...this.filesWritten],
      files: this.checkpoint.files.map((file) => file.key),
      requests: { ...this.log },
      discovered: this.discovered.size,
      withoutImdbId: [...this.discovered.values()].filter((imdbId) => imdbId === null).length,
      discoverFetched: run.discoverFetched,
      discoverFailures: this.discoverFailures(),
      manifestKey: run.manifestKey,
    };
  }
}
