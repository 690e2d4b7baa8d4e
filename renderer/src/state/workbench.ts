import type { ServiceEvent } from "../../../pipeline/contract";
import type { Notebook } from "../../../pipeline/document";
import type { ServiceClient } from "../service/client";
import type { CatalogState } from "./catalog-store";
import type { DocumentStore } from "./document-store";
import type { RunState } from "./run-store";
import type { Store } from "./store";
import type { UiState } from "./ui-store";

/**
 * Everything the UI holds for one open notebook: the stores and the controllers. Every room takes
 * this type from here, below itself; `app/create-workbench.ts` builds it. The controllers are
 * described by what their users call, so nothing here depends on how they are made.
 */
export interface Workbench {
  client: ServiceClient;
  path: string;
  /** Document state (saved): the notebook and its structural undo history. */
  doc: DocumentStore;
  /** Run state (not saved): status, outputs, timings, the queue, dependencies, stale cells. */
  runs: Store<RunState>;
  ui: Store<UiState>;
  catalog: Store<CatalogState>;
  autosave: Autosave;
  queue: RunQueueControl;
  /** Unsaved edits found by `notebook.open`, until the user restores or discards them. */
  recovered: Notebook | null;
  dispose(): void;
}

export type RunEvent = Extract<ServiceEvent, { type: `run.${string}` }>;

/** The run queue as the rest of the UI uses it (`run/run-queue.ts` is the one implementation). */
export interface RunQueueControl {
  /** Queues cells in order; a cell already waiting is not queued twice. */
  enqueue(cellIds: readonly string[], options?: { stopOnError?: boolean }): void;
  /** Stops the running cell (`run.cancel`) and empties the queue. */
  cancel(): void;
  /** Takes one waiting cell out of the queue. */
  remove(cellId: string): void;
  isBusy(): boolean;
  /** Hides the last Run all's summary (its progress, or where it stopped). */
  dismissSummary(): void;
  handleEvent(event: RunEvent): void;
}

export type SaveState =
  | { kind: "saved" }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "failed"; message: string };

/** Journal and save, as the UI drives them (`notebook/autosave.ts` is the one implementation). */
export interface Autosave {
  state: Store<SaveState>;
  /** Saves now if anything is unsaved (before a run, on Ctrl+S); `force` saves even when clean. */
  flush(force?: boolean): Promise<void>;
  /** The user chose "Keep mine" after the file changed on disk: replace the file, resume saving. */
  overwrite(): Promise<void>;
  /** Replaces the notebook with one already on disk (reload): not journaled, not dirty. */
  adopt(notebook: Notebook): void;
  /** True while our own save is in flight or just finished: a `notebook.changed` then is ours. */
  recentlySaved(): boolean;
  dispose(): void;
}
