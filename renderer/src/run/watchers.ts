import type { ServiceClient } from "../service/client";
import type { DocumentStore } from "../state/document-store";
import type { RunState } from "../state/run-store";
import type { Store } from "../state/store";
import { sourceHash } from "./source-hash";
import { type LastOkRun, sameSet, staleCells } from "./stale";

/**
 * Asks the service what each cell reads and writes (`notebook.dependencies`, the one set of rules),
 * a moment after the last edit. Until an answer comes, and when a call fails, the last answer stands:
 * an edited cell still turns stale at once (its source hash changed), and the spread downstream
 * follows the service's next answer.
 */
export function watchDependencies(
  client: Pick<ServiceClient, "call">,
  doc: DocumentStore,
  runs: Store<RunState>,
  delayMs = 300,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  let cells = doc.get().notebook.cells;
  const refresh = async () => {
    const ask = ++asked;
    const notebook = doc.get().notebook;
    let dependencies: RunState["dependencies"];
    try {
      dependencies = (await client.call("notebook.dependencies", { notebook })).cells;
    } catch {
      return; // Keep the last answer; the next edit asks again.
    }
    if (ask === asked) runs.set((s) => ({ ...s, dependencies }));
  };
  const unsubscribe = doc.subscribe(() => {
    const next = doc.get().notebook.cells;
    if (next === cells) return;
    cells = next;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void refresh(), delayMs);
  });
  void refresh();
  return () => {
    if (timer) clearTimeout(timer);
    unsubscribe();
  };
}

/** Recomputes the stale set whenever sources, runs or dependencies change (stale.ts is the policy). */
export function watchStale(doc: DocumentStore, runs: Store<RunState>): () => void {
  const hashes = new Map<string, { source: string; hash: string }>();
  const recompute = () => {
    const { dependencies, cells: runCells, stale } = runs.get();
    const cells = doc.get().notebook.cells;
    const sourceHashes: Record<string, string> = {};
    for (const cell of cells) {
      let entry = hashes.get(cell.id);
      if (!entry || entry.source !== cell.source) {
        entry = { source: cell.source, hash: sourceHash(cell.source) };
        hashes.set(cell.id, entry);
      }
      sourceHashes[cell.id] = entry.hash;
    }
    const lastOk: Record<string, LastOkRun | undefined> = {};
    for (const [id, run] of Object.entries(runCells)) lastOk[id] = run.lastOk;
    // Before the service's first answer no edges are known: an edited cell is stale, nothing spreads yet.
    const known = dependencies ?? cells.map((cell) => ({ id: cell.id, reads: [], writes: [] }));
    const next = staleCells({ cells: known, lastOk, sourceHash: sourceHashes });
    if (!sameSet(next, stale)) runs.set((s) => ({ ...s, stale: next }));
  };
  const a = doc.subscribe(recompute);
  const b = runs.subscribe(recompute);
  recompute();
  return () => {
    a();
    b();
  };
}
