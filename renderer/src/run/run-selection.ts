import type { DependencyCell, RunState } from "../state/run-store";
import { downstreamOf } from "./stale";

/**
 * Which cells "Run stale" and "Run downstream" queue: pure choices over the notebook's order, the
 * run state and what each cell reads and writes (`notebook.dependencies`, the same edges stale
 * tracking spreads along). Both keep the notebook's order, as Run all does.
 */

/**
 * Every cell whose result is out of date or missing: marked stale, or never ran ok (not run yet,
 * or its last run failed: an edited failed cell is not "stale", yet it needs a run just as much).
 * A cell already waiting or running is left where it is.
 */
export function staleToRun(cellIds: readonly string[], runs: Pick<RunState, "cells" | "stale">): string[] {
  return cellIds.filter((id) => {
    const run = runs.cells[id];
    if (run?.status === "queued" || run?.status === "running") return false;
    return runs.stale.has(id) || run?.lastOk === undefined;
  });
}

/**
 * `cellId` and every cell that depends on it, directly or through others (reads a table it
 * writes, or its result by id). Before the service has said what cells read (`dependencies`
 * null), only the cell itself: nothing is known to depend on it yet.
 */
export function downstreamToRun(
  cellId: string,
  cellIds: readonly string[],
  dependencies: readonly DependencyCell[] | null,
): string[] {
  if (!cellIds.includes(cellId)) return [];
  const edges = downstreamOf(dependencies ?? []);
  const reached = new Set([cellId]);
  const next = [cellId];
  while (next.length > 0) {
    for (const reader of edges.get(next.pop() as string) ?? []) {
      if (reached.has(reader)) continue;
      reached.add(reader);
      next.push(reader);
    }
  }
  return cellIds.filter((id) => reached.has(id));
}
