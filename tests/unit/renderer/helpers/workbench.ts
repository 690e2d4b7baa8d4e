import { act, configure, render } from "@testing-library/react";
import { createElement as h } from "react";
import type { CellRunResult } from "../../../../pipeline/contract";
import type { Notebook } from "../../../../pipeline/document";
import { WorkbenchApp } from "../../../../renderer/src/app/App";
import { createWorkbench } from "../../../../renderer/src/app/create-workbench";
import type { Workbench } from "../../../../renderer/src/state/workbench";
import { type FakeService, fakeService, type Handlers } from "./fake-service";

// Generous waits: the suite shares two cores with DuckDB and s3rver tests.
configure({ asyncUtilTimeout: 5000 });

export interface Harness {
  service: FakeService;
  wb: Workbench;
  /** How each cell's run ends; default ok. `null` = never finishes on its own (until cancelled). */
  outcome: Record<string, Partial<CellRunResult> | null>;
  /** Reads/writes per cell as `notebook.dependencies` answers. */
  deps: Record<string, { reads?: string[]; writes?: string[] }>;
  runIds: Record<string, string>;
  settle(ms?: number): Promise<void>;
}

/**
 * A workbench over a fake service that runs cells on a timer and answers the rest of the contract
 * with small, valid data. `cell.run` emits run.started then run.finished like the real router.
 */
export function harness(
  notebook: Notebook,
  options: { recovered?: Notebook; autosaveMs?: number; deps?: Harness["deps"]; handlers?: Handlers } = {},
): Harness {
  const service = fakeService();
  let counter = 0;
  const partial: Omit<Harness, "wb"> = {
    service,
    outcome: {},
    deps: { ...options.deps },
    runIds: {},
    settle: async (ms = 0) => {
      await act(async () => {
        await new Promise((resolve) => setTimeout(resolve, ms));
      });
    },
  };
  const finish = (runId: string, cellId: string, extra: Partial<CellRunResult> = {}) =>
    service.emit({
      type: "run.finished",
      runId,
      result: { id: cellId, kind: "sql", status: "ok", ms: 5, summary: "1 rows × 1 columns", ...extra },
    });
  service.handle("cell.run", ({ cellId }) => {
    const runId = `run-${++counter}`;
    partial.runIds[cellId] = runId;
    const outcome = partial.outcome[cellId];
    setTimeout(() => {
      service.emit({ type: "run.started", runId, cellId });
      if (outcome !== null) setTimeout(() => finish(runId, cellId, outcome), 1);
    }, 1);
    return { runId };
  });
  service.handle("run.cancel", ({ runId }) => {
    const cellId = Object.keys(partial.runIds).find((id) => partial.runIds[id] === runId) ?? "";
    setTimeout(
      () =>
        finish(runId, cellId, {
          status: "error",
          summary: "Cancelled",
          error: { code: "CANCELLED", message: "The run was cancelled.", retryable: true },
        }),
      1,
    );
    return { cancelled: true };
  });
  service.handle("notebook.save", ({ notebook }) => ({
    path: "/nb/test.lakebook.md",
    bytes: JSON.stringify(notebook).length,
  }));
  service.handle("notebook.journal", () => ({ journaledAt: new Date(0).toISOString() }));
  service.handle("notebook.discardJournal", () => ({}));
  service.handle("notebook.open", () => ({ path: "/nb/test.lakebook.md", notebook }));
  service.handle("notebook.dependencies", ({ notebook: nb }) => ({
    cells: nb.cells.map((c) => ({
      id: c.id,
      reads: partial.deps[c.id]?.reads ?? [],
      writes: partial.deps[c.id]?.writes ?? [],
    })),
  }));
  service.handle("catalog.list", () => ({ tables: [] }));
  service.handle("lake.list", () => ({ objects: [] }));
  service.handle("query.release", () => ({}));
  for (const [method, handler] of Object.entries(options.handlers ?? {})) {
    service.handle(method as never, handler as never);
  }
  const wb = createWorkbench(
    service.client,
    {
      path: "/nb/test.lakebook.md",
      notebook,
      ...(options.recovered
        ? { recovered: { notebook: options.recovered, journaledAt: "2025-01-01T10:00:00Z" } }
        : {}),
    },
    { autosaveMs: options.autosaveMs ?? 30, pollMs: 0 },
  );
  return { ...partial, wb };
}

export function renderWorkbench(wb: Workbench) {
  return render(h(WorkbenchApp, { workbench: wb }));
}

export const cellElement = (id: string) => document.querySelector<HTMLElement>(`[data-cell-id="${id}"]`);
export const statusOf = (id: string) => cellElement(id)?.dataset.status;
