import type { DependencyCell } from "../../state/run-store";

/**
 * The cell that builds `table`, from `notebook.dependencies` (the same reads/writes stale tracking
 * uses): the last writer above the check cell — the one whose data a run in order checked — or
 * else the first writer anywhere. Table names compare without case, as the engines do.
 */
export function writerCell(
  dependencies: readonly DependencyCell[] | null,
  table: string,
  checkCellId: string,
): string | undefined {
  if (!dependencies) return undefined;
  const wanted = table.toLowerCase();
  const writes = (cell: DependencyCell) => cell.writes.some((name) => name.toLowerCase() === wanted);
  const here = dependencies.findIndex((cell) => cell.id === checkCellId);
  const above = here < 0 ? [] : dependencies.slice(0, here);
  return above.findLast(writes)?.id ?? dependencies.find(writes)?.id;
}
