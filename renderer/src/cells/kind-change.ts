import type { Cell } from "../../../pipeline/document";
import { starterCell } from "../commands/starter-cells";
import { select } from "../state/ui-store";
import type { Workbench } from "../state/workbench";

/**
 * Puts `next` (same id, another kind) in its cell's place as one step of the undo timeline, so one
 * Undo takes the change back, text and settings as they were.
 */
export function applyKindChange(wb: Workbench, next: Cell): void {
  if (!wb.doc.get().notebook.cells.some((c) => c.id === next.id)) return;
  wb.doc.dispatch({ type: "replaceCell", cell: next });
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
