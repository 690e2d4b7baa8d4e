/**
 * Which cells are stale: a pure policy over what each cell reads and writes (from
 * `notebook.dependencies`) and when each last ran ok.
 *
 * A cell that ran ok is stale when
 * - its source changed since that run, or
 * - a cell that writes a table it reads ran ok after it (upstream re-run);
 * and every cell downstream of a stale cell (reading what it writes, transitively) is stale too.
 * A cell that never ran ok is never "stale": it is idle or failed, which says more.
 */

import type { DependencyCell, LastOkRun } from "../state/run-store";

export type { DependencyCell, LastOkRun };

export interface StaleInput {
  cells: readonly DependencyCell[];
  lastOk: Readonly<Record<string, LastOkRun | undefined>>;
  /** Hash of each cell's current source. */
  sourceHash: Readonly<Record<string, string>>;
}

/**
 * Who reads what each cell produces. A cell also "writes" its own id, so a chart reading
 * `source=top_subgenres` depends on that cell's result.
 */
export function downstreamOf(cells: readonly DependencyCell[]): Map<string, Set<string>> {
  const writers = new Map<string, Set<string>>();
  for (const cell of cells) {
    for (const name of [cell.id, ...cell.writes]) {
      const set = writers.get(name) ?? new Set<string>();
      set.add(cell.id);
      writers.set(name, set);
    }
  }
  const downstream = new Map<string, Set<string>>(cells.map((c) => [c.id, new Set<string>()]));
  for (const reader of cells) {
    for (const name of reader.reads) {
      for (const writer of writers.get(name) ?? []) {
        if (writer !== reader.id) downstream.get(writer)?.add(reader.id);
      }
    }
  }
  return downstream;
}

export function staleCells(input: StaleInput): Set<string> {
  const downstream = downstreamOf(input.cells);
  const upstream = new Map<string, string[]>(input.cells.map((c) => [c.id, []]));
  for (const [writer, readers] of downstream) {
    for (const reader of readers) upstream.get(reader)?.push(writer);
  }

  const stale = new Set<string>();
  for (const cell of input.cells) {
    const ok = input.lastOk[cell.id];
    if (!ok) continue;
    const changed = input.sourceHash[cell.id] !== undefined && input.sourceHash[cell.id] !== ok.sourceHash;
    const upstreamRanLater = (upstream.get(cell.id) ?? []).some(
      (id) => (input.lastOk[id]?.seq ?? -1) > ok.seq,
    );
    if (changed || upstreamRanLater) stale.add(cell.id);
  }

  // Propagate through every cell (even ones never run), but only cells with an ok run are marked.
  const queue = [...stale];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const id = queue.shift() as string;
    for (const next of downstream.get(id) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(next);
      if (input.lastOk[next]) stale.add(next);
    }
  }
  return stale;
}

export function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  if (a.size !== b.size) return false;
  for (const item of a) if (!b.has(item)) return false;
  return true;
}
