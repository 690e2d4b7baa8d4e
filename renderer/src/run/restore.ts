import type { RestoredRun } from "../../../pipeline/contract";
import type { ServiceClient } from "../service/client";
import { type CellRun, patchCell, type RunState } from "../state/run-store";
import type { Store } from "../state/store";
import { sourceHash } from "./source-hash";

/**
 * A recorded run as the run store holds it. Its `lastOk` carries the hash of the source it ran, so
 * stale.ts marks it stale when the text on screen differs; its `seq` is below every run of this
 * session (0 and up) and keeps the recorded order, so an upstream cell recorded later still makes
 * it stale.
 */
export function restoredCell(run: RestoredRun, seq: number): CellRun {
  const { result } = run;
  const ok = result.status === "ok";
  const finishedAt = Date.parse(run.finishedAt);
  return {
    status: ok ? "ok" : result.status === "error" ? "error" : "idle",
    ms: result.ms,
    summary: result.summary,
    restored: true,
    ...(Number.isNaN(finishedAt) ? {} : { finishedAt }),
    ...(result.output ? { output: result.output } : {}),
    ...(result.error ? { error: result.error } : {}),
    ...(ok ? { lastOk: { seq, sourceHash: sourceHash(run.source) } } : {}),
  };
}

/**
 * Shows each cell's last recorded output again after a reload (`notebook.lastRuns`). A cell that
 * already ran in this page keeps its own run; a cell no longer in the notebook is ignored.
 */
export async function restoreLastRuns(
  client: Pick<ServiceClient, "call">,
  runs: Store<RunState>,
  cellIds: () => ReadonlySet<string>,
): Promise<number> {
  let recorded: RestoredRun[];
  try {
    recorded = (await client.call("notebook.lastRuns", {})).runs;
  } catch {
    return 0; // An older service, or no state folder: the cells say "Not run", as before.
  }
  const known = cellIds();
  let restored = 0;
  recorded.forEach((run, index) => {
    const id = run.result.id;
    if (!known.has(id) || runs.get().cells[id] !== undefined) return;
    patchCell(runs, id, restoredCell(run, index - recorded.length));
    restored++;
  });
  return restored;
}
