import type { CellOutput, ServiceError } from "../../../pipeline/contract";
import { createStore, type Store } from "./store";

/** What a cell reads and writes (tables, or another cell's id), as `notebook.dependencies` answers. */
export interface DependencyCell {
  id: string;
  reads: readonly string[];
  writes: readonly string[];
}

/** A cell's last ok run, for stale tracking (run/stale.ts). */
export interface LastOkRun {
  /** Order of the run: larger is later. A counter, so two runs in the same millisecond still order. */
  seq: number;
  sourceHash: string;
}

/**
 * Run state: what happened when cells ran (status, timings, outputs, progress). Never saved in the
 * notebook file; it lives for the page's lifetime. The document itself is in document-store.ts.
 */
export type RunStatus = "idle" | "queued" | "running" | "ok" | "error";
export type DisplayStatus = RunStatus | "stale";

export interface ProgressSample {
  at: number;
  done: number;
}

export interface RunProgress {
  done: number;
  total?: number | undefined;
  unit: "bytes" | "rows" | "requests" | "titles" | "steps";
  message?: string | undefined;
  samples: ProgressSample[];
}

export interface CellRun {
  status: RunStatus;
  /** While queued: the status to go back to if the queue is stopped. */
  previous?: RunStatus;
  runId?: string;
  startedAt?: number;
  finishedAt?: number;
  ms?: number;
  summary?: string;
  output?: CellOutput;
  error?: ServiceError;
  progress?: RunProgress;
  /** Hash of the source the running run was started with. */
  runningSourceHash?: string;
  lastOk?: LastOkRun;
  /** Shown again from `.lakebook/` after a reload, not run in this page. */
  restored?: boolean;
}

/**
 * Run all / run from here as the user follows it: how far it got, and how it ended. Kept after the
 * batch ends so a failure stays on screen (with a way to the cell) until dismissed or a new batch.
 */
export interface BatchProgress {
  /** Cells of the batch, in order. */
  total: number;
  /** Cells of the batch that finished (ok or not). */
  done: number;
  state: "running" | "done" | "failed" | "cancelled";
  /** The cell the batch stopped at, with what went wrong. */
  failed?: { cellId: string; message: string } | undefined;
}

export interface RunState {
  cells: Readonly<Record<string, CellRun>>;
  /** Cells waiting to run, in order; the running one is `current`. */
  queue: readonly string[];
  current: { cellId: string; runId?: string } | null;
  /** Reads and writes per cell, from `notebook.dependencies`; null until the first answer. */
  dependencies: readonly DependencyCell[] | null;
  stale: ReadonlySet<string>;
  /** The last Run all / run from here; null when none ran or the user dismissed its summary. */
  batch: BatchProgress | null;
}

export const IDLE: CellRun = { status: "idle" };

export function createRunStore(): Store<RunState> {
  return createStore<RunState>({
    cells: {},
    queue: [],
    current: null,
    dependencies: null,
    stale: new Set(),
    batch: null,
  });
}

export function patchCell(store: Store<RunState>, id: string, patch: Partial<CellRun>): void {
  store.set((s) => ({ ...s, cells: { ...s.cells, [id]: { ...(s.cells[id] ?? IDLE), ...patch } } }));
}

export function displayStatus(run: CellRun | undefined, stale: boolean): DisplayStatus {
  const status = run?.status ?? "idle";
  if (stale && status === "ok") return "stale";
  return status;
}
