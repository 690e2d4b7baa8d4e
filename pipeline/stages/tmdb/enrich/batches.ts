import { LakebookError } from "../../../contract";
import type { TitleKind } from "./fields";
import type { EnrichLedger } from "./ledger";
import type { Json, Outcome } from "./title-requests";

/**
 * The records waiting for their file and the one queue that writes them, plus the run's stop:
 * a 401 or a failed write stops every worker (`signal`), and `settled` rethrows why.
 */
export class Batches {
  private readonly inner = new AbortController();
  private readonly buffers: Record<TitleKind, Json[]> = { movie: [], tv: [] };
  private writing: Promise<void> = Promise.resolve();
  private stopError: unknown;
  private readonly onAbort = () => this.inner.abort();

  constructor(
    private readonly ledger: EnrichLedger,
    private readonly maxRecords: number,
    private readonly outer: AbortSignal | undefined,
  ) {
    outer?.addEventListener("abort", this.onAbort, { once: true });
  }

  /** Aborted on the caller's cancel and on a stop; every request of the run carries it. */
  get signal(): AbortSignal {
    return this.inner.signal;
  }

  add(kind: TitleKind, record: Json): void {
    const buffer = this.buffers[kind];
    buffer.push(record);
    if (buffer.length >= this.maxRecords) this.schedule(kind, buffer.splice(0, this.maxRecords));
  }

  /** Writes whatever the buffers hold, even less than a whole file. */
  flushAll(): void {
    for (const kind of ["movie", "tv"] as const) {
      if (this.buffers[kind].length > 0) this.schedule(kind, this.buffers[kind].splice(0));
    }
  }

  /** Waits for the writes scheduled so far; throws what stopped the run, if anything did. */
  async settled(): Promise<void> {
    await this.writing;
    if (this.stopError !== undefined) throw this.stopError;
  }

  stop(error: unknown): void {
    this.stopError ??= error;
    this.inner.abort();
  }

  /**
   * One title's requests. A 401 stops the whole run and an abort ends the worker (both "cancelled");
   * a client that throws instead of answering still accounts for the title: failed, listed.
   */
  async attempt(request: () => Promise<Outcome>): Promise<Outcome> {
    try {
      return await request();
    } catch (error) {
      if (error instanceof LakebookError && error.code === "TMDB_UNAUTHORIZED") {
        this.stop(error);
        return { type: "cancelled" };
      }
      if (this.inner.signal.aborted) return { type: "cancelled" };
      return { type: "failed", reason: `error: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  dispose(): void {
    this.outer?.removeEventListener("abort", this.onAbort);
  }

  private schedule(kind: TitleKind, records: Json[]): void {
    this.writing = this.writing
      .then(() => (this.stopError === undefined ? this.ledger.flush(kind, records) : undefined))
      .catch((error: unknown) => this.stop(error));
  }
}
