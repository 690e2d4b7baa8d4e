import { attr, type Cell } from "../../../../pipeline/document";
import { sourceHash } from "../../run/source-hash";
import type { RunState } from "../../state/run-store";

/**
 * The charts to redraw after `finishedId` ran ok: charts that read what it produced (its result,
 * for `source=`, or a table it writes, for `table=`), that have drawn before, whose own spec is as
 * it was when they drew (a half-typed spec is not run behind the user's back), and that are not
 * already waiting (Run all queues them itself). A chart run is one GROUP BY: cheap enough to just do.
 */
export function chartsToRefresh(finishedId: string, cells: readonly Cell[], runs: RunState): string[] {
  const dependencies = runs.dependencies ?? [];
  const produced = new Set([finishedId, ...(dependencies.find((d) => d.id === finishedId)?.writes ?? [])]);
  return cells
    .filter((cell) => {
      if (cell.kind !== "chart" || cell.id === finishedId) return false;
      const reads = dependencies.find((d) => d.id === cell.id)?.reads ?? [attr(cell, "source") ?? ""];
      if (!reads.some((name) => produced.has(name))) return false;
      const run = runs.cells[cell.id];
      if (run?.status !== "ok" || !run.lastOk) return false;
      if (run.lastOk.sourceHash !== sourceHash(cell.source)) return false;
      return !runs.queue.includes(cell.id) && runs.current?.cellId !== cell.id;
    })
    .map((cell) => cell.id);
}
