import type { Cell } from "../../../pipeline/document";
import { starterCell } from "../commands/starter-cells";
import { select } from "../state/ui-store";
import type { Workbench } from "../state/workbench";

/**
 * Puts `next` (same id, another kind) in its cell's place. The history's edits are insert, remove
 * and move, so a kind change is the old cell out and the new one in at the same index: Undo takes
 * it back in two steps, and nothing typed is lost.
 */
export function applyKindChange(wb: Workbench, next: Cell): void {
  const index = wb.doc.get().notebook.cells.findIndex((c) => c.id === next.id);
  if (index < 0) return;
  wb.doc.dispatch({ type: "remove", id: next.id });
  wb.doc.dispatch({ type: "insert", index, cell: next });
  // Its last output (a table under what is now prose) belongs to the old kind.
  wb.runs.set((s) => {
    if (!(next.id in s.cells)) return s;
    const { [next.id]: _old, ...cells } = s.cells;
    return { ...s, cells };
  });
  select(wb.ui, next.id);
}

/** A new `kind` cell's starting body under the cell's own id (a chart bound to the SQL cell above it). */
export function starterOfKind(wb: Workbench, id: string, kind: string): Cell {
  const notebook = wb.doc.get().notebook;
  const index = notebook.cells.findIndex((c) => c.id === id);
  // Without the cell itself: an SQL cell turned chart must not be its own source.
  const others = { ...notebook, cells: notebook.cells.filter((c) => c.id !== id) };
  return starterCell({ id, kind, attrs: [], source: "" }, others, Math.max(0, index), wb.runs.get());
}
