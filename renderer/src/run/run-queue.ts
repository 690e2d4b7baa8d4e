import type { CellRunResult, ServiceError } from "../../../pipeline/contract";
import type { ServiceClient } from "../service/client";
import { patchCell, type RunState } from "../state/run-store";
import type { Store } from "../state/store";
import type { RunEvent, RunQueueControl } from "../state/workbench";

export interface RunQueueOptions {
  client: Pick<ServiceClient, "call">;
  runs: Store<RunState>;
  /** Saves pending edits and waits for the event socket, so the service runs what the user sees. */
  beforeRun(): Promise<void>;
  /** Hash of a cell's current source, recorded with the run for stale tracking. */
  sourceHashOf(cellId: string): string;
  onFinished?(result: CellRunResult, stoppedBatch: boolean): void;
  now?(): number;
  /** Ask `run.status` this often while waiting, in case an event was lost (0 = never). */
  pollMs?: number;
}

interface Entry {
  cellId: string;
  batch: number;
  stopOnError: boolean;
}

/**
 * The client-side run queue: one `cell.run` at a time, each waiting for its `run.finished`.
 * Run all / run from here are one batch: after a failure the rest of the batch leaves the queue and
 * goes back to the status it had before it was queued.
 */
export class RunQueue implements RunQueueControl {
  private entries: Entry[] = [];
  private current: (Entry & { runId?: string; cancelRequested?: boolean }) | null = null;
  private batches = 0;
  /** The batch the progress banner follows (several cells that stop on failure), and its cells. */
  private followed: { batch: number; cells: Set<string> } | null = null;
  private seq = 0;
  private waiting = new Map<string, (result: CellRunResult) => void>();
  private early = new Map<string, CellRunResult>();
  private readonly now: () => number;

  constructor(private readonly options: RunQueueOptions) {
    this.now = options.now ?? (() => Date.now());
  }

  /** Queues cells in order; a cell already waiting is not queued twice. */
  enqueue(cellIds: readonly string[], { stopOnError = true } = {}): void {
    const batch = ++this.batches;
    const { runs } = this.options;
    const queued: string[] = [];
    for (const cellId of cellIds) {
      if (this.entries.some((e) => e.cellId === cellId)) continue;
      this.entries.push({ cellId, batch, stopOnError });
      queued.push(cellId);
      const previous = runs.get().cells[cellId]?.status ?? "idle";
      patchCell(runs, cellId, { status: "queued", previous: previous === "queued" ? "idle" : previous });
    }
    if (stopOnError && queued.length > 1) {
      this.followed = { batch, cells: new Set(queued) };
      this.setBatch({ total: queued.length, done: 0, state: "running" });
    }
    this.publish();
    void this.pump();
  }

  /** Stops the running cell (`run.cancel`) and empties the queue. */
  cancel(): void {
    this.dropQueued(() => true);
    if (this.runs().batch?.state === "running") this.setBatch({ state: "cancelled" });
    const current = this.current;
    if (!current) return;
    current.cancelRequested = true;
    if (current.runId) void this.options.client.call("run.cancel", { runId: current.runId }).catch(() => {});
  }

  /** Takes one waiting cell out of the queue. */
  remove(cellId: string): void {
    this.dropQueued((e) => e.cellId === cellId);
  }

  /** Hides the last batch's summary (the banner's Dismiss). */
  dismissSummary(): void {
    if (this.runs().batch?.state !== "running") this.options.runs.set((s) => ({ ...s, batch: null }));
  }

  isBusy(): boolean {
    return this.current !== null || this.entries.length > 0;
  }

  handleEvent(event: RunEvent): void {
    const { runs } = this.options;
    switch (event.type) {
      case "run.started":
        return;
      case "run.progress": {
        const previous = runs.get().cells[event.cellId]?.progress;
        const samples = [...(previous?.samples ?? []), { at: this.now(), done: event.done }].slice(-20);
        patchCell(runs, event.cellId, {
          progress: {
            done: event.done,
            total: event.total,
            unit: event.unit,
            message: event.message,
            samples,
          },
        });
        return;
      }
      case "run.log":
        return;
      case "run.finished": {
        const resolve = this.waiting.get(event.runId);
        if (resolve) resolve(event.result);
        else {
          this.early.set(event.runId, event.result);
          if (this.early.size > 50) this.early.delete(this.early.keys().next().value as string);
        }
        return;
      }
      default: {
        const unhandled: never = event;
        // biome-ignore lint/correctness/noVoidTypeReturn: the exhaustiveness check; assigning to never fails to compile when an event kind is added
        return unhandled;
      }
    }
  }

  private dropQueued(which: (entry: Entry) => boolean): void {
    const { runs } = this.options;
    const dropped = this.entries.filter(which);
    if (dropped.length === 0) return;
    this.entries = this.entries.filter((e) => !which(e));
    for (const entry of dropped) {
      const previous = runs.get().cells[entry.cellId]?.previous ?? "idle";
      patchCell(runs, entry.cellId, { status: previous, previous: undefined });
    }
    this.publish();
  }

  private runs(): RunState {
    return this.options.runs.get();
  }

  private setBatch(patch: Partial<NonNullable<RunState["batch"]>>): void {
    this.options.runs.set((s) => {
      const base = s.batch ?? { total: 0, done: 0, state: "running" as const };
      return { ...s, batch: { ...base, ...patch } };
    });
  }

  /** Counts a finished cell of the followed batch, and says how the batch ended. */
  private countInBatch(entry: Entry, result: CellRunResult, stopped: boolean): void {
    const followed = this.followed;
    const batch = this.runs().batch;
    if (!followed || followed.batch !== entry.batch || !batch || batch.state !== "running") return;
    const done = batch.done + 1;
    if (result.status === "error" && (stopped || entry.stopOnError)) {
      const message = result.error?.message ?? result.summary;
      const cancelled = result.error?.code === "CANCELLED";
      this.setBatch(
        cancelled
          ? { done, state: "cancelled" }
          : { done, state: "failed", failed: { cellId: entry.cellId, message } },
      );
      this.followed = null;
      return;
    }
    const left = this.entries.some((e) => e.batch === entry.batch);
    this.setBatch({ done, state: left ? "running" : "done" });
    if (!left) this.followed = null;
  }

  private publish(): void {
    const current = this.current ? { cellId: this.current.cellId, runId: this.current.runId } : null;
    this.options.runs.set((s) => ({ ...s, queue: this.entries.map((e) => e.cellId), current }));
  }

  private async pump(): Promise<void> {
    if (this.current) return;
    const entry = this.entries.shift();
    if (!entry) return;
    const current: Entry & { runId?: string; cancelRequested?: boolean } = { ...entry };
    this.current = current;
    const { runs, client } = this.options;
    patchCell(runs, entry.cellId, {
      status: "running",
      previous: undefined,
      startedAt: this.now(),
      progress: undefined,
      error: undefined,
    });
    this.publish();
    let result: CellRunResult;
    try {
      await this.options.beforeRun();
      patchCell(runs, entry.cellId, { runningSourceHash: this.options.sourceHashOf(entry.cellId) });
      const { runId } = await client.call("cell.run", { cellId: entry.cellId });
      current.runId = runId;
      this.publish();
      patchCell(runs, entry.cellId, { runId });
      if (current.cancelRequested) void client.call("run.cancel", { runId }).catch(() => {});
      result = await this.waitFor(runId);
    } catch (error) {
      result = failedToStart(entry.cellId, error);
    }
    this.finish(current, result);
  }

  private waitFor(runId: string): Promise<CellRunResult> {
    const early = this.early.get(runId);
    if (early) {
      this.early.delete(runId);
      return Promise.resolve(early);
    }
    return new Promise((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const done = (result: CellRunResult) => {
        if (timer) clearTimeout(timer);
        this.waiting.delete(runId);
        resolve(result);
      };
      this.waiting.set(runId, done);
      const pollMs = this.options.pollMs ?? 0;
      const poll = () => {
        timer = setTimeout(async () => {
          try {
            const state = await this.options.client.call("run.status", { runId });
            if (state.result && this.waiting.has(runId)) return done(state.result);
          } catch {
            // The socket event may still come; keep waiting.
          }
          if (this.waiting.has(runId)) poll();
        }, pollMs);
      };
      if (pollMs > 0) poll();
    });
  }

  private finish(entry: Entry, result: CellRunResult): void {
    const { runs, client } = this.options;
    const before = runs.get().cells[entry.cellId];
    const replaced = before?.output?.type === "table" ? before.output.result.resultId : undefined;
    const ok = result.status === "ok";
    patchCell(runs, entry.cellId, {
      status: ok ? "ok" : result.status === "skipped" ? "idle" : "error",
      ms: result.ms,
      finishedAt: this.now(),
      summary: result.summary,
      output: result.output,
      error: result.error,
      progress: undefined,
      restored: undefined,
      ...(ok ? { lastOk: { seq: ++this.seq, sourceHash: before?.runningSourceHash ?? "" } } : {}),
    });
    if (
      replaced &&
      replaced !== (result.output?.type === "table" ? result.output.result.resultId : undefined)
    ) {
      void client.call("query.release", { resultId: replaced }).catch(() => {});
    }
    let stopped = false;
    if (!ok && entry.stopOnError && this.entries.some((e) => e.batch === entry.batch)) {
      this.dropQueued((e) => e.batch === entry.batch);
      stopped = true;
    }
    this.current = null;
    this.countInBatch(entry, result, stopped);
    this.publish();
    this.options.onFinished?.(result, stopped);
    void this.pump();
  }
}

function failedToStart(cellId: string, error: unknown): CellRunResult {
  const e = error as Partial<ServiceError> & { message?: string };
  return {
    id: cellId,
    kind: "",
    status: "error",
    ms: 0,
    summary: e.message ?? String(error),
    error: {
      code: e.code ?? "RUN_NOT_STARTED",
      message: e.message ?? String(error),
      ...(e.hint ? { hint: e.hint } : {}),
      retryable: e.retryable ?? true,
    },
  };
}
